//! Validity: whether each certificate is within its validity period at the validation time.

use super::*;

/// The validity period at the validation time (RFC 5280 6.1.3 (a)(2)).
pub(super) fn validity(
    recorder: &mut Recorder,
    index: usize,
    cert: &Checked<'_>,
    options: &VerifyOptions,
) {
    let tbs = cert.x509().tbs_certificate();
    let validity = tbs.validity();
    let (not_before, not_after) = (unix(&validity.not_before), unix(&validity.not_after));
    let time = options.time;
    let result = if time < not_before {
        Err(ChainError::NotYetValid { time, not_before })
    } else if time > not_after {
        Err(ChainError::Expired { time, not_after })
    } else {
        Ok(format!(
            "valid from {} to {}",
            not_before.to_rfc3339().unwrap_or_default(),
            not_after.to_rfc3339().unwrap_or_default()
        ))
    };
    recorder.record(CheckId::Validity, index, "RFC 5280 6.1.3 (a)(2)", result);
}
