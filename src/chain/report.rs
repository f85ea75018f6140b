//! The chain report: every path with its checks, the chosen one and why, and what is
//! missing ([`ChainReport`]).

use super::catalogue::CheckId;
use super::{revocation, BudgetLimit, ChainError, Profile};
use crate::time::UnixTime;

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

impl Check {
    /// The check `name` on the certificate at `certificate`, passed with its explanation or
    /// failed with its error, citing `citation`.
    pub(crate) fn new(
        name: CheckId,
        certificate: usize,
        citation: &str,
        result: Result<String, ChainError>,
    ) -> Check {
        let (passed, explanation, error) = match result {
            Ok(text) => (true, text, None),
            Err(e) => (false, e.to_string(), Some(e)),
        };
        Check {
            name: name.as_str().to_owned(),
            passed,
            certificate,
            explanation,
            citation: citation.to_owned(),
            error,
        }
    }
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
    #[cfg_attr(feature = "serde", serde(with = "super::unix_seconds"))]
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
    /// [`super::VerifyOptions::initial_policies`] (6.1.5 (g)).
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

/// The result of [`super::verify`]: every path, the chosen one and why, and what is
/// missing.
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
    /// Signatures verified against [`super::Budget::signatures`]:
    /// certificates' while building, CRLs' while deciding revocation, and those of delegated
    /// CRL signers' own paths.
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
