//! `certscope verify`: builds and validates the chains of a certificate.
//!
//! ```text
//! certscope verify --roots FILE [--mozilla-roots] [--untrusted FILE] [--purpose P]
//!     [--host NAME | --ip ADDR] [--crl FILE] [--at RFC3339] [--max-intermediates N]
//!     [--profile webpki|rfc5280] [--eku-policy chain|leaf] [--allow-sha1] [--json] TARGET
//! ```
//! TARGET may hold a whole served chain: its first certificate is validated and the rest are
//! used as untrusted certificates, in the order given (so a wrong order is reported).
//! Exit status: 0 valid, 1 invalid, 2 bad input.

use std::time::{SystemTime, UNIX_EPOCH};

use certscope::chain::{self, EkuPolicy, ExpectedName, Profile, Purpose, VerifyOptions};
use certscope::time::UnixTime;
use certscope::Cert;

const USAGE: &str = "usage: certscope verify --roots FILE [--mozilla-roots] [--untrusted FILE] \
[--purpose server|client|codesign|email|timestamp|ocsp|any|OID] [--host NAME | --ip ADDR] \
[--crl FILE] [--at RFC3339] [--max-intermediates N] [--profile webpki|rfc5280] \
[--eku-policy chain|leaf] [--allow-sha1] [--json] TARGET";

/// Runs the subcommand; returns the process exit code.
pub fn run(args: &[String]) -> i32 {
    match verify(args) {
        Ok(valid) => {
            if valid {
                0
            } else {
                1
            }
        }
        Err(message) => {
            eprintln!("certscope verify: {message}");
            eprintln!("{USAGE}");
            2
        }
    }
}

fn read_certs(path: &str) -> Result<Vec<Cert>, String> {
    let bytes = crate::files::read(path)?;
    let parsed =
        certscope::parse_input(&bytes, &Default::default()).map_err(|e| format!("{path}: {e}"))?;
    if let Some(problem) = parsed.problems.first() {
        return Err(format!("{path}: {problem}"));
    }
    let certs: Vec<Cert> = parsed.certificates().cloned().collect();
    if certs.is_empty() {
        return Err(format!("{path}: no certificate found"));
    }
    Ok(certs)
}

fn verify(args: &[String]) -> Result<bool, String> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut options = VerifyOptions::at(UnixTime(now));
    let mut roots: Vec<Cert> = Vec::new();
    let mut untrusted: Vec<Cert> = Vec::new();
    let mut target = None;
    let mut json = false;
    let mut mozilla = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = || {
            iter.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value"))
        };
        match arg.as_str() {
            "--roots" => roots.extend(read_certs(&value()?)?),
            "--untrusted" => untrusted.extend(read_certs(&value()?)?),
            "--mozilla-roots" => mozilla = true,
            "--purpose" => {
                let text = value()?;
                options.purpose =
                    Purpose::parse(&text).ok_or_else(|| format!("unknown purpose {text}"))?;
            }
            "--host" => options.host = Some(ExpectedName::Dns(value()?)),
            "--ip" => {
                let text = value()?;
                let ip = text
                    .parse()
                    .map_err(|_| format!("{text} is not an IP address"))?;
                options.host = Some(ExpectedName::Ip(ip));
            }
            "--email" => options.identities.push(ExpectedName::Email(value()?)),
            "--uri" => options.identities.push(ExpectedName::Uri(value()?)),
            "--crl" => {
                let path = value()?;
                let bytes = crate::files::read(&path)?;
                let crls = chain::crl::read_crls(&bytes).map_err(|e| format!("{path}: {e}"))?;
                options.crls.extend(crls);
            }
            "--at" => {
                let text = value()?;
                options.time = UnixTime::parse_rfc3339(&text)
                    .ok_or_else(|| format!("{text} is not an RFC 3339 UTC time"))?;
            }
            "--max-intermediates" => {
                let text = value()?;
                options.max_intermediates = Some(
                    text.parse()
                        .map_err(|_| format!("{text} is not a number"))?,
                );
            }
            "--profile" => {
                options.profile = match value()?.as_str() {
                    "webpki" => Profile::WebPki,
                    "rfc5280" => Profile::Rfc5280,
                    other => return Err(format!("unknown profile {other}")),
                }
            }
            "--eku-policy" => {
                options.eku_policy = match value()?.as_str() {
                    "chain" => EkuPolicy::Chain,
                    "leaf" => EkuPolicy::LeafOnly,
                    other => return Err(format!("unknown EKU policy {other}")),
                }
            }
            "--allow-sha1" => options.allow_sha1 = true,
            "--json" => json = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            other => target = Some(other.to_string()),
        }
    }
    let target = target.ok_or("no TARGET given")?;
    let mut served = read_certs(&target)?;
    let leaf = served.remove(0);
    served.extend(untrusted);
    let mut roots_version = None;
    if mozilla {
        let (ders, version) = chain::mozilla_roots();
        for der in ders {
            roots.push(Cert::from_der(der).map_err(|e| format!("bundled root: {e}"))?);
        }
        roots_version = Some(version);
    }
    if roots.is_empty() {
        return Err("no trust anchors: give --roots FILE or --mozilla-roots".to_string());
    }
    let report = chain::verify(&leaf, &served, &roots, &options);
    if json {
        let mut value = serde_json::to_value(&report).map_err(|e| e.to_string())?;
        if let (Some(object), Some(version)) = (value.as_object_mut(), roots_version) {
            object.insert("mozilla_roots".to_string(), version.into());
        }
        let text = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
        write_out(&format!("{text}\n"));
    } else {
        print_text(&report, roots_version);
    }
    Ok(report.valid)
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn write_out(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn print_text(report: &chain::ChainReport, roots_version: Option<&str>) {
    let mut out = String::new();
    macro_rules! println {
        ($($arg:tt)*) => {{
            out.push_str(&format!($($arg)*));
            out.push('\n');
        }};
    }
    let name = |i: usize| {
        report
            .certificates
            .get(i)
            .map(|c| format!("[{i}] {} ({:?})", c.subject, c.source))
            .unwrap_or_default()
    };
    if let Some(version) = roots_version {
        println!("trust anchors include the Mozilla roots of {version}");
    }
    match (&report.error, report.valid) {
        (_, true) => println!("VALID"),
        (Some(e), false) => println!("INVALID: {e}"),
        (None, false) => println!("INVALID"),
    }
    println!(
        "{} path(s) found; chosen: {}",
        report.paths.len(),
        report.chosen_because
    );
    for (n, path) in report.paths.iter().enumerate() {
        let marker = if Some(n) == report.chosen { "*" } else { " " };
        let state = if path.valid { "valid" } else { "invalid" };
        println!("{marker} path {n} ({state}):");
        for &i in &path.certificates {
            println!("    {}", name(i));
        }
        for check in &path.checks {
            if !check.passed {
                println!(
                    "    FAIL {} on [{}]: {} ({})",
                    check.name, check.certificate, check.explanation, check.citation
                );
            }
        }
    }
    for missing in &report.missing_issuers {
        let key = missing
            .key_identifier
            .as_ref()
            .map(|k| format!(", key id {k}"))
            .unwrap_or_default();
        println!(
            "missing issuer of [{}]: {}{key}",
            missing.certificate, missing.issuer
        );
        for url in &missing.ca_issuers {
            println!("    caIssuers: {url} (not fetched)");
        }
    }
    for &i in &report.unused_certificates {
        println!("unused: {}", name(i));
    }
    if report.wrong_order {
        println!("the chain was served in the wrong order");
    }
    if let Some(limit) = report.budget_exceeded {
        println!("path building stopped: {limit}");
    }
    match report.revocation {
        chain::Revocation::NotChecked => println!("revocation: not checked: no CRL given"),
        chain::Revocation::Checked => println!("revocation: checked against the CRLs given"),
    }
    write_out(&out);
}
