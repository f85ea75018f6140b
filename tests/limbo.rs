//! x509-limbo conformance: every case of the suite through `certscope::chain::verify`, compared
//! with the committed baseline (`tests/data/limbo/baseline.json.gz`). Any change of verdict
//! fails, and so does any false accept; every skipped or non-matching case must be listed in
//! `tests/data/limbo/KNOWN.md`.
//!
//! The suite is committed at `tests/data/limbo/limbo.json.gz` (x509-limbo, Apache-2.0; provenance
//! in `tests/data/limbo/SUITE.md`).
//! Regenerate the baseline after an intended change with
//! `cargo run -p certscope-cli -- limbo tests/data/limbo/limbo.json.gz --out /tmp/r.json &&
//! gzip -9 -c /tmp/r.json > tests/data/limbo/baseline.json.gz`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[allow(dead_code)]
#[path = "../cli/src/limbo.rs"]
mod limbo;

use std::collections::BTreeMap;
use std::io::Read;

use certscope::time::UnixTime;
use serde_json::Value;

fn manifest(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

fn baseline() -> BTreeMap<String, String> {
    let bytes = std::fs::read(manifest("tests/data/limbo/baseline.json.gz")).unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes.as_slice())
        .read_to_string(&mut text)
        .unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    value["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["actual_result"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn limbo_has_no_regression_and_no_false_accept() {
    let path = manifest("tests/data/limbo/limbo.json.gz");
    let suite = limbo::load(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let cases: Vec<Value> = suite["testcases"].as_array().unwrap().clone();
    assert!(cases.len() > 9_000, "{} cases", cases.len());
    // Cases without a validation time are judged now, as the suite intends.
    let now = UnixTime(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    );
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    let chunk = cases.len().div_ceil(threads);
    let results: Vec<(String, String, &'static str, String)> = std::thread::scope(|scope| {
        let handles: Vec<_> = cases
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|case| {
                            let (actual, context) = limbo::run_case(case, now);
                            (
                                case["id"].as_str().unwrap().to_string(),
                                case["expected_result"].as_str().unwrap().to_string(),
                                actual,
                                context,
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });

    let baseline = baseline();
    let known = std::fs::read_to_string(manifest("tests/data/limbo/KNOWN.md")).unwrap();
    let mut problems = Vec::new();
    let (mut matched, mut success_matched, mut failure_matched, mut skipped) = (0, 0, 0, 0);
    for (id, expected, actual, context) in &results {
        if actual == expected {
            matched += 1;
            if expected == "SUCCESS" {
                success_matched += 1;
            } else {
                failure_matched += 1;
            }
        } else {
            if *actual == "SKIPPED" {
                skipped += 1;
            }
            if !known.contains(&format!("`{id}`")) {
                problems.push(format!(
                    "{id}: {actual} ({context}) is not listed in KNOWN.md"
                ));
            }
        }
        if expected == "FAILURE" && *actual == "SUCCESS" {
            problems.push(format!("{id}: false accept ({context})"));
        }
        match baseline.get(id) {
            Some(before) if before != actual => problems.push(format!(
                "{id}: {before} in the baseline, now {actual} ({context})"
            )),
            None => problems.push(format!("{id}: not in the baseline")),
            _ => {}
        }
    }
    let expected_success = results.iter().filter(|r| r.1 == "SUCCESS").count();
    println!(
        "limbo: {matched}/{} matched ({success_matched}/{expected_success} SUCCESS, \
         {failure_matched}/{} FAILURE), {skipped} skipped",
        results.len(),
        results.len() - expected_success
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(matched >= 9_765, "only {matched} matched");
}
