//! One Connect instance per account for the whole panel, against the recording double of
//! `window.StripeConnect` (in a page of its own: no other test shares its log).

mod support;

use issuing_admin::connect::{ConnectHub, IssuingCard, IssuingCardsList};
use issuing_admin::Panel;
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::connect_double::{count, double_and_a_uk_card, install_double};
use support::{fresh_container, hold_answers, open_as, wait_for, wait_until, watch_fetches, UK};
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

/// What is added under `root` from now on: `notice:numbers-not-allowed` for that notice (others,
/// such as a rate limit's, are not this test's), `tag:<tag>` for an element the double made
/// (filled in as the page changes).
fn watch_added(root: &web_sys::HtmlElement) -> js_sys::Array {
    js_sys::Function::new_with_args(
        "root",
        r#"
        const seen = [];
        new MutationObserver((records) => {
          for (const record of records) {
            for (const node of record.addedNodes) {
              if (node.nodeType !== 1) continue;
              for (const el of [node, ...node.querySelectorAll("*")]) {
                if (el.dataset.notice === "numbers-not-allowed") seen.push("notice:numbers-not-allowed");
                if (el.dataset.tag) seen.push("tag:" + el.dataset.tag);
              }
            }
          }
        }).observe(root, { childList: true, subtree: true });
        return seen;
        "#,
    )
    .call1(&wasm_bindgen::JsValue::NULL, root)
    .unwrap()
    .into()
}

#[wasm_bindgen_test]
async fn one_instance_lives_and_leaves_with_its_panel_and_stripes_card_waits_for_the_operators_right(
) {
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
    let release = hold_answers("/api/config");
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

    // A card page opened on a saved sign-in learns who the operator is after it is drawn: it
    // neither says "no right to reveal" to Aiko, who has it, nor mounts Stripe's card without the
    // key callback first and again with it: the card is mounted once, with the callback.
    install_double();
    let root = open_as("op_aiko", &format!("/accounts/{UK}/cards/{card}")).await;
    let added = watch_added(&root);
    let release = hold_answers("/api/me");
    let _panel = mount_to(
        root.clone(),
        || view! { <Panel server=support::live_api() /> },
    );
    // The card is on the page before the panel knows who is looking at it.
    wait_for(&root, ".ia-facts").await;
    release.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    let stripe_card = wait_for(&root, "[data-tag=issuing-card]").await;
    let key = js_sys::Reflect::get(&stripe_card, &"_setFetchEphemeralKey".into()).unwrap();
    assert!(key.is_function(), "Aiko's card has the key callback");
    let added: Vec<String> = added.iter().filter_map(|v| v.as_string()).collect();
    assert_eq!(
        added,
        ["tag:issuing-card"],
        "one card, and no notice on the way"
    );
}
