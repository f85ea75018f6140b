//! Chain building and validation on generated fixtures (`tests/data/chain/generate.py`): every
//! signature algorithm, expiry, EKU, name constraints, cross-signing, order, missing issuers and
//! every budget limit.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use certscope::chain::revocation::Status;
use certscope::chain::{
    verify, BudgetLimit, ChainError, ExpectedName, Profile, Purpose, Source, VerifyOptions,
};
use certscope::time::UnixTime;
use certscope::Cert;

fn certs(pem: &str) -> Vec<Cert> {
    let parsed = certscope::parse_input(pem.as_bytes(), &Default::default()).unwrap();
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    parsed.certificates().cloned().collect()
}

fn options() -> VerifyOptions {
    let mut options = VerifyOptions::at(UnixTime::parse_rfc3339("2026-06-01T00:00:00Z").unwrap());
    options.host = Some(ExpectedName::Dns("leaf.example.com".to_string()));
    options
}

fn check(chain: &str, root: &str, options: &VerifyOptions) -> certscope::chain::ChainReport {
    let chain = certs(chain);
    let roots = certs(root);
    verify(&chain[0], &chain[1..], &roots, options)
}

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("data/chain/", $name, ".pem"))
    };
}

#[test]
fn every_algorithm_validates() {
    let cases = [
        (
            fixture!("rsa2048-chain"),
            fixture!("rsa2048-root"),
            "RSA PKCS#1 v1.5 with SHA-256",
            "RSA 2048 bits",
        ),
        (
            fixture!("rsa4096-chain"),
            fixture!("rsa4096-root"),
            "RSA PKCS#1 v1.5 with SHA-384",
            "RSA 4096 bits",
        ),
        (
            fixture!("p256-chain"),
            fixture!("p256-root"),
            "ECDSA with SHA-256",
            "EC P-256",
        ),
        (
            fixture!("p384-chain"),
            fixture!("p384-root"),
            "ECDSA with SHA-384",
            "EC P-384",
        ),
        (
            fixture!("p521-chain"),
            fixture!("p521-root"),
            "ECDSA with SHA-512",
            "EC P-521",
        ),
        (
            fixture!("ed25519-chain"),
            fixture!("ed25519-root"),
            "Ed25519",
            "Ed25519",
        ),
        (
            fixture!("pss-chain"),
            fixture!("pss-root"),
            "RSA-PSS with SHA-256",
            "RSA 2048 bits",
        ),
    ];
    for (chain, root, algorithm, key) in cases {
        let report = check(chain, root, &options());
        assert!(report.valid, "{algorithm}: {:?}", report.error);
        assert_eq!(report.paths.len(), 1);
        let signature = report.paths[0]
            .checks
            .iter()
            .find(|c| c.name == "signature" && c.certificate == 0)
            .unwrap();
        assert!(
            signature.explanation.contains(algorithm),
            "{}",
            signature.explanation
        );
        assert!(
            signature.explanation.contains(key),
            "{}",
            signature.explanation
        );
        assert_eq!(report.paths[0].certificates, vec![0, 1, 2]);
        assert!(report.unused_certificates.is_empty());
        assert!(!report.wrong_order);
    }
}

#[test]
fn a_changed_byte_breaks_the_signature() {
    let chain = certs(fixture!("p256-chain"));
    let mut der = chain[0].der().to_vec();
    // The last byte belongs to the signature value.
    let last = der.len() - 1;
    der[last] ^= 0x01;
    let tampered = Cert::from_der(&der).unwrap();
    let report = verify(
        &tampered,
        &chain[1..],
        &certs(fixture!("p256-root")),
        &options(),
    );
    assert!(!report.valid);
    assert!(report.paths.is_empty());
    match &report.error {
        Some(ChainError::Signature { problem }) => {
            assert!(problem.contains("does not match"), "{problem}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn expired_leaf_is_refused_and_named() {
    let report = check(fixture!("expired-chain"), fixture!("base-root"), &options());
    assert!(!report.valid);
    assert!(
        matches!(report.error, Some(ChainError::Expired { .. })),
        "{:?}",
        report.error
    );
    let failed: Vec<_> = report.paths[0]
        .checks
        .iter()
        .filter(|c| !c.passed)
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].name, "validity");
    assert_eq!(failed[0].certificate, 0);
    // Before expiry the same chain is valid.
    let mut earlier = options();
    earlier.time = UnixTime::parse_rfc3339("2025-06-01T00:00:00Z").unwrap();
    assert!(check(fixture!("expired-chain"), fixture!("base-root"), &earlier).valid);
}

#[test]
fn wrong_extended_key_usage() {
    let report = check(
        fixture!("wrong-eku-chain"),
        fixture!("base-root"),
        &options(),
    );
    assert!(
        matches!(report.error, Some(ChainError::ExtendedKeyUsage { .. })),
        "{:?}",
        report.error
    );
    let mut client = options();
    client.purpose = Purpose::ClientAuth;
    client.host = None;
    assert!(check(fixture!("wrong-eku-chain"), fixture!("base-root"), &client).valid);
}

#[test]
fn host_name_must_match() {
    let mut other = options();
    other.host = Some(ExpectedName::Dns("other.example.com".to_string()));
    let report = check(fixture!("base-chain"), fixture!("base-root"), &other);
    assert!(
        matches!(report.error, Some(ChainError::NameMismatch { .. })),
        "{:?}",
        report.error
    );
    let mut ip = options();
    ip.host = Some(ExpectedName::Ip("192.0.2.1".parse().unwrap()));
    assert!(!check(fixture!("base-chain"), fixture!("base-root"), &ip).valid);
}

#[test]
fn name_constraints_permit_and_refuse() {
    let inside = check(
        fixture!("nc-inside-chain"),
        fixture!("base-root"),
        &options(),
    );
    assert!(inside.valid, "{:?}", inside.error);
    let mut evil = options();
    evil.host = Some(ExpectedName::Dns("evil.test".to_string()));
    let outside = check(fixture!("nc-outside-chain"), fixture!("base-root"), &evil);
    assert!(
        matches!(outside.error, Some(ChainError::NameConstraint { .. })),
        "{:?}",
        outside.error
    );
}

#[test]
fn cross_signed_intermediate_reaches_either_root() {
    let chain = certs(fixture!("cross-chain"));
    let root_a = certs(fixture!("cross-root-a"));
    let root_b = certs(fixture!("cross-root-b"));
    // Only B trusted: the copy signed by B is used, the copy signed by A is not.
    let report = verify(&chain[0], &chain[1..], &root_b, &options());
    assert!(report.valid, "{:?}", report.error);
    assert_eq!(report.paths.len(), 1);
    assert_eq!(report.paths[0].certificates, vec![0, 2, 3]);
    assert_eq!(report.unused_certificates, vec![1]);
    // Both trusted: two valid paths of equal length; both reported.
    let both: Vec<Cert> = root_a.iter().chain(&root_b).cloned().collect();
    let report = verify(&chain[0], &chain[1..], &both, &options());
    assert!(report.valid);
    assert_eq!(report.paths.len(), 2);
    assert!(report.paths.iter().all(|p| p.valid));
    assert_eq!(report.chosen, Some(0));
    assert!(report.unused_certificates.is_empty());
    assert_eq!(report.certificates[3].source, Source::Anchor);
}

#[test]
fn wrong_order_is_flagged() {
    let chain = certs(fixture!("cross-wrong-order"));
    let report = verify(
        &chain[0],
        &chain[1..],
        &certs(fixture!("cross-root-a")),
        &options(),
    );
    assert!(report.valid, "{:?}", report.error);
    assert!(report.wrong_order);
    let chain = certs(fixture!("cross-chain"));
    let report = verify(
        &chain[0],
        &chain[1..],
        &certs(fixture!("cross-root-a")),
        &options(),
    );
    assert!(!report.wrong_order);
}

#[test]
fn missing_intermediate_is_named_with_its_key_id() {
    let chain = certs(fixture!("base-chain"));
    let report = verify(&chain[0], &[], &certs(fixture!("base-root")), &options());
    assert!(!report.valid);
    assert_eq!(report.missing_issuers.len(), 1);
    let missing = &report.missing_issuers[0];
    assert_eq!(missing.issuer, "CN=base intermediate");
    assert_eq!(missing.key_identifier.as_ref().unwrap().len(), 40);
    assert_eq!(
        missing.ca_issuers,
        vec!["http://ca.example.com/base-intermediate.der".to_string()]
    );
    assert!(matches!(
        report.error,
        Some(ChainError::UnknownIssuer { .. })
    ));
}

#[test]
fn pinned_self_signed_certificate_is_its_own_anchor() {
    let leaf = certs(include_str!("data/doc/leaf.pem"));
    let mut pinned = VerifyOptions::at(UnixTime(1_800_000_000));
    pinned.profile = Profile::Rfc5280;
    pinned.purpose = Purpose::Any;
    let report = verify(&leaf[0], &[], &leaf, &pinned);
    assert!(report.valid, "{:?}", report.error);
    assert_eq!(report.paths[0].certificates, vec![0]);
}

#[test]
fn every_budget_limit_is_a_distinct_result() {
    let chain = certs(fixture!("cross-chain"));
    let both: Vec<Cert> = certs(fixture!("cross-root-a"))
        .into_iter()
        .chain(certs(fixture!("cross-root-b")))
        .collect();
    let limited = |edit: fn(&mut VerifyOptions)| {
        let mut o = options();
        edit(&mut o);
        verify(&chain[0], &chain[1..], &both, &o)
    };
    let report = limited(|o| o.budget.signatures = 1);
    assert_eq!(report.budget_exceeded, Some(BudgetLimit::Signatures));
    assert!(!report.valid);
    let report = limited(|o| o.budget.candidates = 1);
    assert_eq!(report.budget_exceeded, Some(BudgetLimit::Candidates));
    let report = limited(|o| o.budget.paths = 1);
    assert_eq!(report.budget_exceeded, Some(BudgetLimit::Paths));
    // A valid path found before the limit still counts.
    assert!(report.valid);
    let mut o = options();
    o.budget.name_constraint_comparisons = 0;
    let report = check(fixture!("nc-inside-chain"), fixture!("base-root"), &o);
    assert!(
        matches!(
            report.error,
            Some(ChainError::BudgetExceeded {
                limit: BudgetLimit::NameConstraintComparisons
            })
        ),
        "{:?}",
        report.error
    );
}

#[test]
fn revocation_is_not_checked_without_crls() {
    let report = check(fixture!("base-chain"), fixture!("base-root"), &options());
    assert_eq!(report.revocation, certscope::chain::Revocation::NotChecked);
    let revocation = report.paths[0]
        .checks
        .iter()
        .find(|c| c.name == "revocation")
        .unwrap();
    assert_eq!(revocation.explanation, "not checked: no CRL given");
}

#[test]
fn report_serialises_to_json() {
    let report = check(fixture!("base-chain"), fixture!("base-root"), &options());
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["valid"], true);
    assert_eq!(json["chosen"], 0);
    assert!(json["paths"][0]["checks"].as_array().unwrap().len() > 10);
    assert_eq!(json["certificates"][0]["source"], "target");
}

#[test]
fn crl_revokes_the_leaf() {
    let crl = include_bytes!("data/chain/base-intermediate.crl.pem");
    let mut with_crl = options();
    with_crl.crls = certscope::chain::crl::read_crls(crl).unwrap();
    let report = check(fixture!("base-chain"), fixture!("base-root"), &with_crl);
    assert_eq!(report.revocation, certscope::chain::Revocation::Checked);
    match &report.error {
        Some(ChainError::Revoked { problem }) => {
            assert!(problem.contains("keyCompromise"), "{problem}")
        }
        other => panic!("{other:?}"),
    }
    let path = &report.paths[0];
    assert_eq!(path.revocation[0].status, Status::Revoked);
    assert_eq!(path.revocation[0].reason.as_deref(), Some("keyCompromise"));
    // The intermediate is issued by the root, of which no CRL was given: fail closed.
    assert_eq!(path.revocation[1].status, Status::Undetermined);
    // The intermediate's CRL does not cover a leaf of another issuer: with CRLs supplied, a
    // status no CRL decides fails the path, naming what was missing.
    let report = check(
        fixture!("nc-inside-chain"),
        fixture!("base-root"),
        &with_crl,
    );
    assert!(!report.valid);
    match &report.error {
        Some(ChainError::RevocationUndetermined { problem }) => {
            assert!(problem.contains("no usable CRL covers"), "{problem}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        report.paths[0].unused_crls.len(),
        1,
        "{:?}",
        report.paths[0]
    );
    assert!(report.paths[0].unused_crls[0]
        .reason
        .contains("no certificate of this path"));
}

#[test]
fn revocation_can_be_required_without_crls() {
    let mut required = options();
    required.require_revocation = true;
    let report = check(fixture!("base-chain"), fixture!("base-root"), &required);
    assert_eq!(report.revocation, certscope::chain::Revocation::Checked);
    assert!(matches!(
        report.error,
        Some(ChainError::RevocationUndetermined { .. })
    ));
    assert!(report.paths[0]
        .revocation
        .iter()
        .all(|r| r.status == Status::Undetermined));
}

#[test]
fn explicit_policy_requirement() {
    let report = check(
        fixture!("policy-ok-chain"),
        fixture!("base-root"),
        &options(),
    );
    assert!(report.valid, "{:?}", report.error);
    assert_eq!(
        report.paths[0].valid_policies,
        Some(vec!["1.2.3.4".to_string()])
    );
    // The tree: anyPolicy at depth 0, the intermediate's 1.2.3.4 under it, the leaf's below.
    assert_eq!(
        report.paths[0].valid_policy_tree,
        Some(vec![vec![
            "anyPolicy".to_string(),
            "1.2.3.4".to_string(),
            "1.2.3.4".to_string()
        ]])
    );
    let report = check(
        fixture!("policy-missing-chain"),
        fixture!("base-root"),
        &options(),
    );
    assert!(
        matches!(report.error, Some(ChainError::Policy { .. })),
        "{:?}",
        report.error
    );
    assert_eq!(report.paths[0].valid_policies, None);
    assert_eq!(report.paths[0].valid_policy_tree, None);
}

#[test]
fn u_label_host_matches_its_a_label() {
    // The fixture's SAN is leaf.example.com; a U-label host is converted before matching.
    let mut unicode = options();
    unicode.host = Some(ExpectedName::Dns("LEAF.example.com.".to_string()));
    assert!(check(fixture!("base-chain"), fixture!("base-root"), &unicode).valid);
    unicode.host = Some(ExpectedName::Dns("bücher.example.com".to_string()));
    let report = check(fixture!("base-chain"), fixture!("base-root"), &unicode);
    match &report.error {
        Some(ChainError::NameMismatch { problem }) => {
            assert!(problem.contains("xn--bcher-kva.example.com"), "{problem}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_intermediate_can_be_the_anchor() {
    let chain = certs(fixture!("base-chain"));
    let report = verify(&chain[0], &[], &chain[1..], &options());
    assert!(report.valid, "{:?}", report.error);
    assert_eq!(report.paths[0].certificates, vec![0, 1]);
    assert_eq!(report.certificates[1].source, Source::Anchor);
}

#[test]
fn sha1_is_refused_by_default_and_explained() {
    let report = check(fixture!("sha1-chain"), fixture!("rsa2048-root"), &options());
    match &report.error {
        Some(ChainError::Signature { problem }) => {
            assert!(problem.contains("SHA-1 is no longer accepted"), "{problem}")
        }
        other => panic!("{other:?}"),
    }
    let mut legacy = options();
    legacy.allow_sha1 = true;
    let report = check(fixture!("sha1-chain"), fixture!("rsa2048-root"), &legacy);
    assert!(report.valid, "{:?}", report.error);
}

#[test]
fn small_rsa_keys_are_a_policy_knob() {
    // The 2048-bit chain fails when the caller asks for 3072 bits, and says why.
    let mut strict = options();
    strict.minimum_rsa_bits = 3072;
    let report = check(fixture!("rsa2048-chain"), fixture!("rsa2048-root"), &strict);
    match &report.error {
        Some(ChainError::RsaKeyTooSmall { bits, minimum }) => {
            assert_eq!((*bits, *minimum), (2048, 3072));
            assert_eq!(
                report.error.as_ref().map(ToString::to_string).as_deref(),
                Some("RSA key of 2048 bits, fewer than 3072")
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_hostile_bag_is_bounded() {
    let decoys = certs(fixture!("decoys"));
    assert_eq!(decoys.len(), 300);
    let chain = certs(fixture!("base-chain"));
    let root = certs(fixture!("base-root"));
    // Without the real intermediate, 300 candidates would each need a signature check: the
    // budget stops it with a distinct result.
    let report = verify(&chain[0], &decoys, &root, &options());
    assert_eq!(report.budget_exceeded, Some(BudgetLimit::Signatures));
    assert_eq!(report.signatures_checked, 100);
    assert!(matches!(
        report.error,
        Some(ChainError::BudgetExceeded {
            limit: BudgetLimit::Signatures
        })
    ));
    // With it, the key identifier puts the real issuer first and the path is found at once.
    let mut bag = decoys.clone();
    bag.insert(150, chain[1].clone());
    let report = verify(&chain[0], &bag, &root, &options());
    assert!(report.valid, "{:?}", report.error);
    assert_eq!(report.unused_certificates.len(), 300);
}

#[test]
fn a_crl_that_does_not_decode_is_named() {
    let mut garbage = options();
    garbage.crls = vec![b"not a CRL".to_vec()];
    let report = check(fixture!("base-chain"), fixture!("base-root"), &garbage);
    assert!(matches!(report.error, Some(ChainError::CrlUnusable { .. })));
    let unused = &report.paths[0].unused_crls;
    assert_eq!(unused.len(), 1);
    assert!(unused[0].reason.contains("does not decode"), "{unused:?}");
}
