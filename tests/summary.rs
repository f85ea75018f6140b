//! The quick summary against the full report: for every certificate in every fixture, each
//! summary field equals the report's field it abbreviates, so the two views never disagree.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};

use certscope::ext::ExtensionValue;
use certscope::report::ObjectReport;
use certscope::{AnalyzeOptions, InputOptions, Summary};

#[path = "common/fixtures.rs"]
mod common;

/// Every fixture that holds certificates.
fn fixtures() -> Vec<PathBuf> {
    common::fixtures(&["pem", "der", "p7b"])
}

#[test]
fn every_fixture_certificate_summary_agrees_with_its_report() {
    let mut compared = 0;
    let (mut with_san, mut with_eku, mut cas) = (0, 0, 0);
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(parsed) = certscope::parse_input(&bytes, &InputOptions::default()) else {
            continue;
        };
        let Ok(report) = certscope::analyze(&bytes, &AnalyzeOptions::default()) else {
            continue;
        };
        let reports = report.objects.iter().filter_map(|o| match o {
            ObjectReport::Certificate(c) => Some(c),
            _ => None,
        });
        for (cert, full) in parsed.certificates().zip(reports) {
            let at = format!("{} #{}", path.display(), full.index);
            let summary = certscope::summarize(cert.der()).unwrap();
            assert_eq!(summary, Summary::of(cert), "{at}");
            assert_eq!(summary.subject, full.subject.rfc4514, "{at}");
            assert_eq!(summary.issuer, full.issuer.rfc4514, "{at}");
            assert_eq!(summary.serial_hex, full.serial.hex, "{at}");
            assert_eq!(summary.not_before, full.validity.not_before, "{at}");
            assert_eq!(summary.not_after, full.validity.not_after, "{at}");
            assert_eq!(summary.key_algorithm, full.public_key.algorithm, "{at}");
            assert_eq!(summary.key_bits, full.public_key.bits, "{at}");
            assert_eq!(summary.curve, full.public_key.curve, "{at}");
            assert_eq!(
                summary.signature_algorithm, full.signature_algorithm.name,
                "{at}"
            );
            assert_eq!(summary.is_ca, full.is_ca, "{at}");
            let mut san = Vec::new();
            let mut eku = None;
            let mut unreadable = Vec::new();
            for extension in &full.extensions {
                match &extension.value {
                    ExtensionValue::SubjectAltName { names } => {
                        san = names.iter().map(|n| n.display()).collect();
                    }
                    ExtensionValue::ExtendedKeyUsage { purposes } => {
                        eku = Some(purposes.iter().map(|p| p.name.clone()).collect::<Vec<_>>());
                    }
                    ExtensionValue::Failed { .. }
                        if ["2.5.29.17", "2.5.29.37", "2.5.29.19"]
                            .contains(&extension.oid.as_str()) =>
                    {
                        unreadable.push(extension.name.clone());
                    }
                    _ => {}
                }
            }
            assert_eq!(summary.subject_alt_names, san, "{at}");
            assert_eq!(summary.extended_key_usage, eku, "{at}");
            assert_eq!(summary.unreadable_extensions, unreadable, "{at}");
            compared += 1;
            with_san += usize::from(!san.is_empty());
            with_eku += usize::from(eku.is_some());
            cas += usize::from(summary.is_ca);
        }
    }
    // The fixtures cover every field: hundreds of certificates, with and without each.
    assert!(compared > 300, "only {compared} certificates compared");
    assert!(
        with_san > 100 && with_eku > 100 && cas > 50,
        "{with_san} {with_eku} {cas}"
    );
}

#[test]
fn summary_reads_a_device_certificate_and_rejects_garbage_with_an_offset() {
    let pem = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/report/real/google.com.pem"),
    )
    .unwrap();
    let parsed = certscope::parse_input(&pem, &InputOptions::default()).unwrap();
    let leaf = parsed.certificates().next().unwrap();
    let summary = Summary::of(leaf);
    assert_eq!(summary.key_algorithm, "EC");
    assert_eq!(summary.curve.as_deref(), Some("P-256"));
    assert_eq!(summary.signature_algorithm, "sha256WithRSAEncryption");

    let mut truncated = leaf.der().to_vec();
    truncated.truncate(truncated.len() / 2);
    let error = certscope::summarize(&truncated).unwrap_err();
    assert!(error.to_string().contains("certificate"), "{error}");
    assert!(certscope::summarize(b"not a certificate").is_err());
}
