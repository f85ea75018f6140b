//! Explicit distrust is honoured in every profile: OpenSSL's `TRUSTED CERTIFICATE` trust and
//! reject settings, read from OpenSSL's own test certificates (`tests/data/openssl-verify`),
//! keep an anchor from anchoring a path for a rejected purpose, or for a purpose its trust
//! list does not name; the report names the failed check.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use certscope::chain::{verify, ChainError, Profile, Purpose, VerifyOptions, PROFILES};
use certscope::time::UnixTime;
use certscope::Cert;

fn cert(name: &str) -> Cert {
    let path = format!(
        "{}/tests/data/openssl-verify/certs/{name}.pem",
        env!("CARGO_MANIFEST_DIR")
    );
    let pem = std::fs::read(&path).unwrap();
    let parsed = certscope::parse_input(&pem, &Default::default()).unwrap();
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let cert = parsed.certificates().next().unwrap().clone();
    cert
}

/// The recipe's oracle time: every certificate is valid then.
fn options(profile: Profile, purpose: Purpose) -> VerifyOptions {
    let mut options = VerifyOptions::at(UnixTime(1_796_394_386));
    options.profile = profile;
    options.purpose = purpose;
    options
}

fn run(root: &str, profile: Profile, purpose: Purpose) -> certscope::chain::ChainReport {
    verify(
        &cert("ee-cert"),
        &[cert("ca-cert")],
        &[cert(root)],
        &options(profile, purpose),
    )
}

fn distrusted(report: &certscope::chain::ChainReport) -> bool {
    report.paths.iter().all(|path| {
        path.checks
            .iter()
            .any(|c| c.name == "anchor_trust" && !c.passed)
    }) && !report.valid
}

#[test]
fn trust_settings_are_read_from_trusted_certificate_blocks() {
    let rejected = cert("root-serverAuth");
    let aux = rejected.aux_trust().expect("the settings are kept");
    assert_eq!(
        aux.reject.as_deref(),
        Some(&["1.3.6.1.5.5.7.3.1".to_string()][..])
    );
    assert!(cert("root-cert").aux_trust().is_none());
}

#[test]
fn a_rejected_purpose_never_anchors_a_path_in_any_profile() {
    for spec in PROFILES {
        let report = run("root-serverAuth", spec.profile, Purpose::ServerAuth);
        assert!(distrusted(&report), "{}: {:?}", spec.name, report.error);
        assert!(
            matches!(report.error, Some(ChainError::Distrusted { .. })),
            "{}: {:?}",
            spec.name,
            report.error
        );
        // Rejected for anyExtendedKeyUsage: every purpose.
        let report = run("root-anyEKU", spec.profile, Purpose::ClientAuth);
        assert!(distrusted(&report), "{}: {:?}", spec.name, report.error);
    }
}

#[test]
fn a_trust_list_without_the_purpose_does_not_anchor_it() {
    for spec in PROFILES {
        let report = run("root+clientAuth", spec.profile, Purpose::ServerAuth);
        assert!(distrusted(&report), "{}: {:?}", spec.name, report.error);
    }
    // The same anchor for the purpose it is trusted for, and a rejection of another use.
    let report = run("root+serverAuth", Profile::Rfc5280, Purpose::ServerAuth);
    assert!(report.valid, "{:?}", report.error);
    let report = run("root-clientAuth", Profile::Rfc5280, Purpose::ServerAuth);
    assert!(report.valid, "{:?}", report.error);
    let check = report.paths[0]
        .checks
        .iter()
        .find(|c| c.name == "anchor_trust")
        .expect("the report says what the settings allow");
    assert!(
        check.explanation.contains("rejected for clientAuth"),
        "{check:?}"
    );
}

#[test]
fn the_report_names_its_profile() {
    for spec in PROFILES {
        let report = run("root-cert", spec.profile, Purpose::ServerAuth);
        if spec.profile == Profile::Auto {
            // `auto` names the profile it chose for the path (a private root: `tls`).
            assert_eq!(report.profile, Profile::Tls);
        } else {
            assert_eq!(report.profile, spec.profile);
        }
    }
}
