//! Signing in and out of the whole panel, against the real server's sandbox operators.

mod support;

use issuing_admin::Panel;
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::{click, fail_first_me_of, fresh_container, live_api, wait_for};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn forget_saved_token() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
}

#[wasm_bindgen_test]
async fn signing_in_shows_the_operators_accounts_and_survives_a_remount_until_sign_out() {
    forget_saved_token();
    let root = fresh_container();
    let mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    // Not signed in: the sandbox's operators are offered.
    wait_for(&root, "[data-operator=op_ben]").await;
    assert!(root.query_selector("table").unwrap().is_none());
    click(&root, "[data-operator=op_ben]");
    wait_for(&root, "table tbody tr").await;
    support::wait_text(&root, ".ia-main", "Thames Courier Co.").await;
    wait_for(&root, ".ia-operator").await;
    assert!(root.text_content().unwrap().contains("Ben Clarke"));
    drop(mounted);

    // A reload (a new mount) resumes the session from storage.
    let root = fresh_container();
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "table tbody tr").await;
    wait_for(&root, ".ia-operator").await;
    click(&root, ".ia-header button");
    wait_for(&root, "[data-operator=op_aiko]").await;
    assert!(
        root.query_selector("table").unwrap().is_none(),
        "signed out shows no data"
    );
}

#[wasm_bindgen_test]
async fn a_token_the_server_rejects_signs_out_instead_of_failing_every_page() {
    forget_saved_token();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item("issuing-admin.operator-token", "sandbox_token_op_gone")
        .unwrap();
    let root = fresh_container();
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "[data-operator=op_aiko]").await;
    assert!(storage
        .get_item("issuing-admin.operator-token")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn an_operator_of_one_account_lands_on_its_cards() {
    forget_saved_token();
    let root = support::open_as("op_ben", "/").await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "tbody tr[data-card]").await;
    assert_eq!(
        web_sys::window().unwrap().location().pathname().unwrap(),
        "/accounts/acct_1SbxGBThamesCo/cards"
    );
}

#[wasm_bindgen_test]
async fn signing_out_in_another_tab_signs_out_here() {
    forget_saved_token();
    let root = support::open_as("op_aiko", "/accounts").await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "table tbody tr").await;
    // What the browser tells this tab when another one removes the saved token.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("issuing-admin.operator-token").unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some("issuing-admin.operator-token"));
    init.set_new_value(None);
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    wait_for(&root, "[data-operator=op_aiko]").await;
    assert!(
        root.query_selector("table").unwrap().is_none(),
        "signed out shows no data"
    );
}

/// The network fails as a resumed sign-in asks who the operator is: the panel asks again by
/// itself, and the header (and every right that depends on it) follows.
#[wasm_bindgen_test]
async fn who_the_operator_is_is_asked_again_after_a_network_failure() {
    let failed = fail_first_me_of("sandbox_token_op_dana");
    let root = support::open_as("op_dana", "/accounts").await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    support::wait_text(&root, ".ia-operator", "Dana Okafor").await;
    assert_eq!(failed(), 1, "the first answer was a network failure");
}
