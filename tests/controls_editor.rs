//! The spending-controls editor on the card page, against the real server and sandbox:
//! validation as the operator types, the review of changes, saving, a Stripe error kept at its
//! field with the edits, and read-only operators. (The unsaved-edits guard: `leave_guard.rs`.)

mod support;

use issuing_admin::Panel;
use issuing_model::wire::spending::SpendingControlsUpdate;
use issuing_model::{CardUpdate, Category};
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::editor::*;
use support::{click, input, live_api, text_of, type_into, wait_for, wait_text, wait_until};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn amounts_are_checked_as_typed_and_a_broken_form_cannot_be_saved() {
    let (root, card, api) = open_card("op_aiko", 0).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    start_editing(&root).await;
    assert!(!save_enabled(&root), "nothing changed yet");
    add_limit(&root, "").await;
    for (typed, says) in [
        ("12.345", "at most 2 decimal places"),
        ("five hundred", "as a number"),
        ("0", "greater than zero"),
        ("", "Enter an amount"),
    ] {
        type_into(&root, NEW_AMOUNT, typed);
        wait_text(&root, NEW_AMOUNT_ERROR, says).await;
        assert!(!save_enabled(&root), "{typed:?} must not be savable");
        assert_eq!(
            input(&root, NEW_AMOUNT)
                .get_attribute("aria-invalid")
                .as_deref(),
            Some("true")
        );
        wait_text(&root, ".ia-review-blocked", "needs fixing").await;
    }
    type_into(&root, NEW_AMOUNT, "500");
    wait_until("a good amount clears the error and may be saved", || {
        text_of(&root, NEW_AMOUNT_ERROR).is_none() && save_enabled(&root)
    })
    .await;
    // Discarding sends nothing.
    click(&root, "[data-action=discard]");
    wait_for(&root, "[data-action=edit-controls]").await;
    assert_eq!(
        api.card(US, &card.id).await.unwrap().spending_controls,
        card.spending_controls
    );
}

#[wasm_bindgen_test]
async fn the_review_shows_before_and_after_and_saving_sends_exactly_that() {
    let (root, card, api) = open_card("op_aiko", 1).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    start_editing(&root).await;
    add_limit(&root, "1,250.5").await;
    support::choose(
        &root,
        ".ia-limit:last-of-type select[name=interval]",
        "weekly",
    );
    block_category(&root, "gambl", "betting_casino_gambling").await;

    wait_text(
        &root,
        ".ia-diff tr[data-field=spending_limits]",
        "$1,250.50 per week",
    )
    .await;
    let blocked = wait_text(
        &root,
        ".ia-diff tr[data-field=blocked_categories]",
        "Betting, casinos and gambling",
    )
    .await;
    assert!(blocked.contains("None"), "{blocked}");
    assert!(
        root.query_selector(".ia-diff tr[data-field=allowed_categories]")
            .unwrap()
            .is_none(),
        "untouched fields are not in the review"
    );

    click(&root, "[data-action=save]");
    wait_for(&root, ".ia-outcome .ia-confirmation").await;
    let saved = api.card(US, &card.id).await.unwrap().spending_controls;
    assert_eq!(
        saved.blocked_categories,
        Some(vec![Category::from("betting_casino_gambling")])
    );
    let added = saved.limits().last().unwrap();
    assert_eq!((added.amount, added.interval.as_str()), (125_050, "weekly"));
    assert_eq!(
        saved.limits().len(),
        card.spending_controls.limits().len() + 1
    );
    let summary = wait_text(&root, ".ia-controls", "$1,250.50 per week").await;
    assert!(
        summary.contains("Betting, casinos and gambling"),
        "{summary}"
    );
}

#[wasm_bindgen_test]
async fn a_stripe_error_is_shown_at_its_field_and_the_edits_are_kept() {
    let (root, card, api) = open_card("op_aiko", 2).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    start_editing(&root).await;
    add_limit(&root, "300").await;
    block_category(&root, "bakeries", "bakeries").await;
    // Meanwhile someone else allows categories on this card: blocking now breaks Stripe's rule,
    // which only the server (and Stripe) can see.
    let elsewhere = CardUpdate {
        spending_controls: Some(SpendingControlsUpdate {
            allowed_categories: Some(vec!["florists".into()]),
            ..Default::default()
        }),
        ..Default::default()
    };
    api.update_card(US, &card.id, &elsewhere).await.unwrap();

    wait_until("the form may be saved", || save_enabled(&root)).await;
    click(&root, "[data-action=save]");
    wait_text(
        &root,
        "[data-field=blocked_categories] .ia-field-error",
        "Allowed categories and blocked categories cannot both be set",
    )
    .await;
    // The conflict concerns both lists: both are marked, in the panel's words.
    wait_text(
        &root,
        "[data-field=allowed_categories] .ia-field-error",
        "cannot both be set",
    )
    .await;
    assert!(
        !root.text_content().unwrap().contains("allowed_categories"),
        "no parameter names for the operator to decode"
    );
    let alert = wait_text(&root, ".ia-form-error", "not saved").await;
    assert!(alert.contains("edits are kept"), "{alert}");
    assert_eq!(
        input(&root, NEW_AMOUNT).value(),
        "300",
        "the typed amount is still there"
    );
    assert!(root
        .query_selector("[data-field=blocked_categories] .ia-chip[data-value=bakeries]")
        .unwrap()
        .is_some());
    let now = api.card(US, &card.id).await.unwrap().spending_controls;
    assert_eq!(
        now.limits(),
        card.spending_controls.limits(),
        "nothing of the failed save landed"
    );
    assert!(now.blocked_categories.as_deref().unwrap_or(&[]).is_empty());

    // Changing the field the error names clears it.
    click(&root, "[data-field=blocked_categories] .ia-chip-remove");
    wait_until("the error goes", || {
        root.query_selector("[data-field=blocked_categories] .ia-field-error")
            .unwrap()
            .is_none()
    })
    .await;
}

#[wasm_bindgen_test]
async fn read_only_operators_see_the_controls_but_no_editor() {
    let (root, _, _) = open_card("op_chloe", 4).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, ".ia-controls").await;
    assert!(root
        .query_selector("[data-action=edit-controls]")
        .unwrap()
        .is_none());
    assert!(root.query_selector(".ia-editor-form").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_category_is_found_by_its_four_digit_code_under_a_proper_label() {
    let (root, _, _) = open_card("op_aiko", 3).await;
    let _mounted = mount_to(
        root.clone(),
        || view! { <Panel server=live_api() locale=Some("en".to_owned()) /> },
    );
    start_editing(&root).await;
    type_into(&root, BLOCKED_SEARCH, "5993");
    let option = "[data-field=blocked_categories] [role=option]:first-child[data-value=cigar_stores_and_stands]";
    let text = wait_text(&root, option, "Cigar stores and stands").await;
    assert!(
        text.contains("5993 · cigar_stores_and_stands"),
        "the code and Stripe's value as a hint: {text}"
    );
    // Stripe's misspelt value reads properly.
    type_into(&root, BLOCKED_SEARCH, "7801");
    wait_text(
        &root,
        "[data-field=blocked_categories] [role=option]:first-child",
        "Government-licensed online casinos and gambling (US only)",
    )
    .await;
    type_into(&root, BLOCKED_SEARCH, "5993");
    wait_for(&root, option).await;
    support::press(&root, BLOCKED_SEARCH, "Enter");
    wait_for(
        &root,
        "[data-field=blocked_categories] .ia-chip[data-value=cigar_stores_and_stands]",
    )
    .await;
    assert_eq!(
        input(&root, BLOCKED_SEARCH).value(),
        "",
        "the search clears after a pick"
    );
    click(&root, "[data-action=discard]");
}
