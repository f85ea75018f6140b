//! `certscope verify` on a private PKI with the default profile: the two device certificates
//! of `tests/data/profiles/` (made with the real `openssl`) are usable TLS clients, as
//! `openssl verify` and the common TLS stacks answered (recorded beside them), the stacks that
//! refuse are named and the Web PKI's rules are a line of their own.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::{certscope, data};

/// A day after the certificate's notBefore, in RFC 3339.
fn inside_validity(name: &str) -> String {
    let bytes = std::fs::read(data(name)).unwrap();
    let parsed = certscope::parse_input(&bytes, &Default::default()).unwrap();
    let cert = parsed.certificates().next().unwrap();
    let seconds = cert
        .x509()
        .tbs_certificate()
        .validity()
        .not_before
        .to_unix_duration()
        .as_secs();
    certscope::time::UnixTime(seconds + 86_400)
        .to_rfc3339()
        .unwrap()
}

fn run(target: &str, root: &str, extra: &[&str]) -> (i32, String) {
    let target = data(&format!("profiles/{target}"));
    let root = data(&format!("profiles/{root}"));
    let at = inside_validity("profiles/device-any-eku.pem");
    let mut args = vec![
        "verify",
        "--purpose",
        "client",
        "--at",
        &at,
        "--roots",
        root.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    args.push(target.to_str().unwrap());
    let output = certscope(&args);
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

fn recorded_openssl_ok(case: &str) -> bool {
    let text = std::fs::read_to_string(data("profiles/openssl-verify.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["answers"][case]["sslclient"]["ok"].as_bool().unwrap()
}

#[test]
fn a_pinned_openssl_req_x509_certificate_verifies_as_a_client() {
    assert!(recorded_openssl_ok("self-signed-device"));
    let (code, out) = run("self-signed-device.pem", "self-signed-device.pem", &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("VALID\n"), "{out}");
    assert!(out.contains("profile: tls ("), "{out}");
    assert!(
        out.contains("refused by rustls (webpki): ") && out.contains("CaUsedAsEndEntity"),
        "{out}"
    );
    assert!(
        out.contains("Web PKI: a publicly trusted CA could not issue this, because:"),
        "{out}"
    );
    assert!(out.contains("leaf_basic_constraints on [0]"), "{out}");
    // Asked for, the Web PKI's rules decide, with the same exit code in JSON mode.
    let (code, out) = run(
        "self-signed-device.pem",
        "self-signed-device.pem",
        &["--profile", "webpki"],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("INVALID"), "{out}");
    let (code, json) = run(
        "self-signed-device.pem",
        "self-signed-device.pem",
        &["--profile", "webpki", "--json"],
    );
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["profile"], "webpki");
}

#[test]
fn a_device_certificate_with_any_extended_key_usage_verifies_as_a_client() {
    assert!(recorded_openssl_ok("device-any-eku"));
    let (code, out) = run("device-any-eku.pem", "fleet-root.pem", &["--json"]);
    assert_eq!(code, 0, "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["valid"], true);
    assert_eq!(report["profile"], "tls");
    let path = &report["paths"][0];
    assert_eq!(path["profile"], "tls");
    assert!(
        path["web_pki_findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == "extended_key_usage"),
        "{path}"
    );
    assert!(report["stacks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["accepts"] == true));
    // The legacy spelling of the report is still accepted on the command line.
    let (code, _) = run(
        "device-any-eku.pem",
        "fleet-root.pem",
        &["--profile", "web_pki"],
    );
    assert_eq!(code, 1);
}

/// `certscope verify` of a case under the fleet root, with `args` (the purpose among them).
fn run_as(target: &str, args: &[&str]) -> (i32, String) {
    let target = data(&format!("profiles/{target}"));
    let root = data("profiles/fleet-root.pem");
    let at = inside_validity("profiles/device-any-eku.pem");
    let mut all = vec!["verify", "--at", &at, "--roots", root.to_str().unwrap()];
    all.extend_from_slice(args);
    all.push(target.to_str().unwrap());
    let output = certscope(&all);
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

/// What the real stacks answered for a case of `tests/data/profiles/` on a side, by stack.
fn recorded_stacks(case: &str, side: &str) -> Vec<(String, bool)> {
    use std::io::Read;
    let bytes = std::fs::read(data("profiles/stacks.json.gz")).unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes.as_slice())
        .read_to_string(&mut text)
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["stacks"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(stack, entry)| {
            let answer = entry["answers"][case][side][0].as_bool().unwrap();
            (stack.clone(), answer)
        })
        .collect()
}

#[test]
fn verify_profile_all_gives_every_stacks_verdict_as_the_real_stacks_did() {
    for case in ["device-any-eku", "device-dv-policy"] {
        let target = format!("{case}.pem");
        for (side, purpose) in [("client", "client"), ("server_nohost", "server")] {
            let recorded = recorded_stacks(case, side);
            assert_eq!(recorded.len(), 8);
            let every = recorded.iter().all(|(_, ok)| *ok);
            let args = ["--profile", "all", "--purpose", purpose];
            let (code, json) = run_as(&target, &[&args[..], &["--json"]].concat());
            assert_eq!(code, if every { 0 } else { 1 }, "{json}");
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(value["profile"], "all");
            let verdicts = value["stacks"].as_array().unwrap();
            assert_eq!(verdicts.len(), 8);
            for (stack, real) in &recorded {
                let ours = verdicts
                    .iter()
                    .find(|v| v["profile"] == stack.as_str())
                    .unwrap_or_else(|| panic!("no verdict of {stack}: {json}"));
                assert_eq!(ours["valid"], *real, "{case} {side} {stack}: {ours}");
                assert!(!ours["version"].as_str().unwrap().is_empty());
            }
            // The text matrix: a line per stack, the same verdicts and the same exit code.
            let (text_code, text) = run_as(&target, &args);
            assert_eq!(text_code, code, "{text}");
            for verdict in verdicts {
                // A verdict resting on the application's set-up is neither: "depends".
                let depends = !verdict["depends_on"].as_array().unwrap().is_empty();
                let word = match (depends, verdict["valid"] == true) {
                    (true, _) => "depends",
                    (false, true) => "accepts",
                    (false, false) => "refuses",
                };
                // A client the stack accepts depends on the server's own authorisation.
                let authorisation = verdict["depends_on"]
                    .as_array()
                    .unwrap()
                    .contains(&serde_json::json!("server_authorisation"));
                assert_eq!(
                    authorisation,
                    purpose == "client" && verdict["valid"] == true,
                    "{verdict}"
                );
                let stack = verdict["stack"].as_str().unwrap();
                assert!(
                    text.lines()
                        .any(|l| l.trim_start().starts_with(stack) && l.contains(word)),
                    "{stack} {word}:\n{text}"
                );
            }
        }
    }
}

#[test]
fn verify_profile_all_names_the_purpose_in_words() {
    for (purpose, words) in [
        ("client", "The target as a TLS client's certificate"),
        ("codesign", "The target as a code-signing certificate"),
        ("email", "The target as an S/MIME certificate"),
        (
            "1.3.6.1.4.1.311.10.3.4",
            "The target as a certificate for the extended key usage 1.3.6.1.4.1.311.10.3.4",
        ),
        ("any", "The target as a certificate for any purpose"),
    ] {
        let args = ["--profile", "all", "--purpose", purpose];
        let (_, text) = run_as("device-any-eku.pem", &args);
        let first = text.lines().next().unwrap_or_default();
        assert!(first.starts_with(words), "{purpose}: {text}");
        for dump in ["CodeSigning", "EmailProtection", "Other(", "Any"] {
            assert!(!first.contains(dump), "{purpose}: {first}");
        }
    }
}

#[test]
fn a_stack_profile_is_selected_by_name_and_judges_by_its_stack() {
    // rustls-webpki does not take anyExtendedKeyUsage as serverAuth; Go does.
    let recorded = recorded_stacks("device-any-eku", "server_nohost");
    let real = |stack: &str| recorded.iter().find(|(s, _)| s == stack).unwrap().1;
    for stack in ["go", "rustls"] {
        let (code, json) = run_as(
            "device-any-eku.pem",
            &["--profile", stack, "--purpose", "server", "--json"],
        );
        let report: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(report["profile"], stack);
        assert_eq!(report["valid"], real(stack), "{stack}: {json}");
        assert_eq!(code, if real(stack) { 0 } else { 1 });
        let checks = report["paths"][0]["checks"].as_array().unwrap();
        assert!(
            checks.iter().any(|c| c["name"] == "stack_end_entity"),
            "{json}"
        );
    }
    assert!(real("go") && !real("rustls"));
}

#[test]
fn inspect_shows_each_stacks_answer_for_an_end_entity() {
    let target = data("profiles/device-any-eku.pem");
    let output = certscope(&["inspect", target.to_str().unwrap()]);
    let text = String::from_utf8(output.stdout).unwrap();
    let output = certscope(&["inspect", "--json", target.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let verifiers = json["objects"][0]["client_server"]["verifiers"]
        .as_array()
        .unwrap_or_else(|| panic!("{json}"));
    assert_eq!(verifiers.len(), 8);
    assert!(
        text.contains("TLS stacks (the certificate as the end entity"),
        "{text}"
    );
    // Accepts, refuses, or depends on what the certificate cannot show.
    let word = |accepts: &serde_json::Value, depends_on: &serde_json::Value| match (
        depends_on.as_array().unwrap().is_empty(),
        accepts == true,
    ) {
        (false, _) => "depends",
        (true, true) => "accepts",
        (true, false) => "refuses",
    };
    for verdict in verifiers {
        let line = format!(
            "server: {}  client: {}",
            word(&verdict["as_server"], &verdict["server_depends_on"]),
            word(&verdict["as_client"], &verdict["client_depends_on"])
        );
        let stack = verdict["verifier"].as_str().unwrap();
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(stack) && l.ends_with(&line)),
            "{stack} {line}:\n{text}"
        );
    }
    // A self-signed CA certificate is an end entity only when pinned, and says so.
    let root = data("profiles/fleet-root.pem");
    let output = certscope(&["inspect", root.to_str().unwrap()]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("pinned as its own trust anchor"), "{text}");
    // An intermediate CA is no end entity: no matrix.
    let intermediate = data("roles/intermediate-eku.pem");
    let output = certscope(&["inspect", intermediate.to_str().unwrap()]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("Extensions"), "{text}");
    assert!(!text.contains("TLS stacks"), "{text}");
}
