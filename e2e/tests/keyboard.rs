//! The panel with the keyboard only: Tab to move (with a visible focus ring every time), Enter
//! to follow links and press buttons, arrows between card rows. Sign in, open an account and a
//! card, freeze and unfreeze it, then grant and charge a token.

use e2e::{start_server, Browser};

const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";
const ARROW_DOWN: &str = "\u{e015}";

/// Sends `keys` to whatever has focus.
async fn press(browser: &Browser, keys: &str) {
    browser
        .client
        .active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

/// Tabs (at most 60 times) until the focused element matches `css`, checking that each stop
/// shows a focus ring (an outline).
async fn tab_to(browser: &Browser, css: &str) {
    for _ in 0..60 {
        let here = browser
            .js(&format!(
                "const e = document.activeElement;
                 if (!e || e === document.body) return 'none';
                 const ring = getComputedStyle(e).outlineStyle !== 'none';
                 if (!ring) return 'no-ring:' + e.outerHTML.slice(0, 120);
                 return e.matches(\"{css}\") ? 'found' : 'other';"
            ))
            .await;
        match here.as_str().unwrap() {
            "found" => return,
            s if s.starts_with("no-ring") => panic!("focus without a visible ring: {s}"),
            _ => press(browser, TAB).await,
        }
    }
    panic!("Tab never reached `{css}`");
}

async fn wait_focus(browser: &Browser, css: &str) {
    browser
        .wait_js(
            &format!("focus on `{css}`"),
            &format!(
                "return !!document.activeElement && document.activeElement.matches(\"{css}\");"
            ),
        )
        .await;
}

#[tokio::test]
async fn the_main_tasks_work_with_the_keyboard_alone() {
    let server = start_server().await;
    let browser = Browser::launch().await;
    browser.goto(&format!("{}/", server.url())).await;
    browser.wait_for("[data-operator=op_aiko]").await;

    tab_to(&browser, "[data-operator=op_aiko]").await;
    press(&browser, ENTER).await;
    browser.wait_for("tr[data-account]").await;

    tab_to(&browser, "tr[data-account=acct_1SbxDESakuraLg] a").await;
    press(&browser, ENTER).await;
    browser.wait_for("tbody tr[data-card] a.ia-row-link").await;

    tab_to(&browser, "tbody tr[data-card]:first-child a.ia-row-link").await;
    press(&browser, ARROW_DOWN).await;
    wait_focus(&browser, "tbody tr[data-card]:nth-child(2) a.ia-row-link").await;
    press(&browser, ENTER).await;
    browser.wait_for(".ia-facts").await;

    tab_to(&browser, "[data-action=freeze], [data-action=unfreeze]").await;
    let first = browser
        .js("return document.activeElement.getAttribute('data-action');")
        .await;
    press(&browser, ENTER).await;
    let other = if first == "freeze" {
        "unfreeze"
    } else {
        "freeze"
    };
    browser.wait_for(&format!("[data-action={other}]")).await;
    browser.screenshot("keyboard-card").await;

    browser
        .goto(&format!(
            "{}/accounts/acct_1SbxDESakuraLg/tokens",
            server.url()
        ))
        .await;
    browser.wait_for("form.ia-grant").await;
    tab_to(&browser, "form.ia-grant input[name=max_amount]").await;
    press(&browser, "10000").await;
    press(&browser, ENTER).await;
    browser.wait_for("form.ia-charge").await;
    tab_to(&browser, "#charge-amount").await;
    press(&browser, "2500").await;
    press(&browser, ENTER).await;
    browser
        .wait_for("dialog[open] [data-action=confirm-charge]")
        .await;
    tab_to(&browser, "[data-action=confirm-charge]").await;
    press(&browser, ENTER).await;
    browser.wait_text("body", "Charged ¥2,500").await;
    browser.screenshot("keyboard-tokens").await;
    browser.close().await;
}
