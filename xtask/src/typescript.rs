//! The report's JSON Schemas (`schema/`), its TypeScript declarations (`wasm/src/report.d.ts`)
//! and its field reference (`docs/report.md`), from the Rust types (`crate::schemas`), so the
//! schema (checked against real reports by the core's `tests/report_schema.rs`), the wasm
//! module's and npm package's types and the docs say the same thing.

use std::fmt::Write;

use serde_json::Value;

use crate::Generated;

/// The schemas, the declarations and the field reference.
pub fn generate() -> Result<Vec<Generated>, String> {
    let schemas = schemas()?;
    let declarations = typescript(&schemas);
    if let Some(word) = loose_type(&declarations) {
        return Err(format!("the TypeScript declarations use `{word}`"));
    }
    let mut files = Vec::new();
    for (file, _, schema) in &schemas {
        let text = serde_json::to_string_pretty(schema).map_err(|e| e.to_string())?;
        files.push(Generated {
            path: match *file {
                "report.schema.json" => "schema/report.schema.json",
                "chain.schema.json" => "schema/chain.schema.json",
                other => return Err(format!("no path for the schema {other}")),
            },
            contents: format!("{text}\n"),
        });
    }
    files.extend([
        Generated {
            path: "wasm/src/report.d.ts",
            contents: declarations,
        },
        Generated {
            path: "docs/report.md",
            contents: reference(&schemas),
        },
    ]);
    Ok(files)
}

/// A type that lets anything through (`any`, `unknown`, `object`, `Record<...>`), if the
/// declarations use one: every report type is spelled out.
pub fn loose_type(declarations: &str) -> Option<String> {
    // Types only: comments and string literal types removed.
    let types: String = declarations
        .lines()
        .filter(|l| !l.trim_start().starts_with("//") && !l.trim_start().starts_with("/**"))
        .flat_map(|l| l.split('\'').step_by(2))
        .collect::<Vec<_>>()
        .join(" ");
    types
        .split(|c: char| !c.is_alphanumeric() && c != '<' && c != '_')
        .find(|word| matches!(*word, "unknown" | "any" | "object") || word.starts_with("Record<"))
        .map(|word| {
            word.get(..7)
                .filter(|_| word.starts_with("Record<"))
                .unwrap_or(word)
        })
        .map(str::to_owned)
}

fn literal(value: &Value) -> String {
    match value {
        Value::String(s) => format!("'{s}'"),
        other => other.to_string(),
    }
}

fn doc_comment(out: &mut String, indent: &str, text: Option<&str>) {
    if let Some(text) = text {
        // One line, as the loose-type check reads declarations line by line.
        let text = text.replace("*/", "*\\/").replace('\n', " ");
        writeln!(out, "{indent}/** {text} */").ok();
    }
}

/// The properties of an object schema as TypeScript members, one per line.
fn members(schema: &Value, indent: &str) -> String {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut out = String::new();
    // serde_json sorts keys; a tag (a property with a `const`) goes first, as it reads first.
    let mut properties: Vec<(&String, &Value)> = schema["properties"]
        .as_object()
        .into_iter()
        .flatten()
        .collect();
    properties.sort_by_key(|(_, sub)| sub.get("const").is_none());
    for (name, sub) in properties {
        doc_comment(&mut out, indent, sub["description"].as_str());
        let optional = if required.contains(&name.as_str()) {
            ""
        } else {
            "?"
        };
        writeln!(out, "{indent}{name}{optional}: {};", ts_type(sub)).ok();
    }
    out
}

/// The TypeScript type of a schema, on one line. A construct it does not know stops the
/// generator with its name: the schemas are written in the subset it reads.
#[allow(clippy::panic)]
fn ts_type(schema: &Value) -> String {
    if let Some(reference) = schema["$ref"].as_str() {
        return type_name(reference.rsplit('/').next().unwrap_or(reference));
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
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
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
pub fn declaration(out: &mut String, name: &str, schema: &Value) {
    doc_comment(out, "", schema["description"].as_str());
    if schema["type"] == "object" && schema.get("properties").is_some() {
        writeln!(out, "export interface {name} {{").ok();
        out.push_str(&members(schema, "  "));
        writeln!(out, "}}").ok();
    } else if let Some(branches) = schema["oneOf"].as_array() {
        writeln!(out, "export type {name} =").ok();
        for branch in branches {
            writeln!(out, "  | {}", ts_type(branch)).ok();
        }
        out.pop();
        writeln!(out, ";").ok();
    } else {
        writeln!(out, "export type {name} = {};", ts_type(schema)).ok();
    }
}

/// The schemas and the names of their root types.
type Schemas = Vec<(&'static str, &'static str, Value)>;

/// The derived schemas.
fn schemas() -> Result<Schemas, String> {
    Ok(crate::schemas::derive()?
        .into_iter()
        .map(|derived| (derived.file, derived.root, derived.schema))
        .collect())
}

fn typescript(schemas: &Schemas) -> String {
    let mut out = String::from(
        "// The report's types, generated from their JSON Schemas (schema/report.schema.json and\n\
         // schema/chain.schema.json) by `cargo xtask generate`: do not edit.\n\
         // Keys are snake_case; absent values are null.\n",
    );
    for (_, root, schema) in schemas {
        out.push('\n');
        declaration(&mut out, root, schema);
        for (name, definition) in schema["$defs"].as_object().into_iter().flatten() {
            declaration(&mut out, &type_name(name), definition);
        }
    }
    out
}

/// Markdown: one table per type, a row per field.
fn reference(schemas: &Schemas) -> String {
    let mut out = String::from(
        "# The report's fields\n\n\
         Generated from `schema/report.schema.json` and `schema/chain.schema.json` by\n\
         `cargo xtask generate`; the types are written as in TypeScript (`wasm/src/report.d.ts`).\n\
         See `schema/README.md` for `schema_version` and compatibility.\n",
    );
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    for (file, root, schema) in schemas {
        writeln!(out, "\n## {root} (`schema/{file}`)").ok();
        let mut entries = vec![(root.to_string(), schema)];
        for (name, definition) in schema["$defs"].as_object().into_iter().flatten() {
            entries.push((type_name(name), definition));
        }
        for (name, definition) in entries {
            writeln!(out, "\n### {name}\n").ok();
            if let Some(text) = definition["description"].as_str() {
                writeln!(out, "{text}\n").ok();
            }
            if definition["type"] == "object" && definition.get("properties").is_some() {
                writeln!(out, "| field | type | meaning |\n|---|---|---|").ok();
                let required: Vec<&Value> = definition["required"]
                    .as_array()
                    .map(|r| r.iter().collect())
                    .unwrap_or_default();
                for (field, sub) in definition["properties"].as_object().into_iter().flatten() {
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
                    .ok();
                }
            } else if let Some(branches) = definition["oneOf"].as_array() {
                writeln!(out, "One of:\n").ok();
                for branch in branches {
                    writeln!(out, "- `{}`", cell(&ts_type(branch))).ok();
                }
            } else {
                writeln!(out, "`{}`", cell(&ts_type(definition))).ok();
            }
        }
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_types_are_found() {
        assert_eq!(loose_type("export type A = any;").as_deref(), Some("any"));
        assert_eq!(
            loose_type("x: Record<string, number>;").as_deref(),
            Some("Record<")
        );
        assert_eq!(loose_type("/** any */\nx: 'unknown' | string;"), None);
    }
}
