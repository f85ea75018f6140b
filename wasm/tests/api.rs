//! The JavaScript contract, exercised from wasm: the same suite runs under Node and in
//! headless Chromium (`WASM_BINDGEN_USE_BROWSER=1`).

use certscope_wasm::{analyze, schema_version};
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
