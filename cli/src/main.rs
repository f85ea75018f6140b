//! `certscope`: inspect certificates on the command line.
//!
//! The command line is declared with clap's derive API: [`Cli`] names the subcommands, and each
//! subcommand's options are a struct in its own file (`verify::Args`...), whose doc comments are
//! the `--help` text. Each subcommand's `run` returns the process exit code ([`EXIT_OK`],
//! [`EXIT_INVALID`], [`EXIT_USAGE`]), the same in text and JSON mode.

mod at;
mod files;
mod inspect;
mod limbo;
mod lint;
mod password;
mod roles;
mod roots;
mod summary;
mod text;
mod verify;

use clap::{Parser, Subcommand};

/// Exit code for success: the input was read and, for `verify` and `lint`, the verdict is
/// positive.
pub const EXIT_OK: i32 = 0;
/// Exit code for a negative verdict: `verify` found no valid chain, `lint` an error-severity
/// finding.
pub const EXIT_INVALID: i32 = 1;
/// Exit code for bad usage (unknown option, missing or extra argument, bad value) or input that
/// cannot be read or holds no certificate.
pub const EXIT_USAGE: i32 = 2;

/// What every `--help` ends with.
macro_rules! exit_status {
    () => {
        "\
Exit status (the same with and without --json):
  0  success: a valid chain (verify), no error-severity finding (lint)
  1  a negative verdict: no valid chain (verify), an error-severity finding (lint)
  2  bad usage, or input that cannot be read or holds no certificate"
    };
}
const EXIT_STATUS: &str = exit_status!();

/// `verify --help` names the profiles before the exit status (a test keeps the list in step
/// with `chain::PROFILES`).
const VERIFY_AFTER_HELP: &str = concat!(
    "\
Profiles (--profile):
  auto     webpki for a path to a public root or a CA/B Forum policy, else tls (the default)
  webpki   browsers and the CA/Browser Forum requirements
  rfc5280  RFC 5280 path validation
  tls      what the common TLS stacks accept, Web PKI findings shown beside the verdict
  openssl go rustls java gnutls nss wolfssl mbedtls
           that TLS stack, as measured against it (docs/stacks.md)
  all      every stack's verdict; exit 0 only when every stack accepts

",
    exit_status!()
);

/// Analyse X.509 certificates in PEM, DER, base64 or hex (- reads standard input)
#[derive(Parser)]
#[command(
    name = "certscope",
    version,
    arg_required_else_help = true,
    after_help = EXIT_STATUS
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Decode every object in each FILE and print the report
    #[command(after_help = EXIT_STATUS)]
    Inspect(inspect::Args),
    /// Build and validate the chain of TARGET
    #[command(after_help = VERIFY_AFTER_HELP)]
    Verify(verify::Args),
    /// Lint the certificates, CRLs, requests and keys in FILE (RFC 5280, RFC 2986, CA/Browser Forum)
    #[command(after_help = EXIT_STATUS)]
    Lint(lint::Args),
    /// The quick look: names, validity, key and usage of every certificate
    #[command(after_help = EXIT_STATUS)]
    Summary(summary::Args),
    /// What each certificate can be used for: client or server, with the evidence
    #[command(after_help = EXIT_STATUS)]
    Roles(roles::Args),
    /// Run the x509-limbo conformance suite and write its result format
    #[command(after_help = EXIT_STATUS)]
    Limbo(LimboArgs),
    /// Write the bundled Mozilla root store as PEM
    #[command(after_help = EXIT_STATUS)]
    Roots(roots::Args),
}

/// `certscope limbo`: the options live here, since the core's conformance test includes
/// `limbo.rs` without clap.
#[derive(clap::Args)]
struct LimboArgs {
    /// The suite: limbo.json, gzip-compressed or not
    #[arg(value_name = "LIMBO.json[.gz]")]
    input: String,
    /// Write the results to this file instead of standard output
    #[arg(long, value_name = "RESULTS.json")]
    out: Option<String>,
    /// Run only the case with this id and print its full chain report as JSON
    #[arg(long, value_name = "ID")]
    case: Option<String>,
}

fn main() {
    std::process::exit(dispatch(std::env::args_os()));
}

/// Parses the command line and runs the subcommand; returns the exit code. `--help` and
/// `--version` exit 0, a usage error prints its problem and the usage line and exits 2.
fn dispatch<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to standard output with 0, errors to standard error with 2.
            let _ = error.print();
            return if error.use_stderr() {
                EXIT_USAGE
            } else {
                EXIT_OK
            };
        }
    };
    match cli.command {
        Command::Inspect(args) => inspect::run(&args),
        Command::Verify(args) => verify::run(&args),
        Command::Lint(args) => lint::run(&args),
        Command::Summary(args) => print_or_usage("summary", summary::run(&args)),
        Command::Roles(args) => print_or_usage("roles", roles::run(&args)),
        Command::Limbo(args) => limbo::run(&args.input, args.out.as_deref(), args.case.as_deref()),
        Command::Roots(args) => roots::run(&args),
    }
}

/// Prints what a subcommand returned (exit 0), or why it failed (exit 2).
fn print_or_usage(command: &str, result: Result<String, String>) -> i32 {
    match result {
        Ok(text) => {
            println!("{}", text.trim_end());
            EXIT_OK
        }
        Err(message) => {
            eprintln!("certscope {command}: {message}");
            EXIT_USAGE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    /// `verify --help` names every profile of the registry.
    #[test]
    fn verify_help_names_every_profile() {
        for spec in certscope::chain::PROFILES {
            assert!(
                VERIFY_AFTER_HELP
                    .split_whitespace()
                    .any(|word| word == spec.name),
                "verify --help does not name the profile {}",
                spec.name
            );
        }
    }

    /// `--help` of every subcommand lists every option on a line of its own, with its
    /// description, within 100 columns (the help is not wrapped to the terminal).
    #[test]
    fn every_option_has_a_line_in_help() {
        let command = Cli::command();
        let mut seen = 0;
        for sub in command.get_subcommands() {
            let name = sub.get_name();
            // What `certscope NAME --help` prints.
            let help = match Cli::command().try_get_matches_from(["certscope", name, "--help"]) {
                Ok(_) => panic!("{name} --help parsed as a command"),
                Err(error) => error.render().to_string(),
            };
            for line in help.lines() {
                assert!(line.chars().count() <= 100, "{name}: too long: {line}");
            }
            for arg in sub.get_arguments() {
                let Some(long) = arg.get_long() else {
                    continue;
                };
                let text = arg.get_help().map(ToString::to_string).unwrap_or_default();
                assert!(!text.is_empty(), "{name} --{long} has no description");
                let flag = format!("--{long}");
                assert!(
                    help.lines().any(|line| {
                        let line = line.trim_start();
                        let line = line.strip_prefix("-h, ").unwrap_or(line);
                        line.starts_with(&flag) && line.ends_with(text.as_str())
                    }),
                    "{name}: {flag} has no line with its description:\n{help}"
                );
                seen += 1;
            }
        }
        assert!(seen >= 30, "only {seen} options seen");
    }
}
