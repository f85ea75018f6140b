//! The core without the `encrypted` feature (the page's first module): PKCS#12 files and
//! encrypted private keys are reported as `unavailable`, everything else reads as usual.
//! Run with `cargo test -p certscope --no-default-features --features serde --test lean`.
#![cfg(not(feature = "encrypted"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use certscope::input::ProblemKind;
use certscope::{InputOptions, Password};

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/data/input/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn pkcs12_and_encrypted_keys_are_unavailable_with_a_reason() {
    let with_password = InputOptions {
        password: Some(Password::new("fixture")),
        ..InputOptions::default()
    };
    for name in ["modern.p12", "empty-password.p12", "ec.encrypted.pem"] {
        let parsed = certscope::parse_input(&read(name), &with_password).unwrap();
        assert_eq!(parsed.objects.len(), 0, "{name}");
        assert_eq!(parsed.problems.len(), 1, "{name}");
        let problem = &parsed.problems[0];
        assert_eq!(problem.kind, ProblemKind::Unavailable, "{name}");
        assert!(
            problem.to_string().contains("`encrypted` feature"),
            "{problem}"
        );
    }
    // An encrypted key without a password still says a password is needed.
    let parsed = certscope::parse_input(&read("ec.encrypted.pem"), &InputOptions::default());
    assert_eq!(
        parsed.unwrap().problems[0].kind,
        ProblemKind::PasswordRequired
    );
}

#[test]
fn everything_else_reads_as_with_the_feature() {
    for name in [
        "chain.pem",
        "bundle.p7b",
        "ec.pkcs8.pem",
        "csr-rsa.der",
        "crl.der",
    ] {
        let parsed = certscope::parse_input(&read(name), &InputOptions::default()).unwrap();
        assert!(!parsed.objects.is_empty(), "{name}");
        assert!(parsed.problems.is_empty(), "{name}: {:?}", parsed.problems);
    }
}
