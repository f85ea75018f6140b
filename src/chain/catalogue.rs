//! The chain checks as data: every check a path report can name, with where its rule comes
//! from, what it checks and which profiles make it. `docs/checks.md` is generated from
//! [`CHECKS`] by `cargo xtask generate`, and a check is recorded on a path by its [`CheckId`],
//! generated from the same entries, so every check a path names is listed here.

use super::Profile;

/// One chain check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CheckSpec {
    /// The stable name a [`super::Check`] carries.
    pub id: &'static str,
    /// Where the rule comes from (one check may cite several sections).
    pub citation: &'static str,
    /// What it checks, in words.
    pub checks: &'static str,
    /// The profiles that make it.
    pub profiles: &'static [Profile],
}

const ALL: &[Profile] = &[
    Profile::WebPki,
    Profile::Rfc5280,
    Profile::Tls,
    Profile::Openssl,
    Profile::Go,
    Profile::Rustls,
    Profile::Java,
    Profile::Gnutls,
    Profile::Nss,
    Profile::Wolfssl,
    Profile::Mbedtls,
];
/// The profiles of the TLS stacks besides OpenSSL's (`profile::StackChain`).
const STACKS: &[Profile] = &[
    Profile::Go,
    Profile::Rustls,
    Profile::Java,
    Profile::Gnutls,
    Profile::Nss,
    Profile::Wolfssl,
    Profile::Mbedtls,
];
/// The profiles that judge the end entity by the common checks (a TLS stack's profile judges
/// it by `stack_end_entity`).
const COMMON: &[Profile] = &[
    Profile::WebPki,
    Profile::Rfc5280,
    Profile::Tls,
    Profile::Openssl,
];
/// The standard profiles and the TLS stacks' (which check a CA's extendedKeyUsage).
const STANDARD_AND_STACKS: &[Profile] = &[
    Profile::WebPki,
    Profile::Rfc5280,
    Profile::Tls,
    Profile::Go,
    Profile::Rustls,
    Profile::Java,
    Profile::Gnutls,
    Profile::Nss,
    Profile::Wolfssl,
    Profile::Mbedtls,
];
const WEB: &[Profile] = &[Profile::WebPki];
const STANDARD: &[Profile] = &[Profile::WebPki, Profile::Rfc5280, Profile::Tls];
const RFC5280: &[Profile] = &[Profile::Rfc5280];
const OPENSSL: &[Profile] = &[Profile::Openssl];

macro_rules! checks {
    ($($variant:ident $id:literal, $profiles:expr, $citation:literal, $checks:literal;)*) => {
        /// Every chain check, grouped by concern as in `src/chain/checks/`.
        pub const CHECKS: &[CheckSpec] = &[$(CheckSpec {
            id: $id,
            citation: $citation,
            checks: $checks,
            profiles: $profiles,
        }),*];

        /// The name of a chain check: a check is recorded by its id, so that every check a
        /// path can carry is one of [`CHECKS`], and its name is [`CheckId::as_str`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum CheckId {
            $(
                #[doc = $checks]
                $variant,
            )*
        }

        impl CheckId {
            /// The stable name a [`super::Check`] carries (its `name`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(CheckId::$variant => $id,)*
                }
            }

            /// Where the check's rule comes from: the citation every [`super::Check`] of
            /// this id carries (a TLS stack's profile cites the stack's version instead for
            /// the checks it makes as that stack).
            pub const fn citation(self) -> &'static str {
                match self {
                    $(CheckId::$variant => $citation,)*
                }
            }
        }
    };
}

checks! {
    Validity "validity", ALL, "RFC 5280 6.1.3 (a)(2)",
        "the validation time is within notBefore and notAfter";
    Version "version", ALL, "RFC 5280 4.1.2.1, CA/B BR 7.1.1",
        "a certificate with extensions (in the Web PKI: every certificate) is version 3";
    IssuerName "issuer_name", ALL, "RFC 5280 4.1.2.4", "the issuer name is not empty";
    DuplicateExtensions "duplicate_extensions", ALL, "RFC 5280 4.2", "no extension appears twice";
    CriticalExtensions "critical_extensions", ALL, "RFC 5280 4.2, 6.1.4 (o)",
        "every critical extension is one certscope processes";
    ExtensionsDecode "extensions_decode", ALL, "RFC 5280 4.2", "every extension certscope processes decodes";
    AuthorityInfoAccess "authority_info_access", WEB, "RFC 5280 4.2.2.1", "authorityInfoAccess is not critical";
    KeyUsageConsistency "key_usage_consistency", STANDARD, "RFC 5280 4.2.1.3",
        "keyCertSign is asserted only with basicConstraints cA TRUE";
    PublicKey "public_key", ALL, "CA/B BR 6.1.5, 7.1.3.1; OpenSSL auth level",
        "the key decodes and is strong enough (RSA size, named curve; in the openssl profile \
         the authentication level's security bits)";
    SerialNumber "serial_number", WEB, "RFC 5280 4.1.2.2", "the serial is positive and at most 20 bytes";
    SignatureAlgorithmMatch "signature_algorithm_match", ALL, "RFC 5280 4.1.1.2",
        "signatureAlgorithm equals tbsCertificate.signature";
    Signature "signature", ALL, "RFC 5280 6.1.3 (a)(1); OpenSSL auth level",
        "the issuer's signature verifies with an accepted algorithm (no SHA-1 unless allowed; \
         in the openssl profile the authentication level's security bits)";
    BasicConstraints "basic_constraints", ALL,
        "RFC 5280 6.1.4 (k), CA/B BR 7.1.2.1.4; OpenSSL X509_check_ca",
        "an issuer is a CA (openssl: X509_check_ca, strict below the top of the path)";
    PathLength "path_length", ALL, "RFC 5280 6.1.4 (m)", "pathLenConstraint is not exceeded";
    IssuerKeyUsage "issuer_key_usage", ALL, "RFC 5280 6.1.4 (n)", "an issuer's keyUsage asserts keyCertSign";
    SubjectName "subject_name", ALL, "RFC 5280 4.1.2.6", "a CA's subject name is not empty";
    ExtendedKeyUsage "extended_key_usage", STANDARD_AND_STACKS, "RFC 5280 4.2.1.12, CA/B BR 7.1.2.1.2, 7.1.2.2.5",
        "the target's extendedKeyUsage allows the purpose; a CA's does not exclude it (in a \
         TLS stack's profile, as that stack reads it); a root has none (Web PKI)";
    NameConstraintsCritical "name_constraints_critical", RFC5280, "RFC 5280 4.2.1.10", "nameConstraints is critical";
    NameConstraints "name_constraints", ALL, "RFC 5280 6.1.3 (b), (c), 4.2.1.10",
        "the names below each CA are within its constraints, which are well formed";
    PolicyConstraints "policy_constraints", ALL, "RFC 5280 4.2.1.11", "policyConstraints is critical";
    MaxIntermediates "max_intermediates", ALL, "caller's limit",
        "the path has at most the caller's number of intermediates";
    LeafBasicConstraints "leaf_basic_constraints", WEB, "CA/B BR 7.1.2.7.8", "a subscriber certificate is not a CA";
    LeafNameConstraints "leaf_name_constraints", COMMON, "RFC 5280 4.2.1.10",
        "nameConstraints appears only in CA certificates";
    RequiredExtendedKeyUsage "required_extended_key_usage", ALL, "RFC 5280 4.2.1.12",
        "the target allows the caller's extra extended key usages";
    LeafKeyUsage "leaf_key_usage", STANDARD, "RFC 5280 4.2.1.3, 4.2.1.12",
        "the target's keyUsage allows what the purpose does with the key";
    RequiredKeyUsage "required_key_usage", ALL, "RFC 5280 4.2.1.3", "the target asserts the caller's key usages";
    SubjectAltName "subject_alt_name", COMMON, "RFC 5280 4.1.2.6, 4.2.1.6, CA/B BR 7.1.2.7.12",
        "subjectAltName is present and critical as the subject requires; in the Web PKI, a \
         server has one, non-critical, with valid host names";
    CommonName "common_name", WEB, "CA/B BR 7.1.4.3",
        "a subject CN that stands for a subjectAltName value is written exactly as it";
    HostName "host_name", COMMON, "RFC 6125 6.4", "the target matches the expected host name or address";
    Identity "identity", ALL, "RFC 5280 4.2.1.6", "the target carries the expected identities";
    AuthorityKeyIdentifier "authority_key_identifier", COMMON, "RFC 5280 4.2.1.1, CA/B BR 7.1.2.1.3, 7.1.2.7.6",
        "authorityKeyIdentifier is not critical; in the Web PKI, present with a keyIdentifier \
         (a root's matches its own)";
    SubjectKeyIdentifier "subject_key_identifier", COMMON, "RFC 5280 4.2.1.2",
        "subjectKeyIdentifier is not critical; in the Web PKI, every CA has one";
    CertificatePolicies "certificate_policies", ALL, "RFC 5280 6.1.2 to 6.1.5",
        "policy processing leaves a valid policy where one is required";
    OpensslPurpose "openssl_purpose", OPENSSL, "OpenSSL X509_check_purpose",
        "OpenSSL's purpose rules on the target as an end entity and on every CA";
    AnchorTrust "anchor_trust", ALL, "OpenSSL X509_check_trust (TRUSTED CERTIFICATE)",
        "the anchor's own trust settings do not reject the purpose, and a trust list names it";
    OpensslAnchor "openssl_anchor", OPENSSL, "OpenSSL check_trust (X509_V_FLAG_PARTIAL_CHAIN)",
        "the certificate ending the path is self-signed or trusted for the purpose, unless \
         partial chains are allowed";
    Revocation "revocation", ALL, "RFC 5280 6.3", "no supplied CRL revokes a certificate of the path";
    CrlDecoding "crl_decoding", ALL, "RFC 5280 5.1", "every supplied CRL decodes";
    StackEndEntity "stack_end_entity", STACKS, "the stack's version (client_server.verifiers)",
        "the end entity passes the stack's own checks for the side: extendedKeyUsage, \
         keyUsage for the key exchanges, Netscape cert type, critical extensions, version, key \
         and signature algorithm, basicConstraints, the host name as the stack matches it";
}

/// The check of that id.
pub fn check(id: &str) -> Option<&'static CheckSpec> {
    CHECKS.iter().find(|spec| spec.id == id)
}

impl CheckId {
    /// The check's entry in [`CHECKS`].
    pub fn spec(self) -> Option<&'static CheckSpec> {
        check(self.as_str())
    }
}
