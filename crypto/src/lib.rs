//! The signature checks of certscope that are built at full speed while the rest of the wasm
//! module is built for size.
//!
//! RustCrypto's ECDSA verification and curve arithmetic are generic, and P-384's field
//! operations are crypto-bigint's generic code marked `#[inline]`, so Rust compiles all of it
//! in the crate that names the curve, at that crate's optimisation level; no level set for
//! `p384` or `crypto-bigint` reaches it. Named here instead, in a crate that the `wasm-release`
//! profile (the workspace's Cargo.toml) builds at opt-level 3, a P-384 chain verifies about a
//! third faster for 4.4 KB gzipped (bench/RESULTS.md, "The P-384 verifier in a crate of its
//! own"). P-256 (whose field is p256's own code, already built at full speed) and Ed25519 gain
//! nothing measurable here and stay in certscope.
//!
//! Each function is one verifying call of RustCrypto's and nothing else; certscope decides
//! what to verify and what the outcome means.

use signature::hazmat::PrehashVerifier;

/// Checks an ECDSA P-384 signature (DER) over a prehashed message (FIPS 186-5 6.4.2).
pub fn verify_p384(
    key: &p384::ecdsa::VerifyingKey,
    prehash: &[u8],
    signature: &ecdsa::der::Signature<p384::NistP384>,
) -> Result<(), signature::Error> {
    key.verify_prehash(prehash, signature)
}
