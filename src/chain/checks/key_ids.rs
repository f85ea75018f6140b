//! Authority and subject key identifiers (RFC 5280 4.2.1.1, 4.2.1.2; CA/B BR 7.1.2.1.3,
//! 7.1.2.7.6).

use super::*;

/// Key identifiers of a certificate below the anchor (RFC 5280 4.2.1.1, 4.2.1.2; CA/B BR
/// 7.1.2.7.6, 7.1.2.2).
pub(super) fn key_identifiers(
    recorder: &mut Recorder,
    index: usize,
    cert: &CertFacts<'_>,
    is_leaf: bool,
    is_anchor: bool,
    web: bool,
) {
    let aki = cert.find::<AuthorityKeyIdentifier>();
    let ski = cert.find::<SubjectKeyIdentifier>();
    if aki.critical() == Some(true) {
        recorder.record(
            CheckId::AuthorityKeyIdentifier,
            index,
            Err(ChainError::MustNotBeCritical {
                extension: "authorityKeyIdentifier".to_owned(),
            }),
        );
    }
    if ski.critical() == Some(true) {
        recorder.record(
            CheckId::SubjectKeyIdentifier,
            index,
            Err(ChainError::MustNotBeCritical {
                extension: "subjectKeyIdentifier".to_owned(),
            }),
        );
    }
    if !web || is_anchor {
        return;
    }
    let has_key_id = aki.value().is_some_and(|a| a.key_identifier.is_some());
    if !has_key_id {
        recorder.record(
            CheckId::AuthorityKeyIdentifier,
            index,
            Err(ChainError::NoAuthorityKeyIdentifier),
        );
    }
    if !is_leaf && !ski.is_present() {
        recorder.record(
            CheckId::SubjectKeyIdentifier,
            index,
            Err(ChainError::NoSubjectKeyIdentifier),
        );
    }
}

/// Key identifiers of the trust anchor (CA/B BR 7.1.2.1.3).
pub(super) fn anchor_key_identifiers(
    recorder: &mut Recorder,
    index: usize,
    cert: &CertFacts<'_>,
    web: bool,
) {
    let aki = cert.find::<AuthorityKeyIdentifier>();
    let ski = cert.find::<SubjectKeyIdentifier>();
    for (name, critical) in [
        (CheckId::AuthorityKeyIdentifier, aki.critical()),
        (CheckId::SubjectKeyIdentifier, ski.critical()),
    ] {
        if critical == Some(true) {
            recorder.record(
                name,
                index,
                Err(ChainError::MustNotBeCritical {
                    extension: name.as_str().to_owned(),
                }),
            );
        }
    }
    if !web {
        return;
    }
    if !ski.is_present() {
        recorder.record(
            CheckId::SubjectKeyIdentifier,
            index,
            Err(ChainError::NoSubjectKeyIdentifier),
        );
    }
    // Verified only when it matters: a root with an authorityKeyIdentifier.
    let self_signed = || cert.self_issued() && crate::signature::verify_self_signed(cert).is_ok();
    // A missing authorityKeyIdentifier on an anchor is accepted: the caller trusts it as
    // given (an anchor is a name and a key, RFC 5280 6.1.1 (d)).
    match aki.value() {
        None => {}
        Some(a) => {
            let result =
                if a.authority_cert_issuer.is_some() || a.authority_cert_serial_number.is_some() {
                    Err(ChainError::RootAuthorityKeyIdentifierNotKeyIdOnly)
                } else if a.key_identifier.is_none() {
                    Err(ChainError::RootAuthorityKeyIdentifierWithoutKeyId)
                } else if ski.value().map(|s| s.0.as_bytes())
                    != a.key_identifier.as_ref().map(|k| k.as_bytes())
                    && self_signed()
                {
                    Err(ChainError::RootAuthorityKeyIdentifierMismatch)
                } else {
                    Ok("keyIdentifier only".to_string())
                };
            recorder.record(CheckId::AuthorityKeyIdentifier, index, result);
        }
    }
}
