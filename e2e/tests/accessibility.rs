//! axe-core in every page of the built panel (and in the host page, through its shadow root):
//! no serious or critical violations. Each page is also kept as a screenshot.

use e2e::{start_server, Browser};

const ACCOUNT: &str = "acct_1SbxDESakuraLg";

#[tokio::test]
async fn every_page_has_no_serious_or_critical_accessibility_violations() {
    let server = start_server().await;
    let browser = Browser::launch().await;
    let base = server.url();

    browser.goto(&format!("{base}/")).await;
    browser.wait_for("[data-operator=op_aiko]").await;
    browser.assert_accessible("sign-in").await;
    browser.screenshot("a11y-en-sign-in").await;
    browser.click("[data-operator=op_aiko]").await;

    browser.wait_for("tr[data-account]").await;
    browser.assert_accessible("accounts").await;
    browser.screenshot("a11y-en-accounts").await;

    browser
        .click(&format!("tr[data-account={ACCOUNT}] a"))
        .await;
    browser.wait_for("tbody tr[data-card]").await;
    browser.assert_accessible("cards").await;
    browser.screenshot("a11y-en-cards").await;

    browser.click("tbody tr[data-card] a.ia-row-link").await;
    browser.wait_for(".ia-facts").await;

    // The cancel dialog is modal: focus moves into it, Escape closes it, focus comes back.
    browser.click("[data-action=cancel]").await;
    browser
        .wait_js(
            "the dialog open",
            "return !!document.querySelector('dialog[open]');",
        )
        .await;
    browser.assert_accessible("cancel dialog").await;
    let inside = browser
        .js("return !!document.activeElement && !!document.activeElement.closest('dialog[open]');")
        .await;
    assert_eq!(inside, true, "focus is inside the open dialog");
    browser
        .client
        .active_element()
        .await
        .unwrap()
        .send_keys("\u{e00c}")
        .await
        .unwrap();
    browser
        .wait_js(
            "the dialog closed",
            "return !document.querySelector('dialog[open]');",
        )
        .await;
    let back = browser
        .js("return document.activeElement && document.activeElement.getAttribute('data-action');")
        .await;
    assert_eq!(
        back, "cancel",
        "focus returns to the button that opened the dialog"
    );
    browser.click("[data-action=edit-controls]").await;
    browser.wait_for("[data-action=add-limit]").await;
    browser.click("[data-action=add-limit]").await;
    browser.wait_for(".ia-limit input[name=amount]").await;
    browser.assert_accessible("card and editor").await;
    browser.screenshot("a11y-en-card-editor").await;

    browser
        .goto(&format!("{base}/accounts/{ACCOUNT}/tokens"))
        .await;
    browser
        .wait_for("form.ia-grant input[name=max_amount]")
        .await;
    browser
        .wait_for("form.ia-grant input[name=max_amount]")
        .await
        .send_keys("10000")
        .await
        .unwrap();
    browser.click("[data-action=grant]").await;
    browser.wait_for("form.ia-charge").await;
    browser.assert_accessible("tokens").await;
    browser.screenshot("a11y-en-tokens").await;

    browser.goto(&format!("{base}/events")).await;
    browser.wait_for(".ia-feed-status[data-status=live]").await;
    browser.assert_accessible("events").await;
    browser.screenshot("a11y-en-events").await;

    browser.goto(&format!("{base}/host/")).await;
    browser
        .wait_js(
            "the embedded panel",
            "const r = document.getElementById('panel').shadowRoot; return !!(r && r.querySelector('tr[data-account]'));",
        )
        .await;
    browser.assert_accessible("host page").await;
    browser.close().await;
}
