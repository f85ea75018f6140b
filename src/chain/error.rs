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
            ChainError::Profile { problem } => write!(f, "{problem}"),
            ChainError::Policy { problem } => write!(f, "certificate policies: {problem}"),
            ChainError::Distrusted { problem } => write!(f, "distrusted: {problem}"),
        }
    }
}

impl std::error::Error for ChainError {}
