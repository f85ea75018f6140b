//! `docs/lints.md` is generated from the registry; this test fails when it is stale.
//! Regenerate with `CERTSCOPE_UPDATE_DOCS=1 cargo test -p certscope --test lint_catalogue`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::fmt::Write;

use certscope::lint::{self, RuleSet};

fn catalogue() -> String {
    let mut out = String::new();
    let total = lint::registry().count();
    writeln!(out, "# certscope lint catalogue\n").unwrap();
    writeln!(
        out,
        "Generated from the registry in `src/lint.rs` by `tests/lint_catalogue.rs`; do not edit by hand.\n"
    )
    .unwrap();
    writeln!(
        out,
        "{total} lints. Ids follow zlint's where the rule is the same (`e_` error, `w_` warning, \
         `n_` notice). A rule with an effective date applies to certificates issued (notBefore) on \
         or after it; before, a finding is reported as `not_effective`. RFC 5280 lints run on every \
         certificate; the other sets are chosen from evidence: a CA/Browser Forum reserved \
         policy identifier the certificate asserts (or an EV policy of the Mozilla store), a chain \
         to a public root, the certificate's kind, or the user's `--profile`. A Baseline \
         Requirements set chosen from the kind alone (no policy claim, no chain to a public root) \
         reports its errors and warnings as `advice`: a publicly trusted CA could not issue the \
         certificate, a private CA may. Every lint has a positive and a negative fixture under `tests/data/lints/`; \
         `lints-vs-pkilint.md` compares the RFC 5280, TLS and S/MIME sets with pkilint.\n"
    )
    .unwrap();
    for set in RuleSet::ALL {
        let lints: Vec<_> = lint::registry().filter(|l| l.rule_set == set).collect();
        writeln!(out, "## `{}` ({} lints)\n", set.name(), lints.len()).unwrap();
        writeln!(
            out,
            "| id | severity | applies to | effective | citation | requirement |"
        )
        .unwrap();
        writeln!(out, "|---|---|---|---|---|---|").unwrap();
        for info in lints {
            let applies = if info.applies_to.len() == lint::ALL_KINDS.len() {
                "all".to_owned()
            } else {
                info.applies_to
                    .iter()
                    .map(|k| k.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} |",
                info.id,
                info.severity.name(),
                applies,
                info.effective_date.unwrap_or("-"),
                info.citation,
                info.description.replace('|', "\\|")
            )
            .unwrap();
        }
        writeln!(out).unwrap();
    }
    out
}

#[test]
fn catalogue_is_up_to_date() {
    let path = format!("{}/docs/lints.md", env!("CARGO_MANIFEST_DIR"));
    let expected = catalogue();
    if std::env::var_os("CERTSCOPE_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/lints.md is stale: run CERTSCOPE_UPDATE_DOCS=1 cargo test -p certscope --test lint_catalogue"
    );
}
