//! What a validation is asked: the purpose, the expected name and every option
//! ([`VerifyOptions`]).

use std::fmt;

use der::asn1::ObjectIdentifier;

use super::{Budget, Profile};
use crate::purpose::PurposeId;
use crate::time::UnixTime;

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
    /// Mozilla roots (`chain::mozilla_root_fingerprints`, with the `mozilla-roots` feature),
    /// the page from the store it loads.
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
    /// ([`super::revocation`], RFC 5280 6.3).
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
    /// the profile's default ([`super::ProfileSpec::default_auth_level`]).
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
