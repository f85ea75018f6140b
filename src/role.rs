//! What a certificate can be used for, what it cannot, and which bytes decided it.
//!
//! A client certificate and a server certificate are structurally identical: what differs is
//! metadata (basicConstraints, keyUsage, extendedKeyUsage, the names) and the checks each side
//! of a connection applies. This module reads that metadata and answers with:
//! - [`Role`]s, each with the evidence that grants it, the evidence that restricts it and a
//!   [`Confidence`]; a certificate can hold several roles, and "unknown" is an answer;
//! - the [`Identity`] a relying party would see (host names for a server, the identifiers a
//!   server would map for a client or device);
//! - a [`ClientServer`] comparison: can it act as a TLS client, as a TLS server, and what would
//!   OpenSSL, Go, rustls, Java, GnuTLS, NSS, wolfSSL and mbedTLS require (the rows of `role/stacks.rs`);
//! - [`Warning`]s for the known traps, and a plain-words answer.
//!
//! CA status comes from basicConstraints only (RFC 5280 4.2.1.9): a self-signed end entity is
//! not a root. "Self-signed" is decided by a heuristic until signatures are verified: subject
//! equal to issuer, and the authority key identifier absent or equal to the subject key
//! identifier; the evidence says so.

mod classify;
mod compare;
mod identity;
pub(crate) mod stacks;
mod warning;

use der::asn1::ObjectIdentifier;

use crate::cert::Cert;
use crate::ext::{self, BasicConstraints, Lookup};
use crate::facts::KeyFacts;
use crate::oid;
use crate::purpose::{self, OpensslView, Purpose};

pub use compare::{compare_pair, PairComparison};
pub(crate) use stacks::TRUSTED_DIRECTLY;
pub use stacks::{Condition, Stack};

/// Everything this module says about one certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CertificateRoles {
    /// The roles, most significant first; never empty ([`RoleKind::Unknown`] when nothing
    /// applies).
    pub roles: Vec<Role>,
    /// What a relying party would see.
    pub identity: Identity,
    /// OpenSSL's purposes (see [`crate::purpose`]).
    pub purposes: Vec<Purpose>,
    /// Client or server, in plain words.
    pub answer: String,
    /// The client-versus-server comparison.
    pub client_server: ClientServer,
    /// Traps this certificate falls into.
    pub warnings: Vec<Warning>,
}

/// One role a certificate holds.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Role {
    /// Which role.
    pub role: RoleKind,
    /// The role's name for people, e.g. `TLS client / device identity`.
    pub label: String,
    /// Whether the certificate can actually be used in this role: `false` when the metadata
    /// names the role but another field forbids it (e.g. extendedKeyUsage grants
    /// serverAuth but keyUsage allows no TLS key use).
    pub usable: bool,
    /// How sure the verdict is.
    pub confidence: Confidence,
    /// The extensions and values that grant the role.
    pub granted_by: Vec<Evidence>,
    /// The extensions and values that restrict it.
    pub restricted_by: Vec<Evidence>,
    /// For CA roles: path length and constraints.
    pub ca: Option<CaDetails>,
}

/// The roles certscope recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum RoleKind {
    /// A self-signed CA (basicConstraints cA TRUE).
    RootCa,
    /// A CA issued by another CA.
    IntermediateCa,
    /// A CA certificate for a key and subject that another issuer also certifies.
    CrossCertificate,
    /// TLS server (id-kp-serverAuth).
    TlsServer,
    /// TLS client or device identity (id-kp-clientAuth).
    TlsClient,
    /// Code signing (id-kp-codeSigning).
    CodeSigning,
    /// S/MIME signing (id-kp-emailProtection with a signing key usage).
    SmimeSigning,
    /// S/MIME encryption (id-kp-emailProtection with an encipherment or agreement key usage).
    SmimeEncryption,
    /// Document signing (id-kp-documentSigning, RFC 9336, or Microsoft's document signing).
    DocumentSigning,
    /// OCSP responder (id-kp-OCSPSigning).
    OcspResponder,
    /// RFC 3161 time-stamping authority (id-kp-timeStamping).
    TimeStamping,
    /// A Certificate Transparency precertificate (RFC 6962 poison extension).
    CtPrecertificate,
    /// A self-signed end entity: pinned identities, private test setups.
    SelfSignedEndEntity,
    /// No extendedKeyUsage (or anyExtendedKeyUsage): any purpose by RFC 5280.
    Unrestricted,
    /// Nothing certscope recognises.
    Unknown,
}

impl RoleKind {
    /// The name for people.
    pub fn label(self) -> &'static str {
        match self {
            RoleKind::RootCa => "Root CA",
            RoleKind::IntermediateCa => "Intermediate CA",
            RoleKind::CrossCertificate => "Cross-certificate",
            RoleKind::TlsServer => "TLS server",
            RoleKind::TlsClient => "TLS client / device identity",
            RoleKind::CodeSigning => "Code signing",
            RoleKind::SmimeSigning => "S/MIME signing",
            RoleKind::SmimeEncryption => "S/MIME encryption",
            RoleKind::DocumentSigning => "Document signing",
            RoleKind::OcspResponder => "OCSP responder",
            RoleKind::TimeStamping => "Time stamping (RFC 3161)",
            RoleKind::CtPrecertificate => "CT precertificate",
            RoleKind::SelfSignedEndEntity => "Self-signed end entity",
            RoleKind::Unrestricted => "Unrestricted (any purpose)",
            RoleKind::Unknown => "Unknown",
        }
    }
}

/// How sure a verdict is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Confidence {
    /// The certificate says so explicitly and nothing contradicts it.
    Certain,
    /// Explicit, but resting on a heuristic (e.g. self-signed without verifying the
    /// signature) or with a restriction some verifiers enforce.
    Likely,
    /// Allowed only implicitly (no extendedKeyUsage, anyExtendedKeyUsage).
    Possible,
}

/// One piece of evidence: which extension, which value, and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evidence {
    /// The field or extension, e.g. `extendedKeyUsage`, `subject` (extensions by their short
    /// name in [`crate::oid`]).
    pub field: String,
    /// The OID of the value, when the value is an OID (dotted form).
    pub oid: Option<String>,
    /// The sentence, e.g. `extendedKeyUsage contains id-kp-clientAuth (1.3.6.1.5.5.7.3.2)`.
    pub text: String,
    /// When the field is an extension present in the certificate: the bytes that decided.
    pub extension: Option<ExtensionBytes>,
}

/// The extension behind a piece of evidence, as it is in the certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExtensionBytes {
    /// The extension's OID (dotted form).
    pub oid: String,
    /// Its position among the certificate's extensions (0-based), as in the report's list.
    pub index: usize,
    /// The critical flag.
    pub critical: bool,
    /// The extnValue contents as hex.
    pub value_hex: String,
}

impl Evidence {
    fn new(field: &str, text: impl Into<String>) -> Evidence {
        Evidence {
            field: field.to_owned(),
            oid: None,
            text: text.into(),
            extension: None,
        }
    }

    fn with_oid(field: &str, id: &ObjectIdentifier, text: impl Into<String>) -> Evidence {
        Evidence {
            field: field.to_owned(),
            oid: Some(crate::oid::dotted(id)),
            text: text.into(),
            extension: None,
        }
    }
}

/// Details of a CA role.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaDetails {
    /// basicConstraints pathLenConstraint: how many intermediate CAs may follow.
    pub path_len: Option<u8>,
    /// extendedKeyUsage on the CA, by name: OpenSSL-style verifiers restrict every certificate
    /// below it to these purposes. Empty when unconstrained.
    pub extended_key_usage: Vec<String>,
    /// Whether nameConstraints are present.
    pub name_constrained: bool,
    /// Permitted subtrees, as text (`dNSName: example.com`).
    pub permitted: Vec<String>,
    /// Excluded subtrees, as text.
    pub excluded: Vec<String>,
}

/// What a relying party would see.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Identity {
    /// subjectAltName dNSName entries: the host names a TLS server certificate is valid for.
    pub dns_names: Vec<String>,
    /// subjectAltName iPAddress entries.
    pub ip_addresses: Vec<String>,
    /// The subject commonName (the last one, as legacy host name matching did).
    pub common_name: Option<String>,
    /// Whether the commonName would be the host name: no dNSName or iPAddress in the SAN, so
    /// only legacy verifiers that still fall back to the CN would accept it (RFC 6125 6.4.4;
    /// Go, rustls and browsers do not).
    pub common_name_is_legacy_host_name: bool,
    /// The identifiers a server would typically map a client or device to.
    pub client_identifiers: Vec<IdentityItem>,
    /// A recognised device-identity layout, described in words.
    pub device_layout: Option<String>,
}

/// One identifier of a client or device.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IdentityItem {
    /// `subject_common_name`, `subject_serial_number`, `uri`, `spiffe_id`, `email`, `upn`
    /// or `hardware_module_name`.
    pub kind: String,
    /// The value.
    pub value: String,
    /// Where it is, e.g. `subject serialNumber (2.5.4.5)`.
    pub source: String,
    /// Whether it is a stable identifier (survives re-issuance: serial numbers, SPIFFE IDs,
    /// hardware module names), as opposed to a display name.
    pub stable: bool,
    /// A note for whoever maps it.
    pub note: String,
}

/// Can the certificate act as a TLS client, as a TLS server, and what typical verifiers say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClientServer {
    /// As a TLS server (the client verifies it).
    pub tls_server: Side,
    /// As a TLS client (the server verifies it).
    pub tls_client: Side,
    /// What OpenSSL, Go, rustls, Java, GnuTLS, NSS, wolfSSL and mbedTLS would decide for this
    /// certificate as the end entity (checked against the real stacks, `tests/stacks.rs`); the
    /// answer for a self-signed certificate assumes it is trusted directly (pinned or a trust
    /// anchor), which the certificate cannot show: such answers, and those resting on the
    /// application's host check or the server's own authorisation of a client, list what
    /// they depend on (`server_depends_on`, `client_depends_on`).
    pub verifiers: Vec<VerifierVerdict>,
}

/// One side of the comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Side {
    /// Whether the usual verifiers accept it in this role.
    pub usable: bool,
    /// What allows it.
    pub allowed_by: Vec<String>,
    /// What is missing or forbids it.
    pub missing: Vec<String>,
}

/// One TLS stack's verdict on the certificate as the end entity.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VerifierVerdict {
    /// `OpenSSL 3`, `Go crypto/x509`, `rustls (webpki)`, `Java (JSSE)`, `GnuTLS`, `NSS`,
    /// `wolfSSL`, `mbedTLS`.
    pub verifier: String,
    /// Whether it accepts the certificate as a TLS server's end entity, in the set-up the
    /// harness runs (see [`Condition`]).
    pub as_server: bool,
    /// Why.
    pub server_reason: String,
    /// What the server answer rests on that the certificate cannot show; when not empty, the
    /// answer is neither "accepts" nor "refuses" but depends on it.
    pub server_depends_on: Vec<Condition>,
    /// Whether it accepts the certificate as a TLS client's end entity, in the set-up the
    /// harness runs.
    pub as_client: bool,
    /// Why.
    pub client_reason: String,
    /// What the client answer rests on that the certificate cannot show (a client the
    /// stack's checks accept always depends on the server's own authorisation).
    pub client_depends_on: Vec<Condition>,
}

/// A known trap.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Warning {
    /// Stable identifier, e.g. `no_extended_key_usage`.
    pub id: String,
    /// `info`, `warning` or `error`.
    pub severity: String,
    /// What is wrong and what it means.
    pub message: String,
    /// Where the rule comes from.
    pub citation: String,
}

/// Classifies one certificate on its own (no cross-certificate detection).
///
/// ```
/// use certscope::role::RoleKind;
///
/// let pem = include_str!("../tests/data/roles/device-client.pem");
/// let parsed = certscope::parse_input(pem.as_bytes(), &Default::default()).unwrap();
/// let roles = certscope::classify(parsed.certificates().next().unwrap());
/// let client = &roles.roles[0];
/// assert_eq!(client.role, RoleKind::TlsClient);
/// assert!(client.usable);
/// // The evidence names the field that grants the role.
/// assert!(client.granted_by.iter().any(|e| e.text.contains("clientAuth")));
/// // A missing serverAuth is not "server".
/// assert!(roles.roles.iter().all(|r| r.role != RoleKind::TlsServer));
/// ```
pub fn classify(cert: &Cert) -> CertificateRoles {
    classify_in(cert, &[])
}

/// Classifies every certificate of one input: the others are used as context (a CA certificate
/// whose subject and key another certificate of the input also carries, under a different
/// issuer, is a cross-certificate).
///
/// ```
/// use certscope::role::RoleKind;
///
/// let chain = [
///     include_str!("../tests/data/roles/device-client.pem"),
///     include_str!("../tests/data/roles/intermediate-nc.pem"),
///     include_str!("../tests/data/roles/root.pem"),
/// ]
/// .concat();
/// let parsed = certscope::parse_input(chain.as_bytes(), &Default::default()).unwrap();
/// let certs: Vec<_> = parsed.certificates().cloned().collect();
/// let roles = certscope::classify_all(&certs);
/// let kinds: Vec<RoleKind> = roles.iter().map(|r| r.roles[0].role).collect();
/// assert_eq!(kinds, [RoleKind::TlsClient, RoleKind::IntermediateCa, RoleKind::RootCa]);
/// ```
pub fn classify_all(certs: &[Cert]) -> Vec<CertificateRoles> {
    // Only certificates with the same key can be cross-certificates of each other: grouping by
    // key keeps a large bundle linear.
    let mut by_key: std::collections::BTreeMap<&[u8], Vec<(usize, &Cert)>> =
        std::collections::BTreeMap::new();
    for (index, cert) in certs.iter().enumerate() {
        by_key
            .entry(cert.spki_der())
            .or_default()
            .push((index, cert));
    }
    certs
        .iter()
        .map(|cert| {
            let same_key = by_key
                .get(cert.spki_der())
                .map(Vec::as_slice)
                .unwrap_or_default();
            classify_in(cert, same_key)
        })
        .collect()
}

/// Classifies `cert`; `bag` holds the other certificates of the input that matter (with their
/// position in the input).
fn classify_in(cert: &Cert, bag: &[(usize, &Cert)]) -> CertificateRoles {
    let facts = Facts::of(cert);
    let identity = identity::identity(cert);
    let purposes = purpose::purposes(cert);
    let mut roles = classify::roles(&facts, bag);
    attach_bytes(cert, &mut roles);
    let client_server = compare::client_server(&facts, &identity);
    let warnings = warning::warnings(&facts, &identity, &purposes, &roles);
    let answer = compare::answer(&facts, &identity, &roles, &client_server);
    CertificateRoles {
        roles,
        identity,
        purposes,
        answer,
        client_server,
        warnings,
    }
}

/// What each TLS stack decides for the certificate as the end entity
/// ([`ClientServer::verifiers`]), without the rest of the classification.
pub(crate) fn verifier_verdicts(cert: &Cert) -> Vec<VerifierVerdict> {
    stacks::verdicts(&Facts::of(cert), &identity::identity(cert))
}

/// Points every piece of evidence about an extension at that extension's bytes.
fn attach_bytes(cert: &Cert, roles: &mut [Role]) {
    let extensions = ext::all(cert);
    for evidence in roles.iter_mut().flat_map(|role| {
        role.granted_by
            .iter_mut()
            .chain(role.restricted_by.iter_mut())
    }) {
        let found = extensions
            .iter()
            .enumerate()
            .find(|(_, extension)| oid::short_name(&extension.extn_id) == evidence.field);
        if let Some((index, extension)) = found {
            evidence.extension = Some(ExtensionBytes {
                oid: crate::oid::dotted(&extension.extn_id),
                index,
                critical: extension.critical,
                value_hex: crate::cert::hex(extension.extn_value.as_bytes()),
            });
        }
    }
}

/// The state of basicConstraints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CaState {
    Absent,
    Ca,
    NotCa,
    Broken,
}

/// What the classification reads from a certificate: the certificate's facts
/// ([`crate::facts::CertFacts`], shared with the chain checks, the lints and the purposes) as the roles
/// grade them (basicConstraints as a [`CaState`], the keyUsage bits in OpenSSL's layout as the
/// OpenSSL view holds them), and what only the roles ask: whether the certificate is
/// self-signed with its signature verified or, failing that, by its key identifiers.
pub(crate) struct Facts<'a> {
    pub cert: &'a Cert,
    pub ca_state: CaState,
    pub path_len: Option<u8>,
    pub openssl: &'a OpensslView,
    pub key_usage: Option<u16>,
    pub extended_key_usage: Option<&'a [ObjectIdentifier]>,
    pub extended_key_usage_critical: bool,
    pub extended_key_usage_broken: bool,
    pub self_issued: bool,
    /// Self-signed: self-issued and the signature verifies with the certificate's own key; when
    /// the signature algorithm cannot be verified, the heuristic of an authority key identifier
    /// absent or equal to the subject key identifier stands in.
    pub self_signed_heuristic: bool,
    /// Whether [`Facts::self_signed_heuristic`] rests on a verified signature.
    pub self_signature_verified: bool,
    /// The subject public key ([`KeyFacts::rsa_or_pss`] is RSA as the roles count it).
    pub key: &'a KeyFacts,
    pub version_one: bool,
}

impl<'a> Facts<'a> {
    fn of(cert: &'a Cert) -> Facts<'a> {
        let facts = cert.facts();
        let (ca_state, path_len) = match facts.find::<BasicConstraints>() {
            Lookup::Absent => (CaState::Absent, None),
            Lookup::Present { value, .. } if value.ca => (CaState::Ca, value.path_len_constraint),
            Lookup::Present { .. } => (CaState::NotCa, None),
            Lookup::Malformed { .. } | Lookup::Duplicate { .. } => (CaState::Broken, None),
        };
        let openssl = facts.openssl();
        let eku = facts.find::<ext::ExtendedKeyUsage>();
        // The OpenSSL view, read above, already holds it.
        let self_issued = openssl.self_issued;
        let key_ids_match = {
            let subject = facts.find::<ext::SubjectKeyIdentifier>();
            match facts.find::<ext::AuthorityKeyIdentifier>().value() {
                None => true,
                Some(authority) => match (&authority.key_identifier, subject.value()) {
                    (Some(a), Some(s)) => a.as_bytes() == s.0.as_bytes(),
                    (None, _) => true,
                    (Some(_), None) => false,
                },
            }
        };
        let self_signature = if self_issued {
            use crate::signature::SignatureError as E;
            match crate::signature::verify_self_signed(cert) {
                Ok(_) => Some(true),
                Err(
                    E::Invalid { .. }
                    | E::MalformedSignature { .. }
                    | E::AlgorithmKeyMismatch { .. },
                ) => Some(false),
                Err(_) => None,
            }
        } else {
            Some(false)
        };
        Facts {
            cert,
            ca_state,
            path_len,
            key_usage: openssl.key_usage,
            extended_key_usage: facts.extended_key_usage(),
            extended_key_usage_critical: eku.critical().unwrap_or(false),
            extended_key_usage_broken: matches!(
                eku,
                Lookup::Malformed { .. } | Lookup::Duplicate { .. }
            ),
            self_issued,
            self_signed_heuristic: self_issued && self_signature.unwrap_or(key_ids_match),
            self_signature_verified: self_signature.is_some(),
            key: facts.key(),
            version_one: openssl.version_one,
            openssl,
        }
    }

    /// Whether keyUsage is absent or has any of `bits` (OpenSSL's bit layout).
    pub fn key_usage_allows(&self, bits: u16) -> bool {
        self.key_usage.is_none_or(|usage| usage & bits != 0)
    }

    /// Whether the extendedKeyUsage lists the OID.
    pub fn eku_has(&self, dotted: &str) -> bool {
        self.extended_key_usage
            .as_ref()
            .is_some_and(|list| list.iter().any(|id| crate::oid::is(id, dotted)))
    }

    /// Whether any extension with this OID is present.
    pub fn has_extension(&self, dotted: &str) -> bool {
        ext::all(self.cert)
            .iter()
            .any(|extension| crate::oid::is(&extension.extn_id, dotted))
    }
}

/// Evidence naming an OID through the registry: `<field> contains <name> (<dotted>)`.
fn contains(field: &str, dotted: &str) -> Evidence {
    match ObjectIdentifier::new(dotted) {
        Ok(id) => Evidence::with_oid(
            field,
            &id,
            format!("{field} contains {}", oid::describe(&id)),
        ),
        Err(_) => Evidence::new(field, format!("{field} contains {dotted}")),
    }
}

/// Dotted OIDs the roles use.
pub(crate) mod oids {
    pub const SERVER_AUTH: &str = "1.3.6.1.5.5.7.3.1";
    pub const CLIENT_AUTH: &str = "1.3.6.1.5.5.7.3.2";
    pub const CODE_SIGNING: &str = "1.3.6.1.5.5.7.3.3";
    pub const EMAIL_PROTECTION: &str = "1.3.6.1.5.5.7.3.4";
    pub const TIME_STAMPING: &str = "1.3.6.1.5.5.7.3.8";
    pub const OCSP_SIGNING: &str = "1.3.6.1.5.5.7.3.9";
    pub const DOCUMENT_SIGNING: &str = "1.3.6.1.5.5.7.3.36";
    pub const MS_DOCUMENT_SIGNING: &str = "1.3.6.1.4.1.311.10.3.12";
    pub const ANY_EKU: &str = "2.5.29.37.0";
    pub const MS_SGC: &str = "1.3.6.1.4.1.311.10.3.3";
    pub const NS_SGC: &str = "2.16.840.1.113730.4.1";
    pub const OCSP_NO_CHECK: &str = "1.3.6.1.5.5.7.48.1.5";
    pub const CT_POISON: &str = "1.3.6.1.4.1.11129.2.4.3";
    pub const CT_PRECERT_SIGNING: &str = "1.3.6.1.4.1.11129.2.4.4";
}
