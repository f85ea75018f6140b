//! `certscope lint [--json] [--profile NAME] [--at RFC3339] FILE`: lint every certificate in
//! a file. Exit status 1 when any finding has error severity, 2 on a usage or input error.

use certscope::lint::{self, LintOptions, LintTarget, RuleSet, Severity};
use certscope::time::UnixTime;

const USAGE: &str = "usage: certscope lint [--json] [--profile NAME] [--at RFC3339] FILE

Lints every certificate in FILE (PEM, DER, base64 or hex; `-` reads standard input).
  --json           print the findings as JSON
  --profile NAME   force a rule set: rfc5280, tls-br, smime-br, code-signing-br, device;
                   `auto` (the default) picks them from each certificate's kind
  --at RFC3339     analysis time for effective dates (default: now; --time is the same)
Exit status: 0 no error-severity finding, 1 at least one, 2 usage or input error.";

/// Parsed command line.
struct Arguments {
    json: bool,
    rule_set: Option<RuleSet>,
    time: Option<UnixTime>,
    file: String,
}

fn parse(args: &[String]) -> Result<Arguments, String> {
    let mut json = false;
    let mut rule_set = None;
    let mut time = None;
    let mut file = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--profile" => {
                let name = iter.next().ok_or("--profile needs a NAME")?;
                if name != "auto" {
                    rule_set = Some(
                        RuleSet::from_name(name)
                            .ok_or_else(|| format!("unknown profile {name:?}"))?,
                    );
                }
            }
            "--at" | "--time" => {
                let text = iter.next().ok_or("--at needs an RFC 3339 time")?;
                time = Some(
                    UnixTime::parse_rfc3339(text)
                        .ok_or_else(|| format!("{text:?} is not an RFC 3339 UTC time"))?,
                );
            }
            "-h" | "--help" => return Err(String::new()),
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            other => {
                if file.replace(other.to_owned()).is_some() {
                    return Err("only one FILE".to_owned());
                }
            }
        }
    }
    Ok(Arguments {
        json,
        rule_set,
        time,
        file: file.ok_or("missing FILE")?,
    })
}

fn now() -> UnixTime {
    UnixTime(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default(),
    )
}

/// Runs the subcommand on the arguments after `lint`; returns the exit status.
pub fn run(args: &[String]) -> i32 {
    let arguments = match parse(args) {
        Ok(arguments) => arguments,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("certscope lint: {message}");
            }
            eprintln!("{USAGE}");
            return 2;
        }
    };
    let bytes = match crate::files::read(&arguments.file) {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("certscope lint: {message}");
            return 2;
        }
    };
    let parsed = match certscope::parse_input(&bytes, &Default::default()) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("certscope lint: {}: {error}", arguments.file);
            return 2;
        }
    };
    let time = arguments.time.unwrap_or_else(now);
    let mut any_error = false;
    let mut entries = Vec::new();
    for (index, cert) in parsed.certificates().enumerate() {
        let target = match arguments.rule_set {
            Some(set) => LintTarget::forced(cert, set),
            None => LintTarget::auto(cert),
        };
        let options = LintOptions {
            time: Some(time),
            target: Some(target.clone()),
            ..LintOptions::default()
        };
        let findings = lint::lint(cert, &options);
        any_error |= lint::has_errors(&findings);
        let subject = certscope::name::rfc4514(cert.x509().tbs_certificate().subject());
        entries.push((index, subject, target, findings));
    }
    if arguments.json {
        let certificates: Vec<serde_json::Value> = entries
            .iter()
            .map(|(index, subject, target, findings)| {
                serde_json::json!({
                    "index": index,
                    "subject": subject,
                    "kind": target.kind,
                    "rule_sets": target.rule_sets,
                    "findings": findings,
                })
            })
            .collect();
        let output = serde_json::json!({
            "analysis_time": time.to_rfc3339(),
            "certificates": certificates,
            "problems": parsed.problems,
        });
        match serde_json::to_string_pretty(&output) {
            Ok(text) => println!("{text}"),
            Err(error) => {
                eprintln!("certscope lint: {error}");
                return 2;
            }
        }
    } else {
        for (index, subject, target, findings) in &entries {
            let sets: Vec<&str> = target.rule_sets.iter().map(|s| s.name()).collect();
            println!(
                "certificate {index}: {subject} ({}; {})",
                target.kind.name(),
                sets.join(", ")
            );
            if findings.is_empty() {
                println!("  no findings");
            }
            for finding in findings {
                println!(
                    "  {:<14} {}  {}: {} [{}]",
                    finding.severity.name(),
                    finding.id,
                    finding.field,
                    finding.message,
                    finding.citation
                );
            }
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            println!("  {errors} error(s), {} finding(s)", findings.len());
        }
        for problem in &parsed.problems {
            eprintln!("certscope lint: {problem:?}");
        }
        if entries.is_empty() {
            eprintln!("certscope lint: no certificate found in {}", arguments.file);
            return 2;
        }
    }
    i32::from(any_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn parses_options() {
        let parsed = parse(&args(&["--json", "--profile", "device", "a.pem"])).unwrap();
        assert!(parsed.json);
        assert_eq!(parsed.rule_set, Some(RuleSet::Device));
        assert_eq!(parsed.file, "a.pem");
        assert_eq!(
            parse(&args(&["--profile", "auto", "a.pem"]))
                .unwrap()
                .rule_set,
            None
        );
        assert!(parse(&args(&["--profile", "nope", "a.pem"])).is_err());
        assert!(parse(&args(&["--json"])).is_err());
        assert!(parse(&args(&["--time", "yesterday", "a.pem"])).is_err());
    }

    #[test]
    fn exit_status_follows_error_findings() {
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/lints/certs/");
        let time = ["--at", "2026-11-26T00:00:00Z"];
        let bad = format!("{data}e_serial_number_longer_than_20_octets.pem");
        let good = format!("{data}base-tls.pem");
        assert_eq!(run(&args(&[time[0], time[1], &bad])), 1);
        assert_eq!(run(&args(&[time[0], time[1], &good])), 0);
        assert_eq!(run(&args(&[time[0], time[1], "--json", &good])), 0);
        // The device profile forced on a server certificate finds no clientAuth.
        assert_eq!(run(&args(&["--profile", "device", &good])), 1);
        assert_eq!(run(&args(&[&format!("{data}missing.pem")])), 2);
    }
}
