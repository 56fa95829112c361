//! The token API against the embedded sandbox: grant (test helper), list, charge within the
//! limits, refusals before anything reaches Stripe, and access rules.

mod support;

use issuing_model::{GrantedToken, List, PaymentIntent, StripeError};
use reqwest::StatusCode;
use serde_json::json;
use support::{expect, Api, EURO};

async fn grant(api: &Api, token: &str, max_amount: i64) -> GrantedToken {
    expect(
        api.post(
            token,
            &format!("/api/accounts/{EURO}/tokens"),
            json!({ "payment_method": "pm_card_visa", "currency": "jpy", "max_amount": max_amount, "expires_at": null }),
        )
        .await,
        StatusCode::OK,
    )
    .await
}

async fn charge(api: &Api, token: &str, spt: &str, amount: i64) -> reqwest::Response {
    api.post(
        token,
        &format!("/api/accounts/{EURO}/tokens/{spt}/charges"),
        json!({ "amount": amount, "currency": "jpy" }),
    )
    .await
}

/// A POST straight to the sandbox as the euro account (what the agent does, not the server).
use issuing_server::stripe::PREVIEW_STRIPE_VERSION;

async fn as_agent(api: &Api, path: &str, form: &[(&str, &str)]) -> serde_json::Value {
    let response = api
        .http
        .post(format!("{}{path}", api.server.sandbox_url().unwrap()))
        .bearer_auth(stripe_sandbox::DEFAULT_SECRET_KEY)
        .header("Stripe-Account", EURO)
        // A preview API: Stripe serves it only to a request naming the preview version.
        .header("Stripe-Version", PREVIEW_STRIPE_VERSION)
        .form(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn revoke_as_agent(api: &Api, spt: &str) {
    as_agent(
        api,
        &format!("/v1/test_helpers/shared_payment/granted_tokens/{spt}/revoke"),
        &[],
    )
    .await;
}

#[tokio::test]
async fn grant_list_and_charge_a_yen_token_within_its_limit() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let spt = grant(&api, &aiko, 10_000).await;
    assert_eq!(spt.currency(), Some("jpy"));
    let list: List<GrantedToken> = expect(
        api.get(&aiko, &format!("/api/accounts/{EURO}/tokens"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        list.data.iter().map(|t| &t.id).collect::<Vec<_>>(),
        [&spt.id]
    );
    assert_eq!(list.url, format!("/api/accounts/{EURO}/tokens"));

    let intent: PaymentIntent =
        expect(charge(&api, &aiko, &spt.id, 3_000).await, StatusCode::OK).await;
    assert_eq!(intent.status.as_str(), "succeeded");
    assert_eq!((intent.amount, intent.currency.as_str()), (3_000, "jpy"));
    assert_eq!(
        intent.metadata.get("operator").map(String::as_str),
        Some("op_aiko")
    );
    let after: GrantedToken = expect(
        api.get(&aiko, &format!("/api/accounts/{EURO}/tokens/{}", spt.id))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(after.remaining(), Some(7_000));
}

#[tokio::test]
async fn a_charge_over_what_is_left_or_after_revoking_is_refused_before_stripe() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let spt = grant(&api, &aiko, 10_000).await;
    let _: PaymentIntent = expect(charge(&api, &aiko, &spt.id, 3_000).await, StatusCode::OK).await;
    let writes = api.applied_writes().await;

    let over: StripeError = expect(
        charge(&api, &aiko, &spt.id, 7_001).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(over.error.param.as_deref(), Some("amount"));
    assert_eq!(
        over.error.message,
        "¥7,001 is more than what is left on this token (¥7,000 of ¥10,000)."
    );
    let currency: StripeError = expect(
        api.post(
            &aiko,
            &format!("/api/accounts/{EURO}/tokens/{}/charges", spt.id),
            json!({ "amount": 100, "currency": "usd" }),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(currency.error.param.as_deref(), Some("currency"));
    assert_eq!(api.applied_writes().await, writes, "nothing reached Stripe");

    revoke_as_agent(&api, &spt.id).await;
    let revoked: StripeError = expect(
        charge(&api, &aiko, &spt.id, 100).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        revoked.error.param.as_deref(),
        Some("shared_payment_granted_token")
    );
    assert!(
        revoked.error.message.contains("revoked"),
        "{}",
        revoked.error.message
    );
}

#[tokio::test]
async fn bad_input_and_missing_rights_are_refused_with_nothing_changed() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let writes = api.applied_writes().await;
    let bad: StripeError = expect(
        api.post(
            &aiko,
            &format!("/api/accounts/{EURO}/tokens"),
            json!({ "payment_method": "pm_card_visa", "currency": "jpy", "max_amount": 0, "expires_at": null }),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(bad.error.param.as_deref(), Some("usage_limits[max_amount]"));
    let not_json: StripeError = expect(
        api.post(
            &aiko,
            &format!("/api/accounts/{EURO}/tokens"),
            json!({ "max": 1 }),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        not_json.error.kind,
        issuing_model::ErrorType::InvalidRequestError
    );
    let bad_id: StripeError = expect(
        charge(&api, &aiko, "pi_123", 100).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(bad_id.error.param.as_deref(), Some("token"));
    assert_eq!(api.applied_writes().await, writes);

    let spt = grant(&api, &aiko, 5_000).await;
    let chloe = api.token("op_chloe").await;
    let read_only: StripeError = expect(
        charge(&api, &chloe, &spt.id, 100).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(read_only.error.code.as_deref(), Some("permission_denied"));
    let _: List<GrantedToken> = expect(
        api.get(&chloe, &format!("/api/accounts/{EURO}/tokens"))
            .await,
        StatusCode::OK,
    )
    .await;
    let ben = api.token("op_ben").await;
    let _: StripeError = expect(
        api.get(&ben, &format!("/api/accounts/{EURO}/tokens")).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    let _: StripeError = expect(
        charge(&api, &ben, &spt.id, 100).await,
        StatusCode::FORBIDDEN,
    )
    .await;
}

/// A token granted straight in the sandbox (as an agent would, not through the server).
async fn grant_as_agent(api: &Api, max_amount: &str) -> String {
    let token = as_agent(
        api,
        "/v1/test_helpers/shared_payment/granted_tokens",
        &[
            ("payment_method", "pm_card_visa"),
            ("usage_limits[currency]", "jpy"),
            ("usage_limits[max_amount]", max_amount),
        ],
    )
    .await;
    token["id"].as_str().unwrap().to_owned()
}

async fn listed(api: &Api, token: &str) -> Vec<String> {
    let list: List<GrantedToken> = expect(
        api.get(token, &format!("/api/accounts/{EURO}/tokens"))
            .await,
        StatusCode::OK,
    )
    .await;
    list.data.into_iter().map(|t| t.id).collect()
}

#[tokio::test]
async fn stripe_has_no_list_so_the_server_lists_the_tokens_it_has_seen() {
    let api = Api::with(issuing_server::ServerConfig::local_sandbox(
        stripe_sandbox::SandboxConfig {
            large_account_cards: 10,
            ..Default::default()
        },
    ))
    .await;
    let aiko = api.token("op_aiko").await;
    assert!(listed(&api, &aiko).await.is_empty());
    // Granted through the server.
    let granted = grant(&api, &aiko, 10_000).await.id;
    assert_eq!(listed(&api, &aiko).await, std::slice::from_ref(&granted));
    // Granted elsewhere, then looked up by id.
    let looked_up = grant_as_agent(&api, "5000").await;
    let _: GrantedToken = expect(
        api.get(&aiko, &format!("/api/accounts/{EURO}/tokens/{looked_up}"))
            .await,
        StatusCode::OK,
    )
    .await;
    let ids = listed(&api, &aiko).await;
    assert!(
        ids.contains(&looked_up) && ids.contains(&granted),
        "{ids:?}"
    );
    // Granted elsewhere and only named in a webhook (here: the agent revokes it).
    let announced = grant_as_agent(&api, "3000").await;
    assert!(!listed(&api, &aiko).await.contains(&announced));
    revoke_as_agent(&api, &announced).await;
    for _ in 0..100 {
        if listed(&api, &aiko).await.contains(&announced) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the token named in the webhook was never listed");
}
