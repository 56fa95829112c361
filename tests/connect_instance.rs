//! One Connect instance per account for the whole panel, against the recording double of
//! `window.StripeConnect` (in a page of its own: no other test shares its log).

mod support;

use issuing_admin::connect::{ConnectHub, IssuingCard, IssuingCardsList};
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::connect_double::{count, double_and_a_uk_card, install_double};
use support::{fresh_container, wait_for, wait_until, watch_fetches, UK};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The card page's two components under one hub, mounted in `root`.
fn mount_page(
    root: &web_sys::HtmlElement,
    api: &issuing_admin::api::ApiClient,
    card: &str,
) -> impl Sized {
    let (api, card) = (api.clone(), card.to_owned());
    mount_to(root.clone(), move || {
        provide_context(api.clone());
        provide_context(ConnectHub::new(api.clone()));
        view! {
            <IssuingCard account=UK.to_owned() card=card.clone() />
            <IssuingCardsList account=UK.to_owned() />
        }
    })
}

/// Holds every `fetch` of `/api/config` from now on until the returned function is called
/// (the page's `fetch` is wrapped; the requests go out, their answers wait).
fn hold_config_answers() -> js_sys::Function {
    js_sys::Function::new_no_args(
        r#"
        let release;
        const released = new Promise((resolve) => { release = resolve; });
        const fetch = window.fetch;
        window.fetch = function (input, init) {
          const url = typeof input === "string" ? input : input.url;
          const answer = fetch.call(this, input, init);
          return url.includes("/api/config") ? released.then(() => answer) : answer;
        };
        return () => { window.fetch = fetch; release(); };
        "#,
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap()
    .into()
}

#[wasm_bindgen_test]
async fn a_page_starts_one_instance_logged_out_on_unmount_and_a_page_that_leaves_first_none() {
    let (api, card, root) = double_and_a_uk_card().await;
    let mounted = mount_page(&root, &api, &card);
    wait_for(&root, "[data-tag=issuing-card]").await;
    wait_for(&root, "[data-tag=issuing-cards-list]").await;
    assert_eq!(count("create"), 2, "both components are made");
    assert_eq!(count("init"), 1, "from one instance");
    assert_eq!(count("logout"), 0);

    // The panel leaves: its instance signs out of Stripe.
    drop(mounted);
    wait_until("the instance is logged out", || count("logout") == 1).await;

    // A panel that leaves while its instance is starting (here: its config on the way) starts
    // none: Stripe would keep it, calling a callback freed with the panel, never logged out.
    install_double();
    let release = hold_config_answers();
    let configs = watch_fetches(&["/api/config"]);
    let leaving = mount_page(&fresh_container(), &api, &card);
    wait_until("the leaving panel asks for its config", || configs() == 1).await;
    drop(leaving);
    release.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    // A panel mounted after it starts its own (its config comes after the first's answer)…
    let root = fresh_container();
    let _staying = mount_page(&root, &api, &card);
    wait_for(&root, "[data-tag=issuing-card]").await;
    // …and is the only one that did.
    assert_eq!(count("init"), 1, "no instance for the panel that left");
}
