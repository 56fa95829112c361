//! One Connect instance per account for the whole panel, against the recording double of
//! `window.StripeConnect` (in a page of its own: no other test shares its log).

mod support;

use issuing_admin::connect::{ConnectHub, IssuingCard, IssuingCardsList};
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::connect_double::{count, double_and_a_uk_card};
use support::{wait_for, wait_until, UK};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_page_with_the_card_and_the_list_starts_one_instance_logged_out_on_unmount() {
    let (api, card, root) = double_and_a_uk_card().await;
    let mounted = mount_to(root.clone(), move || {
        provide_context(api.clone());
        provide_context(ConnectHub::new(api.clone()));
        view! {
            <IssuingCard account=UK.to_owned() card=card.clone() />
            <IssuingCardsList account=UK.to_owned() />
        }
    });
    wait_for(&root, "[data-tag=issuing-card]").await;
    wait_for(&root, "[data-tag=issuing-cards-list]").await;
    assert_eq!(count("create"), 2, "both components are made");
    assert_eq!(count("init"), 1, "from one instance");
    assert_eq!(count("logout"), 0);

    // The panel leaves: its instance signs out of Stripe.
    drop(mounted);
    wait_until("the instance is logged out", || count("logout") == 1).await;
}
