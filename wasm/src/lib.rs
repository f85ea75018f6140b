//! certscope-wasm: the JavaScript boundary of certscope.
//!
//! Each export decodes its input, makes one call into the `certscope` core, and returns the
//! core's report serialised as a plain JSON-compatible object (snake_case keys, `null` for
//! absent values). Errors become JavaScript `Error`s through one mapper. No verdict is
//! computed here.

use certscope::time::UnixTime;
use certscope::{AnalyzeOptions, InputOptions};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_OPTIONS: &'static str = r#"
/** Options for `analyze`. Every field is optional. */
export interface AnalyzeOptions {
  /** Analysis time as RFC 3339 UTC (`2026-01-31T12:00:00Z`); default: the current time. */
  at?: string | null;
}
"#;

/// Options as JavaScript passes them.
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct JsAnalyzeOptions {
    at: Option<String>,
}

/// The one error mapper: every failure crosses the boundary as a JavaScript `Error` whose
/// message is the core's explanation.
fn js_error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&message.to_string())
}

/// Reads the input as bytes: a string (UTF-8 text), a `Uint8Array` or an `ArrayBuffer`.
fn input_bytes(input: &JsValue) -> Result<Vec<u8>, JsError> {
    if let Some(text) = input.as_string() {
        return Ok(text.into_bytes());
    }
    if let Some(array) = input.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(array.to_vec());
    }
    if let Some(buffer) = input.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(buffer).to_vec());
    }
    Err(js_error(
        "input must be a string, a Uint8Array or an ArrayBuffer",
    ))
}

fn now() -> UnixTime {
    let millis = js_sys::Date::now();
    // Date.now() is a whole number of milliseconds since 1970; clamp anything else.
    let seconds = if millis.is_finite() && millis > 0.0 {
        (millis / 1000.0).floor()
    } else {
        0.0
    };
    UnixTime(format!("{seconds:.0}").parse().unwrap_or(0))
}

fn options(options: JsValue) -> Result<AnalyzeOptions, JsError> {
    let js: JsAnalyzeOptions = if options.is_undefined() || options.is_null() {
        JsAnalyzeOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(js_error)?
    };
    let time = match js.at.as_deref() {
        Some(text) => UnixTime::parse_rfc3339(text).ok_or_else(|| {
            js_error(format!(
                "options.at: \"{text}\" is not an RFC 3339 UTC time"
            ))
        })?,
        None => now(),
    };
    Ok(AnalyzeOptions {
        time: Some(time),
        input: InputOptions::default(),
    })
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(js_error)
}

/// Finds and analyses every object in `input` (PEM, DER, base64 or hex).
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn analyze(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options_value: JsValue,
) -> Result<JsValue, JsError> {
    let bytes = input_bytes(&input)?;
    let options = options(options_value)?;
    let report = certscope::analyze(&bytes, &options).map_err(js_error)?;
    to_js(&report)
}

/// The report schema version this module produces.
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> u32 {
    certscope::report::SCHEMA_VERSION
}

/// The certscope version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[wasm_bindgen(typescript_custom_section)]
const TS_ASN1: &'static str = r#"
/** One DER element of an object's ASN.1 tree. */
export interface Asn1Node {
  offset: number;
  header_length: number;
  length: number;
  class: 'universal' | 'application' | 'context' | 'private';
  tag_number: number;
  constructed: boolean;
  tag_name: string;
  field: string | null;
  value: string | null;
  encapsulates: boolean;
  children: Asn1Node[];
}
/** The DER of one object and its element tree. */
export interface Asn1View {
  index: number;
  kind: string;
  der_hex: string;
  tree: Asn1Node;
}
"#;

/// The DER of the object at `index` in the input and its ASN.1 element tree, for the page's
/// ASN.1 and hex views and for exports. Private keys are never returned.
#[wasm_bindgen(unchecked_return_type = "Asn1View")]
pub fn asn1(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    index: u32,
) -> Result<JsValue, JsError> {
    let bytes = input_bytes(&input)?;
    let view = certscope::report::asn1_view(
        &bytes,
        &InputOptions::default(),
        usize::try_from(index).unwrap_or(usize::MAX),
    )
    .map_err(js_error)?;
    to_js(&view)
}
