//! A write whose outcome is unknown is sent again, unchanged, with the same idempotency key
//! (so it is applied at most once); one that got an answer lets its key go.

mod support;

use issuing_admin::api::ApiClient;
use issuing_admin::unsettled_writes::{key_for, pending_key, settle};
use issuing_model::api::AuditQuery;
use issuing_model::CardholderType;
use support::{live_api, portland_holder, unique_letters, US};
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

#[wasm_bindgen_test]
async fn the_operators_retry_after_a_failure_on_the_way_reuses_the_key() {
    let signed_in = live_api().sign_in("op_aiko").await.unwrap();
    let api = live_api().with_token(signed_in.token.clone());
    // The same server seen through a network that fails: the write's outcome is unknown.
    let broken = ApiClient::new("http://127.0.0.1:9").with_token(signed_in.token);
    let create = portland_holder(
        CardholderType::Company,
        &format!("Retry Co {}", unique_letters()),
    );
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
