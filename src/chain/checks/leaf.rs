//! Checks on the target certificate: basicConstraints, extendedKeyUsage and keyUsage for the
//! purpose, the caller's required usages.

use super::*;

/// Checks on the target certificate.
pub(super) fn leaf_checks(
    recorder: &mut Recorder,
    index: usize,
    cert: &CertFacts<'_>,
    options: &VerifyOptions,
    web: bool,
) {
    if web && cert.is_ca() {
        recorder.record(
            CheckId::LeafBasicConstraints,
            index,
            Err(ChainError::SubscriberIsCa),
        );
    }
    // OpenSSL does not refuse it (checked against the stacks' answers, `tests/stacks.rs`).
    let openssl = options.profile.spec().openssl_name_constraints;
    if cert.find::<NameConstraints>().is_present() && !cert.is_ca() && !openssl {
        recorder.record(
            CheckId::LeafNameConstraints,
            index,
            Err(ChainError::NameConstraintsOnEndEntity),
        );
    }

    // Extended key usage of the leaf.
    let eku = cert.find::<ExtendedKeyUsage>();
    let rfc5280 = options.profile.spec().purposes == PurposeRules::Rfc5280;
    if let (Some(purpose), true) = (options.purpose.oid(), rfc5280) {
        let result = match &eku {
            Lookup::Present { value, critical } => {
                let usages = &value.0;
                if usages.is_empty() {
                    Err(ChainError::ExtendedKeyUsage {
                        problem: "extendedKeyUsage is empty".to_string(),
                    })
                } else if web && *critical {
                    Err(ChainError::ExtendedKeyUsage {
                        problem: "a subscriber's extendedKeyUsage must not be critical".to_string(),
                    })
                } else if web && usages.contains(&ANY_EXTENDED_KEY_USAGE) {
                    Err(ChainError::ExtendedKeyUsage {
                        problem: "a subscriber's extendedKeyUsage must not contain \
                                  anyExtendedKeyUsage"
                            .to_string(),
                    })
                } else if usages.contains(&purpose) {
                    Ok(format!("allows {}", crate::oid::short_name(&purpose)))
                } else if !web && usages.contains(&ANY_EXTENDED_KEY_USAGE) {
                    Ok("anyExtendedKeyUsage".to_string())
                } else {
                    Err(ChainError::ExtendedKeyUsage {
                        problem: format!(
                            "does not allow {} ({})",
                            crate::oid::short_name(&purpose),
                            usages
                                .iter()
                                .map(crate::oid::short_name)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    })
                }
            }
            Lookup::Absent => {
                Ok("no extendedKeyUsage: any purpose (RFC 5280 4.2.1.12)".to_string())
            }
            _ => Err(ChainError::ExtendedKeyUsage {
                problem: "extendedKeyUsage is malformed or duplicated".to_string(),
            }),
        };
        recorder.record(CheckId::ExtendedKeyUsage, index, result);
    }
    for required in &options.required_extended_key_usage {
        let Ok(oid) = ObjectIdentifier::new(required) else {
            continue;
        };
        let allowed = match eku.value() {
            Some(v) => v.0.contains(&oid) || v.0.contains(&ANY_EXTENDED_KEY_USAGE),
            None => true,
        };
        recorder.record(
            CheckId::RequiredExtendedKeyUsage,
            index,
            if allowed {
                Ok(format!("allows {}", crate::oid::short_name(&oid)))
            } else {
                Err(ChainError::ExtendedKeyUsage {
                    problem: format!("does not allow {}", crate::oid::short_name(&oid)),
                })
            },
        );
    }
    // The leaf's keyUsage, when present, must allow what the purpose does with the key
    // (RFC 5280 4.2.1.12: "both extensions MUST be consistent"; RFC 5246 7.4.2 / RFC 8446
    // 4.4.2 for TLS).
    if let (Some(usage), true) = (cert.key_usage(), rfc5280) {
        use KeyUsages::{DigitalSignature, KeyAgreement, KeyEncipherment, NonRepudiation};
        let allowed: &[KeyUsages] = match options.purpose {
            Purpose::ServerAuth => &[DigitalSignature, KeyEncipherment, KeyAgreement],
            Purpose::ClientAuth => &[DigitalSignature, KeyAgreement],
            Purpose::EmailProtection => &[
                DigitalSignature,
                NonRepudiation,
                KeyEncipherment,
                KeyAgreement,
            ],
            Purpose::CodeSigning | Purpose::TimeStamping | Purpose::OcspSigning => {
                &[DigitalSignature, NonRepudiation]
            }
            _ => &[],
        };
        if !allowed.is_empty() {
            let result = if allowed.iter().any(|&u| usage.0.contains(u)) {
                Ok("keyUsage allows the purpose".to_string())
            } else {
                Err(ChainError::KeyUsage {
                    problem: "the leaf's keyUsage allows none of the uses the purpose needs"
                        .to_string(),
                })
            };
            recorder.record(CheckId::LeafKeyUsage, index, result);
        }
    }
    if !options.required_key_usage.is_empty() {
        if let Some(usage) = cert.key_usage() {
            for name in &options.required_key_usage {
                let flag = key_usage_flag(name);
                let ok = flag.is_some_and(|f| usage.0.contains(f));
                recorder.record(
                    CheckId::RequiredKeyUsage,
                    index,
                    if ok {
                        Ok(format!("{name} asserted"))
                    } else {
                        Err(ChainError::KeyUsage {
                            problem: format!("{name} is not asserted"),
                        })
                    },
                );
            }
        }
    }
    subject_names::leaf_names(recorder, index, cert, options, web);
}

fn key_usage_flag(name: &str) -> Option<KeyUsages> {
    Some(match name {
        "digitalSignature" => KeyUsages::DigitalSignature,
        "nonRepudiation" | "contentCommitment" => KeyUsages::NonRepudiation,
        "keyEncipherment" => KeyUsages::KeyEncipherment,
        "dataEncipherment" => KeyUsages::DataEncipherment,
        "keyAgreement" => KeyUsages::KeyAgreement,
        "keyCertSign" => KeyUsages::KeyCertSign,
        "cRLSign" => KeyUsages::CRLSign,
        "encipherOnly" => KeyUsages::EncipherOnly,
        "decipherOnly" => KeyUsages::DecipherOnly,
        _ => return None,
    })
}
