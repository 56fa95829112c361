//! Whether a form-encoded request (`a[b][0][c]=v`, as Stripe takes them) holds only parameters
//! Stripe's parameter type has, with values of the kinds and sets it allows, and every
//! parameter it requires.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::object::list;
use crate::spec::{closest_branch, Spec};

/// The pairs, nested by their brackets.
#[derive(Debug)]
pub enum Tree {
    Leaf(String),
    Node(BTreeMap<String, Tree>),
}

impl Tree {
    pub fn parse(pairs: &[(String, String)]) -> Result<Self, String> {
        let mut root = Tree::Node(BTreeMap::new());
        for (key, value) in pairs {
            let mut node = &mut root;
            let names = names(key)?;
            for (i, name) in names.iter().enumerate() {
                let Tree::Node(children) = node else {
                    return Err(format!("{key}: both a value and a hash"));
                };
                // `a[]=x&a[]=y` appends.
                let name = if name.is_empty() {
                    children.len().to_string()
                } else {
                    name.clone()
                };
                node = if i + 1 == names.len() {
                    if children.contains_key(&name) {
                        return Err(format!("{key}: sent twice"));
                    }
                    children.entry(name).or_insert(Tree::Leaf(value.clone()))
                } else {
                    children
                        .entry(name)
                        .or_insert_with(|| Tree::Node(BTreeMap::new()))
                };
            }
        }
        Ok(root)
    }
}

/// `a[b][0]` → `["a", "b", "0"]`.
fn names(key: &str) -> Result<Vec<String>, String> {
    let (first, mut rest) = key.split_once('[').map_or((key, ""), |(f, r)| (f, r));
    let mut out = vec![first.to_owned()];
    while !rest.is_empty() {
        let (inside, after) = rest
            .split_once(']')
            .ok_or_else(|| format!("{key}: an unclosed bracket"))?;
        out.push(inside.to_owned());
        rest = after.strip_prefix('[').unwrap_or(after);
    }
    Ok(out)
}

/// What Stripe's docs allow although its types do not (see the crate's documentation).
pub struct Allowances {
    /// A parameter, by its bracket path, that may be sent though the type lacks it.
    pub extra: fn(&str) -> bool,
    /// A parameter the type requires that may be left out.
    pub unrequired: fn(&str) -> bool,
    /// A parameter that may be sent as `""` to clear it though the type does not say so.
    pub emptyable: fn(&str) -> bool,
}

pub fn check(
    spec: &Spec,
    schema: &Value,
    tree: &Tree,
    path: &str,
    allow: &Allowances,
    out: &mut Vec<String>,
) {
    let schema = spec.resolve(schema);
    if schema.get("x-unresolved").is_some() {
        return;
    }
    if let Some(Value::Array(branches)) = schema.get("anyOf") {
        out.extend(closest_branch(branches, |branch, found| {
            check(spec, branch, tree, path, allow, found)
        }));
        return;
    }
    match tree {
        Tree::Leaf(value) => check_value(schema, value, path, allow, out),
        Tree::Node(children) => match schema.get("type").and_then(Value::as_str) {
            Some("object") => check_hash(spec, schema, children, path, allow, out),
            Some("array") => {
                let item = schema.get("items").unwrap_or(&Value::Null);
                for (index, child) in children {
                    if index.parse::<usize>().is_err() {
                        out.push(format!("{path}[{index}]: a list takes indices, not names"));
                        continue;
                    }
                    check(spec, item, child, &format!("{path}[{index}]"), allow, out);
                }
            }
            _ => out.push(format!("{path}: a hash where Stripe takes a single value")),
        },
    }
}

fn check_hash(
    spec: &Spec,
    schema: &Value,
    children: &BTreeMap<String, Tree>,
    path: &str,
    allow: &Allowances,
    out: &mut Vec<String>,
) {
    let properties = schema.get("properties").and_then(Value::as_object);
    let extra = schema.get("additionalProperties");
    if let Some(Value::Array(required)) = schema.get("required") {
        for name in required.iter().filter_map(Value::as_str) {
            if !children.contains_key(name) && !(allow.unrequired)(&at(path, name)) {
                out.push(format!("{}: required but not sent", at(path, name)));
            }
        }
    }
    for (name, child) in children {
        let here = at(path, name);
        match (properties.and_then(|p| p.get(name)), extra) {
            (Some(known), _) => check(spec, known, child, &here, allow, out),
            (None, Some(open)) if open.is_object() => check(spec, open, child, &here, allow, out),
            // Allowed by the docs: its own keys must be allowed too.
            (None, _) if (allow.extra)(&here) => {
                if let Tree::Node(inner) = child {
                    for key in inner.keys() {
                        let deeper = at(&here, key);
                        if !(allow.extra)(&deeper) {
                            out.push(format!("{deeper}: a parameter Stripe does not take"));
                        }
                    }
                }
            }
            (None, _) => out.push(format!("{here}: a parameter Stripe does not take")),
        }
    }
}

fn check_value(schema: &Value, value: &str, path: &str, allow: &Allowances, out: &mut Vec<String>) {
    let kind = schema.get("type").and_then(Value::as_str);
    if let Some(Value::Array(allowed)) = schema.get("enum") {
        if !allowed.iter().any(|a| a.as_str() == Some(value)) {
            if value.is_empty() && (allow.emptyable)(path) {
                return;
            }
            out.push(format!("{path}: {value:?} is not one of {}", list(allowed)));
        }
        return;
    }
    if value.is_empty() && kind != Some("string") {
        if !(allow.emptyable)(path) {
            out.push(format!("{path}: \"\" where Stripe does not allow clearing"));
        }
        return;
    }
    let fits = match kind {
        Some("number" | "integer") => value.parse::<f64>().is_ok(),
        Some("boolean") => value == "true" || value == "false",
        Some("object") | Some("array") => false,
        _ => true,
    };
    if !fits {
        let kind = kind.unwrap_or("value");
        out.push(format!("{path}: {value:?} is not a {kind}"));
    }
}

fn at(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}[{name}]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn brackets_nest_and_appends_count_up() {
        let tree = Tree::parse(&pairs(&[
            ("a[b][0][c]", "1"),
            ("a[b][0][d]", "2"),
            ("e[]", "x"),
            ("e[]", "y"),
        ]))
        .unwrap();
        let Tree::Node(top) = tree else { panic!() };
        let Some(Tree::Node(e)) = top.get("e") else {
            panic!()
        };
        assert_eq!(e.keys().collect::<Vec<_>>(), ["0", "1"]);
        assert!(matches!(top.get("a"), Some(Tree::Node(_))));
    }

    #[test]
    fn a_key_sent_twice_or_as_value_and_hash_is_refused() {
        assert!(Tree::parse(&pairs(&[("a", "1"), ("a", "2")])).is_err());
        assert!(Tree::parse(&pairs(&[("a", "1"), ("a[b]", "2")])).is_err());
        assert!(Tree::parse(&pairs(&[("a[b", "1")])).is_err());
    }
}
