//! certscope's per-stack answers against the real stacks' (`stacks/`, `tests/data/stacks/`).
//!
//! The corpus (429 chains, `stacks/gen_corpus.py`) was run through OpenSSL, Go, rustls-webpki,
//! Java, GnuTLS, NSS, wolfSSL and mbedTLS by `stacks/run.sh`; the fixture keeps each stack's
//! answer, error and version. Here no stack is needed: for every chain whose certificate
//! authorities are ordinary (so that the end entity alone decides) and whose answer does not
//! rest on the date, each stack certscope models in `client_server.verifiers` must give the
//! real stack's answer as a TLS server (for the host name the certificate names) and as a TLS
//! client.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;
use std::io::Read;

use base64ct::{Base64, Encoding};
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
         validity periods and CA signature algorithms. Their answers are in the fixture for \
         the chain profiles.\n",
    );
    let path = format!("{}/docs/stacks.md", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("CERTSCOPE_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        committed, text,
        "docs/stacks.md is stale: rerun with CERTSCOPE_UPDATE_DOCS=1"
    );
}
