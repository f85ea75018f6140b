#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Golden reports over the fixture set, coverage of every extension arm, and real certificates
//! (the Debian roots and three real chains) decoding without a single failed extension.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use certscope::ext::ExtensionValue;
use certscope::name::{GeneralName, OtherNameValue};
use certscope::report::{CertificateReport, Report};
use certscope::time::UnixTime;
use certscope::AnalyzeOptions;

/// The analysis time of every golden report.
const AT: &str = "2025-06-01T00:00:00Z";

const SYNTHETIC: &[&str] = &[
    "root",
    "intermediate",
    "leaf-tls",
    "precert",
    "ocsp-responder",
    "pss-leaf",
    "broken",
    "v1",
];
const REAL: &[&str] = &["google.com", "microsoft.com", "docs.python.org"];

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/report")
}

fn analyze_file(path: &Path) -> Report {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let options = AnalyzeOptions {
        time: UnixTime::parse_rfc3339(AT),
        ..AnalyzeOptions::default()
    };
    certscope::analyze(&bytes, &options).unwrap()
}

fn fixture(name: &str) -> Report {
    analyze_file(&data().join(format!("{name}.pem")))
}

fn real(name: &str) -> Report {
    analyze_file(&data().join(format!("real/{name}.pem")))
}

fn only(report: &Report) -> &CertificateReport {
    let mut certs = report.certificates();
    let cert = certs.next().expect("one certificate");
    assert!(certs.next().is_none(), "more than one certificate");
    cert
}

fn value<'a>(cert: &'a CertificateReport, name: &str) -> &'a ExtensionValue {
    &cert
        .extensions
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no {name} in {}", cert.subject.rfc4514))
        .value
}

/// The `type` tag an extension value serialises with.
fn type_of(value: &ExtensionValue) -> String {
    serde_json::to_value(value).unwrap()["type"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Compares the report with the committed golden JSON, or rewrites it with CERTSCOPE_BLESS=1.
fn golden(report: &Report, path: &Path) {
    let actual = serde_json::to_string_pretty(report).unwrap() + "\n";
    if std::env::var_os("CERTSCOPE_BLESS").is_some() {
        std::fs::write(path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with CERTSCOPE_BLESS=1)", path.display()));
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{} differs from the report at line {}:\n  expected: {}\n  actual:   {}\n\
             (rerun with CERTSCOPE_BLESS=1 if the change is intended)",
            path.display(),
            line + 1,
            expected.lines().nth(line).unwrap_or("<end>"),
            actual.lines().nth(line).unwrap_or("<end>"),
        );
    }
    // The JSON reads back into the same report: the serialisation is the contract both ways.
    let back: Report = serde_json::from_str(&expected).unwrap();
    assert_eq!(&back, report);
}

#[test]
fn golden_reports_of_synthetic_fixtures() {
    for name in SYNTHETIC {
        golden(&fixture(name), &data().join(format!("{name}.json")));
    }
}

#[test]
fn golden_reports_of_real_chains() {
    for name in REAL {
        golden(&real(name), &data().join(format!("real/{name}.json")));
    }
}

#[test]
fn fixtures_cover_every_extension_arm() {
    let mut seen = BTreeSet::new();
    for name in SYNTHETIC {
        for cert in fixture(name).certificates() {
            for extension in &cert.extensions {
                seen.insert(type_of(&extension.value));
            }
        }
    }
    let expected = [
        "authority_info_access",
        "authority_key_identifier",
        "basic_constraints",
        "certificate_policies",
        "crl_distribution_points",
        "ct_precertificate_poison",
        "extended_key_usage",
        "failed",
        "freshest_crl",
        "inhibit_any_policy",
        "issuer_alt_name",
        "key_usage",
        "microsoft_application_policies",
        "microsoft_ca_version",
        "microsoft_certificate_template",
        "microsoft_certificate_template_name",
        "name_constraints",
        "netscape_cert_type",
        "netscape_comment",
        "ocsp_no_check",
        "policy_constraints",
        "policy_mappings",
        "private_key_usage_period",
        "signed_certificate_timestamps",
        "subject_alt_name",
        "subject_directory_attributes",
        "subject_info_access",
        "subject_key_identifier",
        "tls_feature",
        "unknown",
    ];
    let expected: BTreeSet<String> = expected.iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(seen, expected);
}

#[test]
fn leaf_names_of_every_kind() {
    let report = fixture("leaf-tls");
    let cert = only(&report);
    let ExtensionValue::SubjectAltName { names } = value(cert, "subjectAltName") else {
        panic!("subjectAltName not decoded");
    };
    let shown: Vec<String> = names.iter().map(GeneralName::display).collect();
    assert_eq!(
        shown,
        [
            "DNS:leaf.example.com",
            "DNS:*.example.com",
            "IP Address:192.0.2.10",
            "IP Address:2001:db8::10",
            "email:admin@example.com",
            "URI:https://leaf.example.com/",
            "Registered ID:1.3.6.1.4.1.55555.2",
            "DirName:O=Example Org,CN=Directory Name",
            "othername:UPN:user@example.com",
            "othername:hardwareModuleName:1.3.6.1.4.1.55555.3:0102030405",
        ]
    );
    assert!(matches!(
        &names[9],
        GeneralName::OtherName { value: OtherNameValue::HardwareModuleName { serial_hex, .. }, .. }
            if serial_hex == "0102030405"
    ));
    // A multi-valued RDN and a UTF-8 organisation survive both name forms.
    assert_eq!(
        cert.subject.rfc4514,
        // DER sorts the SET: the shorter serialNumber element comes first.
        "serialNumber=42+CN=leaf.example.com,O=Exämple Org,L=San Francisco,ST=California,C=US"
    );
    let organization = cert
        .subject
        .attributes
        .iter()
        .find(|a| a.name == "O")
        .unwrap();
    assert_eq!(organization.encoding, "UTF8String");
    assert_eq!(cert.serial.hex, "0123456789abcdef0123");
    assert_eq!(cert.serial.decimal, None);
    assert_eq!(cert.public_key.curve.as_deref(), Some("P-256"));
    assert!(!cert.is_ca);
    // Not self-issued, so not self-signed whatever its signature.
    assert_eq!(cert.self_signed, Some(false));
}

#[test]
fn leaf_usages_features_and_timestamps() {
    let report = fixture("leaf-tls");
    let cert = only(&report);
    let ExtensionValue::ExtendedKeyUsage { purposes } = value(cert, "extendedKeyUsage") else {
        panic!("extendedKeyUsage not decoded");
    };
    let names: Vec<&str> = purposes.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "serverAuth",
            "clientAuth",
            "msSGC",
            "nsSGC",
            "appleCodeSigning",
            "msSmartcardLogin",
            "1.3.6.1.4.1.55555.7"
        ]
    );
    assert_eq!(
        value(cert, "tlsFeature"),
        &ExtensionValue::TlsFeature {
            features: vec![certscope::ext::TlsFeature {
                value: 5,
                name: Some("status_request".into())
            }],
            must_staple: true
        }
    );
    let ExtensionValue::SignedCertificateTimestamps { timestamps } = value(cert, "ctSCTList")
    else {
        panic!("SCT list not decoded");
    };
    assert_eq!(timestamps.len(), 2);
    assert_eq!(
        timestamps[0].log_id_base64,
        "bVadiam5+uxLw/0vEIUI/Xyb4TPU/mSiJChsIoMR+Pc="
    );
    assert_eq!(
        timestamps[1].timestamp.as_deref(),
        Some("2025-01-01T00:00:01.123Z")
    );
    assert_eq!(timestamps[0].signature_algorithm, "ecdsa");
    assert_eq!(timestamps[0].hash_algorithm, "sha256");
    assert_eq!(
        value(cert, "msCertificateTemplate"),
        &ExtensionValue::MicrosoftCertificateTemplate {
            template: certscope::oid::Named {
                oid: "1.3.6.1.4.1.311.21.8.1.2.3".into(),
                name: "1.3.6.1.4.1.311.21.8.1.2.3".into()
            },
            major_version: Some(100),
            minor_version: Some(3),
        }
    );
    assert!(matches!(
        value(cert, "1.3.6.1.4.1.55555.99"),
        ExtensionValue::Unknown { der_hex } if der_hex.starts_with("0c13")
    ));
}

#[test]
fn intermediate_constraints_and_policies() {
    let report = fixture("intermediate");
    let cert = only(&report);
    assert!(cert.is_ca);
    let ExtensionValue::NameConstraints {
        permitted,
        excluded,
    } = value(cert, "nameConstraints")
    else {
        panic!("nameConstraints not decoded");
    };
    assert_eq!(permitted.len(), 7);
    assert_eq!(
        permitted[3].base,
        GeneralName::IpAddress {
            address: Some("2001:db8::".into()),
            netmask: Some("ffff:ffff::".into()),
            prefix_length: Some(32),
            hex: "20010db8000000000000000000000000ffffffff000000000000000000000000".into(),
        }
    );
    assert_eq!(
        excluded[1].base.display(),
        "IP Address:192.0.2.128/255.255.255.128"
    );
    let ExtensionValue::CertificatePolicies { policies } = value(cert, "certificatePolicies")
    else {
        panic!("certificatePolicies not decoded");
    };
    assert_eq!(policies[0].policy.name, "CA/B Forum Organization Validated");
    assert_eq!(
        policies[1].qualifiers,
        [
            certscope::ext::PolicyQualifier::Cps {
                uri: "https://ca.example.com/cps".into()
            },
            certscope::ext::PolicyQualifier::UserNotice {
                organization: Some("Example Org".into()),
                notice_numbers: vec!["1".into(), "2".into()],
                explicit_text: Some("Example notice text".into()),
            }
        ]
    );
    assert_eq!(
        value(cert, "policyConstraints"),
        &ExtensionValue::PolicyConstraints {
            require_explicit_policy: Some(0),
            inhibit_policy_mapping: Some(1)
        }
    );
    assert_eq!(
        value(cert, "msCAVersion"),
        &ExtensionValue::MicrosoftCaVersion {
            certificate_index: 2,
            key_index: 1
        }
    );
    let ExtensionValue::CrlDistributionPoints { points } = value(cert, "cRLDistributionPoints")
    else {
        panic!("cRLDistributionPoints not decoded");
    };
    assert_eq!(
        points[1].reasons.as_deref(),
        Some(
            &[
                "keyCompromise".to_owned(),
                "cACompromise".into(),
                "superseded".into()
            ][..]
        )
    );
    assert_eq!(
        points[1].crl_issuer.as_ref().unwrap()[0].display(),
        "DirName:CN=Example CRL Issuer"
    );
}

#[test]
fn broken_extensions_are_values_not_failures() {
    let report = fixture("broken");
    let cert = only(&report);
    let ExtensionValue::Failed { error } = value(cert, "tlsFeature") else {
        panic!("a truncated TLS Feature must be Failed");
    };
    assert_eq!(error.structure, "tlsFeature");
    assert_eq!(error.length, 3);
    let ExtensionValue::Failed { error } = value(cert, "keyUsage") else {
        panic!("a NULL keyUsage must be Failed");
    };
    assert!(error.problem.contains("BIT STRING"), "{}", error.problem);
    // The rest of the certificate is still there.
    assert!(matches!(
        value(cert, "basicConstraints"),
        ExtensionValue::BasicConstraints { ca: false, .. }
    ));
}

#[test]
fn signature_algorithms_and_keys() {
    let pss = fixture("pss-leaf");
    let algorithm = &only(&pss).signature_algorithm;
    assert_eq!(algorithm.name, "id-RSASSA-PSS");
    assert_eq!(algorithm.hash.as_deref(), Some("SHA-256"));
    let parameters = algorithm.pss.as_ref().unwrap();
    assert_eq!(parameters.mask_generation, "MGF1");
    assert_eq!(parameters.mask_generation_hash.as_deref(), Some("SHA-256"));
    assert_eq!(parameters.salt_length, 0);
    assert_eq!(parameters.error, None);
    assert_eq!(
        value(only(&pss), "privateKeyUsagePeriod"),
        &ExtensionValue::PrivateKeyUsagePeriod {
            not_before: Some("2025-01-01T00:00:00Z".into()),
            not_after: Some("2025-07-01T00:00:00Z".into()),
        }
    );
    let ExtensionValue::MicrosoftApplicationPolicies { policies } =
        value(only(&pss), "msApplicationPolicies")
    else {
        panic!("application policies not decoded");
    };
    let names: Vec<&str> = policies.iter().map(|p| p.policy.name.as_str()).collect();
    assert_eq!(names, ["id-kp-codeSigning", "id-kp-emailProtection"]);

    let root = fixture("root");
    let root = only(&root);
    assert!(root.is_ca && root.self_issued);
    assert_eq!(root.validity.not_after, "2050-01-01T00:00:00Z");
    assert_eq!(root.validity.not_after_encoding, "GeneralizedTime");
    assert_eq!(root.validity.not_before_encoding, "UTCTime");
    assert_eq!(root.public_key.bits, Some(2048));
    assert_eq!(root.public_key.rsa_exponent, Some(65537));

    let ocsp = fixture("ocsp-responder");
    let ocsp = only(&ocsp);
    assert_eq!(ocsp.public_key.algorithm, "Ed25519");
    assert!(matches!(
        value(ocsp, "ocspNoCheck"),
        ExtensionValue::OcspNoCheck
    ));
    // Expired 61 days before the analysis time.
    assert_eq!(ocsp.validity.days_until_expiry, Some(-61));
    assert_eq!(ocsp.validity.valid_at_analysis_time, Some(false));

    let v1 = fixture("v1");
    let v1 = only(&v1);
    assert_eq!(v1.version, 1);
    assert!(v1.extensions.is_empty());
    assert!(
        !v1.is_ca,
        "a v1 self-issued certificate is not a CA by itself"
    );
    assert!(v1.self_issued);
}

#[test]
fn real_chains_decode_without_failure() {
    for name in REAL {
        let report = real(name);
        assert!(report.problems.is_empty(), "{name}: {:?}", report.problems);
        let certs: Vec<_> = report.certificates().collect();
        assert!(certs.len() >= 3, "{name}: a whole chain");
        for cert in &certs {
            for extension in &cert.extensions {
                assert!(
                    !matches!(extension.value, ExtensionValue::Failed { .. }),
                    "{name}: {} {}: {:?}",
                    cert.subject.rfc4514,
                    extension.name,
                    extension.value
                );
            }
        }
        // Every real leaf carries embedded SCTs from real logs.
        let ExtensionValue::SignedCertificateTimestamps { timestamps } =
            value(certs[0], "ctSCTList")
        else {
            panic!("{name}: no SCT list on the leaf");
        };
        assert!(timestamps.len() >= 2, "{name}");
        assert!(timestamps
            .iter()
            .all(|t| t.version == 0 && t.timestamp.is_some()));
    }
}

fn assert_roots_decode(report: &Report, source: &str) -> usize {
    assert!(
        report.problems.is_empty(),
        "{source}: {:?}",
        report.problems
    );
    let mut count = 0;
    for cert in report.certificates() {
        count += 1;
        for extension in &cert.extensions {
            assert!(
                !matches!(extension.value, ExtensionValue::Failed { .. }),
                "{source}: {} {}: {:?}",
                cert.subject.rfc4514,
                extension.name,
                extension.value
            );
        }
        assert!(cert.is_ca, "{source}: {} is not a CA", cert.subject.rfc4514);
    }
    count
}

#[test]
fn debian_roots_snapshot_decodes() {
    let report = real("debian-ca-certificates");
    assert_eq!(assert_roots_decode(&report, "snapshot"), 144);
}

/// The roots installed on this machine, when there are any: `/etc/ssl/certs` (the bundle
/// Debian builds) or `/usr/share/ca-certificates` (one file per root).
#[test]
fn installed_roots_decode() {
    let bundle = Path::new("/etc/ssl/certs/ca-certificates.crt");
    if bundle.exists() {
        let count = assert_roots_decode(&analyze_file(bundle), "/etc/ssl/certs");
        assert!(count > 100, "only {count} roots in {}", bundle.display());
        eprintln!("checked {count} installed roots from {}", bundle.display());
        return;
    }
    let directory = Path::new("/usr/share/ca-certificates");
    let mut files = Vec::new();
    let mut pending = vec![directory.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "crt") {
                files.push(path);
            }
        }
    }
    if files.is_empty() {
        eprintln!(
            "NOTE: no installed roots (neither {} nor {}): only the committed snapshot was \
             checked, by debian_roots_snapshot_decodes",
            bundle.display(),
            directory.display()
        );
        return;
    }
    for file in &files {
        assert_roots_decode(&analyze_file(file), &file.display().to_string());
    }
    eprintln!(
        "checked {} installed roots from {}",
        files.len(),
        directory.display()
    );
}
