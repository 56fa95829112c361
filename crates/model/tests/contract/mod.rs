//! The contract both sample sets are held to: an object deserializes into our type and
//! serializes back without losing or changing a field we model.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// Every key we serialize must carry the sample's value: nothing known is lost or changed.
pub fn assert_round_trips<T: DeserializeOwned + Serialize>(fixture: &Value) -> T {
    let typed: T = serde_json::from_value(fixture.clone()).expect("the sample deserializes");
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
