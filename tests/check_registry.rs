//! Every check a chain report records is cited from the check registry
//! (`certscope::chain::catalogue`): its citation is the catalogue's for its id, or, for a
//! check a TLS stack's profile makes as that stack does, the stack's version. Run over the
//! stacks corpus (`tests/data/stacks/`, 429 chains of ordinary and broken certificates) under
//! every profile, as a TLS server for the host the chain names and as a TLS client.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

use base64ct::{Base64, Encoding};
use certscope::chain::{
    self, catalogue, ChainReport, Check, ExpectedName, Profile, Purpose, VerifyOptions,
};
use certscope::time::UnixTime;
use certscope::Cert;
use serde_json::Value;

fn chains() -> Vec<(String, Option<String>, Vec<Cert>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stacks/corpus.json.gz");
    let bytes = std::fs::read(&path).unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes.as_slice())
        .read_to_string(&mut text)
        .unwrap();
    let corpus: Value = serde_json::from_str(&text).unwrap();
    corpus["chains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|chain| {
            let certs = chain["certs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b64| Cert::from_der(&Base64::decode_vec(b64.as_str().unwrap()).unwrap()))
                .collect::<Result<Vec<_>, _>>()
                .unwrap();
            (
                chain["id"].as_str().unwrap().to_owned(),
                chain["host"].as_str().map(str::to_owned),
                certs,
            )
        })
        .collect()
}

/// The citation `check` must carry on a path judged by `profile`.
fn cited_from_registry(check: &Check, profile: Profile) -> bool {
    let Some(spec) = catalogue::check(&check.name) else {
        return false;
    };
    check.citation == spec.citation
        || profile
            .stack()
            .is_some_and(|stack| check.citation == stack.version())
}

#[test]
fn every_recorded_citation_is_the_registrys() {
    let chains = chains();
    assert!(chains.len() >= 400, "{} chains", chains.len());
    let at = UnixTime::parse_rfc3339("2026-12-05T00:00:00Z").unwrap();
    let mut checks = 0usize;
    let mut failed_ids = BTreeSet::new();
    let mut stack_cited = 0usize;
    for (id, host, certs) in &chains {
        let (Some(target), Some((anchor, _))) = (certs.first(), certs.split_last()) else {
            panic!("{id} has no certificates");
        };
        let untrusted = certs.get(1..certs.len() - 1).unwrap_or_default();
        for profile in chain::PROFILES.iter().map(|spec| spec.profile) {
            for server in [true, false] {
                let mut options = VerifyOptions::at(at);
                options.profile = profile;
                options.purpose = if server {
                    Purpose::ServerAuth
                } else {
                    Purpose::ClientAuth
                };
                if server {
                    options.host = host.clone().map(ExpectedName::Dns);
                }
                let report: ChainReport =
                    chain::verify(target, untrusted, std::slice::from_ref(anchor), &options);
                for path in &report.paths {
                    for check in path.checks.iter().chain(&path.web_pki_findings) {
                        checks += 1;
                        assert!(
                            cited_from_registry(check, path.profile),
                            "{id} under {profile}: {check:?} is not cited from the registry"
                        );
                        if path
                            .profile
                            .stack()
                            .is_some_and(|s| check.citation == s.version())
                        {
                            stack_cited += 1;
                        }
                        if !check.passed {
                            failed_ids.insert(check.name.clone());
                            // A failed check's explanation is its typed reason's message.
                            let error = check.error.as_ref().expect("a failed check's error");
                            assert!(
                                check.explanation.starts_with(&error.to_string()),
                                "{id}: {check:?}"
                            );
                        }
                    }
                }
            }
        }
    }
    eprintln!(
        "{checks} checks, {stack_cited} cited by a stack's version, {} check ids failing",
        failed_ids.len()
    );
    // The corpus reaches most checks, failing: the assertion above is not vacuous.
    assert!(checks > 100_000, "{checks} checks");
    assert!(stack_cited > 1_000, "{stack_cited} checks cited by a stack");
    assert!(failed_ids.len() >= 20, "{failed_ids:?}");
}
