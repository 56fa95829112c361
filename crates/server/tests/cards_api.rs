//! The server's card API over real HTTP against the sandbox: filters and pages, access,
//! bad input that never reaches Stripe, and updates that survive a flaky Stripe exactly once.

mod support;

use std::time::Duration;

use issuing_model::{CardStatus, CardType, IssuingCard, List, SpendingInterval, StripeError};
use issuing_server::ServerConfig;
use reqwest::StatusCode;
use serde_json::json;
use stripe_sandbox::{FaultConfig, SandboxConfig};
use support::{expect, Api, EURO, UK};

#[tokio::test]
async fn card_list_passes_filters_and_cursor_through() {
    let api = Api::start().await;
    let token = api.token("op_aiko").await;
    let page = api
        .cards(&token, EURO, "status=active&type=virtual&limit=3")
        .await;
    assert_eq!(page.data.len(), 3);
    assert!(page.has_more);
    assert!(page
        .data
        .iter()
        .all(|c| c.status == CardStatus::Active && c.kind == CardType::Virtual));
    assert_eq!(page.url, format!("/api/accounts/{EURO}/cards"));
    let next = api
        .cards(
            &token,
            EURO,
            &format!(
                "status=active&type=virtual&limit=3&starting_after={}",
                page.data[2].id
            ),
        )
        .await;
    assert!(next.data.iter().all(|c| !page.data.contains(c)));
    assert!(next.data[0].created <= page.data[2].created);
    let one = &page.data[1];
    let by_date = api
        .cards(
            &token,
            EURO,
            &format!("created_gte={}&created_lte={}", one.created, one.created),
        )
        .await;
    assert_eq!(
        by_date.data.iter().map(|c| &c.id).collect::<Vec<_>>(),
        [&one.id]
    );
    let by_expiry = api
        .cards(
            &token,
            EURO,
            &format!(
                "exp_month={}&exp_year={}&limit=100",
                one.exp_month, one.exp_year
            ),
        )
        .await;
    assert!(by_expiry.data.iter().any(|c| c.id == one.id));
    assert!(by_expiry
        .data
        .iter()
        .all(|c| c.exp_month == one.exp_month && c.exp_year == one.exp_year));
    let card: IssuingCard = expect(
        api.get(&token, &format!("/api/accounts/{EURO}/cards/{}", one.id))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(&card, one);
}

#[tokio::test]
async fn bad_filters_are_refused_before_stripe_is_asked() {
    let api = Api::start().await;
    let token = api.token("op_aiko").await;
    for (query, param) in [
        ("status=frozen", Some("status")),
        ("last4=42", Some("last4")),
        ("exp_month=13", Some("exp_month")),
        ("limit=0", Some("limit")),
        ("cardholder=bob", Some("cardholder")),
        ("created_gte=5&created_lte=1", Some("created[gte]")),
        ("limit=lots", Some("limit")),
    ] {
        let err: StripeError = expect(
            api.get(&token, &format!("/api/accounts/{EURO}/cards?{query}"))
                .await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(err.error.param.as_deref(), param, "{query}");
    }
}

#[tokio::test]
async fn operators_see_only_their_accounts_and_a_card_under_the_wrong_account_is_missing() {
    let api = Api::start().await;
    let ben = api.token("op_ben").await;
    let err: StripeError = expect(
        api.get(&ben, &format!("/api/accounts/{EURO}/cards")).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(err.error.code.as_deref(), Some("permission_denied"));
    let uk_card = api.cards(&ben, UK, "limit=1").await.data.remove(0);
    let err: StripeError = expect(
        api.post(
            &ben,
            &format!("/api/accounts/{EURO}/cards/{}", uk_card.id),
            json!({"status": "inactive"}),
        )
        .await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(err.error.param.as_deref(), Some("account"));
    // An operator who sees both accounts cannot reach a UK card through the euro account.
    let aiko = api.token("op_aiko").await;
    let err: StripeError = expect(
        api.get(&aiko, &format!("/api/accounts/{EURO}/cards/{}", uk_card.id))
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(err.error.code.as_deref(), Some("resource_missing"));
}

#[tokio::test]
async fn updates_spending_controls_and_status_and_returns_stripes_card() {
    let api = Api::start().await;
    let token = api.token("op_aiko").await;
    let (_, path) = active_euro_card(&api, &token).await;
    let body = json!({
        "spending_controls": {
            "spending_limits": [{ "amount": 50000, "interval": "daily" }],
            "allowed_categories": [],
            "blocked_categories": ["betting_casino_gambling"],
        },
        "status": "inactive",
    });
    let updated: IssuingCard = expect(api.post(&token, &path, body).await, StatusCode::OK).await;
    assert_eq!(updated.status, CardStatus::Inactive);
    assert_eq!(
        updated.spending_controls.limits()[0].interval,
        SpendingInterval::Daily
    );
    let again: IssuingCard = expect(api.get(&token, &path).await, StatusCode::OK).await;
    assert_eq!(again, updated);
    let back: IssuingCard = expect(
        api.post(&token, &path, json!({"status": "active"})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(back.status, CardStatus::Active);
}

#[tokio::test]
async fn bad_updates_and_read_only_operators_change_nothing_and_send_nothing() {
    let api = Api::start().await;
    let token = api.token("op_aiko").await;
    let (card, path) = active_euro_card(&api, &token).await;
    let writes = api.applied_writes().await;
    for (body, param) in [
        (
            json!({"spending_controls": {"spending_limits": [{"amount": 0, "interval": "daily"}]}}),
            Some("spending_controls[spending_limits][0][amount]"),
        ),
        (
            json!({"spending_controls": {"spending_limits": [{"amount": 100, "interval": "fortnightly"}]}}),
            Some("spending_controls[spending_limits][0][interval]"),
        ),
        (
            json!({"spending_controls": {"allowed_merchant_countries": ["DE"], "blocked_merchant_countries": ["FR"]}}),
            Some("spending_controls[blocked_merchant_countries]"),
        ),
        (
            json!({"status": "canceled", "cancellation_reason": "fulfillment_error"}),
            Some("cancellation_reason"),
        ),
        (json!({}), Some("spending_controls")),
        (json!({"status": 5}), None),
    ] {
        let err: StripeError = expect(
            api.post(&token, &path, body.clone()).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(err.error.param.as_deref(), param, "{body}");
    }
    let err: StripeError = expect(
        api.post(
            &token,
            &format!("/api/accounts/{EURO}/cards/ic_..%2F"),
            json!({"status": "inactive"}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(err.error.param.as_deref(), Some("card"));
    let chloe = api.token("op_chloe").await;
    let err: StripeError = expect(
        api.post(&chloe, &path, json!({"status": "inactive"})).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert!(err.error.message.contains("read-only"));
    assert_eq!(api.applied_writes().await, writes, "nothing reached Stripe");
    let after: IssuingCard = expect(api.get(&token, &path).await, StatusCode::OK).await;
    assert_eq!(after, card);
}

#[tokio::test]
async fn under_injected_faults_every_update_lands_exactly_once() {
    let mut config = ServerConfig::local_sandbox(SandboxConfig {
        large_account_cards: 200,
        faults: FaultConfig {
            latency: Duration::from_millis(1),
            error_rate: 0.15,
            rate_limit_rate: 0.1,
            drop_rate: 0.25,
            seed: 7,
        },
        ..Default::default()
    });
    config.retry.max_retries = 12;
    config.retry.base_delay = Duration::from_millis(2);
    let api = Api::with(config).await;
    let token = api.token("op_aiko").await;
    let cards: List<IssuingCard> = api.cards(&token, UK, "status=active&limit=5").await;
    // The server's own setup (its webhook endpoint) is a write too.
    let before = api.applied_writes().await;
    let updates = 40;
    for n in 0..updates {
        let card = &cards.data[n % cards.data.len()];
        let amount = 10_000 + n as i64;
        let updated: IssuingCard = expect(
            api.post(
                &token,
                &format!("/api/accounts/{UK}/cards/{}", card.id),
                json!({"spending_controls": {"spending_limits": [{"amount": amount, "interval": "weekly"}]}}),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            updated.spending_controls.limits()[0].amount,
            amount,
            "update {n} was lost"
        );
    }
    // Dropped connections were retried with the same key: replays, not second applications.
    assert_eq!(
        api.applied_writes().await - before,
        updates as u64,
        "an update was applied twice or lost"
    );
}

#[tokio::test]
async fn an_idempotency_key_stripe_would_not_take_is_refused_not_dropped() {
    let api = Api::start().await;
    let token = api.token("op_aiko").await;
    let (_, path) = active_euro_card(&api, &token).await;
    let body =
        json!({"spending_controls": {"spending_limits": [{"amount": 4200, "interval": "daily"}]}});
    let send = |key: reqwest::header::HeaderValue| {
        api.http
            .post(api.url(&path))
            .bearer_auth(&token)
            .header("Idempotency-Key", key)
            .json(&body)
            .send()
    };
    let writes = api.applied_writes().await;
    for key in [
        reqwest::header::HeaderValue::from_str(&"k".repeat(256)).unwrap(),
        reqwest::header::HeaderValue::from_bytes("clé-1".as_bytes()).unwrap(),
        reqwest::header::HeaderValue::from_static(""),
    ] {
        let err: StripeError = expect(send(key).await.unwrap(), StatusCode::BAD_REQUEST).await;
        assert_eq!(err.error.param.as_deref(), Some("Idempotency-Key"));
    }
    assert_eq!(api.applied_writes().await, writes, "nothing was sent");
    // The longest key Stripe takes works, and a resend with it changes the card once.
    let longest = reqwest::header::HeaderValue::from_str(&"k".repeat(255)).unwrap();
    for _ in 0..2 {
        let _: IssuingCard = expect(send(longest.clone()).await.unwrap(), StatusCode::OK).await;
    }
    assert_eq!(api.applied_writes().await, writes + 1);
}

/// The euro account's newest active card, and its `/api` path.
async fn active_euro_card(api: &Api, token: &str) -> (issuing_model::IssuingCard, String) {
    let card = api
        .cards(token, EURO, "status=active&limit=1")
        .await
        .data
        .remove(0);
    let path = format!("/api/accounts/{EURO}/cards/{}", card.id);
    (card, path)
}
