//! Certification paths: building every candidate path from a target certificate to a trust
//! anchor, validating each against RFC 5280 section 6 and the Web PKI profile, and reporting
//! which path was chosen, why, and why the others failed.
//!
//! ```
//! # let pem = include_str!("../tests/data/doc/leaf.pem");
//! # let leaf = certscope::parse_input(pem.as_bytes(), &Default::default()).unwrap()
//! #     .certificates().next().unwrap().clone();
//! use certscope::chain::{verify, VerifyOptions, Purpose};
//! use certscope::time::UnixTime;
//! // A self-signed certificate the caller pins is its own anchor.
//! let mut options = VerifyOptions::at(UnixTime(1_800_000_000));
//! options.purpose = Purpose::Any;
//! options.profile = certscope::chain::Profile::Rfc5280;
//! let report = verify(&leaf, &[], &[leaf.clone()], &options);
//! assert_eq!(report.paths.len(), 1);
//! ```
//!
//! # Why certscope validates on RustCrypto types rather than through rustls-webpki or certval
//!
//! rustls-webpki answers "valid or the first error" with its own error enum, never builds a
//! report of every path, does not take CRLs in the form a user pastes, has no client identity or
//! email checks, and its verdicts cannot be explained check by check. certval implements RFC
//! 5280 with policies on RustCrypto types, but its network and file features, its own error
//! vocabulary and its release-candidate state make it a poor fit for a wasm page that must name
//! every failed check in its own words. certscope therefore validates on the x509-cert types it
//! already parses (lenient `Raw` profile, so a broken certificate is still reported) and follows
//! the designs of rustls-webpki (depth-first building, a [`Budget`], ranked errors) and pyca's
//! `cryptography-x509-verification` (the Web PKI profile checks that decide x509-limbo).
//! Signatures go through [`crate::signature`], pure Rust and the same natively and in wasm.

pub mod build;
pub mod catalogue;
pub mod checks;
pub mod crl;
pub mod names;
pub mod profile;
pub mod revocation;

use std::fmt;

use der::asn1::ObjectIdentifier;

use crate::cert::Cert;
use crate::purpose::PurposeId;
use crate::time::UnixTime;

pub use build::{Budget, BudgetLimit};
pub use profile::{Profile, ProfileSpec, PROFILES};

/// The purpose the target certificate is validated for: the extended key usage it must allow
/// (RFC 5280 4.2.1.12).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Purpose {
    /// TLS server authentication (`id-kp-serverAuth`).
    ServerAuth,
    /// TLS client authentication (`id-kp-clientAuth`).
    ClientAuth,
    /// Code signing (`id-kp-codeSigning`).
    CodeSigning,
    /// S/MIME (`id-kp-emailProtection`).
    EmailProtection,
    /// Time stamping (`id-kp-timeStamping`).
    TimeStamping,
    /// OCSP response signing (`id-kp-OCSPSigning`).
    OcspSigning,
    /// Another extended key usage, by dotted OID.
    Other(String),
    /// No purpose: the extended key usage is not checked.
    Any,
}

impl Purpose {
    /// The extended key usage OID of the purpose; `None` for [`Purpose::Any`] or an OID that
    /// does not parse.
    pub fn oid(&self) -> Option<ObjectIdentifier> {
        use const_oid::db::rfc5280 as kp;
        match self {
            Purpose::ServerAuth => Some(kp::ID_KP_SERVER_AUTH),
            Purpose::ClientAuth => Some(kp::ID_KP_CLIENT_AUTH),
            Purpose::CodeSigning => Some(kp::ID_KP_CODE_SIGNING),
            Purpose::EmailProtection => Some(kp::ID_KP_EMAIL_PROTECTION),
            Purpose::TimeStamping => Some(kp::ID_KP_TIME_STAMPING),
            Purpose::OcspSigning => Some(kp::ID_KP_OCSP_SIGNING),
            Purpose::Other(text) => ObjectIdentifier::new(text).ok(),
            Purpose::Any => None,
        }
    }

    /// Parses `server`, `client`, `codesign`, `email`, `timestamp`, `ocsp`, `any`, a dotted
    /// OID, or an OpenSSL purpose name ([`Purpose::parse_openssl`]).
    ///
    /// ```
    /// use certscope::chain::Purpose;
    /// assert_eq!(Purpose::parse("client"), Some(Purpose::ClientAuth));
    /// let by_oid = Purpose::parse("1.3.6.1.5.5.7.3.2").unwrap();
    /// assert_eq!(by_oid.oid(), Purpose::ClientAuth.oid());
    /// assert_eq!(Purpose::parse("teleport"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Purpose> {
        Some(match text {
            "server" | "serverAuth" => Purpose::ServerAuth,
            "client" | "clientAuth" => Purpose::ClientAuth,
            "codesign" | "codeSigning" => Purpose::CodeSigning,
            "email" | "emailProtection" => Purpose::EmailProtection,
            "timestamp" | "timeStamping" => Purpose::TimeStamping,
            "ocsp" | "OCSPSigning" => Purpose::OcspSigning,
            "any" => Purpose::Any,
            other if Purpose::parse_openssl(other).is_some() => {
                return Purpose::parse_openssl(other).map(|(purpose, _)| purpose)
            }
            other => {
                ObjectIdentifier::new(other).ok()?;
                Purpose::Other(other.to_string())
            }
        })
    }
}

impl Purpose {
    /// Parses an OpenSSL purpose name (`openssl verify -purpose`): `sslclient`, `sslserver`,
    /// `nssslserver`, `smimesign`, `smimeencrypt`, `crlsign`, `ocsphelper`, `timestampsign`,
    /// `any`; gives the purpose and OpenSSL's own, which the `openssl` profile judges by.
    ///
    /// ```
    /// use certscope::chain::Purpose;
    /// use certscope::purpose::PurposeId;
    /// assert_eq!(
    ///     Purpose::parse_openssl("smimesign"),
    ///     Some((Purpose::EmailProtection, PurposeId::SmimeSign))
    /// );
    /// assert_eq!(Purpose::parse("sslclient"), Some(Purpose::ClientAuth));
    /// ```
    pub fn parse_openssl(text: &str) -> Option<(Purpose, PurposeId)> {
        let id = PurposeId::ALL
            .into_iter()
            .find(|id| id.short_name() == text)?;
        let purpose = match id {
            PurposeId::SslClient => Purpose::ClientAuth,
            PurposeId::SslServer | PurposeId::NsSslServer => Purpose::ServerAuth,
            PurposeId::SmimeSign | PurposeId::SmimeEncrypt => Purpose::EmailProtection,
            PurposeId::OcspHelper => Purpose::OcspSigning,
            PurposeId::TimestampSign => Purpose::TimeStamping,
            PurposeId::CrlSign | PurposeId::Any => Purpose::Any,
        };
        Some((purpose, id))
    }

    /// The OpenSSL purpose of the same meaning, when there is one (OpenSSL 3.0 has no code
    /// signing purpose).
    pub fn openssl(&self) -> Option<PurposeId> {
        match self {
            Purpose::ServerAuth => Some(PurposeId::SslServer),
            Purpose::ClientAuth => Some(PurposeId::SslClient),
            Purpose::EmailProtection => Some(PurposeId::SmimeSign),
            Purpose::TimeStamping => Some(PurposeId::TimestampSign),
            Purpose::OcspSigning => Some(PurposeId::OcspHelper),
            Purpose::CodeSigning | Purpose::Other(_) | Purpose::Any => None,
        }
    }
}

/// How extended key usage on CA certificates is treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum EkuPolicy {
    /// An EKU on an intermediate constrains the leaf: it must contain the purpose or
    /// `anyExtendedKeyUsage` (what browsers, OpenSSL and rustls-webpki do; CA/B BR 7.1.2.2).
    Chain,
    /// Only the leaf's EKU is checked (RFC 5280 4.2.1.12 read literally).
    LeafOnly,
}

/// A name the relying party expects the target to carry.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", tag = "kind", content = "value")
)]
#[non_exhaustive]
pub enum ExpectedName {
    /// A DNS host name (U-labels are converted to A-labels).
    Dns(String),
    /// An IPv4 or IPv6 address.
    Ip(std::net::IpAddr),
    /// An email address (RFC 822 mailbox).
    Email(String),
    /// A URI.
    Uri(String),
}

impl fmt::Display for ExpectedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExpectedName::Dns(name) => write!(f, "DNS:{name}"),
            ExpectedName::Ip(ip) => write!(f, "IP:{ip}"),
            ExpectedName::Email(email) => write!(f, "email:{email}"),
            ExpectedName::Uri(uri) => write!(f, "URI:{uri}"),
        }
    }
}

/// Every input of a validation, with safe defaults ([`VerifyOptions::at`]).
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct VerifyOptions {
    /// The time at which validity is judged. certscope never reads a clock.
    pub time: UnixTime,
    /// The purpose; default [`Purpose::ServerAuth`].
    pub purpose: Purpose,
    /// For server validation: the host name or IP address the target must match.
    pub host: Option<ExpectedName>,
    /// For client validation: identities the target must carry (all of them).
    pub identities: Vec<ExpectedName>,
    /// Extended key usage on CA certificates; default [`EkuPolicy::Chain`].
    pub eku_policy: EkuPolicy,
    /// The rule set; default [`Profile::Auto`].
    pub profile: Profile,
    /// The SHA-256 fingerprints (hex, of the DER) of the roots of the public Web PKI store
    /// (the Mozilla store): under [`Profile::Auto`] a path that ends at one is held to
    /// [`Profile::WebPki`]. The core bundles no store; the CLI fills this from the bundled
    /// Mozilla roots ([`mozilla_root_fingerprints`]), the page from the store it loads.
    pub public_roots: Vec<String>,
    /// Accept SHA-1 signatures; default false (CA/B BR 7.1.3.2, browsers since 2017).
    pub allow_sha1: bool,
    /// Smallest RSA modulus accepted, in bits; default 2048 (CA/B BR 6.1.5).
    pub minimum_rsa_bits: usize,
    /// Match the host against the subject CN when the target has no subjectAltName; default
    /// false (RFC 6125 6.4.4, CA/B BR 7.1.4.3: browsers dropped it).
    pub common_name_fallback: bool,
    /// Most intermediates allowed between target and anchor; `None` for no limit beyond the
    /// budget.
    pub max_intermediates: Option<usize>,
    /// Limits on the work path building may do.
    pub budget: Budget,
    /// CRLs (DER) the caller supplies; revocation is "not checked" without them. With CRLs,
    /// every certificate below the anchor needs a status they decide, or the path fails
    /// ([`revocation`], RFC 5280 6.3).
    pub crls: Vec<Vec<u8>>,
    /// Check revocation even when no CRL is supplied: every certificate below the anchor is
    /// then undetermined and the path fails; default false.
    pub require_revocation: bool,
    /// The user-initial-policy-set (RFC 5280 6.1.1 (c)) as dotted OIDs; empty means
    /// `anyPolicy`, the default.
    pub initial_policies: Vec<String>,
    /// initial-explicit-policy (RFC 5280 6.1.1 (f)): the path must be valid for at least one
    /// policy of the user-initial-policy-set; default false.
    pub initial_explicit_policy: bool,
    /// initial-policy-mapping-inhibit (RFC 5280 6.1.1 (e)): policy mapping is not permitted;
    /// default false.
    pub initial_policy_mapping_inhibit: bool,
    /// initial-any-policy-inhibit (RFC 5280 6.1.1 (g)): `anyPolicy` in a certificate is not
    /// processed; default false.
    pub initial_any_policy_inhibit: bool,
    /// Key usages the target must assert (by name, e.g. `digitalSignature`); empty for none.
    pub required_key_usage: Vec<String>,
    /// Extended key usages the target must allow, as dotted OIDs, besides the purpose's.
    pub required_extended_key_usage: Vec<String>,
    /// The OpenSSL purpose the `openssl` profile judges by, when the caller named one
    /// (`smimeencrypt`, `crlsign`, ...); otherwise [`Purpose::openssl`] of the purpose.
    pub openssl_purpose: Option<PurposeId>,
    /// Let a trusted certificate that is not self-signed anchor a path (OpenSSL's
    /// `-partial_chain`). Only profiles with OpenSSL's anchor rules ask; the others let any
    /// trusted certificate anchor a path.
    pub partial_chain: bool,
    /// OpenSSL's authentication level (0 to 5: minimum key and digest strength); `None` for
    /// the profile's default ([`ProfileSpec::default_auth_level`]).
    pub auth_level: Option<u8>,
}

impl VerifyOptions {
    /// Safe defaults for validating a TLS server certificate at `time`.
    pub fn at(time: UnixTime) -> VerifyOptions {
        VerifyOptions {
            time,
            purpose: Purpose::ServerAuth,
            host: None,
            identities: Vec::new(),
            eku_policy: EkuPolicy::Chain,
            profile: Profile::Auto,
            public_roots: Vec::new(),
            allow_sha1: false,
            minimum_rsa_bits: 2048,
            common_name_fallback: false,
            max_intermediates: None,
            budget: Budget::default(),
            crls: Vec::new(),
            require_revocation: false,
            initial_policies: Vec::new(),
            initial_explicit_policy: false,
            initial_policy_mapping_inhibit: false,
            initial_any_policy_inhibit: false,
            required_key_usage: Vec::new(),
            required_extended_key_usage: Vec::new(),
            openssl_purpose: None,
            partial_chain: false,
            auth_level: None,
        }
    }

    /// The OpenSSL purpose the `openssl` profile judges by: the one named, else the purpose's
    /// equivalent; `None` checks no purpose (OpenSSL without `-purpose`).
    pub fn openssl_purpose(&self) -> Option<PurposeId> {
        self.openssl_purpose.or_else(|| self.purpose.openssl())
    }

    /// The authentication level in force: the one given, else the profile's default.
    pub fn auth_level(&self) -> Option<u8> {
        self.auth_level.or(self.profile.spec().default_auth_level)
    }
}

/// Why a path (or the whole validation) failed. Ranked: [`ChainError::rank`] orders errors by
/// how specific they are, and the most specific one is reported.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "kind"))]
#[non_exhaustive]
pub enum ChainError {
    /// No path from the target reaches a trust anchor.
    UnknownIssuer {
        /// Who is missing, in words.
        missing: String,
    },
    /// The work budget was exhausted before a valid path was found.
    BudgetExceeded {
        /// Which limit.
        limit: BudgetLimit,
    },
    /// The path has more intermediates than the caller allows.
    TooManyIntermediates {
        /// Intermediates in the path.
        count: usize,
        /// The caller's limit.
        limit: usize,
    },
    /// A signature did not verify or could not be verified.
    Signature {
        /// What went wrong.
        problem: String,
    },
    /// A certificate is outside its validity period at the given time.
    Expired {
        /// The validation time.
        #[cfg_attr(feature = "serde", serde(with = "unix_seconds"))]
        #[cfg_attr(feature = "schema", schemars(with = "u64"))]
        time: UnixTime,
        /// notAfter.
        #[cfg_attr(feature = "serde", serde(with = "unix_seconds"))]
        #[cfg_attr(feature = "schema", schemars(with = "u64"))]
        not_after: UnixTime,
    },
    /// A certificate is not yet valid at the given time.
    NotYetValid {
        /// The validation time.
        #[cfg_attr(feature = "serde", serde(with = "unix_seconds"))]
        #[cfg_attr(feature = "schema", schemars(with = "u64"))]
        time: UnixTime,
        /// notBefore.
        #[cfg_attr(feature = "serde", serde(with = "unix_seconds"))]
        #[cfg_attr(feature = "schema", schemars(with = "u64"))]
        not_before: UnixTime,
    },
    /// An issuing certificate is not a CA.
    NotCa {
        /// Why.
        problem: String,
    },
    /// A pathLenConstraint is exceeded.
    PathLengthExceeded {
        /// The constraint.
        path_length: u8,
        /// Intermediates below the CA that count.
        below: usize,
    },
    /// A name constraint is violated.
    NameConstraint {
        /// What is violated.
        problem: String,
    },
    /// The extended key usage does not allow the purpose.
    ExtendedKeyUsage {
        /// Why.
        problem: String,
    },
    /// The key usage does not allow the use.
    KeyUsage {
        /// Why.
        problem: String,
    },
    /// The target does not carry the expected name.
    NameMismatch {
        /// Why.
        problem: String,
    },
    /// A critical extension certscope does not process.
    UnknownCriticalExtension {
        /// Dotted OID.
        oid: String,
    },
    /// The certificate is revoked by a supplied CRL.
    Revoked {
        /// Serial, reason and CRL.
        problem: String,
    },
    /// A supplied CRL could not be read at all.
    CrlUnusable {
        /// Why.
        problem: String,
    },
    /// CRLs were supplied (or revocation checking asked for) and none of them decides the
    /// certificate's status (RFC 5280 6.3.3 (k)): revocation fails closed.
    RevocationUndetermined {
        /// What was missing, and each CRL set aside with the reason.
        problem: String,
    },
    /// A rule of RFC 5280's certificate profile or of the Web PKI is broken.
    Profile {
        /// Why.
        problem: String,
    },
    /// A policy requirement (policy constraints) is not met.
    Policy {
        /// Why.
        problem: String,
    },
    /// The anchor's own trust settings (OpenSSL's `TRUSTED CERTIFICATE` trust and reject
    /// lists) do not allow the purpose.
    Distrusted {
        /// Why.
        problem: String,
    },
}

impl ChainError {
    /// How specific the error is: higher is more specific and wins when several paths fail.
    /// An unknown issuer says least; an error about the target's name or purpose says most,
    /// since the path otherwise held (rustls-webpki `Error::rank` follows the same idea).
    pub fn rank(&self) -> u32 {
        match self {
            ChainError::UnknownIssuer { .. } => 0,
            ChainError::BudgetExceeded { .. } => 10,
            ChainError::Signature { .. } => 20,
            ChainError::TooManyIntermediates { .. } => 25,
            ChainError::NotCa { .. } => 30,
            ChainError::PathLengthExceeded { .. } => 35,
            ChainError::Profile { .. } => 40,
            ChainError::UnknownCriticalExtension { .. } => 42,
            ChainError::KeyUsage { .. } => 45,
            ChainError::ExtendedKeyUsage { .. } => 50,
            ChainError::Expired { .. } | ChainError::NotYetValid { .. } => 55,
            ChainError::NameConstraint { .. } => 60,
            ChainError::Policy { .. } => 62,
            ChainError::RevocationUndetermined { .. } => 64,
            ChainError::CrlUnusable { .. } => 65,
            ChainError::Revoked { .. } => 70,
            ChainError::Distrusted { .. } => 72,
            ChainError::NameMismatch { .. } => 80,
        }
    }
}

impl fmt::Display for ChainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChainError::UnknownIssuer { missing } => {
                write!(f, "no path to a trust anchor: {missing}")
            }
            ChainError::BudgetExceeded { limit } => write!(f, "path building gave up: {limit}"),
            ChainError::TooManyIntermediates { count, limit } => {
                write!(f, "{count} intermediates, more than the {limit} allowed")
            }
            ChainError::Signature { problem } => write!(f, "signature: {problem}"),
            ChainError::Expired { time, not_after } => write!(
                f,
                "expired: notAfter {} is before {}",
                not_after.to_rfc3339().unwrap_or_default(),
                time.to_rfc3339().unwrap_or_default()
            ),
            ChainError::NotYetValid { time, not_before } => write!(
                f,
                "not yet valid: notBefore {} is after {}",
                not_before.to_rfc3339().unwrap_or_default(),
                time.to_rfc3339().unwrap_or_default()
            ),
            ChainError::NotCa { problem } => write!(f, "issuer is not a CA: {problem}"),
            ChainError::PathLengthExceeded { path_length, below } => write!(
                f,
                "pathLenConstraint {path_length} exceeded by {below} intermediates below"
            ),
            ChainError::NameConstraint { problem } => write!(f, "name constraints: {problem}"),
            ChainError::ExtendedKeyUsage { problem } => write!(f, "extended key usage: {problem}"),
            ChainError::KeyUsage { problem } => write!(f, "key usage: {problem}"),
            ChainError::NameMismatch { problem } => write!(f, "name mismatch: {problem}"),
            ChainError::UnknownCriticalExtension { oid } => {
                write!(f, "unknown critical extension {oid}")
            }
            ChainError::Revoked { problem } => write!(f, "revoked: {problem}"),
            ChainError::CrlUnusable { problem } => write!(f, "CRL unusable: {problem}"),
            ChainError::RevocationUndetermined { problem } => {
                write!(f, "revocation status undetermined: {problem}")
            }
            ChainError::Profile { problem } => write!(f, "{problem}"),
            ChainError::Policy { problem } => write!(f, "certificate policies: {problem}"),
            ChainError::Distrusted { problem } => write!(f, "distrusted: {problem}"),
        }
    }
}

impl std::error::Error for ChainError {}

/// One named check on one certificate of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Check {
    /// Stable name, e.g. `validity`, `basic_constraints`, `name_constraints`.
    pub name: String,
    /// Whether it passed.
    pub passed: bool,
    /// Index into [`ChainReport::certificates`] of the certificate it concerns.
    pub certificate: usize,
    /// What was checked and found, in words.
    pub explanation: String,
    /// Where the rule comes from (`RFC 5280 6.1.3`, `CA/B BR 7.1.2.7`).
    pub citation: String,
    /// The error, when it failed.
    pub error: Option<ChainError>,
}

/// Where a certificate of the report came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Source {
    /// The certificate being validated.
    Target,
    /// Supplied as untrusted (intermediates, the rest of a served chain).
    Untrusted,
    /// A trust anchor.
    Anchor,
}

/// A certificate as the chain report refers to it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ChainCertificate"))]
pub struct CertificateEntry {
    /// Where it came from.
    pub source: Source,
    /// Position within its source list (0 for the target).
    pub position: usize,
    /// Subject, RFC 4514.
    pub subject: String,
    /// Issuer, RFC 4514.
    pub issuer: String,
    /// SHA-256 of the DER, hex.
    pub sha256: String,
}

/// One path from the target to an anchor, with every check made on it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PathReport {
    /// Indices into [`ChainReport::certificates`], target first, anchor last.
    pub certificates: Vec<usize>,
    /// The profile that judged the path ([`Profile::choose`]).
    pub profile: Profile,
    /// Why that profile: asked for, or what [`Profile::Auto`] saw.
    pub profile_because: String,
    /// Whether every check passed.
    pub valid: bool,
    /// The checks, in the order they were made.
    pub checks: Vec<Check>,
    /// The most specific failure, when invalid.
    pub error: Option<ChainError>,
    /// The latest notBefore in the path, used to prefer newer paths.
    #[cfg_attr(feature = "serde", serde(with = "unix_seconds"))]
    #[cfg_attr(feature = "schema", schemars(with = "u64"))]
    pub newest_not_before: UnixTime,
    /// The valid policies at the end of the path (the deepest level of RFC 5280's valid
    /// policy tree), `None` when the tree is NULL.
    pub valid_policies: Option<Vec<String>>,
    /// The valid policy tree (RFC 5280 6.1.2 (a)) as one branch per valid policy: the valid
    /// policies from depth 0 (`anyPolicy`) down to it, anchor side first; `None` when the tree
    /// is NULL.
    pub valid_policy_tree: Option<Vec<Vec<String>>>,
    /// The authorities-constrained-policy-set (RFC 5280 6.1.6): the valid policies before the
    /// caller's initial policy set is applied; `None` when the tree is NULL. `valid_policies`
    /// is the user-constrained-policy-set: the same, intersected with
    /// [`VerifyOptions::initial_policies`] (6.1.5 (g)).
    pub authorities_constrained_policies: Option<Vec<String>>,
    /// The revocation status of every certificate below the anchor (RFC 5280 6.3), target
    /// first; empty when revocation was not checked.
    pub revocation: Vec<revocation::CertificateRevocation>,
    /// Supplied CRLs no certificate of the path considered (another issuer's, or undecodable),
    /// with the reason.
    pub unused_crls: Vec<revocation::DroppedCrl>,
    /// When [`Profile::Auto`] judged the path by [`Profile::Tls`]: the checks of the Web PKI
    /// profile that fail on it and not in the verdict. Each is a reason a publicly trusted CA
    /// could not issue the path, not a reason to refuse it.
    pub web_pki_findings: Vec<Check>,
}

/// An issuer no supplied certificate provides: who to look for.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MissingIssuer {
    /// Index of the certificate whose issuer is missing.
    pub certificate: usize,
    /// The issuer name, RFC 4514.
    pub issuer: String,
    /// The authority key identifier, hex, when the certificate has one.
    pub key_identifier: Option<String>,
    /// The AIA caIssuers URLs to fetch it from (certscope never fetches).
    pub ca_issuers: Vec<String>,
}

/// Revocation status as far as the supplied CRLs tell.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Revocation {
    /// No CRL was given: not checked.
    NotChecked,
    /// CRLs were given and consulted for the chosen path.
    Checked,
}

/// The result of [`verify`]: every path, the chosen one and why, and what is missing.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChainReport {
    /// The profile the verdict was reached under: the chosen path's ([`PathReport::profile`]);
    /// the one asked for when no path was found.
    pub profile: Profile,
    /// Why that profile ([`PathReport::profile_because`]).
    pub profile_because: String,
    /// Whether a relying party with these options accepts the target.
    pub valid: bool,
    /// The most specific error when invalid.
    pub error: Option<ChainError>,
    /// Every certificate the report refers to: target, untrusted, anchors.
    pub certificates: Vec<CertificateEntry>,
    /// Every path found.
    pub paths: Vec<PathReport>,
    /// Index into `paths` of the chosen path.
    pub chosen: Option<usize>,
    /// Why that path was chosen.
    pub chosen_because: String,
    /// Issuers no path could find.
    pub missing_issuers: Vec<MissingIssuer>,
    /// Untrusted certificates that no path uses.
    pub unused_certificates: Vec<usize>,
    /// Whether the untrusted certificates were given out of order (each should be followed by
    /// its issuer, RFC 8446 4.4.2 / RFC 5246 7.4.2).
    pub wrong_order: bool,
    /// Whether revocation was checked.
    pub revocation: Revocation,
    /// The budget exhausted, if any: while building, or (signatures) while checking CRLs.
    pub budget_exceeded: Option<BudgetLimit>,
    /// Signatures verified against [`Budget::signatures`]: certificates' while building, CRLs'
    /// while deciding revocation, and those of delegated CRL signers' own paths.
    pub signatures_checked: usize,
    /// For a TLS server or client purpose: what each TLS stack decides for the target as the
    /// end entity of a connection (the rows of [`crate::role::ClientServer::verifiers`], checked
    /// against the real stacks); empty for other purposes. The chain above the target is not
    /// part of these answers.
    pub stacks: Vec<StackAnswer>,
}

/// One TLS stack's answer for the target as the end entity, for the purpose validated.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StackAnswer {
    /// The stack, e.g. `rustls (webpki)`.
    pub stack: String,
    /// Whether it accepts the target.
    pub accepts: bool,
    /// Why, in the stack's own terms where it has them.
    pub reason: String,
}

/// Builds every path from `target` through `untrusted` to one of `anchors` and validates each.
///
/// The report is valid when one path passes every check; otherwise [`ChainReport::error`] is
/// the most specific failure over all paths ([`ChainError::rank`]).
///
/// ```
/// use certscope::chain::{verify, ChainError, ExpectedName, Purpose, VerifyOptions};
/// use certscope::time::UnixTime;
///
/// let read = |pem: &str| {
///     let parsed = certscope::parse_input(pem.as_bytes(), &Default::default()).unwrap();
///     let cert = parsed.certificates().next().unwrap().clone();
///     cert
/// };
/// let leaf = read(include_str!("../tests/data/roles/tls-server.pem"));
/// let issuer = read(include_str!("../tests/data/roles/intermediate-eku.pem"));
/// let root = read(include_str!("../tests/data/roles/root.pem"));
///
/// let mut options = VerifyOptions::at(UnixTime::parse_rfc3339("2026-06-01T00:00:00Z").unwrap());
/// options.purpose = Purpose::ServerAuth;
/// options.host = Some(ExpectedName::Dns("www.example.com".into()));
/// let report = verify(&leaf, &[issuer.clone()], &[root.clone()], &options);
/// assert!(report.valid, "{:?}", report.error);
///
/// // The wrong host name: the same path, now failing its name check.
/// options.host = Some(ExpectedName::Dns("mail.example.com".into()));
/// let report = verify(&leaf, &[issuer.clone()], &[root.clone()], &options);
/// assert!(matches!(report.error, Some(ChainError::NameMismatch { .. })));
///
/// // No anchor: nothing to build to.
/// options.host = None;
/// let report = verify(&leaf, &[issuer], &[], &options);
/// assert!(!report.valid);
/// assert!(!report.missing_issuers.is_empty());
/// ```
pub fn verify(
    target: &Cert,
    untrusted: &[Cert],
    anchors: &[Cert],
    options: &VerifyOptions,
) -> ChainReport {
    verify_at_depth(target, untrusted, anchors, options, 0)
}

/// [`verify`] for a path validated inside another validation: `depth` 0 is the caller's, 1 a
/// delegated CRL signer's path ([`revocation`], RFC 5280 6.3.3 (f)), and so on.
pub(crate) fn verify_at_depth(
    target: &Cert,
    untrusted: &[Cert],
    anchors: &[Cert],
    options: &VerifyOptions,
    depth: usize,
) -> ChainReport {
    // A TLS stack's profile judges signature digests and CA key sizes as that stack does.
    let stack_options;
    let options = match options.profile.spec().stack {
        Some(chain) => {
            let mut copy = options.clone();
            copy.allow_sha1 = chain.ca_sha1;
            copy.minimum_rsa_bits = chain.ca_minimum_rsa_bits;
            stack_options = copy;
            &stack_options
        }
        None => options,
    };
    // A target the caller also trusts carries the trust settings of its trusted copy.
    let settled;
    let target = match anchors
        .iter()
        .find(|a| a.der() == target.der() && a.aux_trust().is_some())
    {
        Some(anchor) if target.aux_trust().is_none() => {
            let mut copy = target.clone();
            copy.set_aux_trust(anchor.aux_trust().cloned());
            settled = copy;
            &settled
        }
        _ => target,
    };
    let mut all: Vec<(&Cert, Source, usize)> = vec![(target, Source::Target, 0)];
    all.extend(
        untrusted
            .iter()
            .enumerate()
            .map(|(i, c)| (c, Source::Untrusted, i)),
    );
    all.extend(
        anchors
            .iter()
            .enumerate()
            .map(|(i, c)| (c, Source::Anchor, i)),
    );
    let certificates: Vec<CertificateEntry> = all
        .iter()
        .map(|(cert, source, position)| CertificateEntry {
            source: *source,
            position: *position,
            subject: crate::name::rfc4514(cert.x509().tbs_certificate().subject()),
            issuer: crate::name::rfc4514(cert.x509().tbs_certificate().issuer()),
            sha256: crate::cert::hex(cert.sha256()),
        })
        .collect();
    let pool: Vec<&Cert> = all.iter().map(|(c, _, _)| *c).collect();
    let is_anchor: Vec<bool> = all.iter().map(|(_, s, _)| *s == Source::Anchor).collect();

    let built = build::build(&pool, &is_anchor, options);
    let comparisons = std::cell::Cell::new(0);
    let revocation =
        revocation::Revocation::new(&pool, &is_anchor, options, depth, built.signatures_checked);
    // Under `auto` each path is judged by the profile it calls for (`Profile::choose`).
    let requested = options.profile;
    let auto = (requested == Profile::Auto).then(|| {
        let with = |profile: Profile| {
            let mut copy = options.clone();
            copy.profile = profile;
            copy
        };
        (with(Profile::WebPki), with(Profile::Tls))
    });
    let mut paths: Vec<PathReport> = built
        .paths
        .iter()
        .map(|path| {
            let validate = |options: &VerifyOptions| {
                checks::validate_path_with_names(
                    &pool,
                    path,
                    options,
                    &built.signatures,
                    &comparisons,
                    Some((&built.subjects, &built.issuers)),
                )
            };
            let Some((web, tls)) = &auto else {
                return validate(options);
            };
            let public_root = path
                .last()
                .and_then(|&i| pool.get(i))
                .is_some_and(|anchor| {
                    let fingerprint = crate::cert::hex(anchor.sha256());
                    options
                        .public_roots
                        .iter()
                        .any(|root| root.eq_ignore_ascii_case(&fingerprint))
                });
            let claim = path
                .iter()
                .filter_map(|&i| pool.get(i))
                .find_map(|cert| profile::ca_browser_forum_policy(cert));
            let (profile, because) = requested.choose(public_root, claim.as_deref());
            let mut report = validate(if profile == Profile::WebPki { web } else { tls });
            if profile == Profile::Tls {
                // What the Web PKI would refuse beyond the verdict: findings, not failures.
                let failed_in_verdict = |check: &Check| {
                    report.checks.iter().any(|c| {
                        !c.passed && c.name == check.name && c.certificate == check.certificate
                    })
                };
                let findings: Vec<Check> = validate(web)
                    .checks
                    .into_iter()
                    .filter(|check| !check.passed && !failed_in_verdict(check))
                    .collect();
                report.web_pki_findings = findings;
            }
            report.profile = profile;
            report.profile_because = because;
            report
        })
        .map(|mut report| {
            let path = &report.certificates;
            let (statuses, checks, unused) = revocation.check_path(path);
            report.checks.extend(checks);
            report.revocation = statuses;
            report.unused_crls = unused;
            report.error = report
                .checks
                .iter()
                .filter_map(|c| c.error.clone())
                .max_by_key(ChainError::rank);
            report.valid = report.error.is_none();
            report
        })
        .collect();
    // Valid first, then shortest, then newest (latest notBefore), then discovery order.
    // Under OpenSSL's anchor rules, the chain OpenSSL builds decides: trusted issuers first
    // (the builder's order), the first path that reaches an anchor, valid or not.
    let openssl = options.profile.spec().anchors == profile::AnchorRules::Openssl;
    let mut order: Vec<usize> = (0..paths.len()).collect();
    order.sort_by(|&a, &b| {
        let (Some(pa), Some(pb)) = (paths.get(a), paths.get(b)) else {
            return a.cmp(&b);
        };
        if openssl {
            let unanchored = |p: &PathReport| {
                p.checks
                    .iter()
                    .any(|c| c.name == "openssl_anchor" && !c.passed)
            };
            return unanchored(pa).cmp(&unanchored(pb)).then(a.cmp(&b));
        }
        pb.valid
            .cmp(&pa.valid)
            .then(pa.certificates.len().cmp(&pb.certificates.len()))
            .then(pb.newest_not_before.cmp(&pa.newest_not_before))
            .then(a.cmp(&b))
    });
    // `order` is a permutation: each report is moved once, not copied.
    let mut slots: Vec<Option<PathReport>> = paths.into_iter().map(Some).collect();
    paths = order
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .collect();
    let chosen = if paths.is_empty() { None } else { Some(0) };
    let valid = paths.first().is_some_and(|p| p.valid);
    let chosen_because = match (paths.len(), valid) {
        (0, _) => "no path reaches a trust anchor".to_string(),
        (_, _) if openssl && paths.len() > 1 => {
            "the path OpenSSL builds: trusted issuers first, the first that reaches an anchor"
                .to_string()
        }
        (1, true) => "the only path found, and it is valid".to_string(),
        (1, false) => "the only path found; it is invalid".to_string(),
        (_, true) => "valid; among valid paths the shortest, then the newest".to_string(),
        (_, false) => "no path is valid; shown is the shortest, then the newest".to_string(),
    };
    let error = if valid {
        None
    } else {
        let from_paths = paths
            .iter()
            .filter_map(|p| p.error.clone())
            .max_by_key(ChainError::rank);
        // A candidate issuer whose signature did not verify says more than "missing".
        let signature_failure = built
            .signatures
            .iter()
            .filter_map(|(&(child, issuer), outcome)| {
                outcome.as_ref().err().map(|e| (child, issuer, e))
            })
            .min_by_key(|&(child, issuer, _)| (child, issuer))
            .map(|(child, issuer, e)| ChainError::Signature {
                problem: format!("certificate {child} as signed by certificate {issuer}: {e}"),
            });
        match (from_paths, built.budget_exceeded, signature_failure) {
            (Some(e), _, _) => Some(e),
            (None, Some(limit), _) => Some(ChainError::BudgetExceeded { limit }),
            (None, None, Some(e)) => Some(e),
            // Every issuer was supplied, but the path would need more intermediates than the
            // budget allows: at least one more.
            (None, None, None) if built.depth_limited && built.missing.is_empty() => {
                Some(ChainError::TooManyIntermediates {
                    count: options.budget.intermediates.saturating_add(1),
                    limit: options.budget.intermediates,
                })
            }
            (None, None, None) => Some(ChainError::UnknownIssuer {
                missing: built
                    .missing
                    .first()
                    .map(|m| {
                        let key = m
                            .key_identifier
                            .as_ref()
                            .map(|k| format!(", key id {k}"))
                            .unwrap_or_default();
                        format!("issuer {}{key} was not supplied", m.issuer)
                    })
                    .unwrap_or_else(|| "no candidate issuer".to_string()),
            }),
        }
    };
    let used: std::collections::BTreeSet<usize> = paths
        .iter()
        .flat_map(|p| p.certificates.iter().copied())
        .collect();
    let unused_certificates = (1..=untrusted.len())
        .filter(|i| !used.contains(i))
        .collect();
    let served = pool.get(..=untrusted.len()).unwrap_or(&pool);
    let wrong_order = build::served_out_of_order_by_keys(served, &built.subjects, &built.issuers);
    let (profile, profile_because) = match paths.first() {
        Some(path) => (path.profile, path.profile_because.clone()),
        None if requested == Profile::Auto => (
            requested,
            "no path was found, so no profile was chosen".to_owned(),
        ),
        None => (requested, "asked for".to_owned()),
    };
    let stacks = stack_answers(target, &options.purpose);
    ChainReport {
        profile,
        profile_because,
        valid,
        error,
        certificates,
        paths,
        chosen,
        chosen_because,
        missing_issuers: built.missing,
        unused_certificates,
        wrong_order,
        revocation: if !revocation.active() {
            Revocation::NotChecked
        } else {
            Revocation::Checked
        },
        budget_exceeded: built.budget_exceeded.or(revocation
            .budget_exceeded()
            .then_some(BudgetLimit::Signatures)),
        signatures_checked: revocation.signatures_checked(),
        stacks,
    }
}

/// One TLS stack's verdict on a chain under its profile ([`verify_stacks`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct StackVerdict {
    /// The stack's profile (`openssl`, `go`, `rustls`, `java`, `gnutls`, `nss`, `wolfssl`,
    /// `mbedtls`).
    pub profile: Profile,
    /// The stack, e.g. `Go crypto/x509`.
    pub stack: String,
    /// The stack version the profile reproduces (checked against it on the corpus of
    /// `stacks/`).
    pub version: String,
    /// Whether the stack accepts the target for the purpose (and host) asked.
    pub valid: bool,
    /// Why: the most specific error, in the stack's own terms where it has them; when valid,
    /// what accepted the end entity.
    pub reason: String,
}

/// The options a TLS stack's profile runs with when it answers for the stack's TLS library:
/// `options` under `profile`, and for OpenSSL the defaults of libssl on Debian (security
/// level 2 unless an authentication level is given; the commonName read as a host name when
/// the subjectAltName has no dNSName, as `X509_check_host`).
pub fn stack_options(options: &VerifyOptions, profile: Profile) -> VerifyOptions {
    let mut copy = options.clone();
    copy.profile = profile;
    if profile == Profile::Openssl {
        copy.auth_level = options.auth_level.or(Some(2));
        copy.common_name_fallback = true;
    }
    copy
}

/// Verifies the target under the profile of each of the eight TLS stacks
/// ([`profile::STACK_PROFILES`], with [`stack_options`]): the matrix of `verify --profile all`.
pub fn verify_stacks(
    target: &Cert,
    untrusted: &[Cert],
    anchors: &[Cert],
    options: &VerifyOptions,
) -> Vec<StackVerdict> {
    profile::STACK_PROFILES
        .into_iter()
        .filter_map(|profile| {
            let stack = profile.stack()?;
            let report = verify(target, untrusted, anchors, &stack_options(options, profile));
            let reason = match &report.error {
                // The stack's own refusals name it; the verdict is already by stack.
                Some(error) => {
                    let text = error.to_string();
                    match text.strip_prefix(&format!("{}: ", stack.label())) {
                        Some(rest) => rest.to_owned(),
                        None => text,
                    }
                }
                None => report
                    .chosen
                    .and_then(|i| report.paths.get(i))
                    .and_then(|path| path.checks.iter().find(|c| c.name == "stack_end_entity"))
                    .map_or_else(|| "accepted".to_owned(), |check| check.explanation.clone()),
            };
            Some(StackVerdict {
                profile,
                stack: stack.label().to_owned(),
                version: stack.version().to_owned(),
                valid: report.valid,
                reason,
            })
        })
        .collect()
}

/// What each TLS stack decides for the target as the end entity, for a TLS purpose.
fn stack_answers(target: &Cert, purpose: &Purpose) -> Vec<StackAnswer> {
    let server = match purpose {
        Purpose::ServerAuth => true,
        Purpose::ClientAuth => false,
        _ => return Vec::new(),
    };
    crate::role::verifier_verdicts(target)
        .into_iter()
        .map(|verdict| StackAnswer {
            stack: verdict.verifier,
            accepts: if server {
                verdict.as_server
            } else {
                verdict.as_client
            },
            // A self-signed target is its own anchor here: the row's assumption holds.
            reason: {
                let reason = if server {
                    verdict.server_reason
                } else {
                    verdict.client_reason
                };
                match reason.strip_prefix(crate::role::TRUSTED_DIRECTLY) {
                    Some(rest) => rest.to_owned(),
                    None => reason,
                }
            },
        })
        .collect()
}

#[cfg(feature = "mozilla-roots")]
/// The Mozilla root store bundled through `webpki-root-certs`: the roots' DER and the crate
/// version they come from.
pub fn mozilla_roots() -> (Vec<&'static [u8]>, &'static str) {
    (
        webpki_root_certs::TLS_SERVER_ROOT_CERTS
            .iter()
            .map(|c| c.as_ref())
            .collect(),
        MOZILLA_ROOTS_VERSION,
    )
}

#[cfg(feature = "mozilla-roots")]
/// The SHA-256 fingerprints (hex) of the bundled Mozilla roots, for
/// [`VerifyOptions::public_roots`].
pub fn mozilla_root_fingerprints() -> Vec<String> {
    use sha2::Digest;
    webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|c| crate::cert::hex(&sha2::Sha256::digest(c.as_ref())))
        .collect()
}

#[cfg(feature = "mozilla-roots")]
/// The version of `webpki-root-certs` bundled.
pub const MOZILLA_ROOTS_VERSION: &str = "webpki-root-certs 1.0.11";

/// Serialises a [`UnixTime`] as its seconds.
#[cfg(feature = "serde")]
mod unix_seconds {
    use crate::time::UnixTime;

    pub fn serialize<S: serde::Serializer>(
        time: &UnixTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(time.0)
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<UnixTime, D::Error> {
        <u64 as serde::Deserialize>::deserialize(deserializer).map(UnixTime)
    }
}

#[cfg(all(test, feature = "mozilla-roots"))]
mod tests {
    #[test]
    fn bundled_roots_decode_and_name_their_version() {
        let (roots, version) = super::mozilla_roots();
        assert!(roots.len() > 100);
        for der in roots {
            crate::Cert::from_der(der).unwrap();
        }
        let lock = include_str!("../Cargo.lock");
        let exact = version.trim_start_matches("webpki-root-certs ");
        assert!(
            lock.contains(&format!(
                "name = \"webpki-root-certs\"\nversion = \"{exact}\""
            )),
            "Cargo.lock does not hold {version}"
        );
    }
}
