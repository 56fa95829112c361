//! The card list in a real browser against the real server and sandbox: filters and pages
//! live in the URL, and bad filters are refused before anything is asked.

mod support;

use issuing_admin::Panel;
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::{click, live_api, wait_for};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

use support::EURO;

async fn open(path: &str) -> web_sys::HtmlElement {
    support::open_as("op_aiko", path).await
}

fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

fn row_ids(root: &web_sys::HtmlElement) -> Vec<String> {
    let rows = root.query_selector_all("tbody tr[data-card]").unwrap();
    (0..rows.length())
        .map(|i| {
            rows.item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("data-card")
                .unwrap()
        })
        .collect()
}

fn statuses(root: &web_sys::HtmlElement) -> Vec<String> {
    let badges = root.query_selector_all("tbody [data-status]").unwrap();
    (0..badges.length())
        .map(|i| {
            badges
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("data-status")
                .unwrap()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn filters_and_cursor_pages_live_in_the_url() {
    let root = open(&format!("/accounts/{EURO}/cards?status=active&limit=3")).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "tbody tr[data-card]").await;
    let first_page = row_ids(&root);
    assert_eq!(first_page.len(), 3);
    assert!(
        statuses(&root).iter().all(|s| s == "active"),
        "{:?}",
        statuses(&root)
    );
    // The filter fields show what the URL says.
    let status: web_sys::HtmlSelectElement = root
        .query_selector("select[name=status]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(status.value(), "active");

    // The heading names the account; the position says where this page is in the list.
    support::wait_text(&root, "h1", "Cards — ").await;
    support::wait_text(&root, ".ia-position", "1–3 of many").await;
    click(&root, ".ia-pager button:last-child");
    support::wait_until("the next page is listed", || {
        search().contains("starting_after=") && row_ids(&root) != first_page
    })
    .await;
    assert!(
        search().contains("status=active"),
        "filters survive paging: {}",
        search()
    );
    support::wait_text(&root, ".ia-position", "4–6 of many").await;
    let second_page = row_ids(&root);
    assert!(second_page.iter().all(|id| !first_page.contains(id)));
    assert!(statuses(&root).iter().all(|s| s == "active"));

    click(&root, ".ia-pager button:first-child");
    support::wait_until("the first page is back", || row_ids(&root) == first_page).await;
    assert!(search().contains("ending_before="), "{}", search());
    support::wait_text(&root, ".ia-position", "1–3 of many").await;
}

#[wasm_bindgen_test]
async fn an_empty_result_offers_to_clear_the_filters_and_stripe_view_lives_in_the_url() {
    // Nothing was created before 2020.
    let root = open(&format!("/accounts/{EURO}/cards?created_lte=1577836800")).await;
    let _mounted = mount_to(
        root.clone(),
        || view! { <Panel server=live_api() locale=Some("en".into()) /> },
    );
    support::wait_text(&root, ".ia-empty", "No cards match").await;
    click(&root, "[data-action=clear-filters]");
    wait_for(&root, "tbody tr[data-card]").await;
    assert!(!search().contains("created_lte"), "{}", search());
    click(&root, "[data-action=stripe-view]");
    support::wait_until("the view is in the URL", || {
        search().contains("view=stripe")
    })
    .await;
    wait_for(&root, "[data-component=issuing-cards-list]").await;
}

#[wasm_bindgen_test]
async fn choosing_a_filter_updates_the_url_and_the_rows() {
    let root = open(&format!("/accounts/{EURO}/cards?limit=100")).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "tbody tr[data-card]").await;
    let everything = row_ids(&root).len();
    support::choose(&root, "select[name=status]", "canceled");
    support::wait_until("only canceled cards are listed", || {
        let s = statuses(&root);
        !s.is_empty() && s.iter().all(|s| s == "canceled")
    })
    .await;
    assert!(search().contains("status=canceled"), "{}", search());
    assert!(row_ids(&root).len() < everything);
}

#[wasm_bindgen_test]
async fn a_bad_last4_is_refused_and_the_url_stays() {
    let root = open(&format!("/accounts/{EURO}/cards?limit=5")).await;
    let _mounted = mount_to(root.clone(), || view! { <Panel server=live_api() /> });
    wait_for(&root, "tbody tr[data-card]").await;
    let before = search();
    let last4: web_sys::HtmlInputElement = root
        .query_selector("input[name=last4]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    last4.set_value("12a");
    last4
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    click(&root, ".ia-filters button[type=submit]");
    // The message is at the field it is about, and the field is marked.
    let alert = wait_for(&root, ".ia-filters [data-field=last4] [role=alert]").await;
    assert!(
        alert.text_content().unwrap().contains("last four digits"),
        "{:?}",
        alert.text_content()
    );
    assert_eq!(last4.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(search(), before);
}
