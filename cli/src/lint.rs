//! `certscope lint [--json] [--strict] [--profile NAME] [--at RFC3339] FILE`: lint every
//! certificate, CRL, certification request and key in a file. Exit status 1 when any finding
//! has error severity, 2 on a usage or input error, when no certificate, CRL, request or key
//! decodes, and with `--strict` when any part of the file does not decode; text and JSON mode
//! exit alike.

use certscope::lint::{self, Hierarchy, LintOptions, RuleSet, Severity};
use certscope::time::UnixTime;

use crate::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};

/// `certscope lint`'s options.
#[derive(clap::Args)]
pub struct Args {
    /// Print the findings as JSON
    #[arg(long)]
    json: bool,
    /// Exit 2 when any part of FILE does not decode (text and JSON alike)
    #[arg(long)]
    strict: bool,
    /// auto (by evidence), rfc5280, tls-br, smime-br, code-signing-br, device
    #[arg(long, value_name = "NAME", default_value = "auto", value_parser = parse_profile)]
    #[arg(hide_default_value = true)]
    profile: Profile,
    /// Time for effective dates in RFC 3339 UTC (default: now; also --time)
    #[arg(long, alias = "time", value_name = "RFC3339", value_parser = crate::at::parse)]
    at: Option<UnixTime>,
    /// public or private: the root the chain ends at (default: unknown)
    #[arg(long, value_name = "ROOT", value_parser = parse_hierarchy)]
    hierarchy: Option<Hierarchy>,
    /// The certificates, CRLs, certification requests and keys to lint, PKCS#7 and PKCS#12 too
    #[arg(value_name = "FILE")]
    file: String,
}

/// `--profile`: the rule sets picked from each certificate's kind, or one forced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Profile {
    Auto,
    Forced(RuleSet),
}

fn parse_hierarchy(name: &str) -> Result<Hierarchy, String> {
    match name {
        "public" => Ok(Hierarchy::Public("user".to_owned())),
        "private" => Ok(Hierarchy::Private),
        _ => Err("expected public or private".to_owned()),
    }
}

fn parse_profile(name: &str) -> Result<Profile, String> {
    if name == "auto" {
        return Ok(Profile::Auto);
    }
    RuleSet::from_name(name)
        .map(Profile::Forced)
        .ok_or_else(|| {
            let names: Vec<&str> = RuleSet::ALL.iter().map(|set| set.name()).collect();
            format!("expected auto, {}", names.join(", "))
        })
}

/// Runs the subcommand on the arguments after `lint`; returns the exit status.
pub fn run(arguments: &Args) -> i32 {
    let bytes = match crate::files::read(&arguments.file) {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("certscope lint: {message}");
            return EXIT_USAGE;
        }
    };
    let parsed = match certscope::parse_input(&bytes, &Default::default()) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!(
                "certscope lint: {}: {error}",
                crate::files::label(&arguments.file)
            );
            return EXIT_USAGE;
        }
    };
    let time = crate::at::or_now(arguments.at);
    let mut any_error = false;
    let mut entries = Vec::new();
    for (index, cert) in parsed.certificates().enumerate() {
        let options = LintOptions {
            time: Some(time),
            rule_set: match arguments.profile {
                Profile::Forced(set) => Some(set),
                Profile::Auto => None,
            },
            hierarchy: arguments.hierarchy.clone(),
            ..LintOptions::default()
        };
        let target = lint::target(cert, &options);
        let findings = lint::lint_target(cert, &options, &target);
        any_error |= lint::has_errors(&findings);
        let subject = certscope::name::rfc4514(cert.x509().tbs_certificate().subject());
        entries.push((index, subject, target, findings));
    }
    // CRLs (RFC 5280 section 5) and requests (RFC 2986): `--profile` does not apply.
    let mut crls = Vec::new();
    let mut requests = Vec::new();
    // Keys on their own: only what the lenient decoding path found (BER lengths, a version no
    // format defines, a PEM label that names something else).
    let mut keys = Vec::new();
    for (index, found) in parsed.objects.iter().enumerate() {
        match &found.object {
            certscope::input::Object::Crl(crl) => {
                let findings = lint::lint_crl(crl);
                any_error |= lint::has_errors(&findings);
                let issuer = certscope::name::rfc4514(&crl.list().tbs_cert_list.issuer);
                crls.push((index, issuer, findings));
            }
            certscope::input::Object::Csr(csr) => {
                let findings = lint::lint_csr(csr);
                any_error |= lint::has_errors(&findings);
                let subject = certscope::name::rfc4514(&csr.request().info.subject);
                requests.push((index, subject, findings));
            }
            certscope::input::Object::PrivateKey(key) => {
                let findings = lint::lint_key(key.deviations());
                any_error |= lint::has_errors(&findings);
                let what = format!("private key, {}", certscope::oid::name(key.algorithm()));
                keys.push((index, what, findings));
            }
            certscope::input::Object::PublicKey(key) => {
                let findings = lint::lint_key(key.deviations());
                any_error |= lint::has_errors(&findings);
                keys.push((index, "public key".to_owned(), findings));
            }
            _ => {}
        }
    }
    if arguments.json {
        let others = |list: &[(usize, String, Vec<lint::Finding>)], name: &str| {
            list.iter()
                .map(|(index, label, findings)| {
                    serde_json::json!({ "index": index, name: label, "findings": findings })
                })
                .collect::<Vec<serde_json::Value>>()
        };
        let certificates: Vec<serde_json::Value> = entries
            .iter()
            .map(|(index, subject, target, findings)| {
                serde_json::json!({
                    "index": index,
                    "subject": subject,
                    "kind": target.kind,
                    "rule_sets": target.rule_sets,
                    "rule_set_reasons": target.reasons,
                    "findings": findings,
                })
            })
            .collect();
        let output = serde_json::json!({
            "analysis_time": time.to_rfc3339(),
            "certificates": certificates,
            "crls": others(&crls, "issuer"),
            "requests": others(&requests, "subject"),
            "keys": others(&keys, "key"),
            "problems": parsed.problems,
        });
        match serde_json::to_string_pretty(&output) {
            Ok(text) => println!("{text}"),
            Err(error) => {
                eprintln!("certscope lint: {error}");
                return EXIT_USAGE;
            }
        }
    } else {
        let mut out = String::new();
        // Collected, then written with display controls escaped: names and messages quote
        // attacker-chosen text.
        macro_rules! println {
            ($($arg:tt)*) => {{
                out.push_str(&format!($($arg)*));
                out.push('\n');
            }};
        }
        for (index, subject, target, findings) in &entries {
            let sets: Vec<&str> = target.rule_sets.iter().map(|s| s.name()).collect();
            let subject = certscope::display::escape(subject);
            println!(
                "certificate {index}: {subject} ({}; {})",
                target.kind.name(),
                sets.join(", ")
            );
            for choice in &target.reasons {
                println!(
                    "  rule set {}: {}{}",
                    choice.rule_set.name(),
                    choice.reason,
                    if choice.binding { "" } else { " (advice)" }
                );
            }
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
            let advice = findings
                .iter()
                .filter(|f| f.severity == Severity::Advice)
                .count();
            println!(
                "  {errors} error(s), {advice} advice, {} finding(s)",
                findings.len()
            );
        }
        for (what, list) in [("CRL", &crls), ("request", &requests), ("key", &keys)] {
            for (index, label, findings) in list {
                let label = certscope::display::escape(label);
                println!("{what} {index}: {label}");
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
            }
        }
        {
            use std::io::Write;
            let _ = std::io::stdout()
                .lock()
                .write_all(certscope::display::escape_lines(&out).as_bytes());
        }
    }
    for problem in &parsed.problems {
        eprintln!("certscope lint: {problem}");
    }
    if entries.is_empty() && crls.is_empty() && requests.is_empty() && keys.is_empty() {
        let label = crate::files::label(&arguments.file);
        eprintln!("certscope lint: {label}: no certificate, CRL, request or key found");
        return EXIT_USAGE;
    }
    if arguments.strict && !parsed.problems.is_empty() {
        let label = crate::files::label(&arguments.file);
        eprintln!(
            "certscope lint: {label}: {} part(s) did not decode (--strict)",
            parsed.problems.len()
        );
        return EXIT_USAGE;
    }
    if any_error {
        EXIT_INVALID
    } else {
        EXIT_OK
    }
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
        Test::try_parse_from(std::iter::once("lint").chain(list.iter().copied())).map(|t| t.args)
    }

    fn run_with(list: &[&str]) -> i32 {
        match parse(list) {
            Ok(args) => run(&args),
            Err(_) => EXIT_USAGE,
        }
    }

    #[test]
    fn parses_options() {
        let parsed = parse(&["--json", "--profile", "device", "a.pem"]).unwrap();
        assert!(parsed.json);
        assert_eq!(parsed.profile, Profile::Forced(RuleSet::Device));
        assert_eq!(parsed.file, "a.pem");
        assert_eq!(parse(&["a.pem"]).unwrap().profile, Profile::Auto);
        assert!(parse(&["--profile", "nope", "a.pem"]).is_err());
        assert!(parse(&["--json"]).is_err());
        assert!(parse(&["--time", "yesterday", "a.pem"]).is_err());
        assert!(parse(&["a.pem", "b.pem"]).is_err());
    }

    #[test]
    fn exit_status_follows_error_findings() {
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/lints/certs/");
        let time = ["--at", "2026-11-26T00:00:00Z"];
        let bad = format!("{data}e_serial_number_longer_than_20_octets.pem");
        let good = format!("{data}base-tls.pem");
        assert_eq!(run_with(&[time[0], time[1], &bad]), 1);
        assert_eq!(run_with(&[time[0], time[1], &good]), 0);
        assert_eq!(run_with(&[time[0], time[1], "--json", &good]), 0);
        // The device profile forced on a server certificate finds no clientAuth.
        assert_eq!(run_with(&["--profile", "device", &good]), 1);
        assert_eq!(run_with(&[&format!("{data}missing.pem")]), 2);
    }

    #[test]
    fn json_and_text_exit_alike_when_nothing_or_not_everything_decodes() {
        let dir = std::env::temp_dir().join(format!("certscope-lint-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let garbage = dir.join("garbage.pem");
        std::fs::write(
            &garbage,
            "-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        let good = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/data/lints/certs/base-tls.pem"
        );
        let mixed = dir.join("mixed.pem");
        let mut both = std::fs::read(good).unwrap();
        both.extend(std::fs::read(&garbage).unwrap());
        std::fs::write(&mixed, both).unwrap();
        let (garbage, mixed) = (garbage.to_str().unwrap(), mixed.to_str().unwrap());
        for json in [&[][..], &["--json"][..]] {
            let with = |extra: &[&str]| {
                let mut list: Vec<&str> = json.to_vec();
                list.extend_from_slice(&["--at", "2026-11-26T00:00:00Z"]);
                list.extend_from_slice(extra);
                run_with(&list)
            };
            assert_eq!(with(&[garbage]), 2, "nothing decodes ({json:?})");
            assert_eq!(with(&[mixed]), 0, "one good certificate ({json:?})");
            assert_eq!(with(&["--strict", mixed]), 2, "--strict ({json:?})");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
