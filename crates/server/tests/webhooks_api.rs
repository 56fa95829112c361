//! `POST /api/webhooks/stripe` and the live feed: forged, stale and malformed deliveries are
//! refused with no effect; a real one is published once, to the operators who may see it; the
//! sandbox's own deliveries reach a live stream.

mod support;

use issuing_model::webhook_signature;
use issuing_model::{Event, List, StripeError};
use reqwest::StatusCode;
use serde_json::{json, Value};
use support::{expect, Api, EventStream, EURO, UK};

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn event(id: &str, account: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "id": id, "object": "event", "account": account, "api_version": "2025-08-27.basil",
        "created": now(), "livemode": false, "type": "shared_payment.granted_token.deactivated",
        "data": { "object": { "id": "spt_test", "object": "shared_payment.granted_token" } }
    }))
    .unwrap()
}

async fn deliver(api: &Api, signature: Option<String>, body: Vec<u8>) -> reqwest::Response {
    let mut request = api
        .http
        .post(api.url("/api/webhooks/stripe"))
        .header("content-type", "application/json")
        .body(body);
    if let Some(s) = signature {
        request = request.header("Stripe-Signature", s);
    }
    request.send().await.unwrap()
}

async fn recent(api: &Api, operator: &str) -> Vec<String> {
    let token = api.token(operator).await;
    let list: List<Event> = expect(api.get(&token, "/api/events").await, StatusCode::OK).await;
    list.data.into_iter().map(|e| e.id).collect()
}

#[tokio::test]
async fn forged_stale_or_malformed_deliveries_are_refused_and_change_nothing() {
    let api = Api::start().await;
    let secret = api.server.webhook_secret().unwrap().to_owned();
    let body = event("evt_forged", UK);
    let t = now();
    let tampered = String::from_utf8(body.clone())
        .unwrap()
        .replace("deactivated", "used")
        .into_bytes();
    let cases: Vec<(&str, Option<String>, Vec<u8>)> = vec![
        ("no signature", None, body.clone()),
        ("wrong secret", Some(webhook_signature::header("whsec_not_ours", t, &body)), body.clone()),
        ("tampered body", Some(webhook_signature::header(&secret, t, &body)), tampered),
        ("stale", Some(webhook_signature::header(&secret, t - 301, &body)), body.clone()),
        ("from the future", Some(webhook_signature::header(&secret, t + 301, &body)), body.clone()),
        ("no timestamp", Some(format!("v1={}", webhook_signature::sign(&secret, t, &body))), body.clone()),
        ("not JSON", Some(webhook_signature::header(&secret, t, b"{not json")), b"{not json".to_vec()),
        (
            "not an event",
            Some(webhook_signature::header(&secret, t, br#"{"id":"evt_x","object":"charge","created":1,"data":{"object":{}},"type":"x","api_version":null}"#)),
            br#"{"id":"evt_x","object":"charge","created":1,"data":{"object":{}},"type":"x","api_version":null}"#.to_vec(),
        ),
    ];
    for (case, signature, body) in cases {
        let response = deliver(&api, signature, body).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{case}");
        let error: StripeError = response.json().await.unwrap();
        assert_eq!(
            error.error.code.as_deref(),
            Some("webhook_rejected"),
            "{case}: {}",
            error.error.message
        );
    }
    assert!(
        recent(&api, "op_aiko").await.is_empty(),
        "nothing was published"
    );
}

#[tokio::test]
async fn a_signed_event_is_published_once_and_only_to_operators_of_its_account() {
    let api = Api::start().await;
    let secret = api.server.webhook_secret().unwrap().to_owned();
    let uk = event("evt_uk_1", UK);
    for duplicate in [false, true] {
        let response = deliver(
            &api,
            Some(webhook_signature::header(&secret, now(), &uk)),
            uk.clone(),
        )
        .await;
        let answer: Value = expect(response, StatusCode::OK).await;
        assert_eq!(answer["duplicate"], duplicate);
    }
    let euro = event("evt_euro_1", EURO);
    let _: Value = expect(
        deliver(
            &api,
            Some(webhook_signature::header(&secret, now(), &euro)),
            euro.clone(),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let mut all = recent(&api, "op_aiko").await;
    all.sort();
    assert_eq!(all, ["evt_euro_1", "evt_uk_1"]);
    assert_eq!(
        recent(&api, "op_ben").await,
        ["evt_uk_1"],
        "Ben sees the UK account only"
    );
}

#[tokio::test]
async fn the_live_stream_carries_the_sandboxs_signed_deliveries() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let no_ticket = api
        .http
        .get(api.url("/api/events/stream?ticket=evtk_guess"))
        .send()
        .await
        .unwrap();
    assert_eq!(no_ticket.status(), StatusCode::UNAUTHORIZED);
    let ticket = api.ticket(&aiko).await;
    let stream = api
        .http
        .get(api.url(&format!("/api/events/stream?ticket={ticket}")))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    assert!(stream.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let reused = api
        .http
        .get(api.url(&format!("/api/events/stream?ticket={ticket}")))
        .send()
        .await
        .unwrap();
    assert_eq!(
        reused.status(),
        StatusCode::UNAUTHORIZED,
        "a ticket opens one stream"
    );

    let spt: Value = expect(
        api.post(
            &aiko,
            &format!("/api/accounts/{EURO}/tokens"),
            json!({ "payment_method": "pm_card_visa", "currency": "jpy", "max_amount": 10000, "expires_at": null }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let id = spt["id"].as_str().unwrap().to_owned();
    let _: Value = expect(
        api.post(
            &aiko,
            &format!("/api/accounts/{EURO}/tokens/{id}/charges"),
            json!({ "amount": 3000, "currency": "jpy" }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let (_, used) = EventStream::new(stream)
        .until(|e| e.kind == "shared_payment.granted_token.used")
        .await;
    assert_eq!(used.data.object["id"], id.as_str());
    assert_eq!(used.account.as_deref(), Some(EURO));
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_in_stripes_error_shape() {
    let api = Api::start().await;
    let response = deliver(&api, Some("t=1,v1=00".into()), vec![b'a'; 3 << 20]).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let error: StripeError = response.json().await.unwrap();
    assert!(
        error.error.message.contains("too large"),
        "{}",
        error.error.message
    );
    assert!(recent(&api, "op_aiko").await.is_empty());
}
