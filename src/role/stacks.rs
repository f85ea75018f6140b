//! What eight TLS stacks decide for a certificate as the end entity of a connection, as data.
//!
//! Each [`StackRules`] row says how one stack treats the end entity's own fields, with the
//! error it reports in its own terms. The rows were checked against the real stacks on the
//! corpus of `stacks/` (524 chains; `tests/stacks.rs` compares every row with the committed
//! answers of the stack version the row names). The chain above the end entity (the CAs'
//! extendedKeyUsage, path length, name constraints, validity) is not part of this answer.

mod host;

use super::{oids, CaState, Facts, Identity, VerifierVerdict};
use crate::chain::ExpectedName;
use crate::facts::KeyKind;
use crate::purpose::{key_usage_bits as ku, ns_bits};

/// A TLS stack certscope reproduces, by its end-entity rules here and by its chain profile
/// ([`crate::chain::Profile`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Stack {
    /// OpenSSL 3 (libssl's `X509_verify_cert`).
    Openssl,
    /// Go's crypto/x509.
    Go,
    /// rustls-webpki.
    Rustls,
    /// Java's JSSE and PKIX CertPathValidator.
    Java,
    /// GnuTLS.
    Gnutls,
    /// Mozilla NSS.
    Nss,
    /// wolfSSL.
    Wolfssl,
    /// Mbed TLS.
    Mbedtls,
}

impl Stack {
    /// Every stack, in the order of [`super::ClientServer::verifiers`].
    pub const ALL: [Stack; 8] = [
        Stack::Openssl,
        Stack::Go,
        Stack::Rustls,
        Stack::Java,
        Stack::Gnutls,
        Stack::Nss,
        Stack::Wolfssl,
        Stack::Mbedtls,
    ];

    /// The name shown in reports, e.g. `Go crypto/x509`.
    pub fn label(self) -> &'static str {
        self.rules().name
    }

    /// The version whose answers the rules reproduce (the one in the committed fixture of
    /// `tests/data/stacks/`).
    pub fn version(self) -> &'static str {
        self.rules().version
    }

    /// The call an application must make for the stack's TLS layer to check the server's host
    /// name (`None`: it always checks it, or refuses to connect without a host name).
    pub fn host_check_call(self) -> Option<&'static str> {
        self.rules().host_check_call
    }

    /// Where a server using the stack applies its own authorisation of a client certificate
    /// the stack's checks accepted.
    pub fn authorisation_hook(self) -> &'static str {
        self.rules().authorisation_hook
    }

    /// The short name: the profile's and the fixture's (`go`, `rustls`, ...).
    pub fn key(self) -> &'static str {
        match self {
            Stack::Openssl => "openssl",
            Stack::Go => "go",
            Stack::Rustls => "rustls",
            Stack::Java => "java",
            Stack::Gnutls => "gnutls",
            Stack::Nss => "nss",
            Stack::Wolfssl => "wolfssl",
            Stack::Mbedtls => "mbedtls",
        }
    }

    fn rules(self) -> &'static StackRules {
        let index = match self {
            Stack::Openssl => 0,
            Stack::Go => 1,
            Stack::Rustls => 2,
            Stack::Java => 3,
            Stack::Gnutls => 4,
            Stack::Nss => 5,
            Stack::Wolfssl => 6,
            Stack::Mbedtls => 7,
        };
        // STACKS has one row per variant, in this order (`rows_follow_the_enum`).
        #[allow(clippy::indexing_slicing)]
        &STACKS[index]
    }
}

/// What a stack's answer rests on that neither the certificate nor the chain shows: with one,
/// the answer is neither "accepts" nor "refuses" but depends on how the application is set
/// up. The verdict's accepted-or-not is the answer in the set-up `stacks/run.sh` runs (the
/// certificate trusted as given, the host checked when one is given, the server authorising
/// whoever the stack's checks accept); each condition says what changes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Condition {
    /// A self-signed certificate: accepted only where it is itself configured as a trust
    /// anchor (pinned); any other trust store refuses it.
    Pinned,
    /// The host name does not match, but the stack's TLS layer checks it only when the
    /// application asks ([`Stack::host_check_call`]): refused then, accepted otherwise (the
    /// harness shows wolfSSL accepting with the host sent only as SNI).
    HostCheck,
    /// A client certificate the stack's checks accept: whether the server lets that client
    /// in is the server's own rule ([`Stack::authorisation_hook`]), after the stack's checks.
    ServerAuthorisation,
}

impl Condition {
    /// The symbol-free word the matrices show for an answer that depends on this.
    pub fn label(self) -> &'static str {
        match self {
            Condition::Pinned => "only if pinned",
            Condition::HostCheck => "only if the application checks the host",
            Condition::ServerAuthorisation => "the server's own authorisation decides",
        }
    }
}

/// Which host name question a server answer asks.
#[derive(Clone, Copy)]
pub(crate) enum HostQuestion<'a> {
    /// Does the certificate name any host the stack would match (the per-certificate answer,
    /// for the host it names)?
    Named,
    /// Does it match this host, or no host check at all (`None`)?
    Given(Option<&'a ExpectedName>),
}

/// Which extendedKeyUsage values a stack takes for a side.
struct EkuRules {
    /// anyExtendedKeyUsage counts as every purpose.
    any_counts: bool,
    /// An empty extendedKeyUsage (a SEQUENCE with no purpose) is taken as absent.
    empty_is_absent: bool,
    /// Further OIDs taken as serverAuth (the Server Gated Crypto OIDs).
    server_also: &'static [&'static str],
}

/// The keyUsage bits that allow each side (any one of them), when keyUsage is present.
struct KeyUsageRules {
    /// Whether keyUsage is checked at all.
    checked: bool,
    /// A server with an RSA key (signature, RSA key transport, static DH).
    server_rsa: u16,
    /// A server with an EC key (signature, static ECDH).
    server_ec: u16,
    /// A server with an EdDSA key (signature only).
    server_eddsa: u16,
    /// A server with a DSA key (signature only: DHE_DSS in TLS 1.2).
    server_dsa: u16,
    /// A client.
    client: u16,
}

/// When a Netscape cert type decides.
#[derive(Clone, Copy, PartialEq, Eq)]
enum NetscapeRule {
    /// Never read.
    Ignored,
    /// Its SSL server / client bit is required whenever it is present.
    Always,
    /// Its bit is required only when there is no extendedKeyUsage.
    WithoutEku,
}

/// Where a stack finds the host name a server certificate names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CommonNameRule {
    /// Only the SAN (RFC 6125 6.4.4 as Go and rustls read it).
    Never,
    /// The commonName when the SAN has no dNSName.
    WithoutDnsSan,
    /// The commonName only when there is no subjectAltName extension at all.
    WithoutSanExtension,
}

/// One stack's rules for the end entity, and its errors.
struct StackRules {
    /// The name shown, e.g. `OpenSSL 3`.
    name: &'static str,
    /// The version the rules reproduce (the one in the committed fixture).
    version: &'static str,
    eku: EkuRules,
    key_usage: KeyUsageRules,
    netscape: NetscapeRule,
    /// Extensions it processes when critical in an end entity, beyond basicConstraints,
    /// keyUsage, extendedKeyUsage and subjectAltName (which every stack processes).
    critical_known: &'static [&'static str],
    /// nameConstraints in an end entity without cA TRUE is refused, critical or not (wolfSSL).
    refuses_leaf_name_constraints: bool,
    /// Critical certificatePolicies accepted only when they hold anyPolicy alone (mbedTLS).
    critical_policies_any_only: bool,
    /// A certificate with cA TRUE is refused as an end entity.
    refuses_ca: bool,
    /// Versions 1 and 2 are refused.
    refuses_old_version: bool,
    /// Where it finds the host name a certificate names (the per-certificate answer).
    common_name: CommonNameRule,
    /// iPAddress SAN entries are matched (the per-certificate answer).
    matches_ip: bool,
    /// How it matches a host name asked for against the certificate's names.
    host_names: host::HostRule,
    /// The smallest RSA key accepted in an end entity (0: no limit of its own).
    min_rsa_bits: usize,
    /// Signature algorithms (dotted OIDs) it cannot verify on the end entity, even on one
    /// trusted directly.
    unsupported_signatures: &'static [&'static str],
    /// Signature algorithms it cannot verify on a certificate issued by another (a trust
    /// anchor's own signature is not checked).
    unverified_issued_signatures: &'static [&'static str],
    /// SHA-1 signatures are refused on a certificate issued by another (a trust anchor's own
    /// signature is not checked).
    refuses_sha1: bool,
    /// A self-signed end entity trusted directly (pinned, or added as a trust anchor).
    trusted_directly: TrustedDirectly,
    /// EdDSA keys: refused as a server's (the key usage NSS requires has no EdDSA arm).
    eddsa_server_refused: bool,
    /// Key types it cannot read or use at all.
    unsupported_keys: &'static [KeyKind],
    /// The widest OID arc, in bits, its certificate parser reads (0: no limit of its own); a
    /// wider one anywhere it looks (a UUID OID, 2.25 and 128 bits) and the certificate does
    /// not parse.
    oid_arc_bits: u32,
    /// A key whose algorithm is known only by its OID: refused as the end entity's (it does not
    /// load); otherwise the verifier accepts it and only the handshake fails.
    unknown_key_refused: bool,
    /// A key whose algorithm is known only by its OID: refused as a TLS server's (NSS: no key
    /// usage for it).
    unknown_key_server_refused: bool,
    /// A certificate trusted directly has its own signature verified: a signature or key
    /// algorithm known only by its OID is refused there too (rustls, NSS).
    checks_own_signature: bool,
    /// A signature algorithm known only by its OID is refused even on a certificate trusted
    /// directly (OpenSSL finds no issuer for it; mbedTLS does not parse it).
    unknown_signature_refused_when_trusted: bool,
    /// The host name refusal is worded from the names the certificate holds, as Go's
    /// `x509.HostnameError` words it (otherwise `errors.host`).
    go_host_error: bool,
    /// The call an application makes for the TLS layer to check the host name, when it does
    /// not check it otherwise.
    host_check_call: Option<&'static str>,
    /// Where a server applies its own authorisation of a client certificate.
    authorisation_hook: &'static str,
    errors: Errors,
}

/// What changes when the end entity is itself the trust anchor.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TrustedDirectly {
    /// Nothing: the same checks.
    SameChecks,
    /// The end-entity checks are skipped (JSSE: a trusted certificate is not checked further);
    /// the host name still is.
    Unchecked,
    /// Critical extensions are not checked on it (GnuTLS).
    CriticalUnchecked,
    /// It is taken as a CA: cA FALSE is refused, cA TRUE allowed when no extendedKeyUsage
    /// restricts it (NSS with CA trust).
    AsCa,
}

/// The stack's own words for each refusal.
struct Errors {
    eku: &'static str,
    key_usage: &'static str,
    netscape: &'static str,
    critical: &'static str,
    ca: &'static str,
    version: &'static str,
    host: &'static str,
    key_size: &'static str,
    signature: &'static str,
    key: &'static str,
    sha1: &'static str,
    anchor: &'static str,
    leaf_name_constraints: &'static str,
    /// An OID arc wider than the parser reads.
    oid_arc: &'static str,
    /// A key algorithm known only by its OID.
    unknown_key: &'static str,
    /// A signature algorithm known only by its OID.
    unknown_signature: &'static str,
    /// A certificate trusted directly whose own signature cannot be verified.
    own_signature: &'static str,
}

const SIGNATURE: u16 = ku::DIGITAL_SIGNATURE;
const TRANSPORT: u16 = ku::KEY_ENCIPHERMENT;
const AGREEMENT: u16 = ku::KEY_AGREEMENT;

const POLICIES: &str = "2.5.29.32";
const NETSCAPE_CERT_TYPE: &str = "2.16.840.1.113730.1.1";
const AIA: &str = "1.3.6.1.5.5.7.1.1";
const SKI: &str = "2.5.29.14";
const ECDSA_SHA512: &str = "1.2.840.10045.4.3.4";
const ED25519: &str = "1.3.101.112";
const RSA_SHA1: &str = "1.2.840.113549.1.1.5";
const ECDSA_SHA1: &str = "1.2.840.10045.4.1";
const ANY_POLICY: &str = "2.5.29.32.0";
const NAME_CONSTRAINTS: &str = "2.5.29.30";
const AKI: &str = "2.5.29.35";
const CRL_DISTRIBUTION_POINTS: &str = "2.5.29.31";
const ISSUER_ALT_NAME: &str = "2.5.29.18";
const OCSP_NO_CHECK: &str = "1.3.6.1.5.5.7.48.1.5";
const TLS_FEATURE: &str = "1.3.6.1.5.5.7.1.24";
const SUBJECT_INFO_ACCESS: &str = "1.3.6.1.5.5.7.1.11";
const POLICY_CONSTRAINTS: &str = "2.5.29.36";
const INHIBIT_ANY_POLICY: &str = "2.5.29.54";
const SCT_LIST: &str = "1.3.6.1.4.1.11129.2.4.2";
const NETSCAPE_COMMENT: &str = "2.16.840.1.113730.1.13";
const SUBJECT_DIRECTORY_ATTRIBUTES: &str = "2.5.29.9";
/// DSA with SHA-1, SHA-224 and SHA-256 (RFC 3279 2.2.2, RFC 5758 3.1).
const DSA_SIGNATURES: [&str; 3] = [
    "1.2.840.10040.4.3",
    "2.16.840.1.101.3.4.3.1",
    "2.16.840.1.101.3.4.3.2",
];

/// Extensions every stack processes when critical.
const ALWAYS_KNOWN: &[&str] = &[
    "2.5.29.19", // basicConstraints
    "2.5.29.15", // keyUsage
    "2.5.29.37", // extendedKeyUsage
    "2.5.29.17", // subjectAltName
];

const STACKS: &[StackRules] = &[
    StackRules {
        name: "OpenSSL 3",
        version: "OpenSSL 3.0.19 (Debian 12, security level 2)",
        eku: EkuRules {
            any_counts: false,
            empty_is_absent: false,
            server_also: &[oids::MS_SGC, oids::NS_SGC],
        },
        key_usage: KeyUsageRules {
            checked: true,
            server_rsa: SIGNATURE | TRANSPORT | AGREEMENT,
            server_ec: SIGNATURE | TRANSPORT | AGREEMENT,
            server_eddsa: SIGNATURE | TRANSPORT | AGREEMENT,
            server_dsa: SIGNATURE | TRANSPORT | AGREEMENT,
            client: SIGNATURE | AGREEMENT,
        },
        netscape: NetscapeRule::Always,
        critical_known: &[
            POLICIES, NETSCAPE_CERT_TYPE, NAME_CONSTRAINTS, CRL_DISTRIBUTION_POINTS, OCSP_NO_CHECK, POLICY_CONSTRAINTS, INHIBIT_ANY_POLICY,
        ],
        refuses_leaf_name_constraints: false,
        critical_policies_any_only: false,
        refuses_ca: false,
        refuses_old_version: false,
        common_name: CommonNameRule::WithoutDnsSan,
        matches_ip: true,
        host_names: host::HostRule::Openssl,
        min_rsa_bits: 2048,
        unsupported_signatures: &[],
        unverified_issued_signatures: &[],
        refuses_sha1: true,
        trusted_directly: TrustedDirectly::SameChecks,
        eddsa_server_refused: false,
        unsupported_keys: &[],
        oid_arc_bits: 0,
        unknown_key_refused: true,
        unknown_key_server_refused: false,
        checks_own_signature: false,
        unknown_signature_refused_when_trusted: true,
        go_host_error: false,
        host_check_call: Some("SSL_set1_host (SSL_set_tlsext_host_name only sends it as SNI)"),
        authorisation_hook: "SSL_CTX_set_verify's callback; nginx: its rules on $ssl_client_s_dn",
        errors: Errors {
            eku: "unsuitable certificate purpose (X509_V_ERR_INVALID_PURPOSE): extendedKeyUsage",
            key_usage: "unsuitable certificate purpose (X509_V_ERR_INVALID_PURPOSE): keyUsage",
            netscape: "unsuitable certificate purpose (X509_V_ERR_INVALID_PURPOSE): Netscape cert type",
            critical: "unhandled critical extension (X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION)",
            ca: "",
            version: "",
            host: "hostname mismatch (X509_V_ERR_HOSTNAME_MISMATCH)",
            key_size: "EE certificate key too weak (X509_V_ERR_EE_KEY_TOO_SMALL) at security level 2",
            signature: "",
            key: "",
            sha1: "CA signature digest algorithm too weak (X509_V_ERR_CA_MD_TOO_WEAK) at security level 2",
            anchor: "",
            leaf_name_constraints: "",
            oid_arc: "",
            unknown_key: "EE certificate key too weak (X509_V_ERR_EE_KEY_TOO_SMALL): a key of unknown algorithm does not load, so it has no security bits",
            unknown_signature: "unable to get local issuer certificate (X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY): no issuer's key goes with an unknown signature algorithm",
            own_signature: "",
        },
    },
    StackRules {
        name: "Go crypto/x509",
        version: "Go 1.19.8",
        eku: EkuRules {
            any_counts: true,
            empty_is_absent: true,
            server_also: &[],
        },
        key_usage: KeyUsageRules {
            checked: false,
            server_rsa: 0,
            server_ec: 0,
            server_eddsa: 0,
            server_dsa: 0,
            client: 0,
        },
        netscape: NetscapeRule::Ignored,
        critical_known: &[
            POLICIES, AIA, SKI, NAME_CONSTRAINTS, AKI, CRL_DISTRIBUTION_POINTS,
        ],
        refuses_leaf_name_constraints: false,
        critical_policies_any_only: false,
        refuses_ca: false,
        refuses_old_version: false,
        common_name: CommonNameRule::Never,
        matches_ip: true,
        host_names: host::HostRule::Go,
        min_rsa_bits: 0,
        unsupported_signatures: &[],
        unverified_issued_signatures: &DSA_SIGNATURES,
        refuses_sha1: true,
        trusted_directly: TrustedDirectly::SameChecks,
        eddsa_server_refused: false,
        unsupported_keys: &[],
        oid_arc_bits: 31,
        unknown_key_refused: false,
        unknown_key_server_refused: false,
        checks_own_signature: false,
        unknown_signature_refused_when_trusted: false,
        go_host_error: true,
        host_check_call: None,
        authorisation_hook: "tls.Config.VerifyPeerCertificate or VerifyConnection",
        errors: Errors {
            eku: "x509.CertificateInvalidError: certificate specifies an incompatible key usage",
            key_usage: "",
            netscape: "",
            critical: "x509.UnhandledCriticalExtension",
            ca: "",
            version: "",
            host: "x509.HostnameError",
            key_size: "",
            signature: "x509: cannot verify signature: algorithm unimplemented (DSA)",
            key: "",
            sha1: "x509.InsecureAlgorithmError: SHA1 signatures are refused",
            anchor: "",
            leaf_name_constraints: "",
            oid_arc: "ParseCertificate: x509: malformed OID (no OID arc beyond 31 bits is read)",
            unknown_key: "",
            unknown_signature: "x509.UnknownAuthorityError (x509: cannot verify signature: algorithm unimplemented)",
            own_signature: "",
        },
    },
    StackRules {
        name: "rustls (webpki)",
        version: "rustls-webpki 0.103.17",
        eku: EkuRules {
            any_counts: false,
            empty_is_absent: false,
            server_also: &[],
        },
        key_usage: KeyUsageRules {
            checked: false,
            server_rsa: 0,
            server_ec: 0,
            server_eddsa: 0,
            server_dsa: 0,
            client: 0,
        },
        netscape: NetscapeRule::Ignored,
        critical_known: &[
            NAME_CONSTRAINTS, CRL_DISTRIBUTION_POINTS, SCT_LIST,
        ],
        refuses_leaf_name_constraints: false,
        critical_policies_any_only: false,
        refuses_ca: true,
        refuses_old_version: true,
        common_name: CommonNameRule::Never,
        matches_ip: true,
        host_names: host::HostRule::Webpki,
        min_rsa_bits: 0,
        unsupported_signatures: &[
            ECDSA_SHA512, RSA_SHA1, ECDSA_SHA1,
            DSA_SIGNATURES[0],
            DSA_SIGNATURES[1],
            DSA_SIGNATURES[2],
        ],
        unverified_issued_signatures: &[],
        refuses_sha1: false,
        trusted_directly: TrustedDirectly::SameChecks,
        eddsa_server_refused: false,
        unsupported_keys: &[],
        oid_arc_bits: 0,
        unknown_key_refused: false,
        unknown_key_server_refused: false,
        checks_own_signature: true,
        unknown_signature_refused_when_trusted: true,
        go_host_error: false,
        host_check_call: None,
        authorisation_hook: "the server's ClientCertVerifier",
        errors: Errors {
            eku: "RequiredEkuNotFound (anyExtendedKeyUsage does not count)",
            key_usage: "",
            netscape: "",
            critical: "UnsupportedCriticalExtension",
            ca: "CaUsedAsEndEntity",
            version: "UnsupportedCertVersion",
            host: "CertNotValidForName (the commonName is not read)",
            key_size: "",
            signature: "UnsupportedSignatureAlgorithm",
            key: "",
            sha1: "",
            anchor: "",
            leaf_name_constraints: "",
            oid_arc: "",
            unknown_key: "",
            unknown_signature: "UnsupportedSignatureAlgorithm",
            own_signature: "UnsupportedSignatureAlgorithmForPublicKey (its own signature is verified with its key)",
        },
    },
    StackRules {
        name: "Java (JSSE)",
        version: "Java 17.0.15 (Debian)",
        eku: EkuRules {
            any_counts: true,
            empty_is_absent: false,
            server_also: &[oids::MS_SGC, oids::NS_SGC],
        },
        key_usage: KeyUsageRules {
            checked: true,
            server_rsa: SIGNATURE | TRANSPORT | AGREEMENT,
            server_ec: SIGNATURE | AGREEMENT,
            server_eddsa: SIGNATURE,
            server_dsa: SIGNATURE,
            client: SIGNATURE,
        },
        netscape: NetscapeRule::Always,
        critical_known: &[
            POLICIES, NAME_CONSTRAINTS, POLICY_CONSTRAINTS, INHIBIT_ANY_POLICY,
        ],
        refuses_leaf_name_constraints: false,
        critical_policies_any_only: false,
        refuses_ca: false,
        refuses_old_version: false,
        common_name: CommonNameRule::WithoutDnsSan,
        matches_ip: true,
        host_names: host::HostRule::Java,
        min_rsa_bits: 0,
        unsupported_signatures: &[],
        unverified_issued_signatures: &[],
        refuses_sha1: false,
        trusted_directly: TrustedDirectly::Unchecked,
        eddsa_server_refused: false,
        unsupported_keys: &[],
        oid_arc_bits: 0,
        unknown_key_refused: false,
        unknown_key_server_refused: false,
        checks_own_signature: false,
        unknown_signature_refused_when_trusted: false,
        go_host_error: false,
        host_check_call: Some("SSLParameters.setEndpointIdentificationAlgorithm(\"HTTPS\"), as HttpsURLConnection sets it"),
        authorisation_hook: "the server's own X509TrustManager",
        errors: Errors {
            eku: "ValidatorException: Extended key usage does not permit use for TLS",
            key_usage: "ValidatorException: KeyUsage does not allow the key exchanges this key can do",
            netscape: "ValidatorException: Netscape cert type does not permit use for SSL",
            critical: "CertPathValidatorException: unrecognized critical extension(s)",
            ca: "",
            version: "",
            host: "CertificateException: No name matching the host found",
            key_size: "",
            signature: "",
            key: "",
            sha1: "",
            anchor: "",
            leaf_name_constraints: "",
            oid_arc: "",
            unknown_key: "",
            unknown_signature: "CertPathValidatorException: signature check failed (NoSuchAlgorithmException: Signature not available)",
            own_signature: "",
        },
    },
    StackRules {
        name: "GnuTLS",
        version: "GnuTLS 3.7.9",
        eku: EkuRules {
            any_counts: true,
            empty_is_absent: true,
            server_also: &[],
        },
        key_usage: KeyUsageRules {
            checked: false,
            server_rsa: 0,
            server_ec: 0,
            server_eddsa: 0,
            server_dsa: 0,
            client: 0,
        },
        netscape: NetscapeRule::Ignored,
        critical_known: &[
            POLICIES, AIA, SKI, NAME_CONSTRAINTS, AKI, CRL_DISTRIBUTION_POINTS, ISSUER_ALT_NAME, TLS_FEATURE, INHIBIT_ANY_POLICY,
        ],
        refuses_leaf_name_constraints: false,
        critical_policies_any_only: false,
        refuses_ca: false,
        refuses_old_version: false,
        common_name: CommonNameRule::WithoutDnsSan,
        matches_ip: true,
        host_names: host::HostRule::Gnutls,
        min_rsa_bits: 0,
        unsupported_signatures: &[],
        unverified_issued_signatures: &[],
        refuses_sha1: true,
        trusted_directly: TrustedDirectly::CriticalUnchecked,
        eddsa_server_refused: false,
        unsupported_keys: &[],
        oid_arc_bits: 64,
        unknown_key_refused: false,
        unknown_key_server_refused: false,
        checks_own_signature: false,
        unknown_signature_refused_when_trusted: false,
        go_host_error: false,
        host_check_call: Some("gnutls_session_set_verify_cert with the host name"),
        authorisation_hook: "gnutls_certificate_set_verify_function",
        errors: Errors {
            eku: "GNUTLS_CERT_PURPOSE_MISMATCH: the certificate chain does not match the intended purpose",
            key_usage: "",
            netscape: "",
            critical: "GNUTLS_CERT_UNKNOWN_CRIT_EXTENSIONS",
            ca: "",
            version: "",
            host: "GNUTLS_CERT_UNEXPECTED_OWNER: the name in the certificate does not match",
            key_size: "",
            signature: "",
            key: "",
            sha1: "GNUTLS_CERT_INSECURE_ALGORITHM",
            anchor: "",
            leaf_name_constraints: "",
            oid_arc: "GNUTLS_E_ASN1_DER_ERROR: the certificate does not import (no OID arc beyond 64 bits is read)",
            unknown_key: "",
            unknown_signature: "GNUTLS_CERT_INVALID: the certificate is not trusted (its signature algorithm is unknown)",
            own_signature: "",
        },
    },
    StackRules {
        name: "NSS",
        version: "NSS 3.87.1",
        eku: EkuRules {
            any_counts: false,
            empty_is_absent: false,
            server_also: &[oids::NS_SGC],
        },
        key_usage: KeyUsageRules {
            checked: true,
            server_rsa: TRANSPORT,
            server_ec: SIGNATURE | AGREEMENT,
            server_eddsa: 0,
            server_dsa: SIGNATURE,
            client: SIGNATURE,
        },
        netscape: NetscapeRule::WithoutEku,
        critical_known: &[
            NETSCAPE_CERT_TYPE, AIA, SKI, NAME_CONSTRAINTS, AKI, OCSP_NO_CHECK, NETSCAPE_COMMENT,
        ],
        refuses_leaf_name_constraints: false,
        critical_policies_any_only: false,
        refuses_ca: true,
        refuses_old_version: false,
        common_name: CommonNameRule::WithoutDnsSan,
        matches_ip: true,
        host_names: host::HostRule::Nss,
        min_rsa_bits: 0,
        unsupported_signatures: &[ED25519],
        unverified_issued_signatures: &[],
        refuses_sha1: false,
        trusted_directly: TrustedDirectly::AsCa,
        eddsa_server_refused: true,
        unsupported_keys: &[],
        oid_arc_bits: 0,
        unknown_key_refused: false,
        unknown_key_server_refused: true,
        checks_own_signature: true,
        unknown_signature_refused_when_trusted: true,
        go_host_error: false,
        host_check_call: None,
        authorisation_hook: "SSL_AuthCertificateHook",
        errors: Errors {
            eku: "SEC_ERROR_INADEQUATE_CERT_TYPE",
            key_usage: "SEC_ERROR_INADEQUATE_KEY_USAGE",
            netscape: "SEC_ERROR_INADEQUATE_CERT_TYPE (Netscape cert type)",
            critical: "SEC_ERROR_UNKNOWN_CRITICAL_EXTENSION",
            ca: "SEC_ERROR_INADEQUATE_CERT_TYPE (cA TRUE)",
            version: "",
            host: "SSL_ERROR_BAD_CERT_DOMAIN",
            key_size: "",
            signature: "SEC_ERROR_BAD_SIGNATURE (Ed25519 signatures are not supported)",
            key: "SEC_ERROR_INADEQUATE_KEY_USAGE (no TLS server key usage for an EdDSA key)",
            sha1: "",
            anchor: "SEC_ERROR_CA_CERT_INVALID: trusted as a CA, but cA FALSE",
            leaf_name_constraints: "",
            oid_arc: "",
            unknown_key: "SEC_ERROR_INADEQUATE_KEY_USAGE (no TLS server key usage for a key of unknown algorithm)",
            unknown_signature: "SEC_ERROR_BAD_SIGNATURE",
            own_signature: "SEC_ERROR_BAD_SIGNATURE (trusted as a CA, its own signature is verified with its key)",
        },
    },
    StackRules {
        name: "wolfSSL",
        version: "wolfSSL 5.5.4",
        eku: EkuRules {
            any_counts: true,
            empty_is_absent: false,
            server_also: &[],
        },
        key_usage: KeyUsageRules {
            checked: false,
            server_rsa: 0,
            server_ec: 0,
            server_eddsa: 0,
            server_dsa: 0,
            client: 0,
        },
        netscape: NetscapeRule::Ignored,
        critical_known: &[
            POLICIES, NETSCAPE_CERT_TYPE, AIA, NAME_CONSTRAINTS, CRL_DISTRIBUTION_POINTS, OCSP_NO_CHECK, SUBJECT_INFO_ACCESS, POLICY_CONSTRAINTS, INHIBIT_ANY_POLICY, SUBJECT_DIRECTORY_ATTRIBUTES,
        ],
        refuses_leaf_name_constraints: true,
        critical_policies_any_only: false,
        refuses_ca: false,
        refuses_old_version: false,
        common_name: CommonNameRule::WithoutDnsSan,
        matches_ip: true,
        host_names: host::HostRule::Wolfssl,
        min_rsa_bits: 0,
        unsupported_signatures: &[],
        unverified_issued_signatures: &DSA_SIGNATURES,
        refuses_sha1: false,
        trusted_directly: TrustedDirectly::SameChecks,
        eddsa_server_refused: false,
        unsupported_keys: &[KeyKind::Dsa],
        oid_arc_bits: 0,
        unknown_key_refused: true,
        unknown_key_server_refused: false,
        checks_own_signature: false,
        unknown_signature_refused_when_trusted: false,
        go_host_error: false,
        host_check_call: Some("wolfSSL_check_domain_name (sending the host as SNI does not check it)"),
        authorisation_hook: "the verify callback of wolfSSL_CTX_set_verify",
        errors: Errors {
            eku: "EXTKEYUSE_AUTH_E (-386): Ext Key Use server/client auth not set",
            key_usage: "",
            netscape: "",
            critical: "ASN_CRIT_EXT_E (-160): X.509 Critical extension ignored or invalid",
            ca: "",
            version: "",
            host: "DOMAIN_NAME_MISMATCH (-322): peer subject name mismatch",
            key_size: "",
            signature: "BAD_FUNC_ARG (-173): wolfSSL does not verify DSA signatures",
            key: "ASN_PARSE_E (-140): wolfSSL cannot load a DSA key",
            sha1: "",
            anchor: "",
            leaf_name_constraints: "NAME_CONSTRAINT_E (-198): Name Constraint error (nameConstraints in the end entity)",
            oid_arc: "",
            unknown_key: "the certificate does not load (-4): a key of unknown algorithm",
            unknown_signature: "ASN_SIG_OID_E (-152): ASN signature error, mismatched oid",
            own_signature: "",
        },
    },
    StackRules {
        name: "mbedTLS",
        version: "mbedTLS 2.28.3",
        eku: EkuRules {
            any_counts: true,
            empty_is_absent: false,
            server_also: &[],
        },
        key_usage: KeyUsageRules {
            checked: true,
            server_rsa: SIGNATURE | TRANSPORT,
            server_ec: SIGNATURE | AGREEMENT,
            server_eddsa: SIGNATURE,
            server_dsa: SIGNATURE,
            client: SIGNATURE,
        },
        netscape: NetscapeRule::Ignored,
        critical_known: &[
            POLICIES, NETSCAPE_CERT_TYPE,
        ],
        refuses_leaf_name_constraints: false,
        critical_policies_any_only: true,
        refuses_ca: false,
        refuses_old_version: false,
        common_name: CommonNameRule::WithoutSanExtension,
        matches_ip: false,
        host_names: host::HostRule::Mbedtls,
        min_rsa_bits: 2048,
        unsupported_signatures: &[
            ED25519, RSA_SHA1, ECDSA_SHA1,
            DSA_SIGNATURES[0],
            DSA_SIGNATURES[1],
            DSA_SIGNATURES[2],
        ],
        unverified_issued_signatures: &[],
        refuses_sha1: false,
        trusted_directly: TrustedDirectly::SameChecks,
        eddsa_server_refused: false,
        unsupported_keys: &[KeyKind::Ed25519, KeyKind::Ed448, KeyKind::Dsa],
        oid_arc_bits: 0,
        unknown_key_refused: true,
        unknown_key_server_refused: false,
        checks_own_signature: false,
        unknown_signature_refused_when_trusted: true,
        go_host_error: false,
        host_check_call: Some("mbedtls_ssl_set_hostname"),
        authorisation_hook: "mbedtls_ssl_conf_verify",
        errors: Errors {
            eku: "MBEDTLS_X509_BADCERT_EXT_KEY_USAGE",
            key_usage: "MBEDTLS_X509_BADCERT_KEY_USAGE (for every key exchange the key can do)",
            netscape: "",
            critical: "MBEDTLS_ERR_X509_INVALID_EXTENSIONS / FEATURE_UNAVAILABLE: the certificate does not parse",
            ca: "",
            version: "",
            host: "MBEDTLS_X509_BADCERT_CN_MISMATCH",
            key_size: "MBEDTLS_X509_BADCERT_BAD_KEY: RSA keys under 2048 bits (default profile)",
            signature: "MBEDTLS_X509_BADCERT_BAD_MD or MBEDTLS_ERR_X509_UNKNOWN_SIG_ALG: SHA-1 and Ed25519 signatures are not accepted",
            key: "MBEDTLS_ERR_PK_UNKNOWN_PK_ALG: only RSA and EC keys are supported",
            sha1: "",
            anchor: "",
            leaf_name_constraints: "",
            oid_arc: "",
            unknown_key: "MBEDTLS_ERR_PK_UNKNOWN_PK_ALG: the certificate does not parse",
            unknown_signature: "MBEDTLS_ERR_X509_UNKNOWN_SIG_ALG: the certificate does not parse",
            own_signature: "",
        },
    },
];

/// How the reason for a refusal that depends on the application's host check begins.
pub(crate) const HOST_CHECK: &str = "refused only if the application asks for the host check";

/// How a reason for a self-signed certificate begins: the answer assumes it is trusted directly.
pub(crate) const TRUSTED_DIRECTLY: &str =
    "if the certificate itself is trusted (pinned or a trust anchor): ";

/// The answers of every stack for the certificate as the end entity.
pub(super) fn verdicts(facts: &Facts<'_>, identity: &Identity) -> Vec<VerifierVerdict> {
    let shared = Shared::of(facts);
    let anchor = facts.self_signed_heuristic;
    STACKS
        .iter()
        .map(|rules| {
            let (as_server, server_reason, server_depends_on) =
                answer(rules, facts, identity, &shared, true, anchor);
            let (as_client, client_reason, client_depends_on) =
                answer(rules, facts, identity, &shared, false, anchor);
            VerifierVerdict {
                verifier: rules.name.to_owned(),
                as_server,
                server_reason,
                server_depends_on,
                as_client,
                client_reason,
                client_depends_on,
            }
        })
        .collect()
}

/// The facts every row reads, computed once.
struct Shared {
    /// Dotted OIDs of the critical extensions.
    critical: Vec<String>,
    /// Whether critical certificatePolicies hold a policy other than anyPolicy.
    critical_policy_not_any: bool,
    /// The certificate's version is 1 or 2.
    old_version: bool,
    /// RSA key size, when the key is RSA.
    rsa_bits: Option<usize>,
    /// The signature algorithm's dotted OID.
    signature: String,
    /// A subjectAltName extension is present.
    has_san: bool,
    /// The subjectAltName holds a uniformResourceIdentifier.
    has_uri: bool,
    /// The extendedKeyUsage is present and empty.
    empty_eku: bool,
    /// A nameConstraints extension is present.
    has_name_constraints: bool,
    /// The subjectPublicKeyInfo's algorithm when it is known only by its OID (dotted).
    unknown_key: Option<String>,
    /// Whether the signature algorithm is known only by its OID.
    unknown_signature: bool,
    /// The widest arc, in bits, of the OIDs a parser reads first: the algorithms, the names'
    /// attribute types, the extensions' identifiers.
    widest_arc_bits: u32,
}

/// The widest arc of an OID as the certificate encodes it, in bits (its first subidentifier,
/// 40 X + Y, taken as one; a stand-in's original encoding, [`crate::oid::stand_in`]).
fn widest_arc_bits(oid: &const_oid::ObjectIdentifier) -> u32 {
    let contents = crate::oid::original_bytes(oid).unwrap_or_else(|| oid.as_bytes().to_vec());
    let mut widest = 0;
    let mut bits = 0u32;
    for &byte in &contents {
        let group = u32::from(byte & 0x7F);
        bits = if bits == 0 {
            u32::BITS - group.leading_zeros()
        } else {
            bits + 7
        };
        if byte & 0x80 == 0 {
            widest = widest.max(bits);
            bits = 0;
        }
    }
    widest
}

impl Shared {
    fn of(facts: &Facts<'_>) -> Shared {
        let cert = facts.cert;
        let extensions = crate::ext::all(cert);
        let critical: Vec<String> = extensions
            .iter()
            .filter(|e| e.critical)
            .map(|e| e.extn_id.to_string())
            .collect();
        let critical_policy_not_any = match cert.facts().find::<crate::ext::CertificatePolicies>() {
            crate::ext::Lookup::Present {
                value,
                critical: true,
                ..
            } => value
                .0
                .iter()
                .any(|p| p.policy_identifier.to_string() != ANY_POLICY),
            crate::ext::Lookup::Malformed { .. } | crate::ext::Lookup::Duplicate { .. } => true,
            _ => false,
        };
        let tbs = cert.x509().tbs_certificate();
        let old_version = tbs.version() != x509_cert::certificate::Version::V3;
        let rsa_bits = match crate::signature::certificate_key_algorithm(cert) {
            Ok(crate::signature::KeyAlgorithm::Rsa { bits }) => Some(bits),
            _ => None,
        };
        let x509 = cert.x509();
        let spki_algorithm = &tbs.subject_public_key_info().algorithm.oid;
        let names = [tbs.subject(), tbs.issuer()];
        let widest_arc_bits = [
            &x509.signature_algorithm().oid,
            &tbs.signature().oid,
            spki_algorithm,
        ]
        .into_iter()
        .chain(extensions.iter().map(|e| &e.extn_id))
        .chain(
            names
                .iter()
                .flat_map(|name| name.iter_rdn())
                .flat_map(|rdn| rdn.iter())
                .map(|attribute| &attribute.oid),
        )
        .map(widest_arc_bits)
        .max()
        .unwrap_or(0);
        let empty_eku = extensions.iter().any(|e| {
            e.extn_id.to_string() == "2.5.29.37" && e.extn_value.as_bytes() == [0x30, 0x00]
        });
        Shared {
            critical,
            critical_policy_not_any,
            old_version,
            rsa_bits,
            signature: cert.x509().signature_algorithm().oid.to_string(),
            has_san: extensions
                .iter()
                .any(|e| e.extn_id.to_string() == "2.5.29.17"),
            has_uri: cert
                .facts()
                .find::<crate::ext::SubjectAltName>()
                .value()
                .is_some_and(|san| {
                    san.0.iter().any(|n| {
                        matches!(
                            n,
                            x509_cert::ext::pkix::name::GeneralName::UniformResourceIdentifier(_)
                        )
                    })
                }),
            empty_eku,
            has_name_constraints: extensions
                .iter()
                .any(|e| e.extn_id.to_string() == NAME_CONSTRAINTS),
            unknown_key: crate::oid::lookup(spki_algorithm)
                .is_none()
                .then(|| crate::oid::dotted(spki_algorithm)),
            unknown_signature: crate::oid::lookup(&x509.signature_algorithm().oid).is_none(),
            widest_arc_bits,
        }
    }
}

/// One stack's answer for `cert` as the end entity of a path: as a TLS server's for `host`
/// (no host check when `None`) or as a TLS client's; `pinned` when the certificate is itself
/// the trust anchor. The chain profiles' end-entity check.
pub(crate) fn end_entity(
    stack: Stack,
    cert: &crate::Cert,
    server: bool,
    host: Option<&ExpectedName>,
    pinned: bool,
) -> (bool, String) {
    let facts = Facts::of(cert);
    let identity = super::identity::identity(cert);
    let shared = Shared::of(&facts);
    let rules = stack.rules();
    let question = HostQuestion::Given(host);
    let (accepts, reason, _) = decide(rules, &facts, &identity, &shared, server, pinned, question);
    let reason = match reason.strip_prefix(TRUSTED_DIRECTLY) {
        Some(rest) => rest.to_owned(),
        None => reason,
    };
    (accepts, with_authorisation(rules, server, accepts, reason))
}

/// A client accepted by the stack's checks: the reason says who decides next.
fn with_authorisation(rules: &StackRules, server: bool, accepts: bool, reason: String) -> String {
    if server || !accepts {
        return reason;
    }
    format!(
        "{reason}; then the server's own authorisation decides ({})",
        rules.authorisation_hook
    )
}

/// One stack's answer with every condition it rests on (the per-certificate matrix): `anchor`
/// when the certificate is self-signed, so that it can only be trusted directly.
fn answer(
    rules: &StackRules,
    facts: &Facts<'_>,
    identity: &Identity,
    shared: &Shared,
    server: bool,
    anchor: bool,
) -> (bool, String, Vec<Condition>) {
    let question = HostQuestion::Named;
    let (accepts, reason, host) = decide(rules, facts, identity, shared, server, anchor, question);
    let mut depends_on = Vec::new();
    if anchor && (accepts || host.is_some()) {
        depends_on.push(Condition::Pinned);
    }
    depends_on.extend(host);
    if !server && accepts {
        depends_on.push(Condition::ServerAuthorisation);
    }
    (
        accepts,
        with_authorisation(rules, server, accepts, reason),
        depends_on,
    )
}

fn decide(
    rules: &StackRules,
    facts: &Facts<'_>,
    identity: &Identity,
    shared: &Shared,
    server: bool,
    anchor: bool,
    question: HostQuestion<'_>,
) -> Decision {
    let prefix = if anchor { TRUSTED_DIRECTLY } else { "" };
    let refuse = |why: &str| (false, format!("{prefix}{why}"), None);
    let errors = &rules.errors;
    let unchecked = anchor && rules.trusted_directly == TrustedDirectly::Unchecked;
    if rules.oid_arc_bits != 0 && shared.widest_arc_bits > rules.oid_arc_bits {
        return refuse(errors.oid_arc);
    }
    if rules.unsupported_keys.contains(&facts.key.kind) {
        return refuse(errors.key);
    }
    if shared.unknown_key.is_some()
        && (rules.unknown_key_refused || (server && rules.unknown_key_server_refused))
    {
        return refuse(errors.unknown_key);
    }
    if shared.unknown_signature
        && (!anchor || rules.unknown_signature_refused_when_trusted || rules.checks_own_signature)
    {
        return refuse(errors.unknown_signature);
    }
    if anchor && rules.checks_own_signature && shared.unknown_key.is_some() {
        return refuse(errors.own_signature);
    }
    let signature = shared.signature.as_str();
    if rules.unsupported_signatures.contains(&signature)
        || (!anchor && rules.unverified_issued_signatures.contains(&signature))
    {
        return refuse(errors.signature);
    }
    if rules.refuses_sha1 && !anchor && [RSA_SHA1, ECDSA_SHA1].contains(&shared.signature.as_str())
    {
        return refuse(errors.sha1);
    }
    if anchor && rules.trusted_directly == TrustedDirectly::AsCa && facts.ca_state == CaState::NotCa
    {
        return refuse(errors.anchor);
    }
    let critical_checked =
        !(unchecked || anchor && rules.trusted_directly == TrustedDirectly::CriticalUnchecked);
    let unknown_critical = critical_checked
        && shared.critical.iter().any(|oid| {
            !ALWAYS_KNOWN.contains(&oid.as_str()) && !rules.critical_known.contains(&oid.as_str())
        });
    let policies_refused = rules.critical_policies_any_only && shared.critical_policy_not_any;
    if unknown_critical || policies_refused {
        return refuse(errors.critical);
    }
    if rules.refuses_leaf_name_constraints
        && shared.has_name_constraints
        && facts.ca_state != CaState::Ca
    {
        return refuse(errors.leaf_name_constraints);
    }
    if rules.refuses_old_version && shared.old_version {
        return refuse(errors.version);
    }
    let as_ca = anchor && rules.trusted_directly == TrustedDirectly::AsCa;
    // NSS takes a CA certificate trusted directly as its own anchor, unless an
    // extendedKeyUsage restricts it.
    let ca_as_anchor = as_ca && facts.extended_key_usage.is_none();
    if rules.refuses_ca && facts.ca_state == CaState::Ca && !ca_as_anchor {
        return refuse(errors.ca);
    }
    if let Some(bits) = shared.rsa_bits {
        if bits < rules.min_rsa_bits {
            return refuse(errors.key_size);
        }
    }
    if unchecked {
        if host_refused(rules, identity, shared, server, question) {
            return host_refusal(rules, prefix, identity, shared, question);
        }
        return (
            true,
            format!(
                "{prefix}accepted without the end-entity checks ({}){}",
                rules.version,
                unusable_key(shared)
            ),
            None,
        );
    }
    // extendedKeyUsage
    let eku_absent =
        facts.extended_key_usage.is_none() || (rules.eku.empty_is_absent && shared.empty_eku);
    if facts.extended_key_usage_broken && !(rules.eku.empty_is_absent && shared.empty_eku) {
        return refuse(errors.eku);
    }
    let mut grant = if facts.extended_key_usage.is_none() {
        "no extendedKeyUsage (any purpose)"
    } else if eku_absent {
        "an empty extendedKeyUsage, taken as absent"
    } else {
        "extendedKeyUsage lists the purpose"
    };
    if !eku_absent {
        let wanted = if server {
            oids::SERVER_AUTH
        } else {
            oids::CLIENT_AUTH
        };
        let listed = facts.eku_has(wanted)
            || (rules.eku.any_counts && facts.eku_has(oids::ANY_EKU))
            || (server && rules.eku.server_also.iter().any(|o| facts.eku_has(o)));
        if !listed {
            return refuse(errors.eku);
        }
        if !facts.eku_has(wanted) {
            grant = if facts.eku_has(oids::ANY_EKU) && rules.eku.any_counts {
                "anyExtendedKeyUsage counts as the purpose"
            } else {
                "a Server Gated Crypto OID counts as serverAuth"
            };
        }
    }
    // keyUsage
    if rules.key_usage.checked && facts.key_usage.is_some() {
        let key = &facts.key;
        let bits = match (server, &key.kind) {
            (false, _) => rules.key_usage.client,
            (true, _) if key.rsa_or_pss() => rules.key_usage.server_rsa,
            (true, KeyKind::Ec { .. }) => rules.key_usage.server_ec,
            (true, KeyKind::Dsa) => rules.key_usage.server_dsa,
            (true, _) => rules.key_usage.server_eddsa,
        };
        if !facts.key_usage_allows(bits) {
            return refuse(errors.key_usage);
        }
    }
    if server && rules.eddsa_server_refused && facts.key.eddsa() {
        return refuse(errors.key);
    }
    // Netscape cert type
    let netscape_applies = match rules.netscape {
        NetscapeRule::Ignored => false,
        NetscapeRule::Always => true,
        NetscapeRule::WithoutEku => eku_absent,
    };
    if netscape_applies {
        if let Some(bits) = facts.openssl.netscape_cert_type {
            let bit = if server {
                ns_bits::SSL_SERVER
            } else {
                ns_bits::SSL_CLIENT
            };
            if bits & bit == 0 {
                return refuse(errors.netscape);
            }
        }
    }
    if host_refused(rules, identity, shared, server, question) {
        return host_refusal(rules, prefix, identity, shared, question);
    }
    (
        true,
        format!(
            "{prefix}accepted: {grant} ({}){}",
            rules.version,
            unusable_key(shared)
        ),
        None,
    )
}

/// What follows an acceptance of a key whose algorithm is known only by its OID: the
/// verifier does not use the end entity's key, a handshake does.
fn unusable_key(shared: &Shared) -> String {
    match &shared.unknown_key {
        Some(oid) => format!(
            "; only the verifier accepts it: its key's algorithm {oid} is unknown, so no TLS \
             handshake can use the key"
        ),
        None => String::new(),
    }
}

/// A stack's answer: accepted or not, why, and what it rests on that the certificate cannot
/// show (only [`Condition::HostCheck`] is decided here).
type Decision = (bool, String, Option<Condition>);

/// The refusal of a host name: depending on the application where the stack's TLS layer
/// checks the host only when asked.
fn host_refusal(
    rules: &StackRules,
    prefix: &str,
    identity: &Identity,
    shared: &Shared,
    question: HostQuestion<'_>,
) -> Decision {
    let error = if rules.go_host_error {
        go_host_error(rules.errors.host, identity, shared, question)
    } else {
        rules.errors.host.to_owned()
    };
    match rules.host_check_call {
        Some(call) => (
            false,
            format!("{prefix}{HOST_CHECK} ({call}): {error}; accepted without it"),
            Some(Condition::HostCheck),
        ),
        None => (false, format!("{prefix}{error}"), None),
    }
}

/// Go's `HostnameError.Error()` (crypto/x509 1.19) for the host asked, or with
/// [`HostQuestion::Named`] for the host the certificate would name (its commonName, else
/// none).
fn go_host_error(
    name: &str,
    identity: &Identity,
    shared: &Shared,
    question: HostQuestion<'_>,
) -> String {
    let host = match question {
        HostQuestion::Given(Some(ExpectedName::Dns(host))) => Some(host.clone()),
        HostQuestion::Given(Some(ExpectedName::Ip(ip))) => Some(ip.to_string()),
        _ => None,
    };
    let common_name = identity.common_name.as_deref().unwrap_or_default();
    let legacy = match &host {
        Some(host) => host::go_match_hostnames(common_name, host),
        None => identity.common_name_is_legacy_host_name,
    };
    if !shared.has_san && legacy {
        return format!(
            "{name}: x509: certificate relies on legacy Common Name field, use SANs instead"
        );
    }
    let Some(host) = host else {
        return format!("{name}: x509: certificate is not valid for any names");
    };
    let valid = if host.parse::<std::net::IpAddr>().is_ok() {
        if identity.ip_addresses.is_empty() {
            return format!(
                "{name}: x509: cannot validate certificate for {host} because it doesn't contain any IP SANs"
            );
        }
        identity.ip_addresses.join(", ")
    } else {
        identity.dns_names.join(", ")
    };
    if valid.is_empty() {
        format!("{name}: x509: certificate is not valid for any names, but wanted to match {host}")
    } else {
        format!("{name}: x509: certificate is valid for {valid}, not {host}")
    }
}

/// For a server: whether the stack refuses the host name (the one given, or with
/// [`HostQuestion::Named`], when the certificate names none the stack matches).
fn host_refused(
    rules: &StackRules,
    identity: &Identity,
    shared: &Shared,
    server: bool,
    question: HostQuestion<'_>,
) -> bool {
    if let HostQuestion::Given(given) = question {
        return given
            .filter(|_| server)
            .is_some_and(|expected| !matches_given(rules, identity, shared, expected));
    }
    if server {
        let named = if !identity.dns_names.is_empty() {
            true
        } else if !identity.ip_addresses.is_empty() {
            rules.matches_ip
        } else if identity.common_name_is_legacy_host_name {
            match rules.common_name {
                CommonNameRule::Never => false,
                CommonNameRule::WithoutDnsSan => true,
                CommonNameRule::WithoutSanExtension => !shared.has_san,
            }
        } else {
            false
        };
        return !named;
    }
    false
}

/// OpenSSL's `X509_check_host` / `X509_check_ip` (no flags) for the `openssl` chain profile:
/// whether `cert` names `expected`, its commonName read (when it has no dNSName) only with
/// `subject`.
pub(crate) fn openssl_check_host(
    cert: &crate::Cert,
    expected: &ExpectedName,
    subject: bool,
) -> bool {
    let identity = super::identity::identity(cert);
    let ips: Vec<std::net::IpAddr> = identity
        .ip_addresses
        .iter()
        .filter_map(|text| text.parse().ok())
        .collect();
    let names = host::Presented {
        dns: &identity.dns_names,
        ips: &ips,
        uri: false,
        san_present: false,
        common_name: identity.common_name.as_deref().filter(|_| subject),
    };
    host::matches(host::HostRule::Openssl, &names, expected)
}

/// Whether the certificate names `expected` as the stack matches host names
/// ([`host::HostRule`]): its subjectAltName dNSName and iPAddress entries, and its commonName
/// where the stack reads it for such a host.
fn matches_given(
    rules: &StackRules,
    identity: &Identity,
    shared: &Shared,
    expected: &ExpectedName,
) -> bool {
    let ips: Vec<std::net::IpAddr> = identity
        .ip_addresses
        .iter()
        .filter_map(|text| text.parse().ok())
        .collect();
    let names = host::Presented {
        dns: &identity.dns_names,
        ips: &ips,
        uri: shared.has_uri,
        san_present: shared.has_san,
        common_name: identity.common_name.as_deref(),
    };
    host::matches(rules.host_names, &names, expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_stack_reads_its_own_row() {
        assert_eq!(STACKS.len(), Stack::ALL.len());
        let labels: Vec<&str> = Stack::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(
            labels,
            [
                "OpenSSL 3",
                "Go crypto/x509",
                "rustls (webpki)",
                "Java (JSSE)",
                "GnuTLS",
                "NSS",
                "wolfSSL",
                "mbedTLS"
            ]
        );
        assert!(Stack::Rustls.version().starts_with("rustls-webpki "));
    }

    #[test]
    fn widest_arc_bits_reads_the_encoding() {
        let oid = |dotted: &str| const_oid::ObjectIdentifier::new_unwrap(dotted);
        // 55555 needs 16 bits, 2^31 - 1 31 bits; the first subidentifier of 2.25 is 105.
        assert_eq!(widest_arc_bits(&oid("1.3.6.1.4.1.55555.3.1")), 16);
        assert_eq!(widest_arc_bits(&oid("1.2.2147483647")), 31);
        assert_eq!(widest_arc_bits(&oid("2.25")), 7);
        // A UUID OID (RFC 4122's example UUID) is kept as a stand-in carrying its encoding.
        let uuid = crate::oid::stand_in(&[
            0x69, 0x83, 0xf0, 0x9d, 0xa7, 0xeb, 0xcf, 0xde, 0xe0, 0xc7, 0xa1, 0xa7, 0xb2, 0xc0,
            0x94, 0x8c, 0xc8, 0xf9, 0xd7, 0x76,
        ])
        .expect("a stand-in");
        assert_eq!(widest_arc_bits(&uuid), 128);
    }
}
