//! The core without the `encrypted` feature (the page's first module): PKCS#12 files and
//! encrypted private keys are reported as `unavailable`, everything else reads as usual.
//! DSA signatures, which the first module leaves out too (the `dsa` feature), are "cannot
//! verify", naming the build.
//! Run with `cargo test -p certscope --no-default-features --features serde --test lean`.
#![cfg(not(feature = "encrypted"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

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

#[cfg(not(feature = "dsa"))]
#[test]
fn dsa_signatures_are_a_named_limitation_never_a_pass() {
    use certscope::chain::{self, Profile, Purpose, VerifyOptions};
    use certscope::signature::SignatureError;
    let read_cert = |name: &str| {
        let bytes = std::fs::read(format!(
            "{}/tests/data/dsa/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let parsed = certscope::parse_input(&bytes, &InputOptions::default()).unwrap();
        let first = parsed.certificates().next().unwrap().clone();
        first
    };
    let leaf = read_cert("leaf.pem");
    let issuer = read_cert("intermediate.pem");
    let root = read_cert("root.pem");
    let outcome = certscope::signature::verify_certificate(
        &leaf,
        issuer.x509().tbs_certificate().subject_public_key_info(),
    );
    let Err(error @ SignatureError::LeftOut { .. }) = outcome else {
        panic!("{outcome:?}");
    };
    assert!(
        error
            .to_string()
            .contains("DSA signatures are not verified in this build"),
        "{error}"
    );
    // The chain OpenSSL verifies (tests/dsa.rs) fails here, naming why, in every profile.
    let time = certscope::time::UnixTime::parse_rfc3339("2027-01-04T05:26:42Z").unwrap();
    for profile in [Profile::Rfc5280, Profile::Openssl, Profile::WebPki] {
        let mut options = VerifyOptions::at(time);
        options.profile = profile;
        options.purpose = Purpose::Any;
        let report = chain::verify(&leaf, &[issuer.clone()], &[root.clone()], &options);
        assert!(!report.valid, "{profile:?}");
        assert!(report.paths.iter().all(|p| !p.valid), "{profile:?}");
        let error = report.error.unwrap().to_string();
        assert!(error.contains("DSA"), "{profile:?}: {error}");
    }
    // The input parser reads DSA-signed certificates and CRLs and says beside each, as an
    // `unavailable` problem, that this build does not verify its signature: the page's client
    // then runs the input again on the module that does.
    for (name, what) in [("leaf.pem", "certificate"), ("root.crl.pem", "CRL")] {
        let bytes = std::fs::read(format!(
            "{}/tests/data/dsa/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let parsed = certscope::parse_input(&bytes, &InputOptions::default()).unwrap();
        assert_eq!(parsed.objects.len(), 1, "{name}");
        assert_eq!(parsed.problems.len(), 1, "{name}");
        let problem = &parsed.problems[0];
        assert_eq!(problem.kind, ProblemKind::Unavailable, "{name}");
        assert!(
            problem.to_string().contains(&format!(
                "the {what}'s DSA signature is verified by a build"
            )),
            "{problem}"
        );
    }
}
