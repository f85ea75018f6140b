//! `certscope verify` with CRLs and policy inputs, on the corpus of
//! `tests/data/revocation/generate.py`: revocation fails closed and names what was missing,
//! the policy options reach the core and the report shows the 6.1.6 policy sets; the exit
//! status is the same in text and JSON mode.

mod common;

use common::{certscope, data};

const AT: &str = "2026-06-01T00:00:00Z";

fn path(name: &str) -> String {
    data(&format!("revocation/{name}"))
        .to_string_lossy()
        .into_owned()
}

fn run(extra: &[&str], target: &str) -> (Option<i32>, String, Option<i32>, serde_json::Value) {
    let (root, target) = (path("root.pem"), path(target));
    let mut args: Vec<&str> = vec![
        "verify",
        "--roots",
        &root,
        "--profile",
        "rfc5280",
        "--purpose",
        "any",
        "--at",
        AT,
    ];
    args.extend_from_slice(extra);
    args.push(&target);
    let text = certscope(&args);
    args.insert(1, "--json");
    let json = certscope(&args);
    let value = serde_json::from_slice(&json.stdout).unwrap_or(serde_json::Value::Null);
    (
        text.status.code(),
        String::from_utf8_lossy(&text.stdout).into_owned(),
        json.status.code(),
        value,
    )
}

#[test]
fn revocation_fails_closed_and_names_what_is_missing() {
    let (inter, root_crl, partial) = (
        path("intermediate.pem"),
        path("root.crl.pem"),
        path("some-reasons.crl.pem"),
    );
    let (code, text, json_code, json) = run(
        &["--untrusted", &inter, "--crl", &root_crl, "--crl", &partial],
        "leaf.pem",
    );
    assert_eq!(code, Some(1), "{text}");
    assert_eq!(json_code, Some(1));
    assert!(text.contains("revocation of [0]: undetermined"), "{text}");
    assert!(text.contains("missing: affiliationChanged"), "{text}");
    assert!(text.contains("revocation of [1]: good"), "{text}");
    assert_eq!(json["error"]["kind"], "revocation_undetermined");
    assert_eq!(json["paths"][0]["revocation"][0]["status"], "undetermined");

    let revoked = path("revokes-leaf.crl.pem");
    let (code, text, _, json) = run(
        &["--untrusted", &inter, "--crl", &root_crl, "--crl", &revoked],
        "leaf.pem",
    );
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("revoked (keyCompromise, 2025-06-01T00:00:00Z)"),
        "{text}"
    );
    assert_eq!(json["paths"][0]["revocation"][0]["reason"], "keyCompromise");

    let good = path("empty.crl.pem");
    let (code, text, json_code, _) = run(
        &["--untrusted", &inter, "--crl", &root_crl, "--crl", &good],
        "leaf.pem",
    );
    assert_eq!((code, json_code), (Some(0), Some(0)), "{text}");
    assert!(
        text.contains("every certificate below the anchor is good"),
        "{text}"
    );

    // Asked for without any CRL: every status is undetermined.
    let (code, text, _, _) = run(&["--untrusted", &inter, "--require-revocation"], "leaf.pem");
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("revocation of [0]: undetermined"), "{text}");
}

#[test]
fn policy_inputs_reach_the_validation() {
    let inter = path("policy-intermediate.pem");
    let (code, text, json_code, json) = run(
        &[
            "--untrusted",
            &inter,
            "--policy",
            "1.2.3.4",
            "--explicit-policy",
        ],
        "policy-leaf.pem",
    );
    assert_eq!((code, json_code), (Some(0), Some(0)), "{text}");
    assert!(
        text.contains("policies: authorities-constrained 1.2.3.5; user-constrained 1.2.3.5"),
        "{text}"
    );
    assert_eq!(
        json["paths"][0]["authorities_constrained_policies"],
        serde_json::json!(["1.2.3.5"])
    );
    // The valid policy tree: 1.2.3.4 asserted by the intermediate, mapped to 1.2.3.5.
    assert!(
        text.contains("policy tree: anyPolicy -> 1.2.3.4 -> 1.2.3.5"),
        "{text}"
    );
    assert_eq!(
        json["paths"][0]["valid_policy_tree"],
        serde_json::json!([["anyPolicy", "1.2.3.4", "1.2.3.5"]])
    );
    let (code, text, json_code, json) = run(
        &[
            "--untrusted",
            &inter,
            "--policy",
            "1.2.3.9",
            "--explicit-policy",
        ],
        "policy-leaf.pem",
    );
    assert_eq!((code, json_code), (Some(1), Some(1)), "{text}");
    assert_eq!(json["error"]["kind"], "policy");
    let (code, text, _, _) = run(
        &[
            "--untrusted",
            &inter,
            "--inhibit-policy-mapping",
            "--explicit-policy",
        ],
        "policy-leaf.pem",
    );
    assert_eq!(code, Some(1), "{text}");
    let any = path("any-intermediate.pem");
    let (code, text, _, _) = run(
        &[
            "--untrusted",
            &any,
            "--inhibit-any-policy",
            "--explicit-policy",
        ],
        "any-leaf.pem",
    );
    assert_eq!(code, Some(1), "{text}");
    let (code, text, _, _) = run(&["--untrusted", &any, "--explicit-policy"], "any-leaf.pem");
    assert_eq!(code, Some(0), "{text}");
    // A policy that is not an OID is a usage error.
    let (code, _, json_code, _) = run(&["--policy", "gold"], "leaf.pem");
    assert_eq!((code, json_code), (Some(2), Some(2)));
}
