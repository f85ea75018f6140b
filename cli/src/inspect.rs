//! `certscope inspect [--json] [--strict] [--at RFC3339] [--password...] FILE...`: decode every
//! object in each file and print the report, as text or as the versioned JSON report. Exit
//! status 2 when a file holds nothing that decodes, and with `--strict` when any part of it does
//! not decode; text and JSON mode exit alike.

use std::io::Write;

use certscope::time::UnixTime;
use certscope::{analyze, AnalyzeOptions};

use crate::{EXIT_OK, EXIT_USAGE};

/// `certscope inspect`'s options.
#[derive(clap::Args)]
pub struct Args {
    /// Print the report as JSON (one report per FILE, in order)
    #[arg(long)]
    json: bool,
    /// Exit 2 when any part of a FILE does not decode
    #[arg(long)]
    strict: bool,
    /// Analysis time in RFC 3339 UTC (default: now)
    #[arg(long, value_name = "RFC3339", value_parser = crate::at::parse)]
    at: Option<UnixTime>,
    #[command(flatten)]
    password: crate::password::PasswordArgs,
    /// The files to decode: PEM, DER, base64 or hex (- reads standard input)
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
}

/// Runs `certscope inspect`; returns the exit code.
pub fn run(request: &Args) -> i32 {
    let password = match request.password.password() {
        Ok(password) => password,
        Err(message) => {
            eprintln!("certscope inspect: {message}");
            return EXIT_USAGE;
        }
    };
    let mut options = AnalyzeOptions {
        time: Some(crate::at::or_now(request.at)),
        ..AnalyzeOptions::default()
    };
    options.input.password = password;
    let mut code = EXIT_OK;
    let mut first = true;
    for file in &request.files {
        let label = crate::files::label(file);
        let bytes = match crate::files::read(file) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("certscope inspect: cannot read {error}");
                code = EXIT_USAGE;
                continue;
            }
        };
        let report = match analyze(&bytes, &options) {
            Ok(report) => report,
            Err(error) => {
                eprintln!("certscope inspect: {label}: {error}");
                code = EXIT_USAGE;
                continue;
            }
        };
        if report.objects.is_empty() {
            eprintln!("certscope inspect: {label}: no certificate found");
            for problem in &report.problems {
                eprintln!("  {}", problem.error);
            }
            code = EXIT_USAGE;
        } else if request.strict && !report.problems.is_empty() {
            eprintln!(
                "certscope inspect: {label}: {} part(s) did not decode (--strict)",
                report.problems.len()
            );
            code = EXIT_USAGE;
        }
        let output = if request.json {
            match serde_json::to_string_pretty(&report) {
                Ok(json) => format!("{json}\n"),
                Err(error) => {
                    eprintln!("certscope inspect: {label}: cannot serialise the report: {error}");
                    code = EXIT_USAGE;
                    continue;
                }
            }
        } else if report.objects.is_empty() && report.problems.is_empty() {
            String::new()
        } else {
            let separator = if first { "" } else { "\n" };
            // Names are attacker-chosen text: display controls are shown escaped, never raw.
            let text = crate::text::report(&report, label);
            format!("{separator}{}", certscope::display::escape_lines(&text))
        };
        first = false;
        // A closed pipe (`certscope inspect big.pem | head`) ends the output quietly.
        if std::io::stdout()
            .lock()
            .write_all(output.as_bytes())
            .is_err()
        {
            return code;
        }
    }
    code
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Parser)]
    struct Test {
        #[command(flatten)]
        args: Args,
    }

    fn parse(list: &[&str]) -> Result<Args, clap::Error> {
        Test::try_parse_from(std::iter::once("inspect").chain(list.iter().copied())).map(|t| t.args)
    }

    #[test]
    fn parses_options_and_files() {
        let Ok(request) = parse(&["--json", "--at", "2026-01-01T00:00:00Z", "a.pem", "-"]) else {
            panic!("expected a request");
        };
        assert!(request.json);
        assert_eq!(request.at, Some(UnixTime(1_767_225_600)));
        assert_eq!(request.files, ["a.pem", "-"]);
    }

    #[test]
    fn refuses_bad_usage() {
        assert!(parse(&[]).is_err());
        assert!(parse(&["--at", "soon", "a"]).is_err());
        assert!(parse(&["--jsn", "a"]).is_err());
        assert!(parse(&["--help"]).is_err_and(|e| !e.use_stderr()));
        let Ok(request) = parse(&["--", "--json"]) else {
            panic!("expected a request");
        };
        assert_eq!(request.files, ["--json"]);
    }
}
