//! Checks on issuers (intermediates and the anchor): basicConstraints, path length, keyUsage,
//! extendedKeyUsage on CAs, nameConstraints and policyConstraints form; the caller's limit on
//! intermediates.

use super::*;

/// Checks on a certificate used as an issuer (intermediate or anchor).
#[allow(clippy::too_many_arguments)]
pub(super) fn ca_checks(
    recorder: &mut Recorder,
    index: usize,
    cert: &CertFacts<'_>,
    certs: &[(usize, &CertFacts<'_>)],
    position: usize,
    is_anchor: bool,
    options: &VerifyOptions,
    web: bool,
) {
    let basic = cert.find::<BasicConstraints>();
    let openssl = options.profile.spec().purposes == PurposeRules::Openssl;
    let result = match &basic {
        // OpenSSL's `X509_check_ca`: also a v1 self-signed certificate, a keyCertSign
        // without basicConstraints, a Netscape CA type.
        // Below the top of the path OpenSSL asks for basicConstraints cA (its "strict is
        // implicit for intermediate CAs").
        _ if openssl => match crate::purpose::check_ca(cert.openssl()) {
            (0, why) => Err(ChainError::NotCa { problem: why }),
            (code, why) if code != 1 && !is_anchor => Err(ChainError::NotCa {
                problem: format!("{why}; an intermediate needs basicConstraints cA TRUE"),
            }),
            (_, why) => Ok(why),
        },
        Lookup::Present { value, critical } => {
            if !value.ca {
                Err(ChainError::NotCa {
                    problem: "basicConstraints cA is FALSE".to_string(),
                })
            } else if web && !critical {
                Err(ChainError::MustBeCritical {
                    extension: "basicConstraints".to_owned(),
                })
            } else {
                Ok("cA TRUE".to_string())
            }
        }
        Lookup::Absent => Err(ChainError::NotCa {
            problem: "no basicConstraints extension".to_string(),
        }),
        _ => Err(ChainError::NotCa {
            problem: "basicConstraints is malformed or duplicated".to_string(),
        }),
    };
    recorder.record(CheckId::BasicConstraints, index, result);

    if let Some(path_length) = basic.value().and_then(|b| b.path_len_constraint) {
        // Intermediates between this CA and the leaf, self-issued ones not counted.
        let below = certs
            .iter()
            .take(position)
            .skip(1)
            .filter(|(_, c)| !c.self_issued())
            .count();
        let result = if below > usize::from(path_length) {
            Err(ChainError::PathLengthExceeded { path_length, below })
        } else {
            Ok(format!("pathLenConstraint {path_length}, {below} below"))
        };
        recorder.record(CheckId::PathLength, index, result);
    }

    let result = match cert.find::<KeyUsage>() {
        Lookup::Present { value, .. } if !value.0.contains(KeyUsages::KeyCertSign) => {
            Err(ChainError::KeyUsage {
                problem: "an issuer's keyUsage must assert keyCertSign".to_string(),
            })
        }
        Lookup::Present { .. } => Ok("keyCertSign asserted".to_string()),
        _ => Ok("no keyUsage extension".to_string()),
    };
    recorder.record(CheckId::IssuerKeyUsage, index, result);

    if cert.x509().tbs_certificate().subject().is_empty() {
        recorder.record(CheckId::SubjectName, index, Err(ChainError::EmptyCaSubject));
    }

    // Extended key usage on CA certificates.
    if let (Some(usages), false) = (cert.extended_key_usage(), openssl) {
        // A root is self-issued; an intermediate the caller pins as an anchor keeps its EKU.
        if web && is_anchor && cert.self_issued() {
            recorder.record(
                CheckId::ExtendedKeyUsage,
                index,
                Err(ChainError::ExtendedKeyUsage {
                    problem: "a root certificate must not carry extendedKeyUsage".to_string(),
                }),
            );
        } else if options.eku_policy == EkuPolicy::Chain {
            if let Some(purpose) = options.purpose.oid() {
                let result =
                    if usages.contains(&purpose) || usages.contains(&ANY_EXTENDED_KEY_USAGE) {
                        Ok(format!("allows {}", crate::oid::short_name(&purpose)))
                    } else {
                        Err(ChainError::ExtendedKeyUsage {
                            problem: format!(
                                "a CA's extendedKeyUsage does not allow {}",
                                crate::oid::short_name(&purpose)
                            ),
                        })
                    };
                recorder.record(CheckId::ExtendedKeyUsage, index, result);
            }
        }
    }

    if let Lookup::Present { value, critical } = cert.find::<NameConstraints>() {
        {
            if !critical && options.profile.spec().name_constraints_must_be_critical {
                recorder.record(
                    CheckId::NameConstraintsCritical,
                    index,
                    Err(ChainError::MustBeCritical {
                        extension: "nameConstraints".to_owned(),
                    }),
                );
            }
            let empty = |s: &Option<Vec<_>>| s.as_ref().is_none_or(Vec::is_empty);
            if empty(&value.permitted_subtrees) && empty(&value.excluded_subtrees) {
                recorder.record(
                    CheckId::NameConstraints,
                    index,
                    Err(ChainError::NameConstraint {
                        problem: "nameConstraints with neither permitted nor excluded subtrees"
                            .to_string(),
                    }),
                );
            }
        }
    }

    // A non-critical policyConstraints breaks a rule for the CA that issued it (RFC 5280
    // 4.2.1.11: "MUST be critical"), reported by the lint e_ext_policy_constraint_not_critical;
    // RFC 5280 path validation processes the extension either way (6.1.4 (i)). The Web PKI
    // profile refuses it, as pyca's cryptography-x509-verification does for CA certificates
    // (x509-limbo rfc5280::pc::ica-noncritical-pc).
    if web {
        if let Some(false) = cert.find::<PolicyConstraints>().critical() {
            recorder.record(
                CheckId::PolicyConstraints,
                index,
                Err(ChainError::MustBeCritical {
                    extension: "policyConstraints".to_owned(),
                }),
            );
        }
    }
}

/// The caller's maximum number of intermediates; self-issued ones do not count.
pub(super) fn intermediates_limit(
    recorder: &mut Recorder,
    certs: &[(usize, &CertFacts<'_>)],
    options: &VerifyOptions,
) {
    let Some(limit) = options.max_intermediates else {
        return;
    };
    let count = certs
        .iter()
        .skip(1)
        .take(certs.len().saturating_sub(2))
        .filter(|(_, c)| !c.self_issued())
        .count();
    let result = if count > limit {
        Err(ChainError::TooManyIntermediates { count, limit })
    } else {
        Ok(format!("{count} intermediates, at most {limit}"))
    };
    recorder.record(
        CheckId::MaxIntermediates,
        certs.first().map_or(0, |c| c.0),
        result,
    );
}
