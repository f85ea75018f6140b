//! The `auto` profile: each path is judged by the profile it calls for ([`Profile::choose`]),
//! Web PKI for a path to a public root or asserting a CA/B Forum policy, else `tls` with the
//! Web PKI's refusals beside the verdict as findings.

use super::{profile, Check, PathReport, Profile, VerifyOptions};
use crate::cert::Cert;

/// The two profiles a path can be judged by under `auto`, each with the caller's other options.
pub(super) struct Auto {
    web: VerifyOptions,
    tls: VerifyOptions,
}

impl Auto {
    /// `Some` when `options` asks for [`Profile::Auto`].
    pub(super) fn new(options: &VerifyOptions) -> Option<Self> {
        (options.profile == Profile::Auto).then(|| {
            let with = |profile: Profile| {
                let mut copy = options.clone();
                copy.profile = profile;
                copy
            };
            Auto {
                web: with(Profile::WebPki),
                tls: with(Profile::Tls),
            }
        })
    }

    /// Judges `path` (indices into `pool`, target first, anchor last) by the profile it calls
    /// for; `validate` validates the path under the options given. The report names the
    /// profile chosen and why.
    pub(super) fn judge(
        &self,
        pool: &[&Cert],
        path: &[usize],
        validate: impl Fn(&VerifyOptions) -> PathReport,
    ) -> PathReport {
        let public_root = path
            .last()
            .and_then(|&i| pool.get(i))
            .is_some_and(|anchor| {
                let fingerprint = crate::cert::hex(anchor.sha256());
                self.web
                    .public_roots
                    .iter()
                    .any(|root| root.eq_ignore_ascii_case(&fingerprint))
            });
        let claim = path
            .iter()
            .filter_map(|&i| pool.get(i))
            .find_map(|cert| profile::ca_browser_forum_policy(cert));
        let (profile, because) = Profile::Auto.choose(public_root, claim.as_deref());
        let mut report = validate(if profile == Profile::WebPki {
            &self.web
        } else {
            &self.tls
        });
        if profile == Profile::Tls {
            // What the Web PKI would refuse beyond the verdict: findings, not failures.
            let failed_in_verdict = |check: &Check| {
                report.checks.iter().any(|c| {
                    !c.passed && c.name == check.name && c.certificate == check.certificate
                })
            };
            let findings: Vec<Check> = validate(&self.web)
                .checks
                .into_iter()
                .filter(|check| !check.passed && !failed_in_verdict(check))
                .collect();
            report.web_pki_findings = findings;
        }
        report.profile = profile;
        report.profile_because = because;
        report
    }
}
