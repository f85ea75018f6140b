//! `docs/checks.md`, the chain check catalogue, from the registry in `src/chain/catalogue.rs`
//! and the verification profiles (`certscope::chain::PROFILES`).

use std::fmt::Write;

use certscope::chain::catalogue::CHECKS;
use certscope::chain::PROFILES;

use crate::Generated;

/// `docs/checks.md`: the profiles, then every check with the profiles that make it. Fails when
/// two checks share an id, since a path report names its checks by id.
pub fn generate() -> Result<Generated, String> {
    for (i, check) in CHECKS.iter().enumerate() {
        if CHECKS.iter().skip(i + 1).any(|other| other.id == check.id) {
            return Err(format!(
                "the check `{}` is listed twice in src/chain/catalogue.rs",
                check.id
            ));
        }
    }
    let mut out = String::new();
    writeln!(out, "# certscope chain check catalogue\n").ok();
    writeln!(
        out,
        "Generated from the registry in `src/chain/catalogue.rs` by `cargo xtask generate`; do \
         not edit by hand.\n"
    )
    .ok();
    writeln!(out, "## Profiles\n").ok();
    writeln!(out, "| profile | reproduces | what it is |").ok();
    writeln!(out, "|---|---|---|").ok();
    for spec in PROFILES {
        writeln!(
            out,
            "| `{}` | {} | {} |",
            spec.name,
            cell(spec.reproduces),
            cell(spec.summary)
        )
        .ok();
    }
    writeln!(
        out,
        "\n## Checks ({})\n\nEach check of a path report (`checks[].name`), with the profiles \
         that make it.\n",
        CHECKS.len()
    )
    .ok();
    writeln!(out, "| check | profiles | citation | what it checks |").ok();
    writeln!(out, "|---|---|---|---|").ok();
    for check in CHECKS {
        let profiles = check
            .profiles
            .iter()
            .map(|p| format!("`{}`", p.name()))
            .collect::<Vec<_>>()
            .join(", ");
        writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            check.id,
            profiles,
            cell(check.citation),
            cell(check.checks)
        )
        .ok();
    }
    Ok(Generated {
        path: "docs/checks.md",
        contents: out,
    })
}

/// Text in a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}
