//! Verification profiles as data: each is a named selection and parameterisation of the chain
//! checks and of path building, and names the implementation and version it reproduces. A
//! profile for another TLS stack is one more entry in [`PROFILES`] (and one more arm of
//! [`Profile`]), not a fork of the checks.

use std::fmt;

pub use crate::role::Stack;

/// Which rule set the certificates are held to, besides RFC 5280 section 6. Each is
/// described by its [`ProfileSpec`] ([`Profile::spec`]); every interface (the report, the CLI,
/// wasm) spells it by [`Profile::name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Profile {
    /// The default: [`Profile::WebPki`] for a path that ends at a root of the public store
    /// ([`super::VerifyOptions::public_roots`]) or that asserts a CA/Browser Forum policy,
    /// [`Profile::Tls`] otherwise, with the Web PKI's findings reported beside the verdict
    /// ([`super::PathReport::web_pki_findings`]). Chosen per path ([`Profile::choose`]).
    Auto,
    /// RFC 5280 plus the CA/Browser Forum Baseline Requirements as browsers enforce them
    /// (subjectAltName required, key identifiers, key sizes, no SHA-1, ...).
    #[cfg_attr(feature = "serde", serde(alias = "web_pki"))]
    WebPki,
    /// RFC 5280 path validation only.
    Rfc5280,
    /// A private PKI as the common TLS stacks (OpenSSL, Go, rustls, Java) validate it: RFC 5280
    /// path validation without the CA/Browser Forum's rules, nameConstraints processed whether
    /// critical or not.
    Tls,
    /// OpenSSL 3.0's `openssl verify -purpose P`: its purpose rules (`X509_check_purpose`),
    /// its trust rules (a self-signed anchor, `TRUSTED CERTIFICATE` settings, partial chains
    /// only when asked), its authentication level and the extensions it processes.
    Openssl,
    /// Go's crypto/x509 `Certificate.Verify` with `KeyUsages` ([`STACK_PROFILES`]).
    Go,
    /// rustls-webpki's `verify_for_usage`.
    Rustls,
    /// Java's PKIX CertPathValidator with JSSE's end-entity checks.
    Java,
    /// GnuTLS's `gnutls_x509_trust_list_verify_crt2` with the purpose.
    Gnutls,
    /// NSS's `CERT_VerifyCertificate` with the TLS usage.
    Nss,
    /// wolfSSL's verification in a TLS handshake.
    Wolfssl,
    /// Mbed TLS's `mbedtls_x509_crt_verify_with_profile` with the usage checks of an
    /// application.
    Mbedtls,
}

/// How a profile treats the purpose (extended key usage, key usage) of the certificates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PurposeRules {
    /// RFC 5280 4.2.1.12 with the options' [`super::EkuPolicy`]; the CA/B Forum's subscriber
    /// rules when the profile has [`ProfileSpec::web_pki`].
    Rfc5280,
    /// OpenSSL's `X509_check_purpose` on the target and, as a CA, on every issuer
    /// ([`crate::purpose::check_purpose`]).
    Openssl,
}

/// How a profile decides that the last certificate of a path anchors it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AnchorRules {
    /// Any certificate the caller trusts anchors a path (RFC 5280 6.1.1 (d): an anchor is a
    /// name and a key), unless its own trust settings reject the purpose.
    AnyTrusted,
    /// OpenSSL 3.0's `check_trust()`: a trusted certificate anchors a path when its trust
    /// settings trust the purpose, or it is self-signed and its settings do not reject it, or
    /// partial chains are allowed ([`super::VerifyOptions::partial_chain`]). Otherwise path
    /// building goes on past it, looking for its issuer.
    Openssl,
}

/// A verification profile: what it reproduces and how it parameterises the checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ProfileSpec {
    /// The profile.
    pub profile: Profile,
    /// Its name, as the CLI, wasm and the report spell it.
    pub name: &'static str,
    /// The implementation (and version) or standard whose verdicts it reproduces.
    pub reproduces: &'static str,
    /// What it is, in one sentence.
    pub summary: &'static str,
    /// Whether the CA/Browser Forum rules apply (subscriber EKU, key identifiers, serial
    /// numbers, critical flags, SHA-224, RSA-PSS salt, host-name syntax).
    pub web_pki: bool,
    /// How purposes are judged.
    pub purposes: PurposeRules,
    /// How an anchor is accepted.
    pub anchors: AnchorRules,
    /// Whether a non-critical nameConstraints extension is refused (RFC 5280 4.2.1.10 "MUST
    /// be critical"); a profile that processes it anyway, as OpenSSL does, says false.
    pub name_constraints_must_be_critical: bool,
    /// Whether name constraints are applied as OpenSSL does: the target's subject CN is
    /// checked as a host name when its subjectAltName has no dNSName, a wildcard dNSName is
    /// compared with excluded subtrees as written (`nc_dns`), and nameConstraints in an end
    /// entity is not refused.
    pub openssl_name_constraints: bool,
    /// Whether a dNSName constraint written with a leading dot (`.example.com`) is taken as
    /// its subdomains, as every TLS stack of `stacks/` takes it (OpenSSL's `nc_dns`, Go's
    /// `matchDomainConstraint`, rustls-webpki, Java, GnuTLS, NSS and wolfSSL). RFC 5280
    /// 4.2.1.10 gives that meaning to a leading dot only in URI and rfc822Name constraints ("a
    /// constraint like .example.com"); a DNS name constraint is a DNS name (`host.example.com`,
    /// subdomains by adding labels), so the `rfc5280` and `webpki` profiles refuse the
    /// constraint as malformed, as x509-limbo's `rfc5280::nc::invalid-dnsname-leading-period`
    /// asks.
    pub dns_constraint_leading_dot: bool,
    /// Whether DSA keys and signatures are refused as the common TLS stacks refuse them: Go
    /// and rustls-webpki verify no DSA signature, wolfSSL and mbedTLS can use no DSA key, and
    /// TLS 1.3 has no DSA signature scheme (the DSA chains of `stacks/`; OpenSSL, Java, GnuTLS
    /// and NSS verify them).
    pub dsa_refused: bool,
    /// Whether keyCertSign without basicConstraints cA fails the certificate (RFC 5280
    /// 4.2.1.3); OpenSSL accepts it (a self-signed end entity with keyCertSign).
    pub key_cert_sign_requires_ca: bool,
    /// Whether a key certscope cannot verify with fails a certificate that signs nothing in
    /// the path (an X25519 end-entity key).
    pub unusable_leaf_key_fails: bool,
    /// The OpenSSL authentication level used when the options give none; `None` when the
    /// profile judges key sizes and digests by [`super::VerifyOptions::minimum_rsa_bits`] and
    /// [`super::VerifyOptions::allow_sha1`] instead.
    pub default_auth_level: Option<u8>,
    /// For a TLS stack's profile: how that stack departs from the common checks.
    pub stack: Option<StackChain>,
}

/// How one TLS stack validates a chain, as departures from the common checks (those of
/// [`Profile::Tls`]): the end entity is judged by the stack's own rules
/// ([`crate::role::Stack`], the rows of `client_server.verifiers`), the certificate
/// authorities by these. Each value was read from the stack's answers on the corpus of
/// `stacks/` (`tests/stacks.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct StackChain {
    /// The stack whose end-entity rules apply.
    pub stack: Stack,
    /// What the stack runs: the function and options a driver calls.
    pub calls: &'static str,
    /// Checks not made on the trust anchor (when it is not the end entity itself): a stack
    /// that takes the anchor as a name and a key does not look at its validity, extensions or
    /// constraints.
    pub anchor_unchecked: &'static [&'static str],
    /// Checks not made on an end entity that is itself the trust anchor (pinned).
    pub pinned_unchecked: &'static [&'static str],
    /// How the anchor's basicConstraints is read.
    pub anchor_basic_constraints: AnchorBasicConstraints,
    /// A version 1 or 2 anchor is refused.
    pub anchor_old_version_refused: bool,
    /// The extensions (dotted OIDs) the stack processes when critical in a CA certificate;
    /// any other critical one fails it.
    pub ca_critical_known: &'static [&'static str],
    /// How extendedKeyUsage in a CA certificate constrains the end entity.
    pub ca_extended_key_usage: CaExtendedKeyUsage,
    /// Whether a CA's keyUsage must assert keyCertSign (RFC 5280 6.1.4 (n)).
    pub ca_key_usage_checked: bool,
    /// Whether a CA certificate without keyUsage is refused.
    pub ca_key_usage_required: bool,
    /// Whether certificate policies are processed (RFC 5280 6.1.2 to 6.1.5:
    /// requireExplicitPolicy decides).
    pub policies: bool,
    /// The smallest RSA key accepted in a CA certificate (its key verifies a signature).
    pub ca_minimum_rsa_bits: usize,
    /// Whether SHA-1 signatures on CA certificates are accepted.
    pub ca_sha1: bool,
    /// How nameConstraints are applied.
    pub name_constraints: NameConstraintRules,
}

/// How a stack reads the anchor's basicConstraints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AnchorBasicConstraints {
    /// cA TRUE is required of a version 3 anchor; a version 1 anchor (which has no
    /// extensions) is a CA.
    Version3NeedsCa,
    /// Only an explicit cA FALSE is refused.
    FalseRefused,
    /// Not read.
    Unchecked,
}

/// How extendedKeyUsage in a CA certificate constrains the end entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CaExtendedKeyUsage {
    /// Not read.
    Ignored,
    /// The CA's extendedKeyUsage must list the purpose.
    Listed {
        /// anyExtendedKeyUsage counts as every purpose.
        any_counts: bool,
        /// Any TLS purpose (serverAuth, clientAuth, a Server Gated Crypto OID) allows both
        /// sides: NSS derives one "SSL CA" cert type from them.
        either_tls_side: bool,
        /// The anchor's own extendedKeyUsage counts too.
        anchor: bool,
    },
}

/// How a stack applies nameConstraints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct NameConstraintRules {
    /// Whether they are applied at all (a stack that does not process them refuses them when
    /// critical: see [`StackChain::ca_critical_known`]).
    pub applied: bool,
    /// Whether the anchor's own nameConstraints apply.
    pub anchor: bool,
    /// When the end entity's subject commonName is checked as a DNS name (it is only when
    /// there is no subjectAltName).
    pub common_name: CommonNameConstraint,
    /// Name forms whose constraints are ignored.
    pub ignored_forms: &'static [NameForm],
    /// Name forms whose constraints are ignored when the extension is not critical and
    /// refuse the certificate when it is.
    pub unsupported_forms: &'static [NameForm],
    /// Name forms the stack does not process: a constraint of the form refuses every
    /// certificate below that has a name of that form (its subject for directoryName).
    pub refused_forms: &'static [NameForm],
    /// Name forms whose permitted subtrees are ignored and whose excluded subtrees refuse
    /// every certificate below that has a name of that form.
    pub excluded_refused_forms: &'static [NameForm],
    /// Whether the host of a URI subjectAltName is checked against dNSName constraints.
    pub dns_applies_to_uri: bool,
    /// Whether iPAddress subjectAltName entries are checked against dNSName constraints too,
    /// as names within no DNS subtree.
    pub ip_checked_as_dns: bool,
    /// Whether an IPv4 address is checked only against IPv4 constraints and an IPv6 address
    /// only against IPv6 ones (so that a permitted subtree of the other family leaves it
    /// free).
    pub ip_families_apart: bool,
    /// Whether a CA's constraints bind only the certificates it issued itself, not those
    /// further down the path.
    pub issuer_only: bool,
    /// Whether a wildcard dNSName hits an excluded subtree when a name it covers would.
    pub wildcard_covers_excluded: bool,
}

/// When the end entity's subject commonName is checked against dNSName constraints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CommonNameConstraint {
    /// Whenever there is no subjectAltName.
    WithoutSan,
    /// Only for a TLS server without subjectAltName.
    ServerWithoutSan,
    /// Whenever there is no subjectAltName dNSName, iPAddress or URI, whatever the commonName
    /// holds (even text that is no host name).
    AnyWithoutAltNames,
    /// Never.
    Never,
}

/// A form of GeneralName a constraint can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NameForm {
    /// dNSName.
    Dns,
    /// iPAddress.
    Ip,
    /// uniformResourceIdentifier.
    Uri,
    /// rfc822Name.
    Email,
    /// directoryName.
    Directory,
}

/// Every profile, the default ([`Profile::Auto`]) first, then the TLS stacks'.
pub const PROFILES: &[ProfileSpec] = &[
    AUTO, WEBPKI, RFC5280, TLS, OPENSSL, GO, RUSTLS, JAVA, GNUTLS, NSS, WOLFSSL, MBEDTLS,
];

/// The profiles that reproduce a TLS stack, in the order of [`Stack::ALL`]: what
/// `verify --profile all` runs.
pub const STACK_PROFILES: [Profile; 8] = [
    Profile::Openssl,
    Profile::Go,
    Profile::Rustls,
    Profile::Java,
    Profile::Gnutls,
    Profile::Nss,
    Profile::Wolfssl,
    Profile::Mbedtls,
];

/// Chooses a profile per path; until it has, the strictest (Web PKI) parameters stand.
const AUTO: ProfileSpec = ProfileSpec {
    profile: Profile::Auto,
    name: "auto",
    reproduces: "`webpki` for a path to a public root or asserting a CA/Browser Forum \
                     policy, `tls` otherwise",
    summary: "the default: the Web PKI's rules where they bind, the common TLS stacks' verdict \
                  for a private PKI, with the Web PKI's findings beside it",
    ..WEBPKI
};

const TLS: ProfileSpec = ProfileSpec {
    profile: Profile::Tls,
    name: "tls",
    reproduces: "RFC 5280 path validation as OpenSSL, Go, rustls and Java apply it",
    summary: "a private PKI: what the common TLS stacks accept, without the CA/Browser Forum's \
                  rules",
    name_constraints_must_be_critical: false,
    dns_constraint_leading_dot: true,
    dsa_refused: true,
    ..RFC5280
};

const WEBPKI: ProfileSpec = ProfileSpec {
    profile: Profile::WebPki,
    name: "webpki",
    reproduces: "RFC 5280 and the CA/Browser Forum Baseline Requirements as browsers and \
                     rustls-webpki enforce them",
    summary: "the public Web PKI: what a browser accepts from a publicly trusted CA",
    web_pki: true,
    purposes: PurposeRules::Rfc5280,
    anchors: AnchorRules::AnyTrusted,
    name_constraints_must_be_critical: false,
    openssl_name_constraints: false,
    dns_constraint_leading_dot: false,
    dsa_refused: false,
    key_cert_sign_requires_ca: true,
    unusable_leaf_key_fails: true,
    default_auth_level: None,
    stack: None,
};

const RFC5280: ProfileSpec = ProfileSpec {
    profile: Profile::Rfc5280,
    name: "rfc5280",
    reproduces: "RFC 5280 section 6 path validation",
    summary: "the standard alone, without Web PKI policy",
    web_pki: false,
    purposes: PurposeRules::Rfc5280,
    anchors: AnchorRules::AnyTrusted,
    name_constraints_must_be_critical: true,
    openssl_name_constraints: false,
    dns_constraint_leading_dot: false,
    dsa_refused: false,
    key_cert_sign_requires_ca: true,
    unusable_leaf_key_fails: true,
    default_auth_level: None,
    stack: None,
};

const OPENSSL: ProfileSpec = ProfileSpec {
    profile: Profile::Openssl,
    name: "openssl",
    reproduces: "OpenSSL 3.0 `openssl verify` (X509_verify_cert)",
    summary: "what `openssl verify -purpose P` answers, with its trust settings, \
                  partial-chain and authentication-level options",
    web_pki: false,
    purposes: PurposeRules::Openssl,
    anchors: AnchorRules::Openssl,
    name_constraints_must_be_critical: false,
    openssl_name_constraints: true,
    dns_constraint_leading_dot: true,
    dsa_refused: false,
    key_cert_sign_requires_ca: false,
    unusable_leaf_key_fails: false,
    default_auth_level: Some(1),
    stack: None,
};

// Extensions by dotted OID, for the stacks' lists of what they process when critical.
const BASIC_CONSTRAINTS: &str = "2.5.29.19";
const KEY_USAGE: &str = "2.5.29.15";
const EXTENDED_KEY_USAGE: &str = "2.5.29.37";
const SUBJECT_ALT_NAME: &str = "2.5.29.17";
const NAME_CONSTRAINTS: &str = "2.5.29.30";
const CERTIFICATE_POLICIES: &str = "2.5.29.32";
const POLICY_MAPPINGS: &str = "2.5.29.33";
const POLICY_CONSTRAINTS: &str = "2.5.29.36";
const INHIBIT_ANY_POLICY: &str = "2.5.29.54";
const AUTHORITY_INFO_ACCESS: &str = "1.3.6.1.5.5.7.1.1";
const SUBJECT_KEY_IDENTIFIER: &str = "2.5.29.14";
const NETSCAPE_CERT_TYPE: &str = "2.16.840.1.113730.1.1";

/// Name constraints as RFC 5280 applies them.
const RFC_NAME_CONSTRAINTS: NameConstraintRules = NameConstraintRules {
    applied: true,
    anchor: true,
    common_name: CommonNameConstraint::WithoutSan,
    ignored_forms: &[],
    unsupported_forms: &[],
    refused_forms: &[],
    excluded_refused_forms: &[],
    dns_applies_to_uri: false,
    ip_checked_as_dns: false,
    ip_families_apart: false,
    issuer_only: false,
    wildcard_covers_excluded: true,
};

/// Name constraints as the TLS stacks of `stacks/` apply them before their own departures: a
/// wildcard dNSName compared with an excluded subtree as written (OpenSSL's `nc_dns`, Go's
/// `matchDomainConstraint`, Java, GnuTLS, NSS and wolfSSL accept `*.example.test` under an
/// excluded `leaf.example.test`; only rustls-webpki lets the `*` stand for any label).
const STACK_NAME_CONSTRAINTS: NameConstraintRules = NameConstraintRules {
    wildcard_covers_excluded: false,
    ..RFC_NAME_CONSTRAINTS
};

/// The common checks a stack's profile departs from.
const STACK_BASE: ProfileSpec = ProfileSpec {
    web_pki: false,
    purposes: PurposeRules::Rfc5280,
    anchors: AnchorRules::AnyTrusted,
    name_constraints_must_be_critical: false,
    openssl_name_constraints: false,
    dns_constraint_leading_dot: true,
    dsa_refused: false,
    key_cert_sign_requires_ca: false,
    unusable_leaf_key_fails: false,
    default_auth_level: None,
    ..TLS
};

const GO: ProfileSpec = ProfileSpec {
    profile: Profile::Go,
    name: "go",
    reproduces: "Go go1.19.8 crypto/x509",
    summary: "what a Go program's TLS stack accepts (Certificate.Verify with KeyUsages and \
                  DNSName)",
    stack: Some(StackChain {
        stack: Stack::Go,
        calls: "x509.Certificate.Verify with KeyUsages ServerAuth or ClientAuth and DNSName",
        anchor_unchecked: &[],
        pinned_unchecked: &[],
        anchor_basic_constraints: AnchorBasicConstraints::Version3NeedsCa,
        anchor_old_version_refused: false,
        ca_critical_known: &[
            BASIC_CONSTRAINTS,
            KEY_USAGE,
            EXTENDED_KEY_USAGE,
            SUBJECT_ALT_NAME,
            NAME_CONSTRAINTS,
            CERTIFICATE_POLICIES,
            AUTHORITY_INFO_ACCESS,
            SUBJECT_KEY_IDENTIFIER,
        ],
        ca_extended_key_usage: CaExtendedKeyUsage::Listed {
            any_counts: true,
            either_tls_side: false,
            anchor: true,
        },
        ca_key_usage_checked: true,
        ca_key_usage_required: false,
        policies: false,
        ca_minimum_rsa_bits: 0,
        ca_sha1: false,
        name_constraints: NameConstraintRules {
            common_name: CommonNameConstraint::Never,
            unsupported_forms: &[NameForm::Directory],
            ..STACK_NAME_CONSTRAINTS
        },
    }),
    ..STACK_BASE
};

const RUSTLS: ProfileSpec = ProfileSpec {
    profile: Profile::Rustls,
    name: "rustls",
    reproduces: "rustls-webpki 0.103.17",
    summary: "what rustls accepts (rustls-webpki's EndEntityCert::verify_for_usage)",
    stack: Some(StackChain {
        stack: Stack::Rustls,
        calls: "EndEntityCert::verify_for_usage with KeyUsage::server_auth() or client_auth(), \
                verify_is_valid_for_subject_name",
        anchor_unchecked: &[
            "validity",
            "critical_extensions",
            "path_length",
            "issuer_key_usage",
            "version",
        ],
        pinned_unchecked: &[],
        anchor_basic_constraints: AnchorBasicConstraints::Unchecked,
        anchor_old_version_refused: false,
        ca_critical_known: &[
            BASIC_CONSTRAINTS,
            KEY_USAGE,
            EXTENDED_KEY_USAGE,
            SUBJECT_ALT_NAME,
            NAME_CONSTRAINTS,
        ],
        ca_extended_key_usage: CaExtendedKeyUsage::Listed {
            any_counts: false,
            either_tls_side: false,
            anchor: false,
        },
        ca_key_usage_checked: false,
        ca_key_usage_required: false,
        policies: false,
        ca_minimum_rsa_bits: 2048,
        ca_sha1: false,
        // rustls-webpki's check_presented_id_conforms_to_constraints: directoryName
        // constraints match no permitted and every excluded name ("Reject any uses of
        // directory name constraints; we don't implement this"), URI and rfc822Name ones are
        // an unsupported name type, each a NameConstraintViolation for a certificate with a
        // name of that form; a wildcard label matches any label of an excluded name.
        name_constraints: NameConstraintRules {
            common_name: CommonNameConstraint::Never,
            refused_forms: &[NameForm::Uri, NameForm::Email, NameForm::Directory],
            ..RFC_NAME_CONSTRAINTS
        },
    }),
    ..STACK_BASE
};

const JAVA: ProfileSpec = ProfileSpec {
    profile: Profile::Java,
    name: "java",
    reproduces: "Java 17.0.15 (Debian) PKIX and JSSE",
    summary: "what a Java program's TLS stack accepts (the PKIX X509TrustManager: \
                  CertPathValidator and JSSE's end-entity checks)",
    stack: Some(StackChain {
        stack: Stack::Java,
        calls: "X509TrustManager.checkServerTrusted / checkClientTrusted (PKIX), \
                HostnameChecker TYPE_TLS",
        anchor_unchecked: &["validity", "critical_extensions", "path_length"],
        pinned_unchecked: &["validity"],
        anchor_basic_constraints: AnchorBasicConstraints::Version3NeedsCa,
        anchor_old_version_refused: false,
        ca_critical_known: &[
            BASIC_CONSTRAINTS,
            KEY_USAGE,
            EXTENDED_KEY_USAGE,
            SUBJECT_ALT_NAME,
            NAME_CONSTRAINTS,
            CERTIFICATE_POLICIES,
            POLICY_MAPPINGS,
            POLICY_CONSTRAINTS,
            INHIBIT_ANY_POLICY,
        ],
        ca_extended_key_usage: CaExtendedKeyUsage::Ignored,
        ca_key_usage_checked: true,
        ca_key_usage_required: false,
        policies: true,
        ca_minimum_rsa_bits: 0,
        ca_sha1: true,
        name_constraints: NameConstraintRules {
            anchor: false,
            ..STACK_NAME_CONSTRAINTS
        },
    }),
    ..STACK_BASE
};

const GNUTLS: ProfileSpec = ProfileSpec {
    profile: Profile::Gnutls,
    name: "gnutls",
    reproduces: "GnuTLS 3.7.9",
    summary: "what GnuTLS accepts (gnutls_x509_trust_list_verify_crt2 with the purpose and \
                  host)",
    stack: Some(StackChain {
        stack: Stack::Gnutls,
        calls: "gnutls_x509_trust_list_verify_crt2 with GNUTLS_DT_KEY_PURPOSE_OID and \
                GNUTLS_DT_DNS_HOSTNAME",
        anchor_unchecked: &[],
        pinned_unchecked: &[],
        anchor_basic_constraints: AnchorBasicConstraints::FalseRefused,
        anchor_old_version_refused: false,
        ca_critical_known: &[
            BASIC_CONSTRAINTS,
            KEY_USAGE,
            EXTENDED_KEY_USAGE,
            SUBJECT_ALT_NAME,
            NAME_CONSTRAINTS,
            CERTIFICATE_POLICIES,
            INHIBIT_ANY_POLICY,
            AUTHORITY_INFO_ACCESS,
            SUBJECT_KEY_IDENTIFIER,
        ],
        ca_extended_key_usage: CaExtendedKeyUsage::Listed {
            any_counts: false,
            either_tls_side: false,
            anchor: false,
        },
        ca_key_usage_checked: true,
        ca_key_usage_required: false,
        policies: false,
        ca_minimum_rsa_bits: 0,
        ca_sha1: false,
        // GnuTLS's gnutls_x509_name_constraints_check: directoryName and URI constraints are
        // not processed (check_unsupported_constraint: an excluded one of the name's type
        // rejects it, a permitted one is ignored), and an IP address is not checked against
        // the other family's subtrees ("do not check IPv4 against IPv6 constraints and vice
        // versa", GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE).
        name_constraints: NameConstraintRules {
            excluded_refused_forms: &[NameForm::Directory, NameForm::Uri],
            ip_families_apart: true,
            ..STACK_NAME_CONSTRAINTS
        },
    }),
    ..STACK_BASE
};

const NSS: ProfileSpec = ProfileSpec {
    profile: Profile::Nss,
    name: "nss",
    reproduces: "NSS 3.87.1",
    summary: "what NSS accepts (CERT_VerifyCertificate with the TLS usage, as vfychain -u)",
    stack: Some(StackChain {
        stack: Stack::Nss,
        calls: "CERT_VerifyCertificate with certificateUsageSSLServer or SSLClient, the anchor \
                trusted CT,C,C; CERT_VerifyCertName",
        anchor_unchecked: &["critical_extensions", "issuer_key_usage"],
        pinned_unchecked: &[],
        anchor_basic_constraints: AnchorBasicConstraints::FalseRefused,
        anchor_old_version_refused: false,
        ca_critical_known: &[
            BASIC_CONSTRAINTS,
            KEY_USAGE,
            EXTENDED_KEY_USAGE,
            SUBJECT_ALT_NAME,
            NAME_CONSTRAINTS,
            NETSCAPE_CERT_TYPE,
            AUTHORITY_INFO_ACCESS,
            SUBJECT_KEY_IDENTIFIER,
        ],
        ca_extended_key_usage: CaExtendedKeyUsage::Listed {
            any_counts: false,
            either_tls_side: true,
            anchor: true,
        },
        ca_key_usage_checked: true,
        ca_key_usage_required: false,
        policies: false,
        ca_minimum_rsa_bits: 0,
        ca_sha1: true,
        name_constraints: NameConstraintRules {
            common_name: CommonNameConstraint::ServerWithoutSan,
            ..STACK_NAME_CONSTRAINTS
        },
    }),
    ..STACK_BASE
};

const WOLFSSL: ProfileSpec = ProfileSpec {
    profile: Profile::Wolfssl,
    name: "wolfssl",
    reproduces: "wolfSSL 5.5.4",
    summary: "what wolfSSL accepts in a TLS handshake (its extendedKeyUsage and keyUsage \
                  checks are made there)",
    stack: Some(StackChain {
        stack: Stack::Wolfssl,
        calls: "a TLS handshake in memory with the anchor loaded, wolfSSL_check_domain_name",
        anchor_unchecked: &["validity", "path_length", "issuer_key_usage"],
        pinned_unchecked: &["validity"],
        anchor_basic_constraints: AnchorBasicConstraints::Unchecked,
        anchor_old_version_refused: true,
        ca_critical_known: &[
            BASIC_CONSTRAINTS,
            KEY_USAGE,
            EXTENDED_KEY_USAGE,
            SUBJECT_ALT_NAME,
            NAME_CONSTRAINTS,
            CERTIFICATE_POLICIES,
            NETSCAPE_CERT_TYPE,
            AUTHORITY_INFO_ACCESS,
            POLICY_CONSTRAINTS,
            INHIBIT_ANY_POLICY,
        ],
        ca_extended_key_usage: CaExtendedKeyUsage::Ignored,
        ca_key_usage_checked: true,
        ca_key_usage_required: true,
        policies: false,
        ca_minimum_rsa_bits: 0,
        ca_sha1: true,
        // wolfSSL's ConfirmNameConstraints(signer, cert): only the issuer's constraints, for
        // rfc822Name, dNSName and directoryName (iPAddress and URI ones ignored); its alt names
        // (dNSName, iPAddress, URI) all checked as dNSNames (NAME_CONSTRAINT_E), and without
        // them the subject's commonName, whatever it holds.
        name_constraints: NameConstraintRules {
            common_name: CommonNameConstraint::AnyWithoutAltNames,
            ignored_forms: &[NameForm::Ip, NameForm::Uri],
            dns_applies_to_uri: true,
            ip_checked_as_dns: true,
            issuer_only: true,
            ..STACK_NAME_CONSTRAINTS
        },
    }),
    ..STACK_BASE
};

const MBEDTLS: ProfileSpec = ProfileSpec {
    profile: Profile::Mbedtls,
    name: "mbedtls",
    reproduces: "mbedTLS 2.28.3",
    summary: "what an Mbed TLS application accepts (mbedtls_x509_crt_verify_with_profile, \
                  default profile, then the extended key usage and key usage checks)",
    stack: Some(StackChain {
        stack: Stack::Mbedtls,
        calls: "mbedtls_x509_crt_verify_with_profile (default profile, expected CN), \
                mbedtls_x509_crt_check_extended_key_usage, mbedtls_x509_crt_check_key_usage",
        anchor_unchecked: &[],
        pinned_unchecked: &[],
        anchor_basic_constraints: AnchorBasicConstraints::Version3NeedsCa,
        anchor_old_version_refused: false,
        ca_critical_known: &[
            BASIC_CONSTRAINTS,
            KEY_USAGE,
            EXTENDED_KEY_USAGE,
            SUBJECT_ALT_NAME,
            CERTIFICATE_POLICIES,
            NETSCAPE_CERT_TYPE,
        ],
        ca_extended_key_usage: CaExtendedKeyUsage::Ignored,
        ca_key_usage_checked: true,
        ca_key_usage_required: false,
        policies: false,
        ca_minimum_rsa_bits: 2048,
        ca_sha1: false,
        name_constraints: NameConstraintRules {
            applied: false,
            ..RFC_NAME_CONSTRAINTS
        },
    }),
    ..STACK_BASE
};

impl Profile {
    /// The profile's description in [`PROFILES`].
    pub fn spec(self) -> &'static ProfileSpec {
        match self {
            Profile::Auto => &AUTO,
            Profile::WebPki => &WEBPKI,
            Profile::Rfc5280 => &RFC5280,
            Profile::Tls => &TLS,
            Profile::Openssl => &OPENSSL,
            Profile::Go => &GO,
            Profile::Rustls => &RUSTLS,
            Profile::Java => &JAVA,
            Profile::Gnutls => &GNUTLS,
            Profile::Nss => &NSS,
            Profile::Wolfssl => &WOLFSSL,
            Profile::Mbedtls => &MBEDTLS,
        }
    }

    /// The profile that judges a path: this one, except that [`Profile::Auto`] chooses
    /// [`Profile::WebPki`] when the path ends at a public root or asserts a CA/Browser Forum
    /// policy, and [`Profile::Tls`] otherwise. Gives the profile and why it applies.
    ///
    /// ```
    /// use certscope::chain::Profile;
    /// let (profile, _) = Profile::Auto.choose(false, None);
    /// assert_eq!(profile, Profile::Tls);
    /// let (profile, why) = Profile::Auto.choose(false, Some("2.23.140.1.2.1"));
    /// assert_eq!(profile, Profile::WebPki);
    /// assert!(why.contains("2.23.140.1.2.1"));
    /// assert_eq!(Profile::Rfc5280.choose(true, None).0, Profile::Rfc5280);
    /// ```
    pub fn choose(self, public_root: bool, policy_claim: Option<&str>) -> (Profile, String) {
        if self != Profile::Auto {
            return (self, "asked for".to_owned());
        }
        match (public_root, policy_claim) {
            (true, _) => (
                Profile::WebPki,
                "chosen: the path ends at a root of the public store".to_owned(),
            ),
            (false, Some(policy)) => (
                Profile::WebPki,
                format!("chosen: the path asserts the CA/Browser Forum policy {policy}"),
            ),
            (false, None) => (
                Profile::Tls,
                "chosen: the path ends at a root of no public store and asserts no CA/Browser \
                 Forum policy, so the common TLS stacks' verdict stands and the Web PKI's rules \
                 are findings beside it"
                    .to_owned(),
            ),
        }
    }

    /// The TLS stack the profile reproduces, if any.
    pub fn stack(self) -> Option<Stack> {
        match self {
            Profile::Openssl => Some(Stack::Openssl),
            other => other.spec().stack.map(|chain| chain.stack),
        }
    }

    /// The profile's name (`auto`, `webpki`, `rfc5280`, `tls`, `openssl`, `go`, ...).
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The profile of that name.
    ///
    /// ```
    /// use certscope::chain::Profile;
    /// assert_eq!(Profile::parse("openssl"), Some(Profile::Openssl));
    /// assert_eq!(Profile::parse("openssl").unwrap().name(), "openssl");
    /// assert_eq!(Profile::parse("browser"), None);
    /// // The spelling of earlier reports is still read.
    /// assert_eq!(Profile::parse("web_pki"), Some(Profile::WebPki));
    /// ```
    pub fn parse(name: &str) -> Option<Profile> {
        if name == "web_pki" {
            return Some(Profile::WebPki);
        }
        PROFILES
            .iter()
            .find(|spec| spec.name == name)
            .map(|spec| spec.profile)
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The first CA/Browser Forum policy the certificate asserts: a reserved identifier
/// (2.23.140.1.x: TLS, code signing, S/MIME) or the EV policy of a CA of the Mozilla store
/// ([`crate::lint::EV_POLICIES`]). A certificate asserting one claims to be under the Baseline
/// Requirements, whatever root it chains to.
pub fn ca_browser_forum_policy(cert: &crate::Cert) -> Option<String> {
    let policies = cert.facts().find::<crate::ext::CertificatePolicies>();
    policies.value()?.0.iter().find_map(|info| {
        let policy = info.policy_identifier.to_string();
        (policy.starts_with("2.23.140.1.") || crate::lint::EV_POLICIES.contains(&policy.as_str()))
            .then_some(policy)
    })
}

/// The minimum security bits of OpenSSL's authentication levels 1 to 5 (`minbits_table` in
/// `crypto/x509/x509_vfy.c`); level 0 asks nothing.
pub fn auth_level_bits(level: u8) -> u32 {
    match level {
        0 => 0,
        1 => 80,
        2 => 112,
        3 => 128,
        4 => 192,
        _ => 256,
    }
}

/// The security bits OpenSSL 3.0 assigns to an RSA modulus (`BN_security_bits`).
pub fn rsa_security_bits(bits: usize) -> u32 {
    match bits {
        15360.. => 256,
        7680.. => 192,
        3072.. => 128,
        2048.. => 112,
        1024.. => 80,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_has_one_entry_with_its_own_name() {
        for profile in [
            Profile::Auto,
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
        ] {
            let matching: Vec<_> = PROFILES.iter().filter(|s| s.profile == profile).collect();
            assert_eq!(matching.len(), 1, "{profile:?}");
            assert_eq!(Profile::parse(profile.name()), Some(profile));
        }
    }
}

#[cfg(test)]
mod stack_tests {
    use super::*;

    #[test]
    fn every_stack_has_its_profile_of_the_same_name() {
        for (stack, profile) in Stack::ALL.into_iter().zip(STACK_PROFILES) {
            assert_eq!(profile.stack(), Some(stack));
            assert_eq!(profile.name(), stack.key());
        }
    }
}
