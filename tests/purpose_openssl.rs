//! Differential test of the OpenSSL-compatible purposes against `openssl x509 -purpose`.
//!
//! The corpus (`tests/data/purpose/corpus.pem`) and OpenSSL 3.0's answers for it
//! (`expected.json`) come from `tests/data/purpose/generate.py`. The snapshot is checked on every
//! run; when an `openssl` binary is installed, it is asked again and must agree with the
//! snapshot for every certificate, purpose and role (end entity and CA).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::Write;
use std::process::{Command, Stdio};

use certscope::purpose::{purposes, Purpose, PurposeId};
use certscope::{parse_input, Cert};

const CORPUS: &str = include_str!("data/purpose/corpus.pem");
const EXPECTED: &str = include_str!("data/purpose/expected.json");

fn corpus() -> Vec<Cert> {
    let parsed = parse_input(CORPUS.as_bytes(), &Default::default()).unwrap();
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    parsed.certificates().cloned().collect()
}

/// `[leaf code, ca code]` per purpose id, per certificate, from the snapshot.
fn snapshot() -> Vec<(String, Option<serde_json::Map<String, serde_json::Value>>)> {
    let json: serde_json::Value = serde_json::from_str(EXPECTED).unwrap();
    json["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            (
                entry["sha256"].as_str().unwrap().to_owned(),
                entry["purposes"].as_object().cloned(),
            )
        })
        .collect()
}

fn codes(expected: &serde_json::Map<String, serde_json::Value>, id: &str) -> (i64, i64) {
    let pair = expected[id].as_array().unwrap();
    (pair[0].as_i64().unwrap(), pair[1].as_i64().unwrap())
}

fn describe(ours: &Purpose) -> String {
    let mut why = ours.why.leaf.clone();
    why.truncate(120);
    format!(
        "{}: leaf {}, ca {} ({why})",
        ours.id, ours.leaf_code, ours.ca_code
    )
}

#[test]
fn snapshot_matches_every_purpose_both_ways() {
    let certs = corpus();
    let expected = snapshot();
    assert_eq!(certs.len(), expected.len());
    assert!(certs.len() >= 300, "corpus too small: {}", certs.len());
    let mut mismatches = Vec::new();
    let mut compared = 0;
    let mut seen = std::collections::BTreeSet::new();
    for (index, (cert, (sha256, answers))) in certs.iter().zip(&expected).enumerate() {
        assert_eq!(
            &certscope::cert::hex(cert.sha256()),
            sha256,
            "certificate {index}"
        );
        let answers = answers
            .as_ref()
            .expect("openssl loads every corpus certificate");
        for ours in purposes(cert) {
            let (leaf, ca) = codes(answers, &ours.id);
            compared += 2;
            seen.insert((ours.id.clone(), "leaf", leaf > 0));
            seen.insert((ours.id.clone(), "ca", ca > 0));
            if (i64::from(ours.leaf_code), i64::from(ours.ca_code)) != (leaf, ca) {
                mismatches.push(format!(
                    "certificate {index}: openssl leaf {leaf} ca {ca}; certscope {}",
                    describe(&ours)
                ));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {compared} answers differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    // Every purpose is answered both "yes" and "no", as an end entity and as a CA, somewhere in
    // the corpus (except "Any Purpose", which is always "yes", and the OCSP helper end-entity
    // check, which OpenSSL leaves to OCSP_basic_verify).
    for id in PurposeId::ALL {
        for role in ["leaf", "ca"] {
            for answer in [true, false] {
                let always_yes = matches!(
                    (id, role),
                    (PurposeId::Any, _) | (PurposeId::OcspHelper, "leaf")
                );
                if answer || !always_yes {
                    assert!(
                        seen.contains(&(id.short_name().to_owned(), role, answer)),
                        "{} {role} never {answer}",
                        id.short_name()
                    );
                }
            }
        }
    }
}

fn openssl_available() -> bool {
    Command::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|out| out.status.success())
}

fn openssl_codes(der: &[u8]) -> Vec<(String, i64)> {
    let mut child = Command::new("openssl")
        .args(["x509", "-inform", "DER", "-noout", "-purpose"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(der).unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| {
            let (label, answer) = line.split_once(" : ")?;
            let code = match answer {
                "Yes" => 1,
                "No" => 0,
                other => other
                    .strip_prefix("Yes (WARNING code=")?
                    .strip_suffix(')')?
                    .parse()
                    .ok()?,
            };
            Some((label.to_owned(), code))
        })
        .collect()
}

fn compare_with_openssl(index: usize, cert: &Cert) -> Vec<String> {
    let answers = openssl_codes(cert.der());
    assert_eq!(answers.len(), 18, "certificate {index}: {answers:?}");
    let mut mismatches = Vec::new();
    for ours in purposes(cert) {
        for (suffix, code) in [("", ours.leaf_code), (" CA", ours.ca_code)] {
            let label = format!("{}{suffix}", ours.name);
            let theirs = answers.iter().find(|(l, _)| *l == label).map(|(_, c)| *c);
            if theirs != Some(i64::from(code)) {
                mismatches.push(format!(
                    "certificate {index} {label}: openssl {theirs:?}, certscope {code}"
                ));
            }
        }
    }
    mismatches
}

#[test]
fn openssl_agrees_with_snapshot_and_certscope() {
    if !openssl_available() {
        eprintln!("openssl not installed: only the snapshot is checked");
        return;
    }
    let certs = corpus();
    // openssl is started once per certificate; four at a time keeps the test short.
    let chunk = certs.len().div_ceil(4);
    let mismatches: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = certs
            .chunks(chunk)
            .enumerate()
            .map(|(part, slice)| {
                scope.spawn(move || {
                    let mut found = Vec::new();
                    for (offset, cert) in slice.iter().enumerate() {
                        let index = part * chunk + offset;
                        found.extend(compare_with_openssl(index, cert));
                    }
                    found
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap())
            .collect()
    });
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
