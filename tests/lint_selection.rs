//! Rule-set selection from evidence: a certificate's own CA/Browser Forum claims, what a built
//! chain says about the hierarchy, and the user's choice; Baseline Requirements findings on a
//! hierarchy not shown to be public are advice. Fixtures: `tests/data/lints/generate.py`
//! (`SCENARIOS`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use certscope::lint::{self, CertKind, Evidence, Hierarchy, LintOptions, LintTarget, RuleSet};
use certscope::{Cert, Severity};

fn load(name: &str) -> Cert {
    let path = format!(
        "{}/tests/data/lints/certs/{name}.pem",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap();
    let parsed = certscope::parse_input(&bytes, &Default::default()).unwrap();
    let cert = parsed.certificates().next().cloned();
    cert.unwrap()
}

fn errors(findings: &[certscope::Finding]) -> Vec<&str> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.id.as_str())
        .collect()
}

#[test]
fn a_dv_policy_claim_brings_the_tls_requirements_as_errors() {
    let cert = load("scenario-dv-claim-leaf");
    let target = LintTarget::auto(&cert);
    assert_eq!(target.kind, CertKind::TlsServer);
    let tls = target
        .reasons
        .iter()
        .find(|r| r.rule_set == RuleSet::TlsBr)
        .unwrap();
    assert_eq!(tls.evidence, Evidence::PolicyClaim);
    assert!(tls.binding);
    assert!(tls.reason.contains("2.23.140.1.2.1"), "{}", tls.reason);

    let findings = lint::lint(&cert, &LintOptions::default());
    let errors = errors(&findings);
    // Its known defects, each an error under `auto`.
    for id in [
        "e_sub_cert_or_sub_ca_using_sha1",
        "e_signature_algorithm_not_supported",
        "e_rsa_mod_less_than_2048_bits",
        "e_serial_number_longer_than_20_octets",
        "e_sub_cert_valid_time_longer_than_398_days",
        "e_ext_san_missing",
        "e_sub_cert_key_usage_cert_sign_bit_set",
        "e_ext_key_usage_cert_sign_without_ca",
        "e_sub_cert_eku_any_extended_key_usage",
    ] {
        assert!(errors.contains(&id), "{id} missing from {errors:?}");
    }
    assert!(errors.len() >= 8, "{errors:?}");
    assert!(findings.iter().all(|f| f.severity != Severity::Advice));
}

#[test]
fn a_private_fleet_ca_draws_advice_not_baseline_requirement_errors() {
    let cert = load("scenario-private-fleet-ca");
    let target = LintTarget::auto(&cert);
    assert_eq!(target.kind, CertKind::SubordinateCa);
    let tls = target
        .reasons
        .iter()
        .find(|r| r.rule_set == RuleSet::TlsBr)
        .unwrap();
    assert_eq!(tls.evidence, Evidence::Purpose);
    assert!(!tls.binding);

    let findings = lint::lint(&cert, &LintOptions::default());
    let br_errors: Vec<_> = findings
        .iter()
        .filter(|f| lint::lookup(&f.id).unwrap().rule_set != RuleSet::Rfc5280)
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(br_errors.is_empty(), "{br_errors:#?}");
    assert!(!lint::has_errors(&findings), "{findings:#?}");
    let policies = findings
        .iter()
        .find(|f| f.id == "e_sub_ca_certificate_policies_missing")
        .unwrap();
    assert_eq!(policies.severity, Severity::Advice);
    assert!(policies
        .message
        .contains("publicly trusted CA could not issue"));

    // The same certificate chained to a public root, or with the rule set chosen by the
    // user, is judged by the Baseline Requirements.
    for options in [
        LintOptions {
            hierarchy: Some(Hierarchy::Public("mozilla".to_owned())),
            ..LintOptions::default()
        },
        LintOptions {
            rule_set: Some(RuleSet::TlsBr),
            ..LintOptions::default()
        },
    ] {
        let findings = lint::lint(&cert, &options);
        assert!(errors(&findings).contains(&"e_sub_ca_certificate_policies_missing"));
    }
    // A chain to a private root keeps it advice, and says so.
    let private = LintOptions {
        hierarchy: Some(Hierarchy::Private),
        ..LintOptions::default()
    };
    let target = lint::target(&cert, &private);
    assert_eq!(target.reasons[1].evidence, Evidence::PrivateRoot);
    assert!(!lint::has_errors(&lint::lint(&cert, &private)));
}

#[test]
fn the_report_says_why_each_rule_set_was_chosen() {
    let bytes = std::fs::read(format!(
        "{}/tests/data/lints/certs/scenario-private-fleet-ca.pem",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let report = certscope::analyze(
        &bytes,
        &certscope::AnalyzeOptions::at_unix_seconds(1_790_000_000),
    )
    .unwrap();
    let cert = report.certificates().next().unwrap();
    let sets: Vec<_> = cert.lint_rule_sets.iter().map(|r| r.rule_set).collect();
    assert_eq!(sets, vec![RuleSet::Rfc5280, RuleSet::TlsBr]);
    assert!(cert.lint_rule_sets[1].reason.contains("advice"));
    assert!(cert
        .lints
        .iter()
        .any(|f| f.severity == Severity::Advice && f.id == "e_ca_country_name_missing"));
}

#[test]
fn other_programs_claims_select_their_sets() {
    // The code signing and S/MIME base certificates assert their programs' policies.
    for (name, set) in [
        ("base-code", RuleSet::CodeSigningBr),
        ("base-smime", RuleSet::SmimeBr),
        ("base-tls", RuleSet::TlsBr),
        ("base-subca", RuleSet::TlsBr),
    ] {
        let target = LintTarget::auto(&load(name));
        let reason = target.reasons.iter().find(|r| r.rule_set == set).unwrap();
        assert_eq!(reason.evidence, Evidence::PolicyClaim, "{name}");
    }
    // A device certificate has no claim: its set is the private-PKI one, binding.
    let device = LintTarget::auto(&load("base-device"));
    assert_eq!(device.rule_sets, vec![RuleSet::Rfc5280, RuleSet::Device]);
    assert!(device.reasons.iter().all(|r| r.binding));
}
