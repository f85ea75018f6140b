//! Every documented limit (`docs/limits.md`) triggered by a generated worst case, each with the
//! error it promises, and the large inputs that must stay within their time budget (the time
//! is printed: `cargo test --test limits -- --nocapture`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "common/mutate.rs"]
mod mutate;

use std::time::{Duration, Instant};

use certscope::ext::ExtensionValue;
use certscope::input::InputError;
use certscope::{AnalyzeOptions, InputOptions};

const ROOT: &[u8] = include_bytes!("data/fuzz/root-p256.der");
const LEAF: &[u8] = include_bytes!("data/fuzz/leaf-p384.der");

/// `depth` SEQUENCEs, each holding the next, the innermost empty.
fn nested(depth: usize, tag: u8) -> Vec<u8> {
    let mut der = Vec::new();
    for _ in 0..depth {
        let mut outer = vec![tag];
        outer.extend(mutate::length_octets(der.len()));
        outer.extend(der);
        der = outer;
    }
    der
}

fn timed<T>(what: &str, budget: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let result = f();
    let elapsed = start.elapsed();
    // Printed for the record, never asserted: a test does not time anything; the budgets
    // are counted in the core (signatures, candidates, name comparisons) and asserted on.
    println!("{what}: {elapsed:?} (reference figure on a 2-core machine: under {budget:?})");
    result
}

#[test]
fn input_size_limit() {
    let options = AnalyzeOptions {
        input: InputOptions {
            max_input_bytes: 1000,
            ..InputOptions::default()
        },
        ..AnalyzeOptions::default()
    };
    let error = certscope::analyze(&[0x30; 1001], &options).unwrap_err();
    assert_eq!(
        error,
        InputError::TooLarge {
            size: 1001,
            limit: 1000
        }
    );
    assert_eq!(
        error.to_string(),
        "the input is 1001 bytes; the limit is 1000 bytes"
    );
    assert_eq!(InputOptions::default().max_input_bytes, 16 * 1024 * 1024);
}

#[test]
fn object_count_limit() {
    let options = AnalyzeOptions {
        input: InputOptions {
            max_objects: 3,
            ..InputOptions::default()
        },
        ..AnalyzeOptions::default()
    };
    let three = ROOT.repeat(3);
    assert_eq!(
        certscope::analyze(&three, &options).unwrap().objects.len(),
        3
    );
    let four = ROOT.repeat(4);
    let error = certscope::analyze(&four, &options).unwrap_err();
    assert_eq!(error, InputError::TooManyObjects { limit: 3 });
    assert_eq!(InputOptions::default().max_objects, 10_000);
}

/// A recursive production, to observe the der crate's own nesting limit.
struct Nest(usize);

impl<'a> der::Decode<'a> for Nest {
    type Error = der::Error;

    fn decode<R: der::Reader<'a>>(reader: &mut R) -> der::Result<Self> {
        reader.sequence(|inner| {
            if inner.is_finished() {
                Ok(Nest(1))
            } else {
                Ok(Nest(Nest::decode(inner)?.0 + 1))
            }
        })
    }
}

#[test]
fn the_der_crate_bounds_nesting_at_64() {
    use der::Decode;
    assert_eq!(Nest::from_der(&nested(64, 0x30)).unwrap().0, 64);
    let error = Nest::from_der(&nested(65, 0x30)).err().unwrap();
    assert_eq!(error.kind(), der::ErrorKind::NestingDepth);
}

#[test]
fn deeply_nested_input_is_a_problem_not_a_stack_overflow() {
    for tag in [0x30, 0xa0] {
        let der = nested(100_000, tag);
        let report = timed("100,000 nested elements", Duration::from_secs(10), || {
            certscope::analyze(&der, &AnalyzeOptions::default()).unwrap()
        });
        assert!(report.objects.is_empty());
        assert_eq!(report.problems.len(), 1);
    }
}

/// Replaces the value of the extension whose OID DER is `oid` with `value`.
fn replace_extension_value(cert: &[u8], oid: &[u8], value: Vec<u8>) -> Vec<u8> {
    fn walk(elements: &mut [mutate::Element], oid: &[u8], value: &[u8]) -> bool {
        for element in elements {
            if let mutate::Body::Children(children) = &mut element.body {
                let is_target = children.first().is_some_and(|first| {
                    first.tag == [0x06] && first.body == mutate::Body::Bytes(oid.to_vec())
                });
                if is_target {
                    let last = children.last_mut().unwrap();
                    last.body = mutate::Body::Bytes(value.to_vec());
                    return true;
                }
                if walk(children, oid, value) {
                    return true;
                }
            }
        }
        false
    }
    let mut tree = mutate::parse(cert).unwrap();
    assert!(walk(&mut tree, oid, &value), "extension not found");
    mutate::encode(&tree)
}

#[test]
fn deeply_nested_extension_value_is_malformed_not_fatal() {
    use x509_cert::ext::pkix::SubjectAltName;
    // subjectAltName 2.5.29.17, its value 10,000 [0]-constructed layers deep.
    let der = replace_extension_value(LEAF, &[0x55, 0x1d, 0x11], nested(10_000, 0xa0));
    let report = timed(
        "certificate with a 10,000-deep extension",
        Duration::from_secs(10),
        || certscope::analyze(&der, &AnalyzeOptions::default()).unwrap(),
    );
    assert_eq!(report.certificates().count(), 1);
    let cert = certscope::Cert::from_der(&der).unwrap();
    assert!(matches!(
        certscope::ext::find::<SubjectAltName>(&cert),
        certscope::ext::Lookup::Malformed { .. }
    ));
}

/// `count` distinct certificates with one subject: copies of `ROOT` whose last two signature
/// bytes differ (the DER stays valid; the signatures do not verify).
fn same_subject_bag(count: u16) -> Vec<u8> {
    let mut bag = Vec::with_capacity(ROOT.len() * usize::from(count));
    for i in 0..count {
        let mut cert = ROOT.to_vec();
        let n = cert.len();
        cert[n - 2..].copy_from_slice(&i.to_be_bytes());
        bag.extend(cert);
    }
    bag
}

#[test]
fn ten_thousand_certificates_with_the_same_subject() {
    // The most objects one input may hold, all distinct, all with one subject: the bag path
    // building will search. Analysing it stays within the budget.
    let bag = same_subject_bag(10_000);
    let report = timed(
        "10,000 distinct certificates, one subject",
        Duration::from_secs(120),
        || certscope::analyze(&bag, &AnalyzeOptions::at_unix_seconds(1_800_000_000)).unwrap(),
    );
    assert_eq!(report.objects.len(), 10_000);
    let fingerprints: std::collections::HashSet<_> = report
        .certificates()
        .map(|c| c.fingerprints.sha256.clone())
        .collect();
    assert_eq!(fingerprints.len(), 10_000);
    let subjects: std::collections::HashSet<_> = report
        .certificates()
        .map(|c| c.subject.rfc4514.clone())
        .collect();
    assert_eq!(subjects.len(), 1);
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/limits")
            .join(name),
    )
    .unwrap()
}

#[test]
fn thousands_of_names_against_thousands_of_constraints() {
    // 1,000 permitted and 1,000 excluded DNS subtrees over 1,000 subjectAltNames
    // (tests/data/limits/generate.py): 2,000,000 comparisons for path validation, which the
    // name-constraint budget stops; the analysis of the three certificates is linear.
    let mut bag = fixture("nc-leaf.der");
    bag.extend(fixture("nc-intermediate.der"));
    bag.extend(fixture("nc-root.der"));
    let report = timed(
        "1,000 names and 2,000 name constraints",
        Duration::from_secs(10),
        || certscope::analyze(&bag, &AnalyzeOptions::at_unix_seconds(1_800_000_000)).unwrap(),
    );
    assert_eq!(report.objects.len(), 3);
    let mut certs = report.certificates();
    let leaf = certs.next().unwrap();
    let intermediate = certs.next().unwrap();
    let san = leaf.extensions.iter().find(|e| e.name == "subjectAltName");
    let Some(ExtensionValue::SubjectAltName { names }) = san.map(|e| &e.value) else {
        panic!("the leaf's subjectAltName did not decode: {san:?}");
    };
    assert_eq!(names.len(), 1_000);
    let nc = intermediate
        .extensions
        .iter()
        .find(|e| e.name == "nameConstraints");
    let Some(ExtensionValue::NameConstraints {
        permitted,
        excluded,
    }) = nc.map(|e| &e.value)
    else {
        panic!("the intermediate's nameConstraints did not decode: {nc:?}");
    };
    assert_eq!((permitted.len(), excluded.len()), (1_000, 1_000));
}

#[test]
fn a_mesh_of_cross_signed_certificate_authorities() {
    // Twelve CAs in a row, each cross-signed by its neighbours (21 certificates), a root and a
    // leaf: 23 certificates with many candidate paths between leaf and root.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/limits");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("cross-") && n.ends_with(".der"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 23);
    let bag: Vec<u8> = names.iter().flat_map(|n| fixture(n)).collect();
    let report = timed(
        "23 cross-signed certificates",
        Duration::from_secs(10),
        || certscope::analyze(&bag, &AnalyzeOptions::at_unix_seconds(1_800_000_000)).unwrap(),
    );
    assert_eq!(report.objects.len(), 23);
    assert_eq!(
        report
            .certificates()
            .filter(|c| c.subject.rfc4514 == "CN=Cross CA 5")
            .count(),
        2
    );
}

fn cert(name: &str) -> certscope::Cert {
    certscope::Cert::from_der(&fixture(name)).unwrap()
}

#[test]
fn name_constraint_comparisons_stop_at_the_budget() {
    // 1,000 SANs against 2,000 subtrees is 2,000,000 comparisons: the budget (250,000) stops
    // path validation with its own error instead of working through them.
    use certscope::chain::{verify, BudgetLimit, ChainError, Profile, Purpose, VerifyOptions};
    // The generated CAs carry no key identifiers, which the Web PKI profile refuses first.
    let mut options = VerifyOptions::at(certscope::time::UnixTime(1_800_000_000));
    options.purpose = Purpose::Any;
    options.profile = Profile::Rfc5280;
    let report = timed(
        "validation, 1,000 names and 2,000 constraints",
        Duration::from_secs(10),
        || {
            verify(
                &cert("nc-leaf.der"),
                &[cert("nc-intermediate.der")],
                &[cert("nc-root.der")],
                &options,
            )
        },
    );
    assert!(!report.valid);
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
fn a_mesh_of_cross_signs_is_bounded_by_the_path_budget() {
    use certscope::chain::{verify, Profile, Purpose, VerifyOptions};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/limits");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("cross-") && n.contains("-by-"))
        .collect();
    names.sort();
    let bag: Vec<certscope::Cert> = names.iter().map(|n| cert(n)).collect();
    assert_eq!(bag.len(), 21);
    let mut options = VerifyOptions::at(certscope::time::UnixTime(1_800_000_000));
    options.purpose = Purpose::Any;
    options.profile = Profile::Rfc5280;
    let report = timed(
        "validation, a mesh of 21 cross-signs",
        Duration::from_secs(10),
        || {
            verify(
                &cert("cross-leaf.der"),
                &bag,
                &[cert("cross-root.der")],
                &options,
            )
        },
    );
    println!(
        "valid {} paths {} signatures {} budget {:?} error {:?}",
        report.valid,
        report.paths.len(),
        report.signatures_checked,
        report.budget_exceeded,
        report.error
    );
    let budget = certscope::chain::Budget::default();
    assert!(report.paths.len() <= budget.paths);
    assert!(report.signatures_checked <= budget.signatures);
    // The only path needs 11 intermediates, over the 8 the budget allows: said as such, not as
    // a missing issuer (every issuer was supplied).
    assert!(
        report.missing_issuers.is_empty(),
        "{:?}",
        report.missing_issuers
    );
    assert!(
        matches!(
            report.error,
            Some(certscope::chain::ChainError::TooManyIntermediates { count: 9, limit: 8 })
        ),
        "{:?}",
        report.error
    );
    // With room for 11, the path is found.
    options.budget.intermediates = 11;
    let report = verify(
        &cert("cross-leaf.der"),
        &bag,
        &[cert("cross-root.der")],
        &options,
    );
    assert!(report.valid, "{:?}", report.error);
    assert_eq!(report.paths[0].certificates.len(), 13);
}

fn revocation_file(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/revocation")
            .join(name),
    )
    .unwrap()
}

fn revocation_cert(name: &str) -> certscope::Cert {
    let parsed = certscope::parse_input(&revocation_file(name), &Default::default()).unwrap();
    let first = parsed.certificates().next().unwrap().clone();
    first
}

fn revocation_crl(name: &str) -> Vec<u8> {
    let mut crls = certscope::chain::crl::read_crls(&revocation_file(name)).unwrap();
    assert_eq!(crls.len(), 1);
    crls.remove(0)
}

#[test]
fn crl_signatures_count_against_the_signature_budget() {
    use certscope::chain::{
        verify, Budget, BudgetLimit, ChainError, Profile, Purpose, VerifyOptions,
    };
    let mut options = VerifyOptions::at(
        certscope::time::UnixTime::parse_rfc3339("2026-06-01T00:00:00Z").unwrap(),
    );
    options.purpose = Purpose::Any;
    options.profile = Profile::Rfc5280;
    let leaf = revocation_cert("leaf.pem");
    // The intermediate, and two more certificates named as it (a delegated CRL signer and a
    // key-rollover certificate): three candidate signers for every CRL in its name.
    let untrusted = [
        revocation_cert("intermediate.pem"),
        revocation_cert("crl-signer.pem"),
        revocation_cert("rollover.pem"),
    ];
    let anchors = [revocation_cert("root.pem")];
    let good = [
        revocation_crl("root.crl.pem"),
        revocation_crl("empty.crl.pem"),
    ];

    // Without hostile CRLs: the certificate signatures of path building, and one CRL
    // signature per certificate below the root, all counted.
    let building = verify(&leaf, &untrusted, &anchors, &options).signatures_checked;
    options.crls = good.to_vec();
    let report = verify(&leaf, &untrusted, &anchors, &options);
    assert!(report.valid, "{:?}", report.error);
    assert_eq!(report.signatures_checked, building + 2);

    // 1,000 CRLs in the intermediate's name that no candidate's key signed, before the good
    // ones: unbounded, 3,000 signature checks. The budget stops them, and the leaf's status,
    // which the good CRL would decide, is not decided: the path fails closed, naming the
    // budget.
    let hostile = revocation_crl("other-key.crl.pem");
    options.crls = std::iter::repeat_n(hostile, 1_000)
        .chain(good.iter().cloned())
        .collect();
    let report = timed(
        "validation with 1,000 CRLs whose signatures do not verify",
        Duration::from_secs(10),
        || verify(&leaf, &untrusted, &anchors, &options),
    );
    let budget = Budget::default();
    assert!(!report.valid);
    assert_eq!(report.budget_exceeded, Some(BudgetLimit::Signatures));
    assert_eq!(report.signatures_checked, budget.signatures);
    assert!(
        matches!(
            report.error,
            Some(ChainError::BudgetExceeded {
                limit: BudgetLimit::Signatures
            })
        ),
        "{:?}",
        report.error
    );
    let leaf_status = &report.paths[0].revocation[0];
    assert!(
        leaf_status
            .dropped
            .iter()
            .any(|d| d.reason.contains("budget of 100 signatures")),
        "{:?}",
        leaf_status.dropped
    );

    // A delegated CRL signer's own path is validated within the same budget: with room for
    // the main path's signatures only, the signer's path is cut short and nothing passes.
    options.crls = vec![
        revocation_crl("root.crl.pem"),
        revocation_crl("delegated-empty.crl.pem"),
    ];
    let report = verify(&leaf, &untrusted, &anchors, &options);
    assert!(report.valid, "{:?}", report.error);
    let needed = report.signatures_checked;
    options.budget.signatures = needed - 1;
    let report = verify(&leaf, &untrusted, &anchors, &options);
    assert!(!report.valid);
    assert_eq!(report.budget_exceeded, Some(BudgetLimit::Signatures));
    assert!(report.signatures_checked < needed);
}
