//! `certscope inspect` run as a process: JSON identical to the core's golden reports, text
//! rendering, stdin, and exit codes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::as_conversions
)]

mod common;

use std::path::PathBuf;
use std::process::Output;

use common::{certscope, certscope_with_stdin};

const AT: &str = "2025-06-01T00:00:00Z";

/// A fixture of the report tests (`tests/data/report`).
fn data(name: &str) -> PathBuf {
    common::data("report").join(name)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn json_is_the_golden_report() {
    for name in ["leaf-tls", "intermediate", "broken", "v1"] {
        let pem = data(&format!("{name}.pem"));
        let output = certscope(&["inspect", "--json", "--at", AT, pem.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(0), "{name}");
        let golden = std::fs::read_to_string(data(&format!("{name}.json"))).unwrap();
        assert_eq!(stdout(&output), golden, "{name}");
    }
}

#[test]
fn json_has_the_documented_keys() {
    let pem = data("leaf-tls.pem");
    let output = certscope(&["inspect", "--json", "--at", AT, pem.to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["analysis_time"], AT);
    let cert = &report["objects"][0];
    assert_eq!(cert["kind"], "certificate");
    for key in [
        "version",
        "serial",
        "signature_algorithm",
        "issuer",
        "subject",
        "validity",
        "public_key",
        "fingerprints",
        "extensions",
        "self_issued",
        "self_signed",
        "is_ca",
    ] {
        assert!(cert.get(key).is_some(), "missing {key}");
    }
    assert_eq!(cert["fingerprints"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(cert["fingerprints"]["sha1"].as_str().unwrap().len(), 40);
    assert_eq!(cert["validity"]["days_until_expiry"], 214);
    let san = cert["extensions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "subjectAltName")
        .unwrap();
    assert_eq!(san["value"]["type"], "subject_alt_name");
    assert_eq!(san["value"]["names"][0]["type"], "dns_name");
}

#[test]
fn reads_stdin_and_several_files() {
    let pem = std::fs::read(data("root.pem")).unwrap();
    let output = certscope_with_stdin(
        &[
            "inspect",
            "--json",
            "--at",
            AT,
            "-",
            data("v1.pem").to_str().unwrap(),
        ],
        &pem,
    );
    assert_eq!(output.status.code(), Some(0));
    // One report per input, in order.
    let reports: Vec<serde_json::Value> = serde_json::Deserializer::from_slice(&output.stdout)
        .into_iter()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(
        reports[0]["objects"][0]["subject"]["rfc4514"],
        "CN=Certscope Fixture Root,O=Certscope Fixtures,C=US"
    );
    assert_eq!(reports[1]["objects"][0]["version"], 1);
}

#[test]
fn text_is_grouped_named_and_wrapped() {
    let pem = data("leaf-tls.pem");
    let output = certscope(&["inspect", "--at", AT, pem.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for section in [
        "  Names\n",
        "  Validity\n",
        "  Public key\n",
        "  Signature\n",
        "  Fingerprints\n",
        "  Extensions (16)\n",
    ] {
        assert!(text.contains(section), "no section {section:?} in\n{text}");
    }
    assert!(text.contains("    Status         valid, expires in 214 days\n"));
    assert!(text.contains("      serverAuth (1.3.6.1.5.5.7.3.1)\n"));
    assert!(
        text.contains("      1.3.6.1.4.1.55555.7\n"),
        "private EKU shown as an OID"
    );
    assert!(text.contains("      othername:UPN:user@example.com\n"));
    assert!(text.contains("      status_request (OCSP must-staple)\n"));
    // Long hex is wrapped at 16 bytes with colons.
    let fingerprint = text
        .lines()
        .skip_while(|l| !l.starts_with("    SHA-256 "))
        .take(2)
        .collect::<Vec<_>>();
    assert_eq!(fingerprint.len(), 2);
    assert_eq!(fingerprint[0].split_whitespace().last().unwrap().len(), 47);
    assert!(text.lines().all(|l| l.len() <= 200), "no unwrapped line");
}

#[test]
fn every_extension_of_every_fixture_is_rendered() {
    for name in [
        "root",
        "intermediate",
        "leaf-tls",
        "precert",
        "ocsp-responder",
        "pss-leaf",
        "broken",
        "v1",
    ] {
        let pem = data(&format!("{name}.pem"));
        let output = certscope(&["inspect", "--at", AT, pem.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(0), "{name}");
        let text = stdout(&output);
        assert!(!text.contains("(not rendered)"), "{name}:\n{text}");
    }
}

#[test]
fn failed_extensions_are_shown() {
    let pem = data("broken.pem");
    let output = certscope(&["inspect", "--at", AT, pem.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("does not decode: keyUsage: expected BIT STRING"));
}

#[test]
fn exit_codes() {
    assert_eq!(certscope(&["--help"]).status.code(), Some(0));
    assert_eq!(certscope(&["inspect", "--help"]).status.code(), Some(0));
    assert_eq!(certscope(&[]).status.code(), Some(2));
    assert_eq!(certscope(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(certscope(&["inspect"]).status.code(), Some(2));
    let pem = data("root.pem");
    let pem = pem.to_str().unwrap();
    assert_eq!(
        certscope(&["inspect", "--at", "tomorrow", pem])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        certscope(&["inspect", "--colour", pem]).status.code(),
        Some(2)
    );
    let missing = certscope(&["inspect", "/nonexistent/cert.pem"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
    // A file with no certificate in it is unreadable input.
    let config = data("ca.cnf");
    assert_eq!(
        certscope(&["inspect", config.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
    // Without --at the CLI reads the clock: the report carries an analysis time.
    let output = certscope(&["inspect", "--json", pem]);
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(report["analysis_time"].as_str().unwrap().ends_with('Z'));
}

#[test]
fn text_prints_crls_requests_and_keys_in_full() {
    let input = |name: &str| common::data("input").join(name);
    let files = ["crl.pem", "csr-rsa.pem", "ec.sec1.pem", "ec.pub.pem"].map(input);
    let mut args = vec!["inspect", "--at", AT];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    let output = certscope(&args);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for expected in [
        "CRL 1 of 1",
        "Issuer           CN=Fixture Root CA,O=certscope fixtures",
        "Revoked (2)",
        "1001 at 2025-01-02T00:00:00Z, keyCompromise",
        "cRLNumber (2.5.29.20)",
        "certificate request 1 of 1",
        "Self-signature   valid",
        "DNS:www.csr.example.com",
        "private key 1 of 1",
        "Algorithm        EC P-256, 256 bits",
        "public key 1 of 1",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    assert!(!text.contains("object 1 of 1"), "{text}");
    // A key's findings (here its PEM label) are printed with it.
    let mislabelled = common::data("lenient/keys/ec-rsa-label.pub.pem");
    let output = certscope(&["inspect", "--at", AT, mislabelled.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("Findings (1)") && text.contains("error e_pem_label_mismatch (label)"),
        "{text}"
    );
}

/// Algorithms certscope does not know (here UUID OIDs, `2.25.<128-bit>`) are shown by their
/// exact dotted OID and said to be unknown; a known one keeps its name.
#[test]
fn text_says_an_algorithm_is_unknown() {
    let file = common::data("lenient/uuid-algorithms.der");
    let output = certscope(&["inspect", "--at", AT, file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for expected in [
        "Algorithm      2.25.17767458734895423762304157234978234789 (unknown algorithm)",
        "Algorithm      2.25.260276542659862290393113451425637105123 (unknown algorithm)",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    let known = common::data("lenient/uuid-oids.der");
    let text = stdout(&certscope(&[
        "inspect",
        "--at",
        AT,
        known.to_str().unwrap(),
    ]));
    assert!(text.contains("Algorithm      Ed25519"), "{text}");
    assert!(!text.contains("unknown algorithm"), "{text}");
}

#[test]
fn strict_exits_2_on_any_part_that_does_not_decode() {
    let dir = std::env::temp_dir().join(format!("certscope-strict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mixed = dir.join("mixed.pem");
    let mut bytes = std::fs::read(data("root.pem")).unwrap();
    bytes.extend_from_slice(b"-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n");
    std::fs::write(&mixed, bytes).unwrap();
    let mixed = mixed.to_str().unwrap();
    for json in [&[][..], &["--json"][..]] {
        let mut args = vec!["inspect", "--at", AT];
        args.extend_from_slice(json);
        args.push(mixed);
        assert_eq!(certscope(&args).status.code(), Some(0), "{json:?}");
        args.insert(1, "--strict");
        assert_eq!(certscope(&args).status.code(), Some(2), "{json:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
