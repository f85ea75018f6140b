//! Path building: depth-first from the target toward the anchors, every candidate explored,
//! loops cut on (subject, public key), the work bounded by a [`Budget`].

use std::collections::HashMap;
use std::fmt;

use const_oid::db::rfc5280 as pkix;
use x509_cert::ext::pkix::name::GeneralName;

use super::profile::AnchorRules;
use super::{names, MissingIssuer, VerifyOptions};
use crate::cert::Cert;
use crate::ext::{self, AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, SubjectKeyIdentifier};
use crate::signature::{SignatureError, Verified};

/// Limits on the work one validation may do, so that a hostile bag of thousands of
/// certificates cannot hang the caller. Exceeding one is a distinct result,
/// [`super::ChainError::BudgetExceeded`].
///
/// The defaults are rustls-webpki's (`verify_cert.rs`, `Budget::default`): 100 signatures
/// ("enough for any real chain, far too few for a denial of service"), 200,000 path-building
/// steps and 250,000 name-constraint comparisons; at most 8 intermediates follows pyca's
/// default `max_chain_depth`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Budget {
    /// Signatures verified.
    pub signatures: usize,
    /// Candidate issuers tried.
    pub candidates: usize,
    /// Name-constraint comparisons (one name against one subtree).
    pub name_constraint_comparisons: usize,
    /// Certificates between target and anchor, not counting either.
    pub intermediates: usize,
    /// Complete paths kept for the report.
    pub paths: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            signatures: 100,
            candidates: 200_000,
            name_constraint_comparisons: 250_000,
            intermediates: 8,
            paths: 32,
        }
    }
}

/// Which limit of the [`Budget`] was exhausted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BudgetLimit {
    /// Too many signatures to verify.
    Signatures,
    /// Too many candidate issuers to try.
    Candidates,
    /// Too many name-constraint comparisons.
    NameConstraintComparisons,
    /// Too many paths to keep.
    Paths,
}

impl fmt::Display for BudgetLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BudgetLimit::Signatures => "too many signatures to verify",
            BudgetLimit::Candidates => "too many candidate issuers to try",
            BudgetLimit::NameConstraintComparisons => "too many name-constraint comparisons",
            BudgetLimit::Paths => "too many candidate paths",
        })
    }
}

/// What building found.
#[derive(Clone, Debug, Default)]
pub struct Built {
    /// Complete paths: pool indices, target first, the trusted certificate last.
    pub paths: Vec<Vec<usize>>,
    /// Certificates whose issuer nobody supplied.
    pub missing: Vec<MissingIssuer>,
    /// The limit that stopped building, if any.
    pub budget_exceeded: Option<BudgetLimit>,
    /// Whether a candidate issuer was left untried because the path already had
    /// [`Budget::intermediates`] intermediates.
    pub depth_limited: bool,
    /// Signatures verified.
    pub signatures_checked: usize,
    /// Every signature verified: (child, issuer) pool indices to the outcome.
    pub signatures: HashMap<(usize, usize), Result<Verified, SignatureError>>,
    /// The subject name key of every pool certificate, by pool index.
    pub subjects: Vec<names::NameKey>,
    /// The issuer name key of every pool certificate, by pool index.
    pub issuers: Vec<names::NameKey>,
}

struct Builder<'a> {
    pool: &'a [&'a Cert],
    is_anchor: &'a [bool],
    options: &'a VerifyOptions,
    spent: usize,
    candidates: usize,
    built: Built,
    subjects: Vec<names::NameKey>,
    issuers: Vec<names::NameKey>,
    by_subject: HashMap<names::NameKey, Vec<usize>>,
}

/// Builds every path from `pool[0]` (the target) to a certificate marked in `is_anchor`.
pub fn build(pool: &[&Cert], is_anchor: &[bool], options: &VerifyOptions) -> Built {
    // Identical certificates are tried once; an anchor copy wins over an untrusted one.
    let mut representative = vec![true; pool.len()];
    let mut best: HashMap<&[u8], usize> = HashMap::new();
    for (i, cert) in pool.iter().enumerate().skip(1) {
        let anchor = is_anchor.get(i).copied().unwrap_or(false);
        match best.get(cert.der()).copied() {
            None => {
                best.insert(cert.der(), i);
            }
            Some(j) => {
                let loser = if anchor && !is_anchor.get(j).copied().unwrap_or(false) {
                    best.insert(cert.der(), i);
                    j
                } else {
                    i
                };
                if let Some(slot) = representative.get_mut(loser) {
                    *slot = false;
                }
            }
        }
    }
    let subjects: Vec<names::NameKey> = pool
        .iter()
        .map(|c| names::name_key(c.x509().tbs_certificate().subject()))
        .collect();
    let issuers: Vec<names::NameKey> = pool
        .iter()
        .map(|c| names::name_key(c.x509().tbs_certificate().issuer()))
        .collect();
    let mut by_subject: HashMap<names::NameKey, Vec<usize>> = HashMap::new();
    for (i, key) in subjects.iter().enumerate().skip(1) {
        if representative.get(i).copied().unwrap_or(false) {
            by_subject.entry(key.clone()).or_default().push(i);
        }
    }
    let mut builder = Builder {
        pool,
        is_anchor,
        options,
        spent: 0,
        candidates: 0,
        built: Built::default(),
        subjects,
        issuers,
        by_subject,
    };
    // A target the caller trusts is its own path (pinned device identities).
    let target_trusted = pool.first().is_some_and(|target| {
        pool.iter()
            .zip(is_anchor)
            .any(|(c, &anchor)| anchor && c.der() == target.der())
    });
    // Under OpenSSL's anchor rules a trusted target that cannot anchor itself (not
    // self-signed, no partial chains) is built on like any other.
    let openssl_goes_on = |cert: &Cert| {
        options.profile.spec().anchors == AnchorRules::Openssl
            && !super::checks::trust::openssl_anchors(cert, options)
    };
    if target_trusted && !pool.first().is_some_and(|target| openssl_goes_on(target)) {
        builder.built.paths.push(vec![0]);
    } else {
        let mut path = vec![0];
        builder.extend(&mut path);
        if target_trusted && builder.built.paths.is_empty() {
            builder.built.paths.push(vec![0]);
        }
    }
    builder.built.signatures_checked = builder.spent;
    let mut built = builder.built;
    built.subjects = builder.subjects;
    built.issuers = builder.issuers;
    built
}

impl Builder<'_> {
    fn cert(&self, index: usize) -> Option<&Cert> {
        self.pool.get(index).copied()
    }

    fn extend(&mut self, path: &mut Vec<usize>) {
        if self.built.budget_exceeded.is_some() {
            return;
        }
        let Some(&current) = path.last() else { return };
        let Some(cert) = self.cert(current) else {
            return;
        };
        let authority_key = cert
            .facts()
            .find::<AuthorityKeyIdentifier>()
            .value()
            .and_then(|aki| aki.key_identifier.clone())
            .map(|k| k.as_bytes().to_vec());
        let mut candidates: Vec<(bool, bool, usize)> = Vec::new();
        let same_name = self
            .issuers
            .get(current)
            .and_then(|issuer| self.by_subject.get(issuer))
            .cloned()
            .unwrap_or_default();
        for index in same_name {
            let Some(candidate) = self.cert(index) else {
                continue;
            };
            let key_match = match (
                &authority_key,
                candidate.facts().find::<SubjectKeyIdentifier>(),
            ) {
                (Some(aki), ext::Lookup::Present { value, .. }) => {
                    value.0.as_bytes() == aki.as_slice()
                }
                _ => false,
            };
            let anchor = self.is_anchor.get(index).copied().unwrap_or(false);
            candidates.push((!anchor, !key_match, index));
        }
        // Anchors first, then issuers whose key identifier matches, then the rest.
        candidates.sort();
        if candidates.is_empty() {
            self.missing(current, authority_key.as_deref());
            return;
        }
        let mut any_signature = false;
        let mut skipped = false;
        for (_, _, index) in candidates {
            self.candidates += 1;
            if self.candidates > self.options.budget.candidates {
                self.built.budget_exceeded = Some(BudgetLimit::Candidates);
                return;
            }
            // Loop prevention: the same subject and key may appear only once in a path.
            let Some(candidate) = self.cert(index) else {
                continue;
            };
            let looped = path.iter().any(|&p| {
                self.cert(p).is_some_and(|c| {
                    c.spki_der() == candidate.spki_der()
                        && self.subjects.get(p) == self.subjects.get(index)
                })
            });
            if looped {
                // Supplied, but already on this path: not a missing issuer either.
                skipped = true;
                continue;
            }
            let anchor = self.is_anchor.get(index).copied().unwrap_or(false);
            let intermediates = path.len().saturating_sub(1);
            if !anchor && intermediates >= self.options.budget.intermediates {
                // Supplied, but too deep: not a missing issuer.
                self.built.depth_limited = true;
                skipped = true;
                continue;
            }
            match self.signature(current, index) {
                Some(true) => any_signature = true,
                Some(false) => continue,
                None => return,
            }
            path.push(index);
            // Under OpenSSL's anchor rules, a trusted certificate that cannot anchor the path
            // (not self-signed, no trust settings for the purpose, no partial chains) is
            // built on; it ends the path only when nothing above it does.
            let goes_on = anchor
                && self.options.profile.spec().anchors == AnchorRules::Openssl
                && intermediates < self.options.budget.intermediates
                && !self
                    .cert(index)
                    .is_some_and(|c| super::checks::trust::openssl_anchors(c, self.options));
            let before = self.built.paths.len();
            if goes_on {
                self.extend(path);
            }
            if anchor && (!goes_on || self.built.paths.len() == before) {
                if self.built.paths.len() >= self.options.budget.paths {
                    self.built.budget_exceeded = Some(BudgetLimit::Paths);
                    path.pop();
                    return;
                }
                self.built.paths.push(path.clone());
            } else if !anchor {
                self.extend(path);
            }
            path.pop();
            if self.built.budget_exceeded.is_some() {
                return;
            }
        }
        if !any_signature && !skipped {
            self.missing(current, authority_key.as_deref());
        }
    }

    /// Whether `issuer` signed `child`, cached; `None` when the budget is exhausted.
    fn signature(&mut self, child: usize, issuer: usize) -> Option<bool> {
        if let Some(known) = self.built.signatures.get(&(child, issuer)) {
            return Some(known.is_ok());
        }
        if self.spent >= self.options.budget.signatures {
            self.built.budget_exceeded = Some(BudgetLimit::Signatures);
            return None;
        }
        self.spent += 1;
        let (Some(c), Some(i)) = (self.cert(child), self.cert(issuer)) else {
            return Some(false);
        };
        let outcome = crate::signature::verify_certificate_by(c, i);
        let ok = outcome.is_ok();
        self.built.signatures.insert((child, issuer), outcome);
        Some(ok)
    }

    fn missing(&mut self, index: usize, key_identifier: Option<&[u8]>) {
        if self.built.missing.iter().any(|m| m.certificate == index) {
            return;
        }
        let Some(cert) = self.cert(index) else { return };
        self.built.missing.push(MissingIssuer {
            certificate: index,
            issuer: crate::name::rfc4514(cert.x509().tbs_certificate().issuer()),
            key_identifier: key_identifier.map(crate::cert::hex),
            ca_issuers: ca_issuers(cert),
        });
    }
}

/// The AIA caIssuers URLs of a certificate (RFC 5280 4.2.2.1).
pub fn ca_issuers(cert: &Cert) -> Vec<String> {
    cert.facts()
        .find::<AuthorityInfoAccessSyntax>()
        .value()
        .map(|aia| {
            aia.0
                .iter()
                .filter(|d| d.access_method == pkix::ID_AD_CA_ISSUERS)
                .filter_map(|d| match &d.access_location {
                    GeneralName::UniformResourceIdentifier(uri) => Some(uri.to_string()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the served certificates (`pool[0..=untrusted]`) are out of order: some
/// certificate's issuer is present but does not follow it directly.
pub fn served_out_of_order(pool: &[&Cert], untrusted: usize) -> bool {
    let served = pool.get(..=untrusted).unwrap_or(pool);
    let key = |name| names::name_key(name);
    let subjects: Vec<names::NameKey> = served
        .iter()
        .map(|c| key(c.x509().tbs_certificate().subject()))
        .collect();
    let issuers: Vec<names::NameKey> = served
        .iter()
        .map(|c| key(c.x509().tbs_certificate().issuer()))
        .collect();
    served_out_of_order_by_keys(served, &subjects, &issuers)
}

/// [`served_out_of_order`] with the name keys of the served certificates already made
/// ([`Built::subjects`], [`Built::issuers`]; extra entries are ignored).
pub(crate) fn served_out_of_order_by_keys(
    served: &[&Cert],
    subjects: &[names::NameKey],
    issuers: &[names::NameKey],
) -> bool {
    let subjects = subjects.get(..served.len()).unwrap_or(subjects);
    let mut positions: HashMap<&names::NameKey, Vec<usize>> = HashMap::new();
    for (i, key) in subjects.iter().enumerate() {
        positions.entry(key).or_default().push(i);
    }
    served.iter().enumerate().any(|(i, cert)| {
        let Some(issuer) = issuers.get(i) else {
            return false;
        };
        if subjects.get(i) == Some(issuer) {
            return false;
        }
        let at = positions.get(issuer).map(Vec::as_slice).unwrap_or_default();
        let next_is_issuer = at.contains(&(i + 1));
        let elsewhere = at
            .iter()
            .any(|&j| j > i + 1 && served.get(j).is_some_and(|c| c.der() != cert.der()));
        !next_is_issuer && elsewhere
    })
}
