//! The JavaScript contract, exercised from wasm: the same suite runs under Node and in
//! headless Chromium (`WASM_BINDGEN_USE_BROWSER=1`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use certscope_wasm::{analyze, schema_version, summarize, verify};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const LEAF: &str = include_str!("../../tests/data/doc/leaf.pem");

fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, key| {
        js_sys::Reflect::get(&v, &JsValue::from_str(key)).unwrap()
    })
}

fn options(at: &str) -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"at".into(), &at.into()).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn analyzes_pem_text_into_a_plain_object() {
    let report = analyze(LEAF.into(), options("2030-01-01T00:00:00Z")).unwrap();
    assert_eq!(
        get(&report, &["schema_version"]).as_f64(),
        Some(f64::from(schema_version()))
    );
    let objects: js_sys::Array = get(&report, &["objects"]).dyn_into().unwrap();
    assert_eq!(objects.length(), 1);
    let cert = objects.get(0);
    assert_eq!(
        get(&cert, &["kind"]).as_string().as_deref(),
        Some("certificate")
    );
    assert_eq!(
        get(&cert, &["subject", "rfc4514"]).as_string().as_deref(),
        Some("CN=leaf.example.com")
    );
    let sha256 = get(&cert, &["fingerprints", "sha256"]).as_string().unwrap();
    assert_eq!(sha256.len(), 64);
    // json_compatible: absent values are null, not undefined, and the object survives JSON.
    let json = js_sys::JSON::stringify(&report)
        .unwrap()
        .as_string()
        .unwrap();
    assert!(json.contains(&sha256));
}

#[wasm_bindgen_test]
fn accepts_bytes_and_array_buffers() {
    let bytes = js_sys::Uint8Array::from(LEAF.as_bytes());
    let from_bytes = analyze(bytes.clone().into(), JsValue::UNDEFINED).unwrap();
    let from_buffer = analyze(bytes.buffer().into(), JsValue::UNDEFINED).unwrap();
    let fp = |r: &JsValue| {
        let objects: js_sys::Array = get(r, &["objects"]).dyn_into().unwrap();
        get(&objects.get(0), &["fingerprints", "sha256"]).as_string()
    };
    assert!(fp(&from_bytes).is_some());
    assert_eq!(fp(&from_bytes), fp(&from_buffer));
}

#[wasm_bindgen_test]
fn garbage_is_reported_not_thrown() {
    let report = analyze("this is not a certificate".into(), JsValue::UNDEFINED).unwrap();
    let problems: js_sys::Array = get(&report, &["problems"]).dyn_into().unwrap();
    assert_eq!(problems.length(), 1);
    let message = get(&problems.get(0), &["error", "problem"])
        .as_string()
        .unwrap();
    assert!(message.contains("found no PEM block"), "{message}");
}

#[wasm_bindgen_test]
fn bad_arguments_become_js_errors() {
    let err = analyze(JsValue::from_f64(42.0), JsValue::UNDEFINED).unwrap_err();
    let err: JsValue = err.into();
    let message = get(&err, &["message"]).as_string().unwrap();
    assert!(message.contains("must be a string"), "{message}");
    let err: JsValue = analyze(LEAF.into(), options("tomorrow"))
        .unwrap_err()
        .into();
    assert!(get(&err, &["message"])
        .as_string()
        .unwrap()
        .contains("RFC 3339"));
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    js_sys::Reflect::set(object, &key.into(), value).unwrap();
}

#[wasm_bindgen_test]
fn analyze_opens_pkcs12_with_the_password_given() {
    let p12 = js_sys::Uint8Array::from(&include_bytes!("../../tests/data/input/modern.p12")[..]);
    let kinds = |report: &JsValue, list: &str, key: &str| -> Vec<String> {
        let items: js_sys::Array = get(report, &[list]).dyn_into().unwrap();
        items
            .iter()
            .map(|item| get(&item, &[key]).as_string().unwrap())
            .collect()
    };
    let locked = analyze(p12.clone().into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(kinds(&locked, "problems", "kind"), ["password_required"]);
    let with = |password: &str| {
        let o = js_sys::Object::new();
        set(&o, "password", &password.into());
        analyze(p12.clone().into(), o.into()).unwrap()
    };
    assert_eq!(
        kinds(&with("wrong"), "problems", "kind"),
        ["wrong_password"]
    );
    let opened = with("fixture");
    assert!(kinds(&opened, "problems", "kind").is_empty());
    assert_eq!(
        kinds(&opened, "objects", "kind"),
        ["certificate", "certificate", "private_key"]
    );
}

#[wasm_bindgen_test]
fn verify_names_the_store_of_each_anchor() {
    const CHAIN: &str = include_str!("../../tests/data/chain/base-chain.pem");
    const ROOT: &str = include_str!("../../tests/data/chain/base-root.pem");
    let o = js_sys::Object::new();
    set(&o, "at", &"2026-06-01T00:00:00Z".into());
    set(&o, "host", &"leaf.example.com".into());
    set(&o, "extra_anchors", &ROOT.into());
    set(&o, "extra_anchors_label", &"a test store".into());
    let result = verify(CHAIN.into(), o.into()).unwrap();
    assert_eq!(get(&result, &["valid"]).as_bool(), Some(true));
    assert_eq!(
        get(&result, &["anchored_by"]).as_string().as_deref(),
        Some("a test store")
    );
    let stores: js_sys::Array = get(&result, &["anchor_stores"]).dyn_into().unwrap();
    let stores: Vec<Option<String>> = stores.iter().map(|s| s.as_string()).collect();
    assert_eq!(stores, [None, None, Some("a test store".to_owned())]);

    // The same root marked as trusted among the inputs is a trusted input.
    let o = js_sys::Object::new();
    set(&o, "at", &"2026-06-01T00:00:00Z".into());
    set(&o, "trusted", &js_sys::Array::of1(&2.into()).into());
    let inputs = js_sys::Array::of2(&CHAIN.into(), &ROOT.into());
    let result = verify(inputs.into(), o.into()).unwrap();
    assert_eq!(get(&result, &["valid"]).as_bool(), Some(true));
    assert_eq!(
        get(&result, &["anchored_by"]).as_string().as_deref(),
        Some("trusted inputs")
    );
}

#[wasm_bindgen_test]
fn verify_takes_the_policy_inputs_and_fails_closed_on_revocation() {
    const LEAF: &str = include_str!("../../tests/data/revocation/policy-leaf.pem");
    const CA: &str = include_str!("../../tests/data/revocation/policy-intermediate.pem");
    const ROOT: &str = include_str!("../../tests/data/revocation/root.pem");
    const ANY_LEAF: &str = include_str!("../../tests/data/revocation/any-leaf.pem");
    const ANY_CA: &str = include_str!("../../tests/data/revocation/any-intermediate.pem");
    // `flags`: the boolean policy inputs set to true.
    let run_chain = |leaf: &str, ca: &str, policy: Option<&str>, flags: &[&str]| {
        let o = js_sys::Object::new();
        set(&o, "at", &"2026-06-01T00:00:00Z".into());
        set(&o, "purpose", &"any".into());
        set(&o, "profile", &"rfc5280".into());
        set(&o, "extra_anchors", &ROOT.into());
        if let Some(policy) = policy {
            set(&o, "policies", &js_sys::Array::of1(&policy.into()).into());
        }
        for flag in flags {
            set(&o, flag, &true.into());
        }
        verify(
            js_sys::Array::of2(&leaf.into(), &ca.into()).into(),
            o.into(),
        )
        .unwrap()
    };
    let run = |policy: &str, explicit: bool| {
        let flags: &[&str] = if explicit { &["explicit_policy"] } else { &[] };
        run_chain(LEAF, CA, Some(policy), flags)
    };
    let result = run("1.2.3.4", true);
    assert_eq!(get(&result, &["valid"]).as_bool(), Some(true));
    let path = js_sys::Array::from(&get(&result, &["paths"])).get(0);
    let sets = |key: &str| -> Vec<Option<String>> {
        js_sys::Array::from(&get(&path, &[key]))
            .iter()
            .map(|v| v.as_string())
            .collect()
    };
    assert_eq!(
        sets("authorities_constrained_policies"),
        [Some("1.2.3.5".to_owned())]
    );
    assert_eq!(sets("valid_policies"), [Some("1.2.3.5".to_owned())]);
    // The valid policy tree (RFC 5280 6.1.6): one branch, 1.2.3.4 mapped to 1.2.3.5.
    let tree = js_sys::Array::from(&get(&path, &["valid_policy_tree"]));
    let branch: Vec<Option<String>> = js_sys::Array::from(&tree.get(0))
        .iter()
        .map(|v| v.as_string())
        .collect();
    assert_eq!(tree.length(), 1);
    assert_eq!(
        branch,
        ["anyPolicy", "1.2.3.4", "1.2.3.5"].map(|p| Some(p.to_owned()))
    );
    let result = run("1.2.3.9", true);
    assert_eq!(get(&result, &["valid"]).as_bool(), Some(false));
    assert_eq!(
        get(&result, &["error", "kind"]).as_string().as_deref(),
        Some("policy")
    );
    // initial-policy-mapping-inhibit: 1.2.3.4 is deleted, nothing is valid (6.1.4 (b)(2)).
    let result = run_chain(
        LEAF,
        CA,
        None,
        &["explicit_policy", "inhibit_policy_mapping"],
    );
    assert_eq!(
        get(&result, &["error", "kind"]).as_string().as_deref(),
        Some("policy")
    );
    // initial-any-policy-inhibit on a path asserting only anyPolicy: the tree empties (6.1.3
    // (d)(2)); without it, the path is valid with anyPolicy as the authorities' set.
    let result = run_chain(ANY_LEAF, ANY_CA, None, &["explicit_policy"]);
    assert_eq!(get(&result, &["valid"]).as_bool(), Some(true));
    let result = run_chain(
        ANY_LEAF,
        ANY_CA,
        None,
        &["explicit_policy", "inhibit_any_policy"],
    );
    assert_eq!(
        get(&result, &["error", "kind"]).as_string().as_deref(),
        Some("policy")
    );

    // Revocation asked for without a CRL: undetermined, and the chain fails.
    let o = js_sys::Object::new();
    set(&o, "at", &"2026-06-01T00:00:00Z".into());
    set(&o, "purpose", &"any".into());
    set(&o, "extra_anchors", &ROOT.into());
    set(&o, "require_revocation", &true.into());
    let result = verify(
        js_sys::Array::of2(&LEAF.into(), &CA.into()).into(),
        o.into(),
    )
    .unwrap();
    assert_eq!(
        get(&result, &["error", "kind"]).as_string().as_deref(),
        Some("revocation_undetermined")
    );
}

#[wasm_bindgen_test]
fn verify_takes_the_profile_and_names_it() {
    // `openssl req -x509` with OpenSSL's defaults (cA TRUE), pinned as its own anchor.
    const DEVICE: &str = include_str!("../../tests/data/profiles/self-signed-device.pem");
    let run = |profile: Option<&str>, public: bool| {
        let o = js_sys::Object::new();
        set(&o, "at", &"2027-01-01T00:00:00Z".into());
        set(&o, "purpose", &"client".into());
        set(&o, "extra_anchors", &DEVICE.into());
        set(&o, "extra_anchors_public", &public.into());
        if let Some(profile) = profile {
            set(&o, "profile", &profile.into());
        }
        verify(DEVICE.into(), o.into()).unwrap()
    };
    let text = |value: &JsValue, path: &[&str]| get(value, path).as_string().unwrap_or_default();
    // The default on a private anchor: the common TLS stacks' verdict, named with its reason,
    // and the stacks that refuse.
    let result = run(None, false);
    assert_eq!(get(&result, &["valid"]).as_bool(), Some(true));
    assert_eq!(text(&result, &["profile"]), "tls");
    assert!(text(&result, &["profile_because"]).contains("no public store"));
    let stacks: js_sys::Array = get(&result, &["stacks"]).dyn_into().unwrap();
    let rustls = stacks
        .iter()
        .find(|s| text(s, &["stack"]) == "rustls (webpki)")
        .unwrap();
    assert_eq!(get(&rustls, &["accepts"]).as_bool(), Some(false));
    // The same anchor as a root of a public store: the Web PKI's rules decide.
    let result = run(None, true);
    assert_eq!(get(&result, &["valid"]).as_bool(), Some(false));
    assert_eq!(text(&result, &["profile"]), "webpki");
    assert!(text(&result, &["profile_because"]).contains("public store"));
    // Asked for by name.
    let result = run(Some("webpki"), false);
    assert_eq!(text(&result, &["profile"]), "webpki");
    assert_eq!(text(&result, &["profile_because"]), "asked for");
    let o = js_sys::Object::new();
    set(&o, "profile", &"browser".into());
    assert!(verify(DEVICE.into(), o.into()).is_err());
}

#[wasm_bindgen_test]
fn summarizes_pem_and_der_alike_and_matches_the_report() {
    let from_pem: js_sys::Array = summarize(LEAF.into()).unwrap().dyn_into().unwrap();
    assert_eq!(from_pem.length(), 1);
    let summary = from_pem.get(0);
    let report = analyze(LEAF.into(), options("2030-01-01T00:00:00Z")).unwrap();
    let cert = js_sys::Array::from(&get(&report, &["objects"])).get(0);
    assert_eq!(
        get(&summary, &["subject"]).as_string(),
        get(&cert, &["subject", "rfc4514"]).as_string()
    );
    assert_eq!(
        get(&summary, &["not_after"]).as_string(),
        get(&cert, &["validity", "not_after"]).as_string()
    );
    let parsed =
        certscope::parse_input(LEAF.as_bytes(), &certscope::InputOptions::default()).unwrap();
    let der = parsed.certificates().next().unwrap().der().to_vec();
    let from_der: js_sys::Array = summarize(js_sys::Uint8Array::from(der.as_slice()).into())
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&from_der.get(0)).unwrap(),
        js_sys::JSON::stringify(&summary).unwrap()
    );
    assert!(summarize("no certificate here".into()).is_err());
}
