//! What the CLI's process tests share: the built binary and the fixtures.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fixture, by its path under the repository's `tests/data`.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data")
        .join(name)
}

/// Runs the `certscope` binary with `args` and waits for it.
pub fn certscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_certscope"))
        .args(args)
        .output()
        .expect("the binary runs")
}
