//! Cross-check with pkilint, DigiCert's linter (`pip install pkilint`), an independent oracle
//! for the RFC 5280, CA/B Forum TLS and S/MIME rule sets.
//!
//! pkilint's findings on the fixture corpus are recorded in
//! `tests/data/lints/pkilint-findings.json` (with its version), so the comparison runs without
//! pkilint: certscope's findings on every fixture are compared with the record through the
//! correspondence table `tests/data/lints/pkilint-map.tsv`, and any difference the table does
//! not explain fails. Where pkilint is installed, it is run again on the corpus and the record
//! must match what it reports. `docs/lints-vs-pkilint.md` is written from the same comparison
//! by `cargo xtask generate`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;
use std::process::Command;

#[path = "common/pkilint_comparison.rs"]
mod pkilint_comparison;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn certscope_agrees_with_recorded_pkilint_findings_or_explains_why() {
    let comparison = pkilint_comparison::compare(root()).unwrap();
    assert!(
        comparison.failures.is_empty(),
        "{} differences not explained:\n{}",
        comparison.failures.len(),
        comparison.failures.join("\n")
    );
    let committed =
        std::fs::read_to_string(root().join("docs/lints-vs-pkilint.md")).unwrap_or_default();
    assert!(
        committed == comparison.doc,
        "docs/lints-vs-pkilint.md is stale: run `cargo xtask generate`"
    );
}

#[test]
fn the_record_is_what_pkilint_reports_where_pkilint_is_installed() {
    let installed = Command::new("python3")
        .args(["-c", "import pkilint"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        eprintln!("pkilint is not installed (pip install pkilint): the recorded findings are used as they are");
        return;
    }
    let output = Command::new("python3")
        .arg(root().join("tests/data/lints/pkilint_findings.py"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let fresh: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let recorded: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/lints/pkilint-findings.json")).unwrap(),
    )
    .unwrap();
    if fresh["pkilint"] != recorded["pkilint"] {
        eprintln!(
            "pkilint {} is installed, the record is from {}: not compared (rerun pkilint_findings.py to update it)",
            fresh["pkilint"], recorded["pkilint"]
        );
        return;
    }
    let stale: Vec<&String> = fresh["findings"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(path, found)| recorded["findings"].get(path.as_str()) != Some(found))
        .map(|(path, _)| path)
        .collect();
    assert!(
        stale.is_empty() && fresh["findings"] == recorded["findings"],
        "pkilint-findings.json differs from what pkilint reports for {stale:?}: rerun \
         `python3 tests/data/lints/pkilint_findings.py > tests/data/lints/pkilint-findings.json`"
    );
}
