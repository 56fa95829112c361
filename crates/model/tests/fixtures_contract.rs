//! Contract tests: Stripe's own example objects (`shared/stripe-fixtures`) must deserialize into
//! our types and serialize back without losing a field we model.

use issuing_model::{Account, List, StripeError};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn fixtures() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/stripe-fixtures/fixtures3.json"
    );
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("read {path}: {e} (shared/ must sit beside the checkout)"));
    serde_json::from_str(&text).expect("fixtures are JSON")
}

fn resource(name: &str) -> Value {
    fixtures()["resources"][name].clone()
}

/// Every key we serialize must carry the fixture's value: nothing known is lost or changed.
fn assert_round_trips<T: DeserializeOwned + Serialize>(fixture: &Value) -> T {
    let typed: T = serde_json::from_value(fixture.clone()).expect("fixture deserializes");
    let back = serde_json::to_value(&typed).expect("serializes");
    assert_subset(&back, fixture, "$");
    typed
}

fn assert_subset(ours: &Value, theirs: &Value, path: &str) {
    match (ours, theirs) {
        (Value::Object(o), Value::Object(t)) => {
            for (k, v) in o {
                let tv = t.get(k).unwrap_or(&Value::Null);
                assert_subset(v, tv, &format!("{path}.{k}"));
            }
        }
        (Value::Array(o), Value::Array(t)) => {
            assert_eq!(o.len(), t.len(), "list {path} changed length");
            for (i, (ov, tv)) in o.iter().zip(t).enumerate() {
                assert_subset(ov, tv, &format!("{path}[{i}]"));
            }
        }
        // Stripe sends `null` where an empty list or map would do; both mean "none".
        (Value::Array(a), Value::Null) if a.is_empty() => {}
        (Value::Object(o), Value::Null) if o.is_empty() => {}
        _ => assert_eq!(ours, theirs, "field {path} changed in the round trip"),
    }
}

#[test]
fn account_fixture_round_trips() {
    let account: Account = assert_round_trips(&resource("account"));
    assert!(account.id.starts_with("acct_"));
    assert_eq!(account.country.as_deref(), Some("US"));
    assert_eq!(account.display_name(), "site@stripe.com");
}

#[test]
fn list_of_accounts_round_trips() {
    let list = serde_json::json!({
        "object": "list", "url": "/v1/accounts", "has_more": false,
        "data": [resource("account")],
    });
    let typed: List<Account> = assert_round_trips(&list);
    assert_eq!(typed.data.len(), 1);
}

#[test]
fn stripe_error_keeps_param_and_unknown_type() {
    let body = serde_json::json!({"error": {
        "type": "brand_new_error", "code": "parameter_invalid_integer",
        "message": "Invalid integer: abc", "param": "spending_controls[spending_limits][0][amount]",
        "doc_url": "https://stripe.com/docs/error-codes/parameter-invalid-integer"
    }});
    let err: StripeError = assert_round_trips(&body);
    assert_eq!(
        err.error.param.as_deref(),
        Some("spending_controls[spending_limits][0][amount]")
    );
    assert!(err.to_string().contains("Invalid integer"));
}
