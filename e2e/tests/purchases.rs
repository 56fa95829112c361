//! The spending-controls loop, in a real browser, in each language: a €50 daily limit set in
//! the editor; a €30 purchase simulated (approved) and again (declined, the limit named); both
//! in Purchases and the bar at €30.00 of €50.00; then, in the editor, the limit raised to €100
//! and the what-if saying the decline would have passed. Screenshots of each language.

use e2e::{start_server, Browser};
use fantoccini::Locator;
use stripe_sandbox::EURO_ACCOUNT;

/// What the page says at each step, in one language.
struct Words {
    code: &'static str,
    /// The nth active card of the account, so the languages never share one.
    card: usize,
    nothing_spent: &'static str,
    approved: &'static str,
    declined: &'static str,
    spent: &'static str,
    left: &'static str,
    would_pass: &'static str,
}

const ENGLISH: Words = Words {
    code: "en",
    card: 1,
    nothing_spent: "€0.00 of €50.00 today",
    approved: "Approved: €30.00 at Café Zentral",
    declined: "Declined: over the card's limit of €50.00 per day (€30.00 already spent)",
    spent: "€30.00 of €50.00 today",
    left: "€20.00 left",
    would_pass: "Of 2 purchases, it would have let through 1 declined purchase.",
};

const JAPANESE: Words = Words {
    code: "ja",
    card: 2,
    nothing_spent: "本日 €50.00 のうち €0.00",
    approved: "承認：Café Zentral で €30.00",
    declined: "拒否：カードの上限（1日あたり €50.00）を超えます（使用済み €30.00）",
    spent: "本日 €50.00 のうち €30.00",
    left: "残り €20.00",
    would_pass: "2 件の利用のうち、拒否された 1 件が承認されます。",
};

const DAILY_SPENT: &str = "[data-owner=card] [data-limit=daily] [data-field=spent]";
const DAILY_LEFT: &str = "[data-owner=card] [data-limit=daily] [data-field=left]";

#[tokio::test]
async fn limit_purchases_and_what_if_in_english() {
    the_loop(&ENGLISH).await;
}

#[tokio::test]
async fn limit_purchases_and_what_if_in_japanese() {
    the_loop(&JAPANESE).await;
}

async fn the_loop(words: &Words) {
    let server = start_server().await;
    let browser = Browser::launch().await;
    browser.sign_in(&server, "op_aiko").await;
    browser.wait_for("tr[data-account]").await;
    browser
        .wait_for("select.ia-language")
        .await
        .select_by_value(words.code)
        .await
        .unwrap();
    browser
        .goto(&format!(
            "{}/accounts/{EURO_ACCOUNT}/cards?status=active",
            server.url()
        ))
        .await;
    browser
        .click(&format!(
            "tbody tr[data-card]:nth-child({}) a.ia-row-link",
            words.card
        ))
        .await;
    browser.wait_for(".ia-facts").await;

    only_a_daily_limit_of_50(&browser).await;
    browser.wait_text(DAILY_SPENT, words.nothing_spent).await;

    browser.click(".ia-simulator > summary").await;
    browser.type_into("#sim-amount", "30").await;
    browser.type_into("#sim-merchant", "Café Zentral").await;
    browser.click("[data-action=simulate]").await;
    let approved = browser
        .wait_text("[data-outcome=approved]", words.approved)
        .await;
    assert_eq!(approved, words.approved);
    browser.wait_text(DAILY_SPENT, words.spent).await;
    browser.click("[data-action=simulate]").await;
    let declined = browser
        .wait_text("[data-outcome=declined]", words.declined)
        .await;
    assert_eq!(declined, words.declined);

    // Both in Purchases, newest first, and a decline adds nothing to the bar.
    let newest = "[data-table=purchases] tbody tr:nth-child(1) [data-field=result]";
    assert_eq!(
        browser.wait_text(newest, words.declined).await,
        words.declined
    );
    let before = "[data-table=purchases] tbody tr:nth-child(2) [data-field=result]";
    let approved_words = words.approved.split(['：', ':']).next().unwrap();
    browser.wait_text(before, approved_words).await;
    assert_eq!(
        browser.wait_text(DAILY_SPENT, words.spent).await,
        words.spent
    );
    assert_eq!(browser.wait_text(DAILY_LEFT, words.left).await, words.left);
    browser.scroll_to(".ia-purchases").await;
    browser
        .screenshot(&format!("purchases-{}", words.code))
        .await;

    // The what-if: raised to €100, the draft would have let the decline through.
    browser.click("[data-action=edit-controls]").await;
    browser
        .type_into(".ia-limit:first-of-type input[name=amount]", "100")
        .await;
    let summary = browser
        .wait_text("[data-field=what-if-summary]", words.would_pass)
        .await;
    assert_eq!(summary, words.would_pass);
    let passed = browser
        .wait_for("[data-change=approved] li[data-authorization]")
        .await
        .text()
        .await
        .unwrap();
    assert!(passed.contains("€30.00"), "{passed}");
    browser.scroll_to("[data-what-if]").await;
    browser.screenshot(&format!("what-if-{}", words.code)).await;
    browser.close().await;
}

/// The editor, emptied of every limit and list, given one limit of €50 a day, and saved.
async fn only_a_daily_limit_of_50(browser: &Browser) {
    browser.click("[data-action=edit-controls]").await;
    browser.wait_for(".ia-editor-form").await;
    for remove in [
        ".ia-editor-form [data-action=remove-limit]",
        ".ia-editor-form .ia-chip-remove",
    ] {
        while browser.client.find(Locator::Css(remove)).await.is_ok() {
            browser.click(remove).await;
        }
    }
    browser.click("[data-action=add-limit]").await;
    browser
        .type_into(".ia-limit:last-of-type input[name=amount]", "50")
        .await;
    browser
        .wait_for(".ia-limit:last-of-type select[name=interval]")
        .await
        .select_by_value("daily")
        .await
        .unwrap();
    browser.click("[data-action=save]").await;
    browser.wait_for(".ia-outcome .ia-confirmation").await;
}
