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

mod auto;
mod error;
mod options;
mod report;
#[cfg(feature = "mozilla-roots")]
mod roots;
mod stacks;
mod verify;

pub use build::{Budget, BudgetLimit};
pub use error::ChainError;
pub use options::{EkuPolicy, ExpectedName, Purpose, VerifyOptions};
pub use profile::{Profile, ProfileSpec, PROFILES};
pub use report::{
    CertificateEntry, ChainReport, Check, MissingIssuer, PathReport, Revocation, Source,
    StackAnswer,
};
#[cfg(feature = "mozilla-roots")]
pub use roots::{mozilla_root_fingerprints, mozilla_roots, MOZILLA_ROOTS_VERSION};
pub use stacks::{stack_options, verify_stacks, StackVerdict};
pub use verify::verify;
pub(crate) use verify::verify_at_depth;

/// Serialises a [`UnixTime`](crate::time::UnixTime) as its seconds.
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
