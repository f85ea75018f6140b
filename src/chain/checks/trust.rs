//! The anchor: its own trust settings (OpenSSL's `TRUSTED CERTIFICATE` trust and reject
//! lists, honoured in every profile: explicit distrust is never ignored), and in profiles with
//! OpenSSL's anchor rules, whether it may anchor a path at all.

use super::*;
use crate::trust::TrustDecision;

/// What the certificate's trust settings say about the options' purpose (OpenSSL 3.0
/// `X509_check_trust()` with the purpose's trust id: `obj_trust()` in
/// `crypto/x509/x509_trust.c`); `None` without settings.
pub(crate) fn decision(cert: &Cert, options: &VerifyOptions) -> Option<TrustDecision> {
    let aux = cert.aux_trust()?;
    // OCSP signing is OpenSSL's `trust_1oid`: a trusted or rejected anyExtendedKeyUsage does
    // not stand for it.
    let any_counts = options.purpose != Purpose::OcspSigning;
    Some(aux.decide(options.purpose.oid().as_ref(), any_counts))
}

/// Whether a trusted certificate ends a path under OpenSSL's anchor rules: its settings trust
/// or reject the purpose, or it is self-signed (OpenSSL's `EXFLAG_SS`), or partial chains are
/// allowed. Otherwise OpenSSL looks further for its issuer.
pub(crate) fn openssl_anchors(cert: &Cert, options: &VerifyOptions) -> bool {
    options.partial_chain
        || matches!(
            decision(cert, options),
            Some(TrustDecision::Trusted | TrustDecision::Rejected)
        )
        || cert.facts().openssl().self_signed
}

/// The anchor's trust settings against the purpose.
pub(super) fn anchor_trust(
    recorder: &mut Recorder,
    index: usize,
    cert: &CertFacts<'_>,
    options: &VerifyOptions,
) {
    let Some(aux) = cert.aux_trust() else {
        return;
    };
    let purpose = options.purpose.oid();
    let wanted = purpose
        .as_ref()
        .map_or_else(|| "any use".to_string(), crate::oid::short_name);
    let result = match decision(cert, options) {
        Some(TrustDecision::Trusted) => Ok(format!("trusted for {wanted} ({})", aux.describe())),
        Some(TrustDecision::Rejected) => Err(ChainError::Distrusted {
            problem: format!(
                "the anchor's trust settings do not allow {wanted} ({})",
                aux.describe()
            ),
        }),
        _ => Ok(format!(
            "its trust settings do not mention {wanted} ({})",
            aux.describe()
        )),
    };
    recorder.record(CheckId::AnchorTrust, index, result);
}

/// OpenSSL's anchor rules (`check_trust()` in `crypto/x509/x509_vfy.c`): a trusted
/// certificate that is neither trusted for the purpose by its settings nor self-signed
/// anchors a path only with partial chains allowed.
pub(super) fn openssl_anchor(
    recorder: &mut Recorder,
    index: usize,
    cert: &CertFacts<'_>,
    options: &VerifyOptions,
) {
    if options.profile.spec().anchors != AnchorRules::Openssl {
        return;
    }
    let result = match decision(cert, options) {
        Some(TrustDecision::Trusted) => Ok("its trust settings trust the purpose".to_string()),
        // Reported by `anchor_trust`.
        Some(TrustDecision::Rejected) => return,
        _ if cert.openssl().self_signed => Ok("self-signed".to_string()),
        _ if options.partial_chain => Ok("not self-signed; partial chains are allowed".to_string()),
        _ => Err(ChainError::UnknownIssuer {
            missing: "the trusted certificate that ends the path is not self-signed, and \
                      partial chains were not allowed (OpenSSL -partial_chain)"
                .to_string(),
        }),
    };
    recorder.record(CheckId::OpensslAnchor, index, result);
}
