//! `certscope`: inspect certificates on the command line.
//!
//! A small dispatcher on the first argument; each subcommand lives in its own file as
//! `fn run(args: &[String]) -> i32` and returns the process exit code.

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

/// Exit code for success.
const EXIT_OK: i32 = 0;
/// Exit code for bad usage or unreadable input.
const EXIT_USAGE: i32 = 2;

const USAGE: &str = "\
certscope: analyse X.509 certificates (PEM, DER, base64 or hex; bundles welcome).

Usage:
  certscope inspect [--json] [--at RFC3339] [--password P] FILE...
                                                      decode every object in FILE (- is stdin)
  certscope verify --roots FILE [--untrusted FILE] [--purpose server|client|...] [--host NAME]
                   [--ip ADDR] [--crl FILE] [--at RFC3339] [--json] TARGET
                                                      build and validate the chain of TARGET
  certscope lint [--json] [--profile NAME] [--at RFC3339] FILE
                                                      lint certificates (exit 1 on errors)
  certscope summary [--json] FILE...                  the quick look: names, validity, key, usage
  certscope roles [--json] FILE [FILE]                roles, identity, client or server
  certscope limbo LIMBO.json[.gz] [--out RESULTS.json] run the x509-limbo conformance suite
  certscope roots --mozilla [--out FILE] [--manifest FILE]
                                                      write the bundled Mozilla root store as PEM
  certscope --help                                    this help
  certscope --version                                 the version

Run `certscope <command> --help` for a command's options.
Exit codes: 0 ok, 1 invalid (verify) or error findings (lint), 2 bad usage or unreadable input.
";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(dispatch(&args));
}

fn dispatch(args: &[String]) -> i32 {
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return EXIT_USAGE;
    };
    match command.as_str() {
        "inspect" => inspect::run(rest),
        "verify" => verify::run(rest),
        "lint" => lint::run(rest),
        "roles" => print_or_usage(roles::run(rest)),
        "summary" => print_or_usage(summary::run(rest)),
        "limbo" => limbo::run(rest),
        "roots" => roots::run(rest),
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            EXIT_OK
        }
        "-V" | "--version" => {
            println!("certscope {}", env!("CARGO_PKG_VERSION"));
            EXIT_OK
        }
        other => {
            eprintln!("certscope: unknown command `{other}`\n");
            eprint!("{USAGE}");
            EXIT_USAGE
        }
    }
}

/// Prints what a subcommand returned (exit 0), or why it failed (exit 2).
fn print_or_usage(result: Result<String, String>) -> i32 {
    match result {
        Ok(text) => {
            println!("{}", text.trim_end());
            EXIT_OK
        }
        Err(message) => {
            eprintln!("{message}");
            EXIT_USAGE
        }
    }
}
