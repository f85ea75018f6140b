//! Private and public keys. A private key is read only to learn which certificates and CSRs it
//! belongs to: certscope keeps its algorithm, its size and its public half, never the secret.
//! Decrypted or decoded secret bytes live in [`Zeroizing`] buffers that are wiped on drop.
//!
//! Formats: PKCS#8 `PrivateKeyInfo`/`OneAsymmetricKey` (RFC 5958 2), PKCS#1 `RSAPrivateKey`
//! (RFC 8017 A.1.2), SEC1 `ECPrivateKey` (RFC 5915 3), `SubjectPublicKeyInfo` (RFC 5280 4.1)
//! and PKCS#1 `RSAPublicKey` (RFC 8017 A.1.1).

use std::fmt;

use der::asn1::{ObjectIdentifier, UintRef};
use der::{Decode, Encode, Tagged};
use zeroize::Zeroizing;

use super::der::decode_located;
use crate::cert::bit_length;
use crate::decode::DecodeError;

const RSA: &str = "1.2.840.113549.1.1.1";
const RSA_PSS: &str = "1.2.840.113549.1.1.10";
const EC: &str = "1.2.840.10045.2.1";
const ED25519: &str = "1.3.101.112";
/// `id-dsa` (RFC 3279 2.3.2).
const DSA: &str = "1.2.840.10040.4.1";
const P256: &str = "1.2.840.10045.3.1.7";
const P384: &str = "1.3.132.0.34";
const P521: &str = "1.3.132.0.35";

/// What identifies a public key when matching keys to certificates: the key itself, in one
/// normal form whatever encoding it came in.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum KeyIdentity {
    /// RSA modulus and public exponent, big-endian without leading zeros.
    Rsa { modulus: Vec<u8>, exponent: Vec<u8> },
    /// Named curve and the point, uncompressed when it could be decoded.
    Ec { curve: String, point: Vec<u8> },
    /// Any other algorithm: its OID and the subjectPublicKey bits.
    Other { algorithm: String, key: Vec<u8> },
}

impl fmt::Debug for KeyIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KeyIdentity(..)")
    }
}

/// The identity of the public key in a `SubjectPublicKeyInfo`.
pub(crate) fn identity_of_spki(spki_der: &[u8]) -> Option<KeyIdentity> {
    let spki = spki::SubjectPublicKeyInfoRef::from_der(spki_der).ok()?;
    let algorithm = spki.algorithm.oid.to_string();
    let key = spki.subject_public_key.raw_bytes();
    match algorithm.as_str() {
        RSA | RSA_PSS => {
            let rsa = pkcs1::RsaPublicKey::<UintRef<'_>>::from_der(key).ok()?;
            Some(rsa_identity(
                rsa.modulus.as_bytes(),
                rsa.public_exponent.as_bytes(),
            ))
        }
        EC => {
            let curve = spki
                .algorithm
                .parameters
                .and_then(curve_of_parameters)?
                .to_string();
            Some(ec_identity(curve, key))
        }
        _ => Some(KeyIdentity::Other {
            algorithm,
            key: key.to_vec(),
        }),
    }
}

/// The named curve of EC parameters: named, or explicit parameters that are a known curve's
/// (SEC 1 C.2).
pub(crate) fn curve_of_parameters(parameters: der::asn1::AnyRef<'_>) -> Option<ObjectIdentifier> {
    match parameters.tag() {
        der::Tag::ObjectIdentifier => parameters.decode_as::<ObjectIdentifier>().ok(),
        der::Tag::Sequence => {
            let encoded = parameters.to_der().ok()?;
            super::curves::explicit(&encoded)?.named
        }
        _ => None,
    }
}

fn strip_zeros(bytes: &[u8]) -> Vec<u8> {
    let skip = bytes.iter().take_while(|&&b| b == 0).count();
    bytes.get(skip..).unwrap_or_default().to_vec()
}

fn rsa_identity(modulus: &[u8], exponent: &[u8]) -> KeyIdentity {
    KeyIdentity::Rsa {
        modulus: strip_zeros(modulus),
        exponent: strip_zeros(exponent),
    }
}

/// Normalises an EC point to its uncompressed form where the curve is supported.
fn ec_identity(curve: String, point: &[u8]) -> KeyIdentity {
    let normal = match curve.as_str() {
        P256 => p256::PublicKey::from_sec1_bytes(point)
            .ok()
            .map(|k| k.to_sec1_bytes().to_vec()),
        P384 => p384::PublicKey::from_sec1_bytes(point)
            .ok()
            .map(|k| k.to_sec1_bytes().to_vec()),
        P521 => p521::PublicKey::from_sec1_bytes(point)
            .ok()
            .map(|k| k.to_sec1_bytes().to_vec()),
        _ => None,
    };
    KeyIdentity::Ec {
        curve,
        point: normal.unwrap_or_else(|| point.to_vec()),
    }
}

/// How a private key was encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum KeyFormat {
    /// PKCS#8 `PrivateKeyInfo` (RFC 5958 2).
    Pkcs8,
    /// PKCS#8 `EncryptedPrivateKeyInfo` (RFC 5958 3), decrypted with the caller's password.
    EncryptedPkcs8,
    /// PKCS#1 `RSAPrivateKey` (RFC 8017 A.1.2).
    Pkcs1,
    /// SEC1 `ECPrivateKey` (RFC 5915 3).
    Sec1,
    /// OpenSSL's `DSAPrivateKey` (`DSA PRIVATE KEY`): version, p, q, g, y, x.
    Dsa,
}

/// A private key, reduced to what may be shown: its algorithm, size, and which public key it
/// belongs to. The secret is not kept.
#[derive(Clone)]
pub struct PrivateKey {
    format: KeyFormat,
    algorithm: ObjectIdentifier,
    bits: Option<u32>,
    curve: Option<ObjectIdentifier>,
    identity: Option<KeyIdentity>,
    /// What the lenient decoding path found, when the strict decoder refused the key.
    deviations: Vec<crate::lenient::Deviation>,
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrivateKey")
            .field("format", &self.format)
            .field("algorithm", &crate::oid::short_name(&self.algorithm))
            .field("bits", &self.bits)
            .finish_non_exhaustive()
    }
}

impl PrivateKey {
    /// How the key was encoded.
    pub fn format(&self) -> KeyFormat {
        self.format
    }

    /// The key algorithm's OID (`rsaEncryption`, `id-ecPublicKey`, `id-Ed25519`...).
    pub fn algorithm(&self) -> &ObjectIdentifier {
        &self.algorithm
    }

    /// Key size in bits, when known.
    pub fn bits(&self) -> Option<u32> {
        self.bits
    }

    /// The named curve of an EC key.
    pub fn curve(&self) -> Option<&ObjectIdentifier> {
        self.curve.as_ref()
    }

    /// Where the key departs from DER or its format in ways the strict decoder refused and the
    /// lenient path read (BER lengths, a version no format defines).
    pub fn deviations(&self) -> &[crate::lenient::Deviation] {
        &self.deviations
    }

    pub(crate) fn set_deviations(&mut self, deviations: Vec<crate::lenient::Deviation>) {
        self.deviations = deviations;
    }

    /// The normalised public key, for matching.
    pub(crate) fn identity(&self) -> Option<&KeyIdentity> {
        self.identity.as_ref()
    }

    /// Whether the public key in `spki_der` (a `SubjectPublicKeyInfo`) is this key's.
    pub fn matches_public_key(&self, spki_der: &[u8]) -> bool {
        match (&self.identity, identity_of_spki(spki_der)) {
            (Some(mine), Some(theirs)) => *mine == theirs,
            _ => false,
        }
    }
}

fn oid(dotted: &str) -> ObjectIdentifier {
    ObjectIdentifier::new(dotted).unwrap_or(ObjectIdentifier::new_unwrap("2.5"))
}

/// Decodes a PKCS#8 `PrivateKeyInfo` (or `OneAsymmetricKey`).
///
/// ```text
/// OneAsymmetricKey ::= SEQUENCE {
///     version                   Version,
///     privateKeyAlgorithm       PrivateKeyAlgorithmIdentifier,
///     privateKey                PrivateKey,
///     attributes            [0] Attributes OPTIONAL,
///     ...,
///     [[2: publicKey        [1] PublicKey OPTIONAL ]],
///     ... }
/// ```
/// ([RFC 5958 2](https://www.rfc-editor.org/rfc/rfc5958#section-2))
pub(crate) fn from_pkcs8(der: &[u8], format: KeyFormat) -> Result<PrivateKey, DecodeError> {
    let info: pkcs8::PrivateKeyInfoRef<'_> = decode_located(der, "private key (PKCS#8)")?;
    let algorithm = info.algorithm.oid;
    let secret = info.private_key.as_bytes();
    match algorithm.to_string().as_str() {
        RSA | RSA_PSS => {
            let mut key = from_pkcs1(secret)?;
            key.format = format;
            key.algorithm = algorithm;
            Ok(key)
        }
        EC => {
            let curve = info.algorithm.parameters.and_then(curve_of_parameters);
            let explicit_bits = info
                .algorithm
                .parameters
                .and_then(|p| p.to_der().ok())
                .and_then(|p| super::curves::explicit(&p))
                .map(|explicit| explicit.bits);
            let mut key = from_sec1(secret, curve)?;
            key.format = format;
            key.bits = key.bits.or(explicit_bits);
            Ok(key)
        }
        DSA => {
            // Dss-Parms ::= SEQUENCE { p, q, g } (RFC 3279 2.3.2); the private key is the
            // INTEGER x.
            let parameters = info.algorithm.parameters.ok_or_else(|| {
                DecodeError::new(
                    "DSA private key (PKCS#8)",
                    None,
                    der.len(),
                    "the DSA parameters are missing".into(),
                )
            })?;
            let parameters = parameters
                .to_der()
                .map_err(|e| DecodeError::from_der("DSA private key (PKCS#8)", der.len(), e))?;
            let domain = dsa_domain(&parameters, "DSA parameters")?;
            let public = info.public_key.map(|public| public.raw_bytes().to_vec());
            Ok(PrivateKey {
                format,
                algorithm,
                bits: Some(bit_length(&domain.p)),
                curve: None,
                identity: public.map(|key| KeyIdentity::Other {
                    algorithm: DSA.into(),
                    key,
                }),
                deviations: Vec::new(),
            })
        }
        ED25519 => {
            // CurvePrivateKey ::= OCTET STRING (RFC 8410 7)
            let seed = <&der::asn1::OctetStringRef>::from_der(secret)
                .map_err(|e| DecodeError::from_der("Ed25519 private key", secret.len(), e))?;
            let seed: Zeroizing<[u8; 32]> =
                Zeroizing::new(seed.as_bytes().try_into().map_err(|_| {
                    DecodeError::new(
                        "Ed25519 private key",
                        None,
                        secret.len(),
                        format!(
                            "expected a 32-byte seed but found {} bytes",
                            seed.as_bytes().len()
                        ),
                    )
                })?);
            let signing = ed25519_dalek::SigningKey::from_bytes(&seed);
            let public = signing.verifying_key().to_bytes();
            Ok(PrivateKey {
                format,
                algorithm,
                bits: Some(256),
                curve: None,
                identity: Some(KeyIdentity::Other {
                    algorithm: ED25519.into(),
                    key: public.to_vec(),
                }),
                deviations: Vec::new(),
            })
        }
        _ => Ok(PrivateKey {
            format,
            algorithm,
            bits: None,
            curve: None,
            identity: info.public_key.map(|public| KeyIdentity::Other {
                algorithm: algorithm.to_string(),
                key: public.raw_bytes().to_vec(),
            }),
            deviations: Vec::new(),
        }),
    }
}

/// Decodes a PKCS#1 `RSAPrivateKey`.
///
/// ```text
/// RSAPrivateKey ::= SEQUENCE {
///     version           Version,
///     modulus           INTEGER,  -- n
///     publicExponent    INTEGER,  -- e
///     privateExponent   INTEGER,  -- d
///     ... }
/// ```
/// ([RFC 8017 A.1.2](https://www.rfc-editor.org/rfc/rfc8017#appendix-A.1.2))
pub(crate) fn from_pkcs1(der: &[u8]) -> Result<PrivateKey, DecodeError> {
    let key: pkcs1::RsaPrivateKey<UintRef<'_>> = decode_located(der, "RSA private key (PKCS#1)")?;
    let modulus = key.modulus.as_bytes();
    Ok(PrivateKey {
        format: KeyFormat::Pkcs1,
        algorithm: oid(RSA),
        bits: Some(bit_length(modulus)),
        curve: None,
        identity: Some(rsa_identity(modulus, key.public_exponent.as_bytes())),
        deviations: Vec::new(),
    })
}

/// Decodes a SEC1 `ECPrivateKey`; `curve` is the curve named outside it (in PKCS#8).
///
/// ```text
/// ECPrivateKey ::= SEQUENCE {
///     version        INTEGER { ecPrivkeyVer1(1) } (ecPrivkeyVer1),
///     privateKey     OCTET STRING,
///     parameters [0] ECParameters {{ NamedCurve }} OPTIONAL,
///     publicKey  [1] BIT STRING OPTIONAL }
/// ```
/// ([RFC 5915 3](https://www.rfc-editor.org/rfc/rfc5915#section-3))
pub(crate) fn from_sec1(
    der: &[u8],
    curve: Option<ObjectIdentifier>,
) -> Result<PrivateKey, DecodeError> {
    let key: sec1::EcPrivateKey<'_> = match decode_located(der, "EC private key (SEC1)") {
        Ok(key) => key,
        Err(error) => return sec1_explicit(der, curve).ok_or(error),
    };
    let curve = curve.or_else(|| key.parameters.and_then(|p| p.named_curve()));
    let curve_text = curve.map(|c| c.to_string());
    let public: Option<Vec<u8>> = match key.public_key {
        Some(point) => Some(point.to_vec()),
        None => match curve_text.as_deref() {
            Some(P256) => p256::SecretKey::from_slice(key.private_key)
                .ok()
                .map(|s| s.public_key().to_sec1_bytes().to_vec()),
            Some(P384) => p384::SecretKey::from_slice(key.private_key)
                .ok()
                .map(|s| s.public_key().to_sec1_bytes().to_vec()),
            Some(P521) => p521::SecretKey::from_slice(key.private_key)
                .ok()
                .map(|s| s.public_key().to_sec1_bytes().to_vec()),
            _ => None,
        },
    };
    let bits = match curve_text.as_deref() {
        Some(P256) | Some("1.3.132.0.10") => Some(256),
        Some(P384) => Some(384),
        Some(P521) => Some(521),
        _ => None,
    };
    Ok(PrivateKey {
        format: KeyFormat::Sec1,
        algorithm: oid(EC),
        bits,
        curve,
        identity: match (curve_text, public) {
            (Some(curve), Some(point)) => Some(ec_identity(curve, &point)),
            _ => None,
        },
        deviations: Vec::new(),
    })
}

/// An `ECPrivateKey` whose `[0]` parameters are explicit (`SpecifiedECDomain`), which the sec1
/// crate's type cannot hold: named when they are a known curve's, sized either way.
fn sec1_explicit(der: &[u8], outer: Option<ObjectIdentifier>) -> Option<PrivateKey> {
    use super::der::{read_exact, tag};
    let fields = read_exact(der, 0, "EC private key (SEC1)")
        .ok()?
        .children("EC private key (SEC1)")
        .ok()?;
    if fields.first()?.content != [1] || fields.get(1)?.tag != tag::OCTET_STRING {
        return None;
    }
    // Only explicit parameters: a key the sec1 crate refuses for another reason is left to
    // the lenient path.
    let parameters = fields
        .iter()
        .find(|field| field.tag == tag::CONTEXT_0)
        .and_then(|field| super::curves::explicit(field.content))?;
    let public = fields
        .iter()
        .find(|field| field.tag == tag::CONTEXT_1)
        .and_then(|field| read_exact(field.content, 0, "EC public key").ok())
        .filter(|bits| bits.tag == tag::BIT_STRING)
        .and_then(|bits| bits.content.get(1..).map(<[u8]>::to_vec));
    let curve = outer.or(parameters.named);
    Some(PrivateKey {
        format: KeyFormat::Sec1,
        algorithm: oid(EC),
        bits: Some(parameters.bits),
        curve,
        identity: match (curve, public) {
            (Some(curve), Some(point)) => Some(ec_identity(curve.to_string(), &point)),
            _ => None,
        },
        deviations: Vec::new(),
    })
}

/// DSA domain parameters.
struct DsaDomain {
    p: Vec<u8>,
}

/// Reads `Dss-Parms ::= SEQUENCE { p INTEGER, q INTEGER, g INTEGER }` (RFC 3279 2.3.2).
fn dsa_domain(der: &[u8], structure: &str) -> Result<DsaDomain, DecodeError> {
    use super::der::{read_exact, tag};
    let fields = read_exact(der, 0, structure)?.children(structure)?;
    match fields.as_slice() {
        [p, q, g] if [p.tag, q.tag, g.tag] == [tag::INTEGER; 3] => Ok(DsaDomain {
            p: p.content.to_vec(),
        }),
        _ => Err(DecodeError::new(
            structure,
            Some(0),
            der.len(),
            "expected three INTEGERs p, q and g".into(),
        )),
    }
}

/// Decodes OpenSSL's `DSAPrivateKey` (`-----BEGIN DSA PRIVATE KEY-----`).
///
/// ```text
/// DSAPrivateKey ::= SEQUENCE {
///     version  INTEGER (0),
///     p INTEGER, q INTEGER, g INTEGER,
///     y INTEGER,  -- public
///     x INTEGER } -- private
/// ```
/// (OpenSSL's `DSAPrivateKey_it`; the parameters are RFC 3279 2.3.2's)
pub(crate) fn from_dsa(der: &[u8]) -> Result<PrivateKey, DecodeError> {
    use super::der::{read_exact, tag};
    let structure = "DSA private key";
    let fields = read_exact(der, 0, structure)?.children(structure)?;
    let [version, p, _q, _g, y, _x] = fields.as_slice() else {
        return Err(DecodeError::new(
            structure,
            Some(0),
            der.len(),
            format!(
                "expected six INTEGERs (version, p, q, g, y, x) but found {} elements",
                fields.len()
            ),
        ));
    };
    if let Some(bad) = fields.iter().find(|field| field.tag != tag::INTEGER) {
        return Err(DecodeError::new(
            structure,
            Some(bad.offset),
            der.len(),
            format!(
                "expected an INTEGER but found {}",
                super::der::describe_tag(bad.tag)
            ),
        ));
    }
    if version.content != [0] {
        return Err(DecodeError::new(
            structure,
            Some(version.offset),
            der.len(),
            "the version is not 0".into(),
        ));
    }
    Ok(PrivateKey {
        format: KeyFormat::Dsa,
        algorithm: oid(DSA),
        bits: Some(bit_length(p.content)),
        curve: None,
        identity: Some(KeyIdentity::Other {
            algorithm: DSA.into(),
            key: y.whole.to_vec(),
        }),
        deviations: Vec::new(),
    })
}

/// The size of a DSA public key: the bit length of p in the `SubjectPublicKeyInfo`'s
/// parameters.
pub(crate) fn dsa_bits(parameters: Option<&der::Any>) -> Option<u32> {
    let parameters = parameters?.to_der().ok()?;
    dsa_domain(&parameters, "DSA parameters")
        .ok()
        .map(|domain| bit_length(&domain.p))
}

/// A public key found on its own (`PUBLIC KEY` or `RSA PUBLIC KEY`), kept as a
/// `SubjectPublicKeyInfo`.
#[derive(Clone, Debug)]
pub struct PublicKey {
    spki_der: Vec<u8>,
    /// What the lenient decoding path found, when the strict decoder refused the key.
    deviations: Vec<crate::lenient::Deviation>,
}

impl PublicKey {
    /// Where the key departs from DER in ways the strict decoder refused and the lenient path
    /// read.
    pub fn deviations(&self) -> &[crate::lenient::Deviation] {
        &self.deviations
    }

    pub(crate) fn set_deviations(&mut self, deviations: Vec<crate::lenient::Deviation>) {
        self.deviations = deviations;
    }

    /// The `SubjectPublicKeyInfo` DER (for a PKCS#1 `RSAPublicKey`, wrapped in one).
    pub fn spki_der(&self) -> &[u8] {
        &self.spki_der
    }
}

/// Decodes a `SubjectPublicKeyInfo`.
pub(crate) fn public_from_spki(der: &[u8]) -> Result<PublicKey, DecodeError> {
    decode_located::<spki::SubjectPublicKeyInfoRef<'_>>(der, "public key")?;
    Ok(PublicKey {
        spki_der: der.to_vec(),
        deviations: Vec::new(),
    })
}

/// Decodes a PKCS#1 `RSAPublicKey` and wraps it in a `SubjectPublicKeyInfo`.
pub(crate) fn public_from_pkcs1(der: &[u8]) -> Result<PublicKey, DecodeError> {
    decode_located::<pkcs1::RsaPublicKey<UintRef<'_>>>(der, "RSA public key (PKCS#1)")?;
    let wrap = |e| DecodeError::from_der("RSA public key (PKCS#1)", der.len(), e);
    let spki = spki::SubjectPublicKeyInfoOwned {
        algorithm: spki::AlgorithmIdentifierOwned {
            oid: oid(RSA),
            parameters: Some(der::asn1::Null.into()),
        },
        subject_public_key: der::asn1::BitString::from_bytes(der).map_err(wrap)?,
    };
    Ok(PublicKey {
        spki_der: spki.to_der().map_err(wrap)?,
        deviations: Vec::new(),
    })
}
