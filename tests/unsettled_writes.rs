//! A write whose outcome is unknown is sent again, unchanged, with the same idempotency key
//! (so it is applied at most once); one that got an answer lets its key go.

mod support;

use issuing_admin::api::ApiClient;
use issuing_admin::unsettled_writes::{key_for, pending_key, settle};
use issuing_model::api::AuditQuery;
use issuing_model::{Address, Billing, CardholderCreate, CardholderType};
use support::{live_api, US};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_key_is_kept_while_the_outcome_is_unknown_and_let_go_after() {
    let first = key_for("/x", "{\"a\":1}");
    assert_eq!(key_for("/x", "{\"a\":1}"), first, "unsettled: the same key");
    assert_ne!(
        key_for("/x", "{\"a\":2}"),
        first,
        "another draft: another key"
    );
    settle("/x", "{\"a\":1}", true);
    assert_eq!(pending_key("/x", "{\"a\":1}"), Some(first.clone()));
    settle("/x", "{\"a\":1}", false);
    assert_eq!(pending_key("/x", "{\"a\":1}"), None);
    assert_ne!(key_for("/x", "{\"a\":1}"), first, "settled: a new write");
}

/// A name of letters only (names on cards take no digits), new each run.
fn letters(mut n: u64) -> String {
    (0..8)
        .map(|_| {
            let c = (b'a' + (n % 26) as u8) as char;
            n /= 26;
            c
        })
        .collect()
}

fn holder(name: &str) -> CardholderCreate {
    CardholderCreate {
        kind: CardholderType::Company,
        name: name.to_owned(),
        email: None,
        phone_number: None,
        billing: Billing {
            address: Address {
                line1: Some("1 Market Street".into()),
                city: Some("Portland".into()),
                state: Some("OR".into()),
                postal_code: Some("97204".into()),
                country: Some("US".into()),
                line2: None,
            },
        },
        individual: None,
        status: None,
        spending_controls: None,
        metadata: Default::default(),
        preferred_locales: Vec::new(),
    }
}

#[wasm_bindgen_test]
async fn the_operators_retry_after_a_failure_on_the_way_reuses_the_key() {
    let signed_in = live_api().sign_in("op_aiko").await.unwrap();
    let api = live_api().with_token(signed_in.token.clone());
    // The same server seen through a network that fails: the write's outcome is unknown.
    let broken = ApiClient::new("http://127.0.0.1:9").with_token(signed_in.token);
    let create = holder(&format!("Retry Co {}", letters(js_sys::Date::now() as u64)));
    let (path, body) = (
        format!("/accounts/{US}/cardholders"),
        serde_json::to_string(&create).unwrap(),
    );

    assert!(broken.create_cardholder(US, &create).await.is_err());
    let kept = pending_key(&path, &body).expect("the failed write keeps its key");
    let made = api.create_cardholder(US, &create).await.unwrap();
    let trail = api
        .audit(&AuditQuery {
            object: Some(made.id.to_string()),
            ..AuditQuery::default()
        })
        .await
        .unwrap();
    let sent_with = trail.data[0].idempotency_key.clone().unwrap();
    assert!(sent_with.ends_with(&kept), "{sent_with} vs {kept}");
    assert_eq!(pending_key(&path, &body), None, "done: the key is let go");

    // The same form sent again after it succeeded is a new cardholder, with a new key.
    let again = api.create_cardholder(US, &create).await.unwrap();
    assert_ne!(again.id, made.id);
}
