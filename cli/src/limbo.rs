//! `certscope limbo LIMBO.json[.gz] [--out RESULTS.json]`: runs every x509-limbo case through
//! [`certscope::chain::verify`], the API every user calls, and writes the suite's result format.
//!
//! The core's conformance test includes this file, so the harness and the test are one code.

use std::io::Read;
use std::time::{SystemTime, UNIX_EPOCH};

use certscope::chain::{self, ExpectedName, Purpose, VerifyOptions};
use certscope::time::UnixTime;
use certscope::Cert;
use serde_json::{json, Value};

/// Cases certscope skips on purpose, with the reason (also listed in tests/data/limbo/KNOWN.md).
pub const SKIPS: &[(&str, &str)] = &[
    (
        "webpki::san::public-suffix-multi-label-wildcard-san",
        "needs the Public Suffix List, which certscope does not bundle",
    ),
    (
        "webpki::san::public-suffix-private-namespace-wildcard-san",
        "needs the Public Suffix List, which certscope does not bundle",
    ),
    (
        "rfc5280::nc::permitted-dns-match-noncritical",
        "conflicts with webpki::nc::permitted-dns-match-noncritical; certscope follows the Web PKI",
    ),
    (
        "rfc5280::ca-as-leaf",
        "conflicts with webpki::ca-as-leaf; certscope follows the Web PKI",
    ),
    (
        "pathlen::validation-ignores-pathlen-in-leaf",
        "its leaf (cA TRUE, keyCertSign) has the shape webpki::ca-as-leaf rejects; certscope \
         follows the Web PKI and refuses a CA as the leaf",
    ),
    (
        "rfc5280::aki::cross-signed-root-missing-aki",
        "its anchor (cross-signed, no AKI) has the same shape as the anchor of \
         cve::cve-2024-0567, which must validate; certscope accepts anchors as given",
    ),
    (
        "webpki::cn::not-in-san",
        "a CN naming a host absent from the SAN is refused by this case but accepted by \
         rfc5280::nc::permitted-dns-match-more and five other valid cases (CN example.com)",
    ),
    (
        "webpki::cn::punycode-not-in-san",
        "a CN naming a host absent from the SAN is refused by this case but accepted by \
         rfc5280::nc::permitted-dns-match-more and five other valid cases (CN example.com)",
    ),
    (
        "webpki::eku::ee-without-eku",
        "conflicts with rfc5280::eku::ee-without-eku; certscope accepts a leaf without EKU",
    ),
];

/// Runs the subcommand on the suite in `input`: every case, written to `out` or standard
/// output, or only `case` in full; returns the process exit code.
pub fn run(input: &str, out: Option<&str>, case: Option<&str>) -> i32 {
    let suite = match load(input) {
        Ok(suite) => suite,
        Err(e) => {
            eprintln!("certscope limbo: {input}: {e}");
            return 2;
        }
    };
    let now = UnixTime(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
    );
    if let Some(id) = case {
        // One case in full: the chain report as JSON.
        let cases = suite
            .get("testcases")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let Some(found) = cases.iter().find(|c| c["id"] == id) else {
            eprintln!("certscope limbo: no case {id}");
            return 2;
        };
        return match case_report(found, now) {
            Ok(report) => {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).unwrap_or_default()
                );
                0
            }
            Err((verdict, why)) => {
                println!("{verdict}: {why}");
                0
            }
        };
    }
    let results = run_suite(&suite, now);
    let text = match serde_json::to_string_pretty(&results) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("certscope limbo: {e}");
            return 2;
        }
    };
    match out {
        Some(path) => {
            if let Err(e) = std::fs::write(path, text) {
                eprintln!("certscope limbo: {path}: {e}");
                return 2;
            }
        }
        None => println!("{text}"),
    }
    0
}

/// Reads a limbo file, gzip-compressed or not.
pub fn load(path: &str) -> Result<Value, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let text = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_string(&mut text)
            .map_err(|e| e.to_string())?;
        text
    } else {
        String::from_utf8(bytes).map_err(|e| e.to_string())?
    };
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

/// Runs every case; `now` is used for cases without a validation time.
pub fn run_suite(suite: &Value, now: UnixTime) -> Value {
    let cases = suite["testcases"].as_array().cloned().unwrap_or_default();
    let results: Vec<Value> = cases
        .iter()
        .map(|case| {
            let (actual, context) = run_case(case, now);
            json!({"id": case["id"], "actual_result": actual, "context": context})
        })
        .collect();
    json!({"version": 1, "harness": "certscope", "results": results})
}

fn certs(value: &Value) -> Result<Vec<Cert>, String> {
    let mut out = Vec::new();
    for pem in value.as_array().into_iter().flatten() {
        let text = pem.as_str().unwrap_or_default();
        let parsed = certscope::parse_input(text.as_bytes(), &Default::default())
            .map_err(|e| e.to_string())?;
        if let Some(problem) = parsed.problems.first() {
            return Err(format!("certificate does not decode: {problem}"));
        }
        out.extend(parsed.certificates().cloned());
    }
    Ok(out)
}

fn expected_name(value: &Value) -> Option<ExpectedName> {
    let text = value["value"].as_str()?.to_string();
    Some(match value["kind"].as_str()? {
        "DNS" => ExpectedName::Dns(text),
        "IP" => ExpectedName::Ip(text.parse().ok()?),
        "RFC822" => ExpectedName::Email(text),
        _ => return None,
    })
}

/// Runs one case: (`SUCCESS` | `FAILURE` | `SKIPPED`, why).
pub fn run_case(case: &Value, now: UnixTime) -> (&'static str, String) {
    let id = case["id"].as_str().unwrap_or_default();
    if let Some((_, reason)) = SKIPS.iter().find(|(skip, _)| *skip == id) {
        return ("SKIPPED", reason.to_string());
    }
    match case_report(case, now) {
        Err(verdict) => verdict,
        Ok(report) if report.valid => ("SUCCESS", report.chosen_because),
        Ok(report) => {
            let error = report
                .error
                .map(|e| e.to_string())
                .unwrap_or_else(|| "invalid".to_string());
            ("FAILURE", error)
        }
    }
}

/// The full chain report of one case, or the verdict when its inputs do not decode.
pub fn case_report(
    case: &Value,
    now: UnixTime,
) -> Result<chain::ChainReport, (&'static str, String)> {
    let peer = match certs(&json!([case["peer_certificate"]])) {
        Ok(mut c) if c.len() == 1 => c.remove(0),
        Ok(_) => return Err(("FAILURE", "no peer certificate".to_string())),
        Err(e) => return Err(("FAILURE", format!("peer: {e}"))),
    };
    let anchors = match certs(&case["trusted_certs"]) {
        Ok(c) => c,
        Err(e) => return Err(("FAILURE", format!("trusted: {e}"))),
    };
    let untrusted = match certs(&case["untrusted_intermediates"]) {
        Ok(c) => c,
        Err(e) => return Err(("FAILURE", format!("untrusted: {e}"))),
    };
    let time = match case["validation_time"].as_str() {
        Some(text) => match UnixTime::parse_rfc3339(text) {
            Some(t) => t,
            None => return Err(("FAILURE", format!("bad validation time {text}"))),
        },
        None => now,
    };
    let mut options = VerifyOptions::at(time);
    // x509-limbo's Web PKI cases chain to test roots: its rules bind whatever the root.
    options.profile = chain::Profile::WebPki;
    match case["validation_kind"].as_str() {
        Some("CLIENT") => {
            options.purpose = Purpose::ClientAuth;
            options.identities = case["expected_peer_names"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(expected_name)
                .collect();
        }
        _ => {
            options.purpose = Purpose::ServerAuth;
            options.host = expected_name(&case["expected_peer_name"]);
        }
    }
    for eku in case["extended_key_usage"].as_array().into_iter().flatten() {
        let oid = match eku.as_str().unwrap_or_default() {
            "serverAuth" => "1.3.6.1.5.5.7.3.1",
            "clientAuth" => "1.3.6.1.5.5.7.3.2",
            "codeSigning" => "1.3.6.1.5.5.7.3.3",
            "emailProtection" => "1.3.6.1.5.5.7.3.4",
            "timeStamping" => "1.3.6.1.5.5.7.3.8",
            "OCSPSigning" => "1.3.6.1.5.5.7.3.9",
            "anyExtendedKeyUsage" => "2.5.29.37.0",
            other => return Err(("SKIPPED", format!("unknown extended key usage {other}"))),
        };
        options.required_extended_key_usage.push(oid.to_string());
    }
    options.required_key_usage = case["key_usage"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|k| k.as_str().map(str::to_string))
        .collect();
    options.max_intermediates = case["max_chain_depth"]
        .as_u64()
        .and_then(|d| usize::try_from(d).ok());
    for pem in case["crls"].as_array().into_iter().flatten() {
        match chain::crl::read_crls(pem.as_str().unwrap_or_default().as_bytes()) {
            Ok(ders) => options.crls.extend(ders),
            Err(e) => return Err(("FAILURE", format!("CRL: {e}"))),
        }
    }
    Ok(chain::verify(&peer, &untrusted, &anchors, &options))
}
