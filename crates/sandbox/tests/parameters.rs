//! Parameters as Stripe has them: what it documents is accepted and acted on, what it does not
//! take is refused by name and changes nothing, and an object a parameter names that does not
//! exist is a 400 at that parameter.

mod support;

use issuing_model::{Account, Cardholder, IssuingCard, List, StripeError};
use reqwest::StatusCode;
use support::{expect, Sandbox, EURO, UK};

async fn first_card(sandbox: &Sandbox) -> IssuingCard {
    let list: List<IssuingCard> = expect(
        sandbox
            .get(Some(EURO), "/v1/issuing/cards?status=active&limit=1")
            .await,
        StatusCode::OK,
    )
    .await;
    list.data[0].clone()
}

async fn update(sandbox: &Sandbox, card: &str, form: &[(&str, &str)]) -> reqwest::Response {
    sandbox
        .post(EURO, &format!("/v1/issuing/cards/{card}"), form, None)
        .await
}

#[tokio::test]
async fn card_metadata_is_set_unset_and_cleared_as_stripe_documents() {
    let sandbox = Sandbox::start().await;
    let card = first_card(&sandbox).await;
    let set: IssuingCard = expect(
        update(
            &sandbox,
            &card.id,
            &[("metadata[team]", "ops"), ("metadata[desk]", "7")],
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(set.metadata["team"], "ops");
    assert_eq!(set.metadata["desk"], "7");
    let unset: IssuingCard = expect(
        update(&sandbox, &card.id, &[("metadata[desk]", "")]).await,
        StatusCode::OK,
    )
    .await;
    assert!(!unset.metadata.contains_key("desk"));
    assert_eq!(unset.metadata["team"], "ops");
    let cleared: IssuingCard = expect(
        update(&sandbox, &card.id, &[("metadata", "")]).await,
        StatusCode::OK,
    )
    .await;
    assert!(cleared.metadata.is_empty());
    assert_eq!(cleared.spending_controls, card.spending_controls);
}

#[tokio::test]
async fn a_category_stripe_does_not_list_is_refused_and_nothing_changes() {
    let sandbox = Sandbox::start().await;
    let card = first_card(&sandbox).await;
    let before = sandbox.stats().await["applied_writes"].clone();
    let refused: StripeError = expect(
        update(
            &sandbox,
            &card.id,
            &[
                ("spending_controls[blocked_categories][0]", "bakeries"),
                (
                    "spending_controls[blocked_categories][1]",
                    "quantum_teleports",
                ),
            ],
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        refused.error.param.as_deref(),
        Some("spending_controls[blocked_categories][1]")
    );
    assert_eq!(sandbox.stats().await["applied_writes"], before);
    // Both lists set at once: Stripe's code for exclusive parameters.
    let both: StripeError = expect(
        update(
            &sandbox,
            &card.id,
            &[
                ("spending_controls[blocked_categories][0]", "bakeries"),
                ("spending_controls[allowed_categories][0]", "florists"),
            ],
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(both.error.code.as_deref(), Some("parameters_exclusive"));
}

#[tokio::test]
async fn cardholders_filter_by_phone_number_and_created() {
    let sandbox = Sandbox::start().await;
    let all: List<Cardholder> = expect(
        sandbox
            .get(Some(EURO), "/v1/issuing/cardholders?limit=100")
            .await,
        StatusCode::OK,
    )
    .await;
    let holder = all
        .data
        .iter()
        .find(|h| h.phone_number.is_some())
        .expect("a seeded cardholder with a phone number");
    let phone = holder.phone_number.clone().unwrap();
    let by_phone: List<Cardholder> = expect(
        sandbox
            .get(
                Some(EURO),
                &format!(
                    "/v1/issuing/cardholders?phone_number={}",
                    phone.replace('+', "%2B")
                ),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(!by_phone.data.is_empty());
    assert!(by_phone
        .data
        .iter()
        .all(|h| h.phone_number.as_deref() == Some(phone.as_str())));
    let newest = all.data[0].created;
    let since: List<Cardholder> = expect(
        sandbox
            .get(
                Some(EURO),
                &format!("/v1/issuing/cardholders?created[gte]={newest}"),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(!since.data.is_empty() && since.data.len() < all.data.len());
    assert!(since.data.iter().all(|h| h.created >= newest));
    let bad: StripeError = expect(
        sandbox
            .get(Some(EURO), "/v1/issuing/cardholders?created[after]=1")
            .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(bad.error.param.as_deref(), Some("created[after]"));
}

#[tokio::test]
async fn accounts_take_stripe_account_and_refuse_unknown_parameters() {
    let sandbox = Sandbox::start().await;
    let unknown: StripeError = expect(
        sandbox
            .get(Some("acct_1NoSuchAccount0"), "/v1/accounts")
            .await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(unknown.error.code.as_deref(), Some("account_invalid"));
    // A connected account has no connected accounts of its own; it can see itself.
    let own: List<Account> = expect(
        sandbox.get(Some(EURO), "/v1/accounts").await,
        StatusCode::OK,
    )
    .await;
    assert!(own.data.is_empty());
    let itself: Account = expect(
        sandbox
            .get(Some(EURO), &format!("/v1/accounts/{EURO}"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(itself.id, EURO);
    let _: StripeError = expect(
        sandbox.get(Some(EURO), &format!("/v1/accounts/{UK}")).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let refused: StripeError = expect(
        sandbox.get(None, "/v1/accounts?country=DE").await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused.error.code.as_deref(), Some("parameter_unknown"));
    assert_eq!(refused.error.param.as_deref(), Some("country"));
}

#[tokio::test]
async fn an_object_named_in_a_parameter_that_does_not_exist_is_a_400_there() {
    let sandbox = Sandbox::start().await;
    let session: StripeError = expect(
        sandbox
            .post_platform(
                "/v1/account_sessions",
                &[
                    ("account", "acct_1NoSuchAccount0"),
                    ("components[issuing_card][enabled]", "true"),
                ],
            )
            .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(session.error.code.as_deref(), Some("resource_missing"));
    assert_eq!(session.error.param.as_deref(), Some("account"));
    let key: StripeError = expect(
        sandbox
            .post_versioned(
                EURO,
                "/v1/ephemeral_keys",
                &[("issuing_card", "ic_1NoSuchCard0000"), ("nonce", "n")],
                stripe_sandbox::API_VERSION,
            )
            .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(key.error.code.as_deref(), Some("resource_missing"));
    assert_eq!(key.error.param.as_deref(), Some("issuing_card"));
}

#[tokio::test]
async fn a_webhook_endpoint_takes_only_event_types_stripe_sends() {
    let sandbox = Sandbox::start().await;
    let refused: StripeError = expect(
        sandbox
            .post_platform(
                "/v1/webhook_endpoints",
                &[
                    ("url", "http://127.0.0.1:9/hook"),
                    ("enabled_events[0]", "issuing_card.updated"),
                    ("enabled_events[1]", "card.exploded"),
                ],
            )
            .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused.error.param.as_deref(), Some("enabled_events[1]"));
    for kind in ["*", "shared_payment.granted_token.used"] {
        let _: serde_json::Value = expect(
            sandbox
                .post_platform(
                    "/v1/webhook_endpoints",
                    &[
                        ("url", "http://127.0.0.1:9/hook"),
                        ("enabled_events[0]", kind),
                    ],
                )
                .await,
            StatusCode::OK,
        )
        .await;
    }
}

#[tokio::test]
async fn an_empty_value_where_stripe_cannot_unset_is_refused_by_name() {
    let sandbox = Sandbox::start().await;
    let before = sandbox.stats().await["applied_writes"].clone();
    let grant = "/v1/test_helpers/shared_payment/granted_tokens";
    for (form, param, code) in [
        (
            &[
                ("payment_method", "pm_card_visa"),
                ("usage_limits[currency]", ""),
                ("usage_limits[max_amount]", "100"),
            ][..],
            "usage_limits[currency]",
            "parameter_invalid_empty",
        ),
        (
            &[
                ("payment_method", ""),
                ("usage_limits[currency]", "eur"),
                ("usage_limits[max_amount]", "100"),
            ][..],
            "payment_method",
            "parameter_invalid_empty",
        ),
        // The sandbox keeps no customers, so a customer named is one that does not exist.
        (
            &[
                ("payment_method", "pm_card_visa"),
                ("customer", "cus_1"),
                ("usage_limits[currency]", "eur"),
                ("usage_limits[max_amount]", "100"),
            ][..],
            "customer",
            "resource_missing",
        ),
    ] {
        let refused: StripeError = expect(
            sandbox.post(EURO, grant, form, None).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(refused.error.param.as_deref(), Some(param), "{form:?}");
        assert_eq!(refused.error.code.as_deref(), Some(code), "{form:?}");
        assert!(
            refused.error.message.contains(param) || code == "resource_missing",
            "{}",
            refused.error.message
        );
    }
    let amount: StripeError = expect(
        sandbox
            .post(
                EURO,
                "/v1/payment_intents",
                &[("amount", ""), ("currency", "eur")],
                None,
            )
            .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        amount.error.code.as_deref(),
        Some("parameter_invalid_empty")
    );
    assert_eq!(amount.error.param.as_deref(), Some("amount"));
    assert_eq!(sandbox.stats().await["applied_writes"], before);
}

#[tokio::test]
async fn an_account_session_takes_every_component_stripe_has_and_no_other() {
    let sandbox = Sandbox::start().await;
    let session: serde_json::Value = expect(
        sandbox
            .post_platform(
                "/v1/account_sessions",
                &[
                    ("account", EURO),
                    ("components[issuing_card][enabled]", "true"),
                    ("components[payments][enabled]", "true"),
                    ("components[payments][features][refund_management]", "true"),
                ],
            )
            .await,
        StatusCode::OK,
    )
    .await;
    let components = &session["components"];
    assert_eq!(components["payments"]["enabled"], true);
    assert_eq!(
        components["payments"]["features"]["refund_management"],
        true
    );
    assert_eq!(components["payouts"]["enabled"], false, "the rest: off");
    let refused: StripeError = expect(
        sandbox
            .post_platform(
                "/v1/account_sessions",
                &[("account", EURO), ("components[teleport][enabled]", "true")],
            )
            .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused.error.code.as_deref(), Some("parameter_unknown"));
    assert_eq!(refused.error.param.as_deref(), Some("components[teleport]"));
}
