//! The issuer's signature on each certificate and the signature algorithm policy.

use super::*;

/// The issuer's signature on `cert` (verified while building) and the algorithm policy.
pub(super) fn signature(
    recorder: &mut Recorder,
    index: usize,
    cert: &CertFacts<'_>,
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
            CheckId::SignatureAlgorithmMatch,
            index,
            Err(ChainError::Signature {
                problem: "signatureAlgorithm differs from tbsCertificate.signature".to_string(),
            }),
        );
    }
    let result = match outcome {
        Err(e) => Err(ChainError::Signature {
            problem: e.to_string(),
        }),
        Ok(verified)
            if options.auth_level().is_some_and(|level| {
                signature_security_bits(verified.algorithm) < auth_level_bits(level)
            }) =>
        {
            let level = options.auth_level().unwrap_or_default();
            Err(ChainError::Signature {
                problem: format!(
                    "{} gives {} bits of security, fewer than the {} of authentication level \
                     {level}",
                    verified.algorithm,
                    signature_security_bits(verified.algorithm),
                    auth_level_bits(level)
                ),
            })
        }
        Ok(verified) if options.auth_level().is_some() => Ok(format!(
            "{} with the issuer's {} key",
            verified.algorithm, verified.key
        )),
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
                crate::signature::SignatureAlgorithm::Dsa { .. } if web => {
                    Err(ChainError::Signature {
                        problem: format!(
                            "{} is not allowed in the Web PKI (CA/B BR 7.1.3.2)",
                            verified.algorithm
                        ),
                    })
                }
                crate::signature::SignatureAlgorithm::Dsa { .. }
                    if options.profile.spec().dsa_refused =>
                {
                    Err(ChainError::Signature {
                        problem: format!(
                            "{}: Go and rustls-webpki verify no DSA signature",
                            verified.algorithm
                        ),
                    })
                }
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
    recorder.record(CheckId::Signature, index, result);
}

/// The security bits OpenSSL 3.0 assigns to a signature algorithm (`x509_sig_info_init`): a
/// SHA-1 digest 63 (collisions are practical), other digests half their length, Ed25519 128.
pub(super) fn signature_security_bits(algorithm: crate::signature::SignatureAlgorithm) -> u32 {
    match algorithm.hash() {
        Some(HashAlgorithm::Sha1) => 63,
        Some(hash) => u32::try_from(hash.output_length() * 4).unwrap_or(u32::MAX),
        None => 128,
    }
}
