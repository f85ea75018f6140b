//! `docs/lints.md`, the lint catalogue, from the registry in `src/lint.rs`.

use std::fmt::Write;

use certscope::lint::{self, RuleSet};

use crate::Generated;

/// `docs/lints.md`: every lint of the registry, one table per rule set.
pub fn generate() -> Generated {
    let mut out = String::new();
    let total = lint::registry().count();
    writeln!(out, "# certscope lint catalogue\n").ok();
    writeln!(
        out,
        "Generated from the registry in `src/lint.rs` by `cargo xtask generate`; do not edit by hand.\n"
    )
    .ok();
    writeln!(
        out,
        "{total} lints. Ids follow zlint's where the rule is the same (`e_` error, `w_` warning, \
         `n_` notice). A rule with an effective date applies to certificates issued (notBefore) on \
         or after it; before, a finding is reported as `not_effective`. RFC 5280 lints run on every \
         certificate (`all`), and those that apply to `crl` or `csr` run on CRLs (RFC 5280 section 5) and \
         certification requests (RFC 2986); the other sets are chosen from evidence: a CA/Browser Forum reserved \
         policy identifier the certificate asserts (or an EV policy of the Mozilla store), a chain \
         to a public root, the certificate's kind, or the user's `--profile`. A Baseline \
         Requirements set chosen from the kind alone (no policy claim, no chain to a public root) \
         reports its errors and warnings as `advice`: a publicly trusted CA could not issue the \
         certificate, a private CA may. Every lint has a positive and a negative fixture under `tests/data/lints/`; \
         `lints-comparison.md` sets every lint beside zlint's and pkilint's, rule by rule, and \
         `lints-vs-pkilint.md` compares the findings with pkilint's on the fixtures.\n"
    )
    .ok();
    for set in RuleSet::ALL {
        let lints: Vec<_> = lint::registry().filter(|l| l.rule_set == set).collect();
        writeln!(out, "## `{}` ({} lints)\n", set.name(), lints.len()).ok();
        writeln!(
            out,
            "| id | severity | applies to | effective | citation | requirement |"
        )
        .ok();
        writeln!(out, "|---|---|---|---|---|---|").ok();
        for info in lints {
            let every_certificate = lint::ALL_KINDS
                .iter()
                .all(|kind| info.applies_to.contains(kind));
            let applies = if every_certificate {
                std::iter::once("all")
                    .chain(
                        info.applies_to
                            .iter()
                            .filter(|kind| !lint::ALL_KINDS.contains(kind))
                            .map(|k| k.name()),
                    )
                    .collect::<Vec<_>>()
                    .join(", ")
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
            .ok();
        }
        writeln!(out).ok();
    }
    Generated {
        path: "docs/lints.md",
        contents: out,
    }
}
