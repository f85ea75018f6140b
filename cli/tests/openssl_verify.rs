//! OpenSSL's own verify tests (`test/recipes/25-test_verify.t`, copied with its certificates
//! into `tests/data/openssl-verify/`) run through `certscope verify --profile openssl`: every
//! case OpenSSL 3.0 agrees with (`status: kept`) whose options certscope can express must get
//! OpenSSL's answer, and none may be accepted where OpenSSL rejects. The cases that need an
//! option certscope lacks are listed, with the option, in `docs/openssl-verify.md`, and this
//! test checks that list.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use std::path::Path;

use serde_json::Value;

/// Cases whose options certscope expresses but whose certificates use what certscope does not
/// verify with: the case and the capability missing.
const UNSUPPORTED: &[(&str, &str)] = &[
    ("L314-118", "an RSA key under 1024 bits"),
    ("L318-120", "an RSA key under 1024 bits"),
    ("L322-122", "an RSA key under 1024 bits"),
    ("L331-126", "an MD5 signature"),
    ("L335-128", "an MD5 signature"),
];

/// How one case translates to certscope's command line, or the OpenSSL option that stops it.
fn translate(case: &Value, default_time: &str) -> Result<Vec<String>, String> {
    let argv: Vec<&str> = case["openssl_argv"]
        .as_array()
        .expect("openssl_argv is a list")
        .iter()
        .map(|v| v.as_str().expect("arguments are strings"))
        .collect();
    let mut args: Vec<String> = vec!["verify".into(), "--profile".into(), "openssl".into()];
    let mut time = default_time.to_string();
    let mut leaf = None;
    // The recipe passes -auth_level twice in some cases; the last one counts.
    let mut auth_level = None;
    let mut iter = argv.iter().skip(2);
    while let Some(&arg) = iter.next() {
        let mut value = || iter.next().copied().expect("an option's value").to_string();
        match arg {
            "-auth_level" => auth_level = Some(value()),
            "-purpose" => args.extend(["--purpose".into(), value()]),
            "-trusted" => args.extend(["--roots".into(), value()]),
            "-untrusted" => args.extend(["--untrusted".into(), value()]),
            "-partial_chain" => args.push("--partial-chain".into()),
            "-verify_depth" => args.extend(["--max-intermediates".into(), value()]),
            // certscope always processes certificate policies (RFC 5280 6.1).
            "-policy_check" => {}
            "-policy" => args.extend(["--policy".into(), value()]),
            "-explicit_policy" => args.push("--explicit-policy".into()),
            "-inhibit_map" => args.push("--inhibit-policy-mapping".into()),
            "-inhibit_any" => args.push("--inhibit-any-policy".into()),
            "-attime" => {
                let seconds: u64 = value().parse().expect("-attime takes seconds");
                time = certscope::time::UnixTime(seconds)
                    .to_rfc3339()
                    .expect("a representable time");
            }
            other if other.starts_with('-') => return Err(other.to_string()),
            file => leaf = Some(file.to_string()),
        }
    }
    if let Some(level) = auth_level {
        args.extend(["--auth-level".into(), level]);
    }
    // Without -purpose OpenSSL checks no purpose.
    if !args.iter().any(|a| a == "--purpose") {
        args.extend(["--purpose".into(), "any".into()]);
    }
    args.extend(["--at".into(), time]);
    args.push(leaf.expect("a certificate to verify"));
    Ok(args)
}

#[test]
fn openssl_verify_recipe_matches_under_the_openssl_profile() {
    let dir = common::data("openssl-verify");
    let cases: Value = serde_json::from_slice(
        &std::fs::read(dir.join("cases.json")).expect("cases.json is in the repository"),
    )
    .expect("cases.json is JSON");
    let default_time = cases["oracle"]["time"]
        .as_str()
        .expect("the oracle's time")
        .to_string();
    let mut matched = 0;
    let mut false_accepts = Vec::new();
    let mut mismatches = Vec::new();
    let mut inexpressible = Vec::new();
    for case in cases["cases"].as_array().expect("a list of cases") {
        if case["status"] != "kept" {
            continue;
        }
        let id = case["id"].as_str().expect("an id");
        let description = case["description"].as_str().unwrap_or_default();
        let expected = case["expected"].as_str().expect("accept or reject");
        let args = match translate(case, &default_time) {
            Ok(args) => args,
            Err(option) => {
                inexpressible.push(format!("| {id} | {description} | `{option}` |"));
                continue;
            }
        };
        if let Some((_, missing)) = UNSUPPORTED.iter().find(|(case, _)| *case == id) {
            inexpressible.push(format!("| {id} | {description} | {missing} |"));
            // Still run: it must not be accepted where OpenSSL rejects.
            if expected == "accept" {
                continue;
            }
        }
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_certscope"))
            .args(&args)
            .current_dir(&dir)
            .output()
            .expect("the binary runs");
        let got = match output.status.code() {
            Some(0) => "accept",
            Some(1) => "reject",
            _ => "error",
        };
        if got == expected {
            matched += 1;
        } else {
            let why = String::from_utf8_lossy(&output.stdout)
                .lines()
                .chain(String::from_utf8_lossy(&output.stderr).lines())
                .take(4)
                .collect::<Vec<_>>()
                .join(" / ");
            let line = format!("{id} ({description}): OpenSSL {expected}, certscope {got}: {why}");
            if got == "accept" {
                false_accepts.push(line);
            } else {
                mismatches.push(line);
            }
        }
    }
    let documented = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/openssl-verify.md"),
    )
    .expect("docs/openssl-verify.md is in the repository");
    eprintln!(
        "{matched} matched, {} false accepts, {} other mismatches",
        false_accepts.len(),
        mismatches.len()
    );
    assert!(
        false_accepts.is_empty() && mismatches.is_empty(),
        "{} false accepts:\n{}\nfalse rejects or errors:\n{}",
        false_accepts.len(),
        false_accepts.join("\n"),
        mismatches.join("\n")
    );
    assert!(
        mismatches.is_empty(),
        "{matched} matched; {} false rejects or errors:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    assert!(matched >= 150, "only {matched} cases ran");
    let table = inexpressible.join("\n");
    assert!(
        documented.contains(&table),
        "docs/openssl-verify.md must list the inexpressible cases exactly:\n{table}"
    );
}
