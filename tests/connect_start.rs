//! How the panel's Connect instance starts, against the recording double (which never asks
//! for a client secret itself), in a page of its own: the page's `fetch` is watched.

mod support;

use issuing_admin::connect::{ConnectHub, IssuingCard};
use js_sys::{Function, Promise, Reflect};
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::connect_double::{calls, double_and_a_uk_card};
use support::{wait_for, wait_until, UK};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn client_secret(fetch_client_secret: &Function) -> String {
    let promise: Promise = fetch_client_secret
        .call0(&JsValue::NULL)
        .unwrap()
        .unchecked_into();
    JsFuture::from(promise).await.unwrap().as_string().unwrap()
}

/// The account's session is asked for while the script loads, before Stripe asks; Stripe's
/// first `fetchClientSecret` gets that one, and each later call a new session.
#[wasm_bindgen_test]
async fn the_client_secret_is_asked_for_before_stripe_asks_and_given_once() {
    let (api, card, root) = double_and_a_uk_card().await;
    let session_requests = support::watch_fetches(&["/api/account_session"]);
    let _mounted = mount_to(root.clone(), move || {
        provide_context(api.clone());
        provide_context(ConnectHub::new(api.clone()));
        view! { <IssuingCard account=UK.to_owned() card=card.clone() /> }
    });
    wait_for(&root, "[data-tag=issuing-card]").await;
    wait_until("the session is asked for without Stripe asking", || {
        session_requests() == 1
    })
    .await;
    let params = calls()
        .into_iter()
        .find(|(name, _)| name == "init")
        .map(|(_, params)| params)
        .unwrap();
    let fetch: Function = Reflect::get(&params, &"fetchClientSecret".into())
        .unwrap()
        .unchecked_into();
    let first = client_secret(&fetch).await;
    assert!(first.starts_with("accs_secret__"), "{first}");
    assert_eq!(
        session_requests(),
        1,
        "Stripe's first call got the early one"
    );
    let second = client_secret(&fetch).await;
    assert_eq!(session_requests(), 2, "a later call makes a new session");
    assert_ne!(first, second);
}
