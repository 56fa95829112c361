//! What the first load of the release build fetches, and when: the card list's page is asked
//! for by the page itself while the wasm is still on its way (and not asked for again by the
//! panel), and the code of other pages comes only when one is opened.

use e2e::{dist_dir, start_server, Browser};
use stripe_sandbox::EURO_ACCOUNT;

/// `[name, startTime, responseEnd]` of each resource the page has fetched so far.
const RESOURCES: &str = "return performance.getEntriesByType('resource')
    .map(e => [new URL(e.name).pathname + new URL(e.name).search, e.startTime, e.responseEnd]);";

#[tokio::test]
async fn the_card_lists_data_comes_with_the_wasm_and_other_pages_code_on_demand() {
    let server = start_server().await;
    let browser = Browser::launch().await;
    browser.sign_in(&server, "op_aiko").await;
    browser.wait_for("tr[data-account]").await;

    // A reload of a card list, as an operator coming back to it.
    let list = format!("/api/accounts/{EURO_ACCOUNT}/cards?status=active");
    browser
        .goto(&format!(
            "{}/accounts/{EURO_ACCOUNT}/cards?status=active",
            server.url()
        ))
        .await;
    browser.wait_for("tbody tr[data-card]").await;
    let fetched = resources(&browser).await;
    // Once, by the page: the panel took that answer rather than asking again.
    let prefix = format!("/api/accounts/{EURO_ACCOUNT}/cards");
    let asked: Vec<_> = fetched
        .iter()
        .filter(|(name, ..)| name.starts_with(&prefix))
        .collect();
    assert_eq!(
        asked.len(),
        1,
        "the page's cards are asked for once: {fetched:#?}"
    );
    assert_eq!(asked[0].0, list);
    let wasm = fetched
        .iter()
        .find(|(name, ..)| name.ends_with("_bg.wasm"))
        .expect("the wasm was fetched");
    assert!(
        asked[0].1 < wasm.2,
        "the cards were asked for before the wasm had arrived: {fetched:#?}"
    );
    for early in ["/api/me", "/api/accounts"] {
        let count = fetched.iter().filter(|(name, ..)| name == early).count();
        assert_eq!(count, 1, "{early} once: {fetched:#?}");
    }

    if !dist_dir().join("__wasm_split.js").is_file() {
        // A `trunk build` (one module) rather than `cargo xtask dist`: nothing to load later.
        eprintln!("the build is not split: the chunks are not checked");
        browser.close().await;
        return;
    }
    let chunks = |fetched: &[(String, f64, f64)]| {
        fetched
            .iter()
            .filter(|(name, ..)| name.ends_with(".wasm") && !name.ends_with("_bg.wasm"))
            .map(|(name, ..)| name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        chunks(&fetched),
        Vec::<String>::new(),
        "the card list needs no chunk"
    );
    // Opening a card fetches the card page's chunk (and what it shares), then shows the card.
    browser
        .wait_for("tbody a.ia-row-link")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for("[data-action=edit-controls]").await;
    let opened = chunks(&resources(&browser).await);
    assert!(
        opened.iter().any(|name| name.starts_with("/split_card_")),
        "{opened:?}"
    );
    assert!(
        !opened
            .iter()
            .any(|name| name.starts_with("/split_records_")),
        "only what the card page needs: {opened:?}"
    );
    browser.close().await;
}

async fn resources(browser: &Browser) -> Vec<(String, f64, f64)> {
    serde_json::from_value(browser.js(RESOURCES).await).expect("a list of resources")
}
