//! `docs/lints-comparison.md`: certscope's lints beside zlint's and pkilint's, rule by rule, from
//! the lint registry and the committed data in `src/lint/upstream/`: `zlint.tsv` (zlint's
//! registry), `pkilint.tsv` (pkilint's findings, written by `pkilint_enumerate.py`) and `map.tsv`
//! (how each of them relates to certscope's lints).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use certscope::lint;

use crate::Generated;

const ZLINT: &str = "src/lint/upstream/zlint.tsv";
const PKILINT: &str = "src/lint/upstream/pkilint.tsv";
const MAP: &str = "src/lint/upstream/map.tsv";

/// How an upstream lint relates to certscope's.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Relation {
    Same,
    Partial,
    Theirs,
    Out,
}

impl Relation {
    const ALL: [Relation; 4] = [
        Relation::Same,
        Relation::Partial,
        Relation::Theirs,
        Relation::Out,
    ];

    fn parse(text: &str) -> Option<Relation> {
        match text {
            "same" => Some(Relation::Same),
            "partial" => Some(Relation::Partial),
            "theirs" => Some(Relation::Theirs),
            "out" => Some(Relation::Out),
            _ => None,
        }
    }

    fn words(self) -> &'static str {
        match self {
            Relation::Same => "same rule",
            Relation::Partial => "partial",
            Relation::Theirs => "theirs only",
            Relation::Out => "out of scope",
        }
    }
}

struct Row {
    relation: Relation,
    ids: Vec<String>,
    note: String,
}

/// An upstream lint: its name and the columns shown beside it.
struct Upstream {
    name: String,
    /// zlint: what it lints, its source and citation; pkilint: severities, linters and "".
    columns: [String; 3],
}

fn upstream(mut columns: Vec<String>, path: &str) -> Result<Upstream, String> {
    columns.resize(4, String::new());
    let name = columns.remove(0);
    let columns = <[String; 3]>::try_from(columns)
        .map_err(|_| format!("{path}: {name}: too many columns"))?;
    Ok(Upstream { name, columns })
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(crate::root().join(path)).map_err(|e| format!("{path}: {e}"))
}

/// The data lines of a tab-separated file (comments and blank lines skipped), each split into
/// exactly `width` columns.
fn records(path: &str, text: &str, width: usize) -> Result<Vec<Vec<String>>, String> {
    let mut out = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let columns: Vec<String> = line.split('\t').map(str::to_owned).collect();
        if columns.len() != width {
            return Err(format!(
                "{path}:{}: {width} tab-separated columns expected, {} found",
                number + 1,
                columns.len()
            ));
        }
        out.push(columns);
    }
    Ok(out)
}

/// The version line of a data file's header: the comment line that names it.
fn header_mentions(text: &str, needle: &str) -> Option<String> {
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .flat_map(|l| l.split([' ', ';', ',']))
        .skip_while(|w| *w != needle)
        .nth(1)
        .map(str::to_owned)
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn ids_cell(ids: &[String]) -> String {
    if ids.is_empty() {
        "-".to_owned()
    } else {
        ids.iter()
            .map(|id| format!("`{id}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `docs/lints-comparison.md`.
pub fn generate() -> Result<Generated, String> {
    let zlint_text = read(ZLINT)?;
    let pkilint_text = read(PKILINT)?;
    let map_text = read(MAP)?;
    let registry: BTreeSet<&str> = lint::registry().map(|l| l.id).collect();

    let zlint: Vec<Upstream> = records(ZLINT, &zlint_text, 4)?
        .into_iter()
        .map(|c| upstream(c, ZLINT))
        .collect::<Result<_, _>>()?;
    let pkilint: Vec<Upstream> = records(PKILINT, &pkilint_text, 3)?
        .into_iter()
        .map(|c| upstream(c, PKILINT))
        .collect::<Result<_, _>>()?;

    let mut problems = Vec::new();
    let mut map: BTreeMap<(String, String), Row> = BTreeMap::new();
    for columns in records(MAP, &map_text, 5)? {
        let [tool, name, relation, ids, note] = <[String; 5]>::try_from(columns)
            .map_err(|_| format!("{MAP}: a row without 5 columns"))?;
        let Some(relation) = Relation::parse(&relation) else {
            problems.push(format!("{MAP}: {name}: unknown relation {relation:?}"));
            continue;
        };
        let ids: Vec<String> = if ids == "-" {
            Vec::new()
        } else {
            ids.split(',').map(str::to_owned).collect()
        };
        for id in &ids {
            if !registry.contains(id.as_str()) {
                problems.push(format!("{MAP}: {name}: {id} is not a certscope lint"));
            }
        }
        let note = if note == "-" { String::new() } else { note };
        match relation {
            Relation::Same | Relation::Partial if ids.is_empty() => problems.push(format!(
                "{MAP}: {name}: a {} row names no certscope lint",
                relation.words()
            )),
            Relation::Partial | Relation::Theirs | Relation::Out if note.is_empty() => problems
                .push(format!(
                    "{MAP}: {name}: a {} row needs its reason",
                    relation.words()
                )),
            _ => {}
        }
        if map
            .insert(
                (tool.clone(), name.clone()),
                Row {
                    relation,
                    ids,
                    note,
                },
            )
            .is_some()
        {
            problems.push(format!("{MAP}: {tool} {name} has two rows"));
        }
    }

    // Every upstream lint is explained; a zlint lint named like a certscope lint is the same rule.
    let mut resolved: BTreeMap<(String, String), Row> = BTreeMap::new();
    for (tool, list) in [("zlint", &zlint), ("pkilint", &pkilint)] {
        for upstream in list {
            let key = (tool.to_owned(), upstream.name.clone());
            if let Some(row) = map.remove(&key) {
                resolved.insert(key, row);
            } else if tool == "zlint" && registry.contains(upstream.name.as_str()) {
                resolved.insert(
                    key,
                    Row {
                        relation: Relation::Same,
                        ids: vec![upstream.name.clone()],
                        note: String::new(),
                    },
                );
            } else {
                problems.push(format!(
                    "{MAP}: no row for {tool}'s {}: say how certscope covers it, or why not",
                    upstream.name
                ));
            }
        }
    }
    for (tool, name) in map.keys() {
        problems.push(format!("{MAP}: {tool} has no lint {name}"));
    }
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }

    let covered: BTreeSet<&str> = resolved
        .values()
        .filter(|r| matches!(r.relation, Relation::Same | Relation::Partial))
        .flat_map(|r| r.ids.iter().map(String::as_str))
        .collect();
    let ours_only: Vec<&lint::LintInfo> = lint::registry()
        .filter(|l| !covered.contains(l.id))
        .collect();
    let count = |tool: &str, relation: Relation, kind: Option<&str>| {
        resolved
            .iter()
            .filter(|((t, name), row)| {
                t == tool
                    && row.relation == relation
                    && kind.is_none_or(|k| {
                        zlint
                            .iter()
                            .find(|z| &z.name == name)
                            .is_some_and(|z| z.columns[0] == k)
                    })
            })
            .count()
    };
    let zlint_version = "v3 (main, May 2026)";
    let pkilint_version = header_mentions(&pkilint_text, "pkilint").unwrap_or_default();
    let zlint_certificate = zlint
        .iter()
        .filter(|z| z.columns[0] == "certificate")
        .count();

    let mut out = String::new();
    writeln!(out, "# certscope, zlint and pkilint, rule by rule\n").ok();
    writeln!(
        out,
        "Generated by `cargo xtask generate` from the lint registry (`src/lint.rs`) and \
         `src/lint/upstream/`: `zlint.tsv` (zlint's registry), `pkilint.tsv` (pkilint's findings, \
         written by `pkilint_enumerate.py`) and `map.tsv` (how each relates to certscope's lints); \
         do not edit by hand. `cargo xtask generate --check` fails when this file is stale, and \
         generation fails when an upstream lint has no row in `map.tsv`.\n"
    )
    .ok();
    writeln!(
        out,
        "certscope has **{} lints**. zlint {zlint_version} registers {} lints ({zlint_certificate} \
         for certificates, the rest for CRLs and OCSP responses); pkilint {pkilint_version}'s \
         certificate linters (TLS BR for every certificate type, S/MIME BR for every validation \
         level and generation, RFC 5280) declare {} findings.\n",
        registry.len(),
        zlint.len(),
        pkilint.len()
    )
    .ok();
    writeln!(
        out,
        "Relations: **same rule**, certscope checks the same requirement; **partial**, certscope \
         checks part of it (the note says which); **theirs only**, a requirement of a rule set \
         certscope covers (RFC 5280 and its companions, the TLS, S/MIME and code signing \
         Baseline Requirements) that certscope does not check, with the reason; **out of scope**, \
         not a rule of a set certscope covers (EV Guidelines, ETSI, root programs' own rules, \
         community heuristics, rules no longer in force, CRL and OCSP lints, informational \
         findings).\n"
    )
    .ok();
    writeln!(out, "## Totals\n").ok();
    writeln!(
        out,
        "| | same rule | partial | theirs only | out of scope | all |"
    )
    .ok();
    writeln!(out, "|---|---|---|---|---|---|").ok();
    for (label, tool, kind) in [
        ("zlint, certificate lints", "zlint", Some("certificate")),
        ("zlint, CRL and OCSP lints", "zlint", None),
        ("pkilint findings", "pkilint", None),
    ] {
        let numbers: [usize; 4] = Relation::ALL.map(|r| {
            if tool == "zlint" && kind.is_none() {
                count(tool, r, Some("crl")) + count(tool, r, Some("ocsp"))
            } else {
                count(tool, r, kind)
            }
        });
        writeln!(
            out,
            "| {label} | {} | {} | {} | {} | {} |",
            numbers[0],
            numbers[1],
            numbers[2],
            numbers[3],
            numbers.iter().sum::<usize>()
        )
        .ok();
    }
    writeln!(
        out,
        "\n{} of certscope's {} lints have a same or partial counterpart in zlint or pkilint; \
         {} are certscope's only (listed at the end).\n",
        registry.len() - ours_only.len(),
        registry.len(),
        ours_only.len()
    )
    .ok();

    writeln!(out, "## zlint\n").ok();
    writeln!(
        out,
        "| zlint lint | lints | source | zlint's citation | relation | certscope | note |"
    )
    .ok();
    writeln!(out, "|---|---|---|---|---|---|---|").ok();
    for z in &zlint {
        let Some(row) = resolved.get(&("zlint".to_owned(), z.name.clone())) else {
            continue;
        };
        writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} | {} |",
            z.name,
            z.columns[0],
            z.columns[1],
            cell(&z.columns[2]),
            row.relation.words(),
            ids_cell(&row.ids),
            cell(&row.note)
        )
        .ok();
    }

    writeln!(out, "\n## pkilint\n").ok();
    writeln!(
        out,
        "| pkilint finding | severity | linters | relation | certscope | note |"
    )
    .ok();
    writeln!(out, "|---|---|---|---|---|---|").ok();
    for p in &pkilint {
        let Some(row) = resolved.get(&("pkilint".to_owned(), p.name.clone())) else {
            continue;
        };
        writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} |",
            p.name,
            p.columns[0],
            p.columns[1],
            row.relation.words(),
            ids_cell(&row.ids),
            cell(&row.note)
        )
        .ok();
    }

    writeln!(out, "\n## certscope only\n").ok();
    writeln!(
        out,
        "Lints with no same or partial counterpart in either tool.\n\n| certscope lint | rule set | citation |\n|---|---|---|"
    )
    .ok();
    for info in ours_only {
        writeln!(
            out,
            "| `{}` | {} | {} |",
            info.id,
            info.rule_set.name(),
            cell(info.citation)
        )
        .ok();
    }
    Ok(Generated {
        path: "docs/lints-comparison.md",
        contents: out,
    })
}
