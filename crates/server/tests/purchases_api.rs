//! Purchases through the server: simulated in test mode by editors (decided by Stripe — here
//! the sandbox), then listed per card as authorizations and transactions.

mod support;

use issuing_model::{IssuingAuthorization, IssuingCard, IssuingTransaction, List, StripeError};
use reqwest::StatusCode;
use serde_json::json;
use support::{expect, Api, EURO};

/// An active euro card with only a €50 daily limit, set through the server.
async fn card_with_daily_limit(api: &Api, token: &str) -> IssuingCard {
    let card = api
        .cards(token, EURO, "status=active&limit=1")
        .await
        .data
        .remove(0);
    let body = json!({
        "spending_controls": {
            "spending_limits": [{ "amount": 5000, "interval": "daily" }],
            "allowed_categories": [], "blocked_categories": [],
            "allowed_merchant_countries": [], "blocked_merchant_countries": [],
            "allowed_card_presences": [], "blocked_card_presences": [],
        }
    });
    let path = format!("/api/accounts/{EURO}/cards/{}", card.id);
    expect(api.post(token, &path, body).await, StatusCode::OK).await
}

fn purchase(amount: i64, capture: bool) -> serde_json::Value {
    json!({
        "amount": amount, "category": "bakeries", "country": "DE",
        "card_present": true, "merchant_name": "Bäckerei Schmidt", "capture": capture,
    })
}

#[tokio::test]
async fn a_simulated_purchase_is_decided_by_stripe_and_listed_on_its_card() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let card = card_with_daily_limit(&api, &aiko).await;
    // Only what this test makes: the seed's history is older.
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        - 5;
    let path = format!("/api/accounts/{EURO}/cards/{}/purchases", card.id);
    let first: IssuingAuthorization = expect(
        api.post(&aiko, &path, purchase(3000, true)).await,
        StatusCode::OK,
    )
    .await;
    assert!(first.approved);
    assert_eq!(first.status.as_str(), "closed", "captured at once");
    assert_eq!(first.transactions.len(), 1);
    assert_eq!(
        first.card_presence.as_ref().map(|p| p.as_str()),
        Some("present")
    );
    assert_eq!(
        first.merchant_data.name.as_deref(),
        Some("Bäckerei Schmidt")
    );
    let second: IssuingAuthorization = expect(
        api.post(&aiko, &path, purchase(3000, true)).await,
        StatusCode::OK,
    )
    .await;
    assert!(!second.approved);
    assert!(
        second.transactions.is_empty(),
        "a decline is never captured"
    );
    assert_eq!(
        second.decline().and_then(|d| d.reason_message.as_deref()),
        Some("The card's daily spending limit of €50.00 would be exceeded (€30.00 spent).")
    );

    let auths: List<IssuingAuthorization> = expect(
        api.get(
            &aiko,
            &format!(
                "/api/accounts/{EURO}/authorizations?card={}&created_gte={since}",
                card.id
            ),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let ids: Vec<&str> = auths.data.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, [second.id.as_str(), first.id.as_str()]);
    assert_eq!(auths.url, format!("/api/accounts/{EURO}/authorizations"));
    let declined: List<IssuingAuthorization> = expect(
        api.get(
            &aiko,
            &format!(
                "/api/accounts/{EURO}/authorizations?card={}&status=closed&limit=1&created_gte={since}",
                card.id
            ),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(declined.data.len(), 1);
    assert!(declined.has_more);
    let money: List<IssuingTransaction> = expect(
        api.get(
            &aiko,
            &format!(
                "/api/accounts/{EURO}/transactions?card={}&type=capture&created_gte={since}",
                card.id
            ),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(money.data.len(), 1);
    assert_eq!(money.data[0].amount, -3000);
}

#[tokio::test]
async fn bad_purchases_and_missing_rights_are_refused_before_stripe() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let card = card_with_daily_limit(&api, &aiko).await;
    let path = format!("/api/accounts/{EURO}/cards/{}/purchases", card.id);
    let before = api.applied_writes().await;
    for (body, param) in [
        (
            json!({"amount": 0, "category": "bakeries", "country": "DE", "card_present": false}),
            "amount",
        ),
        (
            json!({"amount": 100, "category": "teleports", "country": "DE", "card_present": false}),
            "merchant_data[category]",
        ),
        (
            json!({"amount": 100, "category": "bakeries", "country": "Germany", "card_present": false}),
            "merchant_data[country]",
        ),
        (
            json!({"amount": 100, "merchant_amount": 120, "category": "bakeries", "country": "US", "card_present": false}),
            "merchant_currency",
        ),
    ] {
        let refused: StripeError =
            expect(api.post(&aiko, &path, body).await, StatusCode::BAD_REQUEST).await;
        assert_eq!(refused.error.param.as_deref(), Some(param));
    }
    for (operator, status) in [
        ("op_chloe", StatusCode::FORBIDDEN),
        ("op_ben", StatusCode::FORBIDDEN),
    ] {
        let token = api.token(operator).await;
        let _: StripeError =
            expect(api.post(&token, &path, purchase(100, false)).await, status).await;
    }
    let bad_filter: StripeError = expect(
        api.get(
            &aiko,
            &format!("/api/accounts/{EURO}/authorizations?status=frozen"),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(bad_filter.error.param.as_deref(), Some("status"));
    assert_eq!(api.applied_writes().await, before, "nothing reached Stripe");
}
