//! Signature checks for the objects found in an input: a CSR's self-signature and a CRL's
//! signature by a candidate issuer. Kept in one place so that it can be pointed at the crate's
//! general signature verification when that exists.
//!
//! Supported: RSA PKCS#1 v1.5 with SHA-1/SHA-224/SHA-256/SHA-384/SHA-512 (RFC 4055 5), ECDSA
//! on P-256/P-384/P-521 with SHA-1/SHA-2 (RFC 5758 3.2), Ed25519 (RFC 8410 6).

use der::asn1::ObjectIdentifier;
use der::Decode;
use sha2::Digest;
use signature::hazmat::PrehashVerifier;
use spki::SubjectPublicKeyInfoRef;

/// The outcome of checking one signature.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "result", rename_all = "snake_case"))]
pub enum SignatureCheck {
    /// The signature verifies with the key.
    Valid,
    /// The signature does not verify with the key.
    Invalid,
    /// The check could not be made.
    Unsupported {
        /// Why, in words (an unknown algorithm, a key that does not parse).
        reason: String,
    },
}

/// Checks `signature` over `message` with the public key in `spki_der`, for the signature
/// algorithm `algorithm`.
pub(crate) fn verify(
    spki_der: &[u8],
    algorithm: &ObjectIdentifier,
    message: &[u8],
    signature: &[u8],
) -> SignatureCheck {
    let unsupported = |reason: String| SignatureCheck::Unsupported { reason };
    let Ok(spki) = SubjectPublicKeyInfoRef::from_der(spki_der) else {
        return unsupported("the public key does not decode".into());
    };
    let key_bytes = spki.subject_public_key.raw_bytes();
    let outcome = |ok: bool| {
        if ok {
            SignatureCheck::Valid
        } else {
            SignatureCheck::Invalid
        }
    };
    let algorithm_text = algorithm.to_string();
    let key_type = spki.algorithm.oid.to_string();
    // A key of another type than the signature algorithm's cannot have made the signature.
    let expected_key = match algorithm_text.as_str() {
        a if a.starts_with("1.2.840.113549.1.1.") => Some("1.2.840.113549.1.1.1"),
        a if a.starts_with("1.2.840.10045.4.") => Some("1.2.840.10045.2.1"),
        "1.3.101.112" => Some("1.3.101.112"),
        _ => None,
    };
    let rsa_pss_key = key_type == "1.2.840.113549.1.1.10";
    if expected_key.is_some_and(|expected| {
        expected != key_type && !(rsa_pss_key && expected == "1.2.840.113549.1.1.1")
    }) {
        return SignatureCheck::Invalid;
    }
    match algorithm_text.as_str() {
        "1.2.840.113549.1.1.5" => rsa_pkcs1::<sha1::Sha1>(key_bytes, message, signature),
        "1.2.840.113549.1.1.14" => rsa_pkcs1::<sha2::Sha224>(key_bytes, message, signature),
        "1.2.840.113549.1.1.11" => rsa_pkcs1::<sha2::Sha256>(key_bytes, message, signature),
        "1.2.840.113549.1.1.12" => rsa_pkcs1::<sha2::Sha384>(key_bytes, message, signature),
        "1.2.840.113549.1.1.13" => rsa_pkcs1::<sha2::Sha512>(key_bytes, message, signature),
        "1.2.840.10045.4.1" => ecdsa(&spki, &sha1::Sha1::digest(message), signature),
        "1.2.840.10045.4.3.1" => ecdsa(&spki, &sha2::Sha224::digest(message), signature),
        "1.2.840.10045.4.3.2" => ecdsa(&spki, &sha2::Sha256::digest(message), signature),
        "1.2.840.10045.4.3.3" => ecdsa(&spki, &sha2::Sha384::digest(message), signature),
        "1.2.840.10045.4.3.4" => ecdsa(&spki, &sha2::Sha512::digest(message), signature),
        "1.3.101.112" => {
            let Ok(key_array) = <[u8; 32]>::try_from(key_bytes) else {
                return unsupported("the Ed25519 key is not 32 bytes".into());
            };
            let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&key_array) else {
                return unsupported("the Ed25519 key is not a valid point".into());
            };
            let Ok(signature) = ed25519_dalek::Signature::from_slice(signature) else {
                return SignatureCheck::Invalid;
            };
            outcome(key.verify_strict(message, &signature).is_ok())
        }
        other => unsupported(format!(
            "signature algorithm {} is not supported",
            crate::oid::name(&ObjectIdentifier::new(other).unwrap_or(*algorithm))
        )),
    }
}

fn rsa_pkcs1<D>(key_der: &[u8], message: &[u8], signature: &[u8]) -> SignatureCheck
where
    D: Digest + const_oid::AssociatedOid,
{
    use rsa::pkcs1::DecodeRsaPublicKey;
    use signature::Verifier;
    let Ok(key) = rsa::PublicKey::from_pkcs1_der(key_der) else {
        return SignatureCheck::Unsupported {
            reason: "the key is not an RSA public key of a supported size".into(),
        };
    };
    let Ok(signature) = rsa::pkcs1v15::Signature::try_from(signature) else {
        return SignatureCheck::Invalid;
    };
    let verifier = rsa::pkcs1v15::VerifyingKey::<D>::new(key);
    if verifier.verify(message, &signature).is_ok() {
        SignatureCheck::Valid
    } else {
        SignatureCheck::Invalid
    }
}

fn ecdsa(spki: &SubjectPublicKeyInfoRef<'_>, prehash: &[u8], signature: &[u8]) -> SignatureCheck {
    let curve = spki
        .algorithm
        .parameters
        .as_ref()
        .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
        .map(|oid| oid.to_string());
    let point = spki.subject_public_key.raw_bytes();
    let verified = match curve.as_deref() {
        Some("1.2.840.10045.3.1.7") => {
            p256::ecdsa::VerifyingKey::from_sec1_bytes(point)
                .ok()
                .map(|key| {
                    p256::ecdsa::DerSignature::try_from(signature)
                        .is_ok_and(|sig| key.verify_prehash(prehash, &sig).is_ok())
                })
        }
        Some("1.3.132.0.34") => p384::ecdsa::VerifyingKey::from_sec1_bytes(point)
            .ok()
            .map(|key| {
                p384::ecdsa::DerSignature::try_from(signature)
                    .is_ok_and(|sig| key.verify_prehash(prehash, &sig).is_ok())
            }),
        Some("1.3.132.0.35") => p521::ecdsa::VerifyingKey::from_sec1_bytes(point)
            .ok()
            .map(|key| {
                p521::ecdsa::DerSignature::try_from(signature)
                    .is_ok_and(|sig| key.verify_prehash(prehash, &sig).is_ok())
            }),
        _ => {
            return SignatureCheck::Unsupported {
                reason: "the key is not an EC key on P-256, P-384 or P-521".into(),
            }
        }
    };
    match verified {
        Some(true) => SignatureCheck::Valid,
        Some(false) => SignatureCheck::Invalid,
        None => SignatureCheck::Unsupported {
            reason: "the EC public key is not a valid point".into(),
        },
    }
}
