//! OpenSSL-compatible certificate purposes: what `openssl x509 -purpose` (OpenSSL 3.0's
//! `X509_check_purpose`) answers for a certificate, as an end entity and as a CA, with the
//! reason in words.
//!
//! The logic mirrors OpenSSL 3.0 `crypto/x509/v3_purp.c` step by step, quirks included:
//! - the extensions are first cached (`ossl_x509v3_cache_extensions`); a malformed or
//!   duplicated basicConstraints, keyUsage, extendedKeyUsage, nsCertType, subjectKeyIdentifier,
//!   authorityKeyIdentifier, subjectAltName, nameConstraints or cRLDistributionPoints, an empty
//!   keyUsage or a negative pathLenConstraint marks the certificate invalid, and every purpose
//!   then answers `-1` (printed by `openssl x509 -purpose` as "Yes (WARNING code=-1)");
//! - `check_ca()` accepts, without basicConstraints, a version 1 self-signed certificate
//!   (code 3), any certificate with a keyUsage that has keyCertSign (code 4), and a certificate
//!   whose Netscape cert type has a CA bit (code 5);
//! - an extendedKeyUsage, when present, must list the purpose's key purpose
//!   (anyExtendedKeyUsage does not count); a keyUsage, when present, must have the purpose's
//!   bits; a Netscape cert type, when present, must have the purpose's bit.
//!
//! "Self-signed" is OpenSSL's heuristic too: subject equal to issuer, the authority key
//! identifier (if any) matching the certificate's own key identifier, serial and issuer, and the
//! signature algorithm matching the key's algorithm; the signature itself is not verified.
//! Names are compared in OpenSSL's canonical form (case and white space folded, string types
//! unified), see [`names_equal`].

use der::asn1::{BitStringRef, ObjectIdentifier};
use der::{Decode, Reader, SliceReader, Tagged};
use x509_cert::ext::pkix::name::GeneralName;

use crate::cert::Cert;
use crate::ext::{
    self, AuthorityKeyIdentifier, CrlDistributionPoints, ExtendedKeyUsage, Lookup, NameConstraints,
    SubjectKeyIdentifier,
};
use crate::oid;

/// One OpenSSL purpose and the answers for this certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Purpose {
    /// OpenSSL's short name: `sslclient`, `sslserver`, `nssslserver`, `smimesign`,
    /// `smimeencrypt`, `crlsign`, `any`, `ocsphelper`, `timestampsign`.
    pub id: String,
    /// OpenSSL's display name, e.g. `SSL client`.
    pub name: String,
    /// Whether the certificate passes as an end entity: OpenSSL answers 1 or a warning code
    /// (2 to 5) and prints "Yes". `false` for code -1 (invalid extensions), which
    /// `openssl x509 -purpose` prints as "Yes (WARNING code=-1)" although nothing passes.
    pub leaf: bool,
    /// Whether the certificate passes as a CA for this purpose (same rule as `leaf`).
    pub ca: bool,
    /// OpenSSL's return code as an end entity: 1 yes, 0 no, 2 to 5 yes with a warning code,
    /// -1 the certificate's extensions are invalid.
    pub leaf_code: i32,
    /// OpenSSL's return code as a CA (same meaning).
    pub ca_code: i32,
    /// Why, in words.
    pub why: PurposeWhy,
}

/// The reasons behind one purpose's two answers.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PurposeWhy {
    /// Why the end-entity answer is what it is.
    pub leaf: String,
    /// Why the CA answer is what it is.
    pub ca: String,
}

/// OpenSSL's purposes, in `X509_PURPOSE` table order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PurposeId {
    /// `X509_PURPOSE_SSL_CLIENT`, "SSL client".
    SslClient,
    /// `X509_PURPOSE_SSL_SERVER`, "SSL server".
    SslServer,
    /// `X509_PURPOSE_NS_SSL_SERVER`, "Netscape SSL server".
    NsSslServer,
    /// `X509_PURPOSE_SMIME_SIGN`, "S/MIME signing".
    SmimeSign,
    /// `X509_PURPOSE_SMIME_ENCRYPT`, "S/MIME encryption".
    SmimeEncrypt,
    /// `X509_PURPOSE_CRL_SIGN`, "CRL signing".
    CrlSign,
    /// `X509_PURPOSE_ANY`, "Any Purpose".
    Any,
    /// `X509_PURPOSE_OCSP_HELPER`, "OCSP helper".
    OcspHelper,
    /// `X509_PURPOSE_TIMESTAMP_SIGN`, "Time Stamp signing".
    TimestampSign,
}

impl PurposeId {
    /// Every purpose, in OpenSSL's table order.
    pub const ALL: [PurposeId; 9] = [
        PurposeId::SslClient,
        PurposeId::SslServer,
        PurposeId::NsSslServer,
        PurposeId::SmimeSign,
        PurposeId::SmimeEncrypt,
        PurposeId::CrlSign,
        PurposeId::Any,
        PurposeId::OcspHelper,
        PurposeId::TimestampSign,
    ];

    /// OpenSSL's short name (`openssl verify -purpose` takes it).
    pub fn short_name(self) -> &'static str {
        match self {
            PurposeId::SslClient => "sslclient",
            PurposeId::SslServer => "sslserver",
            PurposeId::NsSslServer => "nssslserver",
            PurposeId::SmimeSign => "smimesign",
            PurposeId::SmimeEncrypt => "smimeencrypt",
            PurposeId::CrlSign => "crlsign",
            PurposeId::Any => "any",
            PurposeId::OcspHelper => "ocsphelper",
            PurposeId::TimestampSign => "timestampsign",
        }
    }

    /// OpenSSL's display name (what `openssl x509 -purpose` prints).
    pub fn display_name(self) -> &'static str {
        match self {
            PurposeId::SslClient => "SSL client",
            PurposeId::SslServer => "SSL server",
            PurposeId::NsSslServer => "Netscape SSL server",
            PurposeId::SmimeSign => "S/MIME signing",
            PurposeId::SmimeEncrypt => "S/MIME encryption",
            PurposeId::CrlSign => "CRL signing",
            PurposeId::Any => "Any Purpose",
            PurposeId::OcspHelper => "OCSP helper",
            PurposeId::TimestampSign => "Time Stamp signing",
        }
    }
}

/// keyUsage bits as OpenSSL stores them (`ex_kusage`: first content byte, second byte << 8).
pub mod key_usage_bits {
    /// digitalSignature (bit 0).
    pub const DIGITAL_SIGNATURE: u16 = 0x0080;
    /// nonRepudiation / contentCommitment (bit 1).
    pub const NON_REPUDIATION: u16 = 0x0040;
    /// keyEncipherment (bit 2).
    pub const KEY_ENCIPHERMENT: u16 = 0x0020;
    /// dataEncipherment (bit 3).
    pub const DATA_ENCIPHERMENT: u16 = 0x0010;
    /// keyAgreement (bit 4).
    pub const KEY_AGREEMENT: u16 = 0x0008;
    /// keyCertSign (bit 5).
    pub const KEY_CERT_SIGN: u16 = 0x0004;
    /// cRLSign (bit 6).
    pub const CRL_SIGN: u16 = 0x0002;
    /// encipherOnly (bit 7).
    pub const ENCIPHER_ONLY: u16 = 0x0001;
    /// decipherOnly (bit 8).
    pub const DECIPHER_ONLY: u16 = 0x8000;
}

/// extendedKeyUsage purposes as OpenSSL records them (`ex_xkusage`); other OIDs are ignored.
pub mod xku_bits {
    /// id-kp-serverAuth.
    pub const SSL_SERVER: u16 = 0x0001;
    /// id-kp-clientAuth.
    pub const SSL_CLIENT: u16 = 0x0002;
    /// id-kp-emailProtection.
    pub const SMIME: u16 = 0x0004;
    /// id-kp-codeSigning.
    pub const CODE_SIGN: u16 = 0x0008;
    /// Microsoft or Netscape Server Gated Crypto.
    pub const SGC: u16 = 0x0010;
    /// id-kp-OCSPSigning.
    pub const OCSP_SIGN: u16 = 0x0020;
    /// id-kp-timeStamping.
    pub const TIMESTAMP: u16 = 0x0040;
    /// id-kp-dvcs.
    pub const DVCS: u16 = 0x0080;
    /// anyExtendedKeyUsage.
    pub const ANY: u16 = 0x0100;
}

/// Netscape cert type bits (`ex_nscert`, the first content byte).
pub mod ns_bits {
    /// SSL client.
    pub const SSL_CLIENT: u8 = 0x80;
    /// SSL server.
    pub const SSL_SERVER: u8 = 0x40;
    /// S/MIME.
    pub const SMIME: u8 = 0x20;
    /// Object signing.
    pub const OBJECT_SIGNING: u8 = 0x10;
    /// SSL CA.
    pub const SSL_CA: u8 = 0x04;
    /// S/MIME CA.
    pub const SMIME_CA: u8 = 0x02;
    /// Object signing CA.
    pub const OBJECT_SIGNING_CA: u8 = 0x01;
    /// Any of the CA bits.
    pub const ANY_CA: u8 = SSL_CA | SMIME_CA | OBJECT_SIGNING_CA;
}

/// The Netscape certificate type extension (2.16.840.1.113730.1.1).
pub const NETSCAPE_CERT_TYPE: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.16.840.1.113730.1.1");

/// What OpenSSL caches about a certificate before any purpose check (`ex_flags` and friends).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OpensslView {
    /// Why the certificate is invalid for OpenSSL (`EXFLAG_INVALID`); empty when valid.
    pub invalid: Vec<String>,
    /// Version 1 (`EXFLAG_V1`).
    pub version_one: bool,
    /// basicConstraints present (`EXFLAG_BCONS`).
    pub basic_constraints: bool,
    /// basicConstraints cA TRUE (`EXFLAG_CA`).
    pub ca: bool,
    /// keyUsage bits, when the extension is present (`EXFLAG_KUSAGE`, `ex_kusage`).
    pub key_usage: Option<u16>,
    /// Recognised extendedKeyUsage purposes, when present (`EXFLAG_XKUSAGE`, `ex_xkusage`).
    pub extended_key_usage: Option<u16>,
    /// Whether the first extendedKeyUsage extension is critical.
    pub extended_key_usage_critical: bool,
    /// Netscape cert type byte, when present (`EXFLAG_NSCERT`, `ex_nscert`).
    pub netscape_cert_type: Option<u8>,
    /// Subject equals issuer (`EXFLAG_SI`).
    pub self_issued: bool,
    /// OpenSSL's self-signed heuristic (`EXFLAG_SS`).
    pub self_signed: bool,
}

impl OpensslView {
    /// Caches what OpenSSL 3.0's `ossl_x509v3_cache_extensions` caches.
    ///
    /// basicConstraints, keyUsage, the Netscape cert type and subjectAltName are read here as
    /// OpenSSL's own decoders read them, which accept and refuse other encodings than the
    /// decoders of [`crate::ext`]; the other extensions are the certificate's decodes, read
    /// once for everything that asks. The crate keeps this view with the certificate.
    pub fn of(cert: &Cert) -> OpensslView {
        let facts = cert.facts();
        let tbs = cert.x509().tbs_certificate();
        let mut view = OpensslView {
            version_one: matches!(tbs.version(), x509_cert::certificate::Version::V1),
            ..OpensslView::default()
        };

        match basic_constraints(cert) {
            Ok(None) => {}
            Ok(Some(ca)) => {
                view.basic_constraints = true;
                view.ca = ca;
            }
            Err(problem) => view.invalid.push(problem),
        }

        match bit_string_extension(cert, &const_oid::db::rfc5280::ID_CE_KEY_USAGE) {
            Ok(None) => {}
            Ok(Some(bytes)) => {
                let first = bytes.first().copied().unwrap_or(0);
                let second = bytes.get(1).copied().unwrap_or(0);
                let bits = u16::from(first) | (u16::from(second) << 8);
                if bits == 0 {
                    view.invalid
                        .push("keyUsage asserts no bit (RFC 5280 4.2.1.3)".to_owned());
                }
                view.key_usage = Some(bits);
            }
            Err(problem) => view.invalid.push(problem),
        }

        match facts.find::<ExtendedKeyUsage>() {
            Lookup::Absent => {}
            Lookup::Present { value, critical } => {
                view.extended_key_usage = Some(xku_of(&value.0));
                view.extended_key_usage_critical = *critical;
            }
            other => {
                view.extended_key_usage_critical = other.critical().unwrap_or(false);
                view.invalid.push(lookup_problem("extendedKeyUsage", other));
            }
        }

        match bit_string_extension(cert, &NETSCAPE_CERT_TYPE) {
            Ok(None) => {}
            Ok(Some(bytes)) => view.netscape_cert_type = Some(bytes.first().copied().unwrap_or(0)),
            Err(problem) => view.invalid.push(problem),
        }

        let subject_key_id = facts.find::<SubjectKeyIdentifier>();
        if !matches!(subject_key_id, Lookup::Absent | Lookup::Present { .. }) {
            view.invalid
                .push(lookup_problem("subjectKeyIdentifier", subject_key_id));
        }
        let authority_key_id = facts.find::<AuthorityKeyIdentifier>();
        if !matches!(authority_key_id, Lookup::Absent | Lookup::Present { .. }) {
            view.invalid
                .push(lookup_problem("authorityKeyIdentifier", authority_key_id));
        }

        view.self_issued = crate::facts::self_issued_openssl(cert);
        if view.self_issued {
            view.self_signed =
                authority_key_id_matches(cert, authority_key_id.value(), subject_key_id.value())
                    && signature_matches_key(cert);
        }

        if let Err(problem) = subject_alt_name(cert) {
            view.invalid.push(problem);
        }
        let name_constraints = facts.find::<NameConstraints>();
        if !matches!(name_constraints, Lookup::Absent | Lookup::Present { .. }) {
            view.invalid
                .push(lookup_problem("nameConstraints", name_constraints));
        }
        let distribution_points = facts.find::<CrlDistributionPoints>();
        if !matches!(distribution_points, Lookup::Absent | Lookup::Present { .. }) {
            view.invalid
                .push(lookup_problem("cRLDistributionPoints", distribution_points));
        }
        view
    }

    fn key_usage_rejects(&self, wanted: u16) -> bool {
        self.key_usage.is_some_and(|bits| bits & wanted == 0)
    }

    fn xku_rejects(&self, wanted: u16) -> bool {
        self.extended_key_usage
            .is_some_and(|bits| bits & wanted == 0)
    }

    fn ns_rejects(&self, wanted: u8) -> bool {
        self.netscape_cert_type
            .is_some_and(|bits| bits & wanted == 0)
    }

    fn ns_has(&self, wanted: u8) -> bool {
        self.netscape_cert_type
            .is_some_and(|bits| bits & wanted != 0)
    }
}

/// The answers for every purpose, in OpenSSL's order.
///
/// ```
/// let pem = include_str!("../tests/data/roles/device-client.pem");
/// let parsed = certscope::parse_input(pem.as_bytes(), &Default::default()).unwrap();
/// let purposes = certscope::purpose::purposes(parsed.certificates().next().unwrap());
/// let answer = |id: &str| purposes.iter().find(|p| p.id == id).unwrap().leaf;
/// assert!(answer("sslclient"));
/// assert!(!answer("sslserver"));
/// ```
pub fn purposes(cert: &Cert) -> Vec<Purpose> {
    let view = cert.facts().openssl();
    PurposeId::ALL
        .iter()
        .map(|&id| {
            let (leaf_code, leaf_why) = check_purpose(view, id, false);
            let (ca_code, ca_why) = check_purpose(view, id, true);
            Purpose {
                id: id.short_name().to_owned(),
                name: id.display_name().to_owned(),
                leaf: leaf_code > 0,
                ca: ca_code > 0,
                leaf_code,
                ca_code,
                why: PurposeWhy {
                    leaf: leaf_why,
                    ca: ca_why,
                },
            }
        })
        .collect()
}

/// `X509_check_purpose(cert, id, require_ca)`: OpenSSL's return code and the reason.
pub fn check_purpose(view: &OpensslView, id: PurposeId, require_ca: bool) -> (i32, String) {
    if !view.invalid.is_empty() {
        return (
            -1,
            format!(
                "OpenSSL rejects the certificate's extensions before any purpose check ({}); \
                 `openssl x509 -purpose` prints this as \"Yes (WARNING code=-1)\"",
                view.invalid.join("; ")
            ),
        );
    }
    match (id, require_ca) {
        (PurposeId::SslClient, ca) => ssl_client(view, ca),
        (PurposeId::SslServer, ca) => ssl_server(view, ca),
        (PurposeId::NsSslServer, true) => ssl_server(view, true),
        (PurposeId::NsSslServer, false) => {
            let (code, why) = ssl_server(view, false);
            if code == 0 {
                (0, why)
            } else if view.key_usage_rejects(key_usage_bits::KEY_ENCIPHERMENT) {
                (
                    0,
                    "keyUsage lacks keyEncipherment, which Netscape servers required".to_owned(),
                )
            } else {
                (code, format!("{why}; keyEncipherment allowed"))
            }
        }
        (PurposeId::SmimeSign, true) | (PurposeId::SmimeEncrypt, true) => smime(view, true),
        (PurposeId::SmimeSign, false) => {
            let (code, why) = smime(view, false);
            if code == 0 {
                (0, why)
            } else if view.key_usage_rejects(
                key_usage_bits::DIGITAL_SIGNATURE | key_usage_bits::NON_REPUDIATION,
            ) {
                (
                    0,
                    "keyUsage has neither digitalSignature nor nonRepudiation".to_owned(),
                )
            } else {
                (code, why)
            }
        }
        (PurposeId::SmimeEncrypt, false) => {
            let (code, why) = smime(view, false);
            if code == 0 {
                (0, why)
            } else if view.key_usage_rejects(key_usage_bits::KEY_ENCIPHERMENT) {
                (0, "keyUsage lacks keyEncipherment".to_owned())
            } else {
                (code, why)
            }
        }
        (PurposeId::CrlSign, true) => {
            let (code, why) = check_ca(view);
            if code == 2 {
                (0, why)
            } else {
                (code, why)
            }
        }
        (PurposeId::CrlSign, false) => {
            if view.key_usage_rejects(key_usage_bits::CRL_SIGN) {
                (0, "keyUsage lacks cRLSign".to_owned())
            } else {
                (
                    1,
                    key_usage_text(view, "cRLSign allowed")
                        + "; OpenSSL's CRL-signing end-entity check looks at keyUsage only",
                )
            }
        }
        (PurposeId::Any, ca) => (
            1,
            format!(
                "\"Any Purpose\" accepts every certificate{}; it says nothing about TLS, which \
                 checks extendedKeyUsage and keyUsage",
                if ca { " as a CA" } else { "" }
            ),
        ),
        (PurposeId::OcspHelper, true) | (PurposeId::TimestampSign, true) => check_ca(view),
        (PurposeId::OcspHelper, false) => (
            1,
            "OpenSSL accepts any end entity here; the responder is checked by OCSP_basic_verify \
             (id-kp-OCSPSigning, delegation by the CA)"
                .to_owned(),
        ),
        (PurposeId::TimestampSign, false) => timestamp_sign(view),
    }
}

/// OpenSSL's `check_ca()`: 0 not a CA, 1 CA by basicConstraints, 3 version 1 self-signed,
/// 4 keyUsage with keyCertSign and no basicConstraints, 5 Netscape CA type.
pub fn check_ca(view: &OpensslView) -> (i32, String) {
    if view.key_usage_rejects(key_usage_bits::KEY_CERT_SIGN) {
        return (0, "keyUsage lacks keyCertSign".to_owned());
    }
    match (
        view.basic_constraints,
        view.ca,
        view.version_one && view.self_signed,
        view.key_usage.is_some(),
        view.ns_has(ns_bits::ANY_CA),
    ) {
        (true, true, ..) => (1, "basicConstraints cA TRUE".to_owned()),
        (true, false, ..) => (0, "basicConstraints cA FALSE".to_owned()),
        (false, _, true, ..) => (
            3,
            "no basicConstraints, but a version 1 self-signed certificate: OpenSSL accepts it \
             as a root (warning code 3)"
                .to_owned(),
        ),
        (false, _, false, true, _) => (
            4,
            "no basicConstraints, but keyUsage has keyCertSign: OpenSSL tolerates it as a CA \
             (warning code 4)"
                .to_owned(),
        ),
        (false, _, false, false, true) => (
            5,
            "no basicConstraints, but the Netscape cert type has a CA bit (warning code 5)"
                .to_owned(),
        ),
        (false, _, false, false, false) => (
            0,
            "no basicConstraints, and neither a version 1 self-signed certificate, a keyUsage \
             nor a Netscape CA type"
                .to_owned(),
        ),
    }
}

fn ssl_ca(view: &OpensslView) -> (i32, String) {
    let (code, why) = check_ca(view);
    match code {
        0 => (0, why),
        1 => (1, why),
        5 if !view.ns_has(ns_bits::SSL_CA) => (0, format!("{why}, but not the SSL CA bit")),
        // check_ssl_ca() folds the warning codes into a plain yes.
        _ => (
            1,
            format!("{why}; the TLS purposes report it as a plain yes"),
        ),
    }
}

fn ssl_client(view: &OpensslView, require_ca: bool) -> (i32, String) {
    if view.xku_rejects(xku_bits::SSL_CLIENT) {
        return (0, eku_lacks("id-kp-clientAuth"));
    }
    if require_ca {
        return ssl_ca(view);
    }
    if view.key_usage_rejects(key_usage_bits::DIGITAL_SIGNATURE | key_usage_bits::KEY_AGREEMENT) {
        return (
            0,
            "keyUsage has neither digitalSignature nor keyAgreement".to_owned(),
        );
    }
    if view.ns_rejects(ns_bits::SSL_CLIENT) {
        return (0, "the Netscape cert type lacks SSL client".to_owned());
    }
    (1, leaf_yes(view, "id-kp-clientAuth"))
}

fn ssl_server(view: &OpensslView, require_ca: bool) -> (i32, String) {
    if view.xku_rejects(xku_bits::SSL_SERVER | xku_bits::SGC) {
        return (
            0,
            "extendedKeyUsage lists neither id-kp-serverAuth nor Server Gated Crypto".to_owned(),
        );
    }
    if require_ca {
        return ssl_ca(view);
    }
    if view.ns_rejects(ns_bits::SSL_SERVER) {
        return (0, "the Netscape cert type lacks SSL server".to_owned());
    }
    if view.key_usage_rejects(
        key_usage_bits::DIGITAL_SIGNATURE
            | key_usage_bits::KEY_ENCIPHERMENT
            | key_usage_bits::KEY_AGREEMENT,
    ) {
        return (
            0,
            "keyUsage has none of digitalSignature, keyEncipherment, keyAgreement".to_owned(),
        );
    }
    (1, leaf_yes(view, "id-kp-serverAuth"))
}

fn smime(view: &OpensslView, require_ca: bool) -> (i32, String) {
    if view.xku_rejects(xku_bits::SMIME) {
        return (0, eku_lacks("id-kp-emailProtection"));
    }
    if require_ca {
        let (code, why) = check_ca(view);
        return if code == 0 {
            (0, why)
        } else if code != 5 || view.ns_has(ns_bits::SMIME_CA) {
            (code, why)
        } else {
            (0, format!("{why}, but not the S/MIME CA bit"))
        };
    }
    match view.netscape_cert_type {
        Some(bits) if bits & ns_bits::SMIME != 0 => (1, leaf_yes(view, "id-kp-emailProtection")),
        Some(bits) if bits & ns_bits::SSL_CLIENT != 0 => (
            2,
            "the Netscape cert type has SSL client but not S/MIME: OpenSSL accepts it as a \
             workaround for old certificates (warning code 2)"
                .to_owned(),
        ),
        Some(_) => (0, "the Netscape cert type lacks S/MIME".to_owned()),
        None => (1, leaf_yes(view, "id-kp-emailProtection")),
    }
}

fn timestamp_sign(view: &OpensslView) -> (i32, String) {
    let signing = key_usage_bits::DIGITAL_SIGNATURE | key_usage_bits::NON_REPUDIATION;
    if let Some(bits) = view.key_usage {
        if bits & !signing != 0 || bits & signing == 0 {
            return (
                0,
                "keyUsage must be digitalSignature and/or nonRepudiation and nothing else \
                 (RFC 3161 2.3)"
                    .to_owned(),
            );
        }
    }
    match view.extended_key_usage {
        None => (
            0,
            "no extendedKeyUsage: a time-stamping certificate needs id-kp-timeStamping \
             (RFC 3161 2.3)"
                .to_owned(),
        ),
        Some(bits) if bits != xku_bits::TIMESTAMP => (
            0,
            "extendedKeyUsage must be id-kp-timeStamping alone (RFC 3161 2.3)".to_owned(),
        ),
        Some(_) if !view.extended_key_usage_critical => (
            0,
            "extendedKeyUsage id-kp-timeStamping is not critical (RFC 3161 2.3)".to_owned(),
        ),
        Some(_) => (
            1,
            "critical extendedKeyUsage with id-kp-timeStamping as the only purpose OpenSSL \
             recognises"
                .to_owned(),
        ),
    }
}

fn eku_lacks(wanted: &str) -> String {
    format!("extendedKeyUsage does not list {wanted} (anyExtendedKeyUsage does not count)")
}

fn leaf_yes(view: &OpensslView, eku: &str) -> String {
    let eku_text = match view.extended_key_usage {
        Some(_) => format!("extendedKeyUsage lists {eku}"),
        None => "no extendedKeyUsage (any purpose)".to_owned(),
    };
    key_usage_text(view, &eku_text)
}

fn key_usage_text(view: &OpensslView, first: &str) -> String {
    let key_usage = match view.key_usage {
        Some(_) => "keyUsage allows it",
        None => "no keyUsage",
    };
    let netscape = match view.netscape_cert_type {
        Some(_) => "; the Netscape cert type allows it",
        None => "",
    };
    format!("{first}; {key_usage}{netscape}")
}

fn lookup_problem<T>(name: &str, lookup: &Lookup<T>) -> String {
    match lookup {
        Lookup::Duplicate { .. } => format!("{name} appears more than once"),
        Lookup::Malformed { error, .. } => format!("{name} does not decode: {error}"),
        Lookup::Absent | Lookup::Present { .. } => format!("{name} is fine"),
    }
}

/// The content bytes of a BIT STRING extension with the unused bits cleared, `None` when
/// absent, or the reason OpenSSL would mark the certificate invalid.
fn bit_string_extension(cert: &Cert, id: &ObjectIdentifier) -> Result<Option<Vec<u8>>, String> {
    let mut found = ext::raw(cert, id);
    let Some(first) = found.next() else {
        return Ok(None);
    };
    let name = oid::short_name(id);
    if found.next().is_some() {
        return Err(format!("{name} appears more than once"));
    }
    let bits = BitStringRef::from_der(first.extn_value.as_bytes())
        .map_err(|error| format!("{name} does not decode: {error}"))?;
    let mut bytes = bits.raw_bytes().to_vec();
    let unused = bits.unused_bits();
    if let Some(last) = bytes.last_mut() {
        *last &= 0xffu8.checked_shl(u32::from(unused)).unwrap_or(0);
    }
    Ok(Some(bytes))
}

/// basicConstraints as OpenSSL decodes it: `Some(cA)` when present, `None` when absent.
///
/// ```text
/// BasicConstraints ::= SEQUENCE {
///      cA                      BOOLEAN DEFAULT FALSE,
///      pathLenConstraint       INTEGER (0..MAX) OPTIONAL }
/// ```
/// ([RFC 5280 4.2.1.9](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.9)). Decoded by
/// hand because OpenSSL accepts any INTEGER size for pathLenConstraint (x509-cert stops at 255);
/// a negative one makes the certificate invalid (`X509V3_R_NEGATIVE_PATHLEN`).
fn basic_constraints(cert: &Cert) -> Result<Option<bool>, String> {
    let mut found = ext::raw(cert, &const_oid::db::rfc5280::ID_CE_BASIC_CONSTRAINTS);
    let Some(first) = found.next() else {
        return Ok(None);
    };
    if found.next().is_some() {
        return Err("basicConstraints appears more than once".to_owned());
    }
    let decoded = (|| -> der::Result<(bool, bool)> {
        let mut reader = SliceReader::new(first.extn_value.as_bytes())?;
        let value = reader.sequence(|body| {
            let ca = Option::<bool>::decode(body)?.unwrap_or(false);
            let path_len = Option::<der::asn1::IntRef<'_>>::decode(body)?;
            let negative = path_len
                .and_then(|len| len.as_bytes().first().copied())
                .is_some_and(|byte| byte & 0x80 != 0);
            Ok::<_, der::Error>((ca, negative))
        })?;
        reader.finish()?;
        Ok(value)
    })();
    match decoded {
        Ok((_, true)) => Err("basicConstraints has a negative pathLenConstraint".to_owned()),
        Ok((ca, false)) => Ok(Some(ca)),
        Err(error) => Err(format!("basicConstraints does not decode: {error}")),
    }
}

/// subjectAltName as OpenSSL's decoder sees it: a SEQUENCE OF GeneralName, where each element
/// is one of the nine context-specific CHOICE tags and a directoryName holds a Name. OpenSSL does
/// not check the characters of IA5String names, so neither does this.
///
/// ```text
/// GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName
/// ```
/// ([RFC 5280 4.2.1.6](https://www.rfc-editor.org/rfc/rfc5280#section-4.2.1.6))
fn subject_alt_name(cert: &Cert) -> Result<(), String> {
    let mut found = ext::raw(cert, &const_oid::db::rfc5280::ID_CE_SUBJECT_ALT_NAME);
    let Some(first) = found.next() else {
        return Ok(());
    };
    if found.next().is_some() {
        return Err("subjectAltName appears more than once".to_owned());
    }
    let checked = (|| -> der::Result<()> {
        let mut reader = SliceReader::new(first.extn_value.as_bytes())?;
        reader.sequence(|body| {
            while !body.is_finished() {
                let element = der::asn1::AnyRef::decode(body)?;
                let tag = element.tag();
                let number = match tag {
                    der::Tag::ContextSpecific { number, .. } => number.value(),
                    _ => {
                        return Err(der::Error::new(
                            der::ErrorKind::TagUnexpected {
                                expected: None,
                                actual: tag,
                            },
                            body.position(),
                        ))
                    }
                };
                if number == 4 {
                    x509_cert::name::Name::from_der(element.value())?;
                } else if number > 8 {
                    return Err(der::ErrorKind::TagNumberInvalid.at(body.position()));
                }
            }
            Ok::<_, der::Error>(())
        })?;
        reader.finish()
    })();
    checked.map_err(|error| format!("subjectAltName does not decode: {error}"))
}

/// OpenSSL's `X509_NAME_cmp` equality: names compared in their canonical form, where every
/// string value is converted to UTF-8, leading and trailing white space removed, inner white
/// space runs collapsed to one space and ASCII letters lower-cased (`x509_name_canon`).
/// RFC 5280 7.1 asks for the same kind of comparison.
pub fn names_equal(a: &x509_cert::name::Name, b: &x509_cert::name::Name) -> bool {
    a == b || canonical_name(a) == canonical_name(b)
}

fn canonical_name(
    name: &x509_cert::name::Name,
) -> Vec<(usize, der::asn1::ObjectIdentifier, Vec<u8>)> {
    let mut out = Vec::new();
    for (index, rdn) in name.as_ref().iter().enumerate() {
        for atv in rdn.as_ref().iter() {
            let value = match crate::name::value_text(&atv.value) {
                (Some(text), encoding) if encoding != "other" => canonical_text(&text).into_bytes(),
                _ => der::Encode::to_der(&atv.value).unwrap_or_default(),
            };
            out.push((index, atv.oid, value));
        }
    }
    out
}

fn canonical_text(text: &str) -> String {
    let space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r');
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.trim_matches(space).chars() {
        if space(c) {
            pending_space = true;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn xku_of(purposes: &[ObjectIdentifier]) -> u16 {
    purposes.iter().fold(0, |bits, purpose| {
        bits | match purpose.to_string().as_str() {
            "1.3.6.1.5.5.7.3.1" => xku_bits::SSL_SERVER,
            "1.3.6.1.5.5.7.3.2" => xku_bits::SSL_CLIENT,
            "1.3.6.1.5.5.7.3.4" => xku_bits::SMIME,
            "1.3.6.1.5.5.7.3.3" => xku_bits::CODE_SIGN,
            "1.3.6.1.4.1.311.10.3.3" | "2.16.840.1.113730.4.1" => xku_bits::SGC,
            "1.3.6.1.5.5.7.3.9" => xku_bits::OCSP_SIGN,
            "1.3.6.1.5.5.7.3.8" => xku_bits::TIMESTAMP,
            "1.3.6.1.5.5.7.3.10" => xku_bits::DVCS,
            "2.5.29.37.0" => xku_bits::ANY,
            _ => 0,
        }
    })
}

/// OpenSSL's `X509_check_akid(cert, akid)` applied to the certificate itself: every part of
/// the authority key identifier that is present must match the certificate's own key
/// identifier, serial number and issuer name.
fn authority_key_id_matches(
    cert: &Cert,
    authority: Option<&AuthorityKeyIdentifier>,
    subject: Option<&SubjectKeyIdentifier>,
) -> bool {
    let Some(authority) = authority else {
        return true;
    };
    if let (Some(key_id), Some(subject)) = (&authority.key_identifier, subject) {
        if key_id.as_bytes() != subject.0.as_bytes() {
            return false;
        }
    }
    let tbs = cert.x509().tbs_certificate();
    if let Some(serial) = &authority.authority_cert_serial_number {
        if serial.as_bytes() != tbs.serial_number().as_bytes() {
            return false;
        }
    }
    if let Some(names) = &authority.authority_cert_issuer {
        let directory = names.iter().find_map(|name| match name {
            GeneralName::DirectoryName(name) => Some(name),
            _ => None,
        });
        if directory.is_some_and(|name| !names_equal(name, tbs.issuer())) {
            return false;
        }
    }
    true
}

/// OpenSSL's `check_sig_alg_match`: the key type the tbsCertificate's signature algorithm
/// implies equals the certificate's own key type.
pub fn signature_matches_key(cert: &Cert) -> bool {
    let tbs = cert.x509().tbs_certificate();
    let key = tbs.subject_public_key_info().algorithm.oid.to_string();
    let signature = tbs.signature().oid.to_string();
    match (signature_key_type(&signature), key.as_str()) {
        (Some(expected), key) if expected == key => true,
        // An RSA key may sign with RSASSA-PSS.
        (Some("1.2.840.113549.1.1.10"), "1.2.840.113549.1.1.1") => true,
        _ => false,
    }
}

/// The public key algorithm a signature algorithm belongs to (OpenSSL's `OBJ_find_sigid_algs`).
fn signature_key_type(signature: &str) -> Option<&'static str> {
    match signature {
        "1.2.840.113549.1.1.2"
        | "1.2.840.113549.1.1.3"
        | "1.2.840.113549.1.1.4"
        | "1.2.840.113549.1.1.5"
        | "1.2.840.113549.1.1.11"
        | "1.2.840.113549.1.1.12"
        | "1.2.840.113549.1.1.13"
        | "1.2.840.113549.1.1.14"
        | "1.2.840.113549.1.1.15"
        | "1.2.840.113549.1.1.16"
        | "2.16.840.1.101.3.4.3.13"
        | "2.16.840.1.101.3.4.3.14"
        | "2.16.840.1.101.3.4.3.15"
        | "2.16.840.1.101.3.4.3.16" => Some("1.2.840.113549.1.1.1"),
        "1.2.840.113549.1.1.10" => Some("1.2.840.113549.1.1.10"),
        "1.2.840.10045.4.1"
        | "1.2.840.10045.4.3.1"
        | "1.2.840.10045.4.3.2"
        | "1.2.840.10045.4.3.3"
        | "1.2.840.10045.4.3.4"
        | "2.16.840.1.101.3.4.3.9"
        | "2.16.840.1.101.3.4.3.10"
        | "2.16.840.1.101.3.4.3.11"
        | "2.16.840.1.101.3.4.3.12" => Some("1.2.840.10045.2.1"),
        "1.2.840.10040.4.3"
        | "2.16.840.1.101.3.4.3.1"
        | "2.16.840.1.101.3.4.3.2"
        | "2.16.840.1.101.3.4.3.3"
        | "2.16.840.1.101.3.4.3.4" => Some("1.2.840.10040.4.1"),
        "1.3.101.112" => Some("1.3.101.112"),
        "1.3.101.113" => Some("1.3.101.113"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> OpensslView {
        OpensslView::default()
    }

    #[test]
    fn version_one_self_signed_root_quirk() {
        let root = OpensslView {
            version_one: true,
            self_issued: true,
            self_signed: true,
            ..view()
        };
        assert_eq!(check_ca(&root).0, 3);
        assert_eq!(check_purpose(&root, PurposeId::SslServer, true).0, 1);
        assert_eq!(check_purpose(&root, PurposeId::SmimeSign, true).0, 3);
        let not_signed = OpensslView {
            self_signed: false,
            ..root
        };
        assert_eq!(check_ca(&not_signed).0, 0);
    }

    #[test]
    fn any_extended_key_usage_does_not_satisfy_tls() {
        let any = OpensslView {
            extended_key_usage: Some(xku_bits::ANY),
            ..view()
        };
        assert_eq!(check_purpose(&any, PurposeId::SslServer, false).0, 0);
        assert_eq!(check_purpose(&any, PurposeId::Any, false).0, 1);
    }

    #[test]
    fn netscape_ssl_client_workaround_for_smime() {
        let old = OpensslView {
            netscape_cert_type: Some(ns_bits::SSL_CLIENT),
            ..view()
        };
        assert_eq!(check_purpose(&old, PurposeId::SmimeSign, false).0, 2);
    }

    #[test]
    fn canonical_text_folds_case_and_space() {
        assert_eq!(canonical_text("  Purpose   Corpus\t7 "), "purpose corpus 7");
        assert_eq!(canonical_text("ÄBC"), "Äbc");
    }

    #[test]
    fn invalid_extensions_answer_minus_one() {
        let broken = OpensslView {
            invalid: vec!["keyUsage asserts no bit".to_owned()],
            ..view()
        };
        for id in PurposeId::ALL {
            assert_eq!(check_purpose(&broken, id, false).0, -1);
            assert_eq!(check_purpose(&broken, id, true).0, -1);
        }
    }
}
