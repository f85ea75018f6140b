//! certscope's per-stack answers against the real stacks' (`stacks/`, `tests/data/stacks/`).
//!
//! The corpus (461 chains, `stacks/gen_corpus.py`) was run through OpenSSL, Go, rustls-webpki,
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
