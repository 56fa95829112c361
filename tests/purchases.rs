//! A card's purchases on its page, against the real server: a purchase the card's daily limit
//! declined says so in the operator's words, with the limit and what was already spent; the
//! spend bars count as Stripe does; the simulator decides at once and the page follows; the
//! editor's what-if says what a draft would have done to the last 30 days.

mod support;

use issuing_admin::api::ApiClient;
use issuing_admin::Panel;
use issuing_model::api::SimulatePurchase;
use issuing_model::IssuingCard;
use issuing_model::{
    Address, Billing, CardCreate, CardListQuery, CardStatus, CardType, CardUpdate,
    CardholderCreate, CardholderType, SpendingControlsUpdate, SpendingInterval, SpendingLimit,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::editor::start_editing;
use support::{
    click, input, live_api, signed_in_api, type_into, wait_for, wait_text, wait_until, EURO,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn purchase(amount: i64) -> SimulatePurchase {
    SimulatePurchase {
        amount,
        merchant_amount: None,
        merchant_currency: None,
        category: "bakeries".into(),
        country: "DE".into(),
        card_present: true,
        merchant_name: Some("Bäckerei Schmidt".into()),
        capture: true,
    }
}

/// A new active EURO card of its own with one limit, €50 a day, and no other control. The tests
/// of this file run at once: a card of the seed could be another test's too.
async fn card_with_daily_limit(api: &ApiClient) -> IssuingCard {
    let holder = api
        .create_cardholder(
            EURO,
            &CardholderCreate {
                billing: Billing {
                    address: Address {
                        line1: Some("Invalidenstraße 1".into()),
                        city: Some("Berlin".into()),
                        postal_code: Some("10115".into()),
                        country: Some("DE".into()),
                        state: None,
                        line2: None,
                    },
                },
                ..support::portland_holder(
                    CardholderType::Company,
                    &format!("Limits Test {}", support::unique_letters()),
                )
            },
        )
        .await
        .unwrap();
    let card = api
        .issue_card(
            EURO,
            &CardCreate {
                cardholder: holder.id.clone(),
                currency: "eur".into(),
                kind: CardType::Virtual,
                status: Some(CardStatus::Active),
                spending_controls: None,
                shipping: None,
                replacement_for: None,
                replacement_reason: None,
                metadata: Default::default(),
            },
        )
        .await
        .unwrap();
    let only_a_daily_limit = CardUpdate {
        spending_controls: Some(SpendingControlsUpdate {
            spending_limits: Some(vec![SpendingLimit {
                amount: 5_000,
                categories: None,
                interval: SpendingInterval::Daily,
            }]),
            allowed_categories: Some(vec![]),
            blocked_categories: Some(vec![]),
            allowed_merchant_countries: Some(vec![]),
            blocked_merchant_countries: Some(vec![]),
            allowed_card_presences: Some(vec![]),
            blocked_card_presences: Some(vec![]),
        }),
        ..Default::default()
    };
    api.update_card(EURO, &card.id, &only_a_daily_limit)
        .await
        .unwrap()
}

/// How many purchases the card has, as the server lists them.
async fn purchases_of(api: &ApiClient, card: &str) -> usize {
    let query = issuing_model::api::PurchaseQuery {
        card: Some(card.to_owned()),
        limit: Some(100),
        ..Default::default()
    };
    api.authorizations(EURO, &query).await.unwrap().data.len()
}

fn rows(root: &web_sys::HtmlElement) -> u32 {
    root.query_selector_all("[data-table=purchases] tbody tr")
        .unwrap()
        .length()
}

#[wasm_bindgen_test]
async fn a_declined_purchase_names_the_limit_that_declined_it() {
    let api = signed_in_api("op_aiko").await;
    let card = card_with_daily_limit(&api).await;
    let approved = api
        .simulate_purchase(EURO, &card.id, &purchase(3_000))
        .await
        .unwrap();
    assert!(approved.approved);
    let declined = api
        .simulate_purchase(EURO, &card.id, &purchase(3_000))
        .await
        .unwrap();
    assert!(!declined.approved);

    let root = support::open_as("op_aiko", &format!("/accounts/{EURO}/cards/{}", card.id)).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    let row =
        |id: &str| format!("[data-table=purchases] [data-authorization={id}] [data-field=result]");
    // Stripe's reason at first; the control named once the card's history has been read.
    let said = wait_text(&root, &row(&declined.id), "limit").await;
    assert_eq!(
        said,
        "Declined: over the card's limit of €50.00 per day (€30.00 already spent)"
    );
    assert_eq!(
        wait_text(&root, &row(&approved.id), "Approved").await,
        "Approved"
    );
    root.remove();
}

const DAILY_BAR: &str = "[data-owner=card] [data-limit=daily] [data-field=spent]";

#[wasm_bindgen_test]
async fn the_simulator_decides_at_once_and_the_bar_and_the_list_follow() {
    let api = signed_in_api("op_aiko").await;
    let card = card_with_daily_limit(&api).await;
    let before = purchases_of(&api, &card.id).await;
    let root = support::open_as("op_aiko", &format!("/accounts/{EURO}/cards/{}", card.id)).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    // The seed's history is months old: nothing spent today yet.
    wait_text(&root, DAILY_BAR, "€0.00 of €50.00 today").await;

    wait_for(&root, ".ia-simulator > summary").await;
    click(&root, ".ia-simulator > summary");
    // Not an amount: said at the field, and nothing is sent.
    type_into(&root, "#sim-amount", "thirty");
    click(&root, "[data-action=simulate]");
    wait_text(&root, "#sim-amount-error", "as a number").await;
    assert_eq!(purchases_of(&api, &card.id).await, before);

    type_into(&root, "#sim-amount", "30");
    type_into(&root, "#sim-merchant", "Café Zentral");
    click(&root, "[data-action=simulate]");
    let approved = wait_text(&root, "[data-outcome=approved]", "Approved").await;
    assert_eq!(approved, "Approved: €30.00 at Café Zentral");
    // The bar counts it without a reload.
    let spent = wait_text(&root, DAILY_BAR, "€30.00 of €50.00 today").await;
    assert_eq!(spent, "€30.00 of €50.00 today");
    assert_eq!(
        support::text_of(
            &root,
            "[data-owner=card] [data-limit=daily] [data-field=left]"
        )
        .as_deref(),
        Some("€20.00 left")
    );

    click(&root, "[data-action=simulate]");
    let declined = wait_text(&root, "[data-outcome=declined]", "limit").await;
    assert_eq!(
        declined,
        "Declined: over the card's limit of €50.00 per day (€30.00 already spent)"
    );
    // Both listed, newest first, above the card's earlier purchases.
    let nth = |n: u8| format!("[data-table=purchases] tbody tr:nth-child({n}) [data-field=result]");
    assert_eq!(wait_text(&root, &nth(1), "limit").await, declined);
    assert_eq!(wait_text(&root, &nth(2), "Approved").await, "Approved");
    wait_until("the list has both", || {
        rows(&root) as usize >= (before + 2).min(25)
    })
    .await;
    assert_eq!(purchases_of(&api, &card.id).await, before + 2);
    // A decline adds no spend.
    assert_eq!(
        support::text_of(&root, DAILY_BAR).as_deref(),
        Some("€30.00 of €50.00 today")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_what_if_says_what_a_draft_would_have_decided_otherwise() {
    let api = signed_in_api("op_aiko").await;
    let card = card_with_daily_limit(&api).await;
    let approved = api
        .simulate_purchase(EURO, &card.id, &purchase(3_000))
        .await
        .unwrap();
    let declined = api
        .simulate_purchase(EURO, &card.id, &purchase(3_000))
        .await
        .unwrap();
    assert!(approved.approved && !declined.approved);

    let root = support::open_as("op_aiko", &format!("/accounts/{EURO}/cards/{}", card.id)).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    start_editing(&root).await;
    const AMOUNT: &str = ".ia-limit:first-of-type input[name=amount]";
    // No change yet: nothing to replay.
    assert!(root.query_selector("[data-what-if]").unwrap().is_none());

    type_into(&root, AMOUNT, "100");
    let summary = wait_text(&root, "[data-field=what-if-summary]", "let through").await;
    assert!(
        summary.contains("let through 1 declined purchase"),
        "{summary}"
    );
    wait_for(
        &root,
        &format!(
            "[data-change=approved] [data-authorization={}]",
            declined.id
        ),
    )
    .await;
    assert!(root
        .query_selector("[data-change=declined]")
        .unwrap()
        .is_none());

    // Lowered to €20, the approved €30 would have been declined, and then the second fits
    // nowhere either: €30 is over €20 on its own.
    type_into(&root, AMOUNT, "20");
    let summary = wait_text(&root, "[data-field=what-if-summary]", "declined 1").await;
    assert!(
        summary.contains("declined 1 approved purchase"),
        "{summary}"
    );
    let why = wait_text(
        &root,
        &format!(
            "[data-change=declined] [data-authorization={}]",
            approved.id
        ),
        "Declined",
    )
    .await;
    assert!(why.contains("€20.00 per day"), "{why}");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_purchases_page_through_older_and_back() {
    let api = signed_in_api("op_aiko").await;
    let query = CardListQuery {
        limit: Some(20),
        ..Default::default()
    };
    // A card whose seeded history is longer than a page.
    let mut long = None;
    for card in api.cards(EURO, &query).await.unwrap().data {
        let page = issuing_model::api::PurchaseQuery {
            card: Some(card.id.clone()),
            limit: Some(25),
            ..Default::default()
        };
        let first = api.authorizations(EURO, &page).await.unwrap();
        if first.has_more {
            long = Some((card, first));
            break;
        }
    }
    let (card, first) = long.expect("a seeded card with more than 25 purchases");
    let root = support::open_as("op_aiko", &format!("/accounts/{EURO}/cards/{}", card.id)).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    let top =
        |id: &str| format!("[data-table=purchases] tbody tr:first-child[data-authorization={id}]");
    wait_for(&root, &top(&first.data[0].id)).await;
    assert_eq!(rows(&root), 25);
    assert!(
        input(&root, "[data-page=newer]").has_attribute("disabled"),
        "the newest page has none newer"
    );
    click(&root, "[data-page=older]");
    let older = issuing_model::api::PurchaseQuery {
        card: Some(card.id.clone()),
        limit: Some(25),
        starting_after: Some(first.data[24].id.clone()),
        ..Default::default()
    };
    let second = api.authorizations(EURO, &older).await.unwrap();
    wait_for(&root, &top(&second.data[0].id)).await;
    click(&root, "[data-page=newer]");
    wait_for(&root, &top(&first.data[0].id)).await;
    root.remove();
}
