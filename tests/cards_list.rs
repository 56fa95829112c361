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
    let asked_next = support::watch_fetches(&["status=active", "limit=3", "starting_after="]);
    let asked_back = support::watch_fetches(&["status=active", "limit=3", "ending_before="]);
    click(&root, ".ia-pager button:last-child");
    assert_eq!(
        asked_next(),
        1,
        "asked for in the click, before the router moves"
    );
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
    // Each page was asked for once: on the click, ahead of the router, and taken from there.
    assert_eq!((asked_next(), asked_back()), (1, 1));
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

/// The rows are written as HTML: whatever a card's fields hold shows as text, and the tick
/// boxes (one listener on the table body) still select the card and follow "all matching".
#[wasm_bindgen_test]
async fn row_values_are_text_never_markup_and_the_tick_boxes_select() {
    let api = support::signed_in_api("op_aiko").await;
    let query = issuing_model::CardListQuery {
        limit: Some(1),
        ..Default::default()
    };
    let mut card = api.cards(EURO, &query).await.unwrap().data.remove(0);
    let hostile = r#"<img src=x onerror="window.iaInjected=1">&amp; "quoted" 'single'"#;
    card.cardholder.name = hostile.to_owned();
    card.last4 = "<b>42</b>".to_owned();
    let id = card.id.clone();
    let root = support::fresh_container();
    let selection = StoredValue::new(None::<issuing_admin::cards::bulk::Selection>);
    let _mounted = mount_to(root.clone(), move || {
        let sel = issuing_admin::cards::bulk::Selection::new();
        selection.set_value(Some(sel));
        view! { <issuing_admin::cards::CardsTable account=EURO.to_owned() cards=vec![card.clone()] selection=sel /> }
    });
    let link = wait_for(&root, "tbody a.ia-row-link").await;
    assert_eq!(link.text_content().unwrap(), hostile);
    assert!(
        root.query_selector("tbody img, tbody b").unwrap().is_none(),
        "markup in a value became elements"
    );
    assert_eq!(
        support::text_of(&root, "tbody .ia-mono").unwrap(),
        "•••• <b>42</b>"
    );
    let tick = support::input(&root, "tbody input[name=select]");
    assert!(tick.get_attribute("aria-label").unwrap().contains(hostile));

    let sel = selection.get_value().unwrap();
    tick.click();
    support::wait_until("the ticked card is selected", || {
        sel.ids.with_untracked(|ids| ids.contains(&id))
    })
    .await;
    sel.all_matching.set(true);
    support::wait_until("every box shows all matching", || {
        tick.checked() && tick.disabled()
    })
    .await;
    sel.all_matching.set(false);
    sel.ids.update(|ids| ids.clear());
    support::wait_until("the box follows the cleared selection", || {
        !tick.checked() && !tick.disabled()
    })
    .await;
}
