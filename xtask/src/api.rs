//! `schema/api.schema.json` and `wasm/src/api.d.ts`: the wasm API's options and results
//! (`AnalyzeOptions`, `VerifyOptions`, `LintOptions`, `Summary`, `ChainResult`, `LintResult`),
//! derived from the Rust types (schemars, the `schema` feature of certscope-wasm and certscope)
//! with their doc comments as descriptions.

use std::fmt::Write;

use serde_json::{json, Value};

use crate::typescript::declaration;
use crate::Generated;

/// The schema and the declarations.
pub fn generate() -> Result<Vec<Generated>, String> {
    let mut definitions = certscope_wasm::schema::definitions();
    for definition in definitions.values_mut() {
        describe_in_prose(definition);
    }
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.invalid/certscope/schema/api.schema.json",
        "title": "certscope wasm API: options and results",
        "description": "The options the wasm API's functions take and the results they return \
                        beside the reports (report.schema.json, chain.schema.json). Generated \
                        from the Rust types by `cargo xtask generate`: do not edit.",
        "$defs": definitions,
    });
    dangling_reference(&schema)?;
    if let Some(reference) = crate::schemas::unresolved_local_reference(&schema) {
        return Err(format!(
            "schema/api.schema.json: {reference} names no definition"
        ));
    }
    let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
    let mut declarations = String::from(
        "// The wasm API's options and results, generated from the Rust types (their JSON Schema:\n\
         // schema/api.schema.json) by `cargo xtask generate`: do not edit.\n",
    );
    // A definition the report schemas hold too (the chain report's copy of a type its wasm
    // fields use) is declared once, in report.d.ts, which the same module's declarations hold.
    let reports = crate::schemas::derive()?;
    let in_reports = |name: &str| {
        reports
            .iter()
            .any(|derived| derived.schema.pointer(&format!("/$defs/{name}")).is_some())
    };
    for (name, definition) in &definitions {
        if in_reports(name) {
            continue;
        }
        declarations.push('\n');
        declaration(&mut declarations, name, definition);
    }
    let _ = writeln!(
        declarations,
        "\n/** The result of `verify`: the chain report, and what the page shows beside it. */\n\
         export type ChainResult = ChainReport & BesideChainReport;"
    );
    if let Some(word) = crate::typescript::loose_type(&declarations) {
        return Err(format!("the API's TypeScript declarations use `{word}`"));
    }
    Ok(vec![
        Generated {
            path: "schema/api.schema.json",
            contents: format!("{text}\n"),
        },
        Generated {
            path: "wasm/src/api.d.ts",
            contents: declarations,
        },
    ])
}

/// Doc comments as descriptions in the report schemas' form (`crate::schemas::prose`).
fn describe_in_prose(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match value {
                    Value::String(text) if key == "description" => {
                        *text = crate::schemas::prose(text)
                    }
                    _ => describe_in_prose(value),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(describe_in_prose),
        _ => {}
    }
}

/// Fails on a reference into another schema (`report.schema.json#/$defs/Finding`) that names
/// no definition there.
fn dangling_reference(schema: &Value) -> Result<(), String> {
    let mut stack = vec![schema];
    let others = crate::schemas::derive()?;
    while let Some(value) = stack.pop() {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(reference)) = map.get("$ref") {
                    if let Some((file, pointer)) = reference.split_once('#') {
                        let found = others
                            .iter()
                            .find(|other| !file.is_empty() && other.file == file)
                            .is_some_and(|other| other.schema.pointer(pointer).is_some());
                        if !file.is_empty() && !found {
                            return Err(format!(
                                "schema/api.schema.json: {reference} names no definition"
                            ));
                        }
                    }
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    Ok(())
}

/// The definitions are objects with described properties.
#[cfg(test)]
mod tests {
    #[test]
    fn every_property_is_described() {
        for (name, definition) in certscope_wasm::schema::definitions() {
            let properties = definition["properties"].as_object();
            assert!(properties.is_some(), "{name} has no properties");
            for (field, schema) in properties.into_iter().flatten() {
                let described = schema["description"]
                    .as_str()
                    .is_some_and(|d| !d.is_empty());
                assert!(
                    described || field == "index",
                    "{name}.{field} has no description"
                );
            }
        }
    }

    #[test]
    fn options_refuse_unknown_fields_and_results_list_every_field() {
        let definitions = certscope_wasm::schema::definitions();
        for name in ["AnalyzeOptions", "VerifyOptions", "LintOptions"] {
            assert_eq!(definitions[name]["additionalProperties"], false, "{name}");
            assert!(
                definitions[name].get("required").is_none(),
                "{name}: every option is optional"
            );
        }
        let summary = &definitions["Summary"];
        let required = summary["required"].as_array().map(Vec::len);
        let properties = summary["properties"].as_object().map(serde_json::Map::len);
        assert_eq!(
            required, properties,
            "every field of a Summary is always present"
        );
    }
}
