//! OpenSSL's purpose check on every certificate of the path (`check_purpose()` in OpenSSL 3.0
//! `crypto/x509/x509_vfy.c`): the target as an end entity, the others as CAs, each by
//! `X509_check_purpose` ([`crate::purpose::check_purpose`]).

use super::*;
use crate::trust::TrustDecision;

/// The purpose check of the profiles with [`PurposeRules::Openssl`]. A trusted certificate
/// whose trust settings trust the purpose is exempt, as in OpenSSL; a warning code (2 to 5,
/// or -1 for extensions OpenSSL finds invalid) passes, as without `-x509_strict`.
pub(super) fn openssl_purpose(
    recorder: &mut Recorder,
    index: usize,
    cert: &CertFacts<'_>,
    is_leaf: bool,
    is_anchor: bool,
    options: &VerifyOptions,
) {
    if options.profile.spec().purposes != PurposeRules::Openssl {
        return;
    }
    let Some(id) = options.openssl_purpose() else {
        return;
    };
    if is_anchor && trust::decision(cert, options) == Some(TrustDecision::Trusted) {
        recorder.record(
            CheckId::OpensslPurpose,
            index,
            Ok(format!(
                "not checked for {}: the anchor's trust settings trust the purpose",
                id.short_name()
            )),
        );
        return;
    }
    let (code, why) = crate::purpose::check_purpose(cert.openssl(), id, !is_leaf);
    let role = if is_leaf { "an end entity" } else { "a CA" };
    let result = if code == 0 {
        Err(ChainError::ExtendedKeyUsage {
            problem: format!("not valid for {} as {role}: {why}", id.short_name()),
        })
    } else {
        Ok(format!("{} as {role}: {why}", id.short_name()))
    };
    recorder.record(CheckId::OpensslPurpose, index, result);
}
