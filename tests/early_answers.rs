//! The answers the standalone page's head starts before the wasm runs (`index.html`): the
//! panel takes one only for the URL and the token it was started with, once, while fresh.

mod support;

use issuing_admin::accounts::AccountsPage;
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::{fresh_container, live_api, wait_text};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// What `index.html` leaves: an answer for `url`, started `age_ms` ago with `token`.
fn leave_early_answer(token: &str, age_ms: f64, url: &str, body: &str) {
    let leave = js_sys::Function::new_with_args(
        "token, age, url, body",
        "window.__issuingAdminEarly = { token, at: Date.now() - age, answers: {
            [url]: Promise.resolve(new Response(body, { headers: { 'Content-Type': 'application/json' } })),
        } };",
    );
    let args = js_sys::Array::of4(&token.into(), &age_ms.into(), &url.into(), &body.into());
    leave.apply(&JsValue::NULL, &args).unwrap();
}

/// Whether the answer for `url` is still there, not taken.
fn still_there(url: &str) -> bool {
    let early = js_sys::Reflect::get(&js_sys::global(), &"__issuingAdminEarly".into()).unwrap();
    let answers = js_sys::Reflect::get(&early, &"answers".into()).unwrap();
    !js_sys::Reflect::get(&answers, &url.into())
        .unwrap()
        .is_undefined()
}

/// The accounts page mounted with `api`; its root.
fn accounts_page(api: issuing_admin::api::ApiClient) -> (web_sys::HtmlElement, impl Drop) {
    let root = fresh_container();
    let mounted = mount_to(root.clone(), move || {
        provide_context(api.clone());
        view! { <AccountsPage /> }
    });
    (root, mounted)
}

#[wasm_bindgen_test]
async fn an_early_answer_is_taken_for_its_url_and_token_once_while_fresh() {
    let signed_in = live_api().sign_in("op_aiko").await.unwrap();
    let api = live_api().with_token(signed_in.token.clone());
    let url = format!(
        "{}/api/accounts",
        option_env!("IA_TEST_API_BASE").unwrap_or("http://127.0.0.1:48787")
    );
    // The real list with its first account renamed: what the panel shows says whose it is.
    let mut list = serde_json::to_value(api.accounts().await.unwrap()).unwrap();
    list["data"][0]["business_profile"] = serde_json::json!({ "name": "Early Bird GmbH" });
    let early = list.to_string();

    // The same URL and token, just started: taken, and gone.
    leave_early_answer(&signed_in.token, 50.0, &url, &early);
    let (root, first) = accounts_page(api.clone());
    wait_text(&root, "tbody", "Early Bird GmbH").await;
    assert!(!still_there(&url), "taken");
    drop(first);
    // Taken once: the next page asks the server.
    let (root, again) = accounts_page(api.clone());
    wait_text(&root, "tbody", "Sakura Logistik GmbH").await;
    assert!(!root.text_content().unwrap().contains("Early Bird"));
    drop(again);

    // Another operator's token: not taken.
    leave_early_answer("another-token", 50.0, &url, &early);
    let (root, other) = accounts_page(api.clone());
    wait_text(&root, "tbody", "Sakura Logistik GmbH").await;
    assert!(!root.text_content().unwrap().contains("Early Bird"));
    assert!(still_there(&url), "left for its own token");
    drop(other);

    // Started a minute ago: the page has moved on; not taken.
    leave_early_answer(&signed_in.token, 60_000.0, &url, &early);
    let (root, stale) = accounts_page(api);
    wait_text(&root, "tbody", "Sakura Logistik GmbH").await;
    assert!(!root.text_content().unwrap().contains("Early Bird"));
    assert!(still_there(&url), "a stale answer is not taken");
    drop(stale);
}

/// A page of cards the panel asks for ahead (on Next, before the router moves) is taken by the
/// GET of the same URL with the same token, once; another operator's GET asks the server.
#[wasm_bindgen_test]
async fn a_page_asked_for_ahead_is_taken_once_by_its_own_token() {
    let aiko = support::signed_in_api("op_aiko").await;
    let ben = support::signed_in_api("op_ben").await;
    let query = issuing_model::CardListQuery {
        limit: Some(7),
        ..Default::default()
    };
    let asked = support::watch_fetches(&["/cards?limit=7"]);
    aiko.start_cards(support::UK, &query);
    let page = aiko.cards(support::UK, &query).await.unwrap();
    assert_eq!(page.data.len(), 7);
    assert_eq!(asked(), 1, "the GET took the answer asked for ahead");
    aiko.cards(support::UK, &query).await.unwrap();
    assert_eq!(asked(), 2, "taken once: the next GET asks the server");

    aiko.start_cards(support::UK, &query);
    let bens = ben.cards(support::UK, &query).await.unwrap();
    assert_eq!(asked(), 4, "Ben's GET is his own, not Aiko's answer");
    assert_eq!(bens.data.len(), 7);
}
