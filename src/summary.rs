//! A certificate's essentials, read straight from the decode: subject, issuer, serial,
//! validity, key, subject alternative names, extended key usage and whether it is a CA.
//!
//! This is the quick look (a certificate list, a picker, a table of a bag's contents): no
//! fingerprint is hashed, no signature checked, no role, purpose or lint computed. The same
//! fields, with their evidence and everything else, are in [`crate::analyze`]'s report; the
//! texts are the same (RFC 4514 names, RFC 3339 times, registry names for OIDs).

use const_oid::db::rfc5280;
use der::Decode;
use x509_cert::ext::pkix::{BasicConstraints, ExtendedKeyUsage};

use crate::cert::{Cert, X509};
use crate::decode::DecodeError;
use crate::{name, oid};

/// The essentials of one certificate, read straight from the decode (no hashing, signature
/// checks, roles or lints); the same texts as the report's fields of the same names.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary {
    /// The subject as an RFC 4514 string.
    pub subject: String,
    /// The issuer as an RFC 4514 string.
    pub issuer: String,
    /// The serial number, lowercase hex of its DER content octets.
    pub serial_hex: String,
    /// Start of the validity period, RFC 3339 UTC.
    pub not_before: String,
    /// End of the validity period, RFC 3339 UTC.
    pub not_after: String,
    /// The subject key's algorithm by short registry name (`RSA`, `EC`, `Ed25519`), as in the
    /// report's `public_key.algorithm`.
    pub key_algorithm: String,
    /// The key size in bits: the RSA modulus length, the EC field size, 256 for Ed25519.
    pub key_bits: Option<u32>,
    /// The named curve of an EC key (`P-256`).
    pub curve: Option<String>,
    /// The certificate's signature algorithm by registry name (`sha256WithRSAEncryption`).
    pub signature_algorithm: String,
    /// The subject alternative names, each as `TYPE:value` (`DNS:example.com`,
    /// `IP Address:192.0.2.1`, `email:a@example.com`, `URI:...`), in the certificate's order.
    /// Empty when the extension is absent.
    pub subject_alt_names: Vec<String>,
    /// The extended key usage purposes by registry name (`serverAuth`), or `None` when the
    /// extension is absent (which means any purpose, RFC 5280 4.2.1.12).
    pub extended_key_usage: Option<Vec<String>>,
    /// basicConstraints cA is TRUE.
    pub is_ca: bool,
    /// Extensions present but not readable (their registry names): the summary leaves their
    /// value out rather than fail; [`crate::analyze`] says what is wrong with them.
    pub unreadable_extensions: Vec<String>,
}

/// Decodes one DER certificate and reads its [`Summary`].
///
/// ```
/// let pem = std::fs::read("tests/data/report/real/google.com.pem").unwrap();
/// let parsed = certscope::parse_input(&pem, &Default::default()).unwrap();
/// let leaf = parsed.certificates().next().unwrap();
/// let summary = certscope::summarize(leaf.der()).unwrap();
/// assert_eq!(summary, certscope::Summary::of(leaf));
/// assert!(summary.subject_alt_names.contains(&"DNS:*.google.com".to_string()));
/// assert_eq!(summary.extended_key_usage, Some(vec!["serverAuth".to_string()]));
/// assert!(!summary.is_ca);
/// ```
pub fn summarize(der: &[u8]) -> Result<Summary, DecodeError> {
    match crate::cert::decode_x509(der) {
        Ok(x509) => Ok(Summary::of_x509(&x509)),
        // What the strict decoder refuses, the lenient path reads (see `crate::lenient`).
        Err(_) => Cert::from_der(der).map(|cert| Summary::of(&cert)),
    }
}

impl Summary {
    /// The summary of a certificate already decoded.
    pub fn of(cert: &Cert) -> Summary {
        let mut summary = Summary::of_x509(cert.x509());
        if let Some(time) = cert.exact_time("tbsCertificate.validity.notBefore") {
            summary.not_before.clone_from(&time.text);
        }
        if let Some(time) = cert.exact_time("tbsCertificate.validity.notAfter") {
            summary.not_after.clone_from(&time.text);
        }
        summary
    }

    fn of_x509(x509: &X509) -> Summary {
        let tbs = x509.tbs_certificate();
        let validity = tbs.validity();
        let spki = tbs.subject_public_key_info();
        let key = crate::report::key_description(spki);
        let mut summary = Summary {
            subject: name::rfc4514(tbs.subject()),
            issuer: name::rfc4514(tbs.issuer()),
            serial_hex: crate::cert::hex(tbs.serial_number().as_bytes()),
            not_before: validity.not_before.to_date_time().to_string(),
            not_after: validity.not_after.to_date_time().to_string(),
            key_algorithm: key.algorithm,
            key_bits: key.bits,
            curve: key.curve,
            signature_algorithm: oid::name(&x509.signature_algorithm().oid),
            subject_alt_names: Vec::new(),
            extended_key_usage: None,
            is_ca: false,
            unreadable_extensions: Vec::new(),
        };
        for extension in tbs.extensions().into_iter().flatten() {
            let value = extension.extn_value.as_bytes();
            let readable = match extension.extn_id {
                rfc5280::ID_CE_SUBJECT_ALT_NAME => name::general_names(value)
                    .map(|names| {
                        summary.subject_alt_names = names.iter().map(|n| n.display()).collect();
                    })
                    .is_ok(),
                rfc5280::ID_CE_EXT_KEY_USAGE => ExtendedKeyUsage::from_der(value)
                    .map(|eku| {
                        summary.extended_key_usage =
                            Some(eku.0.iter().map(oid::short_name).collect());
                    })
                    .is_ok(),
                rfc5280::ID_CE_BASIC_CONSTRAINTS => BasicConstraints::from_der(value)
                    .map(|bc| summary.is_ca = bc.ca)
                    .is_ok(),
                _ => true,
            };
            if !readable {
                summary
                    .unreadable_extensions
                    .push(oid::short_name(&extension.extn_id));
            }
        }
        summary
    }
}
