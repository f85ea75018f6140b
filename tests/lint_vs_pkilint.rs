//! Cross-check with pkilint, DigiCert's linter (`pip install pkilint`), an independent oracle
//! for the RFC 5280, CA/B Forum TLS and S/MIME rule sets.
//!
//! When pkilint is installed this runs it on the fixture corpus
//! (`tests/data/lints/pkilint_findings.py`), compares its findings with certscope's through
//! the correspondence table `tests/data/lints/pkilint-map.tsv`, fails on any difference the
//! table does not explain, and checks `docs/lints-vs-pkilint.md` is the current comparison
//! (regenerate with `CERTSCOPE_UPDATE_DOCS=1`). Without pkilint it says so and passes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::process::Command;

use certscope::lint::{self, LintOptions, RuleSet};

const MANIFEST: &str = include_str!("data/lints/manifest.json");
const MAP: &str = include_str!("data/lints/pkilint-map.tsv");

fn pkilint_available() -> bool {
    Command::new("python3")
        .args(["-c", "import pkilint"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// One row of the correspondence table.
struct Correspondence {
    codes: Vec<String>,
    note: String,
}

fn correspondences() -> (BTreeMap<String, Correspondence>, BTreeMap<String, String>) {
    let mut lints = BTreeMap::new();
    let mut pkilint_only = BTreeMap::new();
    for line in MAP
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let columns: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            columns.len(),
            4,
            "pkilint-map.tsv: {line:?} needs 4 tab-separated columns"
        );
        match columns[0] {
            "lint" => {
                let codes = match columns[2] {
                    "-" => Vec::new(),
                    list => list.split(',').map(str::to_owned).collect(),
                };
                let note = columns[3].trim().trim_start_matches('-').trim().to_owned();
                lints.insert(columns[1].to_owned(), Correspondence { codes, note });
            }
            "pkilint-only" => {
                pkilint_only.insert(columns[1].to_owned(), columns[3].trim().to_owned());
            }
            other => panic!("pkilint-map.tsv: unknown row kind {other:?}"),
        }
    }
    (lints, pkilint_only)
}

fn codes(findings: &serde_json::Value, path: &str) -> BTreeSet<String> {
    findings[path]
        .as_array()
        .unwrap_or_else(|| panic!("no pkilint result for {path}"))
        .iter()
        .map(|f| f.as_str().unwrap().rsplit_once(':').unwrap().0.to_owned())
        .collect()
}

/// Whether certscope reports the lint (at its own severity) on a fixture.
fn certscope_reports(id: &str, path: &str, rule_set: Option<&str>) -> bool {
    let full = format!("{}/tests/data/lints/{path}", env!("CARGO_MANIFEST_DIR"));
    let parsed =
        certscope::parse_input(&std::fs::read(full).unwrap(), &Default::default()).unwrap();
    let cert = parsed.certificates().next().unwrap();
    let options = LintOptions {
        rule_set: rule_set.map(|name| RuleSet::from_name(name).unwrap()),
        ..LintOptions::default()
    };
    let severity = lint::lookup(id).unwrap().severity;
    lint::lint(cert, &options)
        .iter()
        .any(|f| f.id == id && f.severity == severity)
}

fn mark(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

#[test]
fn certscope_agrees_with_pkilint_or_explains_why() {
    if !pkilint_available() {
        eprintln!("pkilint is not installed (pip install pkilint): comparison skipped");
        return;
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let output = Command::new("python3")
        .arg(format!("{root}/tests/data/lints/pkilint_findings.py"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let pkilint: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(MANIFEST).unwrap();
    let (table, pkilint_only) = correspondences();

    let mut failures = Vec::new();
    let mut rows = String::new();
    let (mut agree, mut explained, mut compared) = (0, 0, 0);
    for entry in manifest["lints"].as_array().unwrap() {
        let id = entry["id"].as_str().unwrap();
        let info = lint::lookup(id).unwrap();
        if !matches!(
            info.rule_set,
            RuleSet::Rfc5280 | RuleSet::TlsBr | RuleSet::SmimeBr
        ) {
            continue;
        }
        compared += 1;
        let Some(row) = table.get(id) else {
            failures.push(format!("{id}: missing from pkilint-map.tsv"));
            continue;
        };
        let positive = codes(&pkilint, entry["positive"].as_str().unwrap());
        let negative = codes(&pkilint, entry["negative"].as_str().unwrap());
        let on_positive = row.codes.iter().any(|c| positive.contains(c));
        let on_negative = row.codes.iter().any(|c| negative.contains(c));
        let rule_set = entry["rule_set"].as_str();
        let ours_positive = certscope_reports(id, entry["positive"].as_str().unwrap(), rule_set);
        let ours_negative = certscope_reports(id, entry["negative"].as_str().unwrap(), rule_set);
        let same =
            !row.codes.is_empty() && on_positive == ours_positive && on_negative == ours_negative;
        if same {
            agree += 1;
        } else if row.note.is_empty() {
            failures.push(format!(
                "{id}: pkilint {} the positive and {} the negative fixture ({:?}); explain it in pkilint-map.tsv",
                if on_positive { "flags" } else { "does not flag" },
                if on_negative { "flags" } else { "does not flag" },
                row.codes
            ));
        } else {
            explained += 1;
        }
        let code_text = if row.codes.is_empty() {
            "-".to_owned()
        } else {
            row.codes
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(
            rows,
            "| `{id}` | {code_text} | {} / {} | {} / {} | {} | {} |",
            mark(ours_positive),
            mark(on_positive),
            mark(ours_negative),
            mark(on_negative),
            if same { "agree" } else { "differ" },
            if same {
                String::new()
            } else {
                row.note.clone()
            }
        )
        .unwrap();
    }

    // pkilint findings on certscope's clean certificates: each must be explained.
    let mut clean = String::new();
    let mut seen = BTreeSet::new();
    for (kind, path) in manifest["bases"].as_object().unwrap() {
        for code in codes(&pkilint, path.as_str().unwrap()) {
            match pkilint_only.get(&code) {
                Some(note) => {
                    if seen.insert(code.clone()) {
                        writeln!(clean, "| `{code}` | {kind} | {note} |").unwrap();
                    }
                }
                None => failures.push(format!(
                    "pkilint reports {code} on the clean {kind} certificate; explain it in pkilint-map.tsv"
                )),
            }
        }
    }

    let mut doc = String::new();
    writeln!(doc, "# certscope and pkilint\n").unwrap();
    writeln!(
        doc,
        "Generated by `tests/lint_vs_pkilint.rs` from pkilint's findings on the lint fixtures \
         (`tests/data/lints/pkilint_findings.py`) and the correspondence table \
         `tests/data/lints/pkilint-map.tsv`; do not edit by hand.\n"
    )
    .unwrap();
    writeln!(
        doc,
        "pkilint ran on both fixtures of the {compared} certscope lints in the `rfc5280`, `tls-br` \
         and `smime-br` sets (TLS certificates through its TLS BR linter with the type forced to \
         the fixture's kind, S/MIME through its S/MIME linter with the generation taken from the \
         policy OID, device and code signing certificates through its RFC 5280 linter). A lint **agrees** when \
         pkilint reports one of the corresponding findings (WARNING or above) on exactly the \
         fixtures where certscope reports the lint. {agree} agree; {explained} differ, each explained \
         below. The `code-signing-br` and `device` sets have no pkilint counterpart.\n"
    )
    .unwrap();
    writeln!(doc, "| certscope lint | pkilint finding | positive fixture: certscope / pkilint | negative fixture: certscope / pkilint | verdict | why they differ |").unwrap();
    writeln!(doc, "|---|---|---|---|---|---|").unwrap();
    doc.push_str(&rows);
    writeln!(
        doc,
        "\n## pkilint findings on certscope's clean certificates\n"
    )
    .unwrap();
    writeln!(
        doc,
        "| pkilint finding | clean certificate | why certscope does not report it |"
    )
    .unwrap();
    writeln!(doc, "|---|---|---|").unwrap();
    doc.push_str(&clean);

    let path = format!("{root}/docs/lints-vs-pkilint.md");
    if std::env::var_os("CERTSCOPE_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &doc).unwrap();
    }
    assert!(
        failures.is_empty(),
        "{} differences not explained:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == doc,
        "docs/lints-vs-pkilint.md is stale: rerun with CERTSCOPE_UPDATE_DOCS=1"
    );
}
