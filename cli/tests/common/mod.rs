//! What the CLI's process tests share: the built binary and the fixtures. Each test crate
//! includes this module and uses part of it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::as_conversions
)]
#![allow(dead_code)]

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

/// Runs the `certscope` binary with `args` and `input` on its standard input.
pub fn certscope_with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_certscope"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input)
        .expect("stdin takes the input");
    child.wait_with_output().expect("the binary runs")
}
