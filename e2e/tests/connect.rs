//! Stripe's card component on the card page, against the sandbox's stand-in: the numbers show
//! only inside the iframe, after "Show numbers", and never in the panel's DOM or in anything
//! the platform server sent.

use e2e::{start_server, Browser, RecordingProxy};
use fantoccini::Locator;

/// Signs in at `base` as `operator` and opens the euro account's first card.
async fn open_a_euro_card(browser: &Browser, base: &str, operator: &str) {
    browser.sign_in_at(base, operator).await;
    browser
        .click("tr[data-account=acct_1SbxDESakuraLg] a")
        .await;
    browser.click("tbody tr[data-card] a.ia-row-link").await;
}

#[tokio::test]
async fn card_numbers_show_only_inside_stripes_iframe() {
    let server = start_server().await;
    let proxy = RecordingProxy::start(&server.url()).await;
    let browser = Browser::launch().await;
    open_a_euro_card(&browser, &proxy.url, "op_aiko").await;
    browser.wait_for(".ia-facts").await;
    let frame = browser.wait_for("stripe-connect-issuing-card iframe").await;
    browser.scroll_to("stripe-connect-issuing-card").await;
    let client = &browser.client;
    frame.clone().enter_frame().await.unwrap();
    let masked = browser.wait_for("#number").await.text().await.unwrap();
    assert!(masked.starts_with("••••"), "{masked}");
    browser.click("#toggle-numbers").await;
    let number = browser.wait_for("#number").await.text().await.unwrap();
    let cvc = client
        .find(Locator::Css("#cvc"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    assert_eq!(digits.len(), 16, "a full test number is shown: {number}");
    assert_eq!(cvc.len(), 3);
    client.enter_parent_frame().await.unwrap();
    browser.screenshot("stripe-card-numbers").await;

    // The panel's own DOM never holds them (the iframe is another origin)…
    let dom: String = client
        .execute("return document.documentElement.outerHTML", vec![])
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned();
    assert!(!dom.contains(&number) && !dom.contains(&digits));
    // …and nothing the platform server sent did either.
    assert!(
        proxy.response_count() > 5,
        "the proxy saw the panel's traffic"
    );
    for needle in [&number, &digits] {
        assert_eq!(proxy.responses_containing(needle), Vec::<String>::new());
    }
    let key_calls = proxy.responses_containing("\"secret\"");
    assert!(
        key_calls
            .iter()
            .any(|p| p.starts_with("/api/ephemeral_keys")),
        "the key went through the server: {key_calls:?}"
    );
    browser.close().await;
}

#[tokio::test]
async fn revealing_numbers_is_a_right_of_its_own() {
    let server = start_server().await;
    let proxy = RecordingProxy::start(&server.url()).await;
    let browser = Browser::launch().await;
    // Read-only by default: the card shows masked, with no "Show numbers", and the page says why.
    open_a_euro_card(&browser, &proxy.url, "op_chloe").await;
    browser
        .wait_text(
            "[data-notice=numbers-not-allowed]",
            "does not have the right",
        )
        .await;
    let frame = browser.wait_for("stripe-connect-issuing-card iframe").await;
    browser.scroll_to("stripe-connect-issuing-card").await;
    frame.enter_frame().await.unwrap();
    let masked = browser.wait_for("#number").await.text().await.unwrap();
    assert!(masked.starts_with("••••"), "{masked}");
    assert!(
        browser
            .client
            .find(Locator::Css("#toggle-numbers"))
            .await
            .is_err(),
        "nothing to reveal"
    );
    browser.client.enter_parent_frame().await.unwrap();
    browser.screenshot("stripe-card-read-only").await;
    assert_eq!(
        proxy.responses_containing("\"secret\""),
        Vec::<String>::new(),
        "no ephemeral key was even asked for"
    );

    // Signing out logs Stripe's instance out: the sandbox ends its session (checked below).
    let chloes_frame = frame_src(&browser).await;
    browser.click("[data-action=sign-out]").await;
    browser
        .wait_js(
            "the stand-in's sign-out frame done",
            r#"return !document.querySelector('iframe[title="Stripe sandbox sign-out"]');"#,
        )
        .await;

    // Dana may not edit, but has the right: Show numbers is there.
    open_a_euro_card(&browser, &proxy.url, "op_dana").await;
    let frame = browser.wait_for("stripe-connect-issuing-card iframe").await;
    assert!(
        browser
            .js("return !document.querySelector('[data-action=freeze]');")
            .await
            == true
    );
    frame.enter_frame().await.unwrap();
    browser.wait_for("#toggle-numbers").await;
    browser.client.enter_parent_frame().await.unwrap();

    // Chloe's frame, opened again after her sign-out: its session is over.
    browser.goto(&chloes_frame).await;
    browser
        .wait_text("[role=alert]", "not valid or has expired")
        .await;
    browser.close().await;
}

/// The address of Stripe's card iframe on the page (its client secret in the query).
async fn frame_src(browser: &Browser) -> String {
    let src = browser
        .js("return document.querySelector('stripe-connect-issuing-card iframe').src;")
        .await;
    let src = src.as_str().unwrap().to_owned();
    assert!(src.contains("client_secret=accs_secret__"), "{src}");
    src
}

/// The stand-in's load errors carry connect-js' types: Ben may see only Thames Courier, so the
/// server refuses him a session for the euro account, `fetchClientSecret` rejects, and the
/// panel says what failed and what to do, in the panel's words.
#[tokio::test]
async fn a_refused_session_is_an_account_session_error_in_words() {
    let server = start_server().await;
    let browser = Browser::launch().await;
    browser.sign_in(&server, "op_ben").await;
    browser
        .goto(&format!(
            "{}/accounts/acct_1SbxDESakuraLg/cards?view=stripe",
            server.url()
        ))
        .await;
    let alert = browser
        .wait_for("[data-component=issuing-cards-list] [role=alert][data-load-error=account_session_create_error]")
        .await;
    let text = alert.text().await.unwrap();
    assert!(
        text.starts_with("The platform server could not start a Stripe session for this account."),
        "{text}"
    );
    assert!(
        text.contains("No account session for"),
        "Stripe's message follows: {text}"
    );
    browser.close().await;
}
