//! A card's purchases on its page, against the real server: a purchase the card's daily limit
//! declined says so in the operator's words, with the limit and what was already spent.

mod support;

use issuing_admin::Panel;
use issuing_model::api::SimulatePurchase;
use issuing_model::{
    CardListQuery, CardStatus, CardUpdate, SpendingControlsUpdate, SpendingInterval, SpendingLimit,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::{live_api, signed_in_api, wait_text, EURO};
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

#[wasm_bindgen_test]
async fn a_declined_purchase_names_the_limit_that_declined_it() {
    let api = signed_in_api("op_aiko").await;
    let query = CardListQuery {
        status: Some(CardStatus::Active),
        limit: Some(5),
        ..Default::default()
    };
    let card = api.cards(EURO, &query).await.unwrap().data.remove(0);
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
        .unwrap();
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
    let said = wait_text(&root, &row(&declined.id), "Declined").await;
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
