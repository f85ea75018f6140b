//! Certificate revocation lists: issuer, update times, revoked serials, extensions, and
//! whether a given certificate signed the list.

use x509_cert::certificate::Raw;
use x509_cert::crl::CertificateList;

use super::der::{decode_located, read_exact};
use super::verify::{verify, SignatureCheck};
use crate::cert::Cert;
use crate::decode::DecodeError;
use crate::lenient::{Deviation, ExactTime, Lenient, Shape};

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
    /// What the lenient path found, when the strict decoder refused the list.
    lenient: Option<Box<Lenient>>,
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

/// The strict decoder, with a v1 list's omitted version supplied.
fn strict(der: &[u8]) -> Result<X509Crl, DecodeError> {
    let structure = "CRL";
    match decode_located(der, structure) {
        Ok(list) => Ok(list),
        Err(error) => {
            let outer = read_exact(der, 0, structure).map_err(|_| error.clone())?;
            let elements = outer.children(structure).map_err(|_| error.clone())?;
            match version_one(&elements) {
                Some(with_version) => decode_located(&with_version, structure).map_err(|_| error),
                None => Err(error),
            }
        }
    }
}

impl Crl {
    /// Decodes a DER CRL.
    ///
    /// When the strict decoder refuses it, the lenient path ([`crate::lenient`]) reads it
    /// field by field; what deviates from DER or RFC 5280 is kept as [`Crl::deviations`] and
    /// reported as lint findings.
    pub fn from_der(der: &[u8]) -> Result<Crl, DecodeError> {
        let structure = "CRL";
        let outer = read_exact(der, 0, structure)?;
        let tbs = outer.children(structure)?;
        let tbs_range = tbs
            .first()
            .map(|t| (t.offset, t.offset + t.whole.len()))
            .unwrap_or_default();
        let (list, lenient) = match strict(der) {
            Ok(list) => (list, None),
            Err(error) => {
                let Some(repaired) = crate::lenient::repair(der, Shape::Crl) else {
                    return Err(error);
                };
                let Ok(list) = strict(&repaired.der) else {
                    return Err(error);
                };
                (list, Some(Box::new(Lenient::new(error, repaired))))
            }
        };
        Ok(Crl {
            der: der.to_vec(),
            tbs_range,
            list,
            lenient,
        })
    }

    /// Where the list departs from DER or RFC 5280 in ways the strict decoder refused and the
    /// lenient path read (empty for a list the strict decoder reads).
    pub fn deviations(&self) -> &[Deviation] {
        self.lenient
            .as_ref()
            .map_or(&[], |lenient| lenient.deviations.as_slice())
    }

    /// The strict decoder's error, when it refused the list and the lenient path read it.
    pub fn strict_error(&self) -> Option<&DecodeError> {
        self.lenient.as_ref().map(|lenient| &lenient.strict_error)
    }

    /// The exact value of a time the decoded form cannot hold (before 1970), by field path:
    /// `tbsCertList.thisUpdate`, `tbsCertList.revokedCertificates[0].revocationDate`...
    pub fn exact_time(&self, field: &str) -> Option<&ExactTime> {
        self.lenient
            .as_ref()
            .and_then(|lenient| lenient.exact_time(field))
    }

    /// The version number as written (`1` for v2), when it is one the decoded form cannot
    /// hold.
    pub fn version_as_written(&self) -> Option<i64> {
        self.lenient.as_ref().and_then(|lenient| lenient.version)
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
