//! The accounts page in a real browser, against the real server and sandbox.

mod support;

use issuing_admin::accounts::{AccountsPage, AccountsTable};
use issuing_admin::api::ApiError;
use issuing_admin::ui::ErrorState;
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::{fresh_container, signed_in_api, unreachable_api, wait_for};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn accounts_page_shows_loading_then_the_sandboxs_accounts() {
    let root = fresh_container();
    let api = signed_in_api("op_aiko").await;
    let _mounted = mount_to(root.clone(), move || {
        provide_context(api);
        view! { <AccountsPage /> }
    });
    // Before the answer arrives, a loading state is announced.
    assert!(
        root.query_selector("[role=status]").unwrap().is_some(),
        "{}",
        root.inner_html()
    );

    wait_for(&root, "table tbody tr").await;
    let rows = root.query_selector_all("tbody tr").unwrap();
    assert!(
        rows.length() >= 3,
        "expected the seeded accounts, got {}",
        rows.length()
    );
    let text = root.text_content().unwrap();
    for name in [
        "Sakura Logistik GmbH",
        "Thames Courier Co.",
        "Northwind Field Services",
    ] {
        assert!(text.contains(name), "{name} missing from {text}");
    }
    assert!(root.query_selector("[role=status]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn an_operator_limited_to_one_account_sees_only_that_account() {
    let root = fresh_container();
    let api = signed_in_api("op_ben").await;
    let _mounted = mount_to(root.clone(), move || {
        provide_context(api);
        view! { <AccountsPage /> }
    });
    wait_for(&root, "table tbody tr").await;
    let rows = root.query_selector_all("tbody tr").unwrap();
    assert_eq!(rows.length(), 1);
    assert!(root.text_content().unwrap().contains("Thames Courier Co."));
}

#[wasm_bindgen_test]
async fn unreachable_server_shows_an_error_with_a_working_retry() {
    let root = fresh_container();
    let api = unreachable_api();
    let _mounted = mount_to(root.clone(), move || {
        provide_context(api);
        view! { <AccountsPage /> }
    });
    let alert = wait_for(&root, "[role=alert]").await;
    let text = alert.text_content().unwrap();
    assert!(text.contains("could not be loaded"), "{text}");
    assert!(text.contains("could not be reached"), "{text}");
    assert!(
        !text.contains("TypeError") && !text.contains("fetch"),
        "the browser's own error text is not for the operator: {text}"
    );

    assert!(
        alert.query_selector("button").unwrap().is_some(),
        "no retry button"
    );
}

#[wasm_bindgen_test]
async fn error_state_retry_button_calls_retry_each_time() {
    let root = fresh_container();
    let retries = RwSignal::new(0);
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <ErrorState title="Failed." error=ApiError::Network("TypeError: Failed to fetch".into()) on_retry=move || retries.update(|n| *n += 1) />
        }
    });
    let retry: web_sys::HtmlElement = root
        .query_selector("[role=alert] button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    retry.click();
    retry.click();
    leptos::task::tick().await;
    assert_eq!(retries.get_untracked(), 2);
}

#[wasm_bindgen_test]
fn a_refusal_is_worded_by_the_panel_and_offers_no_retry() {
    let root = fresh_container();
    let refused: issuing_model::StripeError = serde_json::from_value(serde_json::json!({
        "error": {
            "type": "invalid_request_error",
            "code": "permission_denied",
            "param": "card",
            "message": "Your operator role is read-only: you can view cards but not change them."
        }
    }))
    .unwrap();
    let _mounted = mount_to(root.clone(), move || {
        view! { <ErrorState title="Failed." error=ApiError::Stripe(refused) on_retry=|| () /> }
    });
    let text = root.text_content().unwrap();
    assert!(
        text.contains("you can look, but not change anything"),
        "{text}"
    );
    assert!(
        root.query_selector("[data-action=retry]")
            .unwrap()
            .is_none(),
        "sending the same refused request again cannot help"
    );
}

#[wasm_bindgen_test]
fn an_empty_platform_says_so_instead_of_an_empty_table() {
    let root = fresh_container();
    let _mounted = mount_to(root.clone(), || view! { <AccountsTable accounts=vec![] /> });
    assert!(root.query_selector("table").unwrap().is_none());
    assert!(root
        .text_content()
        .unwrap()
        .contains("no connected accounts"));
}

#[wasm_bindgen_test]
async fn data_fetched_again_stays_on_screen_marked_busy_until_the_new_answer() {
    use issuing_admin::ui::{Fetched, Loaded};
    let root = fresh_container();
    let answers = StoredValue::new(0u32);
    let fetched = Fetched::new(move || {
        answers.update_value(|n| *n += 1);
        let n = answers.get_value();
        async move {
            support::sleep(std::time::Duration::from_millis(300)).await;
            Ok::<_, ApiError>(n)
        }
    });
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <Loaded
                fetched=fetched
                loading=|| "Loading."
                failed=|| "Failed."
                data=|n: u32| view! { <p class="answer">{format!("answer {n}")}</p> }
            />
        }
    });
    let busy = || {
        root.query_selector(".ia-loaded")
            .unwrap()
            .and_then(|el| el.get_attribute("aria-busy"))
    };
    support::wait_text(&root, ".answer", "answer 1").await;
    assert_eq!(busy().as_deref(), Some("false"));
    fetched.refetch();
    support::wait_until("busy while fetched again", || {
        busy().as_deref() == Some("true")
    })
    .await;
    assert!(
        root.text_content().unwrap().contains("answer 1"),
        "the old data stays while the new is on its way"
    );
    support::wait_text(&root, ".answer", "answer 2").await;
    assert_eq!(busy().as_deref(), Some("false"));
}
