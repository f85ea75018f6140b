//! Certificate revocation lists: issuer, update times, revoked serials, extensions, and
//! whether a given certificate signed the list.

use x509_cert::certificate::Raw;
use x509_cert::crl::CertificateList;

use super::der::{decode_located, read_exact};
use super::verify::{verify, SignatureCheck};
use crate::cert::Cert;
use crate::decode::DecodeError;

/// The parsed form of a CRL, with x509-cert's lenient [`Raw`] profile so that a revoked serial
/// longer than 20 octets is shown rather than rejected.
pub type X509Crl = CertificateList<Raw>;

/// A CRL as found in the input.
///
/// ```text
/// CertificateList  ::=  SEQUENCE  {
///      tbsCertList          TBSCertList,
///      signatureAlgorithm   AlgorithmIdentifier,
///      signatureValue       BIT STRING  }
/// ```
/// ([RFC 5280 5.1](https://www.rfc-editor.org/rfc/rfc5280#section-5.1))
#[derive(Clone, Debug)]
pub struct Crl {
    der: Vec<u8>,
    tbs_range: (usize, usize),
    list: X509Crl,
}

/// A v1 CRL omits `version`, which the decoder requires; this re-encodes the list with an
/// explicit v1 so it can be shown. The original DER is kept for the signature and fingerprints.
fn version_one(elements: &[super::der::Tlv<'_>]) -> Option<Vec<u8>> {
    let (tbs, rest) = elements.split_first()?;
    let tbs_fields = tbs.children("CRL").ok()?;
    if tbs_fields.first()?.tag != super::der::tag::SEQUENCE {
        return None;
    }
    let mut content = vec![super::der::tag::INTEGER, 0x01, 0x00];
    content.extend_from_slice(tbs.content);
    let mut list = super::der::encode(tbs.tag, &content);
    for element in rest {
        list.extend_from_slice(element.whole);
    }
    Some(super::der::encode(super::der::tag::SEQUENCE, &list))
}

impl Crl {
    /// Decodes a DER CRL.
    pub fn from_der(der: &[u8]) -> Result<Crl, DecodeError> {
        let structure = "CRL";
        let outer = read_exact(der, 0, structure)?;
        let tbs = outer.children(structure)?;
        let list: X509Crl = match decode_located(der, structure) {
            Ok(list) => list,
            Err(error) => match version_one(&tbs) {
                Some(with_version) => {
                    decode_located(&with_version, structure).map_err(|_| error)?
                }
                None => return Err(error),
            },
        };
        let tbs_range = tbs
            .first()
            .map(|t| (t.offset, t.offset + t.whole.len()))
            .unwrap_or_default();
        Ok(Crl {
            der: der.to_vec(),
            tbs_range,
            list,
        })
    }

    /// The CRL's DER exactly as found.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The decoded CRL.
    pub fn list(&self) -> &X509Crl {
        &self.list
    }

    /// The `tbsCertList` bytes, as signed.
    pub fn tbs_der(&self) -> &[u8] {
        self.der
            .get(self.tbs_range.0..self.tbs_range.1)
            .unwrap_or_default()
    }

    /// Whether `issuer`'s public key verifies the CRL's signature (RFC 5280 6.3.3 (f), (g)).
    /// Names are not compared here: the caller picks the candidate.
    pub fn signed_by(&self, issuer: &Cert) -> SignatureCheck {
        verify(
            issuer.spki_der(),
            &self.list.signature_algorithm,
            self.tbs_der(),
            &self.list.signature,
        )
    }
}
