//! `docs/checks.md` is generated from the chain check registry (`certscope::chain::catalogue`);
//! this test fails when it is stale. Regenerate with
//! `CERTSCOPE_UPDATE_DOCS=1 cargo test -p certscope --test check_catalogue`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::fmt::Write;

use certscope::chain::catalogue::CHECKS;
use certscope::chain::PROFILES;

fn catalogue() -> String {
    let mut out = String::new();
    writeln!(out, "# certscope chain check catalogue\n").unwrap();
    writeln!(
        out,
        "Generated from the registry in `src/chain/catalogue.rs` by `tests/check_catalogue.rs`; \
         do not edit by hand.\n"
    )
    .unwrap();
    writeln!(out, "## Profiles\n").unwrap();
    writeln!(out, "| profile | reproduces | what it is |").unwrap();
    writeln!(out, "|---|---|---|").unwrap();
    for spec in PROFILES {
        writeln!(
            out,
            "| `{}` | {} | {} |",
            spec.name, spec.reproduces, spec.summary
        )
        .unwrap();
    }
    writeln!(
        out,
        "\n## Checks ({})\n\nEach check of a path report (`checks[].name`), with the profiles \
         that make it.\n",
        CHECKS.len()
    )
    .unwrap();
    writeln!(out, "| check | profiles | citation | what it checks |").unwrap();
    writeln!(out, "|---|---|---|---|").unwrap();
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
            check.citation,
            check.checks.replace('|', "\\|")
        )
        .unwrap();
    }
    out
}

#[test]
fn the_check_catalogue_follows_the_registry() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/checks.md");
    let generated = catalogue();
    if std::env::var_os("CERTSCOPE_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/checks.md is stale: run CERTSCOPE_UPDATE_DOCS=1 cargo test -p certscope --test \
         check_catalogue"
    );
}

#[test]
fn check_ids_are_unique() {
    for (i, check) in CHECKS.iter().enumerate() {
        assert!(
            CHECKS.iter().skip(i + 1).all(|other| other.id != check.id),
            "{} is listed twice",
            check.id
        );
    }
}
