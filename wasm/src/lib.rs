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

// The report's types, generated from the JSON Schemas (`schema/`) by `cargo xtask generate`
// (`xtask/`); the core's `tests/report_schema.rs` checks the schemas against real reports.
#[wasm_bindgen(typescript_custom_section)]
const TS_REPORT: &'static str = include_str!("report.d.ts");

// The types of this module's inputs, options and results; the npm package re-exports them.
#[wasm_bindgen(typescript_custom_section)]
const TS_OPTIONS: &'static str = r#"
/** Input of every function: text (PEM, base64, hex) or bytes (DER, PKCS#7, PKCS#12...). */
export type Input = string | Uint8Array | ArrayBuffer;
/** Options for `analyze`. Every field is optional. */
export interface AnalyzeOptions {
  /** Analysis time as RFC 3339 UTC (`2026-01-31T12:00:00Z`); default: the current time. */
  at?: string | null;
  /** Password for PKCS#12 files and encrypted private keys (used for this call only). */
  password?: string | null;
}
"#;

/// Options as JavaScript passes them.
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct JsAnalyzeOptions {
    at: Option<String>,
    password: Option<String>,
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
    // Date.now() is a whole number of milliseconds since 1970. A float-to-integer `as` saturates
    // (NaN and negatives become 0, infinity u64::MAX), which is the clamping wanted here; going
    // through a decimal string instead would link the float formatter into the module.
    #[allow(clippy::as_conversions)]
    let seconds = (js_sys::Date::now() / 1000.0).floor() as u64;
    UnixTime(seconds)
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
        input: input_options(js.password),
    })
}

/// A result as plain JavaScript objects (`null` for `None`, numbers, no `Map`s): serialised to
/// JSON text in Rust and parsed by the engine's `JSON.parse`. Measured against
/// serde-wasm-bindgen's serializer on 180 corpus certificates: the same objects, the same
/// speed, and a module 3 KB (gzipped) smaller.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(js_error)?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("the report is not valid JSON"))
}

/// Finds and analyses every object in `input` (PEM, DER, base64 or hex).
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn analyze(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options_value: JsValue,
) -> Result<JsValue, JsError> {
    let bytes = input_bytes(&input)?;
    let options = options(options_value)?;
    let report = certscope::analyze(&bytes, &options).map_err(js_error)?;
    to_js(&report)
}

#[wasm_bindgen(typescript_custom_section)]
const TS_SUMMARY: &'static str = r#"
/** A certificate's essentials, read straight from the decode (no hashing, signature checks,
 * roles or lints); the same texts as the report's fields of the same names. */
export interface Summary {
  subject: string;
  issuer: string;
  serial_hex: string;
  /** RFC 3339 UTC. */
  not_before: string;
  /** RFC 3339 UTC. */
  not_after: string;
  /** `RSA`, `EC`, `Ed25519`, ... as in the report's `public_key.algorithm`. */
  key_algorithm: string;
  key_bits: number | null;
  /** `P-256`, ... for EC keys. */
  curve: string | null;
  signature_algorithm: string;
  /** `DNS:example.com`, `IP Address:192.0.2.1`, `email:...`, `URI:...`, in order. */
  subject_alt_names: string[];
  /** Purpose names (`serverAuth`); `null` when the extension is absent (any purpose). */
  extended_key_usage: string[] | null;
  is_ca: boolean;
  /** Extensions of the summary whose value does not decode; `analyze` says why. */
  unreadable_extensions: string[];
}
"#;

/// The [`certscope::Summary`] of every certificate in `input`: one DER certificate is read
/// directly; anything else (PEM, base64, PKCS#7...) goes through the input parser first. An
/// input holding no certificate is an error that says why.
#[wasm_bindgen(unchecked_return_type = "Summary[]")]
pub fn summarize(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: JsValue,
) -> Result<JsValue, JsError> {
    let bytes = input_bytes(&input)?;
    let summaries = match certscope::summarize(&bytes) {
        Ok(summary) => vec![summary],
        Err(as_der) => {
            let parsed =
                certscope::parse_input(&bytes, &InputOptions::default()).map_err(js_error)?;
            let summaries: Vec<_> = parsed.certificates().map(certscope::Summary::of).collect();
            if summaries.is_empty() {
                // Nothing to summarise: say why, with the parser's own finding when it has one.
                return Err(match parsed.problems.first() {
                    Some(problem) => js_error(format!("no certificate in the input: {problem}")),
                    None if bytes.first() == Some(&0x30) => js_error(as_der),
                    None => js_error("no certificate in the input"),
                });
            }
            summaries
        }
    };
    to_js(&summaries)
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
  kind: 'certificate' | 'csr' | 'crl' | 'public_key';
  der_hex: string;
  tree: Asn1Node;
}
"#;

/// The DER of the object at `index` in the input and its ASN.1 element tree, for the page's
/// ASN.1 and hex views and for exports. Private keys are never returned.
#[wasm_bindgen(unchecked_return_type = "Asn1View")]
pub fn asn1(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: JsValue,
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

#[wasm_bindgen(typescript_custom_section)]
const TS_VERIFY: &'static str = r#"
/** Options for `verify`. Indices count the objects of all inputs together, in order. */
export interface VerifyOptions {
  /** Validation time as RFC 3339 UTC; default: the current time. */
  at?: string | null;
  /** Index of the certificate to validate; default: the first certificate. */
  target?: number | null;
  /** Indices of the certificates to use as trust anchors. */
  trusted?: number[];
  /** More anchors: PEM or DER text, e.g. a root store file. */
  extra_anchors?: string | null;
  /** A label for `extra_anchors`, e.g. "webpki-root-certs 1.0.11"; the result names the store
   * of each anchor with it (`anchor_stores`, `anchored_by`). */
  extra_anchors_label?: string | null;
  /** server (default), client, codesign, email, timestamp, ocsp, any, or an EKU OID. */
  purpose?: string | null;
  /** Host name or IP address the server certificate must be valid for. */
  host?: string | null;
  /** Identities a client certificate must carry: email addresses or URIs. */
  identities?: string[];
  /** chain (default: EKU on intermediates constrains the leaf) or leaf. */
  eku_policy?: 'chain' | 'leaf' | null;
  /** webpki (default), rfc5280 or openssl (OpenSSL 3.0 `openssl verify`). */
  profile?: 'webpki' | 'rfc5280' | 'openssl' | null;
  /** Most intermediates in a path. */
  max_intermediates?: number | null;
  /** Accept SHA-1 signatures (the Web PKI does not). */
  allow_sha1?: boolean;
  /** The initial policy set (RFC 5280 6.1.1 (c)) as dotted OIDs; empty: anyPolicy. */
  policies?: string[];
  /** initial-explicit-policy: a valid policy of the initial set is required. */
  explicit_policy?: boolean;
  /** initial-policy-mapping-inhibit: policy mapping is not allowed. */
  inhibit_policy_mapping?: boolean;
  /** initial-any-policy-inhibit: anyPolicy in certificates is not processed. */
  inhibit_any_policy?: boolean;
  /** Check revocation even without CRLs among the inputs: every status is then
   * undetermined and the chain fails. With CRLs, an undetermined status always fails. */
  require_revocation?: boolean;
  /** Password for PKCS#12 inputs. */
  password?: string | null;
}
/** The result of `verify`: the chain report, and what the page shows beside it. */
export type ChainResult = ChainReport & {
  /** The verdict's explanation in words, when the chain is not valid. */
  explanation: string | null;
  /** The label of `extra_anchors`, when given. */
  extra_anchors: string | null;
  /** For each entry of `certificates`: the trust store an anchor belongs to ('trusted inputs',
   * or the `extra_anchors` label); null for the target and untrusted certificates. */
  anchor_stores: Array<string | null>;
  /** The trust store of the chosen path's anchor, when a path was chosen. */
  anchored_by: string | null;
};
/** Options for `lint`. */
export interface LintOptions {
  /** Lint time as RFC 3339 UTC; default: the current time. */
  at?: string | null;
  /** Force one rule set; default (or `auto`): chosen from each certificate's role. */
  rule_set?: 'auto' | 'rfc5280' | 'tls-br' | 'smime-br' | 'code-signing-br' | 'device' | null;
  /** Also list the lints that do not apply, as not_applicable. */
  include_not_applicable?: boolean;
  /** Password for PKCS#12 inputs. */
  password?: string | null;
  /** What the certificate's chain is known to end at: `public` (a publicly trusted root, so
   * Baseline Requirements findings are errors) or `private`; default: unknown, and Baseline
   * Requirements chosen from the role alone report `advice`. */
  hierarchy?: 'public' | 'private' | null;
}
/** The lint findings of one certificate of the input (`index` counts all its objects). */
export interface LintResult {
  index: number;
  /** The certificate's subject, RFC 4514. */
  subject: string;
  findings: Finding[];
}
"#;

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct JsVerifyOptions {
    at: Option<String>,
    target: Option<u32>,
    trusted: Vec<u32>,
    extra_anchors: Option<String>,
    extra_anchors_label: Option<String>,
    purpose: Option<String>,
    host: Option<String>,
    identities: Vec<String>,
    eku_policy: Option<String>,
    profile: Option<String>,
    max_intermediates: Option<u32>,
    allow_sha1: bool,
    policies: Vec<String>,
    explicit_policy: bool,
    inhibit_policy_mapping: bool,
    inhibit_any_policy: bool,
    require_revocation: bool,
    password: Option<String>,
}

/// The chain report with what the page shows beside it.
#[derive(Serialize)]
struct VerifyResult {
    #[serde(flatten)]
    report: certscope::chain::ChainReport,
    /// The verdict's explanation in words, when the chain is not valid.
    explanation: Option<String>,
    /// Where `extra_anchors` came from, when given.
    extra_anchors: Option<String>,
    /// For each entry of `certificates`: the trust store an anchor belongs to (`trusted
    /// inputs`, or the `extra_anchors` label); `null` for the target and untrusted
    /// certificates.
    anchor_stores: Vec<Option<String>>,
    /// The trust store of the chosen path's anchor, when a path was chosen.
    anchored_by: Option<String>,
}

/// What the page calls the anchors the caller marked among the inputs.
const TRUSTED_INPUTS: &str = "trusted inputs";

fn time_option(at: Option<&str>) -> Result<UnixTime, JsError> {
    match at {
        Some(text) => UnixTime::parse_rfc3339(text)
            .ok_or_else(|| js_error(format!("\"{text}\" is not an RFC 3339 UTC time"))),
        None => Ok(now()),
    }
}

fn input_options(password: Option<String>) -> InputOptions {
    InputOptions {
        password: password.map(certscope::Password::from),
        ..InputOptions::default()
    }
}

/// Certificates with their object number across all inputs.
type NumberedCertificates = Vec<(usize, certscope::Cert)>;

/// Reads one input or an array of inputs into their certificates and CRL bytes, numbered as
/// the objects of all inputs together.
fn collect_inputs(
    inputs: &JsValue,
    options: &InputOptions,
) -> Result<(NumberedCertificates, Vec<Vec<u8>>), JsError> {
    let list: Vec<JsValue> = if js_sys::Array::is_array(inputs) {
        js_sys::Array::from(inputs).iter().collect()
    } else {
        vec![inputs.clone()]
    };
    let mut certificates = Vec::new();
    let mut crls = Vec::new();
    let mut offset = 0usize;
    for (position, input) in list.iter().enumerate() {
        let bytes = input_bytes(input)?;
        let parsed = certscope::parse_input(&bytes, options)
            .map_err(|e| js_error(format!("input #{}: {e}", position + 1)))?;
        let count = parsed.objects.len();
        // The parse is not kept: its certificates are moved out, not copied.
        for (index, found) in parsed.objects.into_iter().enumerate() {
            match found.object {
                certscope::input::Object::Certificate(cert) => {
                    certificates.push((offset + index, *cert))
                }
                certscope::input::Object::Crl(crl) => crls.push(crl.der().to_vec()),
                _ => {}
            }
        }
        offset += count;
    }
    Ok((certificates, crls))
}

/// Builds and validates the chain of one certificate among the inputs (a string, bytes, or an
/// array of them), for a purpose, at a time, against the anchors the caller marks as trusted.
#[wasm_bindgen(unchecked_return_type = "ChainResult")]
pub fn verify(
    #[wasm_bindgen(unchecked_param_type = "Input | Input[]")] inputs: JsValue,
    #[wasm_bindgen(unchecked_param_type = "VerifyOptions | undefined")] options_value: JsValue,
) -> Result<JsValue, JsError> {
    use certscope::chain::{self, EkuPolicy, ExpectedName, Profile, Purpose, VerifyOptions};
    let js: JsVerifyOptions = if options_value.is_undefined() || options_value.is_null() {
        JsVerifyOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options_value).map_err(js_error)?
    };
    let input_options = input_options(js.password.clone());
    let (certificates, crls) = collect_inputs(&inputs, &input_options)?;
    let target_index = match js.target {
        Some(index) => usize::try_from(index).unwrap_or(usize::MAX),
        None => certificates
            .first()
            .map(|(index, _)| *index)
            .ok_or_else(|| js_error("the inputs hold no certificate to verify"))?,
    };
    let trusted: Vec<usize> = js
        .trusted
        .iter()
        .map(|&i| usize::try_from(i).unwrap_or(usize::MAX))
        .collect();
    let mut target = None;
    let mut untrusted = Vec::new();
    let mut anchors = Vec::new();
    for (index, cert) in certificates {
        if index == target_index {
            // A target the caller also trusts is both: a pinned identity.
            if trusted.contains(&index) {
                anchors.push(cert.clone());
            }
            target = Some(cert);
        } else if trusted.contains(&index) {
            anchors.push(cert);
        } else {
            untrusted.push(cert);
        }
    }
    let target = target
        .ok_or_else(|| js_error(format!("object #{} is not a certificate", target_index + 1)))?;
    let trusted_anchors = anchors.len();
    if let Some(text) = &js.extra_anchors {
        let parsed = certscope::parse_input(text.as_bytes(), &InputOptions::default())
            .map_err(|e| js_error(format!("extra_anchors: {e}")))?;
        anchors.extend(parsed.certificates().cloned());
    }
    let mut options = VerifyOptions::at(time_option(js.at.as_deref())?);
    if let Some(purpose) = js.purpose.as_deref() {
        options.purpose = Purpose::parse(purpose)
            .ok_or_else(|| js_error(format!("unknown purpose {purpose}")))?;
    }
    if let Some(host) = js.host.as_deref().map(str::trim).filter(|h| !h.is_empty()) {
        let unbracketed = host.trim_start_matches('[').trim_end_matches(']');
        options.host = Some(match unbracketed.parse() {
            Ok(ip) => ExpectedName::Ip(ip),
            Err(_) => ExpectedName::Dns(host.to_owned()),
        });
    }
    for identity in js.identities {
        options.identities.push(
            if identity.contains("://") || identity.starts_with("urn:") {
                ExpectedName::Uri(identity)
            } else {
                ExpectedName::Email(identity)
            },
        );
    }
    match js.eku_policy.as_deref() {
        None | Some("chain") => {}
        Some("leaf") => options.eku_policy = EkuPolicy::LeafOnly,
        Some(other) => return Err(js_error(format!("unknown eku_policy {other}"))),
    }
    if let Some(name) = js.profile.as_deref() {
        options.profile =
            Profile::parse(name).ok_or_else(|| js_error(format!("unknown profile {name}")))?;
    }
    options.max_intermediates = js
        .max_intermediates
        .map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    options.allow_sha1 = js.allow_sha1;
    options.initial_policies = js.policies;
    options.initial_explicit_policy = js.explicit_policy;
    options.initial_policy_mapping_inhibit = js.inhibit_policy_mapping;
    options.initial_any_policy_inhibit = js.inhibit_any_policy;
    options.require_revocation = js.require_revocation;
    options.crls = crls;
    let report = chain::verify(&target, &untrusted, &anchors, &options);
    let explanation = report.error.as_ref().map(ToString::to_string);
    let extra_label = js
        .extra_anchors_label
        .clone()
        .unwrap_or_else(|| "extra anchors".to_owned());
    let anchor_stores: Vec<Option<String>> = report
        .certificates
        .iter()
        .map(
            |entry| match (entry.source, entry.position < trusted_anchors) {
                (chain::Source::Anchor, true) => Some(TRUSTED_INPUTS.to_owned()),
                (chain::Source::Anchor, false) => Some(extra_label.clone()),
                _ => None,
            },
        )
        .collect();
    let anchored_by = report
        .chosen
        .and_then(|chosen| report.paths.get(chosen))
        .and_then(|path| path.certificates.last())
        .and_then(|&last| anchor_stores.get(last).cloned().flatten());
    to_js(&VerifyResult {
        report,
        explanation,
        extra_anchors: js.extra_anchors_label,
        anchor_stores,
        anchored_by,
    })
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct JsLintOptions {
    at: Option<String>,
    rule_set: Option<String>,
    include_not_applicable: bool,
    password: Option<String>,
    /// What the chain is known to end at: `public` or `private`.
    hierarchy: Option<String>,
}

/// The lint findings of one certificate.
#[derive(Serialize)]
struct LintEntry {
    index: usize,
    subject: String,
    findings: Vec<certscope::Finding>,
}

/// Lints every certificate in the input, with rule sets chosen from each certificate's role
/// unless one is forced.
#[wasm_bindgen(unchecked_return_type = "LintResult[]")]
pub fn lint(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LintOptions | undefined")] options_value: JsValue,
) -> Result<JsValue, JsError> {
    let js: JsLintOptions = if options_value.is_undefined() || options_value.is_null() {
        JsLintOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options_value).map_err(js_error)?
    };
    let rule_set = match js.rule_set.as_deref() {
        None | Some("auto") => None,
        Some(name) => Some(
            certscope::RuleSet::from_name(name)
                .ok_or_else(|| js_error(format!("unknown rule set {name}")))?,
        ),
    };
    let hierarchy = match js.hierarchy.as_deref() {
        None => None,
        Some("public") => Some(certscope::Hierarchy::Public("user".to_owned())),
        Some("private") => Some(certscope::Hierarchy::Private),
        Some(other) => return Err(js_error(format!("unknown hierarchy {other}"))),
    };
    let options = certscope::LintOptions {
        time: Some(time_option(js.at.as_deref())?),
        target: None,
        rule_set,
        include_not_applicable: js.include_not_applicable,
        hierarchy,
    };
    let bytes = input_bytes(&input)?;
    let parsed = certscope::parse_input(&bytes, &input_options(js.password)).map_err(js_error)?;
    let entries: Vec<LintEntry> = parsed
        .objects
        .iter()
        .enumerate()
        .filter_map(|(index, found)| match &found.object {
            certscope::input::Object::Certificate(cert) => Some(LintEntry {
                index,
                subject: certscope::name::rfc4514(cert.x509().tbs_certificate().subject()),
                findings: certscope::lint(cert, &options),
            }),
            _ => None,
        })
        .collect();
    to_js(&entries)
}
