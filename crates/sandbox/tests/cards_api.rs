//! The sandbox's Issuing card API over real HTTP: Stripe's semantics, scoping and errors.

mod support;

use issuing_model::{
    CardStatus, CardType, Cardholder, IssuingCard, List, SpendingInterval, StripeError,
};
use reqwest::StatusCode;
use support::{expect, Sandbox, EURO, UK};

async fn cards(sandbox: &Sandbox, account: &str, query: &str) -> List<IssuingCard> {
    expect(
        sandbox
            .get(Some(account), &format!("/v1/issuing/cards?{query}"))
            .await,
        StatusCode::OK,
    )
    .await
}

#[tokio::test]
async fn seed_covers_every_status_and_type_in_issuing_currencies() {
    let sandbox = Sandbox::start().await;
    for (account, currency) in [(EURO, "eur"), (UK, "gbp"), ("acct_1SbxUSNorthwnd", "usd")] {
        let list = cards(&sandbox, account, "limit=100").await;
        assert!(list.data.iter().all(|c| c.currency == currency));
        for status in [
            CardStatus::Active,
            CardStatus::Inactive,
            CardStatus::Canceled,
        ] {
            for kind in [CardType::Virtual, CardType::Physical] {
                assert!(
                    list.data
                        .iter()
                        .any(|c| c.status == status && c.kind == kind),
                    "{account} has no {status} {kind} card"
                );
            }
        }
        assert!(list
            .data
            .iter()
            .any(|c| !c.spending_controls.limits().is_empty()));
        assert!(list
            .data
            .iter()
            .any(|c| c.spending_controls.blocked_categories.is_some()));
        assert!(
            list.data.iter().any(|c| c.replacement_for.is_some()),
            "{account} has a replacement card"
        );
    }
    let euro = cards(&sandbox, EURO, "limit=100").await;
    assert!(
        euro.data.iter().any(|c| c.cardholder.name == "田中 美咲"),
        "Japanese cardholders are seeded"
    );
}

#[tokio::test]
async fn filters_combine_and_pages_walk_the_whole_list_newest_first() {
    let sandbox = Sandbox::start().await;
    let all = cards(
        &sandbox,
        "acct_1SbxUSFleetHub",
        "limit=100&status=active&type=virtual",
    )
    .await;
    assert!(all
        .data
        .iter()
        .all(|c| c.status == CardStatus::Active && c.kind == CardType::Virtual));
    assert!(all.data.windows(2).all(|w| w[0].created >= w[1].created));

    // Walk forward three at a time, then back: the same cards, no gaps, no repeats.
    let mut seen = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = cards(&sandbox, EURO, &format!("limit=3&status=active{cursor}")).await;
        seen.extend(page.data.iter().map(|c| c.id.clone()));
        if !page.has_more {
            break;
        }
        cursor = format!("&starting_after={}", page.data.last().unwrap().id);
    }
    let everything = cards(&sandbox, EURO, "limit=100&status=active").await;
    assert_eq!(
        seen,
        everything
            .data
            .iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    );
    let back = cards(
        &sandbox,
        EURO,
        &format!("limit=3&status=active&ending_before={}", seen[4]),
    )
    .await;
    assert_eq!(
        back.data.iter().map(|c| &c.id).collect::<Vec<_>>(),
        seen[1..4].iter().collect::<Vec<_>>()
    );

    let one = &everything.data[2];
    let by_last4 = cards(
        &sandbox,
        EURO,
        &format!("last4={}&cardholder={}", one.last4, one.cardholder.id),
    )
    .await;
    assert!(by_last4.data.iter().any(|c| c.id == one.id));
    assert!(by_last4.data.iter().all(|c| c.last4 == one.last4));
    let exp = cards(
        &sandbox,
        EURO,
        &format!(
            "exp_month={}&exp_year={}&limit=100",
            one.exp_month, one.exp_year
        ),
    )
    .await;
    assert!(exp
        .data
        .iter()
        .all(|c| c.exp_month == one.exp_month && c.exp_year == one.exp_year));
    let created = cards(
        &sandbox,
        EURO,
        &format!(
            "created[gte]={}&created[lt]={}",
            one.created,
            one.created + 1
        ),
    )
    .await;
    assert_eq!(
        created.data.iter().map(|c| &c.id).collect::<Vec<_>>(),
        [&one.id]
    );
}

#[tokio::test]
async fn bad_list_parameters_are_400s_naming_the_param() {
    let sandbox = Sandbox::start().await;
    for (query, param) in [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("status=frozen", "status"),
        ("type=plastic", "type"),
        ("last4=12a4", "last4"),
        ("exp_month=13", "exp_month"),
        ("created[gt]=yesterday", "created[gt]"),
        ("created[between]=1", "created[between]"),
        ("colour=red", "colour"),
        ("starting_after=ic_missing", "starting_after"),
    ] {
        let err: StripeError = expect(
            sandbox
                .get(Some(EURO), &format!("/v1/issuing/cards?{query}"))
                .await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(err.error.param.as_deref(), Some(param), "{query}");
    }
}

#[tokio::test]
async fn another_accounts_card_is_a_404_and_an_unknown_account_a_403() {
    let sandbox = Sandbox::start().await;
    let uk_card = cards(&sandbox, UK, "limit=1").await.data.remove(0);
    let err: StripeError = expect(
        sandbox
            .get(Some(EURO), &format!("/v1/issuing/cards/{}", uk_card.id))
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(err.error.code.as_deref(), Some("resource_missing"));
    let err: StripeError = expect(
        sandbox
            .post(
                EURO,
                &format!("/v1/issuing/cards/{}", uk_card.id),
                &[("status", "inactive")],
                None,
            )
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(err.error.param.as_deref(), Some("issuing_card"));
    let _: StripeError = expect(
        sandbox.get(Some("acct_nobody"), "/v1/issuing/cards").await,
        StatusCode::FORBIDDEN,
    )
    .await;
    // Without Stripe-Account the platform itself is asked: it issues no cards.
    let platform: List<IssuingCard> =
        expect(sandbox.get(None, "/v1/issuing/cards").await, StatusCode::OK).await;
    assert!(platform.data.is_empty());
}

#[tokio::test]
async fn update_sets_spending_controls_and_status_and_returns_the_card() {
    let sandbox = Sandbox::start().await;
    let card = cards(&sandbox, EURO, "status=active&type=virtual&limit=1")
        .await
        .data
        .remove(0);
    let path = format!("/v1/issuing/cards/{}", card.id);
    let updated: IssuingCard = expect(
        sandbox
            .post(
                EURO,
                &path,
                &[
                    ("spending_controls[spending_limits][0][amount]", "50000"),
                    ("spending_controls[spending_limits][0][interval]", "daily"),
                    (
                        "spending_controls[blocked_categories][0]",
                        "betting_casino_gambling",
                    ),
                    ("spending_controls[allowed_categories]", ""),
                    ("status", "inactive"),
                ],
                None,
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(updated.status, CardStatus::Inactive);
    let limits = updated.spending_controls.limits();
    assert_eq!(
        (limits[0].amount, &limits[0].interval),
        (50_000, &SpendingInterval::Daily)
    );
    // And it persisted.
    let again: IssuingCard = expect(sandbox.get(Some(EURO), &path).await, StatusCode::OK).await;
    assert_eq!(again, updated);
}

#[tokio::test]
async fn invalid_updates_are_refused_with_their_param_and_change_nothing() {
    let sandbox = Sandbox::start().await;
    let card = cards(&sandbox, EURO, "status=active&limit=1")
        .await
        .data
        .remove(0);
    let path = format!("/v1/issuing/cards/{}", card.id);
    for (form, param) in [
        (
            vec![
                ("spending_controls[spending_limits][0][amount]", "-5"),
                ("spending_controls[spending_limits][0][interval]", "daily"),
            ],
            "spending_controls[spending_limits][0][amount]",
        ),
        (
            vec![
                ("spending_controls[spending_limits][0][amount]", "5"),
                ("spending_controls[spending_limits][0][interval]", "hourly"),
            ],
            "spending_controls[spending_limits][0][interval]",
        ),
        (
            vec![
                (
                    "spending_controls[allowed_categories][0]",
                    "taxicabs_limousines",
                ),
                (
                    "spending_controls[blocked_categories][0]",
                    "betting_casino_gambling",
                ),
            ],
            "spending_controls[blocked_categories]",
        ),
        (
            vec![("spending_controls[blocked_merchant_countries][0]", "XX")],
            "spending_controls[blocked_merchant_countries][0]",
        ),
        (vec![("status", "frozen")], "status"),
        (
            vec![
                ("status", "canceled"),
                ("cancellation_reason", "design_rejected"),
            ],
            "cancellation_reason",
        ),
        (vec![("nickname", "Bob")], "nickname"),
        (
            vec![("spending_controls[spending_limits_currency]", "jpy")],
            "spending_controls[spending_limits_currency]",
        ),
    ] {
        let err: StripeError = expect(
            sandbox.post(EURO, &path, &form, None).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(err.error.param.as_deref(), Some(param), "{form:?}");
    }
    let after: IssuingCard = expect(sandbox.get(Some(EURO), &path).await, StatusCode::OK).await;
    assert_eq!(after, card, "a refused update changes nothing");
}

#[tokio::test]
async fn canceled_is_final() {
    let sandbox = Sandbox::start().await;
    let card = cards(&sandbox, UK, "status=active&limit=1")
        .await
        .data
        .remove(0);
    let path = format!("/v1/issuing/cards/{}", card.id);
    let canceled: IssuingCard = expect(
        sandbox
            .post(
                UK,
                &path,
                &[("status", "canceled"), ("cancellation_reason", "stolen")],
                None,
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(canceled.status, CardStatus::Canceled);
    let err: StripeError = expect(
        sandbox.post(UK, &path, &[("status", "active")], None).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(err.error.param.as_deref(), Some("status"));
}

#[tokio::test]
async fn idempotency_key_replays_and_refuses_other_parameters() {
    let sandbox = Sandbox::start().await;
    let card = cards(&sandbox, EURO, "status=active&limit=1")
        .await
        .data
        .remove(0);
    let path = format!("/v1/issuing/cards/{}", card.id);
    let first = sandbox
        .post(EURO, &path, &[("status", "inactive")], Some("key-1"))
        .await;
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first: IssuingCard = expect(first, StatusCode::OK).await;
    // Someone else reactivates the card; a replay of key-1 must not freeze it again.
    let _: IssuingCard = expect(
        sandbox
            .post(EURO, &path, &[("status", "active")], None)
            .await,
        StatusCode::OK,
    )
    .await;
    let replay = sandbox
        .post(EURO, &path, &[("status", "inactive")], Some("key-1"))
        .await;
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    let replay: IssuingCard = expect(replay, StatusCode::OK).await;
    assert_eq!(replay, first);
    let now: IssuingCard = expect(sandbox.get(Some(EURO), &path).await, StatusCode::OK).await;
    assert_eq!(now.status, CardStatus::Active, "the replay applied nothing");
    let err: StripeError = expect(
        sandbox
            .post(EURO, &path, &[("status", "canceled")], Some("key-1"))
            .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(err.error.kind, issuing_model::ErrorType::IdempotencyError);
    // A failed validation is not kept: the same key with corrected input goes through.
    let _: StripeError = expect(
        sandbox
            .post(EURO, &path, &[("status", "frozen")], Some("key-2"))
            .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    let fixed: IssuingCard = expect(
        sandbox
            .post(EURO, &path, &[("status", "inactive")], Some("key-2"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(fixed.status, CardStatus::Inactive);
}

#[tokio::test]
async fn cardholders_list_and_retrieve_in_scope() {
    let sandbox = Sandbox::start().await;
    let list: List<Cardholder> = expect(
        sandbox
            .get(Some(EURO), "/v1/issuing/cardholders?limit=100")
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(list.data.len() >= 5);
    let one = &list.data[0];
    let got: Cardholder = expect(
        sandbox
            .get(Some(EURO), &format!("/v1/issuing/cardholders/{}", one.id))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(&got, one);
    let _: StripeError = expect(
        sandbox
            .get(Some(UK), &format!("/v1/issuing/cardholders/{}", one.id))
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;
}

#[tokio::test]
async fn the_large_account_is_as_large_as_configured() {
    let sandbox = Sandbox::with(stripe_sandbox::SandboxConfig {
        large_account_cards: 2_500,
        ..Default::default()
    })
    .await;
    let mut total = 0;
    let mut cursor = String::new();
    loop {
        let page = cards(
            &sandbox,
            stripe_sandbox::LARGE_ACCOUNT,
            &format!("limit=100{cursor}"),
        )
        .await;
        total += page.data.len();
        if !page.has_more {
            break;
        }
        cursor = format!("&starting_after={}", page.data.last().unwrap().id);
    }
    assert_eq!(total, 2_500);
}
