//! Whether a JSON answer has the shape Stripe gives it: every field Stripe always sends
//! (`null` only where it may be), no field Stripe does not have, closed sets kept closed.

use serde_json::Value;

use crate::spec::{closest_branch, Spec};

/// Appends to `out` each way `value` differs from `schema`, named by its path (`shipping.eta`).
pub fn check(spec: &Spec, schema: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
    let schema = spec.resolve(schema);
    if value.is_null() {
        if !nullable(schema) {
            out.push(format!(
                "{}: null, which Stripe never sends here",
                shown(path)
            ));
        }
        return;
    }
    if schema.get("x-unresolved").is_some() {
        return;
    }
    if let Some(Value::Array(branches)) = schema.get("anyOf") {
        out.extend(closest_branch(branches, |branch, found| {
            check(spec, branch, value, path, found)
        }));
        return;
    }
    if let Some(Value::Array(allowed)) = schema.get("enum") {
        if !allowed.contains(value) {
            out.push(format!(
                "{}: {value} is not one of {}",
                shown(path),
                list(allowed)
            ));
        }
        return;
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("object") => check_object(spec, schema, value, path, out),
        Some("array") => match value.as_array() {
            Some(items) => {
                let item = schema.get("items").unwrap_or(&Value::Null);
                for (i, v) in items.iter().enumerate() {
                    check(spec, item, v, &format!("{path}[{i}]"), out);
                }
            }
            None => out.push(format!("{}: {value}, not a list", shown(path))),
        },
        Some(kind) if !is_kind(value, kind) => {
            out.push(format!("{}: {value}, not a {kind}", shown(path)));
        }
        _ => {}
    }
}

fn check_object(spec: &Spec, schema: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
    let Some(fields) = value.as_object() else {
        out.push(format!("{}: {value}, not an object", shown(path)));
        return;
    };
    let properties = schema.get("properties").and_then(Value::as_object);
    let extra = schema.get("additionalProperties");
    if let Some(Value::Array(required)) = schema.get("required") {
        for name in required.iter().filter_map(Value::as_str) {
            if !fields.contains_key(name) {
                out.push(format!(
                    "{}: missing (Stripe always sends it)",
                    join(path, name)
                ));
            }
        }
    }
    for (name, field) in fields {
        let at = join(path, name);
        match (properties.and_then(|p| p.get(name)), extra) {
            (Some(known), _) => check(spec, known, field, &at, out),
            (None, Some(Value::Bool(true))) => {}
            (None, Some(open)) if open.is_object() => check(spec, open, field, &at, out),
            (None, _) => out.push(format!("{at}: a field Stripe does not have")),
        }
    }
}

fn nullable(schema: &Value) -> bool {
    schema.get("nullable").and_then(Value::as_bool) == Some(true)
}

fn is_kind(value: &Value, kind: &str) -> bool {
    match kind {
        "string" => value.is_string(),
        "number" | "integer" => value.is_number(),
        "boolean" => value.is_boolean(),
        _ => true,
    }
}

pub(crate) fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

fn shown(path: &str) -> &str {
    if path.is_empty() {
        "(the object)"
    } else {
        path
    }
}

pub(crate) fn list(values: &[Value]) -> String {
    let mut names: Vec<String> = values.iter().map(|v| v.to_string()).collect();
    if names.len() > 8 {
        let more = names.len() - 8;
        names.truncate(8);
        names.push(format!("… ({more} more)"));
    }
    names.join(", ")
}
