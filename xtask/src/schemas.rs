//! `schema/report.schema.json` and `schema/chain.schema.json`: the report's JSON Schemas, derived
//! from the Rust types (schemars, the `schema` feature of certscope) as serde writes them, with
//! their doc comments as descriptions.
//!
//! schemars' output is brought to the form the schemas have always had, which
//! `tests/report_schema.rs` validates real reports with and the TypeScript generator reads:
//! every object forbids unknown properties (serde writes exactly the fields of a type), `null`
//! beside another schema is a `oneOf`, `format` (an annotation only) is left out, the tag of an
//! object variant that wraps a struct (`kind` on an object entry) is a property of that
//! struct's definition, and descriptions are prose (rustdoc links as code, lines of a
//! paragraph joined).

use schemars::generate::{Contract, SchemaSettings};
use schemars::JsonSchema;
use serde_json::{json, Map, Value};

/// A derived schema: its file under `schema/`, the TypeScript name of its root type, and the
/// schema.
pub struct Derived {
    pub file: &'static str,
    pub root: &'static str,
    pub schema: Value,
}

/// The derived schemas.
pub fn derive() -> Result<Vec<Derived>, String> {
    let mut report = schema_for::<certscope::report::Report>(
        "report.schema.json",
        "certscope report",
        "The versioned report certscope produces for one input (CLI --json, wasm API). Field \
         names are snake_case; schema_version changes on any incompatible change.",
    )?;
    // The one value a report of this version has.
    let version = report
        .pointer_mut("/properties/schema_version")
        .and_then(Value::as_object_mut)
        .ok_or("the report has no schema_version")?;
    version.remove("type");
    version.remove("minimum");
    version.insert("const".into(), certscope::report::SCHEMA_VERSION.into());
    let mut chain = schema_for::<certscope::chain::ChainReport>(
        "chain.schema.json",
        "certscope chain report",
        "The result of building and validating the chain of one certificate \
         (`certscope::chain::ChainReport`): CLI `verify --json`, wasm `verify`. Field names are \
         snake_case; the report's schema_version covers this shape too. The outer layers add \
         fields, listed here as optional: the wasm API `explanation`, `extra_anchors`, \
         `anchor_stores` and `anchored_by`, the CLI `mozilla_roots`.",
    )?;
    outer_layer_fields(&mut chain)?;
    for (file, schema) in [
        ("report.schema.json", &report),
        ("chain.schema.json", &chain),
    ] {
        if let Some(reference) = unresolved_local_reference(schema) {
            return Err(format!("schema/{file}: {reference} names no definition"));
        }
    }
    Ok(vec![
        Derived {
            file: "report.schema.json",
            root: "Report",
            schema: report,
        },
        Derived {
            file: "chain.schema.json",
            root: "ChainReport",
            schema: chain,
        },
    ])
}

/// The schema of `T` as serde serialises it, in the schemas' form, with its `$id`, title and
/// description.
fn schema_for<T: JsonSchema>(file: &str, title: &str, description: &str) -> Result<Value, String> {
    let generator = SchemaSettings::draft2020_12()
        .with(|s| s.contract = Contract::Serialize)
        .into_generator();
    let mut schema = generator.into_root_schema_for::<T>().to_value();
    tidy(&mut schema);
    hoist_tags(&mut schema)?;
    let Value::Object(body) = schema else {
        return Err(format!("{file}: the root schema is not an object"));
    };
    let mut root = Map::new();
    root.insert(
        "$schema".into(),
        "https://json-schema.org/draft/2020-12/schema".into(),
    );
    root.insert(
        "$id".into(),
        format!("https://example.invalid/certscope/schema/{file}").into(),
    );
    root.insert(
        "$comment".into(),
        "Generated from the Rust types by `cargo xtask generate`: do not edit.".into(),
    );
    root.insert("title".into(), title.into());
    root.insert("description".into(), description.into());
    for (key, value) in body {
        if !matches!(
            key.as_str(),
            "$schema" | "$id" | "$comment" | "title" | "description"
        ) {
            root.insert(key, value);
        }
    }
    Ok(Value::Object(root))
}

/// The fields the wasm API's `verify` (`BesideChainReport`, from its Rust type) and the CLI's
/// `verify --json --mozilla-roots` add to the chain report, as optional properties of its root.
fn outer_layer_fields(chain: &mut Value) -> Result<(), String> {
    let definitions = certscope_wasm::schema::definitions();
    let beside = definitions
        .get("BesideChainReport")
        .and_then(|d| d.get("properties"))
        .and_then(Value::as_object)
        .ok_or("the wasm API has no BesideChainReport")?;
    let properties = chain
        .get_mut("properties")
        .and_then(Value::as_object_mut)
        .ok_or("the chain report has no properties")?;
    let mut wanted = Vec::new();
    for (name, schema) in beside {
        let mut schema = schema.clone();
        tidy(&mut schema);
        if let Some(text) = schema.get("description").and_then(Value::as_str) {
            let mut chars = text.chars();
            let first = chars.next().map(|c| c.to_lowercase().to_string());
            let text = format!(
                "wasm `verify` only: {}{}",
                first.unwrap_or_default(),
                chars.as_str()
            );
            if let Some(object) = schema.as_object_mut() {
                object.insert("description".into(), text.into());
            }
        }
        local_references(&schema, &mut wanted);
        if properties.insert(name.clone(), schema).is_some() {
            return Err(format!(
                "the wasm API's `{name}` is a chain report field too"
            ));
        }
    }
    // Added by cli/src/verify.rs to the JSON of the chain report.
    properties.insert(
        "mozilla_roots".into(),
        json!({
            "description": "CLI only, with --mozilla-roots: the root store version.",
            "type": "string"
        }),
    );
    // The definitions those fields refer to, and theirs in turn, copied beside the chain
    // report's own, so that the schema stays whole (every `$ref` local).
    let own = chain
        .get_mut("$defs")
        .and_then(Value::as_object_mut)
        .ok_or("the chain report has no $defs")?;
    while let Some(wanted_name) = wanted.pop() {
        if own.contains_key(&wanted_name) {
            continue;
        }
        let mut definition = definitions
            .get(&wanted_name)
            .cloned()
            .ok_or_else(|| format!("the wasm API has no definition {wanted_name}"))?;
        tidy(&mut definition);
        local_references(&definition, &mut wanted);
        own.insert(wanted_name, definition);
    }
    Ok(())
}

/// The first reference within the file (`#/$defs/NAME`) that points at nothing.
pub fn unresolved_local_reference(schema: &Value) -> Option<String> {
    let mut names = Vec::new();
    local_references(schema, &mut names);
    names
        .into_iter()
        .find(|name| schema.pointer(&format!("/$defs/{name}")).is_none())
        .map(|name| format!("#/$defs/{name}"))
}

/// Adds the name of every definition `schema` refers to in its own file (`#/$defs/NAME`).
fn local_references(schema: &Value, names: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(name) = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/$defs/"))
            {
                names.push(name.to_owned());
            }
            map.values()
                .for_each(|value| local_references(value, names));
        }
        Value::Array(items) => items
            .iter()
            .for_each(|value| local_references(value, names)),
        _ => {}
    }
}

/// Brings one schema and everything under it to the schemas' form (see the module's
/// documentation). Walks schemas only, never a `properties` map as if it were one, so a field
/// named `format` or `description` is left alone.
fn tidy(schema: &mut Value) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    object.remove("format");
    if let Some(branches) = object.remove("anyOf") {
        object.insert("oneOf".into(), branches);
    }
    if let Some(Value::String(text)) = object.get_mut("description") {
        *text = prose(text);
    }
    distribute_flattened_variants(object);
    let is_object = object.get("type").and_then(Value::as_str) == Some("object");
    if is_object && object.contains_key("properties") {
        object
            .entry("additionalProperties")
            .or_insert(Value::Bool(false));
    }
    for (keyword, argument) in object.iter_mut() {
        match keyword.as_str() {
            "properties" | "$defs" => {
                for sub in argument
                    .as_object_mut()
                    .into_iter()
                    .flat_map(|m| m.values_mut())
                {
                    tidy(sub);
                }
            }
            "oneOf" | "allOf" | "prefixItems" => {
                for sub in argument.as_array_mut().into_iter().flatten() {
                    tidy(sub);
                }
            }
            "items" | "additionalProperties" => tidy(argument),
            _ => {}
        }
    }
}

/// A struct with a tagged enum flattened into it (`#[serde(flatten)]`, as `Origin` holds its
/// `encoding`) is written by schemars as the struct's properties beside a `oneOf` of the
/// variants. Each variant then gets the struct's properties, so that every arm lists all the
/// fields it may have and can forbid the others.
fn distribute_flattened_variants(object: &mut Map<String, Value>) {
    let arms_are_objects = object
        .get("oneOf")
        .and_then(Value::as_array)
        .is_some_and(|arms| arms.iter().all(|arm| arm.get("properties").is_some()));
    if !arms_are_objects || !object.contains_key("properties") {
        return;
    }
    let properties = object.remove("properties").unwrap_or_default();
    let required = object.remove("required").unwrap_or_default();
    object.remove("type");
    object.remove("additionalProperties");
    let arms = object.get_mut("oneOf").and_then(Value::as_array_mut);
    for arm in arms.into_iter().flatten() {
        if let Some(own) = arm.get_mut("properties").and_then(Value::as_object_mut) {
            for (name, schema) in properties.as_object().into_iter().flatten() {
                own.insert(name.clone(), schema.clone());
            }
        }
        if let (Some(list), Some(extra)) = (
            arm.get_mut("required").and_then(Value::as_array_mut),
            required.as_array(),
        ) {
            list.extend(extra.iter().cloned());
        }
        arm["type"] = "object".into();
    }
}

/// A doc comment as a description: the lines of a paragraph joined, paragraphs and code
/// blocks kept, rustdoc links written as code (`` [`crate::role::Role`] `` as `` `Role` ``),
/// and Rust's `None` written as JSON's `null`.
pub fn prose(doc: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_code = false;
    for line in doc.lines() {
        let fence = line.trim_start().starts_with("```");
        if in_code || fence {
            current.push_str(line);
            current.push('\n');
            if fence {
                in_code = !in_code;
            }
            continue;
        }
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.trim_end().to_owned());
                current.clear();
            }
            continue;
        }
        if !current.is_empty() && !current.ends_with('\n') {
            current.push(' ');
        }
        current.push_str(line.trim());
    }
    if !current.is_empty() {
        paragraphs.push(current.trim_end().to_owned());
    }
    let text = paragraphs.join("\n\n");
    unlink(&text).replace("`None`", "`null`")
}

/// Rustdoc intra-doc links (`` [`path::Item`] ``) as code spans naming the item from its type
/// on (`` `Item` ``, `` `Type::field` ``); a module alone keeps its last name.
fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[`") {
        let (before, after) = rest.split_at(start);
        out.push_str(before);
        let inner = after.get(2..).unwrap_or_default();
        match inner.find("`]") {
            // A link with a target (`[`x`](url)`) is Markdown, not rustdoc: kept.
            Some(end) if !inner.get(end + 2..).unwrap_or_default().starts_with('(') => {
                let path = inner.get(..end).unwrap_or_default();
                let segments: Vec<&str> = path.split("::").collect();
                let from = segments
                    .iter()
                    .position(|s| s.starts_with(|c: char| c.is_ascii_uppercase()))
                    .unwrap_or(segments.len().saturating_sub(1));
                out.push('`');
                out.push_str(&segments.get(from..).unwrap_or_default().join("::"));
                out.push('`');
                rest = inner.get(end + 2..).unwrap_or_default();
            }
            _ => {
                out.push_str("[`");
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// An internally tagged variant that wraps a struct is written by schemars as the struct's
/// `$ref` with the tag beside it, which a struct forbidding unknown properties would refuse.
/// The tag moves into the struct's definition, which only that variant may use.
fn hoist_tags(schema: &mut Value) -> Result<(), String> {
    let text = schema.to_string();
    let mut moves: Vec<(String, String, Value)> = Vec::new();
    let definitions = schema
        .get_mut("$defs")
        .and_then(Value::as_object_mut)
        .ok_or("the schema has no $defs")?;
    for definition in definitions.values_mut() {
        let Some(branches) = definition.get_mut("oneOf").and_then(Value::as_array_mut) else {
            continue;
        };
        for branch in branches {
            let Some(reference) = branch.get("$ref").and_then(Value::as_str) else {
                continue;
            };
            let reference = reference.to_owned();
            let Some(properties) = branch.get("properties").and_then(Value::as_object) else {
                continue;
            };
            let [(tag, tag_schema)] = properties.iter().collect::<Vec<_>>()[..] else {
                return Err(format!(
                    "a variant wrapping {reference} adds several properties"
                ));
            };
            let (tag, tag_schema) = (tag.clone(), tag_schema.clone());
            let name = reference
                .strip_prefix("#/$defs/")
                .ok_or_else(|| format!("not a local reference: {reference}"))?
                .to_owned();
            if text.matches(&format!("\"{reference}\"")).count() != 1 {
                return Err(format!(
                    "{name} is used beside a tagged variant too; give the variant a struct of \
                     its own"
                ));
            }
            if let Some(object) = branch.as_object_mut() {
                object.remove("properties");
                object.remove("required");
                object.remove("type");
                object.remove("additionalProperties");
            }
            moves.push((name, tag, tag_schema));
        }
    }
    for (name, tag, tag_schema) in moves {
        let target = definitions
            .get_mut(&name)
            .and_then(Value::as_object_mut)
            .ok_or_else(|| format!("no definition {name}"))?;
        if let Some(properties) = target.get_mut("properties").and_then(Value::as_object_mut) {
            properties.insert(tag.clone(), tag_schema);
        }
        if let Some(required) = target.get_mut("required").and_then(Value::as_array_mut) {
            required.insert(0, tag.into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_comments_become_prose() {
        assert_eq!(
            prose("Index of the certificate in\n[`Report::objects`]; `None` when\nabsent."),
            "Index of the certificate in `Report::objects`; `null` when absent."
        );
        assert_eq!(
            prose("One.\n\n```text\nA ::= SEQUENCE {\n  b INTEGER }\n```\n([RFC](https://x))"),
            "One.\n\n```text\nA ::= SEQUENCE {\n  b INTEGER }\n```\n([RFC](https://x))"
        );
        assert_eq!(
            unlink("see [`crate::lint::LintTarget::auto`] and [`crate::role`]"),
            "see `LintTarget::auto` and `role`"
        );
        assert_eq!(unlink("[`x`](https://x) [`"), "[`x`](https://x) [`");
    }

    #[test]
    fn every_object_is_closed_and_every_property_described() {
        for derived in derive().unwrap() {
            let mut stack = vec![("#".to_owned(), &derived.schema)];
            while let Some((at, schema)) = stack.pop() {
                if schema["type"] == "object" && schema.get("properties").is_some() {
                    assert_eq!(schema["additionalProperties"], false, "{at}");
                }
                for (name, sub) in schema["properties"].as_object().into_iter().flatten() {
                    stack.push((format!("{at}/properties/{name}"), sub));
                }
                for (name, sub) in schema["$defs"].as_object().into_iter().flatten() {
                    stack.push((format!("#/$defs/{name}"), sub));
                }
                for (i, sub) in schema["oneOf"].as_array().into_iter().flatten().enumerate() {
                    stack.push((format!("{at}/oneOf/{i}"), sub));
                }
                assert!(schema.get("anyOf").is_none(), "{at}");
                assert!(schema.get("format").is_none(), "{at}");
            }
        }
    }
}
