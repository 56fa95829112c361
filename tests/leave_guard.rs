//! Leaving the card page with unsaved edits asks first. Its own test binary, so its page has
//! no other panel mounted before it (each binary gets a fresh browser page).

mod support;

use issuing_admin::Panel;
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::editor::*;
use support::{click, input, live_api, wait_for, wait_until};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces `window.confirm` with one that answers `answer` and counts its calls.
fn answer_confirm(answer: bool) {
    let f = js_sys::Function::new_no_args(&format!(
        "window.__confirmCalls = (window.__confirmCalls || 0) + 1; return {answer};"
    ));
    js_sys::Reflect::set(&web_sys::window().unwrap(), &"confirm".into(), &f).unwrap();
}

fn confirm_calls() -> f64 {
    js_sys::Reflect::get(&web_sys::window().unwrap(), &"__confirmCalls".into())
        .unwrap()
        .as_f64()
        .unwrap_or(0.0)
}

fn path() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

#[wasm_bindgen_test]
async fn leaving_with_unsaved_edits_asks_first() {
    let (root, card, _) = open_card("op_aiko", 3).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    start_editing(&root).await;
    let back = "a[href$='/cards']";
    answer_confirm(false);
    let asked = confirm_calls();
    add_limit(&root, "75").await;
    wait_for(&root, ".ia-diff").await;
    click(&root, back);
    support::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(confirm_calls(), asked + 1.0, "the operator was asked");
    assert!(
        path().ends_with(&card.id),
        "staying keeps the page: {}",
        path()
    );
    assert_eq!(input(&root, NEW_AMOUNT).value(), "75", "and the edit");

    answer_confirm(true);
    click(&root, back);
    wait_until("the list opens", || path().ends_with("/cards")).await;
    wait_for(&root, "tbody tr[data-card]").await;
}
