//! Revocation from CRLs the caller supplies (RFC 5280 5 and 6.3). certscope never fetches a
//! CRL and does no OCSP.
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
use x509_cert::ext::pkix::KeyUsages;

use super::{names, ChainError};
use crate::cert::Cert;
use crate::time::UnixTime;

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
}

/// The CRL id-ce-cRLNumber extension (RFC 5280 5.2.3).
const CRL_NUMBER: der::asn1::ObjectIdentifier =
    der::asn1::ObjectIdentifier::new_unwrap("2.5.29.20");
/// The CRL entry id-ce-cRLReasons extension (RFC 5280 5.3.1).
const CRL_REASON: der::asn1::ObjectIdentifier =
    der::asn1::ObjectIdentifier::new_unwrap("2.5.29.21");
/// CRL extensions certscope understands (RFC 5280 5.2).
const KNOWN_CRL_EXTENSIONS: &[&str] = &["2.5.29.20", "2.5.29.35", "2.5.29.18", "2.5.29.28"];

/// Checks `cert` (issued by `issuer`) against the supplied CRLs. `Ok(Some(text))` when a CRL in
/// scope was consulted and the certificate is not on it, `Ok(None)` when no CRL is in scope.
pub fn check(
    cert: &Cert,
    issuer: &Cert,
    crls: &[Crl],
    time: UnixTime,
) -> Result<Option<String>, ChainError> {
    let mut consulted = None;
    for crl in crls {
        let tbs = &crl.list.tbs_cert_list;
        if !names::names_match(&tbs.issuer, cert.x509().tbs_certificate().issuer()) {
            continue;
        }
        let issuer_key = issuer.x509().tbs_certificate().subject_public_key_info();
        if crate::signature::verify(
            &crl.list.signature_algorithm,
            &crl.tbs_der,
            &crl.list.signature,
            issuer_key,
        )
        .is_err()
        {
            // Same name, different key: a CRL from another CA, out of scope.
            continue;
        }
        let unusable = |problem: String| Err(ChainError::CrlUnusable { problem });
        if let Some(usage) = crate::ext::key_usage(issuer) {
            if !usage.0.contains(KeyUsages::CRLSign) {
                return unusable(
                    "the CRL issuer's keyUsage lacks cRLSign (RFC 5280 4.2.1.3)".to_string(),
                );
            }
        }
        let extensions = tbs.crl_extensions.as_deref().unwrap_or_default();
        match extensions.iter().find(|e| e.extn_id == CRL_NUMBER) {
            None => return unusable("the CRL has no cRLNumber (RFC 5280 5.2.3)".to_string()),
            Some(e) if e.critical => {
                return unusable("the cRLNumber is critical (RFC 5280 5.2.3)".to_string())
            }
            Some(_) => {}
        }
        if let Some(e) = extensions
            .iter()
            .find(|e| e.critical && !KNOWN_CRL_EXTENSIONS.contains(&e.extn_id.to_string().as_str()))
        {
            return unusable(format!("unknown critical CRL extension {}", e.extn_id));
        }
        let this_update = UnixTime(tbs.this_update.to_unix_duration().as_secs());
        if this_update > time {
            return unusable("the CRL's thisUpdate is after the validation time".to_string());
        }
        if let Some(next) = tbs.next_update {
            if UnixTime(next.to_unix_duration().as_secs()) < time {
                return unusable("the CRL's nextUpdate has passed".to_string());
            }
        }
        let serial = cert.x509().tbs_certificate().serial_number().as_bytes();
        for revoked in tbs.revoked_certificates.as_deref().unwrap_or_default() {
            if revoked.serial_number.as_bytes() == serial {
                let reason = revoked
                    .crl_entry_extensions
                    .as_deref()
                    .unwrap_or_default()
                    .iter()
                    .find(|e| e.extn_id == CRL_REASON)
                    .and_then(|e| e.extn_value.as_bytes().last().copied())
                    .map(|code| reason_name(code).unwrap_or("unknown reason code"))
                    .unwrap_or("unspecified");
                return Err(ChainError::Revoked {
                    problem: format!(
                        "serial {} is on the CRL of {} (reason: {reason})",
                        crate::cert::hex(serial),
                        crate::name::rfc4514(&tbs.issuer)
                    ),
                });
            }
        }
        consulted = Some(format!(
            "not on the CRL of {} ({} entries)",
            crate::name::rfc4514(&tbs.issuer),
            tbs.revoked_certificates.as_ref().map_or(0, Vec::len)
        ));
    }
    Ok(consulted)
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
