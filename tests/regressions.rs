//! Every input a fuzz target ever failed on, minimised (`cargo +nightly fuzz tmin`), kept in
//! `tests/data/regressions/` and checked here with the same assertions the targets make: the
//! input detector and the full analysis return, every reported offset points inside the
//! input, and the report survives JSON unchanged. A file's name says which target found it
//! and what was wrong; `tests/data/regressions/README.md` lists them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;

use certscope::{AnalyzeOptions, InputOptions};

fn regressions() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/regressions");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

/// The checks of `fuzz/src/lib.rs`, natively.
fn check(name: &str, data: &[u8]) {
    let parsed = certscope::parse_input(data, &InputOptions::default()).unwrap();
    for found in &parsed.objects {
        assert!(found.origin.offset <= data.len(), "{name}: object offset");
    }
    for problem in &parsed.problems {
        assert!(
            problem.origin.offset <= data.len(),
            "{name}: problem offset {} past {} bytes",
            problem.origin.offset,
            data.len()
        );
        assert!(!problem.to_string().is_empty(), "{name}: problem in words");
    }
    let report = certscope::analyze(data, &AnalyzeOptions::at_unix_seconds(1_800_000_000)).unwrap();
    let json = serde_json::to_string(&report).unwrap();
    let back: certscope::Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report, "{name}: the report changes through JSON");
}

#[test]
fn every_minimised_finding_is_handled() {
    let regressions = regressions();
    assert!(!regressions.is_empty());
    for (name, data) in &regressions {
        check(name, data);
    }
}
