//! certscope's lints beside pkilint's recorded findings on the lint fixtures: the comparison
//! behind `docs/lints-vs-pkilint.md`. Shared by `tests/lint_vs_pkilint.rs` (which fails on a
//! difference the correspondence table does not explain) and `cargo xtask generate` (which
//! writes the document), each of which includes this file with `#[path]`.
//!
//! Inputs, all committed under `tests/data/lints/`: `manifest.json` (the fixtures of each
//! lint), `pkilint-findings.json` (pkilint's findings on every fixture, with its version,
//! written by `pkilint_findings.py`) and `pkilint-map.tsv` (which pkilint findings correspond
//! to which certscope lint, and why they differ where they do).

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

use certscope::lint::{self, LintOptions, RuleSet};

/// The comparison: the document and the differences the table does not explain.
pub struct Comparison {
    /// `docs/lints-vs-pkilint.md`.
    pub doc: String,
    /// One line per unexplained difference.
    pub failures: Vec<String>,
}

/// One row of the correspondence table.
struct Correspondence {
    codes: Vec<String>,
    note: String,
}

fn read(root: &Path, path: &str) -> Result<String, String> {
    std::fs::read_to_string(root.join(path)).map_err(|e| format!("{path}: {e}"))
}

type Table = (BTreeMap<String, Correspondence>, BTreeMap<String, String>);

fn correspondences(map: &str) -> Result<Table, String> {
    let mut lints = BTreeMap::new();
    let mut pkilint_only = BTreeMap::new();
    for line in map
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let columns: Vec<&str> = line.split('\t').collect();
        let [kind, id, codes, note] = columns.as_slice() else {
            return Err(format!(
                "pkilint-map.tsv: {line:?} needs 4 tab-separated columns"
            ));
        };
        match *kind {
            "lint" => {
                let codes = match *codes {
                    "-" => Vec::new(),
                    list => list.split(',').map(str::to_owned).collect(),
                };
                let note = note.trim().trim_start_matches('-').trim().to_owned();
                lints.insert((*id).to_owned(), Correspondence { codes, note });
            }
            "pkilint-only" => {
                pkilint_only.insert((*id).to_owned(), note.trim().to_owned());
            }
            other => return Err(format!("pkilint-map.tsv: unknown row kind {other:?}")),
        }
    }
    Ok((lints, pkilint_only))
}

/// pkilint's finding codes (severity dropped) on one fixture.
fn codes(findings: &serde_json::Value, path: &str) -> Result<BTreeSet<String>, String> {
    findings
        .get(path)
        .and_then(|f| f.as_array())
        .ok_or_else(|| format!("pkilint-findings.json has no result for {path}"))?
        .iter()
        .map(|f| {
            f.as_str()
                .and_then(|f| f.rsplit_once(':'))
                .map(|(code, _)| code.to_owned())
                .ok_or_else(|| format!("pkilint-findings.json: {f} is not CODE:SEVERITY"))
        })
        .collect()
}

/// Whether certscope reports the lint (at its own severity) on a fixture.
fn certscope_reports(
    root: &Path,
    id: &str,
    path: &str,
    rule_set: Option<&str>,
) -> Result<bool, String> {
    let file = root.join("tests/data/lints").join(path);
    let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let parsed = certscope::parse_input(&bytes, &Default::default())
        .map_err(|e| format!("{path}: {e:?}"))?;
    let cert = parsed
        .certificates()
        .next()
        .ok_or_else(|| format!("{path}: no certificate"))?;
    let options = LintOptions {
        rule_set: rule_set.and_then(RuleSet::from_name),
        ..LintOptions::default()
    };
    let severity = lint::lookup(id)
        .ok_or_else(|| format!("{id} is not a lint"))?
        .severity;
    Ok(lint::lint(cert, &options)
        .iter()
        .any(|f| f.id == id && f.severity == severity))
}

fn mark(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

fn text<'a>(value: &'a serde_json::Value, key: &str) -> Result<&'a str, String> {
    value
        .get(key)
        .and_then(|v| v.as_str())
        .ok_or_else(|| format!("manifest.json: an entry without {key}"))
}

/// Compares certscope with pkilint's recorded findings on the fixtures under `root`.
pub fn compare(root: &Path) -> Result<Comparison, String> {
    let manifest: serde_json::Value =
        serde_json::from_str(&read(root, "tests/data/lints/manifest.json")?)
            .map_err(|e| format!("manifest.json: {e}"))?;
    let record: serde_json::Value =
        serde_json::from_str(&read(root, "tests/data/lints/pkilint-findings.json")?)
            .map_err(|e| format!("pkilint-findings.json: {e}"))?;
    let version = record
        .get("pkilint")
        .and_then(|v| v.as_str())
        .unwrap_or("?")
        .to_owned();
    let pkilint = record
        .get("findings")
        .ok_or("pkilint-findings.json has no findings")?;
    let (table, pkilint_only) = correspondences(&read(root, "tests/data/lints/pkilint-map.tsv")?)?;

    let mut failures = Vec::new();
    let mut rows = String::new();
    let (mut agree, mut explained, mut compared) = (0, 0, 0);
    let entries = manifest
        .get("lints")
        .and_then(|l| l.as_array())
        .ok_or("manifest.json has no lints")?;
    for entry in entries {
        let id = text(entry, "id")?;
        let info = lint::lookup(id).ok_or_else(|| format!("{id} is not a lint"))?;
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
        let (positive_path, negative_path) = (text(entry, "positive")?, text(entry, "negative")?);
        let positive = codes(pkilint, positive_path)?;
        let negative = codes(pkilint, negative_path)?;
        let on_positive = row.codes.iter().any(|c| positive.contains(c));
        let on_negative = row.codes.iter().any(|c| negative.contains(c));
        let rule_set = entry.get("rule_set").and_then(|r| r.as_str());
        let ours_positive = certscope_reports(root, id, positive_path, rule_set)?;
        let ours_negative = certscope_reports(root, id, negative_path, rule_set)?;
        let same =
            !row.codes.is_empty() && on_positive == ours_positive && on_negative == ours_negative;
        if same {
            agree += 1;
        } else if row.note.is_empty() {
            failures.push(format!(
                "{id}: certscope {} the positive and {} the negative fixture, pkilint {} and {} ({:?}); explain it in pkilint-map.tsv",
                if ours_positive { "flags" } else { "does not flag" },
                if ours_negative { "flags" } else { "does not flag" },
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
            if same { "" } else { row.note.as_str() }
        )
        .ok();
    }
    for id in table.keys() {
        if !entries
            .iter()
            .any(|e| e.get("id").and_then(|i| i.as_str()) == Some(id))
        {
            failures.push(format!("pkilint-map.tsv: {id} has no fixtures"));
        }
    }

    // pkilint findings on certscope's clean certificates: each must be explained.
    let mut clean = String::new();
    let mut seen = BTreeSet::new();
    let bases = manifest
        .get("bases")
        .and_then(|b| b.as_object())
        .ok_or("manifest.json has no bases")?;
    for (kind, path) in bases {
        for code in codes(pkilint, path.as_str().unwrap_or_default())? {
            match pkilint_only.get(&code) {
                Some(note) => {
                    if seen.insert(code.clone()) {
                        writeln!(clean, "| `{code}` | {kind} | {note} |").ok();
                    }
                }
                None => failures.push(format!(
                    "pkilint reports {code} on the clean {kind} certificate; explain it in pkilint-map.tsv"
                )),
            }
        }
    }

    let mut doc = String::new();
    writeln!(doc, "# certscope and pkilint\n").ok();
    writeln!(
        doc,
        "Generated by `cargo xtask generate` from pkilint's findings on the lint fixtures \
         (`tests/data/lints/pkilint-findings.json`, recorded with pkilint {version} by \
         `tests/data/lints/pkilint_findings.py`) and the correspondence table \
         `tests/data/lints/pkilint-map.tsv`; do not edit by hand. `tests/lint_vs_pkilint.rs` fails \
         on a difference the table does not explain and, where pkilint is installed, on a \
         record that pkilint no longer reproduces. `lints-comparison.md` compares the lint \
         lists themselves, rule by rule.\n"
    )
    .ok();
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
    .ok();
    writeln!(doc, "| certscope lint | pkilint finding | positive fixture: certscope / pkilint | negative fixture: certscope / pkilint | verdict | why they differ |").ok();
    writeln!(doc, "|---|---|---|---|---|---|").ok();
    doc.push_str(&rows);
    writeln!(
        doc,
        "\n## pkilint findings on certscope's clean certificates\n"
    )
    .ok();
    writeln!(
        doc,
        "| pkilint finding | clean certificate | why certscope does not report it |"
    )
    .ok();
    writeln!(doc, "|---|---|---|").ok();
    doc.push_str(&clean);
    Ok(Comparison { doc, failures })
}
