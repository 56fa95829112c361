//! Cardholders and the card lifecycle in the panel, against the real server and sandbox: the
//! cardholder form's errors at their fields, issuing and replacing a card, the shipping
//! timeline, and acting on many cards at once (a failure half-way, retried without applying
//! anything twice).
//!
//! On the US account, touching only cardholders and cards these tests make (the other tests
//! pick active seeded cards; every card made here ends inactive or canceled).

mod support;

use issuing_admin::api::ApiClient;
use issuing_admin::Panel;
use issuing_model::api::{AuditKind, AuditQuery};
use issuing_model::{
    CardCreate, CardStatus, CardType, CardUpdate, Cardholder, CardholderCreate, CardholderType,
    IndividualParams,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::editor::{add_limit, save_enabled, start_editing};
use support::{
    choose, click, input, live_api, portland_holder, signed_in_api, text_of, type_into,
    unique_letters, wait_for, wait_text, wait_until, US,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A cardholder with a name no other run used.
async fn new_holder(api: &ApiClient, name: &str) -> Cardholder {
    let create = CardholderCreate {
        individual: Some(IndividualParams {
            first_name: Some("Hanako".into()),
            last_name: Some("Yamada".into()),
            dob: None,
        }),
        ..portland_holder(CardholderType::Individual, name)
    };
    api.create_cardholder(US, &create).await.unwrap()
}

fn virtual_card(holder: &Cardholder, status: CardStatus) -> CardCreate {
    CardCreate {
        cardholder: holder.id.clone(),
        currency: "usd".into(),
        kind: CardType::Virtual,
        status: Some(status),
        spending_controls: None,
        shipping: None,
        replacement_for: None,
        replacement_reason: None,
        metadata: Default::default(),
    }
}

fn blur(root: &web_sys::HtmlElement, selector: &str) {
    input(root, selector)
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_cardholder_form_says_each_problem_at_its_field_and_keeps_what_was_typed() {
    let root = support::open_as("op_aiko", &format!("/accounts/{US}/cardholders")).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "[data-action=new-cardholder]").await;
    click(&root, "[data-action=new-cardholder]");
    wait_for(&root, "form[data-form=cardholder]").await;
    // The account's country comes in already.
    wait_until("the country is the account's", || {
        input(&root, "input[name='billing[address][country]']").value() == "US"
    })
    .await;
    type_into(&root, "input[name=name]", "R2-D2");
    blur(&root, "input[name=name]");
    let said = wait_text(&root, "#f-name-error", "numbers or special characters").await;
    assert!(said.contains("'2'"), "{said}");
    let name = format!("山田 花子 {}", unique_letters());
    type_into(&root, "input[name=name]", &name);
    wait_until("the name's error is gone", || {
        text_of(&root, "#f-name-error").is_some_and(|t| t.is_empty())
    })
    .await;
    type_into(&root, "input[name='individual[first_name]']", "花子");
    blur(&root, "input[name='individual[first_name]']");
    wait_text(&root, "#f-individual-first_name--error", "Latin letters").await;
    type_into(&root, "input[name='individual[first_name]']", "Hanako");
    type_into(&root, "input[name='individual[last_name]']", "Yamada");
    type_into(
        &root,
        "input[name='billing[address][line1]']",
        "1 Market Street",
    );
    type_into(&root, "input[name='billing[address][city]']", "Portland");
    type_into(&root, "input[name='billing[address][state]']", "OR");
    type_into(&root, "input[name='billing[address][postal_code]']", "9720");
    // Submitting shows every problem left, and sends nothing.
    click(&root, "[data-action=save-cardholder]");
    wait_text(
        &root,
        "#f-billing-address--postal_code--error",
        "not a valid postal code",
    )
    .await;
    assert_eq!(
        input(&root, "input[name='billing[address][line1]']").value(),
        "1 Market Street",
        "nothing typed is lost"
    );
    type_into(
        &root,
        "input[name='billing[address][postal_code]']",
        "97204",
    );
    wait_until("the button is offered again", || {
        let button: web_sys::HtmlButtonElement = root
            .query_selector("[data-action=save-cardholder]")
            .unwrap()
            .unwrap()
            .unchecked_into();
        !button.disabled()
    })
    .await;
    click(&root, "[data-action=save-cardholder]");
    wait_text(&root, "#cardholder-title", &name).await;
    let api = signed_in_api("op_aiko").await;
    let found = api
        .cardholders(
            US,
            &issuing_model::api::CardholderQuery {
                q: Some(name.clone()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(found.data.len(), 1);
    assert_eq!(
        found.data[0]
            .individual
            .as_ref()
            .unwrap()
            .first_name
            .as_deref(),
        Some("Hanako")
    );
}

#[wasm_bindgen_test]
async fn a_physical_card_is_issued_shipped_and_replaced_from_its_pages() {
    let api = signed_in_api("op_aiko").await;
    let holder = new_holder(&api, &format!("Hanako {}", unique_letters())).await;
    let root = support::open_as(
        "op_aiko",
        &format!("/accounts/{US}/cardholders/{}", holder.id),
    )
    .await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "[data-action=issue-card]").await;
    click(&root, "[data-action=issue-card]");
    wait_for(&root, "form[data-form=issue-card]").await;
    click(&root, "input[name=type][value=physical]");
    // Shipped to the legal name at the billing address unless told otherwise.
    wait_for(&root, "input[name='shipping[name]']").await;
    assert_eq!(
        input(&root, "input[name='shipping[name]']").value(),
        "Hanako Yamada"
    );
    assert_eq!(
        input(&root, "input[name='shipping[address][postal_code]']").value(),
        "97204"
    );
    choose(&root, "select[name='shipping[service]']", "express");
    click(&root, "[data-action=confirm-issue]");
    // The new card's page, its shipment waiting.
    wait_for(
        &root,
        ".ia-timeline [data-step=pending][data-state=current]",
    )
    .await;
    // The test helpers show once the panel knows it is in test mode.
    wait_for(&root, "[data-shipping=ship]:not([disabled])").await;
    click(&root, "[data-shipping=ship]");
    wait_for(
        &root,
        ".ia-timeline [data-step=shipped][data-state=current]",
    )
    .await;
    assert!(text_of(&root, "[data-fact=tracking]").is_some_and(|t| !t.is_empty()));
    wait_for(&root, "[data-shipping=deliver]:not([disabled])").await;
    click(&root, "[data-shipping=deliver]");
    wait_for(
        &root,
        ".ia-timeline [data-step=delivered][data-state=current]",
    )
    .await;
    let old = web_sys::window().unwrap().location().pathname().unwrap();
    let old_id = old.rsplit('/').next().unwrap().to_owned();

    click(&root, "[data-action=replace-card]");
    wait_for(&root, "select[name=replacement_reason]").await;
    choose(&root, "select[name=replacement_reason]", "lost");
    click(&root, "[data-action=confirm-issue]");
    // The replacement's page links back to the card it replaces.
    let replaces = wait_text(&root, "[data-fact=replaces]", &old_id).await;
    assert!(
        replaces.contains("Lost") || replaces.contains("lost"),
        "{replaces}"
    );
    let old_card = api.card(US, &old_id).await.unwrap();
    assert_eq!(old_card.status, CardStatus::Canceled);
    let new_id = old_card.replaced_by.clone().unwrap();
    assert_eq!(
        api.card(US, &new_id).await.unwrap().status,
        CardStatus::Inactive
    );
}

#[wasm_bindgen_test]
async fn many_cards_at_once_a_refusal_half_way_and_a_retry_that_applies_nothing_twice() {
    let api = signed_in_api("op_aiko").await;
    let holder = new_holder(&api, &format!("Bulk {}", unique_letters())).await;
    let mut made = Vec::new();
    for _ in 0..12 {
        made.push(
            api.issue_card(US, &virtual_card(&holder, CardStatus::Active))
                .await
                .unwrap(),
        );
    }
    // One of them canceled: freezing it is refused, half-way through the run.
    let canceled = &made[5];
    api.update_card(
        US,
        &canceled.id,
        &CardUpdate {
            status: Some(CardStatus::Canceled),
            cancellation_reason: Some(issuing_model::CancellationReason::Lost),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let root = support::open_as(
        "op_aiko",
        &format!("/accounts/{US}/cards?cardholder={}&limit=10", holder.id),
    )
    .await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "input[name=select_page]").await;
    click(&root, "input[name=select_page]");
    wait_text(&root, "[data-bulk=bar] [role=status]", "10 cards selected").await;
    // Beyond this page: every card of the filter.
    click(&root, "[data-action=select-all-matching]");
    click(&root, "[data-bulk=freeze]");
    let summary = wait_text(&root, "[data-bulk=summary]", "changed").await;
    assert_eq!(summary, "11 changed, 1 failed.");
    let failed = text_of(&root, &format!("[data-failed={}]", canceled.id)).unwrap();
    assert!(failed.contains("canceled"), "{failed}");
    assert_eq!(
        root.query_selector("progress")
            .unwrap()
            .unwrap()
            .get_attribute("value")
            .as_deref(),
        Some("12")
    );
    // Retrying sends only what failed, and that one is refused again, before being sent.
    click(&root, "[data-action=retry-failed]");
    wait_text(&root, "[data-bulk=summary]", "11 changed, 1 failed.").await;
    for card in &made {
        let status = api.card(US, &card.id).await.unwrap().status;
        let entries = api
            .audit(&AuditQuery {
                object: Some(card.id.clone()),
                kind: Some(AuditKind::CardStatus),
                ..Default::default()
            })
            .await
            .unwrap()
            .data;
        if card.id == canceled.id {
            assert_eq!(status, CardStatus::Canceled);
            // Only its cancellation: the freeze was never sent.
            assert_eq!(entries.len(), 1);
        } else {
            assert_eq!(status, CardStatus::Inactive, "{}", card.id);
            assert_eq!(entries.len(), 1, "one change, once: {}", card.id);
        }
    }
}

#[wasm_bindgen_test]
async fn a_cardholders_own_limits_are_edited_with_the_cards_editor() {
    let api = signed_in_api("op_aiko").await;
    let holder = new_holder(&api, &format!("Limits {}", unique_letters())).await;
    let root = support::open_as(
        "op_aiko",
        &format!("/accounts/{US}/cardholders/{}", holder.id),
    )
    .await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    start_editing(&root).await;
    add_limit(&root, "1,250.50").await;
    choose(
        &root,
        ".ia-limit:last-of-type select[name=interval]",
        "weekly",
    );
    wait_until("the limit may be saved", || save_enabled(&root)).await;
    // The review says what saving changes, in the cardholder's currency.
    wait_text(&root, ".ia-diff", "$1,250.50").await;
    click(&root, "[data-action=save]");
    wait_for(&root, ".ia-confirmation").await;
    let saved = api.cardholder(US, &holder.id).await.unwrap();
    let limits = saved.spending_controls.unwrap().spending_limits.unwrap();
    assert_eq!(limits.len(), 1);
    assert_eq!(
        (limits[0].amount, limits[0].interval.as_str()),
        (125_050, "weekly")
    );
    // And the page shows it among their controls.
    wait_text(&root, ".ia-controls", "$1,250.50").await;
}

#[wasm_bindgen_test]
async fn a_run_sent_again_with_its_keys_changes_each_card_once() {
    use issuing_admin::cards::bulk::BulkRun;
    let api = signed_in_api("op_aiko").await;
    let holder = new_holder(&api, &format!("Again {}", unique_letters())).await;
    let mut cards = Vec::new();
    for _ in 0..3 {
        cards.push(
            api.issue_card(US, &virtual_card(&holder, CardStatus::Active))
                .await
                .unwrap(),
        );
    }
    let run = BulkRun::new(CardUpdate {
        status: Some(CardStatus::Inactive),
        ..Default::default()
    });
    let first = run.apply(&api, US, cards.clone(), |_| {}).await;
    assert!(first.iter().all(|o| o.result.is_ok()), "{first:?}");
    // As if every answer had been lost: the same run sends each card again, with its key.
    // The cards it sends are as they were, so the panel's own check lets them through.
    let again = run.apply(&api, US, cards.clone(), |_| {}).await;
    assert!(again.iter().all(|o| o.result.is_ok()), "{again:?}");
    for card in &cards {
        let entries = api
            .audit(&AuditQuery {
                object: Some(card.id.clone()),
                kind: Some(AuditKind::CardStatus),
                ..Default::default()
            })
            .await
            .unwrap()
            .data;
        assert_eq!(entries.len(), 1, "one change, recorded once: {}", card.id);
        assert_eq!(
            api.card(US, &card.id).await.unwrap().status,
            CardStatus::Inactive
        );
    }
}
