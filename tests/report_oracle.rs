#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Cross-checks the report field by field against Python `cryptography`, when `python3` with
//! `cryptography` is installed (`tests/data/report/oracle.py` prints what it decodes).
//!
//! Both sides are brought to one canonical shape (general names as `DNS:x`, `IP:a/prefix`,
//! `DirName:oid=value;...`; key usages by name; SCT timestamps in milliseconds) and compared
//! as JSON, so a mismatch names the certificate and the field.

use std::path::{Path, PathBuf};
use std::process::Command;

use certscope::ext::{ExtensionValue, PolicyQualifier};
use certscope::name::{GeneralName, OtherNameValue};
use certscope::report::CertificateReport;
use serde_json::{json, Value};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/report")
}

/// What the oracle says, or `None` (with a note) when python3 or cryptography is missing.
fn oracle(path: &Path) -> Option<Vec<Value>> {
    let output = Command::new("python3")
        .arg("-W")
        .arg("ignore")
        .arg(data().join("oracle.py"))
        .arg(path)
        .output();
    match output {
        Ok(output) if output.status.success() => {
            Some(serde_json::from_slice(&output.stdout).unwrap())
        }
        Ok(output) => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            if stderr.contains("No module named 'cryptography'") {
                eprintln!("NOTE: Python cryptography is not installed; cross-check skipped");
                return None;
            }
            panic!("oracle.py failed on {}: {stderr}", path.display());
        }
        Err(error) => {
            eprintln!("NOTE: python3 is not available ({error}); cross-check skipped");
            None
        }
    }
}

fn attributes(list: &[certscope::name::Attribute]) -> Value {
    Value::from(
        list.iter()
            .map(|a| json!([a.oid, a.value]))
            .collect::<Vec<_>>(),
    )
}

fn general_name(name: &GeneralName) -> String {
    match name {
        GeneralName::DnsName { value } => format!("DNS:{value}"),
        GeneralName::Rfc822Name { value } => format!("email:{value}"),
        GeneralName::Uri { value } => format!("URI:{value}"),
        GeneralName::RegisteredId { oid, .. } => format!("RID:{oid}"),
        GeneralName::DirectoryName { attributes, .. } => format!(
            "DirName:{}",
            attributes
                .iter()
                .map(|a| format!("{}={}", a.oid, a.value))
                .collect::<Vec<_>>()
                .join(";")
        ),
        GeneralName::IpAddress {
            address: Some(address),
            netmask: None,
            ..
        } => format!("IP:{address}"),
        GeneralName::IpAddress {
            address: Some(address),
            prefix_length: Some(prefix),
            ..
        } => format!("IP:{address}/{prefix}"),
        GeneralName::OtherName { oid, value, .. } => match value {
            OtherNameValue::Text { text, encoding } if encoding == "UTF8String" => {
                format!("othername:{oid}:{text}")
            }
            _ => format!("othername:{oid}"),
        },
        other => panic!("no canonical form for {other:?}"),
    }
}

fn names(list: &[GeneralName]) -> Value {
    Value::from(list.iter().map(general_name).collect::<Vec<_>>())
}

fn optional_names(list: Option<&Vec<GeneralName>>) -> Value {
    list.map_or(Value::Null, |l| names(l))
}

/// The canonical form of an extension value, for the extensions cryptography decodes.
fn canonical(value: &ExtensionValue) -> Value {
    match value {
        ExtensionValue::BasicConstraints { ca, path_length } => {
            json!({"ca": ca, "path_length": path_length})
        }
        ExtensionValue::KeyUsage { usages } => json!(usages),
        ExtensionValue::ExtendedKeyUsage { purposes } => {
            Value::from(purposes.iter().map(|p| p.oid.clone()).collect::<Vec<_>>())
        }
        ExtensionValue::SubjectAltName { names: list }
        | ExtensionValue::IssuerAltName { names: list } => names(list),
        ExtensionValue::AuthorityKeyIdentifier {
            key_identifier,
            issuer,
            serial_hex,
        } => json!({
            "key_identifier": key_identifier,
            "issuer": optional_names(issuer.as_ref()),
            // cryptography gives the integer: drop leading zero octets and nibble.
            "serial": serial_hex.as_ref().map(|h| {
                let trimmed = h.trim_start_matches('0');
                if trimmed.is_empty() { "0".to_owned() } else { trimmed.to_owned() }
            }),
        }),
        ExtensionValue::SubjectKeyIdentifier { key_identifier } => json!(key_identifier),
        ExtensionValue::AuthorityInfoAccess { descriptions }
        | ExtensionValue::SubjectInfoAccess { descriptions } => Value::from(
            descriptions
                .iter()
                .map(|d| json!([d.method.oid, general_name(&d.location)]))
                .collect::<Vec<_>>(),
        ),
        ExtensionValue::CrlDistributionPoints { points }
        | ExtensionValue::FreshestCrl { points } => Value::from(
            points
                .iter()
                .map(|p| {
                    let mut reasons = p.reasons.clone();
                    if let Some(r) = reasons.as_mut() {
                        r.sort();
                    }
                    json!({
                        "full_name": optional_names(p.full_name.as_ref()),
                        "relative_name": p.relative_name.as_ref().map(|_| "compared by text"),
                        "reasons": reasons,
                        "crl_issuer": optional_names(p.crl_issuer.as_ref()),
                    })
                })
                .collect::<Vec<_>>(),
        ),
        ExtensionValue::CertificatePolicies { policies } => Value::from(
            policies
                .iter()
                .map(|p| {
                    let qualifiers: Vec<String> = p
                        .qualifiers
                        .iter()
                        .map(|q| match q {
                            PolicyQualifier::Cps { uri } => format!("cps:{uri}"),
                            PolicyQualifier::UserNotice {
                                organization,
                                notice_numbers,
                                explicit_text,
                            } => format!(
                                "notice:{}|{}|{}",
                                organization.as_deref().unwrap_or(""),
                                notice_numbers.join(","),
                                explicit_text.as_deref().unwrap_or("")
                            ),
                            other => panic!("no canonical form for {other:?}"),
                        })
                        .collect();
                    json!({"oid": p.policy.oid, "qualifiers": qualifiers})
                })
                .collect::<Vec<_>>(),
        ),
        ExtensionValue::PolicyConstraints {
            require_explicit_policy,
            inhibit_policy_mapping,
        } => json!({"require": require_explicit_policy, "inhibit": inhibit_policy_mapping}),
        ExtensionValue::InhibitAnyPolicy { skip_certs } => json!(skip_certs),
        ExtensionValue::NameConstraints {
            permitted,
            excluded,
        } => {
            let bases = |trees: &[certscope::ext::GeneralSubtree]| {
                Value::from(
                    trees
                        .iter()
                        .map(|t| general_name(&t.base))
                        .collect::<Vec<_>>(),
                )
            };
            json!({"permitted": bases(permitted), "excluded": bases(excluded)})
        }
        ExtensionValue::TlsFeature { features, .. } => {
            Value::from(features.iter().map(|f| f.value).collect::<Vec<_>>())
        }
        ExtensionValue::OcspNoCheck | ExtensionValue::CtPrecertificatePoison => json!(true),
        ExtensionValue::SignedCertificateTimestamps { timestamps } => Value::from(
            timestamps
                .iter()
                .map(|t| {
                    json!({"version": t.version, "log_id": t.log_id_hex, "timestamp": t.timestamp})
                })
                .collect::<Vec<_>>(),
        ),
        other => json!(format!("certscope decodes {other:?} but cryptography does not")),
    }
}

/// Compares one certificate; returns the mismatches as `field: ours != theirs`.
fn compare(ours: &CertificateReport, theirs: &Value) -> Vec<String> {
    let mut mismatches = Vec::new();
    let mut check = |field: &str, a: Value, b: &Value| {
        if &a != b {
            mismatches.push(format!("{field}: certscope {a} != cryptography {b}"));
        }
    };
    check("version", json!(ours.version), &theirs["version"]);
    if !theirs["serial"].as_str().unwrap().starts_with('-') {
        let trimmed = ours.serial.hex.trim_start_matches('0');
        check(
            "serial",
            json!(if trimmed.is_empty() { "0" } else { trimmed }),
            &theirs["serial"],
        );
    }
    check(
        "subject",
        attributes(&ours.subject.attributes),
        &theirs["subject"],
    );
    check(
        "issuer",
        attributes(&ours.issuer.attributes),
        &theirs["issuer"],
    );
    check(
        "not_before",
        json!(ours.validity.not_before),
        &theirs["not_before"],
    );
    check(
        "not_after",
        json!(ours.validity.not_after),
        &theirs["not_after"],
    );
    check("sha256", json!(ours.fingerprints.sha256), &theirs["sha256"]);
    check("sha1", json!(ours.fingerprints.sha1), &theirs["sha1"]);
    check(
        "spki_sha256_base64",
        json!(ours.public_key.spki_sha256_base64),
        &theirs["spki_sha256_base64"],
    );
    if !theirs["bits"].is_null() {
        check("bits", json!(ours.public_key.bits), &theirs["bits"]);
    }
    check("curve", json!(ours.public_key.curve), &theirs["curve"]);
    check(
        "signature_oid",
        json!(ours.signature_algorithm.oid),
        &theirs["signature_oid"],
    );
    // cryptography names hashes `sha256`; certscope `SHA-256`.
    let hash = ours
        .signature_algorithm
        .hash
        .as_ref()
        .map(|h| h.to_lowercase().replace('-', ""));
    check("signature_hash", json!(hash), &theirs["signature_hash"]);

    let Some(extensions) = theirs["extensions"].as_array() else {
        // cryptography refused the extensions as a whole: certscope must show which one failed.
        let failed = ours
            .extensions
            .iter()
            .any(|e| matches!(e.value, ExtensionValue::Failed { .. }));
        check("extensions refused", json!(failed), &json!(true));
        return mismatches;
    };
    check(
        "extension count",
        json!(ours.extensions.len()),
        &json!(extensions.len()),
    );
    for (index, (mine, other)) in ours.extensions.iter().zip(extensions).enumerate() {
        let field = format!("extensions[{index}] {}", mine.name);
        check(&format!("{field}.oid"), json!(mine.oid), &other["oid"]);
        check(
            &format!("{field}.critical"),
            json!(mine.critical),
            &other["critical"],
        );
        if !other["value"].is_null() {
            check(
                &format!("{field}.value"),
                canonical(&mine.value),
                &other["value"],
            );
        }
    }
    mismatches
}

fn cross_check(path: &Path) -> Option<usize> {
    let theirs = oracle(path)?;
    let bytes = std::fs::read(path).unwrap();
    let report = certscope::analyze(&bytes, &certscope::AnalyzeOptions::default()).unwrap();
    let ours: Vec<&CertificateReport> = report.certificates().collect();
    assert_eq!(
        ours.len(),
        theirs.len(),
        "{}: certificate count",
        path.display()
    );
    let mut compared = 0;
    for (mine, other) in ours.iter().zip(&theirs) {
        let mismatches = compare(mine, other);
        assert!(
            mismatches.is_empty(),
            "{} / {}:\n  {}",
            path.display(),
            mine.subject.rfc4514,
            mismatches.join("\n  ")
        );
        compared += 1;
    }
    Some(compared)
}

#[test]
fn synthetic_fixtures_agree_with_cryptography() {
    let mut total = 0;
    for name in [
        "root",
        "intermediate",
        "leaf-tls",
        "precert",
        "ocsp-responder",
        "pss-leaf",
        "broken",
        "v1",
    ] {
        match cross_check(&data().join(format!("{name}.pem"))) {
            Some(n) => total += n,
            None => return,
        }
    }
    assert_eq!(total, 8);
}

#[test]
fn real_certificates_agree_with_cryptography() {
    for name in [
        "google.com",
        "microsoft.com",
        "docs.python.org",
        "debian-ca-certificates",
    ] {
        if cross_check(&data().join(format!("real/{name}.pem"))).is_none() {
            return;
        }
    }
}

/// `openssl x509 -text` for what cryptography leaves undecoded, or `None` without openssl.
fn openssl_text(path: &Path) -> Option<String> {
    match Command::new("openssl")
        .args(["x509", "-noout", "-text", "-in"])
        .arg(path)
        .output()
    {
        Ok(output) if output.status.success() => {
            Some(String::from_utf8_lossy(&output.stdout).into_owned())
        }
        _ => {
            eprintln!("NOTE: openssl is not available; cross-check skipped");
            None
        }
    }
}

/// The text openssl prints under an extension's heading (the following indented lines).
fn openssl_section(text: &str, heading: &str) -> String {
    let mut lines = text.lines().skip_while(|l| !l.trim().starts_with(heading));
    lines.next();
    lines
        .take_while(|l| l.starts_with("                "))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn extensions_cryptography_skips_agree_with_openssl() {
    let Some(intermediate) = openssl_text(&data().join("intermediate.pem")) else {
        return;
    };
    let report = certscope::analyze(
        &std::fs::read(data().join("intermediate.pem")).unwrap(),
        &certscope::AnalyzeOptions::default(),
    )
    .unwrap();
    let cert = report.certificates().next().unwrap();
    let mappings = cert
        .extensions
        .iter()
        .find_map(|e| match &e.value {
            ExtensionValue::PolicyMappings { mappings } => Some(mappings),
            _ => None,
        })
        .unwrap();
    let ours: Vec<String> = mappings
        .iter()
        .map(|m| {
            format!(
                "{}:{}",
                m.issuer_domain_policy.oid, m.subject_domain_policy.oid
            )
        })
        .collect();
    assert_eq!(
        ours.join(", "),
        openssl_section(&intermediate, "X509v3 Policy Mappings")
    );

    let Some(leaf) = openssl_text(&data().join("leaf-tls.pem")) else {
        return;
    };
    let report = certscope::analyze(
        &std::fs::read(data().join("leaf-tls.pem")).unwrap(),
        &certscope::AnalyzeOptions::default(),
    )
    .unwrap();
    let cert = report.certificates().next().unwrap();
    for extension in &cert.extensions {
        match &extension.value {
            ExtensionValue::NetscapeCertType { types } => {
                assert_eq!(
                    types.join(", "),
                    openssl_section(&leaf, "Netscape Cert Type")
                )
            }
            ExtensionValue::NetscapeComment { comment } => {
                assert_eq!(comment, &openssl_section(&leaf, "Netscape Comment"))
            }
            ExtensionValue::SubjectDirectoryAttributes { attributes } => {
                // openssl dumps the DER; the values appear in it as text.
                let dump = openssl_section(&leaf, "X509v3 Subject Directory Attributes");
                assert!(
                    dump.contains("19800102000000Z") && dump.contains("FR"),
                    "{dump}"
                );
                assert_eq!(attributes[0].values, ["1980-01-02T00:00:00Z"]);
                assert_eq!(attributes[1].values, ["FR"]);
            }
            _ => {}
        }
    }
}
