//! Verifying any signed X.509 structure: a certificate, a CRL, a CSR, or the "self-signed" flag.
//!
//! Every signed structure in RFC 5280 and RFC 2986 has the same shape: an
//! `AlgorithmIdentifier`, the DER of the signed part, and a `BIT STRING` with the signature.
//! [`verify`] takes those three and the signer's `SubjectPublicKeyInfo` and returns a typed
//! result. Verification uses RustCrypto's own verifying paths (`rsa::pkcs1v15::VerifyingKey`,
//! `rsa::pss::VerifyingKey`, `ecdsa::VerifyingKey` over P-256/P-384/P-521 with DER signatures,
//! `ed25519_dalek::VerifyingKey`, and `dsa::VerifyingKey` with the `dsa` feature, which the
//! page's first wasm module leaves out), the same code natively and in wasm.
//!
//! An algorithm certscope cannot verify is [`SignatureError::UnsupportedAlgorithm`]: "cannot
//! verify", never a silent pass.
//!
//! ```text
//! AlgorithmIdentifier  ::=  SEQUENCE  {
//!      algorithm               OBJECT IDENTIFIER,
//!      parameters              ANY DEFINED BY algorithm OPTIONAL  }
//! ```
//! ([RFC 5280 4.1.1.2](https://www.rfc-editor.org/rfc/rfc5280#section-4.1.1.2))

use std::fmt;

use der::asn1::{BitString, ObjectIdentifier};
use der::{Decode, Tag, Tagged};
use rsa::pkcs1::DecodeRsaPublicKey;
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};
use signature::hazmat::PrehashVerifier;
use signature::Verifier;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use const_oid::db::{rfc5912, rfc8410};

/// `ecdsa-with-SHA1` (RFC 3279 2.2.3), which const-oid's database does not name.
const ECDSA_WITH_SHA_1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.1");

/// The hash function of a signature algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum HashAlgorithm {
    /// SHA-1 (FIPS 180-4); collisions are practical, the Web PKI no longer accepts it.
    Sha1,
    /// SHA-224 (FIPS 180-4).
    Sha224,
    /// SHA-256 (FIPS 180-4).
    Sha256,
    /// SHA-384 (FIPS 180-4).
    Sha384,
    /// SHA-512 (FIPS 180-4).
    Sha512,
}

impl HashAlgorithm {
    /// The digest of `message`.
    pub fn digest(self, message: &[u8]) -> Vec<u8> {
        match self {
            HashAlgorithm::Sha1 => Sha1::digest(message).to_vec(),
            HashAlgorithm::Sha224 => Sha224::digest(message).to_vec(),
            HashAlgorithm::Sha256 => Sha256::digest(message).to_vec(),
            HashAlgorithm::Sha384 => Sha384::digest(message).to_vec(),
            HashAlgorithm::Sha512 => Sha512::digest(message).to_vec(),
        }
    }

    /// The output length in bytes.
    pub fn output_length(self) -> usize {
        match self {
            HashAlgorithm::Sha1 => 20,
            HashAlgorithm::Sha224 => 28,
            HashAlgorithm::Sha256 => 32,
            HashAlgorithm::Sha384 => 48,
            HashAlgorithm::Sha512 => 64,
        }
    }

    fn from_oid(oid: &ObjectIdentifier) -> Option<HashAlgorithm> {
        match *oid {
            rfc5912::ID_SHA_1 => Some(HashAlgorithm::Sha1),
            rfc5912::ID_SHA_224 => Some(HashAlgorithm::Sha224),
            rfc5912::ID_SHA_256 => Some(HashAlgorithm::Sha256),
            rfc5912::ID_SHA_384 => Some(HashAlgorithm::Sha384),
            rfc5912::ID_SHA_512 => Some(HashAlgorithm::Sha512),
            _ => None,
        }
    }
}

impl fmt::Display for HashAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HashAlgorithm::Sha1 => "SHA-1",
            HashAlgorithm::Sha224 => "SHA-224",
            HashAlgorithm::Sha256 => "SHA-256",
            HashAlgorithm::Sha384 => "SHA-384",
            HashAlgorithm::Sha512 => "SHA-512",
        })
    }
}

/// A signature algorithm certscope can verify, decoded from its `AlgorithmIdentifier`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "kind"))]
#[non_exhaustive]
pub enum SignatureAlgorithm {
    /// RSASSA-PKCS1-v1_5 (RFC 8017 8.2) with the given hash (RFC 4055 5).
    RsaPkcs1 {
        /// The hash.
        hash: HashAlgorithm,
    },
    /// RSASSA-PSS (RFC 8017 8.1) with MGF1 over the same hash (RFC 4055 3.1).
    RsaPss {
        /// The hash (and MGF1's hash).
        hash: HashAlgorithm,
        /// The salt length in bytes.
        salt_length: u8,
    },
    /// ECDSA (RFC 5758 3.2) with the given hash; the curve comes from the key.
    Ecdsa {
        /// The hash.
        hash: HashAlgorithm,
    },
    /// Ed25519 (RFC 8410 3).
    Ed25519,
    /// DSA (FIPS 186-4 4) with SHA-1 (RFC 3279 2.2.2), SHA-224 or SHA-256 (RFC 5758 3.1).
    Dsa {
        /// The hash.
        hash: HashAlgorithm,
    },
}

impl SignatureAlgorithm {
    /// The hash, for every algorithm but Ed25519 (which hashes internally with SHA-512).
    pub fn hash(self) -> Option<HashAlgorithm> {
        match self {
            SignatureAlgorithm::RsaPkcs1 { hash }
            | SignatureAlgorithm::RsaPss { hash, .. }
            | SignatureAlgorithm::Ecdsa { hash }
            | SignatureAlgorithm::Dsa { hash } => Some(hash),
            SignatureAlgorithm::Ed25519 => None,
        }
    }
}

impl fmt::Display for SignatureAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignatureAlgorithm::RsaPkcs1 { hash } => write!(f, "RSA PKCS#1 v1.5 with {hash}"),
            SignatureAlgorithm::RsaPss { hash, salt_length } => {
                write!(
                    f,
                    "RSA-PSS with {hash}, MGF1-{hash}, salt {salt_length} bytes"
                )
            }
            SignatureAlgorithm::Ecdsa { hash } => write!(f, "ECDSA with {hash}"),
            SignatureAlgorithm::Ed25519 => f.write_str("Ed25519"),
            SignatureAlgorithm::Dsa { hash } => write!(f, "DSA with {hash}"),
        }
    }
}

/// A named elliptic curve of an EC public key (RFC 5480 2.1.1.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Curve {
    /// NIST P-256 (secp256r1).
    P256,
    /// NIST P-384 (secp384r1).
    P384,
    /// NIST P-521 (secp521r1).
    P521,
}

impl fmt::Display for Curve {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Curve::P256 => "P-256",
            Curve::P384 => "P-384",
            Curve::P521 => "P-521",
        })
    }
}

/// The kind and size of a public key certscope can verify with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "kind"))]
#[non_exhaustive]
pub enum KeyAlgorithm {
    /// An RSA key (RFC 8017 A.1.1) with a modulus of `bits` bits.
    Rsa {
        /// Modulus size in bits.
        bits: usize,
    },
    /// An EC key on a named curve (RFC 5480).
    Ec {
        /// The curve.
        curve: Curve,
    },
    /// An Ed25519 key (RFC 8410).
    Ed25519,
    /// A DSA key (RFC 3279 2.3.2) with a prime `p` of `bits` bits and a subgroup order `q` of
    /// `subgroup_bits` bits.
    Dsa {
        /// Size of `p` in bits (L).
        bits: usize,
        /// Size of `q` in bits (N).
        subgroup_bits: usize,
    },
}

impl fmt::Display for KeyAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyAlgorithm::Rsa { bits } => write!(f, "RSA {bits} bits"),
            KeyAlgorithm::Ec { curve } => write!(f, "EC {curve}"),
            KeyAlgorithm::Ed25519 => f.write_str("Ed25519"),
            KeyAlgorithm::Dsa {
                bits,
                subgroup_bits,
            } => write!(f, "DSA {bits} bits (q {subgroup_bits} bits)"),
        }
    }
}

/// Why a signature could not be verified or did not verify.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "kind"))]
#[non_exhaustive]
pub enum SignatureError {
    /// The signature algorithm is not one certscope verifies: cannot verify, not a pass.
    UnsupportedAlgorithm {
        /// Dotted OID.
        oid: String,
        /// Registry name, or the dotted OID.
        name: String,
    },
    /// The algorithm's parameters are malformed or not allowed for it (e.g. PSS with a mask
    /// hash different from the message hash, ECDSA with parameters).
    MalformedAlgorithmParameters {
        /// The algorithm.
        algorithm: String,
        /// What is wrong, in words.
        problem: String,
    },
    /// The signer's key type is not one certscope verifies with.
    UnsupportedKey {
        /// Dotted OID of the key algorithm (or of the EC curve).
        oid: String,
        /// Registry name, or the dotted OID.
        name: String,
    },
    /// A key type certscope verifies with, but not in this build: DSA without the `dsa`
    /// feature (the page's first wasm module). Cannot verify, not a pass.
    LeftOut {
        /// The algorithm, e.g. `DSA`.
        algorithm: String,
        /// The core feature that verifies it.
        feature: String,
    },
    /// The signer's public key does not decode.
    MalformedKey {
        /// What is wrong, in words.
        problem: String,
    },
    /// The signature algorithm does not fit the key (e.g. ECDSA with an RSA key).
    AlgorithmKeyMismatch {
        /// The signature algorithm.
        algorithm: String,
        /// The key.
        key: String,
    },
    /// The signature value does not decode (a BIT STRING with unused bits, an ECDSA signature
    /// that is not a DER `Ecdsa-Sig-Value`, an Ed25519 signature that is not 64 bytes).
    MalformedSignature {
        /// What is wrong, in words.
        problem: String,
    },
    /// The signature is well formed but does not match the signed bytes and the key.
    Invalid {
        /// The algorithm that was checked.
        algorithm: String,
    },
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignatureError::UnsupportedAlgorithm { oid, name } => {
                write!(
                    f,
                    "cannot verify: {name} ({oid}) is not a supported signature algorithm"
                )
            }
            SignatureError::MalformedAlgorithmParameters { algorithm, problem } => {
                write!(f, "malformed parameters for {algorithm}: {problem}")
            }
            SignatureError::UnsupportedKey { oid, name } => {
                write!(
                    f,
                    "cannot verify: {name} ({oid}) is not a supported public key type"
                )
            }
            SignatureError::LeftOut { algorithm, feature } => {
                write!(
                    f,
                    "cannot verify: {algorithm} signatures are not verified in this build (it \
                     leaves out the core's `{feature}` feature)"
                )
            }
            SignatureError::MalformedKey { problem } => {
                write!(f, "the signer's public key is malformed: {problem}")
            }
            SignatureError::AlgorithmKeyMismatch { algorithm, key } => {
                write!(
                    f,
                    "signature algorithm {algorithm} cannot be used with a {key} key"
                )
            }
            SignatureError::MalformedSignature { problem } => {
                write!(f, "malformed signature: {problem}")
            }
            SignatureError::Invalid { algorithm } => {
                write!(
                    f,
                    "the {algorithm} signature does not match the signed data and key"
                )
            }
        }
    }
}

impl std::error::Error for SignatureError {}

/// A verified signature: which algorithm and key were used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Verified {
    /// The signature algorithm.
    pub algorithm: SignatureAlgorithm,
    /// The signer's key.
    pub key: KeyAlgorithm,
}

/// Decodes a signature `AlgorithmIdentifier`.
///
/// RSA PKCS#1 v1.5 takes NULL or absent parameters (RFC 4055 5 says NULL; absent is common
/// enough to accept). ECDSA, DSA and Ed25519 take none (RFC 5758 3.1, 3.2, RFC 3279 2.2.2,
/// RFC 8410 3). RSA-PSS takes
/// `RSASSA-PSS-params` with MGF1 over the same hash and trailer field 1 (RFC 4055 3.1).
pub fn signature_algorithm(
    algorithm: &AlgorithmIdentifierOwned,
) -> Result<SignatureAlgorithm, SignatureError> {
    let oid = algorithm.oid;
    let parameters = algorithm.parameters.as_ref();
    let null_or_absent = |name: &str| match parameters {
        None => Ok(()),
        Some(p) if p.tag() == Tag::Null && p.value().is_empty() => Ok(()),
        Some(_) => Err(SignatureError::MalformedAlgorithmParameters {
            algorithm: name.to_string(),
            problem: "parameters must be NULL or absent".to_string(),
        }),
    };
    let absent = |name: &str| match parameters {
        None => Ok(()),
        Some(_) => Err(SignatureError::MalformedAlgorithmParameters {
            algorithm: name.to_string(),
            problem: "parameters must be absent".to_string(),
        }),
    };
    let rsa = |hash: HashAlgorithm| -> Result<SignatureAlgorithm, SignatureError> {
        null_or_absent(&crate::oid::name(&oid))?;
        Ok(SignatureAlgorithm::RsaPkcs1 { hash })
    };
    let ecdsa = |hash: HashAlgorithm| -> Result<SignatureAlgorithm, SignatureError> {
        absent(&crate::oid::name(&oid))?;
        Ok(SignatureAlgorithm::Ecdsa { hash })
    };
    let dsa = |hash: HashAlgorithm| -> Result<SignatureAlgorithm, SignatureError> {
        absent(&crate::oid::name(&oid))?;
        Ok(SignatureAlgorithm::Dsa { hash })
    };
    match oid {
        rfc5912::SHA_1_WITH_RSA_ENCRYPTION => rsa(HashAlgorithm::Sha1),
        rfc5912::SHA_224_WITH_RSA_ENCRYPTION => rsa(HashAlgorithm::Sha224),
        rfc5912::SHA_256_WITH_RSA_ENCRYPTION => rsa(HashAlgorithm::Sha256),
        rfc5912::SHA_384_WITH_RSA_ENCRYPTION => rsa(HashAlgorithm::Sha384),
        rfc5912::SHA_512_WITH_RSA_ENCRYPTION => rsa(HashAlgorithm::Sha512),
        ECDSA_WITH_SHA_1 => ecdsa(HashAlgorithm::Sha1),
        rfc5912::ECDSA_WITH_SHA_224 => ecdsa(HashAlgorithm::Sha224),
        rfc5912::ECDSA_WITH_SHA_256 => ecdsa(HashAlgorithm::Sha256),
        rfc5912::ECDSA_WITH_SHA_384 => ecdsa(HashAlgorithm::Sha384),
        rfc5912::ECDSA_WITH_SHA_512 => ecdsa(HashAlgorithm::Sha512),
        rfc8410::ID_ED_25519 => {
            absent("Ed25519")?;
            Ok(SignatureAlgorithm::Ed25519)
        }
        rfc5912::DSA_WITH_SHA_1 => dsa(HashAlgorithm::Sha1),
        rfc5912::DSA_WITH_SHA_224 => dsa(HashAlgorithm::Sha224),
        // DSA with SHA-384 and SHA-512 (2.16.840.1.101.3.4.3.3, .4) are not in an RFC profile
        // and OpenSSL 3.0 does not verify them (tests/data/dsa): "cannot verify".
        rfc5912::DSA_WITH_SHA_256 => dsa(HashAlgorithm::Sha256),
        rfc5912::ID_RSASSA_PSS => pss_parameters(parameters),
        _ => Err(SignatureError::UnsupportedAlgorithm {
            oid: crate::oid::dotted(&oid),
            name: crate::oid::name(&oid),
        }),
    }
}

/// Decodes `RSASSA-PSS-params` (RFC 4055 3.1).
///
/// ```text
/// RSASSA-PSS-params  ::=  SEQUENCE  {
///     hashAlgorithm      [0] HashAlgorithm DEFAULT sha1Identifier,
///     maskGenAlgorithm   [1] MaskGenAlgorithm DEFAULT mgf1SHA1Identifier,
///     saltLength         [2] INTEGER DEFAULT 20,
///     trailerField       [3] INTEGER DEFAULT 1  }
/// ```
fn pss_parameters(parameters: Option<&der::Any>) -> Result<SignatureAlgorithm, SignatureError> {
    let malformed = |problem: &str| SignatureError::MalformedAlgorithmParameters {
        algorithm: "RSASSA-PSS".to_string(),
        problem: problem.to_string(),
    };
    let Some(parameters) = parameters else {
        return Err(malformed(
            "RSASSA-PSS-params are required in a signature algorithm",
        ));
    };
    let der = der::Encode::to_der(parameters).map_err(|e| malformed(&e.to_string()))?;
    let params = rsa::pkcs1::RsaPssParams::<der::Any>::from_der(&der)
        .map_err(|e| malformed(&format!("RSASSA-PSS-params do not decode: {e}")))?;
    let hash = HashAlgorithm::from_oid(&params.hash.oid).ok_or_else(|| {
        malformed(&format!(
            "unsupported hash {}",
            crate::oid::name(&params.hash.oid)
        ))
    })?;
    if params.mask_gen.oid != rfc5912::ID_MGF_1 {
        return Err(malformed("the mask generation function is not MGF1"));
    }
    let mask_hash = params
        .mask_gen
        .parameters
        .as_ref()
        .and_then(|p| HashAlgorithm::from_oid(&p.oid));
    if mask_hash != Some(hash) {
        return Err(malformed("MGF1's hash differs from the message hash"));
    }
    if params.trailer_field != rsa::pkcs1::TrailerField::BC {
        return Err(malformed("trailerField must be 1"));
    }
    Ok(SignatureAlgorithm::RsaPss {
        hash,
        salt_length: params.salt_len,
    })
}

/// A decoded public key certscope verifies with.
#[derive(Clone, Debug)]
pub(crate) enum PublicKey {
    Rsa(rsa::PublicKey),
    /// An RSA key whose SubjectPublicKeyInfo says `id-RSASSA-PSS` (RFC 4055 1.2): it verifies
    /// RSASSA-PSS signatures only.
    RsaPss(rsa::PublicKey),
    P256(p256::ecdsa::VerifyingKey),
    P384(p384::ecdsa::VerifyingKey),
    P521(p521::ecdsa::VerifyingKey),
    Ed25519(ed25519_dalek::VerifyingKey),
    #[cfg(feature = "dsa")]
    Dsa(Box<DsaKey>),
}

/// A DSA key and the sizes of its domain parameters.
#[cfg(feature = "dsa")]
#[derive(Clone, Debug)]
pub(crate) struct DsaKey {
    key: dsa::VerifyingKey,
    bits: usize,
    subgroup_bits: usize,
}

impl PublicKey {
    fn algorithm(&self) -> KeyAlgorithm {
        match self {
            PublicKey::Rsa(key) | PublicKey::RsaPss(key) => KeyAlgorithm::Rsa {
                bits: usize::try_from(rsa::traits::PublicKeyParts::n(key).as_ref().bit_width())
                    .unwrap_or(0),
            },
            PublicKey::P256(_) => KeyAlgorithm::Ec { curve: Curve::P256 },
            PublicKey::P384(_) => KeyAlgorithm::Ec { curve: Curve::P384 },
            PublicKey::P521(_) => KeyAlgorithm::Ec { curve: Curve::P521 },
            PublicKey::Ed25519(_) => KeyAlgorithm::Ed25519,
            #[cfg(feature = "dsa")]
            PublicKey::Dsa(key) => KeyAlgorithm::Dsa {
                bits: key.bits,
                subgroup_bits: key.subgroup_bits,
            },
        }
    }
}

/// The kind and size of a `SubjectPublicKeyInfo`, when it is a key certscope verifies with.
pub fn key_algorithm(spki: &SubjectPublicKeyInfoOwned) -> Result<KeyAlgorithm, SignatureError> {
    public_key(spki).map(|key| key.algorithm())
}

/// [`key_algorithm`] of a certificate's own key: from the key already decoded for a signature
/// check when there is one, otherwise read without building the key, which a certificate that
/// signs nothing in a path (a leaf) never needs.
pub fn certificate_key_algorithm(cert: &crate::Cert) -> Result<KeyAlgorithm, SignatureError> {
    match cert.public_key_cell().get() {
        Some(key) => key.as_ref().map(PublicKey::algorithm).map_err(Clone::clone),
        None => key_algorithm_unbuilt(cert.x509().tbs_certificate().subject_public_key_info()),
    }
}

/// [`key_algorithm`] with the same outcome, without building an RSA key: `rsa::PublicKey`
/// computes its Montgomery parameters on construction (about 4% of a 2048-bit chain's
/// validation, measured in wasm), which only a signature check uses.
fn key_algorithm_unbuilt(spki: &SubjectPublicKeyInfoOwned) -> Result<KeyAlgorithm, SignatureError> {
    if spki.algorithm.oid != rfc5912::RSA_ENCRYPTION {
        return key_algorithm(spki);
    }
    rsa_modulus_bits(key_bytes(spki)?).map(|bits| KeyAlgorithm::Rsa { bits })
}

/// The bytes of the subject public key's BIT STRING, which must be whole octets.
fn key_bytes(spki: &SubjectPublicKeyInfoOwned) -> Result<&[u8], SignatureError> {
    spki.subject_public_key
        .as_bytes()
        .ok_or_else(|| SignatureError::MalformedKey {
            problem: "the key BIT STRING has unused bits".to_string(),
        })
}

/// The modulus size of a PKCS#1 `RSAPublicKey`, accepting and rejecting exactly the keys
/// `rsa::PublicKey::from_pkcs1_der` does (rsa 0.10: `TryFrom<pkcs1::RsaPublicKey>` and
/// `PublicKey::new`), with the same error, but without the Montgomery set-up.
///
/// ```text
/// RSAPublicKey ::= SEQUENCE {
///     modulus           INTEGER,  -- n
///     publicExponent    INTEGER   -- e }
/// ```
/// ([RFC 8017 A.1.1](https://www.rfc-editor.org/rfc/rfc8017#appendix-A.1.1))
fn rsa_modulus_bits(der: &[u8]) -> Result<usize, SignatureError> {
    use rsa::BoxedUint;
    let error = |e: rsa::pkcs1::Error| SignatureError::MalformedKey {
        problem: format!("RSAPublicKey does not decode: {e}"),
    };
    let malformed = || error(rsa::pkcs1::Error::KeyMalformed);
    let key = rsa::pkcs1::RsaPublicKeyRef::from_der(der)
        .map_err(|e| error(rsa::pkcs1::Error::from(e)))?;
    let integer = |bytes: &[u8]| {
        let precision = u32::try_from(bytes.len())
            .ok()
            .and_then(|length| length.checked_mul(8))
            .ok_or_else(malformed)?;
        BoxedUint::from_be_slice(bytes, precision).map_err(|_| malformed())
    };
    let n = integer(key.modulus.as_bytes())?;
    let e = integer(key.public_exponent.as_bytes())?;
    // `PublicKey::new`: the modulus size limits, then `check_public_with_max_size`.
    let width = usize::try_from(n.bit_width_vartime()).map_err(|_| malformed())?;
    if !(rsa::PublicKey::MIN_SIZE..=rsa::PublicKey::MAX_SIZE).contains(&width)
        || e >= n
        || !bool::from(n.as_uint_ref().is_odd())
        || bool::from(n.is_zero())
        || !bool::from(e.as_uint_ref().is_odd())
        || e < BoxedUint::from(rsa::PublicKey::MIN_PUB_EXPONENT)
        || e > BoxedUint::from(rsa::PublicKey::MAX_PUB_EXPONENT)
    {
        return Err(malformed());
    }
    // As `PublicKey::algorithm` measures a built key.
    usize::try_from(n.bit_width()).map_err(|_| malformed())
}

/// The certificate's public key, decoded on first use and kept with the certificate.
fn certificate_key(cert: &crate::Cert) -> &Result<PublicKey, SignatureError> {
    cert.public_key_cell()
        .get_or_init(|| public_key(cert.x509().tbs_certificate().subject_public_key_info()))
}

fn public_key(spki: &SubjectPublicKeyInfoOwned) -> Result<PublicKey, SignatureError> {
    let malformed = |problem: String| SignatureError::MalformedKey { problem };
    let bits = key_bytes(spki)?;
    match spki.algorithm.oid {
        rfc5912::RSA_ENCRYPTION => {
            let key = rsa::PublicKey::from_pkcs1_der(bits)
                .map_err(|e| malformed(format!("RSAPublicKey does not decode: {e}")))?;
            Ok(PublicKey::Rsa(key))
        }
        rfc5912::ID_RSASSA_PSS => {
            let key = rsa::PublicKey::from_pkcs1_der(bits)
                .map_err(|e| malformed(format!("RSAPublicKey does not decode: {e}")))?;
            Ok(PublicKey::RsaPss(key))
        }
        rfc5912::ID_EC_PUBLIC_KEY => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
                .ok_or_else(|| malformed("EC key without a namedCurve".to_string()))?;
            let point = |e: signature::Error| malformed(format!("EC point does not decode: {e}"));
            match curve {
                rfc5912::SECP_256_R_1 => Ok(PublicKey::P256(
                    p256::ecdsa::VerifyingKey::from_sec1_bytes(bits).map_err(point)?,
                )),
                rfc5912::SECP_384_R_1 => Ok(PublicKey::P384(
                    p384::ecdsa::VerifyingKey::from_sec1_bytes(bits).map_err(point)?,
                )),
                rfc5912::SECP_521_R_1 => Ok(PublicKey::P521(
                    p521::ecdsa::VerifyingKey::from_sec1_bytes(bits).map_err(point)?,
                )),
                other => Err(SignatureError::UnsupportedKey {
                    oid: crate::oid::dotted(&other),
                    name: crate::oid::name(&other),
                }),
            }
        }
        #[cfg(feature = "dsa")]
        rfc5912::ID_DSA => dsa_key(spki).map(|key| PublicKey::Dsa(Box::new(key))),
        // The page's first wasm module leaves DSA out: it would add 21,795 bytes gzipped
        // (bench/size-budget.txt).
        #[cfg(not(feature = "dsa"))]
        rfc5912::ID_DSA => Err(SignatureError::LeftOut {
            algorithm: "DSA".to_string(),
            feature: "dsa".to_string(),
        }),
        rfc8410::ID_ED_25519 => {
            let bytes: &[u8; 32] = bits
                .try_into()
                .map_err(|_| malformed(format!("Ed25519 key of {} bytes", bits.len())))?;
            let key = ed25519_dalek::VerifyingKey::from_bytes(bytes)
                .map_err(|e| malformed(format!("Ed25519 point does not decode: {e}")))?;
            Ok(PublicKey::Ed25519(key))
        }
        other => Err(SignatureError::UnsupportedKey {
            oid: crate::oid::dotted(&other),
            name: crate::oid::name(&other),
        }),
    }
}

/// A DSA public key (RFC 3279 2.3.2): the domain parameters `Dss-Parms` in the algorithm
/// identifier, `y` as an INTEGER in the BIT STRING. The `dsa` crate accepts the sizes of FIPS
/// 186-4 4.2 (L/N 1024/160, 2048/224, 2048/256, 3072/256) and checks `y` (2 <= y, y^q = 1
/// mod p).
///
/// ```text
/// Dss-Parms  ::=  SEQUENCE  {
///     p             INTEGER,
///     q             INTEGER,
///     g             INTEGER  }
/// ```
#[cfg(feature = "dsa")]
fn dsa_key(spki: &SubjectPublicKeyInfoOwned) -> Result<DsaKey, SignatureError> {
    use der::Decode as _;
    let malformed = |problem: String| SignatureError::MalformedKey { problem };
    let Some(parameters) = spki.algorithm.parameters.as_ref() else {
        return Err(malformed(
            "DSA key without domain parameters: inheriting them from the issuer (RFC 3279 \
             2.3.2) is not supported"
                .to_string(),
        ));
    };
    // Dss-Parms has the shape of a SEQUENCE OF INTEGER, which gives the sizes for the report.
    let integers = parameters
        .decode_as::<Vec<der::asn1::Uint>>()
        .map_err(|e| malformed(format!("Dss-Parms do not decode: {e}")))?;
    let bit_size = |n: &der::asn1::Uint| {
        let bytes = n.as_bytes();
        let leading = bytes
            .first()
            .map_or(0, |b| usize::try_from(b.leading_zeros()).unwrap_or(0));
        (bytes.len() * 8).saturating_sub(leading)
    };
    let [p, q, g] = integers.as_slice() else {
        return Err(malformed(format!(
            "Dss-Parms hold {} INTEGERs, not 3 (p, q, g)",
            integers.len()
        )));
    };
    let (bits, subgroup_bits) = (bit_size(p), bit_size(q));
    let unusable = |why: &str| {
        malformed(format!(
            "DSA key with p of {bits} bits and q of {subgroup_bits} bits is not usable: {why} \
             (the sizes of FIPS 186-4 4.2 are L/N 1024/160, 2048/224, 2048/256 and 3072/256, \
             with 2 <= y < p and y^q = 1 mod p)"
        ))
    };
    let y = der::asn1::UintRef::from_der(
        spki.subject_public_key
            .as_bytes()
            .ok_or_else(|| unusable("the BIT STRING has unused bits"))?,
    )
    .map_err(|e| unusable(&format!("y is not an INTEGER: {e}")))?;
    // The `dsa` crate's modular arithmetic needs g and y at p's precision (it asserts it, a
    // panic), while a value read from DER gets the precision of its own length: a g or y with
    // 64 or more leading zero bits, legal and found by fuzzing, would abort. Widen both to p's
    // precision first; one longer than p is not below p, so not a valid g or y.
    let p_uint = dsa::BoxedUint::from_be_slice_vartime(p.as_bytes());
    let precision = p_uint.bits_precision();
    let at_p = |n: &[u8]| {
        dsa::BoxedUint::from_be_slice(n, precision).map_err(|_| unusable("g or y is not below p"))
    };
    let (p, q, g, y) = (
        p_uint,
        dsa::BoxedUint::from_be_slice_vartime(q.as_bytes()),
        at_p(g.as_bytes())?,
        at_p(y.as_bytes())?,
    );
    if y >= p {
        return Err(unusable("y is not below p"));
    }
    let components =
        dsa::Components::from_components(p, q, g).map_err(|e| unusable(&e.to_string()))?;
    let key =
        dsa::VerifyingKey::from_components(components, y).map_err(|e| unusable(&e.to_string()))?;
    Ok(DsaKey {
        key,
        bits,
        subgroup_bits,
    })
}

/// Verifies `signature` over `signed` with `algorithm` and the signer's key `signer`.
///
/// `signed` is the DER of the signed part (`tbsCertificate`, `tbsCertList`,
/// `certificationRequestInfo`), exactly as it appears in the structure.
pub fn verify(
    algorithm: &AlgorithmIdentifierOwned,
    signed: &[u8],
    signature: &BitString,
    signer: &SubjectPublicKeyInfoOwned,
) -> Result<Verified, SignatureError> {
    let algorithm = signature_algorithm(algorithm)?;
    let key = public_key(signer)?;
    verify_with_key(algorithm, signed, signature, &key)
}

fn verify_with_key(
    algorithm: SignatureAlgorithm,
    signed: &[u8],
    signature: &BitString,
    key: &PublicKey,
) -> Result<Verified, SignatureError> {
    let signature = signature
        .as_bytes()
        .ok_or_else(|| SignatureError::MalformedSignature {
            problem: "the signature BIT STRING has unused bits".to_string(),
        })?;
    let key_algorithm = key.algorithm();
    let invalid = || SignatureError::Invalid {
        algorithm: algorithm.to_string(),
    };
    let malformed = |e: signature::Error| SignatureError::MalformedSignature {
        problem: e.to_string(),
    };
    match (key, algorithm) {
        (PublicKey::Rsa(key), SignatureAlgorithm::RsaPkcs1 { hash }) => {
            let sig = rsa::pkcs1v15::Signature::try_from(signature).map_err(malformed)?;
            let key = key.clone();
            let result = match hash {
                HashAlgorithm::Sha1 => {
                    rsa::pkcs1v15::VerifyingKey::<Sha1>::new(key).verify(signed, &sig)
                }
                HashAlgorithm::Sha224 => {
                    rsa::pkcs1v15::VerifyingKey::<Sha224>::new(key).verify(signed, &sig)
                }
                HashAlgorithm::Sha256 => {
                    rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key).verify(signed, &sig)
                }
                HashAlgorithm::Sha384 => {
                    rsa::pkcs1v15::VerifyingKey::<Sha384>::new(key).verify(signed, &sig)
                }
                HashAlgorithm::Sha512 => {
                    rsa::pkcs1v15::VerifyingKey::<Sha512>::new(key).verify(signed, &sig)
                }
            };
            result.map_err(|_| invalid())?;
        }
        (
            PublicKey::Rsa(key) | PublicKey::RsaPss(key),
            SignatureAlgorithm::RsaPss { hash, salt_length },
        ) => {
            let sig = rsa::pss::Signature::try_from(signature).map_err(malformed)?;
            let key = key.clone();
            let salt = usize::from(salt_length);
            let result = match hash {
                HashAlgorithm::Sha1 => rsa::pss::VerifyingKey::<Sha1>::new_with_salt_len(key, salt)
                    .verify(signed, &sig),
                HashAlgorithm::Sha224 => {
                    rsa::pss::VerifyingKey::<Sha224>::new_with_salt_len(key, salt)
                        .verify(signed, &sig)
                }
                HashAlgorithm::Sha256 => {
                    rsa::pss::VerifyingKey::<Sha256>::new_with_salt_len(key, salt)
                        .verify(signed, &sig)
                }
                HashAlgorithm::Sha384 => {
                    rsa::pss::VerifyingKey::<Sha384>::new_with_salt_len(key, salt)
                        .verify(signed, &sig)
                }
                HashAlgorithm::Sha512 => {
                    rsa::pss::VerifyingKey::<Sha512>::new_with_salt_len(key, salt)
                        .verify(signed, &sig)
                }
            };
            result.map_err(|_| invalid())?;
        }
        (PublicKey::P256(key), SignatureAlgorithm::Ecdsa { hash }) => {
            let sig = ecdsa::der::Signature::<p256::NistP256>::from_bytes(signature)
                .map_err(malformed)?;
            key.verify_prehash(&hash.digest(signed), &sig)
                .map_err(|_| invalid())?;
        }
        (PublicKey::P384(key), SignatureAlgorithm::Ecdsa { hash }) => {
            let sig = ecdsa::der::Signature::<p384::NistP384>::from_bytes(signature)
                .map_err(malformed)?;
            certscope_crypto::verify_p384(key, &hash.digest(signed), &sig)
                .map_err(|_| invalid())?;
        }
        (PublicKey::P521(key), SignatureAlgorithm::Ecdsa { hash }) => {
            let sig = ecdsa::der::Signature::<p521::NistP521>::from_bytes(signature)
                .map_err(malformed)?;
            key.verify_prehash(&hash.digest(signed), &sig)
                .map_err(|_| invalid())?;
        }
        (PublicKey::Ed25519(key), SignatureAlgorithm::Ed25519) => {
            let sig = ed25519_dalek::Signature::from_slice(signature).map_err(|_| {
                SignatureError::MalformedSignature {
                    problem: format!("an Ed25519 signature is 64 bytes, not {}", signature.len()),
                }
            })?;
            key.verify(signed, &sig).map_err(|_| invalid())?;
        }
        #[cfg(feature = "dsa")]
        (PublicKey::Dsa(key), SignatureAlgorithm::Dsa { hash }) => {
            let sig = dsa::Signature::try_from(signature).map_err(|_| {
                SignatureError::MalformedSignature {
                    problem: "a DSA signature is a DER Dss-Sig-Value: SEQUENCE { r INTEGER, s \
                              INTEGER }, both positive (RFC 3279 2.2.2)"
                        .to_string(),
                }
            })?;
            key.key
                .verify_prehash(&hash.digest(signed), &sig)
                .map_err(|_| invalid())?;
        }
        _ => {
            return Err(SignatureError::AlgorithmKeyMismatch {
                algorithm: algorithm.to_string(),
                key: key_algorithm.to_string(),
            })
        }
    }
    Ok(Verified {
        algorithm,
        key: key_algorithm,
    })
}

/// Verifies a certificate's signature with the key of the certificate `issuer` (RFC 5280
/// 6.1.3 (a)(1)), decoding each key once however many certificates it is tried on.
pub fn verify_certificate_by(
    cert: &crate::Cert,
    issuer: &crate::Cert,
) -> Result<Verified, SignatureError> {
    let x509 = cert.x509();
    let algorithm = signature_algorithm(x509.signature_algorithm())?;
    let key = certificate_key(issuer).as_ref().map_err(Clone::clone)?;
    verify_with_key(algorithm, cert.tbs_der(), x509.signature(), key)
}

/// Verifies a certificate's signature with `signer`'s key (RFC 5280 6.1.3 (a)(1)).
pub fn verify_certificate(
    cert: &crate::Cert,
    signer: &SubjectPublicKeyInfoOwned,
) -> Result<Verified, SignatureError> {
    let x509 = cert.x509();
    verify(
        x509.signature_algorithm(),
        cert.tbs_der(),
        x509.signature(),
        signer,
    )
}

/// Verifies a certificate's signature with its own key: the "self-signed" test (RFC 5280 6.1:
/// self-issued and signed by its own key). Subject/issuer equality is the caller's to check.
///
/// Computed once per certificate and remembered: a bag of thousands of self-issued
/// certificates costs one signature check each, however many sections ask.
pub fn verify_self_signed(cert: &crate::Cert) -> Result<Verified, SignatureError> {
    cert.self_signature_cell()
        .get_or_init(|| verify_certificate_by(cert, cert))
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cert(pem: &str) -> crate::Cert {
        let parsed = crate::parse_input(pem.as_bytes(), &Default::default()).unwrap();
        let cert = parsed.certificates().next().unwrap().clone();
        cert
    }

    #[test]
    fn self_signed_doc_certificate_verifies_and_a_flipped_bit_does_not() {
        let leaf = cert(include_str!("../tests/data/doc/leaf.pem"));
        let spki = leaf
            .x509()
            .tbs_certificate()
            .subject_public_key_info()
            .clone();
        let verified = verify_certificate(&leaf, &spki).unwrap();
        assert_eq!(verify_self_signed(&leaf).unwrap(), verified);
        assert!(verified.algorithm.hash().is_some());
        let mut tbs = leaf.tbs_der().to_vec();
        let last = tbs.len() - 1;
        tbs[last] ^= 1;
        let x509 = leaf.x509();
        let err = verify(x509.signature_algorithm(), &tbs, x509.signature(), &spki).unwrap_err();
        assert!(matches!(err, SignatureError::Invalid { .. }), "{err}");
    }

    /// `SEQUENCE { INTEGER n, INTEGER e }` from big-endian magnitudes, DER-encoded by hand so
    /// that odd shapes (a leading zero, a negative number) can be written too.
    fn rsa_public_key_der(n: &[u8], e: &[u8]) -> Vec<u8> {
        fn length(len: usize) -> Vec<u8> {
            let [.., high, low] = u16::try_from(len).unwrap().to_be_bytes();
            match len {
                0..=0x7f => vec![low],
                0x80..=0xff => vec![0x81, low],
                _ => vec![0x82, high, low],
            }
        }
        fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
            let mut out = vec![tag];
            out.extend(length(content.len()));
            out.extend_from_slice(content);
            out
        }
        let mut body = tlv(0x02, n);
        body.extend(tlv(0x02, e));
        tlv(0x30, &body)
    }

    #[test]
    fn rsa_key_size_without_building_the_key_matches_the_built_key() {
        let spki = |der: Vec<u8>| SubjectPublicKeyInfoOwned {
            algorithm: AlgorithmIdentifierOwned {
                oid: rfc5912::RSA_ENCRYPTION,
                parameters: Some(der::asn1::Null.into()),
            },
            subject_public_key: BitString::from_bytes(&der).unwrap(),
        };
        // Deterministic filler bytes: SHA-256 in counter mode.
        let filler = |bytes: usize, seed: u8| -> Vec<u8> {
            (0u32..)
                .flat_map(|i| Sha256::digest([&[seed][..], &i.to_be_bytes()].concat()))
                .take(bytes)
                .collect()
        };
        // A positive INTEGER with `bits` significant bits, odd or even.
        let modulus = |bits: usize, odd: bool, seed: u8| -> Vec<u8> {
            let mut n = filler(bits.div_ceil(8), seed);
            let top = (bits - 1) % 8;
            n[0] = (n[0] & (u8::MAX >> (7 - top))) | (1 << top);
            let last = n.len() - 1;
            n[last] = if odd { n[last] | 1 } else { n[last] & !1 };
            if n[0] & 0x80 != 0 {
                n.insert(0, 0);
            }
            n
        };
        let mut cases = Vec::new();
        for (seed, bits) in [
            1016, 1023, 1024, 1025, 2047, 2048, 3072, 4096, 8192, 8193, 8200,
        ]
        .into_iter()
        .enumerate()
        {
            for odd in [true, false] {
                let n = modulus(bits, odd, u8::try_from(seed).unwrap());
                for e in [
                    &[0x01, 0x00, 0x01][..],
                    &[0x03],
                    &[0x01],
                    &[0x02],
                    &[0x00],
                    &[0x01, 0x00, 0x00],
                    &[0x01, 0xff, 0xff, 0xff, 0xff],
                    &[0x02, 0x00, 0x00, 0x00, 0x01],
                    &[0xff],
                    &[0x00, 0xff],
                ] {
                    cases.push(rsa_public_key_der(&n, e));
                }
                // An exponent as large as the modulus, or larger.
                cases.push(rsa_public_key_der(&n, &n));
                cases.push(rsa_public_key_der(&n, &[&[0x01][..], &n].concat()));
            }
        }
        // Malformed encodings: a negative modulus, a non-minimal one, trailing data, nothing.
        let n = modulus(2048, true, 99);
        cases.push(rsa_public_key_der(&n[1..], &[0x03]));
        cases.push(rsa_public_key_der(
            &[&[0x00, 0x00][..], &n].concat(),
            &[0x03],
        ));
        cases.push([rsa_public_key_der(&n, &[0x03]), vec![0x00]].concat());
        cases.push(Vec::new());
        cases.push(vec![0x30, 0x00]);
        let mut accepted = 0;
        for der in cases {
            let spki = spki(der);
            let built = key_algorithm(&spki);
            accepted += usize::from(built.is_ok());
            assert_eq!(
                format!("{:?}", key_algorithm_unbuilt(&spki)),
                format!("{built:?}")
            );
        }
        assert!(accepted > 10, "{accepted} keys accepted");
    }

    #[test]
    fn unknown_algorithm_is_cannot_verify() {
        let algorithm = AlgorithmIdentifierOwned {
            oid: ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.4"),
            parameters: None,
        };
        let err = signature_algorithm(&algorithm).unwrap_err();
        assert!(err.to_string().starts_with("cannot verify: "), "{err}");
    }
}
