//! A new operator opens the panel, signs in and sees the platform's connected accounts.

use e2e::{start_server, Browser};

#[tokio::test]
async fn opening_the_panel_lists_the_sandboxs_connected_accounts() {
    let server = start_server().await;
    let browser = Browser::launch().await;
    browser.goto(&format!("{}/", server.url())).await;

    // A new operator first chooses who to act as (sandbox sign-in).
    browser.wait_for("[data-operator=op_aiko]").await;
    browser.screenshot("sign-in").await;
    browser.click("[data-operator=op_aiko]").await;

    browser.wait_for("table tbody tr").await;
    let text = browser.text().await;
    for name in [
        "Northwind Field Services",
        "Thames Courier Co.",
        "Sakura Logistik GmbH",
    ] {
        assert!(text.contains(name), "{name} not listed in:\n{text}");
    }
    assert!(
        text.contains("acct_1SbxDESakuraLg"),
        "account ids are shown"
    );
    assert!(
        text.contains("Aiko Tanaka"),
        "the signed-in operator is shown"
    );
    browser.screenshot("accounts").await;

    // A deep link (reload on a route) is served the panel too, not a 404, still signed in.
    browser.goto(&format!("{}/accounts", server.url())).await;
    browser.wait_for("table tbody tr").await;
    browser.close().await;
}
