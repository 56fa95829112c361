//! The fields Stripe always sends that the sandbox has nothing to say about, at the values
//! Stripe gives them (`stripe_defaults.json`, by `object`; `null` where Stripe's types allow
//! it). The model carries what the panel and server use; this fills in the rest, so an answer
//! has every field Stripe's would (checked against Stripe's types in the tests).

use std::sync::OnceLock;

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::middleware::Next;
use axum::response::Response;
use serde_json::{Map, Value};

fn defaults() -> &'static Map<String, Value> {
    static DEFAULTS: OnceLock<Map<String, Value>> = OnceLock::new();
    DEFAULTS.get_or_init(|| {
        serde_json::from_str(include_str!("stripe_defaults.json"))
            .expect("stripe_defaults.json is a JSON object")
    })
}

/// The features an account session's `component` takes, if Stripe has that component.
pub fn component_features(component: &str) -> Option<Vec<&'static str>> {
    let features = defaults()
        .get("account_session")?
        .pointer(&format!("/components/{component}/features"))?
        .as_object()?;
    Some(features.keys().map(String::as_str).collect())
}

/// Adds to `value`, and to every object inside it, the fields Stripe would send that it lacks.
pub fn complete(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            for field in fields.values_mut() {
                complete(field);
            }
            let kind = fields.get("object").and_then(Value::as_str).unwrap_or("");
            if let Some(Value::Object(missing)) = defaults().get(kind) {
                fill(fields, missing);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(complete),
        _ => {}
    }
}

/// Inserts what `fields` lacks from `defaults`, and inside hashes both have.
fn fill(fields: &mut Map<String, Value>, defaults: &Map<String, Value>) {
    for (name, default) in defaults {
        match (fields.get_mut(name), default) {
            (None, _) => {
                fields.insert(name.clone(), default.clone());
            }
            (Some(Value::Object(inner)), Value::Object(more)) => fill(inner, more),
            _ => {}
        }
    }
}

/// Completes every JSON answer of the API on its way out.
pub async fn layer(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let Ok(mut value) = serde_json::from_slice::<Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    complete(&mut value);
    let bytes = serde_json::to_vec(&value).unwrap_or_else(|_| bytes.to_vec());
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fills_what_is_missing_everywhere_and_keeps_what_is_there() {
        let mut list = json!({
            "object": "list",
            "data": [{
                "object": "issuing.card",
                "second_line": "Kept",
                "cardholder": { "object": "issuing.cardholder", "requirements": { "past_due": ["x"] } }
            }]
        });
        complete(&mut list);
        let card = &list["data"][0];
        assert_eq!(card["second_line"], "Kept");
        assert!(card["latest_fraud_warning"].is_null());
        assert!(card
            .as_object()
            .unwrap()
            .contains_key("latest_fraud_warning"));
        let requirements = &card["cardholder"]["requirements"];
        assert_eq!(requirements["past_due"], json!(["x"]));
        assert!(requirements
            .as_object()
            .unwrap()
            .contains_key("disabled_reason"));
        assert!(
            list.get("latest_fraud_warning").is_none(),
            "a list is not a card"
        );
    }
}
