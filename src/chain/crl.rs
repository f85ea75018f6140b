//! CRLs the caller supplies (RFC 5280 5): decoding and reading them; what they say about a
//! path is [`super::revocation`]. certscope never fetches a CRL and does no OCSP.
//!
//! ```text
//! CertificateList  ::=  SEQUENCE  {
//!      tbsCertList          TBSCertList,
//!      signatureAlgorithm   AlgorithmIdentifier,
//!      signatureValue       BIT STRING  }
//! ```
//! ([RFC 5280 5.1](https://www.rfc-editor.org/rfc/rfc5280#section-5.1))

use der::{Decode, Encode};
use x509_cert::certificate::Raw;
use x509_cert::crl::CertificateList;

/// A decoded CRL with the DER of its signed part.
#[derive(Clone, Debug)]
pub struct Crl {
    list: CertificateList<Raw>,
    tbs_der: Vec<u8>,
}

impl Crl {
    /// Decodes a DER CRL.
    pub fn from_der(der: &[u8]) -> Result<Crl, crate::decode::DecodeError> {
        let list = CertificateList::<Raw>::from_der(der)
            .map_err(|e| crate::decode::DecodeError::from_der("CertificateList", der.len(), e))?;
        let tbs_der = list
            .tbs_cert_list
            .to_der()
            .map_err(|e| crate::decode::DecodeError::from_der("TBSCertList", der.len(), e))?;
        Ok(Crl { list, tbs_der })
    }

    /// The decoded CRL.
    pub fn list(&self) -> &CertificateList<Raw> {
        &self.list
    }

    /// The DER of `tbsCertList`, the part the signature covers.
    pub fn tbs_der(&self) -> &[u8] {
        &self.tbs_der
    }
}

/// CRLReason names (RFC 5280 5.3.1); `None` for a code the RFC does not define.
pub(crate) fn reason_name(code: u8) -> Option<&'static str> {
    Some(match code {
        0 => "unspecified",
        1 => "keyCompromise",
        2 => "cACompromise",
        3 => "affiliationChanged",
        4 => "superseded",
        5 => "cessationOfOperation",
        6 => "certificateHold",
        8 => "removeFromCRL",
        9 => "privilegeWithdrawn",
        10 => "aACompromise",
        _ => return None,
    })
}

/// Reads CRLs from PEM (`X509 CRL` blocks) or a single DER CRL, as the caller pastes them.
pub fn read_crls(input: &[u8]) -> Result<Vec<Vec<u8>>, crate::decode::DecodeError> {
    let text = std::str::from_utf8(input)
        .ok()
        .filter(|t| t.contains("-----BEGIN"));
    let Some(text) = text else {
        Crl::from_der(input)?;
        return Ok(vec![input.to_vec()]);
    };
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN X509 CRL-----") {
        let block = rest.get(start..).unwrap_or_default();
        let end_marker = "-----END X509 CRL-----";
        let Some(end) = block.find(end_marker) else {
            break;
        };
        let pem = block.get(..end + end_marker.len()).unwrap_or_default();
        let (_, der) = der::pem::decode_vec(pem.as_bytes()).map_err(|e| {
            crate::decode::DecodeError::new("X509 CRL PEM", None, pem.len(), e.to_string())
        })?;
        Crl::from_der(&der)?;
        out.push(der);
        rest = block.get(end + end_marker.len()..).unwrap_or_default();
    }
    Ok(out)
}
