#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::as_conversions
)]
//! A private key is never echoed: no report, debug output or problem text built from an input
//! holding a key contains the key's secret in hex, base64, or (for RSA's private exponent)
//! decimal.

use certscope::input::{parse_input, InputOptions, Password};
use certscope::report::{analyze, AnalyzeOptions};
use der::Decode;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/input/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn pem_der(name: &str) -> Vec<u8> {
    let text = String::from_utf8(fixture(name)).unwrap();
    let (_, der) = der::pem::decode_vec(text.as_bytes()).unwrap();
    der
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Big-endian unsigned bytes to decimal, by repeated division.
fn decimal(bytes: &[u8]) -> String {
    let mut digits = Vec::new();
    let mut number: Vec<u8> = bytes.to_vec();
    while number.iter().any(|&b| b != 0) {
        let mut remainder = 0u32;
        for byte in number.iter_mut() {
            let value = (remainder << 8) | u32::from(*byte);
            *byte = (value / 10) as u8;
            remainder = value % 10;
        }
        digits.push(char::from(b'0' + remainder as u8));
    }
    digits.iter().rev().collect()
}

/// Every rendering of `secret` that must never appear.
fn forbidden(secret: &[u8]) -> Vec<String> {
    use base64ct::Encoding;
    let mut out = vec![
        hex(secret),
        hex(secret).to_uppercase(),
        base64ct::Base64::encode_string(secret),
        base64ct::Base64Unpadded::encode_string(secret),
    ];
    // Any 12-byte stretch in hex: a partial leak is a leak.
    for window in secret.windows(12).step_by(4) {
        out.push(hex(window));
    }
    out
}

fn assert_no_leak(input: &[u8], options: &InputOptions, secrets: &[Vec<u8>], extra: &[String]) {
    let analyze_options = AnalyzeOptions {
        input: options.clone(),
        ..AnalyzeOptions::at_unix_seconds(1_800_000_000)
    };
    let report = analyze(input, &analyze_options).unwrap();
    assert!(
        report
            .objects
            .iter()
            .any(|o| matches!(o, certscope::report::ObjectReport::PrivateKey(_))),
        "no key found: {:?}",
        report.problems
    );
    let parsed = parse_input(input, options).unwrap();
    let problems: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
    let renderings = [
        serde_json::to_string(&report).unwrap(),
        format!("{report:?}"),
        format!("{parsed:?}"),
        format!("{options:?}"),
        problems.join("\n"),
    ];
    for rendering in &renderings {
        for secret in secrets {
            for needle in forbidden(secret) {
                assert!(!rendering.contains(&needle), "leaked {needle}");
            }
        }
        for needle in extra {
            assert!(!rendering.contains(needle.as_str()), "leaked {needle}");
        }
    }
}

#[test]
fn rsa_key_is_never_echoed() {
    let der = pem_der("rsa.pkcs1.pem");
    let key = pkcs1::RsaPrivateKey::<der::asn1::UintRef<'_>>::from_der(&der).unwrap();
    let secrets = vec![
        key.private_exponent.as_bytes().to_vec(),
        key.prime1.as_bytes().to_vec(),
        key.prime2.as_bytes().to_vec(),
        key.coefficient.as_bytes().to_vec(),
        der.clone(),
    ];
    let d_decimal = decimal(key.private_exponent.as_bytes());
    assert!(d_decimal.len() > 600);
    let extra = vec![d_decimal];
    for input in [
        fixture("rsa.pkcs1.pem"),
        fixture("rsa.pkcs8.der"),
        [fixture("ca.pem"), fixture("rsa.pkcs1.pem")].concat(),
    ] {
        assert_no_leak(&input, &InputOptions::default(), &secrets, &extra);
    }
    let with_password = InputOptions {
        password: Some(Password::new("fixture")),
        ..InputOptions::default()
    };
    assert_no_leak(
        &fixture("rsa.encrypted-legacy.der"),
        &with_password,
        &secrets,
        &extra,
    );
    assert_no_leak(
        &fixture("legacy-3des.p12"),
        &with_password,
        &secrets,
        &extra,
    );
}

#[test]
fn ec_and_ed25519_keys_are_never_echoed() {
    let der = fixture("ec.sec1.der");
    let key = sec1::EcPrivateKey::from_der(&der).unwrap();
    let scalar = key.private_key.to_vec();
    let with_password = InputOptions {
        password: Some(Password::new("fixture")),
        ..InputOptions::default()
    };
    for (input, options) in [
        (fixture("ec.sec1.pem"), InputOptions::default()),
        (fixture("ec.pkcs8.pem"), InputOptions::default()),
        (fixture("ec.encrypted.pem"), with_password.clone()),
        (fixture("modern.p12"), with_password.clone()),
        (fixture("legacy-rc2.p12"), with_password.clone()),
    ] {
        assert_no_leak(&input, &options, &[scalar.clone(), der.clone()], &[]);
    }
    // The Ed25519 fixture's seed is 00 01 02 ... 1f (tests/data/input/gen.py).
    let seed: Vec<u8> = (0u8..32).collect();
    assert_no_leak(
        &fixture("ed25519.pkcs8.pem"),
        &InputOptions::default(),
        &[seed],
        &[],
    );
}

#[test]
fn password_is_never_echoed() {
    let options = InputOptions {
        password: Some(Password::new("correct horse battery staple")),
        ..InputOptions::default()
    };
    let parsed = parse_input(&fixture("modern.p12"), &options).unwrap();
    let text = format!("{options:?} {parsed:?} {}", parsed.problems[0]);
    assert!(!text.contains("horse"));
}
