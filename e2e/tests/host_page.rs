//! The example host page (`examples/host/`, served at `/host/`) embeds the panel with
//! `mount(element, options)`. It is used, unmounted and mounted again, and the host page is
//! untouched throughout: its markup, its styles, its storage; and the panel is untouched by the
//! host's styles (it renders in a shadow root).

use e2e::{start_server, Browser};
use serde_json::Value;

/// The panel's shadow root, in page scripts.
const SHADOW: &str = "document.getElementById('panel').shadowRoot";

/// What must not change on the host: its markup outside the panel (a shadow root's content is
/// not part of `outerHTML`), the styles of its own elements, and its storage and cookies.
const HOST_FINGERPRINT: &str = r##"
    const style = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
    return JSON.stringify({
        body: document.body.outerHTML.replace(/<p id="status">[^<]*<\/p>/, ""),
        head: [...document.head.children].filter(e => !e.matches("script[data-stripe-connect]")).map(e => e.outerHTML),
        lang: document.documentElement.lang,
        button: [style("aside button", "backgroundColor"), style("aside button", "fontFamily"), style("aside button", "borderRadius")],
        table: style("#host-table td", "borderTopStyle"),
        bodyFont: style("body", "fontFamily"),
        h1: style("main h1", "fontSize"),
        storage: localStorage.length + sessionStorage.length,
        cookies: document.cookie,
    });
"##;

async fn fingerprint(browser: &Browser) -> String {
    browser
        .js(HOST_FINGERPRINT)
        .await
        .as_str()
        .unwrap()
        .to_owned()
}

/// Inside Stripe's card iframe (the sandbox's stand-in): the host's primary colour and radius
/// on its button, the host's font family, and the host's font face loaded from `fonts`.
async fn stripes_frame_wears_the_hosts_theme(browser: &Browser) {
    let frame = browser
        .wait_in_shadow("#panel", "stripe-connect-issuing-card iframe")
        .await;
    frame.enter_frame().await.unwrap();
    browser.wait_for("#toggle-numbers").await;
    let look = browser
        .wait_js(
            "the host's font face in the frame",
            r#"const faces = [...document.fonts].map(f => f.family.replace(/"/g, ""));
               if (!faces.includes("Acme Sans")) return null;
               const button = getComputedStyle(document.getElementById("toggle-numbers"));
               return [button.backgroundColor, button.borderRadius, getComputedStyle(document.body).fontFamily];"#,
        )
        .await;
    browser.client.enter_parent_frame().await.unwrap();
    assert_eq!(
        look[0], "rgb(10, 125, 90)",
        "the host's primary colour: {look}"
    );
    assert_eq!(look[1], "2px", "the host's radius: {look}");
    assert!(
        look[2].as_str().unwrap().starts_with("\"Acme Sans\""),
        "the host's font: {look}"
    );
}

async fn wait_in_panel(browser: &Browser, css: &str) {
    browser
        .wait_js(
            &format!("`{css}` in the panel"),
            &format!("const root = {SHADOW}; return !!(root && root.querySelector(\"{css}\"));"),
        )
        .await;
}

async fn click_in_panel(browser: &Browser, css: &str) {
    wait_in_panel(browser, css).await;
    browser
        .js(&format!(
            "{SHADOW}.querySelector(\"{css}\").click(); return true;"
        ))
        .await;
}

#[tokio::test]
async fn the_host_page_mounts_uses_unmounts_and_remounts_the_panel_and_stays_untouched() {
    let server = start_server().await;
    let browser = Browser::launch().await;
    browser.goto(&format!("{}/host/", server.url())).await;

    // Mounted on load, signed in through the host's getToken: the accounts list shows.
    wait_in_panel(&browser, "tr[data-account=acct_1SbxDESakuraLg] a").await;
    let host = fingerprint(&browser).await;
    assert!(host.contains("Georgia"), "the host keeps its font: {host}");

    // Styles cross neither way: the host's buttons keep their look, the panel's keep theirs,
    // themed by the host through --ia-* properties (the primary colour is #0a7d5a).
    let panel_button: Value = browser
        .js(&format!(
            "const b = {SHADOW}.querySelector('.ia-header'); const s = getComputedStyle(b);
             const link = {SHADOW}.querySelector('tr[data-account] a');
             return [s.fontFamily, getComputedStyle(link).color];"
        ))
        .await;
    assert!(
        !panel_button[0].as_str().unwrap().contains("Georgia"),
        "{panel_button}"
    );
    assert_eq!(
        panel_button[1], "rgb(10, 125, 90)",
        "the host's theme reaches the panel"
    );
    assert!(
        browser
            .js(&format!(
                "return !{SHADOW}.querySelector('[data-action=sign-out], .ia-sign-in');"
            ))
            .await
            == Value::Bool(true),
        "the host signs the operator in: no sign-in page, no sign-out button"
    );

    // Use it: open the euro account's cards, then a card; routes live under the host's base.
    click_in_panel(&browser, "tr[data-account=acct_1SbxDESakuraLg] a").await;
    wait_in_panel(&browser, "tbody tr[data-card] a.ia-row-link").await;
    let url = browser.client.current_url().await.unwrap();
    assert_eq!(url.path(), "/host/accounts/acct_1SbxDESakuraLg/cards");
    click_in_panel(&browser, "tbody tr[data-card] a.ia-row-link").await;
    wait_in_panel(&browser, ".ia-facts").await;
    // The card page loads Stripe's Connect script (the sandbox's stand-in) once.
    browser
        .wait_js(
            "the Connect script",
            "return document.querySelectorAll('script[data-stripe-connect]').length;",
        )
        .await;
    browser.screenshot("host-page-card").await;
    stripes_frame_wears_the_hosts_theme(&browser).await;
    assert_eq!(
        fingerprint(&browser).await,
        host,
        "using the panel changed the host page"
    );

    // A reload of that deep link is the host page again, on the same card: the server answers
    // paths under /host/ with the host's page, not the standalone panel's sign-in.
    let deep = browser.client.current_url().await.unwrap();
    browser.client.refresh().await.unwrap();
    wait_in_panel(&browser, ".ia-facts").await;
    assert_eq!(browser.client.current_url().await.unwrap(), deep);
    assert_eq!(
        fingerprint(&browser).await,
        host,
        "the host page itself came back"
    );
    browser.screenshot("host-page-reloaded").await;

    // Unmount with the host's own button: the panel and its styles are gone, the host is as it was.
    browser.click("#unmount").await;
    browser
        .wait_js(
            "the panel gone",
            &format!("return {SHADOW}.childNodes.length === 0;"),
        )
        .await;
    assert_eq!(
        fingerprint(&browser).await,
        host,
        "unmounting changed the host page"
    );
    browser.screenshot("host-page-unmounted").await;

    // Mount again: it works as before, and the Connect script is still there only once.
    browser.click("#mount").await;
    wait_in_panel(&browser, ".ia-facts").await;
    let scripts = browser
        .js("return document.querySelectorAll('script[data-stripe-connect]').length;")
        .await;
    assert_eq!(scripts, 1, "no second copy of the Connect script");
    assert_eq!(
        fingerprint(&browser).await,
        host,
        "remounting changed the host page"
    );
    browser.screenshot("host-page-remounted").await;

    // The custom element does the same: it mounts when added and unmounts when removed.
    browser.click("#unmount").await;
    browser
        .js(r#"
            const element = document.createElement("issuing-admin");
            element.setAttribute("base-path", "/host");
            element.getToken = window.acme.getToken;
            element.id = "as-element";
            document.querySelector("main").append(element);
            return true;
        "#)
        .await;
    browser
        .wait_js(
            "the element's panel",
            "const r = document.getElementById('as-element').shadowRoot; return !!(r && r.querySelector('.ia-header'));",
        )
        .await;
    browser
        .js("const e = document.getElementById('as-element'); window.__shadow = e.shadowRoot; e.remove(); return true;")
        .await;
    assert_eq!(
        browser
            .js("return window.__shadow.childNodes.length;")
            .await,
        0,
        "removing the element unmounts its panel"
    );
    browser.close().await;
}
