//! `cargo xtask generate [--check]`: writes every generated file of the repository from its one
//! source, or with `--check` fails when a committed file differs from what would be written.
//!
//! - `schema/chain.schema.json`: the chain report's JSON Schema, from the Rust types (schemars).
//! - `wasm/src/report.d.ts` and `docs/report.md`: from the report's JSON Schemas.
//! - `schema/api.schema.json` and `wasm/src/api.d.ts`: the wasm API's options and results, from
//!   the Rust types (schemars).
//! - `docs/lints.md`: from the lint registry (`certscope::lint::registry`).
//! - `docs/lints-comparison.md`: the registry beside zlint's and pkilint's lints, from
//!   `src/lint/upstream/`.
//! - `docs/lints-vs-pkilint.md`: certscope beside pkilint's recorded findings on the lint
//!   fixtures (`tests/data/lints/`).
//! - `docs/lints-debian-roots.md`: the error-severity findings on Debian's roots, with why each
//!   is genuine (`tests/data/debian-roots/`).
//! - `docs/stacks.md`: certscope's per-stack answers beside the real TLS stacks' recorded
//!   answers (`tests/data/stacks/`).
//! - `docs/checks.md`: from the chain check registry (`certscope::chain::catalogue`) and the
//!   verification profiles.
//! - `docs/cli.md`: from the `certscope` binary's `--help` and its output on the fixtures.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod api;
mod checks;
mod cli_docs;
mod comparison;
mod debian_roots_doc;
mod lints;
mod pkilint_doc;
mod schemas;
mod stacks_doc;
mod typescript;

/// One generated file: its path from the repository root and its contents.
pub struct Generated {
    pub path: &'static str,
    pub contents: String,
}

/// The repository's root (the workspace this crate is a member of).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

const USAGE: &str = "usage: cargo xtask generate [--check]
  generate          write the generated files
  generate --check  fail, naming each file, when a committed file differs";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate"] => false,
        ["generate", "--check"] => true,
        ["-h" | "--help"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let files = match generate_all() {
        Ok(files) => files,
        Err(message) => {
            eprintln!("xtask generate: {message}");
            return ExitCode::FAILURE;
        }
    };
    let root = root();
    let mut stale = Vec::new();
    let mut written = 0;
    for file in &files {
        let path = root.join(file.path);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed == file.contents {
            continue;
        }
        if check {
            stale.push(file.path);
            print_difference(file.path, &committed, &file.contents);
        } else if let Err(error) = std::fs::write(&path, &file.contents) {
            eprintln!("xtask generate: {}: {error}", path.display());
            return ExitCode::FAILURE;
        } else {
            println!("wrote {}", file.path);
            written += 1;
        }
    }
    if stale.is_empty() {
        let unchanged = files.len() - written;
        println!(
            "{unchanged} of {} generated files were already up to date",
            files.len()
        );
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "out of date: {}; run `cargo xtask generate` and commit the result",
            stale.join(", ")
        );
        ExitCode::FAILURE
    }
}

fn generate_all() -> Result<Vec<Generated>, String> {
    let mut files = Vec::new();
    files.extend(typescript::generate()?);
    files.extend(api::generate()?);
    files.push(lints::generate());
    files.push(comparison::generate()?);
    files.push(pkilint_doc::generate()?);
    files.push(debian_roots_doc::generate()?);
    files.push(stacks_doc::generate()?);
    files.push(checks::generate()?);
    files.push(cli_docs::generate()?);
    Ok(files)
}

/// The first differing line of a stale file, so a failing check says where it drifted.
fn print_difference(path: &str, committed: &str, generated: &str) {
    let mut committed_lines = committed.lines();
    let mut generated_lines = generated.lines();
    let mut number = 1;
    loop {
        match (committed_lines.next(), generated_lines.next()) {
            (Some(a), Some(b)) if a == b => number += 1,
            (None, None) => return,
            (a, b) => {
                eprintln!("{path}:{number}: differs");
                eprintln!("  committed: {}", a.unwrap_or("(end of file)"));
                eprintln!("  generated: {}", b.unwrap_or("(end of file)"));
                return;
            }
        }
    }
}
