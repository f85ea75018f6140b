//! Validity: whether each certificate is within its validity period at the validation time.

use super::*;

/// The validity period at the validation time (RFC 5280 6.1.3 (a)(2)), from the times as
/// written: a UTCTime from 1950 to 1969 is compared at its exact value, not at the
/// 1970-01-01T00:00:00Z the decoded form holds.
pub(super) fn validity(
    recorder: &mut Recorder,
    index: usize,
    cert: &CertFacts<'_>,
    options: &VerifyOptions,
) {
    let tbs = cert.x509().tbs_certificate();
    let validity = tbs.validity();
    let exact = |field: &str, decoded: &x509_cert::time::Time| -> i64 {
        cert.exact_time(field).map_or_else(
            || i64::try_from(unix(decoded).0).unwrap_or(i64::MAX),
            |exact| exact.unix,
        )
    };
    let not_before = exact("tbsCertificate.validity.notBefore", &validity.not_before);
    let not_after = exact("tbsCertificate.validity.notAfter", &validity.not_after);
    let time = options.time;
    let at = i64::try_from(time.0).unwrap_or(i64::MAX);
    let result = if at < not_before {
        Err(ChainError::NotYetValid { time, not_before })
    } else if at > not_after {
        Err(ChainError::Expired { time, not_after })
    } else {
        Ok(format!(
            "valid from {} to {}",
            crate::time::signed_rfc3339(not_before),
            crate::time::signed_rfc3339(not_after)
        ))
    };
    recorder.record(CheckId::Validity, index, result);
}
