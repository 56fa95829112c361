//! An operator finds a card among an account's cards and opens it.

use e2e::{start_server, Browser};
use fantoccini::Locator;

#[tokio::test]
async fn filter_the_euro_accounts_cards_and_open_one() {
    let server = start_server().await;
    let browser = Browser::launch().await;
    browser.sign_in(&server, "op_aiko").await;

    // Pick the euro-area account from the accounts list.
    browser
        .wait_for("tr[data-account=acct_1SbxDESakuraLg] a")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for("tbody tr[data-card]").await;

    // Filter to active virtual cards; the URL carries the filters.
    for (name, value) in [("status", "active"), ("type", "virtual")] {
        let select = browser.wait_for(&format!("select[name={name}]")).await;
        select.select_by_value(value).await.unwrap();
    }
    let client = &browser.client;
    client
        .wait()
        .at_most(std::time::Duration::from_secs(30))
        .for_url(&url_with(
            &server.url(),
            "/accounts/acct_1SbxDESakuraLg/cards?status=active&type=virtual",
        ))
        .await
        .unwrap_or_else(|e| panic!("the URL never carried both filters: {e}"));
    browser.wait_for("tbody tr[data-card]").await;
    let badges = client
        .find_all(Locator::Css("tbody [data-status]"))
        .await
        .unwrap();
    assert!(!badges.is_empty());
    for badge in &badges {
        assert_eq!(
            badge.attr("data-status").await.unwrap().as_deref(),
            Some("active")
        );
    }
    // The Type column (after the cardholder, card and brand) says Virtual on every row.
    for cell in client
        .find_all(Locator::Css("tbody tr td:nth-child(4)"))
        .await
        .unwrap()
    {
        assert_eq!(cell.text().await.unwrap(), "Virtual");
    }
    assert!(
        browser.text().await.contains('€'),
        "limits are shown in euros"
    );
    browser.screenshot("cards-euro-active-virtual").await;

    // Open the first card with the keyboard's route: its link.
    let first = browser.wait_for("tbody tr[data-card] a.ia-row-link").await;
    first.click().await.unwrap();
    browser.wait_for(".ia-facts").await;
    let text = browser.text().await;
    assert!(text.contains("Spending controls"), "{text}");
    assert!(text.contains("EUR"));
    browser.screenshot("card-detail").await;

    // Freeze, reload to see it persisted, unfreeze.
    browser
        .wait_for("[data-action=freeze]")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for(".ia-facts [data-status=inactive]").await;
    client.refresh().await.unwrap();
    browser.wait_for(".ia-facts [data-status=inactive]").await;
    browser.screenshot("card-frozen").await;
    browser
        .wait_for("[data-action=unfreeze]")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for(".ia-facts [data-status=active]").await;

    // Cancel asks first, and says it cannot be undone; keeping the card changes nothing.
    browser
        .wait_for("[data-action=cancel]")
        .await
        .click()
        .await
        .unwrap();
    let dialog = browser.wait_for("dialog[open]").await;
    assert!(dialog.text().await.unwrap().contains("cannot be undone"));
    browser.screenshot("cancel-dialog").await;
    browser
        .wait_for("[data-action=keep]")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for(".ia-facts [data-status=active]").await;

    // A reload of the detail page shows the same card.
    client.refresh().await.unwrap();
    browser.wait_for(".ia-facts [data-status=active]").await;
    browser.close().await;
}

fn url_with(base: &str, path: &str) -> url::Url {
    url::Url::parse(&format!("{base}{path}")).unwrap()
}
