//! Why a path failed: [`ChainError`], ranked so the most specific failure is reported.

use std::fmt;

use super::BudgetLimit;
use crate::time::UnixTime;

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
        #[cfg_attr(feature = "serde", serde(with = "super::unix_seconds"))]
        #[cfg_attr(feature = "schema", schemars(with = "u64"))]
        time: UnixTime,
        /// notAfter, seconds since the Unix epoch (negative before 1970: a UTCTime may say
        /// 1950 to 1969).
        not_after: i64,
    },
    /// A certificate is not yet valid at the given time.
    NotYetValid {
        /// The validation time.
        #[cfg_attr(feature = "serde", serde(with = "super::unix_seconds"))]
        #[cfg_attr(feature = "schema", schemars(with = "u64"))]
        time: UnixTime,
        /// notBefore, seconds since the Unix epoch (negative before 1970: a UTCTime may say
        /// 1950 to 1969).
        not_before: i64,
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
    /// A certificate with extensions (in the Web PKI: every certificate) is not version 3
    /// (RFC 5280 4.1.2.1, CA/B BR 7.1.1).
    NotVersion3 {
        /// The version (1 or 2).
        version: u8,
    },
    /// The issuer name is empty (RFC 5280 4.1.2.4).
    EmptyIssuerName,
    /// A CA's subject name is empty (RFC 5280 4.1.2.6).
    EmptyCaSubject,
    /// An extension appears twice (RFC 5280 4.2).
    DuplicateExtension {
        /// The extension's name, or its dotted OID.
        extension: String,
    },
    /// An extension certscope processes does not decode (RFC 5280 4.2).
    MalformedExtension {
        /// The extension's name and the decoding error.
        problem: String,
    },
    /// An extension that must not be critical is (authorityInfoAccess, RFC 5280 4.2.2.1; the
    /// key identifiers, 4.2.1.1 and 4.2.1.2).
    MustNotBeCritical {
        /// The extension's name.
        extension: String,
    },
    /// An extension that must be critical is not (nameConstraints, RFC 5280 4.2.1.10;
    /// policyConstraints in the Web PKI, 4.2.1.11; a CA's basicConstraints, CA/B BR
    /// 7.1.2.1.4).
    MustBeCritical {
        /// The extension's name.
        extension: String,
    },
    /// The public key does not decode or is of an algorithm certscope does not know.
    UnusableKey {
        /// Why.
        problem: String,
    },
    /// The key is weaker than the OpenSSL authentication level asks.
    KeyBelowAuthLevel {
        /// The key, e.g. `RSA 1024`.
        key: String,
        /// Its security bits.
        bits: u32,
        /// The bits the level asks for.
        required: u32,
        /// The authentication level.
        level: u8,
    },
    /// The RSA key is smaller than the caller's (or the profile's) minimum (CA/B BR 6.1.5).
    RsaKeyTooSmall {
        /// The modulus size.
        bits: usize,
        /// The minimum.
        minimum: usize,
    },
    /// The RSA modulus is not a whole number of bytes (CA/B BR 6.1.5).
    RsaModulusNotBytes {
        /// The modulus size.
        bits: usize,
    },
    /// A DSA key, which the Web PKI does not allow (CA/B BR 6.1.5).
    DsaKeyInWebPki,
    /// A DSA key under a profile that refuses them: TLS 1.3 has no DSA signature scheme, and
    /// Go, rustls, wolfSSL and mbedTLS refuse DSA.
    DsaKeyRefused,
    /// An EC key with explicit parameters rather than a named curve (CA/B BR 7.1.3.1.2).
    EcKeyWithoutNamedCurve,
    /// The serial number is longer than 20 bytes (RFC 5280 4.1.2.2).
    SerialNumberTooLong {
        /// Its length in bytes.
        bytes: usize,
    },
    /// The serial number is negative (RFC 5280 4.1.2.2).
    NegativeSerialNumber,
    /// The serial number is zero (RFC 5280 4.1.2.2).
    ZeroSerialNumber,
    /// A subscriber certificate asserts cA TRUE (CA/B BR 7.1.2.7.8).
    SubscriberIsCa,
    /// nameConstraints in a certificate that is not a CA (RFC 5280 4.2.1.10).
    NameConstraintsOnEndEntity,
    /// The subject is empty and the subjectAltName is not critical (RFC 5280 4.2.1.6).
    SubjectAltNameNotCritical,
    /// The subject is not empty and the subjectAltName is critical (CA/B BR 7.1.2.7.12).
    SubjectAltNameCritical,
    /// The subject is empty and there is no subjectAltName (RFC 5280 4.1.2.6).
    NoSubjectAltName,
    /// A server certificate without a subjectAltName (CA/B BR 7.1.2.7.12).
    ServerWithoutSubjectAltName,
    /// A dNSName that is not a valid host name (CA/B BR 7.1.2.7.12).
    InvalidDnsName {
        /// The name.
        name: String,
    },
    /// A subject CN stands for a subjectAltName value but is not written exactly as it (CA/B
    /// BR 7.1.4.3).
    CommonNameMisstatesSubjectAltName {
        /// The CN.
        common_name: String,
    },
    /// A subscriber certificate without an authorityKeyIdentifier holding a keyIdentifier
    /// (CA/B BR 7.1.2.7.6).
    NoAuthorityKeyIdentifier,
    /// A CA certificate without a subjectKeyIdentifier (RFC 5280 4.2.1.2).
    NoSubjectKeyIdentifier,
    /// A root's authorityKeyIdentifier holds more than a keyIdentifier (CA/B BR 7.1.2.1.3).
    RootAuthorityKeyIdentifierNotKeyIdOnly,
    /// A root's authorityKeyIdentifier lacks a keyIdentifier (CA/B BR 7.1.2.1.3).
    RootAuthorityKeyIdentifierWithoutKeyId,
    /// A self-signed root's authorityKeyIdentifier differs from its subjectKeyIdentifier (CA/B
    /// BR 7.1.2.1.3).
    RootAuthorityKeyIdentifierMismatch,
    /// A TLS stack refuses the end entity by its own rules (its profile's `stack_end_entity`).
    StackRefuses {
        /// The stack, e.g. `Go crypto/x509`.
        stack: String,
        /// Why, in the stack's terms.
        reason: String,
    },
    /// A TLS stack's profile asked for a purpose other than TLS server or client.
    StackPurpose {
        /// The profile's name.
        profile: String,
    },
    /// A TLS stack refuses a version 1 or 2 anchor.
    StackRefusesOldAnchor {
        /// The stack.
        stack: String,
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
            ChainError::NotVersion3 { .. }
            | ChainError::EmptyIssuerName
            | ChainError::EmptyCaSubject
            | ChainError::DuplicateExtension { .. }
            | ChainError::MalformedExtension { .. }
            | ChainError::MustNotBeCritical { .. }
            | ChainError::MustBeCritical { .. }
            | ChainError::UnusableKey { .. }
            | ChainError::KeyBelowAuthLevel { .. }
            | ChainError::RsaKeyTooSmall { .. }
            | ChainError::RsaModulusNotBytes { .. }
            | ChainError::DsaKeyInWebPki
            | ChainError::DsaKeyRefused
            | ChainError::EcKeyWithoutNamedCurve
            | ChainError::SerialNumberTooLong { .. }
            | ChainError::NegativeSerialNumber
            | ChainError::ZeroSerialNumber
            | ChainError::SubscriberIsCa
            | ChainError::NameConstraintsOnEndEntity
            | ChainError::SubjectAltNameNotCritical
            | ChainError::SubjectAltNameCritical
            | ChainError::NoSubjectAltName
            | ChainError::ServerWithoutSubjectAltName
            | ChainError::InvalidDnsName { .. }
            | ChainError::CommonNameMisstatesSubjectAltName { .. }
            | ChainError::NoAuthorityKeyIdentifier
            | ChainError::NoSubjectKeyIdentifier
            | ChainError::RootAuthorityKeyIdentifierNotKeyIdOnly
            | ChainError::RootAuthorityKeyIdentifierWithoutKeyId
            | ChainError::RootAuthorityKeyIdentifierMismatch
            | ChainError::StackRefuses { .. }
            | ChainError::StackPurpose { .. }
            | ChainError::StackRefusesOldAnchor { .. } => 40,
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
                crate::time::signed_rfc3339(*not_after),
                time.to_rfc3339().unwrap_or_default()
            ),
            ChainError::NotYetValid { time, not_before } => write!(
                f,
                "not yet valid: notBefore {} is after {}",
                crate::time::signed_rfc3339(*not_before),
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
            ChainError::NotVersion3 { version } => {
                write!(f, "version V{version}: certificates must be v3")
            }
            ChainError::EmptyIssuerName => write!(f, "the issuer name is empty"),
            ChainError::EmptyCaSubject => write!(f, "a CA's subject name must not be empty"),
            ChainError::DuplicateExtension { extension } => {
                write!(f, "extension {extension} appears twice")
            }
            ChainError::MalformedExtension { problem } => write!(f, "{problem}"),
            ChainError::MustNotBeCritical { extension } => {
                write!(f, "{extension} must not be critical")
            }
            ChainError::MustBeCritical { extension } if extension == "basicConstraints" => write!(
                f,
                "basicConstraints of a CA must be critical (CA/B BR 7.1.2.1.4)"
            ),
            ChainError::MustBeCritical { extension } => write!(f, "{extension} must be critical"),
            ChainError::UnusableKey { problem } => write!(f, "public key: {problem}"),
            ChainError::KeyBelowAuthLevel {
                key,
                bits,
                required,
                level,
            } => write!(
                f,
                "{key} key gives {bits} bits of security, fewer than the {required} of \
                 authentication level {level}"
            ),
            ChainError::RsaKeyTooSmall { bits, minimum } => {
                write!(f, "RSA key of {bits} bits, fewer than {minimum}")
            }
            ChainError::RsaModulusNotBytes { bits } => {
                write!(f, "RSA modulus of {bits} bits is not a multiple of 8")
            }
            ChainError::DsaKeyInWebPki => write!(
                f,
                "a DSA key: the Web PKI allows RSA and ECDSA keys only (CA/B BR 6.1.5)"
            ),
            ChainError::DsaKeyRefused => write!(
                f,
                "a DSA key: TLS 1.3 has no DSA signature scheme, and Go, rustls, wolfSSL and \
                 mbedTLS refuse DSA"
            ),
            ChainError::EcKeyWithoutNamedCurve => write!(f, "EC key without a named curve"),
            ChainError::SerialNumberTooLong { bytes } => {
                write!(f, "serial number of {bytes} bytes, more than 20")
            }
            ChainError::NegativeSerialNumber => write!(f, "negative serial number"),
            ChainError::ZeroSerialNumber => write!(f, "serial number is zero"),
            ChainError::SubscriberIsCa => {
                write!(f, "a subscriber certificate must not be a CA (cA TRUE)")
            }
            ChainError::NameConstraintsOnEndEntity => {
                write!(f, "nameConstraints is only allowed in CA certificates")
            }
            ChainError::SubjectAltNameNotCritical => {
                write!(f, "with an empty subject, subjectAltName must be critical")
            }
            ChainError::SubjectAltNameCritical => write!(
                f,
                "subjectAltName must not be critical when the subject is not empty"
            ),
            ChainError::NoSubjectAltName => {
                write!(f, "an empty subject requires a subjectAltName")
            }
            ChainError::ServerWithoutSubjectAltName => {
                write!(f, "a server certificate must have a subjectAltName")
            }
            ChainError::InvalidDnsName { name } => {
                write!(f, "dNSName {name:?} is not a valid host name")
            }
            ChainError::CommonNameMisstatesSubjectAltName { common_name } => write!(
                f,
                "subject CN {common_name:?} is not written exactly as a subjectAltName value"
            ),
            ChainError::NoAuthorityKeyIdentifier => {
                write!(f, "authorityKeyIdentifier with a keyIdentifier is required")
            }
            ChainError::NoSubjectKeyIdentifier => {
                write!(f, "a CA certificate must have a subjectKeyIdentifier")
            }
            ChainError::RootAuthorityKeyIdentifierNotKeyIdOnly => write!(
                f,
                "a root's authorityKeyIdentifier must hold only a keyIdentifier"
            ),
            ChainError::RootAuthorityKeyIdentifierWithoutKeyId => {
                write!(f, "a root's authorityKeyIdentifier lacks a keyIdentifier")
            }
            ChainError::RootAuthorityKeyIdentifierMismatch => write!(
                f,
                "a self-signed root's authorityKeyIdentifier differs from its \
                 subjectKeyIdentifier"
            ),
            ChainError::StackRefuses { stack, reason } => write!(f, "{stack}: {reason}"),
            ChainError::StackPurpose { profile } => write!(
                f,
                "the {profile} profile judges the TLS server and client purposes only"
            ),
            ChainError::StackRefusesOldAnchor { stack } => {
                write!(f, "{stack} refuses a version 1 or 2 anchor")
            }
            ChainError::Policy { problem } => write!(f, "certificate policies: {problem}"),
            ChainError::Distrusted { problem } => write!(f, "distrusted: {problem}"),
        }
    }
}

impl std::error::Error for ChainError {}
