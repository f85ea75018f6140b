//! `certscope verify`: builds and validates the chains of a certificate.
//!
//! TARGET may hold a whole served chain: its first certificate is validated and the rest are
//! used as untrusted certificates, in the order given (so a wrong order is reported).
//! Exit status: 0 valid, 1 invalid, 2 bad usage or input. With `--profile all`, 0 when every
//! TLS stack accepts the target, 1 when one refuses it.

use certscope::chain::{self, EkuPolicy, ExpectedName, Profile, Purpose, VerifyOptions};
use certscope::purpose::PurposeId;
use certscope::time::UnixTime;
use certscope::Cert;

use crate::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};

/// `certscope verify`'s options. Each doc comment is the option's line in `--help`.
#[derive(clap::Args)]
pub struct Args {
    /// Trust anchors: the certificates in FILE (repeatable)
    #[arg(long, value_name = "FILE")]
    roots: Vec<String>,
    /// Also trust the Mozilla root store bundled with certscope
    #[arg(long)]
    mozilla_roots: bool,
    /// Untrusted intermediates: the certificates in FILE (repeatable)
    #[arg(long, value_name = "FILE")]
    untrusted: Vec<String>,
    /// server (default), client, ..., OID, or OpenSSL's sslserver...
    #[arg(long, value_name = "PURPOSE", value_parser = parse_purpose)]
    purpose: Option<PurposeArg>,
    /// The DNS name the target must be valid for
    #[arg(long, value_name = "NAME", conflicts_with = "ip")]
    host: Option<String>,
    /// The IP address the target must be valid for
    #[arg(long, value_name = "ADDR")]
    ip: Option<std::net::IpAddr>,
    /// An email address the target must carry (repeatable)
    #[arg(long, value_name = "ADDRESS")]
    email: Vec<String>,
    /// A URI the target must carry (repeatable)
    #[arg(long, value_name = "URI")]
    uri: Vec<String>,
    /// Revocation lists to check against, PEM or DER (repeatable)
    #[arg(long, value_name = "FILE")]
    crl: Vec<String>,
    /// Fail a status no CRL decides, even with no --crl
    #[arg(long)]
    require_revocation: bool,
    /// Initial policy set: an OID (repeatable; default anyPolicy)
    #[arg(long, value_name = "OID", value_parser = parse_oid)]
    policy: Vec<String>,
    /// Require a policy of the initial set (initial-explicit-policy)
    #[arg(long)]
    explicit_policy: bool,
    /// No policy mapping (initial-policy-mapping-inhibit)
    #[arg(long)]
    inhibit_policy_mapping: bool,
    /// Ignore anyPolicy (initial-any-policy-inhibit)
    #[arg(long)]
    inhibit_any_policy: bool,
    /// Validation time in RFC 3339 UTC (default: now)
    #[arg(long, value_name = "RFC3339", value_parser = crate::at::parse)]
    at: Option<UnixTime>,
    /// The most intermediates a path may have
    #[arg(long, value_name = "N")]
    max_intermediates: Option<usize>,
    /// auto (default), webpki, rfc5280, tls, a stack (go, ...), or all
    // Each profile has a line in `verify --help` after the options (VERIFY_AFTER_HELP).
    #[arg(long, value_name = "NAME", default_value = "auto", value_parser = parse_profile)]
    #[arg(hide_default_value = true)]
    profile: ProfileArg,
    /// openssl: an anchor need not be self-signed (OpenSSL -partial_chain)
    #[arg(long)]
    partial_chain: bool,
    /// openssl: the authentication level, 0 to 5 (default 1)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=5))]
    auth_level: Option<u8>,
    /// chain (default: EKUs of CAs constrain the leaf) or leaf
    #[arg(long, value_enum, value_name = "POLICY", default_value_t = EkuPolicyArg::Chain)]
    #[arg(hide_default_value = true, hide_possible_values = true)]
    eku_policy: EkuPolicyArg,
    /// Accept SHA-1 signatures
    #[arg(long)]
    allow_sha1: bool,
    /// Print the chain report as JSON
    #[arg(long)]
    json: bool,
    /// The certificate to validate, then optionally the rest of its served chain
    #[arg(value_name = "TARGET")]
    target: String,
}

/// `--profile`: a name of the profile registry (`certscope::chain::PROFILES`), or `all`.
#[derive(Clone, Copy)]
pub enum ProfileArg {
    /// One profile.
    One(Profile),
    /// Every TLS stack's profile (`chain::verify_stacks`).
    All,
}

fn parse_profile(text: &str) -> Result<ProfileArg, String> {
    if text == "all" {
        return Ok(ProfileArg::All);
    }
    Profile::parse(text).map(ProfileArg::One).ok_or_else(|| {
        let names: Vec<&str> = chain::PROFILES.iter().map(|spec| spec.name).collect();
        format!("expected one of {}, all", names.join(", "))
    })
}

// `--eku-policy`: chain, an EKU on an intermediate constrains the leaf (browsers, OpenSSL,
// rustls-webpki); leaf, only the leaf's EKU is checked (RFC 5280 4.2.1.12 read literally).
#[derive(Clone, Copy, clap::ValueEnum)]
enum EkuPolicyArg {
    Chain,
    Leaf,
}

/// A purpose, and OpenSSL's own when it was named by OpenSSL's name.
#[derive(Clone)]
pub struct PurposeArg(Purpose, Option<PurposeId>);

fn parse_purpose(text: &str) -> Result<PurposeArg, String> {
    let purpose = Purpose::parse(text).ok_or_else(|| {
        "expected server, client, codesign, email, timestamp, ocsp, any, an OID or an OpenSSL \
         purpose name"
            .to_owned()
    })?;
    Ok(PurposeArg(
        purpose,
        Purpose::parse_openssl(text).map(|(_, id)| id),
    ))
}

fn parse_oid(text: &str) -> Result<String, String> {
    let arcs: Vec<&str> = text.split('.').collect();
    if arcs.len() >= 2
        && arcs
            .iter()
            .all(|a| !a.is_empty() && a.bytes().all(|b| b.is_ascii_digit()))
    {
        Ok(text.to_owned())
    } else {
        Err("expected a dotted OID such as 2.23.140.1.2.1".to_owned())
    }
}

/// Runs the subcommand; returns the process exit code.
pub fn run(args: &Args) -> i32 {
    match verify(args) {
        Ok(true) => EXIT_OK,
        Ok(false) => EXIT_INVALID,
        Err(message) => {
            eprintln!("certscope verify: {message}");
            EXIT_USAGE
        }
    }
}

/// The certificates of a file. A private key kept beside them (encrypted or not) is skipped,
/// as `openssl verify` does; a certificate that does not decode, or unreadable trust
/// settings, stop with an error.
fn read_certs(path: &str) -> Result<Vec<Cert>, String> {
    let bytes = crate::files::read(path)?;
    let label = crate::files::label(path);
    let parsed =
        certscope::parse_input(&bytes, &Default::default()).map_err(|e| format!("{label}: {e}"))?;
    let about_certificates = |problem: &&certscope::input::Problem| match &problem.origin.encoding {
        certscope::input::Encoding::Pem { label, .. } => !label.ends_with("KEY"),
        _ => true,
    };
    if let Some(problem) = parsed.problems.iter().find(about_certificates) {
        return Err(format!("{label}: {problem}"));
    }
    let certs: Vec<Cert> = parsed.certificates().cloned().collect();
    if certs.is_empty() {
        return Err(format!("{label}: no certificate found"));
    }
    Ok(certs)
}

fn verify(args: &Args) -> Result<bool, String> {
    let mut options = VerifyOptions::at(crate::at::or_now(args.at));
    if let Some(PurposeArg(purpose, openssl)) = &args.purpose {
        options.purpose = purpose.clone();
        options.openssl_purpose = *openssl;
    }
    options.host = match (&args.host, args.ip) {
        (Some(host), _) => Some(ExpectedName::Dns(host.clone())),
        (None, Some(ip)) => Some(ExpectedName::Ip(ip)),
        (None, None) => None,
    };
    options
        .identities
        .extend(args.email.iter().cloned().map(ExpectedName::Email));
    options
        .identities
        .extend(args.uri.iter().cloned().map(ExpectedName::Uri));
    options.max_intermediates = args.max_intermediates;
    options.profile = match args.profile {
        ProfileArg::One(profile) => profile,
        ProfileArg::All => Profile::Auto,
    };
    // A path to a root of the public store is held to the Web PKI's rules under `auto`, however
    // the root was given.
    options.public_roots = chain::mozilla_root_fingerprints();
    options.partial_chain = args.partial_chain;
    options.auth_level = args.auth_level;
    options.eku_policy = match args.eku_policy {
        EkuPolicyArg::Chain => EkuPolicy::Chain,
        EkuPolicyArg::Leaf => EkuPolicy::LeafOnly,
    };
    options.allow_sha1 = args.allow_sha1;
    options.require_revocation = args.require_revocation;
    options.initial_policies = args.policy.clone();
    options.initial_explicit_policy = args.explicit_policy;
    options.initial_policy_mapping_inhibit = args.inhibit_policy_mapping;
    options.initial_any_policy_inhibit = args.inhibit_any_policy;
    let mut roots: Vec<Cert> = Vec::new();
    for file in &args.roots {
        roots.extend(read_certs(file)?);
    }
    let mut untrusted: Vec<Cert> = Vec::new();
    for file in &args.untrusted {
        untrusted.extend(read_certs(file)?);
    }
    for file in &args.crl {
        let bytes = crate::files::read(file)?;
        let crls = chain::crl::read_crls(&bytes)
            .map_err(|e| format!("{}: {e}", crate::files::label(file)))?;
        options.crls.extend(crls);
    }
    let mut served = read_certs(&args.target)?;
    let leaf = served.remove(0);
    served.extend(untrusted);
    let mut roots_version = None;
    if args.mozilla_roots {
        let (ders, version) = chain::mozilla_roots();
        for der in ders {
            roots.push(Cert::from_der(der).map_err(|e| format!("bundled root: {e}"))?);
        }
        roots_version = Some(version);
    }
    // OpenSSL with an empty trust store rejects; so does the profile that reproduces it.
    if roots.is_empty() && options.profile != Profile::Openssl {
        return Err("no trust anchors: give --roots FILE or --mozilla-roots".to_string());
    }
    if let ProfileArg::All = args.profile {
        let verdicts = chain::verify_stacks(&leaf, &served, &roots, &options);
        let all_accept = verdicts.iter().all(|v| v.valid);
        if args.json {
            let value = serde_json::json!({
                "profile": "all",
                "purpose": options.purpose,
                "host": options.host,
                "valid": all_accept,
                "stacks": verdicts,
            });
            let text = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
            write_out(&format!("{text}\n"));
        } else {
            write_out(&stack_matrix(&verdicts, &options));
        }
        return Ok(all_accept);
    }
    let report = chain::verify(&leaf, &served, &roots, &options);
    if args.json {
        let mut value = serde_json::to_value(&report).map_err(|e| e.to_string())?;
        if let (Some(object), Some(version)) = (value.as_object_mut(), roots_version) {
            object.insert("mozilla_roots".to_string(), version.into());
        }
        let text = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
        write_out(&format!("{text}\n"));
    } else {
        print_text(&report, &options.purpose, roots_version);
    }
    Ok(report.valid)
}

/// The text of `--profile all`: one line per TLS stack, its verdict and why.
fn stack_matrix(verdicts: &[chain::StackVerdict], options: &VerifyOptions) -> String {
    let side = match &options.purpose {
        Purpose::ServerAuth => "a TLS server's certificate".to_owned(),
        Purpose::ClientAuth => "a TLS client's certificate".to_owned(),
        Purpose::CodeSigning => "a code-signing certificate".to_owned(),
        Purpose::EmailProtection => "an S/MIME certificate".to_owned(),
        Purpose::TimeStamping => "a time-stamping certificate".to_owned(),
        Purpose::OcspSigning => "an OCSP responder's certificate".to_owned(),
        Purpose::Any => "a certificate for any purpose".to_owned(),
        // `Purpose::Other`, and whatever purpose the core adds: named by its OID.
        other => match other.oid() {
            Some(oid) => format!("a certificate for the extended key usage {oid}"),
            None => "a certificate for an extended key usage that is not an OID".to_owned(),
        },
    };
    let host = options
        .host
        .as_ref()
        .map(|h| format!(" for {h}"))
        .unwrap_or_else(|| " (no host name checked)".to_owned());
    let accepted = verdicts.iter().filter(|v| v.valid).count();
    let depending = verdicts.iter().filter(|v| !v.depends_on.is_empty()).count();
    let mut out = format!(
        "The target as {side}{host}: {accepted} of {} TLS stacks accept it",
        verdicts.len()
    );
    if depending > 0 {
        out.push_str(&format!(
            "; {depending} of the verdicts depend on the application's set-up, which the chain \
             cannot show"
        ));
    }
    out.push('\n');
    let width = verdicts.iter().map(|v| v.stack.len()).max().unwrap_or(0);
    for verdict in verdicts {
        // A verdict that rests on the application's set-up is neither: "depends", and on what.
        let word = match (verdict.depends_on.is_empty(), verdict.valid) {
            (true, true) => "accepts".to_owned(),
            (true, false) => "refuses".to_owned(),
            (false, _) => {
                let on: Vec<&str> = verdict.depends_on.iter().map(|c| c.label()).collect();
                format!("depends ({})", on.join("; "))
            }
        };
        out.push_str(&format!(
            "  {:<width$}  {word}  {} [profile {}]\n",
            verdict.stack, verdict.reason, verdict.profile,
        ));
    }
    out
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn write_out(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn print_text(report: &chain::ChainReport, purpose: &Purpose, roots_version: Option<&str>) {
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
            .map(|c| {
                let subject = certscope::display::escape(&c.subject);
                format!("[{i}] {subject} ({})", source(c.source))
            })
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
    let spec = report.profile.spec();
    println!(
        "profile: {} ({}); {}",
        spec.name, spec.reproduces, report.profile_because
    );
    let (accept, refuse): (Vec<_>, Vec<_>) = report.stacks.iter().partition(|s| s.accepts);
    if !report.stacks.is_empty() {
        let side = if *purpose == Purpose::ClientAuth {
            "client"
        } else {
            "server"
        };
        let names = |list: &[&chain::StackAnswer]| {
            list.iter()
                .map(|s| s.stack.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        println!(
            "TLS stacks, the target as a TLS {side}'s end entity: accepted by {}",
            if accept.is_empty() {
                "none".to_string()
            } else {
                names(&accept)
            }
        );
        for stack in &refuse {
            println!("    refused by {}: {}", stack.stack, stack.reason);
        }
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
        if path.profile != report.profile {
            println!("    profile: {}; {}", path.profile, path.profile_because);
        }
        for check in &path.checks {
            if !check.passed {
                println!(
                    "    FAIL {} on [{}]: {} ({})",
                    check.name, check.certificate, check.explanation, check.citation
                );
            }
        }
        if !path.web_pki_findings.is_empty() {
            println!("    Web PKI: a publicly trusted CA could not issue this, because:");
            for check in &path.web_pki_findings {
                println!(
                    "        {} on [{}]: {} ({})",
                    check.name, check.certificate, check.explanation, check.citation
                );
            }
        }
        let policies = |set: &Option<Vec<String>>| match set {
            Some(list) if !list.is_empty() => list.join(", "),
            _ => "none".to_string(),
        };
        println!(
            "    policies: authorities-constrained {}; user-constrained {}",
            policies(&path.authorities_constrained_policies),
            policies(&path.valid_policies)
        );
        // The valid policy tree (RFC 5280 6.1.6), one line per branch from the root.
        for branch in path.valid_policy_tree.iter().flatten() {
            println!("    policy tree: {}", branch.join(" -> "));
        }
        for status in &path.revocation {
            let text = match status.status {
                chain::revocation::Status::Good => "good".to_string(),
                chain::revocation::Status::Revoked => format!(
                    "revoked ({}, {})",
                    status.reason.as_deref().unwrap_or("unspecified"),
                    status.date.as_deref().unwrap_or_default()
                ),
                _ => format!(
                    "undetermined ({})",
                    status.why.as_deref().unwrap_or_default()
                ),
            };
            println!("    revocation of [{}]: {text}", status.certificate);
            for dropped in &status.dropped {
                println!("        CRL {} set aside: {}", dropped.crl, dropped.reason);
            }
        }
        for dropped in &path.unused_crls {
            println!("    CRL {} unused: {}", dropped.crl, dropped.reason);
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
        chain::Revocation::Checked if report.valid => {
            println!("revocation: checked: every certificate below the anchor is good")
        }
        chain::Revocation::Checked => println!("revocation: checked against the CRLs given"),
    }
    // Names are attacker-chosen text: display controls are shown escaped, never raw.
    write_out(&certscope::display::escape_lines(&out));
}

/// Where a certificate of the report came from, in words.
fn source(source: chain::Source) -> &'static str {
    match source {
        chain::Source::Target => "target",
        chain::Source::Untrusted => "untrusted",
        chain::Source::Anchor => "trust anchor",
    }
}
