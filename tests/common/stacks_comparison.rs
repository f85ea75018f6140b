//! certscope's per-stack answers beside the real TLS stacks' recorded answers: the comparison
//! behind `docs/stacks.md`. Shared by `tests/stacks.rs` (which fails on any disagreement) and
//! `cargo xtask generate` (which writes the document), each of which includes this file with
//! `#[path]`.
//!
//! Inputs, both committed under `tests/data/stacks/`: `corpus.json.gz` (the chains,
//! `stacks/gen_corpus.py`) and `results.json.gz` (each stack's answers and version,
//! `stacks/run.sh`).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write;
use std::io::Read;
use std::path::Path;

use base64ct::{Base64, Encoding};
use certscope::chain::{self, ExpectedName, Purpose, VerifyOptions};
use certscope::time::UnixTime;
use certscope::Cert;
use serde_json::Value;

/// The document this comparison writes, from the repository root.
pub const DOC: &str = "docs/stacks.md";

/// The heading that starts the chain profiles' part of `docs/stacks.md`.
pub const CHAIN_PROFILES_HEADING: &str = "## The chain profiles\n";

/// The corpus and the stacks' recorded answers.
pub struct Data {
    pub corpus: Value,
    pub results: Value,
}

/// One part of the comparison: its section of `docs/stacks.md` and what it found.
pub struct Part {
    /// The section of `docs/stacks.md` (the end-entity part, or the chain profiles' part that
    /// starts with [`CHAIN_PROFILES_HEADING`]).
    pub section: String,
    /// Answers (or verdicts) compared.
    pub compared: usize,
    /// One line per answer of certscope's that differs from the real stack's.
    pub disagreements: Vec<String>,
    /// `NAME: D of N differ` per stack.
    pub summary: Vec<String>,
}

fn gunzip_json(root: &Path, path: &str) -> Result<Value, String> {
    let bytes = std::fs::read(root.join(path)).map_err(|e| format!("{path}: {e}"))?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes.as_slice())
        .read_to_string(&mut text)
        .map_err(|e| format!("{path}: not gzip-compressed text: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))
}

/// Reads the corpus and the recorded answers.
pub fn load(root: &Path) -> Result<Data, String> {
    Ok(Data {
        corpus: gunzip_json(root, "tests/data/stacks/corpus.json.gz")?,
        results: gunzip_json(root, "tests/data/stacks/results.json.gz")?,
    })
}

static NULL: Value = Value::Null;

/// `value[key]` without indexing: the member or element, or null.
fn at(value: &Value, key: impl serde_json::value::Index) -> &Value {
    value.get(key).unwrap_or(&NULL)
}

/// `value[a][b]...` without indexing.
fn path<'a>(value: &'a Value, keys: &[&str]) -> &'a Value {
    keys.iter().fold(value, |value, key| at(value, *key))
}

fn text<'a>(value: &'a Value, what: &str) -> Result<&'a str, String> {
    value
        .as_str()
        .ok_or_else(|| format!("{what} is not a string"))
}

fn boolean(value: &Value, what: &str) -> Result<bool, String> {
    value
        .as_bool()
        .ok_or_else(|| format!("{what} is not true or false"))
}

impl Data {
    /// The corpus's chains.
    pub fn chains(&self) -> Result<&[Value], String> {
        at(&self.corpus, "chains")
            .as_array()
            .map(Vec::as_slice)
            .ok_or_else(|| "corpus.json.gz has no chains".to_owned())
    }

    /// The real stack's answer for a chain on one side: accepted, and its error.
    fn answer(&self, stack: &str, id: &str, side: &str) -> Result<(bool, String), String> {
        let answer = path(&self.results, &["stacks", stack, "answers", id, side]);
        let what = format!("results.json.gz: {stack} {id} {side}");
        Ok((
            boolean(at(answer, 0), &what)?,
            at(answer, 1).as_str().unwrap_or_default().to_owned(),
        ))
    }

    /// The version of the stack that was run.
    fn version(&self, stack: &str) -> Result<&str, String> {
        text(
            path(&self.results, &["stacks", stack, "version"]),
            &format!("results.json.gz: {stack}'s version"),
        )
    }

    /// How many chains the real stack accepts on one side.
    fn accepted(&self, stack: &str, side: &str) -> Result<usize, String> {
        let answers = path(&self.results, &["stacks", stack, "answers"])
            .as_object()
            .ok_or_else(|| format!("results.json.gz: {stack} has no answers"))?;
        let mut count = 0;
        for (id, answer) in answers {
            if boolean(
                at(at(answer, side), 0),
                &format!("results.json.gz: {stack} {id} {side}"),
            )? {
                count += 1;
            }
        }
        Ok(count)
    }
}

/// The fixture's name for each stack certscope models.
fn stack_of(verifier: &str) -> Result<&'static str, String> {
    Ok(match verifier {
        "OpenSSL 3" => "openssl",
        "Go crypto/x509" => "go",
        "rustls (webpki)" => "rustls",
        "Java (JSSE)" => "java",
        "GnuTLS" => "gnutls",
        "NSS" => "nss",
        "wolfSSL" => "wolfssl",
        "mbedTLS" => "mbedtls",
        other => {
            return Err(format!(
                "no stack in the fixture for the verifier {other:?}"
            ))
        }
    })
}

/// Chains whose answer the end entity alone decides: ordinary CAs, no dependence on the date,
/// the host the certificate itself names (the `host` chains ask for another: the chain
/// profiles answer for them).
pub fn end_entity_decides(chain: &Value) -> bool {
    at(chain, "plain_ca").as_bool() == Some(true)
        && at(chain, "axis") != "validity"
        && at(chain, "axis") != "host"
}

fn decode(b64: &Value, what: &str) -> Result<Vec<u8>, String> {
    Base64::decode_vec(text(b64, what)?).map_err(|e| format!("{what}: {e}"))
}

/// Each stack certscope models in `client_server.verifiers`, for every chain whose end entity
/// alone decides: its answer as a TLS server (for the host name the certificate names) and as a
/// TLS client against the real stack's. The section is the part of `docs/stacks.md` before
/// [`CHAIN_PROFILES_HEADING`].
pub fn end_entity(data: &Data) -> Result<Part, String> {
    let mut compared = 0usize;
    let mut disagreements = Vec::new();
    // (compared, differ) per verifier.
    let mut per_stack: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for chain in data.chains()? {
        if !end_entity_decides(chain) {
            continue;
        }
        let id = text(at(chain, "id"), "a chain's id")?;
        let der = decode(at(at(chain, "certs"), 0), &format!("{id}'s end entity"))?;
        let parsed = certscope::parse_input(&der, &Default::default())
            .map_err(|e| format!("{id}'s end entity: {e:?}"))?;
        let cert = parsed
            .certificates()
            .next()
            .ok_or_else(|| format!("{id}'s end entity is not a certificate"))?;
        let roles = certscope::classify(cert);
        for verdict in &roles.client_server.verifiers {
            let stack = stack_of(&verdict.verifier)?;
            for (side, ours, reason) in [
                ("server", verdict.as_server, &verdict.server_reason),
                ("client", verdict.as_client, &verdict.client_reason),
            ] {
                let (real, error) = data.answer(stack, id, side)?;
                compared += 1;
                let entry = per_stack.entry(verdict.verifier.clone()).or_default();
                entry.0 += 1;
                if real != ours {
                    entry.1 += 1;
                    disagreements.push(format!(
                        "{id} {side} {stack}: real {} ({error}), certscope {} ({reason}) — {}",
                        if real { "accepts" } else { "refuses" },
                        if ours { "accepts" } else { "refuses" },
                        at(chain, "description").as_str().unwrap_or_default(),
                    ));
                }
            }
        }
    }
    let chains = data.chains()?;
    let decided = chains.iter().filter(|c| end_entity_decides(c)).count();
    let mut section = String::new();
    section.push_str(
        "# Which stacks accept it: certscope against the real TLS stacks\n\n\
         Generated by `cargo xtask generate` from `tests/data/stacks/` (do not edit; \
         `tests/stacks.rs` checks that every answer agrees and that this file is current). The \
         corpus and the harness that ran the stacks are described in `stacks/README.md` \
         (`stacks/run.sh`).\n\n",
    );
    let _ = write!(
        section,
        "The corpus has {} chains. On the {decided} chains whose end entity alone decides \
         (ordinary CAs, no dependence on the date, the host name the certificate names), each \
         stack's answer in the report \
         (`client_server.verifiers`: as a TLS server for the host name the certificate names, \
         and as a TLS client) is compared with the real stack's: {compared} answers.\n\n",
        chains.len()
    );
    section.push_str(
        "| stack | version run | answers compared | agree | real stack accepts (server / server without host / client, of all chains) |\n\
         |---|---|---|---|---|\n",
    );
    for (name, (n, bad)) in &per_stack {
        let stack = stack_of(name)?;
        let _ = writeln!(
            section,
            "| {name} | {} | {n} | {} | {} / {} / {} |",
            data.version(stack)?,
            n - bad,
            data.accepted(stack, "server")?,
            data.accepted(stack, "server_nohost")?,
            data.accepted(stack, "client")?,
        );
    }
    section.push_str(
        "\nA self-signed end entity is answered as if it were trusted directly (pinned, or \
         added as a trust anchor): the certificate cannot show how it is trusted, and the \
         stacks differ there (Java skips its end-entity checks for a trusted certificate; NSS \
         takes it as a CA; GnuTLS does not check its critical extensions). Such an answer \
         is shown as depending on it (`pinned` in `server_depends_on` / `client_depends_on`, \
         ◐ on the page), not as accepted: any other trust store refuses the certificate.\n\n\
         Not compared here (the chain decides, not the end entity): the CAs' extendedKeyUsage, \
         path length, basicConstraints and keyUsage, name constraints, policy constraints, \
         validity periods and CA signature algorithms; nor the host names other than the one the \
         certificate names (the `host` chains: wildcards, IDNA labels, a trailing dot, IP \
         addresses), which the report does not ask. The chain profiles below answer for \
         them.\n\n",
    );
    let summary = per_stack
        .iter()
        .map(|(name, (n, bad))| format!("{name}: {bad} of {n} differ"))
        .collect();
    Ok(Part {
        section,
        compared,
        disagreements,
        summary,
    })
}

/// The sides of the harness: the fixture's name, the purpose, whether the host is checked.
const SIDES: [(&str, bool, bool); 3] = [
    ("server", true, true),
    ("server_nohost", true, false),
    ("client", false, false),
];

/// The options the harness's drivers amount to for one side ([`chain::verify_stacks`] gives
/// each stack's profile its own).
fn options(server: bool, host: Option<&str>) -> Result<VerifyOptions, String> {
    // The stacks ran in December 2026; the corpus's dates give the same answers from 2002 to
    // 2089.
    let at = UnixTime::parse_rfc3339("2026-12-05T00:00:00Z")
        .ok_or_else(|| "the harness's date does not parse".to_owned())?;
    let mut options = VerifyOptions::at(at);
    options.purpose = if server {
        Purpose::ServerAuth
    } else {
        Purpose::ClientAuth
    };
    options.host = host.map(|h| match h.parse() {
        Ok(ip) => ExpectedName::Ip(ip),
        Err(_) => ExpectedName::Dns(h.to_owned()),
    });
    Ok(options)
}

/// Every chain under every stack's chain profile, on the three sides the harness ran, with
/// the chain's last certificate as the only trust anchor (as `stacks/run.sh` gave it to the
/// real stacks), each verdict against the real stack's. The section is the part of
/// `docs/stacks.md` from [`CHAIN_PROFILES_HEADING`].
pub fn chain_profiles(data: &Data) -> Result<Part, String> {
    let profiles = chain::profile::STACK_PROFILES;
    let mut disagreements = Vec::new();
    // (agree, compared) per profile and side.
    let mut table: BTreeMap<(usize, &str), (usize, usize)> = BTreeMap::new();
    for chain in data.chains()? {
        let id = text(at(chain, "id"), "a chain's id")?;
        let mut certs = Vec::new();
        for (n, b64) in at(chain, "certs")
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let der = decode(b64, &format!("{id}'s certificate {n}"))?;
            certs.push(Cert::from_der(&der).map_err(|e| format!("{id}'s certificate {n}: {e:?}"))?);
        }
        // The target first, the anchor last (the same certificate for a self-signed one).
        let (Some(target), Some((anchor, _))) = (certs.first(), certs.split_last()) else {
            return Err(format!("{id} has no certificates"));
        };
        let anchors = std::slice::from_ref(anchor);
        let untrusted = certs
            .get(1..certs.len().saturating_sub(1).max(1))
            .unwrap_or_default();
        for (side, server, with_host) in SIDES {
            let host = if with_host {
                Some(text(at(chain, "host"), &format!("{id}'s host"))?)
            } else {
                None
            };
            let verdicts =
                chain::verify_stacks(target, untrusted, anchors, &options(server, host)?);
            if verdicts.len() != profiles.len() {
                return Err(format!(
                    "{id} {side}: {} verdicts for {} stack profiles",
                    verdicts.len(),
                    profiles.len()
                ));
            }
            for (n, (verdict, profile)) in verdicts.iter().zip(profiles).enumerate() {
                if verdict.profile != profile {
                    return Err(format!(
                        "{id} {side}: verdict {n} is {}'s, not {}'s",
                        verdict.profile.name(),
                        profile.name()
                    ));
                }
                let stack = profile
                    .stack()
                    .ok_or_else(|| format!("{} is not a stack's profile", profile.name()))?;
                let (real, error) = data.answer(stack.key(), id, side)?;
                let entry = table.entry((n, side)).or_default();
                entry.1 += 1;
                if verdict.valid == real {
                    entry.0 += 1;
                } else {
                    disagreements.push(format!(
                        "{id} {side} {}: real {} ({error}), certscope {} ({}) — {}",
                        stack.key(),
                        if real { "accepts" } else { "refuses" },
                        if verdict.valid { "accepts" } else { "refuses" },
                        verdict.reason,
                        at(chain, "description").as_str().unwrap_or_default(),
                    ));
                }
            }
        }
    }
    let compared: usize = table.values().map(|(_, n)| n).sum();
    let mut section = String::from(CHAIN_PROFILES_HEADING);
    let _ = write!(
        section,
        "\nEach stack also has a chain profile (`certscope verify --profile NAME`, `profile` in \
         the wasm options): path building and the checks of RFC 5280 as that stack departs \
         from them (`StackChain` in `src/chain/profile.rs`), with the stack's end-entity rules \
         above for the end entity. Every chain of the corpus is verified under every profile \
         on the three sides the harness ran (a TLS server with the host name the certificate \
         names, without a host name, a TLS client), the chain's last certificate the only \
         trust anchor, and the verdict compared with the real stack's (`tests/stacks.rs`, \
         part of the README's test command): {compared} verdicts.\n\n"
    );
    section.push_str(
        "| profile | version run | reproduces | server | server without host | client |\n\
         |---|---|---|---|---|---|\n",
    );
    let mut summary = Vec::new();
    for (n, profile) in profiles.into_iter().enumerate() {
        let stack = profile
            .stack()
            .ok_or_else(|| format!("{} is not a stack's profile", profile.name()))?;
        let cell = |side: &str| {
            let (agree, count) = table.get(&(n, side)).copied().unwrap_or_default();
            format!("{agree} of {count} agree")
        };
        let differ: usize = SIDES
            .iter()
            .filter_map(|(side, _, _)| table.get(&(n, *side)))
            .map(|(agree, count)| count - agree)
            .sum();
        summary.push(format!("{}: {differ} differ", profile.name()));
        let _ = writeln!(
            section,
            "| `{}` | {} | {} | {} | {} | {} |",
            profile.name(),
            data.version(stack.key())?,
            profile.spec().reproduces,
            cell("server"),
            cell("server_nohost"),
            cell("client"),
        );
    }
    section.push_str(
        "\nThe `openssl` profile is OpenSSL's own (`openssl verify`); the harness's libssl \
         verifies at Debian's default security level 2, so it runs with `--auth-level 2` and \
         the commonName read when the subjectAltName has no dNSName (as `X509_check_host`). \
         Every answer here rests on what the chain shows: the harness gives each stack its \
         anchor, so no verdict depends on how a certificate is trusted. Two things the chain \
         cannot show are not guessed but shown as such (`depends_on`, ◐, \"depends\"): a host \
         name refused by a stack whose TLS layer checks it only when the application asks \
         (`host_check`: OpenSSL's `SSL_set1_host`, Java's endpoint identification, GnuTLS, \
         `wolfSSL_check_domain_name`, `mbedtls_ssl_set_hostname`; the harness shows wolfSSL \
         accepting such a host when it is only sent as SNI, and each of them without the host), \
         and a client the stack accepts, which the server's own authorisation then lets in or \
         not (`server_authorisation`: Go's `VerifyPeerCertificate`, nginx's rules, a Java \
         `X509TrustManager` of its own). `tests/stacks.rs` checks that each such verdict is \
         one the real stack's answer turns on.\n",
    );
    Ok(Part {
        section,
        compared,
        disagreements,
        summary,
    })
}

/// `docs/stacks.md`: the end-entity part, then the chain profiles' part.
pub fn doc(root: &Path) -> Result<String, String> {
    let data = load(root)?;
    Ok(end_entity(&data)?.section + &chain_profiles(&data)?.section)
}

/// The committed `docs/stacks.md` split at [`CHAIN_PROFILES_HEADING`]: the end-entity part and
/// the chain profiles' part (empty when the heading is missing).
pub fn committed_parts(root: &Path) -> (String, String) {
    let committed = std::fs::read_to_string(root.join(DOC)).unwrap_or_default();
    match committed.find(CHAIN_PROFILES_HEADING) {
        Some(at) => {
            let (head, tail) = committed.split_at(at);
            (head.to_owned(), tail.to_owned())
        }
        None => (committed, String::new()),
    }
}
