//! The issuer's signature on each certificate and the signature algorithm policy.

use super::*;

/// The issuer's signature on `cert` (verified while building) and the algorithm policy.
pub(super) fn signature(
    recorder: &mut Recorder,
    index: usize,
    cert: &Checked<'_>,
    outcome: Result<Verified, SignatureError>,
    options: &VerifyOptions,
    web: bool,
) {
    let x509 = cert.x509();
    let (inner, outer) = (
        x509.tbs_certificate().signature(),
        x509.signature_algorithm(),
    );
    // Equal decodes encode alike: only different ones are re-encoded and compared.
    if inner != outer && inner.to_der().ok() != outer.to_der().ok() {
        recorder.record(
            "signature_algorithm_match",
            index,
            "RFC 5280 4.1.1.2",
            Err(ChainError::Signature {
                problem: "signatureAlgorithm differs from tbsCertificate.signature".to_string(),
            }),
        );
    }
    let result = match outcome {
        Err(e) => Err(ChainError::Signature {
            problem: e.to_string(),
        }),
        Ok(verified) => match verified.algorithm.hash() {
            Some(HashAlgorithm::Sha1) if !options.allow_sha1 => Err(ChainError::Signature {
                problem: format!(
                    "{} is refused: SHA-1 is no longer accepted (CA/B BR 7.1.3.2)",
                    verified.algorithm
                ),
            }),
            Some(HashAlgorithm::Sha224) if web => Err(ChainError::Signature {
                problem: format!("{} is not allowed in the Web PKI", verified.algorithm),
            }),
            _ => match verified.algorithm {
                crate::signature::SignatureAlgorithm::RsaPss { hash, salt_length }
                    if web && usize::from(salt_length) != hash.output_length() =>
                {
                    Err(ChainError::Signature {
                        problem: "RSA-PSS salt length must equal the hash length".to_string(),
                    })
                }
                _ => Ok(format!(
                    "{} with the issuer's {} key",
                    verified.algorithm, verified.key
                )),
            },
        },
    };
    recorder.record("signature", index, "RFC 5280 6.1.3 (a)(1)", result);
}
