//! Purchases on a card, decided as Stripe decides them, and what follows: capture, reverse,
//! expire, increment, refund; the lists and their filters.

mod support;

use issuing_model::{IssuingAuthorization, IssuingCard, IssuingTransaction, List, StripeError};
use reqwest::StatusCode;
use support::{expect, Sandbox, EURO, UK};

const HELPERS: &str = "/v1/test_helpers/issuing/authorizations";

/// An active euro card with nothing but a €50 daily limit.
async fn card_with_daily_limit(sandbox: &Sandbox) -> IssuingCard {
    let list: List<IssuingCard> = expect(
        sandbox
            .get(Some(EURO), "/v1/issuing/cards?status=active&limit=1")
            .await,
        StatusCode::OK,
    )
    .await;
    let card = &list.data[0];
    let form = [
        ("spending_controls[spending_limits][0][amount]", "5000"),
        ("spending_controls[spending_limits][0][interval]", "daily"),
        ("spending_controls[allowed_categories]", ""),
        ("spending_controls[blocked_categories]", ""),
        ("spending_controls[allowed_merchant_countries]", ""),
        ("spending_controls[blocked_merchant_countries]", ""),
        ("spending_controls[allowed_card_presences]", ""),
        ("spending_controls[blocked_card_presences]", ""),
    ];
    expect(
        sandbox
            .post(EURO, &format!("/v1/issuing/cards/{}", card.id), &form, None)
            .await,
        StatusCode::OK,
    )
    .await
}

async fn buy(
    sandbox: &Sandbox,
    card: &str,
    amount: &str,
    extra: &[(&str, &str)],
) -> IssuingAuthorization {
    let mut form = vec![("card", card), ("amount", amount)];
    form.extend_from_slice(extra);
    expect(
        sandbox.post(EURO, HELPERS, &form, None).await,
        StatusCode::OK,
    )
    .await
}

async fn act(
    sandbox: &Sandbox,
    id: &str,
    action: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    sandbox
        .post(EURO, &format!("{HELPERS}/{id}/{action}"), form, None)
        .await
}

#[tokio::test]
async fn a_daily_limit_approves_then_declines_with_its_reason_and_captures_count() {
    let sandbox = Sandbox::start().await;
    let card = card_with_daily_limit(&sandbox).await;
    // Only what this test makes (the seed's history is older).
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        - 5;
    let first = buy(
        &sandbox,
        &card.id,
        "3000",
        &[("merchant_data[category]", "bakeries")],
    )
    .await;
    assert!(first.approved);
    assert_eq!(first.status.as_str(), "pending");
    assert_eq!(first.merchant_data.category_code, "5462");
    assert_eq!(first.request_history[0].reason, "card_active");
    let second = buy(&sandbox, &card.id, "3000", &[]).await;
    assert!(!second.approved);
    assert_eq!(second.status.as_str(), "closed");
    let declined = second.decline().unwrap();
    assert_eq!(declined.reason, "spending_controls");
    assert_eq!(
        declined.reason_message.as_deref(),
        Some("The card's daily spending limit of €50.00 would be exceeded (€30.00 spent).")
    );
    // Within what is left it passes; captured, the spend still counts.
    let third = buy(&sandbox, &card.id, "2000", &[]).await;
    assert!(third.approved);
    let captured: IssuingAuthorization = expect(
        act(&sandbox, &first.id, "capture", &[]).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(captured.status.as_str(), "closed");
    assert_eq!(captured.transactions.len(), 1);
    assert_eq!(captured.transactions[0].amount, -3000);
    assert!(
        !buy(&sandbox, &card.id, "1", &[]).await.approved,
        "€50.00 spent today"
    );
    // Releasing a hold gives its room back.
    let _: IssuingAuthorization = expect(
        act(&sandbox, &third.id, "reverse", &[]).await,
        StatusCode::OK,
    )
    .await;
    assert!(buy(&sandbox, &card.id, "2000", &[]).await.approved);

    let by_card: List<IssuingAuthorization> = expect(
        sandbox
            .get(
                Some(EURO),
                &format!("/v1/issuing/authorizations?card={}&limit=100", card.id),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(by_card.data.len() >= 5);
    assert!(by_card
        .data
        .windows(2)
        .all(|w| w[0].created >= w[1].created));
    assert!(by_card.data.iter().all(|a| a.card.id == card.id));
    let reversed: List<IssuingAuthorization> = expect(
        sandbox
            .get(
                Some(EURO),
                &format!(
                    "/v1/issuing/authorizations?card={}&status=reversed&created[gte]={since}",
                    card.id
                ),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(reversed.data.len(), 1);
    assert_eq!(reversed.data[0].id, third.id);
    let captures: List<IssuingTransaction> = expect(
        sandbox
            .get(
                Some(EURO),
                &format!(
                    "/v1/issuing/transactions?card={}&type=capture&created[gte]={since}",
                    card.id
                ),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(captures.data.len(), 1);
    assert_eq!(
        captures.data[0].authorization.as_deref(),
        Some(first.id.as_str())
    );
}

#[tokio::test]
async fn what_is_settled_cannot_change_and_refunds_stop_at_the_captured_amount() {
    let sandbox = Sandbox::start().await;
    let card = card_with_daily_limit(&sandbox).await;
    let auth = buy(&sandbox, &card.id, "1500", &[]).await;
    let captured: IssuingAuthorization = expect(
        act(&sandbox, &auth.id, "capture", &[("capture_amount", "1000")]).await,
        StatusCode::OK,
    )
    .await;
    let capture = &captured.transactions[0];
    assert_eq!(capture.amount, -1000);
    for action in ["reverse", "expire", "capture"] {
        let refused: StripeError = expect(
            act(&sandbox, &auth.id, action, &[]).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert!(
            refused.error.message.contains("closed"),
            "{action}: {}",
            refused.error.message
        );
    }
    let refund = |amount: &'static str| {
        let path = format!(
            "/v1/test_helpers/issuing/transactions/{}/refund",
            capture.id
        );
        let sandbox = &sandbox;
        async move {
            sandbox
                .post(EURO, &path, &[("refund_amount", amount)], None)
                .await
        }
    };
    let refunded: IssuingTransaction = expect(refund("600").await, StatusCode::OK).await;
    assert_eq!(refunded.kind.as_str(), "refund");
    assert_eq!(refunded.amount, 600);
    let too_much: StripeError = expect(refund("401").await, StatusCode::BAD_REQUEST).await;
    assert!(
        too_much.error.message.contains("(400)"),
        "{}",
        too_much.error.message
    );

    let other = buy(&sandbox, &card.id, "1000", &[]).await;
    let more: IssuingAuthorization = expect(
        act(
            &sandbox,
            &other.id,
            "increment",
            &[("increment_amount", "500")],
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(more.amount, 1500);
    assert_eq!(more.request_history.len(), 2);
    // Over the day's limit with what was captured: the increment is declined, the hold stays.
    let refused: IssuingAuthorization = expect(
        act(
            &sandbox,
            &other.id,
            "increment",
            &[("increment_amount", "3000")],
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(refused.amount, 1500);
    assert!(!refused.request_history.last().unwrap().approved);
    let expired: IssuingAuthorization = expect(
        act(&sandbox, &other.id, "expire", &[]).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(expired.status.as_str(), "expired");
}

#[tokio::test]
async fn bad_purchases_are_refused_by_name_and_record_nothing() {
    let sandbox = Sandbox::start().await;
    let card = card_with_daily_limit(&sandbox).await;
    let before = sandbox.stats().await["applied_writes"].clone();
    for (form, param) in [
        (vec![("amount", "100")], "card"),
        (
            vec![("card", "ic_1NoSuchCard00"), ("amount", "100")],
            "card",
        ),
        (vec![("card", card.id.as_str()), ("amount", "0")], "amount"),
        (
            vec![
                ("card", card.id.as_str()),
                ("amount", "100"),
                ("merchant_data[category]", "teleports"),
            ],
            "merchant_data[category]",
        ),
        (
            vec![
                ("card", card.id.as_str()),
                ("amount", "100"),
                ("merchant_data[country]", "Germany"),
            ],
            "merchant_data[country]",
        ),
        (
            vec![
                ("card", card.id.as_str()),
                ("amount", "100"),
                ("authorization_method", "telepathy"),
            ],
            "authorization_method",
        ),
        (
            vec![
                ("card", card.id.as_str()),
                ("amount", "100"),
                ("currency", "usd"),
            ],
            "currency",
        ),
        (
            vec![
                ("card", card.id.as_str()),
                ("amount", "100"),
                ("fleet[purchase_type]", "fuel_purchase"),
            ],
            "fleet",
        ),
    ] {
        let refused: StripeError = expect(
            sandbox.post(EURO, HELPERS, &form, None).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(refused.error.param.as_deref(), Some(param), "{form:?}");
    }
    // Another account's card does not exist here.
    let refused: StripeError = expect(
        sandbox
            .post(
                UK,
                HELPERS,
                &[("card", card.id.as_str()), ("amount", "100")],
                None,
            )
            .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused.error.code.as_deref(), Some("resource_missing"));
    assert_eq!(sandbox.stats().await["applied_writes"], before);
    // A purchase abroad keeps the merchant's amount beside the card's.
    let abroad = buy(
        &sandbox,
        &card.id,
        "1000",
        &[
            ("merchant_amount", "1100"),
            ("merchant_currency", "usd"),
            ("merchant_data[country]", "US"),
        ],
    )
    .await;
    assert_eq!((abroad.amount, abroad.merchant_amount), (1000, 1100));
    assert_eq!(abroad.merchant_currency, "usd");
}

#[tokio::test]
async fn an_inactive_card_declines_with_stripes_reason() {
    let sandbox = Sandbox::start().await;
    let card = card_with_daily_limit(&sandbox).await;
    let _: IssuingCard = expect(
        sandbox
            .post(
                EURO,
                &format!("/v1/issuing/cards/{}", card.id),
                &[("status", "inactive")],
                None,
            )
            .await,
        StatusCode::OK,
    )
    .await;
    let auth = buy(&sandbox, &card.id, "100", &[]).await;
    assert!(!auth.approved);
    assert_eq!(auth.decline().unwrap().reason, "card_inactive");
    assert_eq!(
        auth.card.status.as_str(),
        "inactive",
        "the card as it is now"
    );
}

#[tokio::test]
async fn the_seed_has_sixty_days_of_believable_history() {
    let sandbox = Sandbox::start().await;
    let mut auths: Vec<IssuingAuthorization> = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let after = cursor
            .as_deref()
            .map(|c| format!("&starting_after={c}"))
            .unwrap_or_default();
        let page: List<IssuingAuthorization> = expect(
            sandbox
                .get(
                    Some(EURO),
                    &format!("/v1/issuing/authorizations?limit=100{after}"),
                )
                .await,
            StatusCode::OK,
        )
        .await;
        cursor = page.data.last().map(|a| a.id.clone());
        auths.extend(page.data);
        if !page.has_more {
            break;
        }
    }
    assert!(auths.len() > 300, "{} authorizations", auths.len());
    let first = auths.iter().map(|a| a.created).min().unwrap();
    let last = auths.iter().map(|a| a.created).max().unwrap();
    assert!(
        last - first > 55 * 86_400 && last - first <= 60 * 86_400,
        "{first}..{last}"
    );
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!(last < now, "nothing dated after today");
    for status in ["pending", "closed", "reversed", "expired"] {
        assert!(
            auths.iter().any(|a| a.status.as_str() == status),
            "no {status}"
        );
    }
    let reasons: std::collections::BTreeSet<&str> = auths
        .iter()
        .filter_map(|a| a.decline())
        .map(|d| d.reason.as_str())
        .collect();
    for reason in ["spending_controls", "card_inactive", "card_canceled"] {
        assert!(
            reasons.contains(reason),
            "no {reason} decline in {reasons:?}"
        );
    }
    assert!(
        auths.iter().any(|a| a.merchant_currency != a.currency),
        "a purchase abroad"
    );
    let refunds: List<IssuingTransaction> = expect(
        sandbox
            .get(Some(EURO), "/v1/issuing/transactions?type=refund&limit=100")
            .await,
        StatusCode::OK,
    )
    .await;
    let captures: List<IssuingTransaction> = expect(
        sandbox
            .get(
                Some(EURO),
                "/v1/issuing/transactions?type=capture&limit=100",
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(!refunds.data.is_empty() && captures.data.len() == 100);
}
