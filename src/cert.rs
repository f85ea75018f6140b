//! An owned certificate: the lenient parse, the original DER, and its fingerprints.

use der::{Decode, Encode, Reader};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use x509_cert::certificate::{CertificateInner, Raw};

use std::sync::OnceLock;

use crate::decode::DecodeError;
use crate::lenient::{Deviation, ExactTime, Lenient, Shape};
use crate::signature::{PublicKey, SignatureError, Verified};

/// The parsed form of a certificate, decoded with x509-cert's lenient [`Raw`] profile so that
/// a certificate breaking a profile rule (a 25-byte or negative serial, a validity encoded with
/// the wrong time type) is still shown and the breach is left for the linter to report.
pub type X509 = CertificateInner<Raw>;

/// A certificate as found in the input: its exact DER, its decoded form and its digests.
///
/// ```text
/// Certificate  ::=  SEQUENCE  {
///      tbsCertificate       TBSCertificate,
///      signatureAlgorithm   AlgorithmIdentifier,
///      signatureValue       BIT STRING  }
/// ```
/// ([RFC 5280 4.1](https://www.rfc-editor.org/rfc/rfc5280#section-4.1))
#[derive(Clone, Debug)]
pub struct Cert {
    der: Vec<u8>,
    x509: X509,
    tbs_der: Vec<u8>,
    /// What the lenient path found, when the strict decoder refused the certificate.
    lenient: Option<Box<Lenient>>,
    /// Computed on first use: a certificate that is only listed or matched by name never
    /// pays for hashing, re-encoding or key decoding.
    lazy: Lazy,
    /// OpenSSL's trust and reject settings, when the certificate came as a `TRUSTED
    /// CERTIFICATE`.
    aux_trust: Option<crate::trust::AuxTrust>,
}

/// What is derived from the certificate on first use, then kept.
#[derive(Clone, Debug, Default)]
struct Lazy {
    spki_der: OnceLock<Vec<u8>>,
    sha256: OnceLock<[u8; 32]>,
    sha1: OnceLock<[u8; 20]>,
    spki_sha256: OnceLock<[u8; 32]>,
    /// The decoded public key: verifying what the certificate signed and checking its size
    /// share one decode (for RSA, the Montgomery parameters of the modulus).
    public_key: OnceLock<Result<PublicKey, SignatureError>>,
    /// The outcome of checking the signature with the certificate's own key: roles, the
    /// report's flags, lints and path validation all ask for it.
    self_signature: OnceLock<Result<Verified, SignatureError>>,
    /// What the chain checks, the lints, the roles, the purposes and the report read
    /// ([`crate::facts::CertFacts`]), allocated when first asked.
    facts: OnceLock<Box<crate::facts::Kept>>,
}

/// Decodes exactly one DER certificate, the way [`Cert::from_der`] does, without keeping its
/// bytes.
pub(crate) fn decode_x509(der: &[u8]) -> Result<X509, DecodeError> {
    X509::from_der(der).map_err(|e| DecodeError::from_der("certificate", der.len(), e))
}

impl Cert {
    /// Decodes a DER certificate. The DER must be exactly one certificate: trailing bytes are
    /// an error, so the fingerprint always covers what was decoded.
    ///
    /// When the strict decoder refuses it, the lenient path ([`crate::lenient`]) reads it
    /// field by field; what deviates from DER or RFC 5280 is kept as [`Cert::deviations`],
    /// reported as lint findings, and the strict decoder's error is kept too.
    pub fn from_der(der: &[u8]) -> Result<Cert, DecodeError> {
        match decode_x509(der) {
            Ok(x509) => Self::strict(der, x509),
            Err(error) => Self::lenient(der, error),
        }
    }

    fn strict(der: &[u8], x509: X509) -> Result<Cert, DecodeError> {
        // The signed bytes exactly as they came, sliced rather than re-encoded: the first
        // element inside the outer SEQUENCE.
        let tbs_der = der::SliceReader::new(der)
            .and_then(|mut reader| {
                reader.sequence(|inner| {
                    let tbs = inner.tlv_bytes()?;
                    // signatureAlgorithm and signatureValue: decoded above, skipped here.
                    inner.read_slice(inner.remaining_len())?;
                    Ok(tbs)
                })
            })
            .map_err(|e| DecodeError::from_der("tbsCertificate", der.len(), e))?
            .to_vec();
        Ok(Cert {
            der: der.to_vec(),
            x509,
            tbs_der,
            lenient: None,
            lazy: Lazy::default(),
            aux_trust: None,
        })
    }

    fn lenient(der: &[u8], strict_error: DecodeError) -> Result<Cert, DecodeError> {
        let Some(repaired) = crate::lenient::repair(der, Shape::Certificate) else {
            return Err(strict_error);
        };
        let Ok(x509) = decode_x509(&repaired.der) else {
            return Err(strict_error);
        };
        let (start, length) = repaired.signed_range;
        let tbs_der = der
            .get(start..start.saturating_add(length))
            .unwrap_or_default()
            .to_vec();
        Ok(Cert {
            der: der.to_vec(),
            x509,
            tbs_der,
            lenient: Some(Box::new(Lenient::new(strict_error, repaired))),
            aux_trust: None,
            lazy: Lazy::default(),
        })
    }

    /// Where the certificate departs from DER or RFC 5280 in ways the strict decoder refused
    /// and the lenient path read (empty for a certificate the strict decoder reads).
    pub fn deviations(&self) -> &[Deviation] {
        self.lenient
            .as_ref()
            .map_or(&[], |lenient| lenient.deviations.as_slice())
    }

    /// The strict decoder's error, when it refused the certificate and the lenient path read
    /// it.
    pub fn strict_error(&self) -> Option<&DecodeError> {
        self.lenient.as_ref().map(|lenient| &lenient.strict_error)
    }

    /// The exact value of a time the decoded form cannot hold (before 1970, decoded as
    /// 1970-01-01T00:00:00Z), by field path: `tbsCertificate.validity.notBefore` or
    /// `tbsCertificate.validity.notAfter`.
    pub fn exact_time(&self, field: &str) -> Option<&ExactTime> {
        self.lenient
            .as_ref()
            .and_then(|lenient| lenient.exact_time(field))
    }

    /// The version number as written (`0` for v1), when it is one the decoded form cannot
    /// hold.
    pub fn version_as_written(&self) -> Option<i64> {
        self.lenient.as_ref().and_then(|lenient| lenient.version)
    }

    /// The cached outcome of [`crate::signature::verify_self_signed`].
    pub(crate) fn self_signature_cell(&self) -> &OnceLock<Result<Verified, SignatureError>> {
        &self.lazy.self_signature
    }

    /// What the chain checks, the lints, the roles, the purposes and the report read of the
    /// certificate, each computed on first use and kept here.
    pub(crate) fn facts(&self) -> crate::facts::CertFacts<'_> {
        crate::facts::CertFacts::new(self, self.lazy.facts.get_or_init(Box::default))
    }

    /// The cached decode of the certificate's public key.
    pub(crate) fn public_key_cell(&self) -> &OnceLock<Result<PublicKey, SignatureError>> {
        &self.lazy.public_key
    }

    /// OpenSSL's trust and reject settings, when the certificate came as a `-----BEGIN
    /// TRUSTED CERTIFICATE-----` block: path validation honours them in every profile.
    pub fn aux_trust(&self) -> Option<&crate::trust::AuxTrust> {
        self.aux_trust.as_ref()
    }

    /// Attaches OpenSSL's trust and reject settings (what a `TRUSTED CERTIFICATE` block
    /// carries after the certificate).
    pub fn set_aux_trust(&mut self, aux_trust: Option<crate::trust::AuxTrust>) {
        self.aux_trust = aux_trust;
    }

    /// The certificate's DER exactly as it was found.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The decoded certificate.
    pub fn x509(&self) -> &X509 {
        &self.x509
    }

    /// The DER of the `tbsCertificate`, the bytes the issuer signed.
    ///
    /// A slice of the original DER, not a re-encoding of the parse.
    pub fn tbs_der(&self) -> &[u8] {
        &self.tbs_der
    }

    /// The DER of the `subjectPublicKeyInfo`.
    pub fn spki_der(&self) -> &[u8] {
        self.lazy.spki_der.get_or_init(|| {
            // Re-encoding a decoded SubjectPublicKeyInfo cannot fail: it is made of values
            // that were just decoded from DER.
            self.x509
                .tbs_certificate()
                .subject_public_key_info()
                .to_der()
                .unwrap_or_default()
        })
    }

    /// SHA-256 of the whole DER.
    pub fn sha256(&self) -> &[u8; 32] {
        self.lazy
            .sha256
            .get_or_init(|| Sha256::digest(&self.der).into())
    }

    /// SHA-1 of the whole DER.
    pub fn sha1(&self) -> &[u8; 20] {
        self.lazy
            .sha1
            .get_or_init(|| Sha1::digest(&self.der).into())
    }

    /// SHA-256 of the `subjectPublicKeyInfo` DER: the SPKI pin (HPKP, pinning configs).
    pub fn spki_sha256(&self) -> &[u8; 32] {
        self.lazy
            .spki_sha256
            .get_or_init(|| Sha256::digest(self.spki_der()).into())
    }

    /// The SPKI pin as base64, the form pinning configurations use.
    pub fn spki_pin_base64(&self) -> String {
        use base64ct::Encoding;
        base64ct::Base64::encode_string(self.spki_sha256())
    }
}

/// Lowercase hex without separators.
pub fn hex(bytes: &[u8]) -> String {
    base16ct::lower::encode_string(bytes)
}

/// Number of significant bits in a big-endian unsigned integer (key sizes, RSA moduli).
pub(crate) fn bit_length(bytes: &[u8]) -> u32 {
    let skip = bytes.iter().take_while(|&&b| b == 0).count();
    let rest = bytes.get(skip..).unwrap_or_default();
    match rest.first() {
        None => 0,
        Some(first) => {
            let whole = u32::try_from(rest.len())
                .unwrap_or(u32::MAX / 8)
                .saturating_sub(1)
                .saturating_mul(8);
            whole.saturating_add(8 - first.leading_zeros())
        }
    }
}
