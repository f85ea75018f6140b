#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::as_conversions
)]
//! Hand-broken and mutated inputs: every one gives objects and problems, never a panic.

use certscope::input::{
    parse_input, Encoding, InputError, InputOptions, Object, Password, ProblemKind,
};
use certscope::report::{analyze, AnalyzeOptions};

const FIXTURES: &[&str] = &[
    "ca.der",
    "ca.pem",
    "chain.pem",
    "csr-rsa.der",
    "csr-ed25519.pem",
    "crl.der",
    "bundle.p7b",
    "bundle-crl.p7b",
    "bundle.p7b.pem",
    "modern.p12",
    "legacy-rc2.p12",
    "legacy-3des.p12",
    "ec.sec1.der",
    "rsa.pkcs8.der",
    "ec.encrypted.pem",
    "rsa.encrypted-legacy.der",
    "ed25519.pkcs8.pem",
    "ec.pub.pem",
    "serial-25-bytes.der",
    "bad-extension.pem",
];

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/input/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn parse(bytes: &[u8]) -> certscope::Parsed {
    parse_input(bytes, &InputOptions::default()).unwrap()
}

/// xorshift64*: a fixed, reproducible sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn truncated_certificate_says_where() {
    let der = fixture("ca.der");
    let parsed = parse(&der[..312]);
    assert!(parsed.objects.is_empty());
    let problem = &parsed.problems[0];
    assert_eq!(problem.kind, ProblemKind::Malformed);
    assert_eq!(
        problem.error.problem,
        format!(
            "a SEQUENCE ends after 308 of {} bytes: the input looks truncated",
            der.len() - 4
        )
    );
    assert_eq!(problem.error.offset, Some(4));
}

#[test]
fn truncated_pem_body_names_the_line() {
    let pem = String::from_utf8(fixture("chain.pem")).unwrap();
    // Drop the last 3 body lines of the second certificate.
    let lines: Vec<&str> = pem.lines().collect();
    let end = lines.len() - 1;
    let broken = [&lines[..end - 3], &lines[end..]].concat().join("\n");
    let parsed = parse(broken.as_bytes());
    assert_eq!(parsed.objects.len(), 1);
    let problem = &parsed.problems[0];
    let text = problem.to_string();
    assert!(
        text.starts_with("PEM block #2 (CERTIFICATE) at line "),
        "{text}"
    );
    assert!(text.contains("truncated"), "{text}");
}

#[test]
fn trailing_garbage_after_der() {
    let mut der = fixture("ca.der");
    let length = der.len();
    der.extend_from_slice(b"\x00\x01garbage");
    let parsed = parse(&der);
    assert_eq!(parsed.objects.len(), 1);
    let problem = &parsed.problems[0];
    assert_eq!(problem.origin.offset, length);
    assert!(
        problem
            .error
            .problem
            .starts_with("9 bytes of trailing data"),
        "{problem}"
    );
}

#[test]
fn trailing_garbage_in_a_pem_block() {
    use base64ct::Encoding as _;
    let mut der = fixture("ca.der");
    der.extend_from_slice(&[0x05, 0x00]);
    let text = format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        base64ct::Base64::encode_string(&der)
    );
    let parsed = parse(text.as_bytes());
    assert_eq!(parsed.objects.len(), 1);
    assert!(parsed.problems[0]
        .error
        .problem
        .contains("2 bytes of unexpected data"));
}

#[test]
fn wrong_length_and_wrong_tag() {
    let mut der = fixture("ca.der");
    // The outer SEQUENCE claims one byte more than there is.
    der[3] = der[3].wrapping_add(1);
    let parsed = parse(&der);
    assert!(parsed.objects.is_empty());
    assert!(parsed.problems[0].error.problem.contains("truncated"));

    let mut der = fixture("ca.der");
    // tbsCertificate tagged SET instead of SEQUENCE, under a CERTIFICATE label.
    der[4] = 0x31;
    use base64ct::Encoding as _;
    let text = format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        base64ct::Base64::encode_string(&der)
    );
    let parsed = parse(text.as_bytes());
    let problem = &parsed.problems[0];
    assert_eq!(problem.error.structure, "certificate");
    assert_eq!(problem.error.problem, "expected SEQUENCE but found SET");
    assert_eq!(problem.error.offset, Some(4), "{problem}");
}

#[test]
fn deeply_nested() {
    let mut der = vec![0x05, 0x00];
    for _ in 0..5_000 {
        let length = der.len();
        let mut outer = vec![0x30, 0x84];
        outer.extend_from_slice(&(length as u32).to_be_bytes());
        outer.extend(der);
        der = outer;
    }
    let parsed = parse(&der);
    assert!(parsed.objects.is_empty());
    assert_eq!(parsed.problems.len(), 1);
}

#[test]
fn empty_and_noise() {
    assert_eq!(parse(b"").problems[0].error.problem, "the input is empty");
    let mut rng = Rng(0x5eed);
    for round in 0..200 {
        let len = rng.below(600);
        let noise: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let parsed = parse(&noise);
        assert!(parsed.objects.is_empty(), "round {round}");
        assert!(!parsed.problems.is_empty(), "round {round}");
    }
}

#[test]
fn unknown_pem_label_and_legacy_encryption() {
    let text = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n\
                -----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nMAA=\n-----END RSA PRIVATE KEY-----\n\
                -----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: CAMELLIA-128-CBC,00112233445566778899AABBCCDDEEFF\n\nMAA=\n-----END RSA PRIVATE KEY-----\n";
    let parsed = parse(text.as_bytes());
    assert_eq!(parsed.problems.len(), 3);
    assert_eq!(parsed.problems[0].kind, ProblemKind::Unsupported);
    assert!(parsed.problems[0].error.problem.contains("EC PARAMETERS"));
    // OpenSSL's legacy PEM encryption is read with a password, and asks for one.
    assert_eq!(parsed.problems[1].kind, ProblemKind::PasswordRequired);
    assert!(parsed.problems[1].error.problem.contains("AES-128-CBC"));
    let with_password = InputOptions {
        password: Some(certscope::Password::from("secret")),
        ..InputOptions::default()
    };
    let parsed = parse_input(text.as_bytes(), &with_password).unwrap();
    // Two bytes of ciphertext are no whole block: a wrong password or a damaged block.
    assert_eq!(parsed.problems[1].kind, ProblemKind::WrongPassword);
    assert_eq!(parsed.problems[2].kind, ProblemKind::Unsupported);
    assert!(parsed.problems[2]
        .error
        .problem
        .contains("CAMELLIA-128-CBC"));
}

#[test]
fn object_limit() {
    let chain = fixture("chain.pem").repeat(3);
    let options = InputOptions {
        max_objects: 4,
        ..InputOptions::default()
    };
    assert_eq!(
        parse_input(&chain, &options).unwrap_err(),
        InputError::TooManyObjects { limit: 4 }
    );
    assert_eq!(
        parse_input(&chain, &InputOptions::default())
            .unwrap()
            .objects
            .len(),
        6
    );
}

#[test]
fn lenient_parse_keeps_rule_breakers() {
    for name in ["serial-25-bytes.der", "bad-extension.pem"] {
        let parsed = parse(&fixture(name));
        assert!(parsed.problems.is_empty(), "{name}: {:?}", parsed.problems);
        assert!(matches!(parsed.objects[0].object, Object::Certificate(_)));
    }
    let report = analyze(&fixture("serial-negative.der"), &AnalyzeOptions::default()).unwrap();
    let cert = report.certificates().next().unwrap();
    assert_eq!(cert.serial.hex, "ff01");
    assert_eq!(cert.serial.decimal, None);
    let cert = parse(&fixture("serial-25-bytes.der"));
    assert_eq!(
        cert.certificates().next().unwrap().der(),
        fixture("serial-25-bytes.der")
    );
}

#[test]
fn a_bad_object_does_not_hide_the_others() {
    let mut input = fixture("ca.pem");
    input.extend_from_slice(b"-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n");
    input.extend(fixture("crl.pem"));
    let parsed = parse(&input);
    assert_eq!(parsed.objects.len(), 2);
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.problems[0].origin.position, 1);
    assert!(matches!(
        parsed.problems[0].origin.encoding,
        Encoding::Pem { line: 20, .. } | Encoding::Pem { .. }
    ));
}

/// Thousands of mutations of every fixture go through the entry point and the report without
/// a panic.
#[test]
fn mutated_fixtures_never_panic() {
    let mut rng = Rng(0x0dd_ba11);
    let options = AnalyzeOptions {
        input: InputOptions {
            password: Some(Password::new("fixture")),
            ..InputOptions::default()
        },
        ..AnalyzeOptions::at_unix_seconds(1_800_000_000)
    };
    let mut runs = 0;
    for name in FIXTURES {
        let original = fixture(name);
        for _ in 0..150 {
            let mut bytes = original.clone();
            for _ in 0..=rng.below(3) {
                if bytes.is_empty() {
                    break;
                }
                let at = rng.below(bytes.len());
                match rng.below(5) {
                    0 => bytes[at] ^= 1 << rng.below(8),
                    1 => bytes[at] = rng.next() as u8,
                    2 => bytes.truncate(at),
                    3 => {
                        bytes.remove(at);
                    }
                    _ => bytes.insert(at, rng.next() as u8),
                }
            }
            let _ = analyze(&bytes, &options);
            runs += 1;
        }
    }
    assert_eq!(runs, FIXTURES.len() * 150);
}

#[test]
fn crl_signature_checks_are_bounded() {
    use certscope::input::SignatureCheck;
    use certscope::report::{ObjectReport, MAX_CRL_SIGNATURE_CHECKS};
    let input = [
        fixture("ca.pem"),
        fixture("crl.pem").repeat(MAX_CRL_SIGNATURE_CHECKS + 4),
    ]
    .concat();
    let report = analyze(&input, &AnalyzeOptions::default()).unwrap();
    let outcomes: Vec<&SignatureCheck> = report
        .objects
        .iter()
        .filter_map(|o| match o {
            ObjectReport::Crl(crl) => Some(&crl.issuer_signatures[0].signature),
            _ => None,
        })
        .collect();
    assert_eq!(outcomes.len(), MAX_CRL_SIGNATURE_CHECKS + 4);
    assert!(outcomes[..MAX_CRL_SIGNATURE_CHECKS]
        .iter()
        .all(|s| **s == SignatureCheck::Valid));
    assert!(matches!(
        outcomes[MAX_CRL_SIGNATURE_CHECKS],
        SignatureCheck::Unsupported { .. }
    ));
}
