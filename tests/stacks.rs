//! certscope's per-stack answers against the real stacks' (`stacks/`, `tests/data/stacks/`).
//!
//! The corpus (429 chains, `stacks/gen_corpus.py`) was run through OpenSSL, Go, rustls-webpki,
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
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;
use std::io::Read;

use base64ct::{Base64, Encoding};
use certscope::chain::{self, ExpectedName, Purpose, VerifyOptions};
use certscope::time::UnixTime;
use certscope::Cert;
use serde_json::Value;

fn gunzip_json(path: &str) -> Value {
    let bytes = std::fs::read(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes.as_slice())
        .read_to_string(&mut text)
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The fixture's name for each stack certscope models.
fn stack_of(verifier: &str) -> &'static str {
    match verifier {
        "OpenSSL 3" => "openssl",
        "Go crypto/x509" => "go",
        "rustls (webpki)" => "rustls",
        "Java (JSSE)" => "java",
        "GnuTLS" => "gnutls",
        "NSS" => "nss",
        "wolfSSL" => "wolfssl",
        "mbedTLS" => "mbedtls",
        other => panic!("no stack in the fixture for the verifier {other:?}"),
    }
}

/// Chains whose answer the end entity alone decides: ordinary CAs, no dependence on the date.
fn end_entity_decides(chain: &Value) -> bool {
    chain["plain_ca"].as_bool().unwrap() && chain["axis"] != "validity"
}

#[test]
fn corpus_and_fixture_cover_the_issue() {
    let corpus = gunzip_json("tests/data/stacks/corpus.json.gz");
    let results = gunzip_json("tests/data/stacks/results.json.gz");
    let chains = corpus["chains"].as_array().unwrap();
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
    let stacks = results["stacks"].as_object().unwrap();
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
    let corpus = gunzip_json("tests/data/stacks/corpus.json.gz");
    let results = gunzip_json("tests/data/stacks/results.json.gz");
    let stacks = &results["stacks"];
    let mut compared = 0usize;
    let mut disagreements = Vec::new();
    let mut per_stack: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for chain in corpus["chains"].as_array().unwrap() {
        if !end_entity_decides(chain) {
            continue;
        }
        let id = chain["id"].as_str().unwrap();
        let der = Base64::decode_vec(chain["certs"][0].as_str().unwrap()).unwrap();
        let parsed = certscope::parse_input(&der, &Default::default()).unwrap();
        let cert = parsed.certificates().next().unwrap();
        let roles = certscope::classify(cert);
        for verdict in &roles.client_server.verifiers {
            let stack = stack_of(&verdict.verifier);
            let answers = &stacks[stack]["answers"][id];
            for (side, ours, reason) in [
                ("server", verdict.as_server, &verdict.server_reason),
                ("client", verdict.as_client, &verdict.client_reason),
            ] {
                let real = answers[side][0].as_bool().unwrap();
                compared += 1;
                let entry = per_stack.entry(verdict.verifier.clone()).or_default();
                entry.0 += 1;
                if real != ours {
                    entry.1 += 1;
                    disagreements.push(format!(
                        "{id} {side} {stack}: real {} ({}), certscope {} ({reason}) — {}",
                        if real { "accepts" } else { "refuses" },
                        answers[side][1].as_str().unwrap(),
                        if ours { "accepts" } else { "refuses" },
                        chain["description"].as_str().unwrap(),
                    ));
                }
            }
        }
    }
    assert!(compared > 1_000, "{compared} answers compared");
    agreement_table(&corpus, &results, &per_stack, compared);
    let summary: Vec<String> = per_stack
        .iter()
        .map(|(name, (n, bad))| format!("{name}: {bad} of {n} differ"))
        .collect();
    assert!(
        disagreements.is_empty(),
        "{} of {compared} answers differ from the real stacks ({}):\n{}",
        disagreements.len(),
        summary.join(", "),
        disagreements.join("\n")
    );
}

/// `docs/stacks.md`: the agreement table with the stack versions, generated here so that it is
/// the table this test computed (`CERTSCOPE_UPDATE_DOCS=1 cargo test -p certscope --test
/// stacks` rewrites it; otherwise a stale file fails).
fn agreement_table(
    corpus: &Value,
    results: &Value,
    per_stack: &BTreeMap<String, (usize, usize)>,
    compared: usize,
) {
    let chains = corpus["chains"].as_array().unwrap();
    let decided = chains.iter().filter(|c| end_entity_decides(c)).count();
    let mut text = String::new();
    text.push_str(
        "# Which stacks accept it: certscope against the real TLS stacks\n\n\
         Generated by `tests/stacks.rs` from `tests/data/stacks/` (do not edit; \
         `CERTSCOPE_UPDATE_DOCS=1 cargo test -p certscope --test stacks` rewrites it). The \
         corpus and the harness that ran the stacks are described in `stacks/README.md` \
         (`stacks/run.sh`).\n\n",
    );
    text.push_str(&format!(
        "The corpus has {} chains. On the {decided} chains whose end entity alone decides \
         (ordinary CAs, no dependence on the date), each stack's answer in the report \
         (`client_server.verifiers`: as a TLS server for the host name the certificate names, \
         and as a TLS client) is compared with the real stack's: {compared} answers.\n\n",
        chains.len()
    ));
    text.push_str(
        "| stack | version run | answers compared | agree | real stack accepts (server / server without host / client, of all chains) |\n\
         |---|---|---|---|---|\n",
    );
    for (name, (n, bad)) in per_stack {
        let stack = stack_of(name);
        let entry = &results["stacks"][stack];
        let count = |side: &str| {
            entry["answers"]
                .as_object()
                .unwrap()
                .values()
                .filter(|a| a[side][0].as_bool().unwrap())
                .count()
        };
        text.push_str(&format!(
            "| {name} | {} | {n} | {} | {} / {} / {} |\n",
            entry["version"].as_str().unwrap(),
            n - bad,
            count("server"),
            count("server_nohost"),
            count("client"),
        ));
    }
    text.push_str(
        "\nA self-signed end entity is answered as if it were trusted directly (pinned, or \
         added as a trust anchor): the certificate cannot show how it is trusted, and the \
         stacks differ there (Java skips its end-entity checks for a trusted certificate; NSS \
         takes it as a CA; GnuTLS does not check its critical extensions).\n\n\
         Not compared here (the chain decides, not the end entity): the CAs' extendedKeyUsage, \
         path length, basicConstraints and keyUsage, name constraints, policy constraints, \
         validity periods and CA signature algorithms: the chain profiles below answer for \
         them.\n\n",
    );
    docs_section(false, &text);
}

/// The heading that starts the chain profiles' part of `docs/stacks.md`.
const CHAIN_PROFILES_HEADING: &str = "## The chain profiles\n";

/// Checks (or with `CERTSCOPE_UPDATE_DOCS`, writes) one part of `docs/stacks.md`: the
/// end-entity part before [`CHAIN_PROFILES_HEADING`], or the chain profiles' part from it.
/// Each test owns its part, so that each can run alone.
pub fn docs_section(chain_profiles: bool, text: &str) {
    let path = format!("{}/docs/stacks.md", env!("CARGO_MANIFEST_DIR"));
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let (head, tail) = match committed.find(CHAIN_PROFILES_HEADING) {
        Some(at) => committed.split_at(at),
        None => (committed.as_str(), ""),
    };
    let (head, tail) = (head.to_owned(), tail.to_owned());
    let ours = if chain_profiles { &tail } else { &head };
    if std::env::var_os("CERTSCOPE_UPDATE_DOCS").is_some() {
        let updated = if chain_profiles {
            format!("{head}{text}")
        } else {
            format!("{text}{tail}")
        };
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert_eq!(
        ours, text,
        "docs/stacks.md is stale: rerun with CERTSCOPE_UPDATE_DOCS=1"
    );
}

/// The sides of the harness: the fixture's name, the purpose, whether the host is checked.
const SIDES: [(&str, bool, bool); 3] = [
    ("server", true, true),
    ("server_nohost", true, false),
    ("client", false, false),
];

/// The options the harness's drivers amount to for one side ([`chain::verify_stacks`] gives
/// each stack's profile its own).
fn options(server: bool, host: Option<&str>) -> VerifyOptions {
    // The stacks ran in December 2026; the corpus's dates give the same answers from 2002 to
    // 2089.
    let mut options = VerifyOptions::at(UnixTime::parse_rfc3339("2026-12-05T00:00:00Z").unwrap());
    options.purpose = if server {
        Purpose::ServerAuth
    } else {
        Purpose::ClientAuth
    };
    options.host = host.map(|h| match h.parse() {
        Ok(ip) => ExpectedName::Ip(ip),
        Err(_) => ExpectedName::Dns(h.to_owned()),
    });
    options
}

#[test]
fn every_stack_profile_agrees_with_the_real_stack_on_every_chain_and_side() {
    let corpus = gunzip_json("tests/data/stacks/corpus.json.gz");
    let results = gunzip_json("tests/data/stacks/results.json.gz");
    let mut disagreements = Vec::new();
    // (agree, compared) per stack and side.
    let mut table: BTreeMap<(usize, &str), (usize, usize)> = BTreeMap::new();
    for chain in corpus["chains"].as_array().unwrap() {
        let id = chain["id"].as_str().unwrap();
        let certs: Vec<Cert> = chain["certs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b64| Cert::from_der(&Base64::decode_vec(b64.as_str().unwrap()).unwrap()).unwrap())
            .collect();
        // The target first, the anchor last (the same certificate for a self-signed one).
        let target = &certs[0];
        let anchors = &certs[certs.len() - 1..];
        let untrusted = &certs[1..certs.len().saturating_sub(1).max(1)];
        for (side, server, with_host) in SIDES {
            let host = with_host.then(|| chain["host"].as_str().unwrap());
            let verdicts = chain::verify_stacks(target, untrusted, anchors, &options(server, host));
            assert_eq!(verdicts.len(), 8);
            for (n, verdict) in verdicts.iter().enumerate() {
                assert_eq!(verdict.profile, chain::profile::STACK_PROFILES[n]);
                let stack = verdict.profile.stack().unwrap();
                let answer = &results["stacks"][stack.key()]["answers"][id][side];
                let real = answer[0].as_bool().unwrap();
                let entry = table.entry((n, side)).or_default();
                entry.1 += 1;
                if verdict.valid == real {
                    entry.0 += 1;
                } else {
                    disagreements.push(format!(
                        "{id} {side} {}: real {} ({}), certscope {} ({}) — {}",
                        stack.key(),
                        if real { "accepts" } else { "refuses" },
                        answer[1].as_str().unwrap(),
                        if verdict.valid { "accepts" } else { "refuses" },
                        verdict.reason,
                        chain["description"].as_str().unwrap(),
                    ));
                }
            }
        }
    }
    let compared: usize = table.values().map(|(_, n)| n).sum();
    assert_eq!(compared, 429 * 8 * 3);
    profile_table(&results, &table, compared);
    assert!(
        disagreements.is_empty(),
        "{} of {compared} verdicts differ from the real stacks:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// The chain profiles' part of `docs/stacks.md`: agreement per stack and side, with versions.
fn profile_table(
    results: &Value,
    table: &BTreeMap<(usize, &str), (usize, usize)>,
    compared: usize,
) {
    let mut text = String::from(CHAIN_PROFILES_HEADING);
    text.push_str(&format!(
        "\nEach stack also has a chain profile (`certscope verify --profile NAME`, `profile` in \
         the wasm options): path building and the checks of RFC 5280 as that stack departs \
         from them (`StackChain` in `src/chain/profile.rs`), with the stack's end-entity rules \
         above for the end entity. Every chain of the corpus is verified under every profile \
         on the three sides the harness ran (a TLS server with the host name the certificate \
         names, without a host name, a TLS client), the chain's last certificate the only \
         trust anchor, and the verdict compared with the real stack's (`tests/stacks.rs`, \
         part of the README's test command): {compared} verdicts.\n\n"
    ));
    text.push_str(
        "| profile | version run | reproduces | server | server without host | client |\n\
         |---|---|---|---|---|---|\n",
    );
    for (n, profile) in chain::profile::STACK_PROFILES.into_iter().enumerate() {
        let stack = profile.stack().unwrap();
        let cell = |side: &str| {
            let (agree, count) = table[&(n, side)];
            format!("{agree} of {count} agree")
        };
        text.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} |\n",
            profile.name(),
            results["stacks"][stack.key()]["version"].as_str().unwrap(),
            profile.spec().reproduces,
            cell("server"),
            cell("server_nohost"),
            cell("client"),
        ));
    }
    text.push_str(
        "\nThe `openssl` profile is OpenSSL's own (`openssl verify`); the harness's libssl \
         verifies at Debian's default security level 2, so it runs with `--auth-level 2` and \
         the commonName read when the subjectAltName has no dNSName (as `X509_check_host`). \
         Every answer here rests on what the chain shows: the harness gives each stack its \
         anchor, so no verdict depends on how a certificate is trusted. What a server's own \
         authorisation would add after the stack accepts a client (which identities it maps) \
         is not a verdict of the stack, and no profile guesses it.\n",
    );
    docs_section(true, &text);
}
