//! `certscope verify`: validates a certificate chain.

/// Runs the subcommand; returns the process exit code.
pub fn run(_args: &[String]) -> i32 {
    2
}
