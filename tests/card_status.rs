//! Freezing, unfreezing and canceling a card from its page, against the real server.

mod support;

use issuing_admin::Panel;
use issuing_model::{CardListQuery, CardStatus};
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::{click, live_api, wait_for};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The US account: these tests change cards, so they keep to an account the list tests do not use.
use support::US;

/// Signs in as `operator`, picks an active card of the US account (skipping `skip` of them)
/// and opens its page.
async fn open_active_card(
    operator: &str,
    skip: usize,
) -> (web_sys::HtmlElement, String, issuing_admin::api::ApiClient) {
    let signed_in = live_api().sign_in(operator).await.unwrap();
    let api = live_api().with_token(signed_in.token.clone());
    let query = CardListQuery {
        status: Some(CardStatus::Active),
        limit: Some(20),
        ..Default::default()
    };
    let card = api.cards(US, &query).await.unwrap().data.remove(skip);
    let root = support::open_as(operator, &format!("/accounts/{US}/cards/{}", card.id)).await;
    (root, card.id, api)
}

async fn status_on_page(root: &web_sys::HtmlElement, expected: &str) {
    wait_for(root, &format!(".ia-facts [data-status={expected}]")).await;
}

#[wasm_bindgen_test]
async fn freeze_then_unfreeze_changes_the_card_on_stripe() {
    let (root, id, api) = open_active_card("op_aiko", 0).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "[data-action=freeze]").await;
    click(&root, "[data-action=freeze]");
    status_on_page(&root, "inactive").await;
    wait_for(&root, ".ia-confirmation").await;
    assert_eq!(
        api.card(US, &id).await.unwrap().status,
        CardStatus::Inactive,
        "the server has it frozen"
    );
    click(&root, "[data-action=unfreeze]");
    status_on_page(&root, "active").await;
    assert_eq!(api.card(US, &id).await.unwrap().status, CardStatus::Active);
}

#[wasm_bindgen_test]
async fn cancel_asks_first_and_a_canceled_card_offers_only_its_replacement() {
    let (root, id, api) = open_active_card("op_aiko", 1).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "[data-action=cancel]").await;
    click(&root, "[data-action=cancel]");
    let dialog = wait_for(&root, "dialog[open]").await;
    assert!(dialog.text_content().unwrap().contains("cannot be undone"));
    // Keeping the card closes the dialog and changes nothing.
    click(&root, "[data-action=keep]");
    assert!(root.query_selector("dialog[open]").unwrap().is_none());
    assert_eq!(api.card(US, &id).await.unwrap().status, CardStatus::Active);

    click(&root, "[data-action=cancel]");
    support::choose(&root, "select[name=cancellation_reason]", "stolen");
    click(&root, "[data-action=confirm-cancel]");
    status_on_page(&root, "canceled").await;
    let on_server = api.card(US, &id).await.unwrap();
    assert_eq!(on_server.status, CardStatus::Canceled);
    assert_eq!(
        on_server.cancellation_reason,
        Some(issuing_model::CancellationReason::Stolen)
    );
    // Nothing more to do to it, but replace it.
    assert!(
        root.query_selector(
            ".ia-page [data-action]:not(dialog [data-action]):not([data-action=replace-card])"
        )
        .unwrap()
        .is_none(),
        "no actions remain"
    );
    wait_for(&root, "[data-action=replace-card]").await;
    // One message says so, not two.
    wait_for(&root, "[data-notice=canceled]").await;
    assert_eq!(
        root.query_selector_all(".ia-notice, .ia-confirmation")
            .unwrap()
            .length(),
        1,
        "{}",
        root.inner_html()
    );
}

#[wasm_bindgen_test]
async fn a_read_only_operator_sees_the_card_but_no_actions() {
    let (root, _id, _api) = open_active_card("op_chloe", 2).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, ".ia-facts").await;
    // The operator's profile arrives after the card: give it time, then check.
    wait_for(&root, ".ia-operator").await;
    support::sleep(std::time::Duration::from_millis(300)).await;
    assert!(root
        .query_selector("[data-action=freeze]")
        .unwrap()
        .is_none());
    // Not silently missing: the page says why.
    support::wait_text(&root, "[data-notice=read-only]", "read-only").await;
}

#[wasm_bindgen_test]
async fn in_japanese_a_read_only_operator_is_told_why_actions_and_numbers_are_absent() {
    let (root, _id, _api) = open_active_card("op_chloe", 3).await;
    let _mounted = mount_to(
        root.clone(),
        || view! { <Panel server=live_api() locale=Some("ja".into()) /> },
    );
    support::wait_text(&root, "[data-notice=read-only]", "閲覧のみ").await;
    support::wait_text(
        &root,
        "[data-notice=numbers-not-allowed]",
        "表示する権限がありません",
    )
    .await;
    assert!(root
        .query_selector("[data-action=freeze]")
        .unwrap()
        .is_none());
}
