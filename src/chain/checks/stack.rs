//! A TLS stack's profile ([`super::super::profile::StackChain`]): the end entity judged by
//! the stack's own rules (those of `client_server.verifiers`), the certificate authorities by
//! the common checks as the stack departs from them.

use super::*;
use crate::chain::profile::{
    AnchorBasicConstraints, CaExtendedKeyUsage, CommonNameConstraint, NameForm, StackChain,
};

/// The common checks on the end entity that the stack's own end-entity rules replace.
const END_ENTITY_RULES_REPLACE: &[&str] = &[
    "version",
    "critical_extensions",
    "public_key",
    "extended_key_usage",
    "leaf_key_usage",
    "key_usage_consistency",
    "leaf_basic_constraints",
    "leaf_name_constraints",
    "subject_alt_name",
    "common_name",
    "host_name",
];

/// The common checks the stack layer makes again in the stack's way: which critical
/// extensions are processed (the key identifiers' criticality among them) and name
/// constraints.
const REMADE: &[&str] = &[
    "critical_extensions",
    "name_constraints",
    "authority_key_identifier",
    "subject_key_identifier",
];

/// Applies the stack's rules to the checks recorded on a path by the common checks.
pub(super) fn stack_checks(
    recorder: &mut Recorder,
    certs: &[(usize, &CertFacts<'_>)],
    options: &VerifyOptions,
    chain: &StackChain,
    comparisons: &Cell<usize>,
) {
    let Some(&(target, leaf)) = certs.first() else {
        return;
    };
    let last = certs.len().saturating_sub(1);
    let anchor = certs.get(last).map(|(i, _)| *i);
    let pinned = last == 0;
    let is_ca = |index: usize| index != target;
    let is_anchor = |index: usize| Some(index) == anchor && !pinned;
    recorder.checks.retain(|check| {
        let name = check.name.as_str();
        let on_target = check.certificate == target;
        let dropped = (on_target && END_ENTITY_RULES_REPLACE.contains(&name))
            || REMADE.contains(&name)
            || (is_ca(check.certificate) && name == "extended_key_usage")
            || (is_anchor(check.certificate) && name == "basic_constraints")
            || (!chain.policies && ["certificate_policies", "policy_constraints"].contains(&name))
            || (!chain.ca_key_usage_checked && name == "issuer_key_usage")
            || (is_anchor(check.certificate) && chain.anchor_unchecked.contains(&name))
            || (pinned && chain.pinned_unchecked.contains(&name));
        !dropped
    });

    let stack = chain.stack;
    // The end entity, by the stack's own rules.
    let server = match options.purpose {
        Purpose::ServerAuth => Some(true),
        Purpose::ClientAuth => Some(false),
        _ => None,
    };
    let result = match server {
        Some(server) => {
            let host = options.host.as_ref().filter(|_| server);
            let (accepts, reason) =
                crate::role::stacks::end_entity(stack, leaf, server, host, pinned);
            if accepts {
                Ok(reason)
            } else {
                Err(ChainError::StackRefuses {
                    stack: stack.label().to_owned(),
                    reason,
                })
            }
        }
        None => Err(ChainError::StackPurpose {
            profile: stack.key().to_owned(),
        }),
    };
    recorder.record_as(stack, CheckId::StackEndEntity, target, result);

    for (position, &(index, cert)) in certs.iter().enumerate().skip(1) {
        let at_anchor = position == last;
        let unchecked = |check: &str| at_anchor && chain.anchor_unchecked.contains(&check);
        // Critical extensions the stack does not process.
        if !unchecked("critical_extensions") {
            let unknown = ext::all(cert).iter().find(|e| {
                e.critical
                    && !chain
                        .ca_critical_known
                        .contains(&e.extn_id.to_string().as_str())
            });
            let result = match unknown {
                Some(e) => Err(ChainError::UnknownCriticalExtension {
                    oid: crate::oid::dotted(&e.extn_id),
                }),
                None => Ok(format!(
                    "no critical extension {} does not process",
                    stack.label()
                )),
            };
            recorder.record_as(stack, CheckId::CriticalExtensions, index, result);
        }
        if at_anchor {
            anchor_checks(recorder, index, cert, chain);
        }
        if chain.ca_key_usage_required
            && cert.key_usage().is_none()
            && !unchecked("issuer_key_usage")
        {
            recorder.record_as(
                stack,
                CheckId::IssuerKeyUsage,
                index,
                Err(ChainError::KeyUsage {
                    problem: format!("{} requires keyUsage in a CA certificate", stack.label()),
                }),
            );
        }
        ca_extended_key_usage(recorder, index, cert, at_anchor, options, chain);
    }
    name_constraints(recorder, certs, options, chain, server, comparisons);
}

/// The anchor's basicConstraints and version, as the stack reads them.
fn anchor_checks(recorder: &mut Recorder, index: usize, cert: &CertFacts<'_>, chain: &StackChain) {
    let version_one =
        cert.x509().tbs_certificate().version() != x509_cert::certificate::Version::V3;
    let basic = cert.find::<BasicConstraints>();
    let result = match (chain.anchor_basic_constraints, basic) {
        (AnchorBasicConstraints::Unchecked, _) => None,
        (_, Lookup::Present { value, .. }) if value.ca => Some(Ok("cA TRUE".to_owned())),
        (_, Lookup::Present { .. }) => Some(Err("basicConstraints cA is FALSE")),
        (AnchorBasicConstraints::FalseRefused, _) => {
            Some(Ok("no cA FALSE: taken as a CA".to_owned()))
        }
        (AnchorBasicConstraints::Version3NeedsCa, _) if version_one => {
            Some(Ok("a version 1 anchor: taken as a CA".to_owned()))
        }
        (AnchorBasicConstraints::Version3NeedsCa, _) => {
            Some(Err("a version 3 anchor without basicConstraints cA TRUE"))
        }
    };
    if let Some(result) = result {
        let result = result.map_err(|problem| ChainError::NotCa {
            problem: format!("{}: {problem}", chain.stack.label()),
        });
        recorder.record_as(chain.stack, CheckId::BasicConstraints, index, result);
    }
    if chain.anchor_old_version_refused && version_one {
        recorder.record_as(
            chain.stack,
            CheckId::Version,
            index,
            Err(ChainError::StackRefusesOldAnchor {
                stack: chain.stack.label().to_owned(),
            }),
        );
    }
}

/// `id-kp-serverAuth`, `id-kp-clientAuth` and the Server Gated Crypto OIDs: NSS's "SSL CA".
const TLS_PURPOSES: &[&str] = &[
    "1.3.6.1.5.5.7.3.1",
    "1.3.6.1.5.5.7.3.2",
    "1.3.6.1.4.1.311.10.3.3",
    "2.16.840.1.113730.4.1",
];

/// extendedKeyUsage in a CA certificate, as the stack reads it.
fn ca_extended_key_usage(
    recorder: &mut Recorder,
    index: usize,
    cert: &CertFacts<'_>,
    at_anchor: bool,
    options: &VerifyOptions,
    chain: &StackChain,
) {
    let CaExtendedKeyUsage::Listed {
        any_counts,
        either_tls_side,
        anchor,
    } = chain.ca_extended_key_usage
    else {
        return;
    };
    if at_anchor && !anchor {
        return;
    }
    let (Some(usages), Some(purpose)) = (cert.extended_key_usage(), options.purpose.oid()) else {
        return;
    };
    let listed = usages.contains(&purpose)
        || (any_counts && usages.contains(&ANY_EXTENDED_KEY_USAGE))
        || (either_tls_side
            && TLS_PURPOSES.contains(&purpose.to_string().as_str())
            && usages
                .iter()
                .any(|u| TLS_PURPOSES.contains(&u.to_string().as_str())));
    let result = if listed {
        Ok(format!("allows {}", crate::oid::short_name(&purpose)))
    } else {
        Err(ChainError::ExtendedKeyUsage {
            problem: format!(
                "{}: a CA's extendedKeyUsage does not allow {}",
                chain.stack.label(),
                crate::oid::short_name(&purpose)
            ),
        })
    };
    recorder.record_as(chain.stack, CheckId::ExtendedKeyUsage, index, result);
}

fn form_of(name: &x509_cert::ext::pkix::name::GeneralName) -> Option<NameForm> {
    use x509_cert::ext::pkix::name::GeneralName;
    Some(match name {
        GeneralName::DnsName(_) => NameForm::Dns,
        GeneralName::IpAddress(_) => NameForm::Ip,
        GeneralName::UniformResourceIdentifier(_) => NameForm::Uri,
        GeneralName::Rfc822Name(_) => NameForm::Email,
        GeneralName::DirectoryName(_) => NameForm::Directory,
        _ => return None,
    })
}

/// nameConstraints of every CA over the certificates below it, as the stack applies them.
fn name_constraints(
    recorder: &mut Recorder,
    certs: &[(usize, &CertFacts<'_>)],
    options: &VerifyOptions,
    chain: &StackChain,
    server: Option<bool>,
    comparisons: &Cell<usize>,
) {
    let rules = chain.name_constraints;
    if !rules.applied {
        return;
    }
    let last = certs.len().saturating_sub(1);
    for (j, &(ca_index, ca)) in certs.iter().enumerate().skip(1) {
        if j == last && !rules.anchor {
            continue;
        }
        let Lookup::Present {
            value, critical, ..
        } = ca.find::<NameConstraints>()
        else {
            continue;
        };
        let mut constraints = value.clone();
        let mut refused = None;
        // Forms the stack does not process: a name of the form below refuses the certificate.
        let mut refused_names: Vec<NameForm> = Vec::new();
        for (excluded, subtrees) in [
            (false, &mut constraints.permitted_subtrees),
            (true, &mut constraints.excluded_subtrees),
        ] {
            let Some(subtrees) = subtrees else {
                continue;
            };
            subtrees.retain(|subtree| match form_of(&subtree.base) {
                Some(form) if rules.ignored_forms.contains(&form) => false,
                Some(form) if rules.unsupported_forms.contains(&form) && !critical => false,
                Some(form) if rules.unsupported_forms.contains(&form) => {
                    refused = Some(form);
                    true
                }
                Some(form) if rules.refused_forms.contains(&form) => {
                    refused_names.push(form);
                    false
                }
                Some(form) if rules.excluded_refused_forms.contains(&form) => {
                    if excluded {
                        refused_names.push(form);
                    }
                    false
                }
                _ => true,
            });
        }
        if let Some(form) = refused {
            recorder.record_as(
                chain.stack,
                CheckId::NameConstraints,
                ca_index,
                Err(ChainError::NameConstraint {
                    problem: format!(
                        "{} does not process {form:?} name constraints",
                        chain.stack.label()
                    ),
                }),
            );
            continue;
        }
        for (i, &(index, cert)) in certs.iter().enumerate().take(j) {
            if i > 0 && cert.self_issued() {
                continue;
            }
            if rules.issuer_only && i + 1 != j {
                continue;
            }
            let result = names::subject_names(cert).and_then(|mut subject_names| {
                let san = cert.find::<SubjectAltName>();
                let without_san = !san.is_present();
                let common_name = match rules.common_name {
                    CommonNameConstraint::WithoutSan => true,
                    CommonNameConstraint::ServerWithoutSan => server == Some(true),
                    CommonNameConstraint::AnyWithoutAltNames => true,
                    CommonNameConstraint::Never => false,
                };
                if without_san && !common_name {
                    subject_names.retain(|n| !matches!(n, names::SubjectName::Dns(_)));
                }
                if rules.common_name == CommonNameConstraint::AnyWithoutAltNames {
                    any_common_name(cert, &mut subject_names);
                }
                if rules.dns_applies_to_uri {
                    let hosts: Vec<names::SubjectName> = subject_names
                        .iter()
                        .filter_map(|n| match n {
                            names::SubjectName::Uri(uri) => {
                                names::uri_host(uri).map(|h| names::SubjectName::Dns(h.to_owned()))
                            }
                            _ => None,
                        })
                        .collect();
                    subject_names.extend(hosts);
                }
                if rules.ip_checked_as_dns {
                    // Within no DNS subtree: the address's bytes are not a DNS name.
                    let addresses: Vec<names::SubjectName> = subject_names
                        .iter()
                        .filter_map(|n| match n {
                            names::SubjectName::Ip(bytes) => {
                                Some(names::SubjectName::Dns(format!("[{}]", ip_text(bytes))))
                            }
                            _ => None,
                        })
                        .collect();
                    subject_names.extend(addresses);
                }
                if let Some(form) = subject_names
                    .iter()
                    .filter_map(name_form)
                    .find(|form| refused_names.contains(form))
                {
                    return Err(ChainError::NameConstraint {
                        problem: format!(
                            "{} does not process {form:?} name constraints, and the \
                             certificate has such a name",
                            chain.stack.label()
                        ),
                    });
                }
                let reading = names::ConstraintReading {
                    leading_dot: options.profile.spec().dns_constraint_leading_dot,
                    wildcard_covers_excluded: rules.wildcard_covers_excluded,
                };
                let limit = options.budget.name_constraint_comparisons;
                if !rules.ip_families_apart {
                    return names::check_constraints_with(
                        &constraints,
                        &subject_names,
                        comparisons,
                        limit,
                        reading,
                    );
                }
                // Each address only against the subtrees of its own family.
                let (addresses, others): (Vec<_>, Vec<_>) = subject_names
                    .into_iter()
                    .partition(|n| matches!(n, names::SubjectName::Ip(_)));
                names::check_constraints_with(&constraints, &others, comparisons, limit, reading)?;
                for address in addresses {
                    let names::SubjectName::Ip(bytes) = &address else {
                        continue;
                    };
                    let mut own = constraints.clone();
                    for subtrees in [&mut own.permitted_subtrees, &mut own.excluded_subtrees]
                        .into_iter()
                        .flatten()
                    {
                        subtrees.retain(|subtree| match &subtree.base {
                            x509_cert::ext::pkix::name::GeneralName::IpAddress(base) => {
                                base.as_bytes().len() == bytes.len() * 2
                            }
                            _ => true,
                        });
                    }
                    names::check_constraints_with(
                        &own,
                        std::slice::from_ref(&address),
                        comparisons,
                        limit,
                        reading,
                    )?;
                }
                Ok(())
            });
            let result =
                result.map(|()| format!("names within the constraints of certificate {ca_index}"));
            recorder.record_as(chain.stack, CheckId::NameConstraints, index, result);
        }
    }
}

/// The form of a name of a certificate, as constraints name it.
fn name_form(name: &names::SubjectName) -> Option<NameForm> {
    Some(match name {
        names::SubjectName::Dns(_) => NameForm::Dns,
        names::SubjectName::Ip(_) => NameForm::Ip,
        names::SubjectName::Email(_) => NameForm::Email,
        names::SubjectName::Directory(_) => NameForm::Directory,
        names::SubjectName::Uri(_) => NameForm::Uri,
        names::SubjectName::Other(..) => return None,
    })
}

/// wolfSSL: without a dNSName, iPAddress or URI subjectAltName entry, each subject commonName
/// is a DNS name for name constraints, whatever it holds.
fn any_common_name(cert: &CertFacts<'_>, subject_names: &mut Vec<names::SubjectName>) {
    let alt_names = subject_names.iter().any(|n| {
        matches!(
            n,
            names::SubjectName::Dns(_) | names::SubjectName::Ip(_) | names::SubjectName::Uri(_)
        )
    });
    if alt_names {
        return;
    }
    for atv in cert.x509().tbs_certificate().subject().iter() {
        if atv.oid != const_oid::db::rfc4519::CN {
            continue;
        }
        if let (Some(text), _) = crate::name::value_text(&atv.value) {
            subject_names.push(names::SubjectName::Dns(text));
        }
    }
}

fn ip_text(bytes: &[u8]) -> String {
    match (<[u8; 4]>::try_from(bytes), <[u8; 16]>::try_from(bytes)) {
        (Ok(v4), _) => std::net::IpAddr::from(v4).to_string(),
        (_, Ok(v6)) => std::net::IpAddr::from(v6).to_string(),
        _ => crate::cert::hex(bytes),
    }
}
