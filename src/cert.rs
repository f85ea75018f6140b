//! An owned certificate: the lenient parse, the original DER, and its fingerprints.

use der::{Decode, Encode, Reader};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use x509_cert::certificate::{CertificateInner, Raw};

use crate::decode::DecodeError;

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
    spki_der: Vec<u8>,
    sha256: [u8; 32],
    sha1: [u8; 20],
    spki_sha256: [u8; 32],
    /// The outcome of checking the signature with the certificate's own key, computed once:
    /// roles, the report's flags, lints and path validation all ask for it.
    self_signature:
        std::sync::OnceLock<Result<crate::signature::Verified, crate::signature::SignatureError>>,
}

impl Cert {
    /// Decodes a DER certificate. The DER must be exactly one certificate: trailing bytes are
    /// an error, so the fingerprint always covers what was decoded.
    pub fn from_der(der: &[u8]) -> Result<Cert, DecodeError> {
        let x509 =
            X509::from_der(der).map_err(|e| DecodeError::from_der("certificate", der.len(), e))?;
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
        let spki_der = x509
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .map_err(|e| DecodeError::from_der("subjectPublicKeyInfo", der.len(), e))?;
        let sha256 = Sha256::digest(der).into();
        let sha1 = Sha1::digest(der).into();
        let spki_sha256 = Sha256::digest(&spki_der).into();
        Ok(Cert {
            der: der.to_vec(),
            x509,
            tbs_der,
            spki_der,
            sha256,
            sha1,
            spki_sha256,
            self_signature: std::sync::OnceLock::new(),
        })
    }

    /// The cached outcome of [`crate::signature::verify_self_signed`].
    pub(crate) fn self_signature_cell(
        &self,
    ) -> &std::sync::OnceLock<Result<crate::signature::Verified, crate::signature::SignatureError>>
    {
        &self.self_signature
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
        &self.spki_der
    }

    /// SHA-256 of the whole DER.
    pub fn sha256(&self) -> &[u8; 32] {
        &self.sha256
    }

    /// SHA-1 of the whole DER.
    pub fn sha1(&self) -> &[u8; 20] {
        &self.sha1
    }

    /// SHA-256 of the `subjectPublicKeyInfo` DER: the SPKI pin (HPKP, pinning configs).
    pub fn spki_sha256(&self) -> &[u8; 32] {
        &self.spki_sha256
    }

    /// The SPKI pin as base64, the form pinning configurations use.
    pub fn spki_pin_base64(&self) -> String {
        use base64ct::Encoding;
        base64ct::Base64::encode_string(&self.spki_sha256)
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
