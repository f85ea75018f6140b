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
