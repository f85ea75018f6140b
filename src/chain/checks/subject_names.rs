//! Names: the target's subjectAltName, subject CN, expected host and identities, and the
//! name constraints of every CA over the certificates below it.

use super::*;

/// The target's names: subjectAltName rules, its subject CN, the expected host and
/// identities (RFC 5280 4.2.1.6, RFC 6125 6.4, CA/B BR 7.1.2.7.12, 7.1.4.3).
pub(super) fn leaf_names(
    recorder: &mut Recorder,
    index: usize,
    cert: &CertFacts<'_>,
    options: &VerifyOptions,
    web: bool,
) {
    let tbs = cert.x509().tbs_certificate();
    // subjectAltName rules.
    let san = cert.find::<SubjectAltName>();
    let subject_empty = tbs.subject().is_empty();
    match &san {
        Lookup::Present { value, critical } => {
            if subject_empty && !critical {
                recorder.record(
                    CheckId::SubjectAltName,
                    index,
                    Err(ChainError::SubjectAltNameNotCritical),
                );
            }
            if web && !subject_empty && *critical {
                recorder.record(
                    CheckId::SubjectAltName,
                    index,
                    Err(ChainError::SubjectAltNameCritical),
                );
            }
            if web && options.purpose == Purpose::ServerAuth {
                for name in &value.0 {
                    if let x509_cert::ext::pkix::name::GeneralName::DnsName(dns) = name {
                        let dns = dns.as_str();
                        let ok = names::valid_dns_name(dns, true)
                            && dns.parse::<std::net::Ipv4Addr>().is_err();
                        if !ok {
                            recorder.record(
                                CheckId::SubjectAltName,
                                index,
                                Err(ChainError::InvalidDnsName {
                                    name: dns.to_owned(),
                                }),
                            );
                        }
                    }
                }
            }
        }
        Lookup::Absent => {
            if subject_empty {
                recorder.record(
                    CheckId::SubjectAltName,
                    index,
                    Err(ChainError::NoSubjectAltName),
                );
            }
            if web && options.purpose == Purpose::ServerAuth {
                recorder.record(
                    CheckId::SubjectAltName,
                    index,
                    Err(ChainError::ServerWithoutSubjectAltName),
                );
            }
        }
        _ => {}
    }

    if web && options.purpose == Purpose::ServerAuth {
        if let Lookup::Present { value, .. } = &san {
            let result = common_names_in_san(cert, &value.0);
            recorder.record(CheckId::CommonName, index, result);
        }
    }
    if let Some(expected) = &options.host {
        let result = names::matches_host(cert, expected, options.common_name_fallback);
        // OpenSSL's X509_check_host: its own wildcards (`f*`, `*o`), the host compared as given
        // (no IDNA mapping, no trailing dot dropped), the commonName read when the
        // subjectAltName has no dNSName.
        let result = if options.profile.spec().purposes == PurposeRules::Openssl {
            let matched = crate::role::stacks::openssl_check_host(
                cert,
                expected,
                options.common_name_fallback,
            );
            match (matched, result) {
                (true, _) => Ok(()),
                (false, Err(problem)) => Err(problem),
                (false, Ok(())) => Err(format!(
                    "X509_check_host does not match {expected} (X509_V_ERR_HOSTNAME_MISMATCH)"
                )),
            }
        } else {
            result
        };
        let result = result
            .map(|()| format!("matches {expected}"))
            .map_err(|problem| ChainError::NameMismatch { problem });
        recorder.record(CheckId::HostName, index, result);
    }
    for expected in &options.identities {
        let result = names::matches_host(cert, expected, false)
            .map(|()| format!("carries {expected}"))
            .map_err(|problem| ChainError::NameMismatch { problem });
        recorder.record(CheckId::Identity, index, result);
    }
}

/// Name constraints of every CA applied to the certificates below it (RFC 5280 6.1.3 (b),
/// (c)); self-issued intermediates are exempt (6.1.3 (b)).
pub(super) fn name_constraints(
    recorder: &mut Recorder,
    certs: &[(usize, &CertFacts<'_>)],
    options: &VerifyOptions,
    _web: bool,
    comparisons: &Cell<usize>,
) {
    for (j, &(ca_index, ca)) in certs.iter().enumerate().skip(1) {
        let Some(constraints) = ca.find::<NameConstraints>().value().cloned() else {
            continue;
        };
        for (i, &(index, cert)) in certs.iter().enumerate().take(j) {
            if i > 0 && cert.self_issued() {
                continue;
            }
            let openssl = options.profile.spec().openssl_name_constraints;
            let result = names::subject_names(cert).and_then(|mut subject_names| {
                let mut limit = options.budget.name_constraint_comparisons;
                if openssl {
                    if i == 0 {
                        openssl_common_names(cert, &mut subject_names);
                    }
                    openssl_smtp_utf8_mailboxes(cert, &constraints, &mut subject_names)?;
                    limit = openssl_name_check_limit(cert, &constraints, limit)?;
                }
                names::check_constraints_with(
                    &constraints,
                    &subject_names,
                    comparisons,
                    limit,
                    names::ConstraintReading {
                        leading_dot: options.profile.spec().dns_constraint_leading_dot,
                        // OpenSSL's nc_dns compares a wildcard name as written.
                        wildcard_covers_excluded: !openssl,
                    },
                )
            });
            let result =
                result.map(|()| format!("names within the constraints of certificate {ca_index}"));
            recorder.record(CheckId::NameConstraints, index, result);
        }
    }
}

/// A subject CN that stands for a SAN value must be written exactly as that value: a dNSName
/// byte for byte (not in other case, not as a U-label), an iPAddress in its canonical text
/// (dotted decimal; RFC 5952 for IPv6) (CA/B BR 7.1.4.3).
///
/// A CN naming something absent from the SAN is not refused here: certscope never matches the
/// host against the CN, and x509-limbo's own valid cases carry such CNs.
fn common_names_in_san(
    cert: &Cert,
    sans: &[x509_cert::ext::pkix::name::GeneralName],
) -> Result<String, ChainError> {
    use x509_cert::ext::pkix::name::GeneralName;
    let subject = cert.x509().tbs_certificate().subject();
    for atv in subject.iter() {
        if atv.oid != const_oid::db::rfc4519::CN {
            continue;
        }
        let (text, _) = crate::name::value_text(&atv.value);
        let text = text.unwrap_or_default();
        let exact = sans.iter().any(|name| match name {
            GeneralName::DnsName(dns) => dns.as_str() == text,
            GeneralName::IpAddress(ip) => ip_text(ip.as_bytes()).is_some_and(|t| t == text),
            _ => false,
        });
        if exact {
            continue;
        }
        let lenient_ip = lenient_ip(&text);
        let represents = !text.is_ascii()
            || sans.iter().any(|name| match name {
                GeneralName::DnsName(dns) => dns.as_str().eq_ignore_ascii_case(&text),
                GeneralName::IpAddress(ip) => lenient_ip.as_deref() == Some(ip.as_bytes()),
                _ => false,
            });
        if represents {
            return Err(ChainError::CommonNameMisstatesSubjectAltName { common_name: text });
        }
    }
    Ok("no subject CN misstates a subjectAltName value".to_string())
}

fn ip_text(bytes: &[u8]) -> Option<String> {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        return Some(std::net::IpAddr::from(v4).to_string());
    }
    <[u8; 16]>::try_from(bytes)
        .ok()
        .map(|v6| std::net::IpAddr::from(v6).to_string())
}

/// Reads an IP address the way lenient parsers do (`inet_aton`: hex, leading zeros; IPv6 in
/// any case or expansion), to recognise a CN that names an address in a non-canonical form.
fn lenient_ip(text: &str) -> Option<Vec<u8>> {
    if let Ok(v6) = text.parse::<std::net::Ipv6Addr>() {
        return Some(v6.octets().to_vec());
    }
    let number = |part: &str| -> Option<u32> {
        match part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => part.parse::<u32>().ok(),
        }
    };
    let parts: Vec<&str> = text.split('.').collect();
    match parts.as_slice() {
        [single] => number(single).map(|n| n.to_be_bytes().to_vec()),
        [a, b, c, d] => {
            let octets = [number(a)?, number(b)?, number(c)?, number(d)?];
            octets
                .iter()
                .map(|&o| u8::try_from(o).ok())
                .collect::<Option<Vec<u8>>>()
        }
        _ => None,
    }
}

/// OpenSSL's `NAME_CONSTRAINTS_check_CN`: when the target has a subjectAltName without a
/// dNSName, each subject CN that reads as a host name (`cn2dnsid`: letters, digits, `_`, `-`
/// and inner dots, at least two labels) is checked as a DNS name too. (Without a
/// subjectAltName, every profile does so.)
fn openssl_common_names(cert: &Cert, subject_names: &mut Vec<names::SubjectName>) {
    let has_san = cert.facts().find::<SubjectAltName>().is_present();
    if !has_san
        || subject_names
            .iter()
            .any(|n| matches!(n, names::SubjectName::Dns(_)))
    {
        return;
    }
    for atv in cert.x509().tbs_certificate().subject().iter() {
        if atv.oid != const_oid::db::rfc4519::CN {
            continue;
        }
        let (Some(text), _) = crate::name::value_text(&atv.value) else {
            continue;
        };
        let bytes = text.as_bytes();
        let last = bytes.len().saturating_sub(1);
        let mut dns = false;
        let plausible = !bytes.is_empty()
            && bytes.iter().enumerate().all(|(i, &c)| {
                if c.is_ascii_alphanumeric() || c == b'_' {
                    return true;
                }
                let inner = i > 0 && i < last;
                let next = bytes.get(i + 1).copied();
                let previous = i.checked_sub(1).and_then(|p| bytes.get(p)).copied();
                if inner && c == b'-' {
                    return true;
                }
                if inner
                    && c == b'.'
                    && next != Some(b'.')
                    && next != Some(b'-')
                    && previous != Some(b'-')
                {
                    dns = true;
                    return true;
                }
                false
            });
        if plausible && dns {
            subject_names.push(names::SubjectName::Dns(text));
        }
    }
}

/// OpenSSL's guard against costly name constraint checks (`NAME_CHECK_MAX` in
/// `crypto/x509/v3_ncons.c`): more than 2^20 (names × constraints) fails the certificate;
/// below it the comparisons are allowed as OpenSSL allows them.
fn openssl_name_check_limit(
    cert: &Cert,
    constraints: &NameConstraints,
    budget: usize,
) -> Result<usize, ChainError> {
    const NAME_CHECK_MAX: usize = 1 << 20;
    let entries = cert.x509().tbs_certificate().subject().iter().count();
    let alt_names = cert
        .facts()
        .find::<SubjectAltName>()
        .value()
        .map_or(0, |san| san.0.len());
    let subtrees = |list: &Option<Vec<x509_cert::ext::pkix::constraints::name::GeneralSubtree>>| {
        list.as_ref().map_or(0, Vec::len)
    };
    let names = entries.saturating_add(alt_names);
    let constraint_count = subtrees(&constraints.permitted_subtrees)
        .saturating_add(subtrees(&constraints.excluded_subtrees));
    if names.saturating_mul(constraint_count) > NAME_CHECK_MAX {
        return Err(ChainError::NameConstraint {
            problem: format!(
                "{names} names against {constraint_count} constraints: more than OpenSSL's \
                 limit of 2^20 comparisons"
            ),
        });
    }
    Ok(budget.max(NAME_CHECK_MAX))
}

/// `id-on-SmtpUTF8Mailbox` (RFC 8398).
const SMTP_UTF8_MAILBOX: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.8.9");

/// OpenSSL checks an SmtpUTF8Mailbox otherName against rfc822Name constraints (RFC 8398 6);
/// one whose value is not a UTF8String fails when there are such constraints
/// (`X509_V_ERR_UNSUPPORTED_NAME_SYNTAX`, CVE-2022-4203's test).
fn openssl_smtp_utf8_mailboxes(
    cert: &Cert,
    constraints: &NameConstraints,
    subject_names: &mut Vec<names::SubjectName>,
) -> Result<(), ChainError> {
    use x509_cert::ext::pkix::name::GeneralName;
    let Some(san) = cert.facts().find::<SubjectAltName>().value().cloned() else {
        return Ok(());
    };
    let email_constraints = constraints
        .permitted_subtrees
        .iter()
        .chain(constraints.excluded_subtrees.iter())
        .flatten()
        .any(|subtree| matches!(subtree.base, GeneralName::Rfc822Name(_)));
    for name in &san.0 {
        let GeneralName::OtherName(other) = name else {
            continue;
        };
        if other.type_id != SMTP_UTF8_MAILBOX {
            continue;
        }
        match other.value.decode_as::<String>() {
            Ok(mailbox) => subject_names.push(names::SubjectName::Email(mailbox)),
            Err(_) if email_constraints => {
                return Err(ChainError::NameConstraint {
                    problem: "an SmtpUTF8Mailbox otherName whose value is not a UTF8String \
                              cannot be checked against rfc822Name constraints"
                        .to_string(),
                })
            }
            Err(_) => {}
        }
    }
    Ok(())
}
