//! The TLS stacks' answers: each stack's verdict on the chain under its profile
//! ([`verify_stacks`]) and each stack's answer for the target as an end entity.

use super::{profile, verify, ChainError, Profile, Purpose, StackAnswer, VerifyOptions};
use crate::cert::Cert;
use crate::role::stacks::HOST_CHECK;

/// One TLS stack's verdict on a chain under its profile ([`verify_stacks`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct StackVerdict {
    /// The stack's profile (`openssl`, `go`, `rustls`, `java`, `gnutls`, `nss`, `wolfssl`,
    /// `mbedtls`).
    pub profile: Profile,
    /// The stack, e.g. `Go crypto/x509`.
    pub stack: String,
    /// The stack version the profile reproduces (checked against it on the corpus of
    /// `stacks/`).
    pub version: String,
    /// Whether the stack accepts the target for the purpose (and host) asked.
    pub valid: bool,
    /// Why: the most specific error, in the stack's own terms where it has them; when valid,
    /// what accepted the end entity.
    pub reason: String,
    /// What the verdict rests on that the chain cannot show ([`crate::role::Condition`]):
    /// `host_check` when the host name alone is refused by a stack that checks it only when
    /// the application asks (the chain is valid without the host), `server_authorisation`
    /// for a client the stack accepts. When not empty, the verdict depends on it.
    pub depends_on: Vec<crate::role::Condition>,
}

/// The options a TLS stack's profile runs with when it answers for the stack's TLS library:
/// `options` under `profile`, and for OpenSSL the defaults of libssl on Debian (security
/// level 2 unless an authentication level is given; the commonName read as a host name when
/// the subjectAltName has no dNSName, as `X509_check_host`).
pub fn stack_options(options: &VerifyOptions, profile: Profile) -> VerifyOptions {
    let mut copy = options.clone();
    copy.profile = profile;
    if profile == Profile::Openssl {
        copy.auth_level = options.auth_level.or(Some(2));
        copy.common_name_fallback = true;
    }
    copy
}

/// Verifies the target under the profile of each of the eight TLS stacks
/// ([`profile::STACK_PROFILES`], with [`stack_options`]): the matrix of `verify --profile all`.
pub fn verify_stacks(
    target: &Cert,
    untrusted: &[Cert],
    anchors: &[Cert],
    options: &VerifyOptions,
) -> Vec<StackVerdict> {
    profile::STACK_PROFILES
        .into_iter()
        .filter_map(|profile| {
            let stack = profile.stack()?;
            let report = verify(target, untrusted, anchors, &stack_options(options, profile));
            let reason = match &report.error {
                // The stack's own refusals name it; the verdict is already by stack.
                Some(ChainError::StackRefuses { reason, .. }) => reason.clone(),
                Some(error) => error.to_string(),
                None => report
                    .chosen
                    .and_then(|i| report.paths.get(i))
                    .and_then(|path| path.checks.iter().find(|c| c.name == "stack_end_entity"))
                    .map_or_else(|| "accepted".to_owned(), |check| check.explanation.clone()),
            };
            let mut depends_on = Vec::new();
            // A host the stack checks only when asked: the verdict without it decides.
            if !report.valid && options.host.is_some() && stack.host_check_call().is_some() {
                let mut without_host = stack_options(options, profile);
                without_host.host = None;
                if verify(target, untrusted, anchors, &without_host).valid {
                    depends_on.push(crate::role::Condition::HostCheck);
                }
            }
            let reason = match stack.host_check_call() {
                Some(call) if !depends_on.is_empty() && !reason.starts_with(HOST_CHECK) => {
                    format!("{HOST_CHECK} ({call}): {reason}; accepted without it")
                }
                _ => reason,
            };
            if report.valid && options.purpose == Purpose::ClientAuth {
                depends_on.push(crate::role::Condition::ServerAuthorisation);
            }
            Some(StackVerdict {
                profile,
                stack: stack.label().to_owned(),
                version: stack.version().to_owned(),
                valid: report.valid,
                reason,
                depends_on,
            })
        })
        .collect()
}

/// What each TLS stack decides for the target as the end entity, for a TLS purpose.
pub(super) fn stack_answers(target: &Cert, purpose: &Purpose) -> Vec<StackAnswer> {
    let server = match purpose {
        Purpose::ServerAuth => true,
        Purpose::ClientAuth => false,
        _ => return Vec::new(),
    };
    crate::role::verifier_verdicts(target)
        .into_iter()
        .map(|verdict| StackAnswer {
            stack: verdict.verifier,
            accepts: if server {
                verdict.as_server
            } else {
                verdict.as_client
            },
            // A self-signed target is its own anchor here: the row's assumption holds.
            reason: {
                let reason = if server {
                    verdict.server_reason
                } else {
                    verdict.client_reason
                };
                match reason.strip_prefix(crate::role::TRUSTED_DIRECTLY) {
                    Some(rest) => rest.to_owned(),
                    None => reason,
                }
            },
        })
        .collect()
}
