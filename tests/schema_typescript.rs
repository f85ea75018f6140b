#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The TypeScript declarations of the report (`wasm/src/report.d.ts`) and its field reference
//! (`docs/report.md`) are generated from `schema/report.schema.json` and
//! `schema/chain.schema.json`, so the schema (checked against real reports by
//! `tests/report_schema.rs`), the wasm module's and npm package's types and the docs say the
//! same thing. Regenerate with `CERTSCOPE_UPDATE_DOCS=1 cargo test -p certscope --test
//! schema_typescript`.

use std::fmt::Write;
use std::path::Path;

use serde_json::Value;

/// The TypeScript name of a schema definition.
fn type_name(definition: &str) -> String {
    match definition {
        "object" => "ObjectReport".into(),
        "certificate" => "CertificateReport".into(),
        "csr" => "CsrReport".into(),
        "crl" => "CrlReport".into(),
        "private_key" => "PrivateKeyReport".into(),
        "public_key_entry" => "PublicKeyReport".into(),
        "name" => "NameReport".into(),
        "revoked" => "RevokedReport".into(),
        "path" => "PathReport".into(),
        "certificate_entry" => "ChainCertificate".into(),
        other => other
            .split('_')
            .map(|word| {
                let mut chars = word.chars();
                chars.next().map_or(String::new(), |first| {
                    first.to_uppercase().chain(chars).collect()
                })
            })
            .collect(),
    }
}

fn literal(value: &Value) -> String {
    match value {
        Value::String(s) => format!("'{s}'"),
        other => other.to_string(),
    }
}

fn doc_comment(out: &mut String, indent: &str, text: Option<&str>) {
    if let Some(text) = text {
        writeln!(out, "{indent}/** {} */", text.replace("*/", "*\\/")).unwrap();
    }
}

/// The properties of an object schema as TypeScript members, one per line.
fn members(schema: &Value, indent: &str) -> String {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().map(|v| v.as_str().unwrap()).collect())
        .unwrap_or_default();
    let mut out = String::new();
    // serde_json sorts keys; a tag (a property with a `const`) goes first, as it reads first.
    let mut properties: Vec<(&String, &Value)> =
        schema["properties"].as_object().unwrap().iter().collect();
    properties.sort_by_key(|(_, sub)| sub.get("const").is_none());
    for (name, sub) in properties {
        doc_comment(&mut out, indent, sub["description"].as_str());
        let optional = if required.contains(&name.as_str()) {
            ""
        } else {
            "?"
        };
        writeln!(out, "{indent}{name}{optional}: {};", ts_type(sub)).unwrap();
    }
    out
}

/// The TypeScript type of a schema, on one line.
fn ts_type(schema: &Value) -> String {
    if let Some(reference) = schema["$ref"].as_str() {
        return type_name(reference.rsplit('/').next().unwrap());
    }
    if let Some(value) = schema.get("const") {
        return literal(value);
    }
    if let Some(values) = schema["enum"].as_array() {
        return values.iter().map(literal).collect::<Vec<_>>().join(" | ");
    }
    if let Some(branches) = schema["oneOf"].as_array() {
        return branches.iter().map(ts_type).collect::<Vec<_>>().join(" | ");
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
        other => panic!("no type in {other}"),
    };
    types
        .iter()
        .map(|t| match *t {
            "string" => "string".to_owned(),
            "integer" | "number" => "number".to_owned(),
            "boolean" => "boolean".to_owned(),
            "null" => "null".to_owned(),
            "array" => {
                let item = ts_type(&schema["items"]);
                if item.contains(' ') {
                    format!("Array<{item}>")
                } else {
                    format!("{item}[]")
                }
            }
            "object" => {
                let inner: Vec<String> = members(schema, "")
                    .lines()
                    .filter(|l| !l.starts_with("/**"))
                    .map(str::to_owned)
                    .collect();
                let inner = inner.join(" ");
                format!("{{ {} }}", inner.trim_end_matches(';'))
            }
            other => panic!("unknown type {other}"),
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// One definition as a TypeScript declaration.
fn declaration(out: &mut String, name: &str, schema: &Value) {
    doc_comment(out, "", schema["description"].as_str());
    if schema["type"] == "object" && schema.get("properties").is_some() {
        writeln!(out, "export interface {name} {{").unwrap();
        out.push_str(&members(schema, "  "));
        writeln!(out, "}}").unwrap();
    } else if let Some(branches) = schema["oneOf"].as_array() {
        writeln!(out, "export type {name} =").unwrap();
        for branch in branches {
            writeln!(out, "  | {}", ts_type(branch)).unwrap();
        }
        out.pop();
        writeln!(out, ";").unwrap();
    } else {
        writeln!(out, "export type {name} = {};", ts_type(schema)).unwrap();
    }
}

fn load(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The schemas and the names of their root types.
fn schemas() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        ("report.schema.json", "Report", load("report.schema.json")),
        (
            "chain.schema.json",
            "ChainReport",
            load("chain.schema.json"),
        ),
    ]
}

fn typescript() -> String {
    let mut out = String::from(
        "// The report's types, generated from schema/report.schema.json and\n\
         // schema/chain.schema.json by tests/schema_typescript.rs: do not edit; change the\n\
         // schema and run CERTSCOPE_UPDATE_DOCS=1 cargo test -p certscope --test schema_typescript.\n\
         // Keys are snake_case; absent values are null.\n",
    );
    for (_, root, schema) in schemas() {
        out.push('\n');
        declaration(&mut out, root, &schema);
        for (name, definition) in schema["$defs"].as_object().unwrap() {
            declaration(&mut out, &type_name(name), definition);
        }
    }
    out
}

/// Markdown: one table per type, a row per field.
fn reference() -> String {
    let mut out = String::from(
        "# The report's fields\n\n\
         Generated from `schema/report.schema.json` and `schema/chain.schema.json` by\n\
         `tests/schema_typescript.rs` (`CERTSCOPE_UPDATE_DOCS=1 cargo test -p certscope --test\n\
         schema_typescript`); the types are written as in TypeScript (`wasm/src/report.d.ts`).\n\
         See `schema/README.md` for `schema_version` and compatibility.\n",
    );
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    for (file, root, schema) in schemas() {
        writeln!(out, "\n## {root} (`schema/{file}`)").unwrap();
        let mut entries = vec![(root.to_owned(), &schema)];
        for (name, definition) in schema["$defs"].as_object().unwrap() {
            entries.push((type_name(name), definition));
        }
        for (name, definition) in entries {
            writeln!(out, "\n### {name}\n").unwrap();
            if let Some(text) = definition["description"].as_str() {
                writeln!(out, "{text}\n").unwrap();
            }
            if definition["type"] == "object" && definition.get("properties").is_some() {
                writeln!(out, "| field | type | meaning |\n|---|---|---|").unwrap();
                let required: Vec<&Value> = definition["required"]
                    .as_array()
                    .map(|r| r.iter().collect())
                    .unwrap_or_default();
                for (field, sub) in definition["properties"].as_object().unwrap() {
                    let optional = if required.contains(&&Value::from(field.as_str())) {
                        ""
                    } else {
                        " (optional)"
                    };
                    writeln!(
                        out,
                        "| `{field}`{optional} | `{}` | {} |",
                        cell(&ts_type(sub)),
                        cell(sub["description"].as_str().unwrap_or(""))
                    )
                    .unwrap();
                }
            } else if let Some(branches) = definition["oneOf"].as_array() {
                writeln!(out, "One of:\n").unwrap();
                for branch in branches {
                    writeln!(out, "- `{}`", cell(&ts_type(branch))).unwrap();
                }
            } else {
                writeln!(out, "`{}`", cell(&ts_type(definition))).unwrap();
            }
        }
    }
    out
}

fn check_generated(relative: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("CERTSCOPE_UPDATE_DOCS").is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{relative} is stale: run CERTSCOPE_UPDATE_DOCS=1 cargo test -p certscope --test \
         schema_typescript"
    );
}

#[test]
fn the_typescript_declarations_follow_the_schemas() {
    check_generated("wasm/src/report.d.ts", &typescript());
}

#[test]
fn the_field_reference_follows_the_schemas() {
    check_generated("docs/report.md", &reference());
}

#[test]
fn no_type_is_loose() {
    // Types only: comments and string literal types removed.
    let types: String = typescript()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//") && !l.trim_start().starts_with("/**"))
        .flat_map(|l| l.split('\'').step_by(2))
        .collect::<Vec<_>>()
        .join(" ");
    for word in types.split(|c: char| !c.is_alphanumeric() && c != '<') {
        assert!(
            !matches!(word, "unknown" | "any" | "object" | "Record<"),
            "the declarations use `{word}`"
        );
    }
}
