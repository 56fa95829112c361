//! The Tokens page against the real server and sandbox: a charge over what is left is refused
//! before it is sent and the typed amount is kept; a good one lands and its `used` event reaches
//! the live feed; read-only operators only look.

mod support;

use issuing_admin::events::merge;
use issuing_admin::Panel;
use issuing_model::api::GrantTokenRequest;
use issuing_model::{Event, GrantedToken};
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::{
    click, input, live_api, signed_in_api, text_of, type_into, wait_for, wait_text, wait_until,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The euro account's tokens: the other tests never touch tokens, so no account is shared.
use support::EURO as ACCOUNT;

async fn grant(max_amount: i64) -> GrantedToken {
    grant_in("jpy", max_amount).await
}

async fn grant_in(currency: &str, max_amount: i64) -> GrantedToken {
    let api = signed_in_api("op_aiko").await;
    let request = GrantTokenRequest {
        payment_method: "pm_card_visa".into(),
        currency: currency.into(),
        max_amount,
        expires_at: None,
    };
    api.grant_token(ACCOUNT, &request).await.expect("granted")
}

/// Charges `amount` yen to `token` through the server, as the panel's charge form would.
async fn charge_yen(token: &GrantedToken, amount: i64) {
    let charge = issuing_model::api::ChargeRequest {
        amount,
        currency: "jpy".into(),
    };
    let api = signed_in_api("op_aiko").await;
    api.charge_token(ACCOUNT, &token.id, &charge)
        .await
        .expect("charged");
}

async fn remaining(id: &str) -> i64 {
    let api = signed_in_api("op_aiko").await;
    let tokens = api.tokens(ACCOUNT).await.unwrap();
    tokens
        .data
        .iter()
        .find(|t| t.id == id)
        .expect("listed")
        .remaining()
        .expect("a token granted with limits")
}

fn charge_disabled(root: &web_sys::HtmlElement) -> bool {
    root.query_selector("[data-action=charge]")
        .unwrap()
        .map(|b| b.unchecked_into::<web_sys::HtmlButtonElement>().disabled())
        .unwrap_or(true)
}

#[wasm_bindgen_test]
async fn an_over_limit_charge_is_refused_before_sending_and_a_good_one_reaches_the_feed() {
    let token = grant(5_000).await;
    let root = support::open_as("op_aiko", &format!("/accounts/{ACCOUNT}/tokens")).await;
    let _handle = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, ".ia-feed-status[data-status=live]").await;
    click(
        &root,
        &format!("tr[data-token={}] [data-action=select-token]", token.id),
    );
    wait_for(&root, &format!("form.ia-charge[data-token={}]", token.id)).await;

    type_into(&root, "#charge-amount", "5001");
    wait_text(
        &root,
        "#charge-amount-error",
        "¥5,001 is more than what is left on this token (¥5,000 of ¥5,000).",
    )
    .await;
    wait_until("Charge is disabled", || charge_disabled(&root)).await;
    type_into(&root, "#charge-amount", "50.5");
    wait_text(&root, "#charge-amount-error", "no decimal places").await;
    assert_eq!(
        input(&root, "#charge-amount").value(),
        "50.5",
        "the typed amount is kept"
    );
    assert_eq!(remaining(&token.id).await, 5_000, "nothing was charged");

    type_into(&root, "#charge-amount", "2000");
    wait_until("Charge is enabled", || !charge_disabled(&root)).await;
    click(&root, "[data-action=charge]");
    confirm_charge(&root, "¥2,000").await;
    wait_text(&root, ".ia-outcomes", "Charged ¥2,000").await;
    let used = format!(
        ".ia-feed-item[data-type='shared_payment.granted_token.used'][data-object={}]",
        token.id
    );
    wait_text(&root, &used, "¥2,000 captured of ¥5,000").await;
    wait_text(
        &root,
        &format!("tr[data-token={}] [data-field=left]", token.id),
        "¥3,000",
    )
    .await;
    assert_eq!(remaining(&token.id).await, 3_000);
}

/// The confirmation names `amount`; confirming it sends the charge.
async fn confirm_charge(root: &web_sys::HtmlElement, amount: &str) {
    wait_until("the confirmation is open", || dialog_open(root)).await;
    wait_text(root, "[data-action=confirm-charge]", amount).await;
    click(root, "[data-action=confirm-charge]");
}

fn dialog_open(root: &web_sys::HtmlElement) -> bool {
    root.query_selector("form.ia-charge dialog")
        .unwrap()
        .is_some_and(|d| d.unchecked_into::<web_sys::HtmlDialogElement>().open())
}

#[wasm_bindgen_test]
async fn a_euro_amount_typed_with_a_comma_is_confirmed_in_words_before_it_is_charged() {
    let token = grant_in("eur", 5_000).await;
    let root = support::open_as("op_aiko", &format!("/accounts/{ACCOUNT}/tokens")).await;
    let _handle = mount_to(
        root.clone(),
        || view! { <Panel server=live_api() locale=Some("en".into()) /> },
    );
    wait_for(&root, &format!("tr[data-token={}]", token.id)).await;
    click(
        &root,
        &format!("tr[data-token={}] [data-action=select-token]", token.id),
    );
    // It opens right under the row that opened it.
    wait_for(
        &root,
        &format!(
            "tr[data-token={0}] + tr.ia-charge-row form.ia-charge[data-token={0}]",
            token.id
        ),
    )
    .await;

    // Ambiguous: refused, and the message says how to write it.
    type_into(&root, "#charge-amount", "1,250");
    wait_text(&root, "#charge-amount-error", "Did you mean €1,250.00?").await;
    wait_until("Charge is disabled", || charge_disabled(&root)).await;

    type_into(&root, "#charge-amount", "12,50");
    wait_until("Charge is enabled", || !charge_disabled(&root)).await;
    click(&root, "[data-action=charge]");
    wait_until("the confirmation is open", || dialog_open(&root)).await;
    wait_text(&root, "[data-field=confirm]", "€12.50 (12.50 euros)").await;
    // Going back charges nothing and keeps the amount.
    click(&root, "[data-action=charge-back]");
    wait_until("the confirmation is closed", || !dialog_open(&root)).await;
    assert_eq!(input(&root, "#charge-amount").value(), "12,50");
    assert_eq!(remaining(&token.id).await, 5_000, "nothing was charged");

    // In Japanese the confirmation uses the currency's Japanese name.
    support::choose(&root, "select.ia-language", "ja");
    click(&root, "[data-action=charge]");
    wait_until("the confirmation is open", || dialog_open(&root)).await;
    wait_text(&root, "[data-field=confirm]", "€12.50（12.50ユーロ）").await;
    confirm_charge(&root, "€12.50 を請求する").await;
    wait_text(&root, ".ia-outcomes", "€12.50 を請求しました").await;
    wait_text(&root, ".ia-outcomes", "成功").await;
    assert_eq!(
        remaining(&token.id).await,
        3_750,
        "exactly €12.50 was charged"
    );
    // The switch is remembered: leave the other tests in English.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("issuing-admin.locale").unwrap();
}

#[wasm_bindgen_test]
async fn a_used_up_token_offers_no_charge_and_no_countdown() {
    let api = signed_in_api("op_aiko").await;
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let request = GrantTokenRequest {
        payment_method: "pm_card_visa".into(),
        currency: "jpy".into(),
        max_amount: 1_000,
        expires_at: Some(now + 3_600),
    };
    let token = api.grant_token(ACCOUNT, &request).await.expect("granted");
    charge_yen(&token, 1_000).await;
    let root = support::open_as("op_aiko", &format!("/accounts/{ACCOUNT}/tokens")).await;
    let _handle = mount_to(
        root.clone(),
        || view! { <Panel server=live_api() locale=Some("en".into()) /> },
    );
    let row = format!("tr[data-token={}]", token.id);
    wait_for(&root, &format!("{row} [data-status=consumed]")).await;
    assert_eq!(
        text_of(&root, &format!("{row} [data-field=expires]")).as_deref(),
        Some("—")
    );
    assert!(
        root.query_selector(&format!("{row} [data-action=select-token]"))
            .unwrap()
            .is_none(),
        "no Charge… on a used-up token"
    );
}

#[wasm_bindgen_test]
async fn read_only_operators_see_tokens_but_cannot_grant_or_charge() {
    let token = grant(1_000).await;
    let root = support::open_as("op_chloe", &format!("/accounts/{ACCOUNT}/tokens")).await;
    let _handle = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, &format!("tr[data-token={}]", token.id)).await;
    assert!(
        root.query_selector("form.ia-grant").unwrap().is_none(),
        "no grant form"
    );
    click(
        &root,
        &format!("tr[data-token={}] [data-action=select-token]", token.id),
    );
    wait_text(&root, ".ia-column-main", "read-only").await;
    assert!(
        root.query_selector("form.ia-charge").unwrap().is_none(),
        "no charge form"
    );
}

fn event(id: &str, created: i64) -> Event {
    serde_json::from_value(serde_json::json!({
        "id": id, "object": "event", "api_version": null, "created": created,
        "data": { "object": {} }, "livemode": false, "type": "x"
    }))
    .unwrap()
}

#[wasm_bindgen_test]
fn the_feed_keeps_one_copy_of_each_event_newest_first() {
    let mut events = Vec::new();
    for (id, created) in [("evt_b", 2), ("evt_a", 1), ("evt_b", 2), ("evt_c", 3)] {
        merge(&mut events, event(id, created));
    }
    let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["evt_c", "evt_b", "evt_a"]);
    // Two in the same second: the later arrival is on top.
    merge(&mut events, event("evt_d", 3));
    assert_eq!(events[0].id, "evt_d");
}

#[wasm_bindgen_test]
async fn looking_up_a_token_by_id_selects_it_or_says_what_is_wrong() {
    let token = grant(2_000).await;
    let root = support::open_as("op_aiko", &format!("/accounts/{ACCOUNT}/tokens")).await;
    let _handle = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "form.ia-lookup").await;
    type_into(&root, "#lookup-token", "pi_123");
    click(&root, "[data-action=lookup]");
    wait_text(&root, "#lookup-error", "starts with spt_").await;
    type_into(&root, "#lookup-token", "spt_NoSuchTokenAnywhere000");
    click(&root, "[data-action=lookup]");
    wait_text(&root, "#lookup-error", "No such").await;
    type_into(&root, "#lookup-token", &token.id);
    click(&root, "[data-action=lookup]");
    wait_for(&root, &format!("form.ia-charge[data-token={}]", token.id)).await;
}

#[wasm_bindgen_test]
async fn the_events_page_names_the_business_links_the_object_and_filters() {
    let root = support::open_as("op_aiko", "/events").await;
    let _handle = mount_to(
        root.clone(),
        || view! { <Panel server=live_api() locale=Some("en".into()) /> },
    );
    wait_for(&root, ".ia-feed-status[data-status=live]").await;
    let token = grant(2_000).await;
    charge_yen(&token, 500).await;
    let used = format!(
        ".ia-feed-item[data-type='shared_payment.granted_token.used'][data-object={}]",
        token.id
    );
    wait_text(
        &root,
        &format!("{used} [data-field=account]"),
        "Sakura Logistik GmbH",
    )
    .await;
    assert!(
        root.query_selector(&format!("{used} a[href='/accounts/{ACCOUNT}/tokens']"))
            .unwrap()
            .is_some(),
        "the object links to where the panel shows it"
    );
    // The type breaks only after its dots.
    assert_eq!(
        root.query_selector_all(&format!("{used} .ia-feed-type wbr"))
            .unwrap()
            .length(),
        3
    );

    support::choose(
        &root,
        "select[name=type]",
        "shared_payment.granted_token.deactivated",
    );
    wait_until("a used event is filtered out", || {
        root.query_selector(&used).unwrap().is_none()
    })
    .await;
    support::choose(&root, "select[name=type]", "");
    wait_for(&root, &used).await;
    wait_until("the account filter lists the accounts", || {
        root.query_selector("select[name=account] option[value=acct_1SbxGBThamesCo]")
            .unwrap()
            .is_some()
    })
    .await;
    support::choose(&root, "select[name=account]", "acct_1SbxGBThamesCo");
    wait_until("another account's event is filtered out", || {
        root.query_selector(&used).unwrap().is_none()
    })
    .await;
    support::choose(&root, "select[name=account]", ACCOUNT);
    wait_for(&root, &used).await;
}
