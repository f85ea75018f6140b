//! Revocation (RFC 5280 6.3) and policy inputs (6.1.1, 6.1.5, 6.1.6) on the committed corpus
//! of `tests/data/revocation/generate.py`: each case names the clause it exercises and the
//! outcome the RFC requires, and OpenSSL's answer on the same files
//! (`openssl verify -crl_check_all -extended_crl -use_deltas`, `openssl.json`, with its
//! version) must agree, except where [`OPENSSL_DIFFERS`] says why not.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::PathBuf;

use certscope::chain::revocation::Status;
use certscope::chain::{self, ChainReport, Profile, Purpose, VerifyOptions};
use certscope::time::UnixTime;
use certscope::Cert;
use serde_json::Value;

/// Cases where OpenSSL's verdict differs from RFC 5280's, and why (docs/openssl-verify.md,
/// "Revocation and policy corpus"). For those of [`POLICY_DIFFERENCES`], OpenSSL's answer
/// with `-policy 2.5.29.32.0` (the RFC's default user-initial-policy-set, given explicitly) is
/// recorded too and must agree with certscope's.
const OPENSSL_DIFFERS: &[(&str, &str)] = &[
    (
        "any-policy",
        "OpenSSL 3.0 computes an empty user-constrained policy set when the authorities-\
         constrained set is only anyPolicy and no -policy is given, so require-explicit-policy \
         fails; RFC 5280 6.1.5 (g)(ii) keeps the valid policy tree when the \
         user-initial-policy-set is anyPolicy",
    ),
    (
        "policy-constraints-noncritical",
        "the same anyPolicy-only path, made explicit by the intermediate's requireExplicitPolicy \
         0: OpenSSL fails it as above",
    ),
    (
        "delta-without-freshest",
        "OpenSSL 3.0 combines a delta CRL with its base only when the certificate or the base \
         has freshestCRL (get_delta_sk), so it answers from the base alone and accepts; RFC \
         5280 6.3.3 (c) combines the delta of the same scope that was supplied, however it was \
         found, and the delta revokes the leaf (delta-revokes, whose base has freshestCRL, \
         agrees)",
    ),
];

/// The cases of [`OPENSSL_DIFFERS`] that are the one anyPolicy difference.
const POLICY_DIFFERENCES: &[&str] = &["any-policy", "policy-constraints-noncritical"];

#[test]
fn openssl_agrees_once_given_the_rfc_default_policy_set() {
    let cases = read_json("cases.json");
    let openssl = read_json("openssl.json");
    for id in POLICY_DIFFERENCES {
        assert!(OPENSSL_DIFFERS.iter().any(|(case, _)| case == id), "{id}");
        let answer = &openssl["answers"][format!("{id}+policy-anyPolicy")];
        assert_eq!(answer["valid"].as_bool(), Some(true), "{id}: {answer}");
        let mut case = cases["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == *id)
            .unwrap()
            .clone();
        let explicit = case["policy"]["explicit"].as_bool().unwrap_or(false);
        case["policy"] = serde_json::json!({
            "policies": ["2.5.29.32.0"], "explicit": explicit, "inhibit_mapping": false,
            "inhibit_any": false
        });
        let report = run(&case);
        assert!(report.valid, "{id}: {:?}", report.error);
        assert_eq!(
            report.paths[0].valid_policies,
            Some(vec!["anyPolicy".to_string()]),
            "{id}"
        );
    }
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/revocation")
}

fn read_json(name: &str) -> Value {
    serde_json::from_slice(&std::fs::read(dir().join(name)).unwrap()).unwrap()
}

fn cert(name: &str) -> Cert {
    let bytes = std::fs::read(dir().join(name)).unwrap();
    let parsed = certscope::parse_input(&bytes, &Default::default()).unwrap();
    let first = parsed.certificates().next().unwrap().clone();
    first
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

fn run(case: &Value) -> ChainReport {
    let time = UnixTime::parse_rfc3339(case["time"].as_str().unwrap()).unwrap();
    let mut options = VerifyOptions::at(time);
    options.profile = Profile::Rfc5280;
    options.purpose = Purpose::Any;
    for name in strings(&case["crls"]) {
        let bytes = std::fs::read(dir().join(name)).unwrap();
        options.crls.extend(chain::crl::read_crls(&bytes).unwrap());
    }
    let policy = &case["policy"];
    if policy.is_object() {
        options.initial_policies = strings(&policy["policies"]);
        options.initial_explicit_policy = policy["explicit"].as_bool().unwrap();
        options.initial_policy_mapping_inhibit = policy["inhibit_mapping"].as_bool().unwrap();
        options.initial_any_policy_inhibit = policy["inhibit_any"].as_bool().unwrap();
    }
    let target = cert(case["target"].as_str().unwrap());
    let untrusted: Vec<Cert> = strings(&case["untrusted"])
        .iter()
        .map(|n| cert(n))
        .collect();
    let anchors: Vec<Cert> = strings(&case["anchors"]).iter().map(|n| cert(n)).collect();
    chain::verify(&target, &untrusted, &anchors, &options)
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Good => "good",
        Status::Revoked => "revoked",
        Status::Undetermined => "undetermined",
        Status::NotChecked => "not_checked",
        _ => "other",
    }
}

#[test]
fn every_case_has_the_outcome_rfc_5280_requires() {
    let cases = read_json("cases.json");
    let cases = cases["cases"].as_array().unwrap();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let id = case["id"].as_str().unwrap();
        assert!(
            case["clause"].as_str().is_some_and(|c| !c.is_empty()),
            "{id} names no clause"
        );
        let report = run(case);
        let expected = &case["expected"];
        if report.valid != expected["valid"].as_bool().unwrap() {
            failures.push(format!(
                "{id}: valid {} ({:?})",
                report.valid,
                report.error.as_ref().map(ToString::to_string)
            ));
            continue;
        }
        if let Some(kind) = expected["error"].as_str() {
            let got = serde_json::to_value(&report.error).unwrap();
            if got["kind"] != kind {
                failures.push(format!("{id}: error {got} where {kind} was expected"));
            }
        }
        if expected["statuses"].is_array() {
            let path = &report.paths[0];
            let got: Vec<&str> = path
                .revocation
                .iter()
                .map(|r| status_name(r.status))
                .collect();
            let want = strings(&expected["statuses"]);
            if got != want {
                failures.push(format!(
                    "{id}: statuses {got:?} where {want:?} were expected"
                ));
            }
            for status in &path.revocation {
                match status.status {
                    Status::Revoked => {
                        assert!(status.reason.is_some() && status.date.is_some(), "{id}")
                    }
                    Status::Undetermined => {
                        assert!(status.why.as_ref().is_some_and(|w| !w.is_empty()), "{id}")
                    }
                    Status::Good => assert!(!status.crls.is_empty(), "{id}"),
                    _ => {}
                }
            }
        }
        // No path with supplied CRLs is valid while a status is undetermined.
        for path in &report.paths {
            if path.valid {
                assert!(
                    path.revocation
                        .iter()
                        .all(|r| matches!(r.status, Status::Good)),
                    "{id}: a valid path with a status not good"
                );
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn openssl_agrees_or_the_difference_is_explained() {
    let cases = read_json("cases.json");
    let openssl = read_json("openssl.json");
    assert!(openssl["version"].as_str().unwrap().starts_with("OpenSSL"));
    let mut explained = 0;
    for case in cases["cases"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        let answer = &openssl["answers"][id];
        let openssl_valid = answer["valid"]
            .as_bool()
            .unwrap_or_else(|| panic!("{id}: no OpenSSL answer"));
        let valid = run(case).valid;
        match OPENSSL_DIFFERS.iter().find(|(case, _)| *case == id) {
            Some(_) => {
                assert_ne!(
                    valid, openssl_valid,
                    "{id} is listed as differing but agrees"
                );
                explained += 1;
            }
            None => assert_eq!(
                valid, openssl_valid,
                "{id}: OpenSSL says {} ({})",
                openssl_valid, answer["error"]
            ),
        }
    }
    assert_eq!(explained, OPENSSL_DIFFERS.len());
}

#[test]
fn dropped_crls_are_reported_with_their_reason() {
    let cases = read_json("cases.json");
    let find = |id: &str| {
        cases["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
            .clone()
    };
    let reason = |id: &str| -> String {
        let report = run(&find(id));
        let leaf = &report.paths[0].revocation[0];
        leaf.dropped
            .iter()
            .map(|d| d.reason.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert!(
        reason("bad-signature").contains("bad signature"),
        "{}",
        reason("bad-signature")
    );
    assert!(
        reason("expired-crl").contains("expired"),
        "{}",
        reason("expired-crl")
    );
    assert!(
        reason("idp-only-ca").contains("out of scope"),
        "{}",
        reason("idp-only-ca")
    );
    assert!(
        reason("dp-mismatch").contains("out of scope"),
        "{}",
        reason("dp-mismatch")
    );
    assert!(
        reason("delta-without-base").contains("delta CRL"),
        "{}",
        reason("delta-without-base")
    );
    assert!(
        reason("delegated-signer-missing").contains("wrong issuer")
            || reason("delegated-signer-missing").contains("bad signature"),
        "{}",
        reason("delegated-signer-missing")
    );
    // A delegated signer's own status counts (RFC 5280 6.3.3 (f)): revoked, undetermined, or
    // beyond the one level of CRL signer paths.
    let revoked = reason("delegated-signer-revoked");
    assert!(
        revoked.contains("no valid path") && revoked.contains("revoked"),
        "{revoked}"
    );
    let unknown = reason("delegated-signer-status-unknown");
    assert!(
        unknown.contains("revocation status undetermined"),
        "{unknown}"
    );
    // A CRL of attribute certificates is out of scope for a certificate (6.3.3 (b)(2)(iv)).
    let attribute = reason("idp-only-attribute");
    assert!(
        attribute.contains("out of scope: onlyContainsAttributeCerts"),
        "{attribute}"
    );
    // Deltas that cannot be combined with the complete CRL are set aside, saying why (5.2.4).
    let too_new = reason("delta-base-too-new");
    assert!(too_new.contains("base CRL number is greater"), "{too_new}");
    let not_newer = reason("delta-not-newer");
    assert!(
        not_newer.contains("not greater than the complete CRL"),
        "{not_newer}"
    );
    let depth = reason("delegated-signer-depth");
    assert!(depth.contains("1 level deep"), "{depth}");
    let circular = reason("key-rollover-circular");
    assert!(circular.contains("1 level deep"), "{circular}");
    // Another CA's CRL is reported as unused by the path, naming its issuer.
    let report = run(&find("wrong-issuer"));
    let unused = &report.paths[0].unused_crls;
    assert!(
        unused.iter().any(|d| d.issuer.contains("Stranger CA")),
        "{unused:?}"
    );
    // Reasons: what is missing is named.
    let report = run(&find("some-reasons"));
    let why = report.paths[0].revocation[0].why.clone().unwrap();
    assert!(why.contains("missing: affiliationChanged"), "{why}");
}

#[test]
fn policy_outputs_follow_6_1_6() {
    let cases = read_json("cases.json");
    let find = |id: &str| {
        cases["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
            .clone()
    };
    let report = run(&find("policy-mapped"));
    let path = &report.paths[0];
    assert_eq!(
        path.authorities_constrained_policies,
        Some(vec!["1.2.3.5".to_string()])
    );
    assert_eq!(path.valid_policies, Some(vec!["1.2.3.5".to_string()]));
    assert_eq!(
        path.valid_policy_tree,
        Some(vec![vec![
            "anyPolicy".to_string(),
            "1.2.3.4".to_string(),
            "1.2.3.5".to_string()
        ]])
    );
    // A user set the path does not meet, without explicit policy: valid, with an empty
    // user-constrained set and the authorities' set still shown.
    let report = run(&find("policy-user-set-miss-not-explicit"));
    assert!(report.valid);
    let path = &report.paths[0];
    assert_eq!(
        path.authorities_constrained_policies,
        Some(vec!["1.2.3.5".to_string()])
    );
    assert_eq!(path.valid_policies, None);
    // anyPolicy at the deepest level stands for each policy of the user's set (6.1.5 (g)(iii)
    // (4)).
    let mut any = find("any-policy");
    any["policy"] = serde_json::json!({
        "policies": ["1.2.3.7"], "explicit": true, "inhibit_mapping": false, "inhibit_any": false
    });
    let report = run(&any);
    assert!(report.valid, "{:?}", report.error);
    assert_eq!(
        report.paths[0].valid_policies,
        Some(vec!["1.2.3.7".to_string()])
    );
    assert_eq!(
        report.paths[0].authorities_constrained_policies,
        Some(vec!["anyPolicy".to_string()])
    );
}

#[test]
fn crl_signatures_and_entries_agree_with_python_cryptography() {
    // `cryptography` cannot validate a path with CRLs; what it can say of each CRL of the
    // corpus is compared: which certificates' keys verify its signature, and which serials of
    // the corpus it lists with what reason.
    let answers = read_json("cryptography.json");
    assert!(answers["version"]
        .as_str()
        .unwrap()
        .starts_with("cryptography "));
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let certs: Vec<(String, Cert)> = names
        .iter()
        .filter(|n| n.ends_with(".pem") && !n.ends_with(".crl.pem"))
        .map(|n| (n.clone(), cert(n)))
        .collect();
    let serials: Vec<String> = certs
        .iter()
        .map(|(_, c)| {
            certscope::cert::hex(c.x509().tbs_certificate().serial_number().as_bytes())
                .trim_start_matches('0')
                .to_string()
        })
        .collect();
    let crls: Vec<&String> = names.iter().filter(|n| n.ends_with(".crl.pem")).collect();
    assert_eq!(crls.len(), answers["answers"].as_object().unwrap().len());
    for name in crls {
        let answer = &answers["answers"][name.as_str()];
        let bytes = std::fs::read(dir().join(name)).unwrap();
        let der = chain::crl::read_crls(&bytes).unwrap().remove(0);
        let crl = chain::crl::Crl::from_der(&der).unwrap();
        let list = crl.list();
        let signers: Vec<&str> = certs
            .iter()
            .filter(|(_, c)| {
                certscope::signature::verify(
                    &list.signature_algorithm,
                    crl.tbs_der(),
                    &list.signature,
                    c.x509().tbs_certificate().subject_public_key_info(),
                )
                .is_ok()
            })
            .map(|(n, _)| n.as_str())
            .collect();
        assert_eq!(signers, strings(&answer["signers"]), "{name}: signers");
        let report = certscope::analyze(&bytes, &Default::default()).unwrap();
        let Some(certscope::report::ObjectReport::Crl(crl_report)) = report.objects.first() else {
            panic!("{name} is not reported as a CRL");
        };
        let entries: serde_json::Map<String, Value> = crl_report
            .revoked
            .iter()
            .map(|r| (r.serial.hex.trim_start_matches('0').to_string(), r))
            .filter(|(serial, _)| serials.contains(serial))
            .map(|(serial, r)| (serial, serde_json::to_value(&r.reason).unwrap()))
            .collect();
        assert_eq!(Value::Object(entries), answer["entries"], "{name}: entries");
    }
}

#[test]
fn times_before_1970_are_compared_as_written() {
    // RFC 5280 4.1.2.5.1: UTCTime 691231235959Z is 1969-12-31T23:59:59Z. The decoded form
    // holds 1970-01-01T00:00:00Z; validity is judged, and reported, from the time as written.
    let cases = read_json("cases.json");
    let mut case = cases["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "utc-1969-expired")
        .unwrap()
        .clone();
    let report = run(&case);
    let error = report.error.as_ref().unwrap().to_string();
    assert!(error.contains("notAfter 1969-12-31T23:59:59Z"), "{error}");
    let json = serde_json::to_value(&report.error).unwrap();
    assert_eq!(json["not_after"], -1, "{json}");
    // At the first second of 1970 the leaf is already expired.
    case["time"] = "1970-01-01T00:00:00Z".into();
    let report = run(&case);
    let leaf = report.paths[0]
        .checks
        .iter()
        .find(|c| c.name == "validity" && c.certificate == 0)
        .unwrap();
    assert!(!leaf.passed, "{leaf:?}");
    assert!(
        leaf.explanation.contains("1969-12-31T23:59:59Z"),
        "{leaf:?}"
    );
    // The 1950 chain shows its notBefore as written.
    let case = cases["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "utc-1950-chain")
        .unwrap()
        .clone();
    let report = run(&case);
    let explanations: Vec<&str> = report.paths[0]
        .checks
        .iter()
        .filter(|c| c.name == "validity")
        .map(|c| c.explanation.as_str())
        .collect();
    assert_eq!(
        explanations
            .iter()
            .filter(|e| e.starts_with("valid from 1950-01-01T00:00:00Z"))
            .count(),
        2,
        "{explanations:?}"
    );
}
