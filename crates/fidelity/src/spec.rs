//! One API version's shapes as `../shared/stripe-shapes/json/*.json` hold them: named schemas,
//! the roots (`Card`, `Issuing.CardUpdateParams`, …) and every endpoint with its parameter type.

use serde_json::{Map, Value};

pub struct Spec {
    pub version: String,
    roots: Map<String, Value>,
    schemas: Map<String, Value>,
    operations: Vec<Operation>,
}

struct Operation {
    method: String,
    /// `None` where the path takes an id.
    segments: Vec<Option<String>>,
    params: String,
}

impl Spec {
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut file: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut take = |key: &str| match file.get_mut(key).map(Value::take) {
            Some(value) => Ok(value),
            None => Err(format!("no `{key}`")),
        };
        let version = take("api_version")?.as_str().unwrap_or_default().to_owned();
        let (Value::Object(roots), Value::Object(schemas), Value::Array(ops)) =
            (take("roots")?, take("schemas")?, take("operations")?)
        else {
            return Err("roots, schemas and operations must be an object, object, array".into());
        };
        let operations = ops
            .iter()
            .filter_map(|op| {
                Some(Operation {
                    method: op.get("http")?.as_str()?.to_owned(),
                    segments: segments(op.get("path")?.as_str()?),
                    params: op.get("params")?.as_str()?.to_owned(),
                })
            })
            .collect();
        Ok(Self {
            version,
            roots,
            schemas,
            operations,
        })
    }

    /// The schema a root (`Card`) or parameter type (`Issuing.CardUpdateParams`) names.
    pub fn named(&self, name: &str) -> Option<&Value> {
        if let Some(target) = self.roots.get(name).and_then(Value::as_str) {
            return self.schemas.get(target);
        }
        // Parameter types are kept under their module: `Issuing:Cards.Issuing.CardUpdateParams`.
        let suffix = format!(".{name}");
        self.schemas
            .iter()
            .find(|(key, _)| key.as_str() == name || key.ends_with(&suffix))
            .map(|(_, schema)| schema)
    }

    /// Follows `$ref`s to the schema itself.
    pub fn resolve<'a>(&'a self, mut schema: &'a Value) -> &'a Value {
        while let Some(target) = schema.get("$ref").and_then(Value::as_str) {
            let name = target.rsplit('/').next().unwrap_or(target);
            match self.schemas.get(name) {
                Some(next) => schema = next,
                None => break,
            }
        }
        schema
    }

    /// The parameter type of `method path` (`GET /v1/issuing/cards/ic_1`), if Stripe has the
    /// endpoint.
    pub fn params_of(&self, method: &str, path: &str) -> Option<&str> {
        let wanted: Vec<&str> = path.trim_matches('/').split('/').collect();
        self.operations
            .iter()
            .find(|op| {
                op.method.eq_ignore_ascii_case(method)
                    && op.segments.len() == wanted.len()
                    && op
                        .segments
                        .iter()
                        .zip(&wanted)
                        .all(|(known, got)| known.as_deref().is_none_or(|k| k == *got))
            })
            .map(|op| op.params.as_str())
    }
}

/// `/v1/issuing/cards/{id}` → `[v1, issuing, cards, None]` (the SDK also writes `${id}`).
fn segments(path: &str) -> Vec<Option<String>> {
    path.trim_matches('/')
        .split('/')
        .map(|s| (!s.starts_with('{') && !s.starts_with('$')).then(|| s.to_owned()))
        .collect()
}

/// For an `anyOf`: nothing if some branch fits, else the differences from the closest branch.
pub fn closest_branch(
    branches: &[Value],
    mut check: impl FnMut(&Value, &mut Vec<String>),
) -> Vec<String> {
    let mut best: Option<Vec<String>> = None;
    for branch in branches {
        let mut found = Vec::new();
        check(branch, &mut found);
        if found.is_empty() {
            return found;
        }
        if best.as_ref().is_none_or(|b| found.len() < b.len()) {
            best = Some(found);
        }
    }
    best.unwrap_or_default()
}
