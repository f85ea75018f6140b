//! The entry point: building the candidate paths, validating each under its profile
//! (the `auto` choice in [`super::auto`]), ranking them and assembling the [`ChainReport`].

use super::auto::Auto;
use super::stacks::stack_answers;
use super::{
    build, checks, profile, revocation, BudgetLimit, CertificateEntry, ChainError, ChainReport,
    PathReport, Profile, Revocation, Source, VerifyOptions,
};
use crate::cert::Cert;

/// Builds every path from `target` through `untrusted` to one of `anchors` and validates each.
///
/// The report is valid when one path passes every check; otherwise [`ChainReport::error`] is
/// the most specific failure over all paths ([`ChainError::rank`]).
///
/// ```
/// use certscope::chain::{verify, ChainError, ExpectedName, Purpose, VerifyOptions};
/// use certscope::time::UnixTime;
///
/// let read = |pem: &str| {
///     let parsed = certscope::parse_input(pem.as_bytes(), &Default::default()).unwrap();
///     let cert = parsed.certificates().next().unwrap().clone();
///     cert
/// };
/// let leaf = read(include_str!("../../tests/data/roles/tls-server.pem"));
/// let issuer = read(include_str!("../../tests/data/roles/intermediate-eku.pem"));
/// let root = read(include_str!("../../tests/data/roles/root.pem"));
///
/// let mut options = VerifyOptions::at(UnixTime::parse_rfc3339("2026-06-01T00:00:00Z").unwrap());
/// options.purpose = Purpose::ServerAuth;
/// options.host = Some(ExpectedName::Dns("www.example.com".into()));
/// let report = verify(&leaf, &[issuer.clone()], &[root.clone()], &options);
/// assert!(report.valid, "{:?}", report.error);
///
/// // The wrong host name: the same path, now failing its name check.
/// options.host = Some(ExpectedName::Dns("mail.example.com".into()));
/// let report = verify(&leaf, &[issuer.clone()], &[root.clone()], &options);
/// assert!(matches!(report.error, Some(ChainError::NameMismatch { .. })));
///
/// // No anchor: nothing to build to.
/// options.host = None;
/// let report = verify(&leaf, &[issuer], &[], &options);
/// assert!(!report.valid);
/// assert!(!report.missing_issuers.is_empty());
/// ```
pub fn verify(
    target: &Cert,
    untrusted: &[Cert],
    anchors: &[Cert],
    options: &VerifyOptions,
) -> ChainReport {
    verify_at_depth(target, untrusted, anchors, options, 0)
}

/// [`verify`] for a path validated inside another validation: `depth` 0 is the caller's, 1 a
/// delegated CRL signer's path ([`super::revocation`], RFC 5280 6.3.3 (f)), and so on.
pub(crate) fn verify_at_depth(
    target: &Cert,
    untrusted: &[Cert],
    anchors: &[Cert],
    options: &VerifyOptions,
    depth: usize,
) -> ChainReport {
    // A TLS stack's profile judges signature digests and CA key sizes as that stack does.
    let stack_options;
    let options = match options.profile.spec().stack {
        Some(chain) => {
            let mut copy = options.clone();
            copy.allow_sha1 = chain.ca_sha1;
            copy.minimum_rsa_bits = chain.ca_minimum_rsa_bits;
            stack_options = copy;
            &stack_options
        }
        None => options,
    };
    // A target the caller also trusts carries the trust settings of its trusted copy.
    let settled;
    let target = match anchors
        .iter()
        .find(|a| a.der() == target.der() && a.aux_trust().is_some())
    {
        Some(anchor) if target.aux_trust().is_none() => {
            let mut copy = target.clone();
            copy.set_aux_trust(anchor.aux_trust().cloned());
            settled = copy;
            &settled
        }
        _ => target,
    };
    let mut all: Vec<(&Cert, Source, usize)> = vec![(target, Source::Target, 0)];
    all.extend(
        untrusted
            .iter()
            .enumerate()
            .map(|(i, c)| (c, Source::Untrusted, i)),
    );
    all.extend(
        anchors
            .iter()
            .enumerate()
            .map(|(i, c)| (c, Source::Anchor, i)),
    );
    let certificates: Vec<CertificateEntry> = all
        .iter()
        .map(|(cert, source, position)| CertificateEntry {
            source: *source,
            position: *position,
            subject: crate::name::rfc4514(cert.x509().tbs_certificate().subject()),
            issuer: crate::name::rfc4514(cert.x509().tbs_certificate().issuer()),
            sha256: crate::cert::hex(cert.sha256()),
        })
        .collect();
    let pool: Vec<&Cert> = all.iter().map(|(c, _, _)| *c).collect();
    let is_anchor: Vec<bool> = all.iter().map(|(_, s, _)| *s == Source::Anchor).collect();

    let built = build::build(&pool, &is_anchor, options);
    let comparisons = std::cell::Cell::new(0);
    let revocation =
        revocation::Revocation::new(&pool, &is_anchor, options, depth, built.signatures_checked);
    // Under `auto` each path is judged by the profile it calls for.
    let requested = options.profile;
    let auto = Auto::new(options);
    let mut paths: Vec<PathReport> = built
        .paths
        .iter()
        .map(|path| {
            let validate = |options: &VerifyOptions| {
                checks::validate_path_with_names(
                    &pool,
                    path,
                    options,
                    &built.signatures,
                    &comparisons,
                    Some((&built.subjects, &built.issuers)),
                )
            };
            match &auto {
                Some(auto) => auto.judge(&pool, path, validate),
                None => validate(options),
            }
        })
        .map(|mut report| {
            let path = &report.certificates;
            let (statuses, checks, unused) = revocation.check_path(path);
            report.checks.extend(checks);
            report.revocation = statuses;
            report.unused_crls = unused;
            report.error = report
                .checks
                .iter()
                .filter_map(|c| c.error.clone())
                .max_by_key(ChainError::rank);
            report.valid = report.error.is_none();
            report
        })
        .collect();
    // Valid first, then shortest, then newest (latest notBefore), then discovery order.
    // Under OpenSSL's anchor rules, the chain OpenSSL builds decides: trusted issuers first
    // (the builder's order), the first path that reaches an anchor, valid or not.
    let openssl = options.profile.spec().anchors == profile::AnchorRules::Openssl;
    let mut order: Vec<usize> = (0..paths.len()).collect();
    order.sort_by(|&a, &b| {
        let (Some(pa), Some(pb)) = (paths.get(a), paths.get(b)) else {
            return a.cmp(&b);
        };
        if openssl {
            let unanchored = |p: &PathReport| {
                p.checks
                    .iter()
                    .any(|c| c.name == "openssl_anchor" && !c.passed)
            };
            return unanchored(pa).cmp(&unanchored(pb)).then(a.cmp(&b));
        }
        pb.valid
            .cmp(&pa.valid)
            .then(pa.certificates.len().cmp(&pb.certificates.len()))
            .then(pb.newest_not_before.cmp(&pa.newest_not_before))
            .then(a.cmp(&b))
    });
    // `order` is a permutation: each report is moved once, not copied.
    let mut slots: Vec<Option<PathReport>> = paths.into_iter().map(Some).collect();
    paths = order
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .collect();
    let chosen = if paths.is_empty() { None } else { Some(0) };
    let valid = paths.first().is_some_and(|p| p.valid);
    let chosen_because = match (paths.len(), valid) {
        (0, _) => "no path reaches a trust anchor".to_string(),
        (_, _) if openssl && paths.len() > 1 => {
            "the path OpenSSL builds: trusted issuers first, the first that reaches an anchor"
                .to_string()
        }
        (1, true) => "the only path found, and it is valid".to_string(),
        (1, false) => "the only path found; it is invalid".to_string(),
        (_, true) => "valid; among valid paths the shortest, then the newest".to_string(),
        (_, false) => "no path is valid; shown is the shortest, then the newest".to_string(),
    };
    let error = if valid {
        None
    } else {
        let from_paths = paths
            .iter()
            .filter_map(|p| p.error.clone())
            .max_by_key(ChainError::rank);
        // A candidate issuer whose signature did not verify says more than "missing".
        let signature_failure = built
            .signatures
            .iter()
            .filter_map(|(&(child, issuer), outcome)| {
                outcome.as_ref().err().map(|e| (child, issuer, e))
            })
            .min_by_key(|&(child, issuer, _)| (child, issuer))
            .map(|(child, issuer, e)| ChainError::Signature {
                problem: format!("certificate {child} as signed by certificate {issuer}: {e}"),
            });
        match (from_paths, built.budget_exceeded, signature_failure) {
            (Some(e), _, _) => Some(e),
            (None, Some(limit), _) => Some(ChainError::BudgetExceeded { limit }),
            (None, None, Some(e)) => Some(e),
            // Every issuer was supplied, but the path would need more intermediates than the
            // budget allows: at least one more.
            (None, None, None) if built.depth_limited && built.missing.is_empty() => {
                Some(ChainError::TooManyIntermediates {
                    count: options.budget.intermediates.saturating_add(1),
                    limit: options.budget.intermediates,
                })
            }
            (None, None, None) => Some(ChainError::UnknownIssuer {
                missing: built
                    .missing
                    .first()
                    .map(|m| {
                        let key = m
                            .key_identifier
                            .as_ref()
                            .map(|k| format!(", key id {k}"))
                            .unwrap_or_default();
                        format!("issuer {}{key} was not supplied", m.issuer)
                    })
                    .unwrap_or_else(|| "no candidate issuer".to_string()),
            }),
        }
    };
    let used: std::collections::BTreeSet<usize> = paths
        .iter()
        .flat_map(|p| p.certificates.iter().copied())
        .collect();
    let unused_certificates = (1..=untrusted.len())
        .filter(|i| !used.contains(i))
        .collect();
    let served = pool.get(..=untrusted.len()).unwrap_or(&pool);
    let wrong_order = build::served_out_of_order_by_keys(served, &built.subjects, &built.issuers);
    let (profile, profile_because) = match paths.first() {
        Some(path) => (path.profile, path.profile_because.clone()),
        None if requested == Profile::Auto => (
            requested,
            "no path was found, so no profile was chosen".to_owned(),
        ),
        None => (requested, "asked for".to_owned()),
    };
    let stacks = stack_answers(target, &options.purpose);
    ChainReport {
        profile,
        profile_because,
        valid,
        error,
        certificates,
        paths,
        chosen,
        chosen_because,
        missing_issuers: built.missing,
        unused_certificates,
        wrong_order,
        revocation: if !revocation.active() {
            Revocation::NotChecked
        } else {
            Revocation::Checked
        },
        budget_exceeded: built.budget_exceeded.or(revocation
            .budget_exceeded()
            .then_some(BudgetLimit::Signatures)),
        signatures_checked: revocation.signatures_checked(),
        stacks,
    }
}
