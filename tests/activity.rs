//! The audit trail in the panel, against the real server: a card's History after changes made
//! on its page, an account's Activity page (filters, a refused attempt, Japanese), and the
//! CSV export as the browser receives it.

mod support;

use issuing_admin::Panel;
use issuing_model::api::AuditQuery;
use issuing_model::money::format_amount;
use issuing_model::{
    CardListQuery, CardStatus, CardUpdate, SpendingControlsUpdate, SpendingInterval, SpendingLimit,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::{choose, click, live_api, signed_in_api, type_into, wait_for, wait_text};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The large account: no other test changes its cards, so its trail holds only these tests'.
const FLEET: &str = "acct_1SbxUSFleetHub";

/// Card `pick` of the large account's newest cards that are not canceled. Counted in a list no
/// test changes the order of (these tests run at once, and one freezes its card for a while:
/// counting active cards would shift the others' picks onto each other's cards).
async fn card(pick: usize) -> issuing_model::IssuingCard {
    let api = signed_in_api("op_aiko").await;
    let query = CardListQuery {
        limit: Some(20),
        ..Default::default()
    };
    api.cards(FLEET, &query)
        .await
        .unwrap()
        .data
        .into_iter()
        .filter(|c| c.status != CardStatus::Canceled)
        .nth(pick)
        .expect("enough cards in the seed")
}

/// A whole-dollar amount no earlier run against the same server used, so a change is a change.
fn fresh_amount() -> i64 {
    (js_sys::Date::now() as i64 / 7 % 90_000 + 1_000) * 100
}

fn daily(amount: i64) -> CardUpdate {
    CardUpdate {
        spending_controls: Some(SpendingControlsUpdate {
            spending_limits: Some(vec![SpendingLimit {
                amount,
                categories: None,
                interval: SpendingInterval::Daily,
            }]),
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[wasm_bindgen_test]
async fn a_cards_history_shows_each_change_made_on_its_page_newest_first() {
    let card = card(0).await;
    let root = support::open_as("op_aiko", &format!("/accounts/{FLEET}/cards/{}", card.id)).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "[data-action=freeze]").await;
    wait_for(
        &root,
        ".ia-history [data-entry], .ia-history [data-empty=audit]",
    )
    .await;
    let earlier = root
        .query_selector_all(".ia-history [data-entry]")
        .unwrap()
        .length();
    click(&root, "[data-action=freeze]");
    support::wait_until("the freeze is in the history", || {
        root.query_selector_all(".ia-history [data-entry]")
            .unwrap()
            .length()
            == earlier + 1
    })
    .await;
    // Asked again once the answer came: the entry is finished, not pending.
    let frozen = wait_for(
        &root,
        ".ia-history [data-entry][data-kind=card_status][data-outcome=succeeded]",
    )
    .await;
    let said = frozen.text_content().unwrap();
    assert!(said.contains("Status: Active → Frozen"), "{said}");
    assert!(said.contains("Aiko Tanaka"), "{said}");
    assert_eq!(
        frozen.get_attribute("data-outcome").as_deref(),
        Some("succeeded")
    );
    assert!(
        frozen
            .query_selector("[data-field=request]")
            .unwrap()
            .is_some(),
        "Stripe's request id is shown"
    );
    wait_for(&root, "[data-action=unfreeze]").await;
    click(&root, "[data-action=unfreeze]");
    wait_text(
        &root,
        ".ia-history [data-entry] [data-field=summary]",
        "Frozen → Active",
    )
    .await;
    let entries = root.query_selector_all(".ia-history [data-entry]").unwrap();
    assert_eq!(
        entries.length(),
        earlier + 2,
        "one entry per change, the newest on top"
    );
    // Its link leads to the account's whole activity.
    let link = wait_for(&root, ".ia-history [data-link=activity]").await;
    assert!(link
        .get_attribute("href")
        .unwrap()
        .ends_with(&format!("/accounts/{FLEET}/activity")));
}

#[wasm_bindgen_test]
async fn the_activity_page_shows_before_and_after_and_a_refused_attempt() {
    let card = card(1).await;
    let aiko = signed_in_api("op_aiko").await;
    let amount = fresh_amount();
    aiko.update_card(FLEET, &card.id, &daily(amount))
        .await
        .unwrap();
    let refused = signed_in_api("op_chloe")
        .await
        .update_card(FLEET, &card.id, &daily(1))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Some("permission_denied"));

    let root = support::open_as("op_aiko", &format!("/accounts/{FLEET}/activity")).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "input[name=object]").await;
    type_into(&root, "input[name=object]", &card.id);
    click(&root, ".ia-filters button[type=submit]");
    let refused = wait_for(&root, "[data-entry][data-outcome=refused]").await;
    let said = refused.text_content().unwrap();
    assert!(said.contains("Chloé Martin"), "{said}");
    assert!(said.contains("Refused"), "{said}");
    let saved = wait_for(
        &root,
        "[data-entry][data-outcome=succeeded][data-kind=card_spending_controls]",
    )
    .await;
    let limits = saved
        .query_selector("[data-field=spending_limits]")
        .unwrap()
        .expect("the limits' before → after");
    let row = limits.text_content().unwrap();
    let per_day = format!("{} per day", format_amount(amount, "usd"));
    assert!(row.contains(&per_day), "{row}");
    // Only the kind asked for: this card had no status change.
    choose(&root, "select[name=kind]", "card_status");
    wait_for(&root, "[data-empty=audit]").await;
}

#[wasm_bindgen_test]
async fn in_japanese_the_activity_says_the_change_in_the_editors_words() {
    let card = card(2).await;
    let aiko = signed_in_api("op_aiko").await;
    let amount = fresh_amount();
    aiko.update_card(FLEET, &card.id, &daily(amount))
        .await
        .unwrap();
    let root = support::open_as("op_aiko", &format!("/accounts/{FLEET}/activity")).await;
    let _mounted = mount_to(
        root.clone(),
        || view! { <Panel server=live_api() locale=Some("ja".into()) /> },
    );
    wait_for(&root, "input[name=object]").await;
    type_into(&root, "input[name=object]", &card.id);
    click(&root, ".ia-filters button[type=submit]");
    let entry = wait_for(&root, "[data-entry][data-kind=card_spending_controls]").await;
    let said = entry.text_content().unwrap();
    assert!(said.contains("利用制限を変更"), "{said}");
    let per_day = format!("1日あたり {}", format_amount(amount, "usd"));
    assert!(said.contains(&per_day), "{said}");
    assert!(said.contains("完了"), "{said}");
}

#[wasm_bindgen_test]
async fn export_hands_the_browser_every_matching_entry_as_csv() {
    let card = card(3).await;
    let aiko = signed_in_api("op_aiko").await;
    let amount = fresh_amount();
    for step in 1..=3 {
        aiko.update_card(FLEET, &card.id, &daily(amount + step * 100))
            .await
            .unwrap();
    }
    let query = AuditQuery {
        object: Some(card.id.clone()),
        limit: Some(100),
        ..Default::default()
    };
    let listed = aiko.audit(&query).await.unwrap().data;
    // What the browser is handed to save, as it is handed it.
    js_sys::Function::new_no_args(
        "window.__iaSaved = []; const make = URL.createObjectURL; \
         URL.createObjectURL = (b) => { window.__iaSaved.push(b); return make.call(URL, b); };",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    let root = support::open_as("op_aiko", &format!("/accounts/{FLEET}/activity")).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "input[name=object]").await;
    type_into(&root, "input[name=object]", &card.id);
    click(&root, ".ia-filters button[type=submit]");
    wait_for(&root, "[data-entry]").await;
    click(&root, "[data-action=export]");
    let saved = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__iaSaved".into()).unwrap();
    let saved: js_sys::Array = saved.unchecked_into();
    support::wait_until("the file is handed over", || saved.length() == 1).await;
    let blob: web_sys::Blob = saved.get(0).unchecked_into();
    let bytes = js_sys::Uint8Array::new(
        &wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
            .await
            .unwrap(),
    )
    .to_vec();
    assert_eq!(
        &bytes[..3],
        b"\xEF\xBB\xBF",
        "a BOM, for spreadsheet programs"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("When,Operator,"), "{text}");
    assert!(listed.len() >= 3);
    assert_eq!(
        lines.len(),
        1 + listed.len(),
        "a header and every entry the server lists:\n{text}"
    );
    for (line, entry) in lines.iter().skip(1).zip(&listed) {
        assert!(
            line.contains(&entry.answer.request_id.clone().unwrap()),
            "{line}"
        );
    }
    let newest = format!("{} per day", format_amount(amount + 300, "usd"));
    assert!(lines[1].contains(&newest), "newest first: {}", lines[1]);
}
