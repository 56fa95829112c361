//! axe-core in every page of the built panel (and in the host page, through its shadow root),
//! in English and in Japanese: no serious or critical violations, and no page breaks its
//! Content-Security-Policy. Each page is kept as a
//! screenshot per language (`target/e2e/a11y-<lang>-<page>.png`).

use e2e::{assert_no_policy_violations, start_server, Browser};

use stripe_sandbox::EURO_ACCOUNT as ACCOUNT;

/// What each page's heading says in one language, so the walk knows it is in that language.
struct Language {
    code: &'static str,
    sign_in: &'static str,
    accounts: &'static str,
    cards: &'static str,
    editor: &'static str,
    tokens: &'static str,
    activity: &'static str,
    events: &'static str,
    cardholders: &'static str,
    new_cardholder: &'static str,
}

const ENGLISH: Language = Language {
    code: "en",
    sign_in: "Sign in",
    accounts: "Connected accounts",
    cards: "Cards",
    editor: "Edit spending controls",
    tokens: "Shared payment tokens",
    activity: "Activity on",
    events: "Webhook events",
    cardholders: "Cardholders",
    new_cardholder: "New cardholder",
};

const JAPANESE: Language = Language {
    code: "ja",
    sign_in: "サインイン",
    accounts: "連結アカウント",
    cards: "カード",
    editor: "利用制限を編集",
    tokens: "共有支払いトークン",
    activity: "の操作履歴",
    events: "Webhook イベント",
    cardholders: "カード保有者",
    new_cardholder: "新しいカード保有者",
};

#[tokio::test]
async fn every_page_has_no_serious_or_critical_accessibility_violations_in_english() {
    walk(&ENGLISH).await;
}

#[tokio::test]
async fn every_page_has_no_serious_or_critical_accessibility_violations_in_japanese() {
    walk(&JAPANESE).await;
}

/// Checks the page is in `lang`, then runs axe and keeps a screenshot.
async fn check(browser: &Browser, lang: &Language, page: &str, heading: &str, needle: &str) {
    browser.wait_text(heading, needle).await;
    let shell = browser
        .js("const s = document.querySelector('.ia-shell'); return s && s.getAttribute('lang');")
        .await;
    assert_eq!(
        shell, lang.code,
        "{page}: the panel says it is in {}",
        lang.code
    );
    audit(browser, lang, page).await;
}

/// axe on the page as it is, and a screenshot.
async fn audit(browser: &Browser, lang: &Language, page: &str) {
    browser
        .assert_accessible(&format!("{page} ({})", lang.code))
        .await;
    browser
        .screenshot(&format!("a11y-{}-{page}", lang.code))
        .await;
}

/// Picks `code` in the header's language switch.
async fn switch_to(browser: &Browser, code: &str) {
    browser
        .wait_for("select.ia-language")
        .await
        .select_by_value(code)
        .await
        .unwrap();
}

async fn walk(lang: &Language) {
    let server = start_server().await;
    let browser = Browser::launch().await;
    let base = server.url();

    browser.goto(&format!("{base}/")).await;
    browser.wait_for("[data-operator=op_aiko]").await;
    // The standalone panel remembers the choice: every page below opens in it.
    switch_to(&browser, lang.code).await;
    check(&browser, lang, "sign-in", "h1", lang.sign_in).await;
    browser.click("[data-operator=op_aiko]").await;

    browser.wait_for("tr[data-account]").await;
    check(&browser, lang, "accounts", "h1", lang.accounts).await;

    browser
        .click(&format!("tr[data-account={ACCOUNT}] a"))
        .await;
    browser.wait_for("tbody tr[data-card]").await;
    check(&browser, lang, "cards", "h1", lang.cards).await;

    browser.click("tbody tr[data-card] a.ia-row-link").await;
    browser.wait_for(".ia-facts").await;
    // Stripe's component is started in the panel's language, and follows a switch (its
    // `update`), without a remount.
    let frame_in = |code: &str| {
        format!(
            "const f = document.querySelector('stripe-connect-issuing-card iframe'); return !!f && f.src.includes('locale={code}');"
        )
    };
    browser
        .wait_js(
            "the Stripe frame in the panel's language",
            &frame_in(lang.code),
        )
        .await;
    let other = if lang.code == "en" { "ja" } else { "en" };
    switch_to(&browser, other).await;
    browser
        .wait_js("the Stripe frame follows the switch", &frame_in(other))
        .await;
    switch_to(&browser, lang.code).await;
    browser
        .wait_js("the Stripe frame follows it back", &frame_in(lang.code))
        .await;

    // The cancel dialog is modal: focus moves into it, Escape closes it, focus comes back.
    browser.click("[data-action=cancel]").await;
    browser
        .wait_js(
            "the dialog open",
            "return !!document.querySelector('dialog[open]');",
        )
        .await;
    browser
        .assert_accessible(&format!("cancel dialog ({})", lang.code))
        .await;
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
    check(
        &browser,
        lang,
        "card-editor",
        ".ia-editor-form h2",
        lang.editor,
    )
    .await;

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
    check(&browser, lang, "tokens", "h1", lang.tokens).await;

    // The grant above is in the account's activity.
    browser
        .goto(&format!("{base}/accounts/{ACCOUNT}/activity"))
        .await;
    browser
        .wait_for("[data-entry][data-kind=token_grant]")
        .await;
    check(&browser, lang, "activity", "h1", lang.activity).await;

    // Cardholders, with the new-cardholder form open and a field in error.
    browser
        .goto(&format!("{base}/accounts/{ACCOUNT}/cardholders"))
        .await;
    browser.wait_for("tr[data-cardholder]").await;
    check(&browser, lang, "cardholders", "h1", lang.cardholders).await;
    browser.click("[data-action=new-cardholder]").await;
    browser.click("[data-action=save-cardholder]").await;
    browser
        .wait_for("input[name=name][aria-invalid=true]")
        .await;
    check(
        &browser,
        lang,
        "cardholder-form",
        "form[data-form=cardholder] h2",
        lang.new_cardholder,
    )
    .await;

    browser.goto(&format!("{base}/events")).await;
    browser.wait_for(".ia-feed-status[data-status=live]").await;
    check(&browser, lang, "events", "h1", lang.events).await;

    // The host page sets its own language option (`?lang=`).
    browser
        .goto(&format!("{base}/host/?lang={}", lang.code))
        .await;
    browser
        .wait_js(
            "the embedded panel",
            "const r = document.getElementById('panel').shadowRoot; return !!(r && r.querySelector('tr[data-account]'));",
        )
        .await;
    let heading = browser
        .js("return document.getElementById('panel').shadowRoot.querySelector('h1').textContent;")
        .await;
    assert_eq!(
        heading, lang.accounts,
        "the embedded panel speaks the host's language"
    );
    audit(&browser, lang, "host-page").await;
    // Every page above ran under its Content-Security-Policy without breaking it.
    assert_no_policy_violations(&server).await;
    browser.close().await;
}
