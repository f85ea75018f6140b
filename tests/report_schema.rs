#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! `schema/report.schema.json` and `schema/chain.schema.json` against real output.
//!
//! The schemas are the contract the page, the npm package and the CLI read; these tests keep
//! them honest in both directions. Every report of every fixture under `tests/data/` (all input
//! kinds, with and without the fixtures' password) and the chain report of every fixture's
//! first certificate, under several options, must validate; and every property either schema
//! lists must occur in at least one of those reports, so a field removed from the Rust types
//! (or never emitted) cannot linger in the schema.
//!
//! The validator covers the subset of JSON Schema 2020-12 the schemas are written in (`type`,
//! `properties`, `required`, `additionalProperties: false`, `items`, `const`, `enum`, `oneOf`,
//! `minimum`, `maximum`, local `$ref`), and refuses any other keyword so a schema cannot
//! silently rely on something unchecked. Every object in the schemas forbids additional
//! properties, so a field added to the Rust types without the schema fails here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use certscope::chain::{self, ChainReport, ExpectedName, Profile, Purpose, VerifyOptions};
use certscope::input::Object;
use certscope::time::UnixTime;
use certscope::{AnalyzeOptions, Cert, InputOptions, Password};
use serde_json::{Map, Value};

/// The time every report is made at (2025-06-01).
const AT: u64 = 1_748_736_000;

/// The password of the encrypted fixtures (`tests/data/input/README.md`).
const FIXTURE_PASSWORD: &str = "fixture";

/// Keywords that only document.
const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "title",
    "description",
    "$defs",
];

/// Chain report fields only the outer layers add (wasm `verify`, CLI `verify --json`), so the
/// core's reports cannot show them.
const OUTER_LAYER_FIELDS: &[&str] = &[
    "#/properties/anchor_stores",
    "#/properties/anchored_by",
    "#/properties/explanation",
    "#/properties/extra_anchors",
    "#/properties/mozilla_roots",
    "#/properties/problems",
    "#/properties/stack_verdicts",
    // The definition only `stack_verdicts` uses, copied from the wasm API's schema.
    "#/$defs/StackVerdict/",
];

/// Report schema arms no fixture reaches yet, each a location prefix and the arm it is. The
/// test fails as soon as a fixture reaches one, so this list only shrinks.
const REPORT_ARMS_WITHOUT_FIXTURE: &[&str] = &[
    "#/$defs/GeneralName/oneOf/9/", // invalid
];

/// Chain schema arms no fixture reaches yet (see [`REPORT_ARMS_WITHOUT_FIXTURE`]).
const CHAIN_ARMS_WITHOUT_FIXTURE: &[&str] = &[
    "#/$defs/ChainError/oneOf/6/",  // not_ca
    "#/$defs/ChainError/oneOf/7/",  // path_length_exceeded
    "#/$defs/ChainError/oneOf/12/", // unknown_critical_extension
    // crl_unusable: only a supplied CRL that does not decode, which the fixtures' parser never
    // yields as a CRL (tests/chain.rs gives one).
    "#/$defs/ChainError/oneOf/14/",
    // The typed reasons of single-certificate rules that no fixture reaches on a path (the
    // lint fixtures that break them have no issuer to build a path to; tests/chain.rs
    // reaches rsa_key_too_small on its own chain).
    "#/$defs/ChainError/oneOf/17/", // empty_issuer_name
    "#/$defs/ChainError/oneOf/18/", // empty_ca_subject
    "#/$defs/ChainError/oneOf/20/", // malformed_extension
    "#/$defs/ChainError/oneOf/21/", // must_not_be_critical
    "#/$defs/ChainError/oneOf/22/", // must_be_critical
    "#/$defs/ChainError/oneOf/24/", // key_below_auth_level
    "#/$defs/ChainError/oneOf/25/", // rsa_key_too_small
    "#/$defs/ChainError/oneOf/26/", // rsa_modulus_not_bytes
    "#/$defs/ChainError/oneOf/29/", // ec_key_without_named_curve
    "#/$defs/ChainError/oneOf/30/", // serial_number_too_long
    "#/$defs/ChainError/oneOf/31/", // negative_serial_number
    "#/$defs/ChainError/oneOf/32/", // zero_serial_number
    "#/$defs/ChainError/oneOf/34/", // name_constraints_on_end_entity
    "#/$defs/ChainError/oneOf/35/", // subject_alt_name_not_critical
    "#/$defs/ChainError/oneOf/36/", // subject_alt_name_critical
    "#/$defs/ChainError/oneOf/37/", // no_subject_alt_name
    "#/$defs/ChainError/oneOf/40/", // common_name_misstates_subject_alt_name
    "#/$defs/ChainError/oneOf/43/", // root_authority_key_identifier_not_key_id_only
    "#/$defs/ChainError/oneOf/44/", // root_authority_key_identifier_without_key_id
    "#/$defs/ChainError/oneOf/45/", // root_authority_key_identifier_mismatch
    "#/$defs/ChainError/oneOf/47/", // stack_purpose
    "#/$defs/ChainError/oneOf/48/", // stack_refuses_old_anchor
];

/// One violation: where in the value (a JSON pointer) and what.
struct Violation {
    pointer: String,
    message: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "(root)"
        } else {
            &self.pointer
        };
        write!(f, "{pointer}: {}", self.message)
    }
}

struct Validator<'a> {
    root: &'a Value,
}

/// The outcome of validating one value: its violations, and the schema properties (as
/// `#/$defs/name/properties/field` locations) it was seen to use.
#[derive(Default)]
struct Outcome {
    violations: Vec<Violation>,
    used: BTreeSet<String>,
}

impl Outcome {
    fn violation(&mut self, pointer: &str, message: String) {
        self.violations.push(Violation {
            pointer: pointer.to_owned(),
            message,
        });
    }

    fn extend(&mut self, other: Outcome) {
        self.violations.extend(other.violations);
        self.used.extend(other.used);
    }
}

/// A JSON pointer token (RFC 6901 5).
fn token(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

impl<'a> Validator<'a> {
    fn resolve(&self, reference: &str) -> &'a Value {
        let name = reference
            .strip_prefix("#/$defs/")
            .unwrap_or_else(|| panic!("only local $defs references are supported: {reference}"));
        self.root["$defs"]
            .get(name)
            .unwrap_or_else(|| panic!("unknown $ref {reference}"))
    }

    fn type_matches(expected: &str, value: &Value) -> bool {
        match expected {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            other => panic!("unknown type {other}"),
        }
    }

    /// Validates `value` (at JSON pointer `pointer`) against `schema` (at schema location
    /// `location`).
    fn validate(&self, schema: &'a Value, location: &str, value: &Value, pointer: &str) -> Outcome {
        let schema: &Map<String, Value> = schema
            .as_object()
            .unwrap_or_else(|| panic!("schema at {location} is not an object"));
        let mut outcome = Outcome::default();
        for (keyword, argument) in schema {
            match keyword.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "$ref" => {
                    let reference = argument.as_str().unwrap();
                    outcome.extend(self.validate(
                        self.resolve(reference),
                        reference,
                        value,
                        pointer,
                    ));
                }
                "type" => {
                    let ok = match argument {
                        Value::String(t) => Self::type_matches(t, value),
                        Value::Array(ts) => ts
                            .iter()
                            .any(|t| Self::type_matches(t.as_str().unwrap(), value)),
                        _ => panic!("bad type at {location}"),
                    };
                    if !ok {
                        outcome.violation(pointer, format!("{value} is not of type {argument}"));
                    }
                }
                "const" => {
                    if value != argument {
                        outcome.violation(pointer, format!("{value} is not {argument}"));
                    }
                }
                "enum" => {
                    if !argument.as_array().unwrap().contains(value) {
                        outcome.violation(pointer, format!("{value} is not one of {argument}"));
                    }
                }
                "minimum" => {
                    if let Some(n) = value.as_f64() {
                        if n < argument.as_f64().unwrap() {
                            outcome.violation(pointer, format!("{value} is below {argument}"));
                        }
                    }
                }
                "maximum" => {
                    if let Some(n) = value.as_f64() {
                        if n > argument.as_f64().unwrap() {
                            outcome.violation(pointer, format!("{value} is above {argument}"));
                        }
                    }
                }
                "properties" => {
                    if let Some(object) = value.as_object() {
                        for (name, sub) in argument.as_object().unwrap() {
                            if let Some(field) = object.get(name) {
                                let at = format!("{location}/properties/{name}");
                                outcome.used.insert(at.clone());
                                outcome.extend(self.validate(
                                    sub,
                                    &at,
                                    field,
                                    &format!("{pointer}/{}", token(name)),
                                ));
                            }
                        }
                    }
                }
                "required" => {
                    if let Some(object) = value.as_object() {
                        for name in argument.as_array().unwrap() {
                            if !object.contains_key(name.as_str().unwrap()) {
                                outcome.violation(pointer, format!("missing required {name}"));
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    assert_eq!(argument, &Value::Bool(false), "only `false` is supported");
                    let known = schema.get("properties").and_then(Value::as_object);
                    if let Some(object) = value.as_object() {
                        for name in object.keys() {
                            if !known.is_some_and(|k| k.contains_key(name)) {
                                outcome.violation(
                                    pointer,
                                    format!("unexpected property `{name}` (not in {location})"),
                                );
                            }
                        }
                    }
                }
                "items" => {
                    if let Some(items) = value.as_array() {
                        for (index, item) in items.iter().enumerate() {
                            outcome.extend(self.validate(
                                argument,
                                &format!("{location}/items"),
                                item,
                                &format!("{pointer}/{index}"),
                            ));
                        }
                    }
                }
                "oneOf" => {
                    let branches: Vec<Outcome> = argument
                        .as_array()
                        .unwrap()
                        .iter()
                        .enumerate()
                        .map(|(i, sub)| {
                            self.validate(sub, &format!("{location}/oneOf/{i}"), value, pointer)
                        })
                        .collect();
                    let matching: Vec<&Outcome> = branches
                        .iter()
                        .filter(|b| b.violations.is_empty())
                        .collect();
                    if let [only] = matching.as_slice() {
                        outcome.used.extend(only.used.iter().cloned());
                    } else {
                        // Show the branch that came closest, to make the failure readable.
                        let closest = branches.iter().min_by_key(|b| b.violations.len()).unwrap();
                        let first = closest
                            .violations
                            .first()
                            .map_or(String::new(), |v| format!("; closest branch fails at {v}"));
                        outcome.violation(
                            pointer,
                            format!(
                                "matches {} of the oneOf branches of {location}{first}",
                                matching.len()
                            ),
                        );
                    }
                }
                other => panic!("schema keyword `{other}` at {location} is not supported"),
            }
        }
        outcome
    }

    fn check(&self, value: &Value) -> Outcome {
        self.validate(self.root, "#", value, "")
    }
}

/// Every property location the schema lists, as the validator names them.
fn schema_properties(schema: &Value, location: &str, found: &mut BTreeSet<String>) {
    let Some(object) = schema.as_object() else {
        return;
    };
    for (keyword, argument) in object {
        match keyword.as_str() {
            "properties" => {
                for (name, sub) in argument.as_object().unwrap() {
                    let at = format!("{location}/properties/{name}");
                    found.insert(at.clone());
                    schema_properties(sub, &at, found);
                }
            }
            "items" => schema_properties(argument, &format!("{location}/items"), found),
            "oneOf" => {
                for (i, sub) in argument.as_array().unwrap().iter().enumerate() {
                    schema_properties(sub, &format!("{location}/oneOf/{i}"), found);
                }
            }
            "$defs" => {
                for (name, sub) in argument.as_object().unwrap() {
                    schema_properties(sub, &format!("#/$defs/{name}"), found);
                }
            }
            _ => {}
        }
    }
}

fn load_schema(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn schema() -> Value {
    load_schema("report.schema.json")
}

fn chain_schema() -> Value {
    load_schema("chain.schema.json")
}

fn input_options(password: Option<&str>) -> InputOptions {
    InputOptions {
        password: password.map(Password::new),
        ..InputOptions::default()
    }
}

fn report_json(bytes: &[u8], password: Option<&str>) -> Value {
    let options = AnalyzeOptions {
        input: input_options(password),
        ..AnalyzeOptions::at_unix_seconds(AT)
    };
    serde_json::to_value(certscope::analyze(bytes, &options).unwrap()).unwrap()
}

#[path = "common/fixtures.rs"]
mod common;

/// Every input fixture: certificates, chains, CSRs, CRLs, keys, PKCS#7 and PKCS#12 files.
fn fixtures() -> Vec<PathBuf> {
    common::fixtures(&["pem", "der", "p7b", "p12", "key"])
}

/// The reports of every fixture (made once, shared by the tests).
fn fixture_reports() -> &'static [(String, Value)] {
    static REPORTS: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    REPORTS.get_or_init(make_fixture_reports)
}

/// The reports of every fixture: without a password, and for the encrypted ones also with it.
fn make_fixture_reports() -> Vec<(String, Value)> {
    let mut reports = Vec::new();
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.display().to_string();
        let report = report_json(&bytes, None);
        let locked = report["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["kind"] == "password_required");
        reports.push((name.clone(), report));
        if locked {
            let with_password = report_json(&bytes, Some(FIXTURE_PASSWORD));
            reports.push((format!("{name} (password)"), with_password));
        }
        // The DER fixtures also as bare base64 and hex text, the other two encodings.
        if path.extension().is_some_and(|e| e == "der") {
            use base64ct::Encoding;
            let base64 = base64ct::Base64::encode_string(&bytes);
            reports.push((
                format!("{name} (base64)"),
                report_json(base64.as_bytes(), None),
            ));
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            reports.push((format!("{name} (hex)"), report_json(hex.as_bytes(), None)));
        }
    }
    // A CRL beside 300 certificates named like its issuer, none of which signed it: invalid
    // signatures, then checks past the limit reported as not made.
    let chain = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/chain");
    let mut crowd = std::fs::read(chain.join("base-intermediate.crl.pem")).unwrap();
    crowd.extend(std::fs::read(chain.join("decoys.pem")).unwrap());
    reports.push(("CRL with decoy issuers".into(), report_json(&crowd, None)));
    reports
}

fn certificates_and_crls(bytes: &[u8]) -> (Vec<Cert>, Vec<Vec<u8>>) {
    let parsed = certscope::parse_input(bytes, &input_options(Some(FIXTURE_PASSWORD))).unwrap();
    let crls = parsed
        .objects
        .iter()
        .filter_map(|found| match &found.object {
            Object::Crl(crl) => Some(crl.der().to_vec()),
            _ => None,
        })
        .collect();
    (parsed.certificates().cloned().collect(), crls)
}

fn self_issued(cert: &Cert) -> bool {
    let tbs = cert.x509().tbs_certificate();
    tbs.issuer() == tbs.subject()
}

/// Chain reports: the first certificate of every fixture, with the rest of its file as
/// untrusted (its self-issued certificates and the chain fixtures' roots as anchors), and the
/// chain fixtures under options that reach the other outcomes (client purpose, host names,
/// RFC 5280 profile, CRLs, intermediate and budget limits).
fn chain_reports() -> Vec<(String, ChainReport)> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let roots: Vec<Cert> = fixtures()
        .iter()
        .filter(|p| p.starts_with(data.join("chain")))
        .filter(|p| p.to_string_lossy().ends_with("-root.pem"))
        .flat_map(|p| certificates_and_crls(&std::fs::read(p).unwrap()).0)
        .collect();
    let crl_fixtures: Vec<Vec<u8>> = fixtures()
        .iter()
        .filter(|p| p.to_string_lossy().contains(".crl."))
        .flat_map(|p| certificates_and_crls(&std::fs::read(p).unwrap()).1)
        .collect();
    let at = || VerifyOptions::at(UnixTime(AT));
    let mut reports = Vec::new();
    for path in fixtures() {
        let (certs, crls) = certificates_and_crls(&std::fs::read(&path).unwrap());
        let Some((target, rest)) = certs.split_first() else {
            continue;
        };
        let mut anchors: Vec<Cert> = certs.iter().filter(|c| self_issued(c)).cloned().collect();
        anchors.extend(roots.iter().cloned());
        let mut options = at();
        options.crls = crls.clone();
        let name = path.display().to_string();
        reports.push((
            name.clone(),
            chain::verify(target, rest, &anchors, &options),
        ));
        // The Web PKI's refusals are findings under `auto` for a private root; here they are
        // the verdict (each its own error kind).
        options.profile = Profile::WebPki;
        reports.push((
            format!("{name} (webpki)"),
            chain::verify(target, rest, &anchors, &options),
        ));
        // A TLS stack's profile: the stack's refusals, and a purpose it does not judge.
        options.profile = Profile::Java;
        options.purpose = Purpose::ServerAuth;
        reports.push((
            format!("{name} (java)"),
            chain::verify(target, rest, &anchors, &options),
        ));
        if !path.starts_with(data.join("chain")) {
            continue;
        }
        let mut variants: Vec<(&str, VerifyOptions)> = Vec::new();
        let mut host = at();
        host.host = Some(ExpectedName::Dns("leaf.example.com".into()));
        variants.push(("host", host));
        let mut other_host = at();
        other_host.host = Some(ExpectedName::Dns("other.example.net".into()));
        variants.push(("other host", other_host));
        let mut client = at();
        client.purpose = Purpose::ClientAuth;
        client.identities = vec![ExpectedName::Email("nobody@example.com".into())];
        variants.push(("client", client));
        let mut rfc5280 = at();
        rfc5280.profile = Profile::Rfc5280;
        variants.push(("rfc5280", rfc5280));
        let mut no_intermediates = at();
        no_intermediates.max_intermediates = Some(0);
        variants.push(("no intermediates", no_intermediates));
        let mut later = VerifyOptions::at(UnixTime(AT * 2));
        later.crls = crl_fixtures.clone();
        variants.push(("later", later));
        let mut earlier = VerifyOptions::at(UnixTime(AT / 2));
        earlier.crls = crls.clone();
        variants.push(("earlier", earlier));
        let mut signatures = at();
        signatures.budget.signatures = 1;
        variants.push(("signature budget", signatures));
        let mut candidates = at();
        candidates.budget.candidates = 1;
        variants.push(("candidate budget", candidates));
        let mut paths = at();
        paths.budget.paths = 1;
        variants.push(("path budget", paths));
        let mut comparisons = at();
        comparisons.budget.name_constraint_comparisons = 0;
        variants.push(("name constraint budget", comparisons));
        let mut revocation = at();
        revocation.crls = crl_fixtures.clone();
        variants.push(("CRLs", revocation));
        for (variant, options) in variants {
            reports.push((
                format!("{name} ({variant})"),
                chain::verify(target, rest, &anchors, &options),
            ));
        }
    }
    reports
}

/// Fails with the JSON pointer of the first violation of each report that has one.
fn assert_all_valid(schema: &Value, reports: &[(String, Value)]) -> BTreeSet<String> {
    let validator = Validator { root: schema };
    let mut used = BTreeSet::new();
    let mut failures = Vec::new();
    for (name, report) in reports {
        let outcome = validator.check(report);
        if let Some(first) = outcome.violations.first() {
            failures.push(format!(
                "{name}: {first} ({} violations in all)",
                outcome.violations.len()
            ));
        }
        used.extend(outcome.used);
    }
    assert!(
        failures.is_empty(),
        "{} of {} reports do not match the schema:\n{}",
        failures.len(),
        reports.len(),
        failures.join("\n")
    );
    used
}

/// Fails listing the schema properties no report uses, other than those under `exempt`
/// (exact locations or prefixes ending in `/`); fails too when an exempt prefix is in use.
fn assert_all_used(schema: &Value, used: &BTreeSet<String>, exempt: &[&str]) {
    let mut listed = BTreeSet::new();
    schema_properties(schema, "#", &mut listed);
    let is_exempt = |p: &str| {
        exempt
            .iter()
            .any(|e| p == *e || (e.ends_with('/') && p.starts_with(e)))
    };
    let unused: Vec<&str> = listed
        .iter()
        .map(String::as_str)
        .filter(|p| !used.contains(*p) && !is_exempt(p))
        .collect();
    assert!(
        unused.is_empty(),
        "{} schema properties occur in no report (removed from the Rust types, or a fixture is \
         missing):\n{}",
        unused.len(),
        unused.join("\n")
    );
    let reached: Vec<&&str> = exempt
        .iter()
        .filter(|e| {
            used.iter()
                .any(|u| u == **e || (e.ends_with('/') && u.starts_with(**e)))
        })
        .collect();
    assert!(
        reached.is_empty(),
        "a report now uses these; take them off the exempt list: {reached:?}"
    );
}

/// The chain reports as JSON (made once, shared by the tests).
fn chain_values() -> &'static [(String, Value)] {
    static REPORTS: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    REPORTS.get_or_init(|| {
        chain_reports()
            .into_iter()
            .map(|(name, report)| (name, serde_json::to_value(report).unwrap()))
            .collect()
    })
}

#[test]
fn every_fixture_report_matches_the_schema() {
    let reports = fixture_reports();
    assert!(reports.len() >= 300, "only {} reports", reports.len());
    assert_all_valid(&schema(), reports);
}

#[test]
fn every_report_schema_property_occurs_in_a_fixture_report() {
    let schema = schema();
    let used = assert_all_valid(&schema, fixture_reports());
    assert_all_used(&schema, &used, REPORT_ARMS_WITHOUT_FIXTURE);
}

#[test]
fn every_chain_report_matches_the_chain_schema() {
    let reports = chain_values();
    assert!(reports.len() >= 300, "only {} chain reports", reports.len());
    assert_all_valid(&chain_schema(), reports);
}

#[test]
fn every_chain_schema_property_occurs_in_a_chain_report() {
    let schema = chain_schema();
    let used = assert_all_valid(&schema, chain_values());
    let exempt: Vec<&str> = OUTER_LAYER_FIELDS
        .iter()
        .chain(CHAIN_ARMS_WITHOUT_FIXTURE)
        .copied()
        .collect();
    assert_all_used(&schema, &used, &exempt);
}

#[test]
fn the_schema_version_is_the_crate_one() {
    assert_eq!(
        schema()["properties"]["schema_version"]["const"],
        Value::from(certscope::report::SCHEMA_VERSION)
    );
}

#[test]
fn the_validator_catches_drift() {
    let schema = schema();
    let validator = Validator { root: &schema };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/report/leaf-tls.pem");
    let good = report_json(&std::fs::read(path).unwrap(), None);
    assert!(validator.check(&good).violations.is_empty());

    let mut renamed = good.clone();
    let fingerprints = renamed["objects"][0]["fingerprints"]
        .as_object_mut()
        .unwrap();
    let sha256 = fingerprints.remove("sha256").unwrap();
    fingerprints.insert("sha_256".into(), sha256);
    let outcome = validator.check(&renamed);
    let first = outcome.violations.first().unwrap().to_string();
    assert!(first.starts_with("/objects/0: "), "{first}");
    assert!(
        first.contains("sha256") || first.contains("sha_256"),
        "{first}"
    );

    let mut retyped = good.clone();
    retyped["objects"][0]["extensions"][0]["value"]["ca"] = Value::from("no");
    assert!(!validator.check(&retyped).violations.is_empty());

    let mut unknown_arm = good.clone();
    unknown_arm["objects"][0]["extensions"][0]["value"]["type"] = Value::from("basic");
    assert!(!validator.check(&unknown_arm).violations.is_empty());

    let mut bad_role = good;
    bad_role["objects"][0]["roles"][0]["role"] = Value::from("server");
    assert!(!validator.check(&bad_role).violations.is_empty());
}

#[test]
fn unused_schema_properties_are_listed() {
    let schema = schema();
    let validator = Validator { root: &schema };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/report/leaf-tls.pem");
    let used = validator
        .check(&report_json(&std::fs::read(path).unwrap(), None))
        .used;
    assert!(used.contains("#/$defs/CertificateReport/properties/roles"));
    // One certificate uses no CSR field.
    assert!(!used.contains("#/$defs/CsrReport/properties/self_signature"));
}
