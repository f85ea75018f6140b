//! Signature checks for the objects found in an input: a CSR's self-signature and a CRL's
//! signature by a candidate issuer, made by the crate's one signature verifier
//! ([`crate::signature`]) and reduced to valid, invalid or "could not check".

use der::asn1::BitString;
use der::Decode;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use crate::signature::SignatureError;

/// The outcome of checking one signature.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// Checks `signature` over `message` with the public key in `spki_der`, for `algorithm`.
pub(crate) fn verify(
    spki_der: &[u8],
    algorithm: &AlgorithmIdentifierOwned,
    message: &[u8],
    signature: &BitString,
) -> SignatureCheck {
    let Ok(spki) = SubjectPublicKeyInfoOwned::from_der(spki_der) else {
        return SignatureCheck::Unsupported {
            reason: "the public key does not decode".into(),
        };
    };
    match crate::signature::verify(algorithm, message, signature, &spki) {
        Ok(_) => SignatureCheck::Valid,
        // A key of another type than the algorithm's, or a signature that does not even
        // decode, cannot have made the signature.
        Err(SignatureError::Invalid { .. })
        | Err(SignatureError::MalformedSignature { .. })
        | Err(SignatureError::AlgorithmKeyMismatch { .. }) => SignatureCheck::Invalid,
        Err(other) => SignatureCheck::Unsupported {
            reason: other.to_string(),
        },
    }
}
