//! The versioned report: the public contract every layer (CLI `--json`, wasm API, page) reads.
//!
//! Field names are `snake_case` in every serialisation. Adding a field is a minor change;
//! renaming or removing one bumps [`SCHEMA_VERSION`].
//!
//! The JSON shape is described by `schema/report.schema.json` (JSON Schema 2020-12), which
//! `tests/report_schema.rs` checks against the report of every fixture; every object in it
//! forbids unknown properties, so the schema and these types cannot drift apart. Enums are
//! tagged inline: an object's `kind` (`certificate`), an extension value's, a general name's
//! and a policy qualifier's `type` (`subject_alt_name`, `dns_name`, `cps`) say which arm it is.
//!
//! A certificate entry holds, besides the fields below, every extension with its OID, name,
//! criticality and decoded [`ExtensionValue`]: an extension certscope does not know is
//! `unknown` with its raw hex, one that does not decode is `failed` with the
//! [`crate::decode::DecodeError`], and neither ever fails the certificate.

use der::{Tag, Tagged};
use x509_cert::time::Time;

use crate::cert::{hex, Cert};
use crate::ext::ExtensionValue;
use crate::input::{self, InputError, InputOptions, Object, Origin, Problem};
use crate::name::{self, Attribute};
use crate::oid;
use crate::time::UnixTime;

/// Version of the report's shape. Bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// What the caller decides for one analysis.
#[derive(Clone, Debug, Default)]
pub struct AnalyzeOptions {
    /// The time verdicts are computed at (expiry, days left). `None` leaves time-dependent
    /// fields out. The core never reads a clock.
    pub time: Option<UnixTime>,
    /// Limits on the input.
    pub input: InputOptions,
}

impl AnalyzeOptions {
    /// Options with the analysis time set, in seconds since the Unix epoch.
    pub fn at_unix_seconds(seconds: u64) -> Self {
        AnalyzeOptions {
            time: Some(UnixTime(seconds)),
            ..AnalyzeOptions::default()
        }
    }
}

/// Everything certscope found in one input.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Report {
    /// [`SCHEMA_VERSION`] of this report.
    pub schema_version: u32,
    /// The analysis time as RFC 3339, when one was given.
    pub analysis_time: Option<String>,
    /// The objects found, in input order.
    pub objects: Vec<ObjectReport>,
    /// Parts of the input that did not decode.
    pub problems: Vec<Problem>,
}

impl Report {
    /// The certificate entries, in input order.
    pub fn certificates(&self) -> impl Iterator<Item = &CertificateReport> {
        self.objects.iter().map(|o| match o {
            ObjectReport::Certificate(c) => c.as_ref(),
        })
    }
}

/// One object's entry.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ObjectReport {
    /// A certificate.
    Certificate(Box<CertificateReport>),
}

/// A certificate's entry.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CertificateReport {
    /// Position of the object in the input (0-based).
    pub index: usize,
    /// Where it came from.
    pub origin: Origin,
    /// Version as shown to people: 1, 2 or 3.
    pub version: u8,
    /// The serial number.
    pub serial: Serial,
    /// The outer signature algorithm.
    pub signature_algorithm: Algorithm,
    /// The issuer's name.
    pub issuer: NameReport,
    /// The subject's name.
    pub subject: NameReport,
    /// The validity period.
    pub validity: Validity,
    /// The subject public key.
    pub public_key: PublicKey,
    /// Digests of the DER.
    pub fingerprints: Fingerprints,
    /// Every extension, in certificate order.
    pub extensions: Vec<Extension>,
    /// Issuer and subject names are equal (RFC 5280 3.3: self-issued).
    pub self_issued: bool,
    /// The signature verifies with the certificate's own public key. `None` when not checked:
    /// filled when the signature can be checked.
    pub self_signed: Option<bool>,
    /// basicConstraints is present, decodes, and says cA TRUE (RFC 5280 4.2.1.9); nothing
    /// else (self-issuance, keyCertSign) makes a certificate a CA.
    pub is_ca: bool,
}

/// A serial number.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Serial {
    /// The INTEGER's content octets as lowercase hex (two's complement, as encoded).
    pub hex: String,
    /// Decimal, when the value fits in 64 bits and is not negative.
    pub decimal: Option<String>,
}

/// A signature algorithm identifier.
///
/// ```text
/// AlgorithmIdentifier  ::=  SEQUENCE  {
///      algorithm               OBJECT IDENTIFIER,
///      parameters              ANY DEFINED BY algorithm OPTIONAL  }
/// ```
/// ([RFC 5280 4.1.1.2](https://www.rfc-editor.org/rfc/rfc5280#section-4.1.1.2))
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Algorithm {
    /// Name, e.g. `sha256WithRSAEncryption`, or the dotted OID when unknown.
    pub name: String,
    /// Dotted OID.
    pub oid: String,
    /// The hash the algorithm signs with (`SHA-256`...), when it names one; for RSASSA-PSS the
    /// hash of its parameters. `None` for Ed25519/Ed448 (which hash internally) and unknown
    /// algorithms.
    pub hash: Option<String>,
    /// RSASSA-PSS parameters, for `id-RSASSA-PSS` only.
    pub pss: Option<PssParameters>,
}

/// The parameters of RSASSA-PSS, with the defaults filled in.
///
/// ```text
/// RSASSA-PSS-params  ::=  SEQUENCE  {
///     hashAlgorithm      [0] HashAlgorithm DEFAULT sha1Identifier,
///     maskGenAlgorithm   [1] MaskGenAlgorithm DEFAULT mgf1SHA1Identifier,
///     saltLength         [2] INTEGER DEFAULT 20,
///     trailerField       [3] INTEGER DEFAULT 1  }
/// ```
/// ([RFC 4055 3.1](https://www.rfc-editor.org/rfc/rfc4055#section-3.1))
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PssParameters {
    /// hashAlgorithm (`SHA-256`...), or its dotted OID when unknown.
    pub hash: String,
    /// maskGenAlgorithm (`MGF1`).
    pub mask_generation: String,
    /// The hash of MGF1 (`SHA-256`...), when the mask generation is MGF1.
    pub mask_generation_hash: Option<String>,
    /// saltLength in bytes.
    pub salt_length: u32,
    /// trailerField.
    pub trailer_field: u32,
    /// Why the parameters do not decode, when they do not (the fields then hold the defaults).
    pub error: Option<String>,
}

/// A name, both as a string and as its attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NameReport {
    /// RFC 4514 form.
    pub rfc4514: String,
    /// The attributes in DER order.
    pub attributes: Vec<Attribute>,
}

/// The validity period.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Validity {
    /// notBefore as RFC 3339 UTC.
    pub not_before: String,
    /// notAfter as RFC 3339 UTC.
    pub not_after: String,
    /// `UTCTime` or `GeneralizedTime`.
    pub not_before_encoding: String,
    /// `UTCTime` or `GeneralizedTime`.
    pub not_after_encoding: String,
    /// Length of the period in days (fractions rounded down; RFC 5280 counts both ends).
    pub period_days: i64,
    /// Days from the analysis time to notAfter; negative once expired. `None` without a time.
    pub days_until_expiry: Option<i64>,
    /// Whether the certificate is valid at the analysis time. `None` without a time.
    pub valid_at_analysis_time: Option<bool>,
}

/// The subject public key.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PublicKey {
    /// Algorithm: `RSA`, `EC`, `Ed25519`...
    pub algorithm: String,
    /// Dotted OID of the algorithm.
    pub oid: String,
    /// Key size in bits, when known.
    pub bits: Option<u32>,
    /// Curve name for EC keys.
    pub curve: Option<String>,
    /// RSA public exponent, when it fits in 64 bits.
    pub rsa_exponent: Option<u64>,
    /// base64 of SHA-256 over the subjectPublicKeyInfo DER (the form pinning configs use).
    pub spki_sha256_base64: String,
}

/// Fingerprints: lowercase hex, no separators.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Fingerprints {
    /// SHA-256 of the DER.
    pub sha256: String,
    /// SHA-1 of the DER.
    pub sha1: String,
}

/// One extension.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Extension {
    /// Dotted OID.
    pub oid: String,
    /// Name, e.g. `subjectAltName`, or the dotted OID when unknown.
    pub name: String,
    /// The critical flag.
    pub critical: bool,
    /// The decoded value; [`ExtensionValue::Unknown`] carries the raw hex of an extension
    /// certscope does not decode, [`ExtensionValue::Failed`] the error of one that does not
    /// decode.
    pub value: ExtensionValue,
}

/// Analyses every object in `input`.
///
/// Fails only when the input as a whole breaks a limit; undecodable parts are listed in
/// [`Report::problems`].
pub fn analyze(input: &[u8], options: &AnalyzeOptions) -> Result<Report, InputError> {
    let parsed = input::parse_input(input, &options.input)?;
    let objects =
        parsed
            .objects
            .iter()
            .enumerate()
            .map(|(index, found)| match &found.object {
                Object::Certificate(cert) => ObjectReport::Certificate(Box::new(
                    certificate_report(cert, index, found.origin.clone(), options.time),
                )),
            })
            .collect();
    Ok(Report {
        schema_version: SCHEMA_VERSION,
        analysis_time: options.time.and_then(UnixTime::to_rfc3339),
        objects,
        problems: parsed.problems,
    })
}

/// Builds the entry for one certificate.
pub fn certificate_report(
    cert: &Cert,
    index: usize,
    origin: Origin,
    time: Option<UnixTime>,
) -> CertificateReport {
    let x509 = cert.x509();
    let tbs = x509.tbs_certificate();
    let version = match tbs.version() {
        x509_cert::certificate::Version::V1 => 1,
        x509_cert::certificate::Version::V2 => 2,
        x509_cert::certificate::Version::V3 => 3,
    };
    CertificateReport {
        index,
        origin,
        version,
        serial: serial(tbs.serial_number().as_bytes()),
        signature_algorithm: signature_algorithm(x509.signature_algorithm()),
        issuer: name_report(tbs.issuer()),
        subject: name_report(tbs.subject()),
        validity: validity(&tbs.validity().not_before, &tbs.validity().not_after, time),
        public_key: public_key(cert),
        fingerprints: Fingerprints {
            sha256: hex(cert.sha256()),
            sha1: hex(cert.sha1()),
        },
        extensions: tbs
            .extensions()
            .map(|exts| {
                exts.iter()
                    .map(|e| Extension {
                        oid: e.extn_id.to_string(),
                        name: oid::short_name(&e.extn_id),
                        critical: e.critical,
                        value: crate::ext::decode_extension(e),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        self_issued: tbs.issuer() == tbs.subject(),
        self_signed: None,
        is_ca: crate::ext::is_ca(cert),
    }
}

fn serial(bytes: &[u8]) -> Serial {
    let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
    let significant: &[u8] = {
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        bytes.get(skip..).unwrap_or_default()
    };
    let decimal = (!negative && significant.len() <= 8).then(|| {
        significant
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
            .to_string()
    });
    Serial {
        hex: hex(bytes),
        decimal,
    }
}

/// The hash a signature algorithm OID names (RFC 3279, RFC 4055, RFC 5758).
fn signature_hash(dotted: &str) -> Option<&'static str> {
    Some(match dotted {
        "1.2.840.113549.1.1.4" => "MD5",
        "1.2.840.113549.1.1.5" | "1.2.840.10045.4.1" | "1.2.840.10040.4.3" => "SHA-1",
        "1.2.840.113549.1.1.14" | "1.2.840.10045.4.3.1" => "SHA-224",
        "1.2.840.113549.1.1.11" | "1.2.840.10045.4.3.2" | "2.16.840.1.101.3.4.3.2" => "SHA-256",
        "1.2.840.113549.1.1.12" | "1.2.840.10045.4.3.3" => "SHA-384",
        "1.2.840.113549.1.1.13" | "1.2.840.10045.4.3.4" => "SHA-512",
        _ => return None,
    })
}

/// RSASSA-PSS-params as DER sees them (RFC 4055 3.1); defaults are applied afterwards.
#[derive(der::Sequence)]
struct RawPssParameters {
    #[asn1(context_specific = "0", optional = "true")]
    hash: Option<spki::AlgorithmIdentifierOwned>,
    #[asn1(context_specific = "1", optional = "true")]
    mask_generation: Option<spki::AlgorithmIdentifierOwned>,
    #[asn1(context_specific = "2", optional = "true")]
    salt_length: Option<u32>,
    #[asn1(context_specific = "3", optional = "true")]
    trailer_field: Option<u32>,
}

fn pss_parameters(parameters: Option<&der::Any>) -> PssParameters {
    let hash_name = oid::short_name;
    let mut result = PssParameters {
        hash: "SHA-1".into(),
        mask_generation: "MGF1".into(),
        mask_generation_hash: Some("SHA-1".into()),
        salt_length: 20,
        trailer_field: 1,
        error: None,
    };
    let decoded = match parameters {
        None => return result,
        Some(any) => any.decode_as::<RawPssParameters>(),
    };
    match decoded {
        Ok(raw) => {
            if let Some(hash) = raw.hash {
                result.hash = hash_name(&hash.oid);
            }
            if let Some(mgf) = raw.mask_generation {
                result.mask_generation = oid::short_name(&mgf.oid);
                result.mask_generation_hash = mgf
                    .parameters
                    .and_then(|p| p.decode_as::<spki::AlgorithmIdentifierOwned>().ok())
                    .map(|h| hash_name(&h.oid));
                if mgf.oid.to_string() != "1.2.840.113549.1.1.8" {
                    result.mask_generation_hash = None;
                }
            }
            result.salt_length = raw.salt_length.unwrap_or(20);
            result.trailer_field = raw.trailer_field.unwrap_or(1);
        }
        Err(e) => result.error = Some(e.to_string()),
    }
    result
}

fn signature_algorithm(id: &spki::AlgorithmIdentifierOwned) -> Algorithm {
    let dotted = id.oid.to_string();
    let pss = (dotted == "1.2.840.113549.1.1.10").then(|| pss_parameters(id.parameters.as_ref()));
    Algorithm {
        name: oid::name(&id.oid),
        oid: dotted.clone(),
        hash: match &pss {
            Some(pss) => Some(pss.hash.clone()),
            None => signature_hash(&dotted).map(str::to_owned),
        },
        pss,
    }
}

fn name_report(name: &x509_cert::name::Name) -> NameReport {
    NameReport {
        rfc4514: name::rfc4514(name),
        attributes: name::attributes(name),
    }
}

fn time_parts(time: &Time) -> (UnixTime, String, &'static str) {
    let dt = time.to_date_time();
    let encoding = match time {
        Time::UtcTime(_) => "UTCTime",
        Time::GeneralTime(_) => "GeneralizedTime",
    };
    (UnixTime::from(dt), dt.to_string(), encoding)
}

fn validity(not_before: &Time, not_after: &Time, now: Option<UnixTime>) -> Validity {
    let (start, not_before, not_before_encoding) = time_parts(not_before);
    let (end, not_after, not_after_encoding) = time_parts(not_after);
    let days = |from: u64, to: u64| -> i64 {
        let diff = i128::from(to) - i128::from(from);
        i64::try_from(diff.div_euclid(86_400)).unwrap_or(i64::MAX)
    };
    Validity {
        not_before,
        not_after,
        not_before_encoding: not_before_encoding.to_owned(),
        not_after_encoding: not_after_encoding.to_owned(),
        period_days: days(start.0, end.0),
        days_until_expiry: now.map(|now| days(now.0, end.0)),
        valid_at_analysis_time: now.map(|now| start <= now && now <= end),
    }
}

fn public_key(cert: &Cert) -> PublicKey {
    let spki = cert.x509().tbs_certificate().subject_public_key_info();
    let algorithm_oid = spki.algorithm.oid;
    let mut key = PublicKey {
        algorithm: oid::short_name(&algorithm_oid),
        oid: algorithm_oid.to_string(),
        bits: None,
        curve: None,
        rsa_exponent: None,
        spki_sha256_base64: cert.spki_pin_base64(),
    };
    match algorithm_oid.to_string().as_str() {
        "1.2.840.113549.1.1.1" | "1.2.840.113549.1.1.10" => {
            use der::Decode;
            if let Ok(rsa) = rsa::pkcs1::RsaPublicKey::<der::asn1::UintRef<'_>>::from_der(
                spki.subject_public_key.raw_bytes(),
            ) {
                key.bits = Some(bit_length(rsa.modulus.as_bytes()));
                let e = rsa.public_exponent.as_bytes();
                if e.len() <= 8 {
                    key.rsa_exponent =
                        Some(e.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)));
                }
            }
        }
        "1.2.840.10045.2.1" => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .filter(|p| p.tag() == Tag::ObjectIdentifier)
                .and_then(|p| p.decode_as::<der::asn1::ObjectIdentifier>().ok());
            if let Some(curve) = curve {
                key.bits = match curve.to_string().as_str() {
                    "1.2.840.10045.3.1.7" | "1.3.132.0.10" => Some(256),
                    "1.3.132.0.34" => Some(384),
                    "1.3.132.0.35" => Some(521),
                    _ => None,
                };
                key.curve = Some(oid::short_name(&curve));
            }
        }
        "1.3.101.112" => key.bits = Some(256),
        "1.3.101.113" => key.bits = Some(456),
        _ => {}
    }
    key
}

/// Number of significant bits in a big-endian unsigned integer.
fn bit_length(bytes: &[u8]) -> u32 {
    let skip = bytes.iter().take_while(|&&b| b == 0).count();
    let rest = bytes.get(skip..).unwrap_or_default();
    match rest.first() {
        None => 0,
        Some(first) => {
            let whole = u32::try_from(rest.len())
                .unwrap_or(u32::MAX / 8)
                .saturating_sub(1)
                * 8;
            whole + (8 - first.leading_zeros())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_forms() {
        assert_eq!(serial(&[0x01, 0x00]).decimal.as_deref(), Some("256"));
        assert_eq!(serial(&[0x00, 0x80]).hex, "0080");
        assert_eq!(serial(&[0x80]).decimal, None);
        assert_eq!(serial(&[0x7f; 9]).decimal, None);
    }

    #[test]
    fn bit_lengths() {
        assert_eq!(bit_length(&[0x00, 0x80, 0x00]), 16);
        assert_eq!(bit_length(&[0x01]), 1);
        assert_eq!(bit_length(&[]), 0);
    }
}
