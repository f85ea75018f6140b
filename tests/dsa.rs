//! DSA signatures (FIPS 186-4, RFC 3279 2.2.2, RFC 5758 3.1) on chains and CRLs that OpenSSL
//! made (`tests/data/dsa/generate.py`): certscope's verdict on each case against the one the
//! case states and OpenSSL's (`openssl.json`, with its version), and each signature against
//! Python `cryptography`'s answer (`cryptography.json`, with its version).
#![cfg(feature = "dsa")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::PathBuf;

use certscope::chain::{self, ChainError, ChainReport, Profile, Purpose, VerifyOptions};
use certscope::signature::{self, KeyAlgorithm, SignatureAlgorithm, SignatureError};
use certscope::time::UnixTime;
use certscope::Cert;
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/dsa")
}

fn read_json(name: &str) -> Value {
    serde_json::from_slice(&std::fs::read(dir().join(name)).unwrap()).unwrap()
}

fn cert(name: &str) -> Cert {
    let bytes = std::fs::read(dir().join(name)).unwrap();
    let parsed = certscope::parse_input(&bytes, &Default::default()).unwrap();
    let first = parsed.certificates().next().unwrap().clone();
    first
}

fn crl(name: &str) -> Vec<u8> {
    let mut crls = chain::crl::read_crls(&std::fs::read(dir().join(name)).unwrap()).unwrap();
    assert_eq!(crls.len(), 1, "{name}");
    crls.remove(0)
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

fn run(case: &Value, profile: Profile) -> ChainReport {
    let cases = read_json("cases.json");
    let time = UnixTime::parse_rfc3339(cases["time"].as_str().unwrap()).unwrap();
    let mut options = VerifyOptions::at(time);
    options.profile = profile;
    options.purpose = Purpose::Any;
    options.crls = strings(&case["crls"]).iter().map(|n| crl(n)).collect();
    let untrusted: Vec<Cert> = strings(&case["untrusted"])
        .iter()
        .map(|n| cert(n))
        .collect();
    let anchors: Vec<Cert> = strings(&case["anchors"]).iter().map(|n| cert(n)).collect();
    chain::verify(
        &cert(case["target"].as_str().unwrap()),
        &untrusted,
        &anchors,
        &options,
    )
}

fn case(id: &str) -> Value {
    read_json("cases.json")["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()
        .clone()
}

#[test]
fn every_case_matches_its_statement_and_openssl() {
    let cases = read_json("cases.json");
    let openssl = read_json("openssl.json");
    assert!(openssl["version"]
        .as_str()
        .unwrap()
        .starts_with("OpenSSL 3."));
    let cases = cases["cases"].as_array().unwrap();
    assert!(cases.len() >= 6);
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let expected = case["valid"].as_bool().unwrap();
        let answer = &openssl["answers"][id];
        assert_eq!(
            answer["valid"].as_bool(),
            Some(expected),
            "{id}: OpenSSL says {answer}"
        );
        for profile in [Profile::Rfc5280, Profile::Openssl] {
            let report = run(case, profile);
            assert_eq!(
                report.valid,
                expected,
                "{id} ({profile:?}): {:?}",
                report.error.as_ref().map(ToString::to_string)
            );
        }
    }
}

#[test]
fn failures_name_their_cause() {
    let report = run(&case("tampered"), Profile::Rfc5280);
    let error = report.error.unwrap().to_string();
    assert!(
        error.contains("the DSA with SHA-224 signature does not match"),
        "{error}"
    );
    let report = run(&case("chain-crl-revoked"), Profile::Rfc5280);
    assert!(
        matches!(report.error, Some(ChainError::Revoked { .. })),
        "{:?}",
        report.error
    );
    let report = run(&case("sha512-not-verified"), Profile::Rfc5280);
    let error = report.error.unwrap().to_string();
    assert!(
        error.contains("cannot verify") && error.contains("2.16.840.1.101.3.4.3.4"),
        "{error}"
    );
    // The Web PKI allows RSA and ECDSA only (CA/B BR 6.1.5, 7.1.3.2).
    let report = run(&case("chain"), Profile::WebPki);
    assert!(!report.valid);
    let error = report.error.unwrap().to_string();
    assert!(error.contains("DSA"), "{error}");
}

#[test]
fn key_sizes_are_reported() {
    for (name, bits, subgroup_bits) in [
        ("root.pem", 2048, 256),
        ("intermediate.pem", 3072, 256),
        ("leaf.pem", 2048, 224),
        ("legacy-root.pem", 1024, 160),
    ] {
        let c = cert(name);
        let key = signature::key_algorithm(c.x509().tbs_certificate().subject_public_key_info());
        assert_eq!(
            key,
            Ok(KeyAlgorithm::Dsa {
                bits,
                subgroup_bits
            }),
            "{name}"
        );
    }
    let leaf = cert("leaf.pem");
    assert_eq!(
        signature::signature_algorithm(leaf.x509().signature_algorithm()),
        Ok(SignatureAlgorithm::Dsa {
            hash: signature::HashAlgorithm::Sha224
        })
    );
}

/// certscope's verdict on one signature: the signed object (certificate or CRL) under the
/// signer certificate's key.
fn certscope_verifies(signed: &str, signer: &str) -> Result<(), SignatureError> {
    let key = cert(signer)
        .x509()
        .tbs_certificate()
        .subject_public_key_info()
        .clone();
    if signed.ends_with(".crl.pem") {
        let crl = chain::crl::Crl::from_der(&crl(signed)).unwrap();
        let list = crl.list();
        signature::verify(
            &list.signature_algorithm,
            crl.tbs_der(),
            &list.signature,
            &key,
        )
        .map(|_| ())
    } else {
        signature::verify_certificate(&cert(signed), &key).map(|_| ())
    }
}

#[test]
fn signatures_agree_with_python_cryptography() {
    let answers = read_json("cryptography.json");
    assert!(answers["version"]
        .as_str()
        .unwrap()
        .starts_with("cryptography "));
    let mut compared = 0;
    for answer in answers["answers"].as_array().unwrap() {
        let signed = answer["signed"].as_str().unwrap();
        let signer = answer["signer"].as_str().unwrap();
        let ours = certscope_verifies(signed, signer);
        let error = answer["error"].as_str().unwrap_or_default();
        if error.contains("Unsupported") {
            // No verdict from `cryptography`: SHA-1 signatures and id-dsa-with-sha512. certscope
            // verifies the first (the Web PKI refuses SHA-1 in path validation, not here) and
            // cannot verify the second, as OpenSSL 3.0 cannot.
            match signed {
                "leaf-sha512.pem" => assert!(
                    matches!(ours, Err(SignatureError::UnsupportedAlgorithm { .. })),
                    "{ours:?}"
                ),
                _ => assert_eq!(ours, Ok(()), "{signed} by {signer}"),
            }
            continue;
        }
        assert_eq!(
            ours.is_ok(),
            answer["verifies"].as_bool().unwrap(),
            "{signed} by {signer}: {ours:?}, cryptography: {answer}"
        );
        compared += 1;
    }
    assert!(compared >= 8, "{compared}");
}

#[test]
fn broken_signatures_and_keys_are_errors_not_panics() {
    let leaf = cert("leaf.pem");
    let issuer = cert("intermediate.pem");
    let spki = issuer.x509().tbs_certificate().subject_public_key_info();
    let x509 = leaf.x509();
    let value = x509.signature().as_bytes().unwrap().to_vec();
    // Every truncation and every single-bit flip of the Dss-Sig-Value.
    let mut variants: Vec<Vec<u8>> = (0..value.len()).map(|n| value[..n].to_vec()).collect();
    for i in 0..value.len() {
        for bit in 0..8 {
            let mut v = value.clone();
            v[i] ^= 1 << bit;
            variants.push(v);
        }
    }
    // r or s zero, negative, or as long as p.
    let sig = |r: &[u8], s: &[u8]| {
        let int = |v: &[u8]| {
            let mut out = vec![0x02, u8::try_from(v.len()).unwrap()];
            out.extend_from_slice(v);
            out
        };
        let body = [int(r), int(s)].concat();
        [vec![0x30, u8::try_from(body.len()).unwrap()], body].concat()
    };
    variants.push(sig(&[0], &[1]));
    variants.push(sig(&[1], &[0]));
    variants.push(sig(&[0xff], &[1]));
    variants.push(sig(&[0x7f; 120], &[0x7f; 120]));
    for v in &variants {
        let bits = der::asn1::BitString::from_bytes(v).unwrap();
        let outcome = signature::verify(x509.signature_algorithm(), leaf.tbs_der(), &bits, spki);
        assert!(
            matches!(
                outcome,
                Err(SignatureError::Invalid { .. } | SignatureError::MalformedSignature { .. })
            ),
            "{outcome:?}"
        );
    }
    // The key without its domain parameters, and with parameters that are not DSA's sizes.
    let mut inherited = spki.clone();
    inherited.algorithm.parameters = None;
    let outcome = signature::verify(
        x509.signature_algorithm(),
        leaf.tbs_der(),
        x509.signature(),
        &inherited,
    );
    assert!(
        matches!(&outcome, Err(SignatureError::MalformedKey { problem }) if problem.contains("RFC 3279 2.3.2")),
        "{outcome:?}"
    );
    let odd_sizes = der::Any::new(
        der::Tag::Sequence,
        [
            [0x02, 0x02, 0x00, 0xfb].as_slice(),
            &[0x02, 0x01, 0x05],
            &[0x02, 0x01, 0x02],
        ]
        .concat(),
    )
    .unwrap();
    let mut small = spki.clone();
    small.algorithm.parameters = Some(odd_sizes);
    let outcome = signature::key_algorithm(&small);
    assert!(
        matches!(&outcome, Err(SignatureError::MalformedKey { problem }) if problem.contains("p of 8 bits and q of 3 bits")),
        "{outcome:?}"
    );
    // A y or g far shorter than p (64 or more leading zero bits) is legal DER; the dsa crate
    // asserts its values share p's precision, so these once aborted the analysis. And a y as
    // long as p but above it.
    let with_y = |y: &[u8]| {
        let mut key = spki.clone();
        let body = der::Encode::to_der(&der::asn1::UintRef::new(y).unwrap()).unwrap();
        key.subject_public_key = der::asn1::BitString::from_bytes(&body).unwrap();
        key
    };
    let params = spki.algorithm.parameters.as_ref().unwrap();
    let integers = params.decode_as::<Vec<der::asn1::Uint>>().unwrap();
    let p_len = integers[0].as_bytes().len();
    for y in [
        vec![0x04],
        vec![0x7f; 16],
        vec![0x7f; p_len - 9],
        vec![0x7f; p_len + 1],
    ] {
        let outcome = signature::key_algorithm(&with_y(&y));
        assert!(
            matches!(&outcome, Err(SignatureError::MalformedKey { problem }) if problem.contains("is not usable")),
            "y of {} bytes: {outcome:?}",
            y.len()
        );
    }
    let short_g = der::Any::new(
        der::Tag::Sequence,
        [
            der::Encode::to_der(&integers[0]).unwrap(),
            der::Encode::to_der(&integers[1]).unwrap(),
            vec![0x02, 0x01, 0x04],
        ]
        .concat(),
    )
    .unwrap();
    let mut small_g = spki.clone();
    small_g.algorithm.parameters = Some(short_g);
    let outcome = signature::verify(
        x509.signature_algorithm(),
        leaf.tbs_der(),
        x509.signature(),
        &small_g,
    );
    assert!(
        matches!(
            outcome,
            Err(SignatureError::Invalid { .. } | SignatureError::MalformedKey { .. })
        ),
        "{outcome:?}"
    );
    // A DSA signature algorithm with an EC key, and ECDSA with a DSA key.
    let ec_root = {
        let bytes = std::fs::read(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz/root-p256.der"),
        )
        .unwrap();
        Cert::from_der(&bytes).unwrap()
    };
    let outcome = signature::verify_certificate(
        &leaf,
        ec_root.x509().tbs_certificate().subject_public_key_info(),
    );
    assert!(
        matches!(outcome, Err(SignatureError::AlgorithmKeyMismatch { .. })),
        "{outcome:?}"
    );
    let outcome = signature::verify_certificate(&ec_root, spki);
    assert!(
        matches!(outcome, Err(SignatureError::AlgorithmKeyMismatch { .. })),
        "{outcome:?}"
    );
}
