//! Cardholders and the card lifecycle over real HTTP: creating and editing cardholders, issuing
//! virtual and physical cards, replacing them, and shipping, with Stripe's rules and events.

mod support;

use issuing_model::{
    CancellationReason, CardStatus, Cardholder, CardholderStatus, IssuingCard, List,
    ShippingStatus, StripeError,
};
use reqwest::StatusCode;
use support::{expect, Sandbox, EURO};

const US: &str = "acct_1SbxUSNorthwnd";

/// A Japanese name on the card, Latin legal names, a US billing address.
const YAMADA: &[(&str, &str)] = &[
    ("name", "山田 太郎"),
    ("email", "taro.yamada@example.jp"),
    ("phone_number", "+1 (415) 555-0123"),
    ("billing[address][line1]", "1 Market Street"),
    ("billing[address][city]", "San Francisco"),
    ("billing[address][state]", "CA"),
    ("billing[address][postal_code]", "94105"),
    ("billing[address][country]", "US"),
    ("individual[first_name]", "Taro"),
    ("individual[last_name]", "Yamada"),
    ("individual[dob][day]", "29"),
    ("individual[dob][month]", "2"),
    ("individual[dob][year]", "1988"),
    ("metadata[employee]", "E-1042"),
];

async fn create_holder(sandbox: &Sandbox, form: &[(&str, &str)]) -> Cardholder {
    expect(
        sandbox
            .post(US, "/v1/issuing/cardholders", form, None)
            .await,
        StatusCode::OK,
    )
    .await
}

async fn refused(response: reqwest::Response) -> StripeError {
    expect(response, StatusCode::BAD_REQUEST).await
}

fn with<'a>(
    base: &[(&'a str, &'a str)],
    changes: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut form: Vec<_> = base
        .iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .copied()
        .collect();
    form.extend(changes.iter().filter(|(_, v)| !v.is_empty()).copied());
    form
}

fn event_types(sandbox: &Sandbox) -> Vec<String> {
    sandbox
        .running
        .events()
        .into_iter()
        .map(|e| e.kind)
        .collect()
}

#[tokio::test]
async fn a_cardholder_is_created_as_stripe_would_and_found_by_its_filters() {
    let sandbox = Sandbox::start().await;
    let holder = create_holder(&sandbox, YAMADA).await;
    assert!(holder.id.starts_with("ich_"));
    assert_eq!(holder.name, "山田 太郎");
    assert_eq!(holder.status, CardholderStatus::Active);
    assert_eq!(holder.phone_number.as_deref(), Some("+14155550123"));
    assert!(holder.can_activate_cards());
    assert_eq!(
        holder
            .spending_controls
            .unwrap()
            .spending_limits_currency
            .as_deref(),
        Some("usd")
    );
    assert_eq!(event_types(&sandbox), ["issuing_cardholder.created"]);
    for query in [
        "email=taro.yamada@example.jp",
        "phone_number=%2B14155550123",
        "type=individual&status=active&limit=1",
    ] {
        let list: List<Cardholder> = expect(
            sandbox
                .get(Some(US), &format!("/v1/issuing/cardholders?{query}"))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(list.data[0].id, holder.id, "{query}");
    }
}

#[tokio::test]
async fn bad_cardholders_are_refused_by_parameter_and_nothing_is_created() {
    let sandbox = Sandbox::start().await;
    let before = sandbox.stats().await["applied_writes"].clone();
    for (changes, param, code) in [
        (vec![("name", "R2-D2")], "name", None),
        (
            vec![("billing[address][city]", "")],
            "billing[address][city]",
            Some("parameter_missing"),
        ),
        (
            vec![("billing[address][postal_code]", "9410")],
            "billing[address][postal_code]",
            Some("postal_code_invalid"),
        ),
        (
            vec![("billing[address][county]", "Marin")],
            "billing[address][county]",
            Some("parameter_unknown"),
        ),
        (vec![("email", "taro@")], "email", Some("email_invalid")),
        (
            vec![("phone_number", "090-1234-5678")],
            "phone_number",
            None,
        ),
        (
            vec![("individual[first_name]", "太郎")],
            "individual[first_name]",
            None,
        ),
        (
            vec![("individual[dob][year]", "2020")],
            "individual[dob]",
            None,
        ),
        (vec![("status", "blocked")], "status", None),
        (
            vec![("preferred_locales[0]", "ja")],
            "preferred_locales[0]",
            None,
        ),
    ] {
        let error = refused(
            sandbox
                .post(US, "/v1/issuing/cardholders", &with(YAMADA, &changes), None)
                .await,
        )
        .await;
        assert_eq!(error.error.param.as_deref(), Some(param), "{changes:?}");
        if code.is_some() {
            assert_eq!(error.error.code.as_deref(), code, "{changes:?}");
        }
    }
    let no_billing: Vec<_> = YAMADA
        .iter()
        .filter(|(k, _)| !k.starts_with("billing"))
        .copied()
        .collect();
    let error = refused(
        sandbox
            .post(US, "/v1/issuing/cardholders", &no_billing, None)
            .await,
    )
    .await;
    assert_eq!(error.error.param.as_deref(), Some("billing"));
    assert_eq!(sandbox.stats().await["applied_writes"], before);
    assert!(event_types(&sandbox).is_empty());
}

#[tokio::test]
async fn an_update_changes_what_it_names_and_the_cards_carry_the_new_cardholder() {
    let sandbox = Sandbox::start().await;
    let holder = create_holder(&sandbox, YAMADA).await;
    let card: IssuingCard = expect(
        sandbox
            .post(
                US,
                "/v1/issuing/cards",
                &[
                    ("cardholder", &holder.id),
                    ("currency", "usd"),
                    ("type", "virtual"),
                ],
                None,
            )
            .await,
        StatusCode::OK,
    )
    .await;
    let path = format!("/v1/issuing/cardholders/{}", holder.id);
    let updated: Cardholder = expect(
        sandbox
            .post(
                US,
                &path,
                &[
                    ("email", "taro@example.jp"),
                    ("status", "inactive"),
                    ("spending_controls[spending_limits][0][amount]", "50000"),
                    ("spending_controls[spending_limits][0][interval]", "monthly"),
                ],
                None,
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(updated.email.as_deref(), Some("taro@example.jp"));
    assert_eq!(updated.status, CardholderStatus::Inactive);
    assert_eq!(updated.name, holder.name);
    assert_eq!(updated.billing, holder.billing);
    assert_eq!(
        updated.spending_controls.unwrap().limits()[0].amount,
        50_000
    );
    let card: IssuingCard = expect(
        sandbox
            .get(Some(US), &format!("/v1/issuing/cards/{}", card.id))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(card.cardholder.email.as_deref(), Some("taro@example.jp"));
    let updated_event = sandbox.running.events().pop().unwrap();
    assert_eq!(updated_event.kind, "issuing_cardholder.updated");
    let previous = updated_event.data.previous_attributes.unwrap();
    assert_eq!(previous["email"], "taro.yamada@example.jp");
    assert_eq!(previous["status"], "active");
    // A name is printed on cards already made: Stripe does not take it on an update.
    let error = refused(
        sandbox
            .post(US, &path, &[("name", "Taro Yamada")], None)
            .await,
    )
    .await;
    assert_eq!(error.error.code.as_deref(), Some("parameter_unknown"));
}

#[tokio::test]
async fn cards_are_issued_in_the_programs_currency_to_cardholders_who_may_have_them() {
    let sandbox = Sandbox::start().await;
    let holder = create_holder(&sandbox, YAMADA).await;
    let issue = |form: Vec<(&'static str, String)>| {
        let sandbox = &sandbox;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            sandbox.post(US, "/v1/issuing/cards", &form, None).await
        }
    };
    let base = |kind: &str| {
        vec![
            ("cardholder", holder.id.clone()),
            ("currency", "usd".to_owned()),
            ("type", kind.to_owned()),
        ]
    };
    let card: IssuingCard = expect(issue(base("virtual")).await, StatusCode::OK).await;
    assert_eq!(card.status, CardStatus::Inactive);
    assert_eq!(card.cardholder.id, holder.id);
    assert!(card.shipping.is_none());

    let mut eur = base("virtual");
    eur[1].1 = "eur".into();
    let error = refused(issue(eur).await).await;
    assert_eq!(error.error.param.as_deref(), Some("currency"));
    assert_eq!(
        error.error.message,
        "This account issues cards in USD, not EUR."
    );

    let error = refused(issue(base("physical")).await).await;
    assert_eq!(error.error.param.as_deref(), Some("shipping"));

    let mut unknown = base("virtual");
    unknown[0].1 = "ich_1NoSuchHolder".into();
    let error = refused(issue(unknown).await).await;
    assert_eq!(error.error.code.as_deref(), Some("resource_missing"));
    assert_eq!(error.error.param.as_deref(), Some("cardholder"));

    // Without legal names, an individual's card cannot be activated.
    let nameless: Vec<_> = YAMADA
        .iter()
        .filter(|(k, _)| !k.starts_with("individual[") || k.contains("dob"))
        .copied()
        .collect();
    let nameless = create_holder(&sandbox, &nameless).await;
    assert_eq!(
        nameless.requirements.past_due.as_deref().unwrap(),
        ["individual.first_name", "individual.last_name"]
    );
    let mut active = base("virtual");
    active[0].1 = nameless.id.clone();
    active.push(("status", "active".into()));
    let error = refused(issue(active).await).await;
    assert_eq!(error.error.param.as_deref(), Some("status"));
    let nameless_card: IssuingCard = expect(
        issue(vec![
            ("cardholder", nameless.id.clone()),
            ("currency", "usd".into()),
            ("type", "virtual".into()),
        ])
        .await,
        StatusCode::OK,
    )
    .await;
    let error = refused(
        sandbox
            .post(
                US,
                &format!("/v1/issuing/cards/{}", nameless_card.id),
                &[("status", "active")],
                None,
            )
            .await,
    )
    .await;
    assert_eq!(error.error.param.as_deref(), Some("status"));

    // A cardholder of another account is not found here.
    let mut elsewhere = base("virtual");
    elsewhere[1].1 = "eur".into();
    let error = refused(
        sandbox
            .post(
                EURO,
                "/v1/issuing/cards",
                &elsewhere
                    .iter()
                    .map(|(k, v)| (*k, v.as_str()))
                    .collect::<Vec<_>>(),
                None,
            )
            .await,
    )
    .await;
    assert_eq!(error.error.code.as_deref(), Some("resource_missing"));
}

fn physical(holder: &Cardholder) -> Vec<(&'static str, String)> {
    vec![
        ("cardholder", holder.id.clone()),
        ("currency", "usd".into()),
        ("type", "physical".into()),
        ("shipping[name]", "Taro Yamada".into()),
        ("shipping[address][line1]", "1 Market Street".into()),
        ("shipping[address][city]", "San Francisco".into()),
        ("shipping[address][state]", "CA".into()),
        ("shipping[address][postal_code]", "94105".into()),
        ("shipping[address][country]", "US".into()),
        ("shipping[service]", "express".into()),
    ]
}

async fn post_owned(sandbox: &Sandbox, path: &str, form: &[(&str, String)]) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    sandbox.post(US, path, &form, None).await
}

#[tokio::test]
async fn a_physical_card_ships_and_is_delivered_through_the_test_helpers() {
    let sandbox = Sandbox::start().await;
    let holder = create_holder(&sandbox, YAMADA).await;
    let card: IssuingCard = expect(
        post_owned(&sandbox, "/v1/issuing/cards", &physical(&holder)).await,
        StatusCode::OK,
    )
    .await;
    let shipping = card.shipping.clone().unwrap();
    assert_eq!(shipping.status, Some(ShippingStatus::Pending));
    assert_eq!(shipping.service.as_str(), "express");
    let step = |name: &'static str| {
        let sandbox = &sandbox;
        let path = format!("/v1/test_helpers/issuing/cards/{}/shipping/{name}", card.id);
        async move { sandbox.post(US, &path, &[], None).await }
    };
    let error = refused(step("deliver").await).await;
    assert_eq!(
        error.error.message,
        "The card's shipment is pending; it cannot be marked delivered."
    );
    let shipped: IssuingCard = expect(step("ship").await, StatusCode::OK).await;
    let shipping = shipped.shipping.unwrap();
    assert_eq!(shipping.status, Some(ShippingStatus::Shipped));
    assert_eq!(shipping.carrier.as_deref(), Some("usps"));
    assert!(shipping.tracking_number.is_some());
    assert!(shipping.eta.unwrap() > card.created);
    let delivered: IssuingCard = expect(step("deliver").await, StatusCode::OK).await;
    assert_eq!(
        delivered.shipping.unwrap().status,
        Some(ShippingStatus::Delivered)
    );
    assert_eq!(refused(step("fail").await).await.error.param, None);
    let returned: IssuingCard = expect(step("return").await, StatusCode::OK).await;
    assert_eq!(
        returned.shipping.unwrap().status,
        Some(ShippingStatus::Returned)
    );
    let types = event_types(&sandbox);
    assert_eq!(
        types,
        [
            "issuing_cardholder.created",
            "issuing_card.created",
            "issuing_card.updated",
            "issuing_card.updated",
            "issuing_card.updated"
        ]
    );
    // A virtual card has no shipment; an unknown step is no route.
    let virtual_card: IssuingCard = expect(
        post_owned(
            &sandbox,
            "/v1/issuing/cards",
            &[
                ("cardholder", holder.id.clone()),
                ("currency", "usd".into()),
                ("type", "virtual".into()),
            ],
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let path = format!(
        "/v1/test_helpers/issuing/cards/{}/shipping/ship",
        virtual_card.id
    );
    let error = refused(sandbox.post(US, &path, &[], None).await).await;
    assert_eq!(
        error.error.message,
        "This card is virtual: it is not shipped."
    );
    let path = format!(
        "/v1/test_helpers/issuing/cards/{}/shipping/teleport",
        card.id
    );
    assert_eq!(
        sandbox.post(US, &path, &[], None).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_card_replaced_as_lost_is_canceled_and_linked_both_ways() {
    let sandbox = Sandbox::start().await;
    let holder = create_holder(&sandbox, YAMADA).await;
    let mut first = physical(&holder);
    first.push(("status", "active".into()));
    let old: IssuingCard = expect(
        post_owned(&sandbox, "/v1/issuing/cards", &first).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(old.status, CardStatus::Active);
    let mut replacement = physical(&holder);
    replacement.push(("replacement_for", old.id.clone()));
    replacement.push(("replacement_reason", "lost".into()));
    let new: IssuingCard = expect(
        post_owned(&sandbox, "/v1/issuing/cards", &replacement).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(new.replacement_for.as_deref(), Some(old.id.as_str()));
    assert_eq!(new.replacement_reason.as_ref().unwrap().as_str(), "lost");
    let old_now: IssuingCard = expect(
        sandbox
            .get(Some(US), &format!("/v1/issuing/cards/{}", old.id))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(old_now.status, CardStatus::Canceled);
    assert_eq!(old_now.cancellation_reason, Some(CancellationReason::Lost));
    assert_eq!(old_now.replaced_by.as_deref(), Some(new.id.as_str()));
    // Once replaced, a card cannot be replaced again.
    let error = refused(post_owned(&sandbox, "/v1/issuing/cards", &replacement).await).await;
    assert_eq!(error.error.param.as_deref(), Some("replacement_for"));
    assert_eq!(
        error.error.message,
        format!("This card has already been replaced by {}.", new.id)
    );
}

#[tokio::test]
async fn a_damaged_card_works_until_its_replacement_is_activated() {
    let sandbox = Sandbox::start().await;
    let holder = create_holder(&sandbox, YAMADA).await;
    let mut first = physical(&holder);
    first.push(("status", "active".into()));
    let old: IssuingCard = expect(
        post_owned(&sandbox, "/v1/issuing/cards", &first).await,
        StatusCode::OK,
    )
    .await;
    let mut replacement = physical(&holder);
    replacement.push(("replacement_for", old.id.clone()));
    replacement.push(("replacement_reason", "damaged".into()));
    let new: IssuingCard = expect(
        post_owned(&sandbox, "/v1/issuing/cards", &replacement).await,
        StatusCode::OK,
    )
    .await;
    let status_of = |id: String| {
        let sandbox = &sandbox;
        async move {
            let card: IssuingCard = expect(
                sandbox
                    .get(Some(US), &format!("/v1/issuing/cards/{id}"))
                    .await,
                StatusCode::OK,
            )
            .await;
            card.status
        }
    };
    assert_eq!(status_of(old.id.clone()).await, CardStatus::Active);
    let _: IssuingCard = expect(
        sandbox
            .post(
                US,
                &format!("/v1/issuing/cards/{}", new.id),
                &[("status", "active")],
                None,
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(status_of(old.id).await, CardStatus::Canceled);
}
