//! certscope's per-stack answers against the real stacks' (`stacks/`, `tests/data/stacks/`).
//!
//! The corpus (524 chains, `stacks/gen_corpus.py`) was run through OpenSSL, Go, rustls-webpki,
//! Java, GnuTLS, NSS, wolfSSL and mbedTLS by `stacks/run.sh`; the fixture keeps each stack's
//! answer, error and version. Here no stack is needed: for every chain whose certificate
//! authorities are ordinary (so that the end entity alone decides) and whose answer does not
//! rest on the date, each stack certscope models in `client_server.verifiers` must give the
//! real stack's answer as a TLS server (for the host name the certificate names) and as a TLS
//! client.
//!
//! Then every chain under every stack's chain profile (`verify --profile go`, ...), on the
//! three sides the harness ran (`server` with the host name the certificate names,
//! `server_nohost`, `client`), with the chain's last certificate as the only trust anchor, as
//! `stacks/run.sh` gave it to the real stacks: each verdict must be the real stack's.
//!
//! The comparison is `tests/common/stacks_comparison.rs`; `cargo xtask generate` writes
//! `docs/stacks.md` from it, and each test here fails when its part of that file is stale.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;

#[path = "common/stacks_comparison.rs"]
mod stacks_comparison;

use stacks_comparison::{CHAIN_PROFILES_HEADING, DOC};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn corpus_and_fixture_cover_the_issue() {
    let data = stacks_comparison::load(root()).unwrap();
    let chains = data.chains().unwrap();
    assert!(chains.len() >= 400, "{} chains", chains.len());
    let axes: std::collections::BTreeSet<&str> =
        chains.iter().map(|c| c["axis"].as_str().unwrap()).collect();
    for axis in [
        "eku",
        "key_usage",
        "basic_constraints",
        "san",
        "netscape_cert_type",
        "policies",
        "name_constraints",
        "unknown_critical",
        "version",
        "validity",
        "signature",
        "key_type",
        "ca_eku",
        "ca_path_len",
        "ca_basic",
        "self_signed",
        "host",
    ] {
        assert!(axes.contains(axis), "no chain varies {axis}");
    }
    let stacks = data.results["stacks"].as_object().unwrap();
    for stack in [
        "openssl", "go", "rustls", "java", "gnutls", "nss", "wolfssl", "mbedtls",
    ] {
        let entry = &stacks[stack];
        assert!(
            !entry["version"].as_str().unwrap().is_empty(),
            "{stack} has no version"
        );
        for chain in chains {
            let id = chain["id"].as_str().unwrap();
            for side in ["server", "server_nohost", "client"] {
                assert!(
                    entry["answers"][id][side][0].is_boolean(),
                    "{stack} has no answer for {id} {side}"
                );
            }
        }
    }
}

#[test]
fn every_modelled_stack_agrees_with_the_real_one_on_the_end_entity() {
    let data = stacks_comparison::load(root()).unwrap();
    let part = stacks_comparison::end_entity(&data).unwrap();
    assert!(part.compared > 1_000, "{} answers compared", part.compared);
    assert!(
        part.disagreements.is_empty(),
        "{} of {} answers differ from the real stacks ({}):\n{}",
        part.disagreements.len(),
        part.compared,
        part.summary.join(", "),
        part.disagreements.join("\n")
    );
    let (committed, _) = stacks_comparison::committed_parts(root());
    assert!(
        committed == part.section,
        "{DOC} (before {CHAIN_PROFILES_HEADING:?}) is stale: run `cargo xtask generate`"
    );
}

#[test]
fn every_stack_profile_agrees_with_the_real_stack_on_every_chain_and_side() {
    let data = stacks_comparison::load(root()).unwrap();
    let part = stacks_comparison::chain_profiles(&data).unwrap();
    assert_eq!(part.compared, data.chains().unwrap().len() * 8 * 3);
    assert!(
        part.disagreements.is_empty(),
        "{} of {} verdicts differ from the real stacks ({}):\n{}",
        part.disagreements.len(),
        part.compared,
        part.summary.join(", "),
        part.disagreements.join("\n")
    );
    let (_, committed) = stacks_comparison::committed_parts(root());
    assert!(
        committed == part.section,
        "{DOC} (from {CHAIN_PROFILES_HEADING:?}) is stale: run `cargo xtask generate`"
    );
}

/// A chain of the corpus: its certificates (the target first, the anchor last).
fn certificates(chain: &serde_json::Value) -> Vec<certscope::Cert> {
    use base64ct::{Base64, Encoding};
    chain["certs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b64| {
            certscope::Cert::from_der(&Base64::decode_vec(b64.as_str().unwrap()).unwrap()).unwrap()
        })
        .collect()
}

fn harness_options(
    purpose: certscope::chain::Purpose,
    host: Option<&str>,
) -> certscope::chain::VerifyOptions {
    use certscope::chain::{ExpectedName, VerifyOptions};
    let at = certscope::time::UnixTime::parse_rfc3339("2026-12-05T00:00:00Z").unwrap();
    let mut options = VerifyOptions::at(at);
    options.purpose = purpose;
    options.host = host.map(|h| match h.parse() {
        Ok(ip) => ExpectedName::Ip(ip),
        Err(_) => ExpectedName::Dns(h.to_owned()),
    });
    options
}

/// The third outcome, grounded in the real stacks: a verdict that depends on the
/// application's set-up (`Condition`) is shown as such only where the real stack's answer
/// changes with it.
///
/// - `host_check`: the real stack refuses the host on the `server` side, and accepts the same
///   chain when the host is not checked: wolfSSL with the host sent only as SNI
///   (`server_sni`, without `wolfSSL_check_domain_name`), the others on `server_nohost` (the
///   same verification without a host, which is what their TLS layer runs when the
///   application names none). Go, rustls and NSS always check, and never depend on it.
/// - `pinned`: a self-signed end entity is accepted (the harness pins it) only as its own
///   anchor; with any other anchor, every stack profile refuses it.
/// - `server_authorisation`: exactly the client answers the stack accepts.
#[test]
fn answers_that_depend_on_the_application_are_grounded_in_the_real_stacks() {
    use certscope::chain::{self, Purpose};
    use certscope::role::{Condition, Stack};
    let data = stacks_comparison::load(root()).unwrap();
    let real = |stack: Stack, id: &str, side: &str| {
        data.results["stacks"][stack.key()]["answers"][id][side][0]
            .as_bool()
            .unwrap_or_else(|| panic!("no {} answer for {id} {side}", stack.key()))
    };
    let unchecked_side = |stack: Stack| {
        if stack == Stack::Wolfssl {
            "server_sni"
        } else {
            "server_nohost"
        }
    };
    for stack in [Stack::Go, Stack::Rustls, Stack::Nss] {
        assert_eq!(stack.host_check_call(), None, "{stack:?}");
    }
    let mut host_checks: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut wolfssl_sni = 0;
    let mut pinned = 0;
    for chain in data.chains().unwrap() {
        let id = chain["id"].as_str().unwrap();
        let certs = certificates(chain);
        let (target, anchors) = (&certs[0], &certs[certs.len() - 1..]);
        let untrusted = &certs[1..certs.len().saturating_sub(1).max(1)];
        let host = chain["host"].as_str();
        let options = harness_options(Purpose::ServerAuth, host);
        for verdict in chain::verify_stacks(target, untrusted, anchors, &options) {
            let stack = verdict.profile.stack().unwrap();
            let depends = verdict.depends_on.contains(&Condition::HostCheck);
            if depends {
                assert!(!verdict.valid, "{id} {stack:?}");
                assert!(
                    !real(stack, id, "server"),
                    "{id} {stack:?} accepts the host"
                );
                assert!(
                    real(stack, id, unchecked_side(stack)),
                    "{id} {stack:?}: refused even without the host check"
                );
                assert!(verdict.reason.contains("only if the application asks"));
                *host_checks.entry(stack.key()).or_default() += 1;
            } else if stack.host_check_call().is_some() {
                // Not depending on it: the host is not what the real stack refuses for.
                assert!(
                    real(stack, id, "server") || !real(stack, id, unchecked_side(stack)),
                    "{id} {stack:?}: refused only for the host, but shown as a refusal"
                );
            }
            assert!(verdict
                .depends_on
                .iter()
                .all(|c| *c == Condition::HostCheck));
        }
        if !real(Stack::Wolfssl, id, "server") && real(Stack::Wolfssl, id, "server_sni") {
            wolfssl_sni += 1;
        }
        let client = harness_options(Purpose::ClientAuth, None);
        for verdict in chain::verify_stacks(target, untrusted, anchors, &client) {
            assert_eq!(
                verdict.depends_on.contains(&Condition::ServerAuthorisation),
                verdict.valid,
                "{id} {:?}",
                verdict.profile
            );
        }
        // The per-certificate matrix: a self-signed end entity trusted directly.
        if certs.len() == 1 {
            let roles = certscope::classify(target);
            let other_anchor = &data.chains().unwrap()[0];
            let other = certificates(other_anchor);
            let elsewhere = chain::verify_stacks(target, &[], &other[other.len() - 1..], &options);
            assert!(
                elsewhere.iter().all(|v| !v.valid),
                "{id}: accepted unpinned"
            );
            for verdict in &roles.client_server.verifiers {
                let listed = verdict.server_depends_on.contains(&Condition::Pinned);
                let host = verdict.server_depends_on.contains(&Condition::HostCheck);
                assert_eq!(
                    listed,
                    verdict.as_server || host,
                    "{id} {}",
                    verdict.verifier
                );
                pinned += usize::from(listed);
            }
        }
    }
    // wolfSSL's host check is the application's: every chain it refuses for the host alone
    // is one it accepts with the host sent only as SNI, and each is shown as depending on it.
    assert!(wolfssl_sni > 0);
    assert_eq!(host_checks.get("wolfssl"), Some(&wolfssl_sni));
    for stack in ["openssl", "java", "gnutls", "wolfssl", "mbedtls"] {
        assert!(
            host_checks.get(stack).is_some_and(|n| *n > 0),
            "{stack}: {host_checks:?}"
        );
    }
    assert!(pinned > 0);
}

/// Go's host name errors are its own words for each case (`HostnameError.Error()`: the legacy
/// commonName, no names at all, no IP SANs, the names it is valid for), as the harness
/// recorded them.
#[test]
fn go_host_name_errors_are_gos_own() {
    use certscope::chain::{self, Purpose};
    use certscope::role::Stack;
    let data = stacks_comparison::load(root()).unwrap();
    let mut compared = 0;
    for chain in data.chains().unwrap() {
        let id = chain["id"].as_str().unwrap();
        let real = &data.results["stacks"]["go"]["answers"][id]["server"];
        let detail = real[1].as_str().unwrap();
        if real[0].as_bool().unwrap() || !detail.starts_with("x509.HostnameError") {
            continue;
        }
        let certs = certificates(chain);
        let options = harness_options(Purpose::ServerAuth, chain["host"].as_str());
        let untrusted = &certs[1..certs.len().saturating_sub(1).max(1)];
        let verdicts =
            chain::verify_stacks(&certs[0], untrusted, &certs[certs.len() - 1..], &options);
        let go = verdicts
            .iter()
            .find(|v| v.profile.stack() == Some(Stack::Go))
            .unwrap();
        // Go checks the host first; certscope names the end entity's first refusal.
        if !go.reason.starts_with("x509.HostnameError") {
            continue;
        }
        assert_eq!(go.reason, detail, "{id}");
        compared += 1;
    }
    assert!(compared >= 10, "{compared} host name errors compared");
}
