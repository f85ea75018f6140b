#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! `schema/report.schema.json` against real `analyze` output of every fixture.
//!
//! The schema is the contract the page, the npm package and the CLI read; this test keeps it
//! honest. It uses a small validator for the subset of JSON Schema 2020-12 the schema is
//! written in (`type`, `properties`, `required`, `additionalProperties: false`, `items`,
//! `const`, `enum`, `oneOf`, `minimum`, local `$ref`), and refuses any other keyword so the
//! schema cannot silently rely on something unchecked. Every object in the schema forbids
//! additional properties, so a field added to the Rust types without the schema fails here.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

/// Keywords that only document.
const ANNOTATIONS: &[&str] = &["$schema", "$id", "title", "description", "$defs"];

struct Validator<'a> {
    root: &'a Value,
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

    /// Errors of `value` against `schema`, each with its JSON path.
    fn errors(&self, schema: &'a Value, value: &Value, path: &str) -> Vec<String> {
        let schema: &Map<String, Value> = schema
            .as_object()
            .unwrap_or_else(|| panic!("schema at {path} is not an object"));
        let mut errors = Vec::new();
        for (keyword, argument) in schema {
            match keyword.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "$ref" => errors.extend(self.errors(
                    self.resolve(argument.as_str().unwrap()),
                    value,
                    path,
                )),
                "type" => {
                    let ok = match argument {
                        Value::String(t) => Self::type_matches(t, value),
                        Value::Array(ts) => ts
                            .iter()
                            .any(|t| Self::type_matches(t.as_str().unwrap(), value)),
                        _ => panic!("bad type at {path}"),
                    };
                    if !ok {
                        errors.push(format!("{path}: {value} is not of type {argument}"));
                    }
                }
                "const" => {
                    if value != argument {
                        errors.push(format!("{path}: {value} is not {argument}"));
                    }
                }
                "enum" => {
                    if !argument.as_array().unwrap().contains(value) {
                        errors.push(format!("{path}: {value} is not one of {argument}"));
                    }
                }
                "minimum" => {
                    if let Some(n) = value.as_f64() {
                        if n < argument.as_f64().unwrap() {
                            errors.push(format!("{path}: {value} is below {argument}"));
                        }
                    }
                }
                "properties" => {
                    if let Some(object) = value.as_object() {
                        for (name, sub) in argument.as_object().unwrap() {
                            if let Some(field) = object.get(name) {
                                errors.extend(self.errors(sub, field, &format!("{path}.{name}")));
                            }
                        }
                    }
                }
                "required" => {
                    if let Some(object) = value.as_object() {
                        for name in argument.as_array().unwrap() {
                            if !object.contains_key(name.as_str().unwrap()) {
                                errors.push(format!("{path}: missing required {name}"));
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
                                errors.push(format!("{path}: unexpected property `{name}`"));
                            }
                        }
                    }
                }
                "items" => {
                    if let Some(items) = value.as_array() {
                        for (index, item) in items.iter().enumerate() {
                            errors.extend(self.errors(argument, item, &format!("{path}[{index}]")));
                        }
                    }
                }
                "oneOf" => {
                    let results: Vec<Vec<String>> = argument
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|sub| self.errors(sub, value, path))
                        .collect();
                    let matching = results.iter().filter(|r| r.is_empty()).count();
                    if matching != 1 {
                        // Show the branch that came closest, to make the failure readable.
                        let closest = results.iter().min_by_key(|r| r.len()).unwrap();
                        errors.push(format!(
                            "{path}: matches {matching} of the oneOf branches; closest: {}",
                            closest.join("; ")
                        ));
                    }
                }
                other => panic!("schema keyword `{other}` at {path} is not supported"),
            }
        }
        errors
    }
}

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/report.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn report_json(path: &Path) -> Value {
    let bytes = std::fs::read(path).unwrap();
    let options = certscope::AnalyzeOptions::at_unix_seconds(1_748_736_000);
    serde_json::to_value(certscope::analyze(&bytes, &options).unwrap()).unwrap()
}

fn fixtures() -> Vec<PathBuf> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut found = Vec::new();
    let mut pending = vec![data];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "pem" || e == "der")
                && !path.components().any(|c| c.as_os_str() == "keys")
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
#[ignore = "the schema does not yet describe roles, lints, purposes and the CSR, CRL and key entries"]
fn every_fixture_report_matches_the_schema() {
    let schema = schema();
    let validator = Validator { root: &schema };
    let fixtures = fixtures();
    assert!(
        fixtures.len() >= 12,
        "only {} fixtures found",
        fixtures.len()
    );
    for path in &fixtures {
        let errors = validator.errors(&schema, &report_json(path), "$");
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            path.display(),
            errors.join("\n")
        );
    }
}

#[test]
fn the_schema_version_is_the_crate_one() {
    assert_eq!(
        schema()["properties"]["schema_version"]["const"],
        Value::from(certscope::report::SCHEMA_VERSION)
    );
}

#[test]
#[ignore = "relies on a real report matching the schema first; see every_fixture_report_matches_the_schema"]
fn the_validator_catches_drift() {
    let schema = schema();
    let validator = Validator { root: &schema };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/report/leaf-tls.pem");
    let good = report_json(&path);
    assert!(validator.errors(&schema, &good, "$").is_empty());

    let mut renamed = good.clone();
    let fingerprints = renamed["objects"][0]["fingerprints"]
        .as_object_mut()
        .unwrap();
    let sha256 = fingerprints.remove("sha256").unwrap();
    fingerprints.insert("sha_256".into(), sha256);
    let errors = validator.errors(&schema, &renamed, "$");
    assert!(errors.iter().any(|e| e.contains("sha256")), "{errors:?}");

    let mut retyped = good.clone();
    retyped["objects"][0]["extensions"][0]["value"]["ca"] = Value::from("no");
    assert!(!validator.errors(&schema, &retyped, "$").is_empty());

    let mut unknown_arm = good;
    unknown_arm["objects"][0]["extensions"][0]["value"]["type"] = Value::from("basic");
    assert!(!validator.errors(&schema, &unknown_arm, "$").is_empty());
}
