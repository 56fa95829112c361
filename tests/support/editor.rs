//! The card page's spending-controls editor, driven as an operator would.

use issuing_admin::api::ApiClient;
use issuing_model::wire::spending::SpendingControlsUpdate;
use issuing_model::{CardListQuery, CardStatus, CardUpdate, IssuingCard};

use super::{click, press, type_into, wait_for, wait_until};

/// The US account, which the list tests leave alone; cards from the 10th on, so the status
/// tests (which take the first two active ones) never share a card with these.
pub use super::US;

/// Card `pick` of a fixed slice of the account's cards, set to a known state: no category or
/// country rules (its limits stay). Canceled cards are passed over: they cannot be edited.
pub async fn card_for(api: &ApiClient, pick: usize) -> IssuingCard {
    let query = CardListQuery {
        limit: Some(100),
        ..Default::default()
    };
    let card = api
        .cards(US, &query)
        .await
        .unwrap()
        .data
        .into_iter()
        .skip(10)
        .filter(|c| c.status != CardStatus::Canceled)
        .nth(pick)
        .expect("enough cards in the seed");
    let clear = CardUpdate {
        spending_controls: Some(SpendingControlsUpdate {
            allowed_categories: Some(vec![]),
            blocked_categories: Some(vec![]),
            allowed_merchant_countries: Some(vec![]),
            blocked_merchant_countries: Some(vec![]),
            ..Default::default()
        }),
        ..Default::default()
    };
    api.update_card(US, &card.id, &clear).await.unwrap()
}

/// Opens card `pick`'s page as `operator`, ready to mount the panel in.
pub async fn open_card(
    operator: &str,
    pick: usize,
) -> (web_sys::HtmlElement, IssuingCard, ApiClient) {
    let api = super::signed_in_api("op_aiko").await;
    let card = card_for(&api, pick).await;
    let root = super::open_as(operator, &format!("/accounts/{US}/cards/{}", card.id)).await;
    (root, card, api)
}

pub async fn start_editing(root: &web_sys::HtmlElement) {
    wait_for(root, "[data-action=edit-controls]").await;
    click(root, "[data-action=edit-controls]");
    wait_for(root, ".ia-editor-form").await;
}

pub fn save_enabled(root: &web_sys::HtmlElement) -> bool {
    !root
        .query_selector("[data-action=save]")
        .unwrap()
        .expect("a save button")
        .has_attribute("disabled")
}

pub const NEW_AMOUNT: &str = ".ia-limit:last-of-type input[name=amount]";
pub const NEW_AMOUNT_ERROR: &str = ".ia-limit:last-of-type .ia-limit-amount .ia-field-error";
pub const BLOCKED_SEARCH: &str = "[data-field=blocked_categories] input[role=combobox]";

/// Adds a limit row and types `amount` into it.
pub async fn add_limit(root: &web_sys::HtmlElement, amount: &str) {
    let rows = root.query_selector_all(".ia-limit").unwrap().length();
    click(root, "[data-action=add-limit]");
    wait_until("the new row shows", || {
        root.query_selector_all(".ia-limit").unwrap().length() == rows + 1
    })
    .await;
    type_into(root, NEW_AMOUNT, amount);
}

/// Blocks `category` by typing `search` into the blocked list and pressing Enter.
pub async fn block_category(root: &web_sys::HtmlElement, search: &str, category: &str) {
    type_into(root, BLOCKED_SEARCH, search);
    // The search narrows the list: its first match is what Enter picks.
    wait_for(
        root,
        &format!(
            "[data-field=blocked_categories] [role=option]:first-child[data-value={category}]"
        ),
    )
    .await;
    press(root, BLOCKED_SEARCH, "Enter");
    wait_for(
        root,
        &format!("[data-field=blocked_categories] .ia-chip[data-value={category}]"),
    )
    .await;
}
