//! `certscope inspect [--json] [--at RFC3339] FILE...`: decode every object in each file and
//! print the report, as text or as the versioned JSON report.

use std::io::Write;

use certscope::time::UnixTime;
use certscope::{analyze, AnalyzeOptions};

use crate::{EXIT_OK, EXIT_USAGE};

const USAGE: &str = "\
Usage: certscope inspect [--json] [--at RFC3339] [--password P | --password-env NAME |
                         --password-file PATH] FILE...

Decodes every certificate in each FILE (PEM, DER, base64 or hex; - reads stdin).

Options:
  --json          print the report as JSON (one report object per FILE, in order)
  --at TIME       analysis time as RFC 3339 UTC, e.g. 2026-01-31T12:00:00Z (default: now)
  --password P    password for PKCS#12 files and encrypted keys (visible in the process
                  list: prefer --password-env NAME or --password-file PATH)
  -h, --help      this help
";

/// What the command line asked for.
struct Request {
    json: bool,
    time: UnixTime,
    files: Vec<String>,
}

/// Why the command line is not usable.
enum UsageError {
    Help,
    Bad(String),
}

fn now() -> UnixTime {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    UnixTime(seconds)
}

fn parse_time(text: &str) -> Result<UnixTime, UsageError> {
    UnixTime::parse_rfc3339(text).ok_or_else(|| {
        UsageError::Bad(format!(
            "--at expects an RFC 3339 UTC time such as 2026-01-31T12:00:00Z, not `{text}`"
        ))
    })
}

fn parse(args: &[String]) -> Result<Request, UsageError> {
    let mut json = false;
    let mut time = None;
    let mut files = Vec::new();
    let mut options_done = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            _ if options_done => files.push(arg.clone()),
            "--" => options_done = true,
            "--json" => json = true,
            "-h" | "--help" => return Err(UsageError::Help),
            "--at" => {
                let value = iter
                    .next()
                    .ok_or_else(|| UsageError::Bad("--at needs a time".into()))?;
                time = Some(parse_time(value)?);
            }
            _ if arg.starts_with("--at=") => {
                time = Some(parse_time(arg.trim_start_matches("--at="))?);
            }
            "-" => files.push(arg.clone()),
            _ if arg.starts_with('-') => {
                return Err(UsageError::Bad(format!("unknown option `{arg}`")))
            }
            _ => files.push(arg.clone()),
        }
    }
    if files.is_empty() {
        return Err(UsageError::Bad("no FILE given".into()));
    }
    Ok(Request {
        json,
        time: time.unwrap_or_else(now),
        files,
    })
}

/// Runs `certscope inspect`; returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let mut args = args.to_vec();
    let password = match crate::password::take_password(&mut args) {
        Ok(password) => password,
        Err(message) => {
            eprintln!("certscope inspect: {message}");
            return EXIT_USAGE;
        }
    };
    let request = match parse(&args) {
        Ok(request) => request,
        Err(UsageError::Help) => {
            print!("{USAGE}");
            return EXIT_OK;
        }
        Err(UsageError::Bad(message)) => {
            eprintln!("certscope inspect: {message}\n");
            eprint!("{USAGE}");
            return EXIT_USAGE;
        }
    };
    let mut options = AnalyzeOptions {
        time: Some(request.time),
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
            format!("{separator}{}", crate::text::report(&report, label))
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
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn parses_options_and_files() {
        let Ok(request) = parse(&args(&[
            "--json",
            "--at",
            "2026-01-01T00:00:00Z",
            "a.pem",
            "-",
        ])) else {
            panic!("expected a request");
        };
        assert!(request.json);
        assert_eq!(request.time, UnixTime(1_767_225_600));
        assert_eq!(request.files, ["a.pem", "-"]);
    }

    #[test]
    fn refuses_bad_usage() {
        assert!(matches!(parse(&args(&[])), Err(UsageError::Bad(_))));
        assert!(matches!(
            parse(&args(&["--at", "soon", "a"])),
            Err(UsageError::Bad(_))
        ));
        assert!(matches!(
            parse(&args(&["--jsn", "a"])),
            Err(UsageError::Bad(_))
        ));
        assert!(matches!(parse(&args(&["--help"])), Err(UsageError::Help)));
        let Ok(request) = parse(&args(&["--", "--json"])) else {
            panic!("expected a request");
        };
        assert_eq!(request.files, ["--json"]);
    }
}
