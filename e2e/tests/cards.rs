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
        .click("tr[data-account=acct_1SbxDESakuraLg] a")
        .await;
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
    // The Type column says Virtual on every row.
    for cell in client
        .find_all(Locator::Css("tbody tr td[data-column=type]"))
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

    // The whole row opens the card: at its Type cell, far from the cardholder's name, what a
    // click reaches is the row's link.
    browser.scroll_to("tbody tr[data-card]:first-child").await;
    let at_cell = browser
        .js(
            "const td = document.querySelector('tbody tr[data-card]:first-child td[data-column=type]');
             const r = td.getBoundingClientRect();
             const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
             return hit.closest('a.ia-row-link') === td.closest('tr').querySelector('a.ia-row-link');",
        )
        .await;
    assert_eq!(at_cell, true, "a click on the row's cell opens its card");
    browser
        .click("tbody tr[data-card]:first-child a.ia-row-link")
        .await;
    browser.wait_for(".ia-facts").await;
    let text = browser.text().await;
    assert!(text.contains("Spending controls"), "{text}");
    assert!(text.contains("EUR"));
    browser.screenshot("card-detail").await;

    set_a_daily_limit_and_block_a_category(&browser).await;
    an_invalid_amount_is_refused_and_nothing_is_saved(&browser).await;

    // Freeze, reload to see it persisted, unfreeze.
    browser.click("[data-action=freeze]").await;
    browser.wait_for(".ia-facts [data-status=inactive]").await;
    client.refresh().await.unwrap();
    browser.wait_for(".ia-facts [data-status=inactive]").await;
    browser.screenshot("card-frozen").await;
    browser.click("[data-action=unfreeze]").await;
    browser.wait_for(".ia-facts [data-status=active]").await;

    // Cancel asks first, and says it cannot be undone; keeping the card changes nothing.
    browser.click("[data-action=cancel]").await;
    let dialog = browser.wait_for("dialog[open]").await;
    assert!(dialog.text().await.unwrap().contains("cannot be undone"));
    browser.screenshot("cancel-dialog").await;
    browser.click("[data-action=keep]").await;
    browser.wait_for(".ia-facts [data-status=active]").await;

    // A reload of the detail page shows the same card.
    client.refresh().await.unwrap();
    browser.wait_for(".ia-facts [data-status=active]").await;
    browser.close().await;
}

/// €500 a day and no pawn shops, saved, then seen again after a reload.
async fn set_a_daily_limit_and_block_a_category(browser: &Browser) {
    let client = &browser.client;
    browser.click("[data-action=edit-controls]").await;
    browser.click("[data-action=add-limit]").await;
    let amount = browser
        .wait_for(".ia-limit:last-of-type input[name=amount]")
        .await;
    amount.send_keys("500").await.unwrap();
    browser
        .wait_for(".ia-limit:last-of-type select[name=interval]")
        .await
        .select_by_value("daily")
        .await
        .unwrap();
    let search = browser
        .wait_for("[data-field=blocked_categories] input[role=combobox]")
        .await;
    search.click().await.unwrap();
    search.send_keys("pawn").await.unwrap();
    browser
        .click(
            // First among the matches: the list has narrowed to the search.
            "[data-field=blocked_categories] [role=option]:first-child[data-value=pawn_shops]",
        )
        .await;
    browser
        .wait_for("[data-field=blocked_categories] .ia-chip[data-value=pawn_shops]")
        .await;
    // The review says what will change before anything is sent.
    let review = browser.wait_for(".ia-diff").await.text().await.unwrap();
    assert!(review.contains("€500.00 per day"), "{review}");
    assert!(review.contains("Pawn shops"), "{review}");
    browser.scroll_to(".ia-diff").await;
    browser.screenshot("controls-editor-review").await;

    browser.click("[data-action=save]").await;
    browser.wait_for(".ia-outcome .ia-confirmation").await;
    client.refresh().await.unwrap();
    let controls = browser.wait_for(".ia-controls").await.text().await.unwrap();
    assert!(controls.contains("€500.00 per day"), "{controls}");
    let blocked = controls
        .lines()
        .find(|l| l.starts_with("Blocked categories:"))
        .unwrap_or_default();
    assert!(blocked.contains("Pawn shops"), "{controls}");
    browser.screenshot("controls-saved").await;
}

/// A limit of "5O0" (a letter O) is marked at its field, cannot be saved, and a reload shows
/// the controls as they were.
async fn an_invalid_amount_is_refused_and_nothing_is_saved(browser: &Browser) {
    let before = browser.wait_for(".ia-controls").await.text().await.unwrap();
    browser.click("[data-action=edit-controls]").await;
    browser.click("[data-action=add-limit]").await;
    browser
        .wait_for(".ia-limit:last-of-type input[name=amount]")
        .await
        .send_keys("5O0")
        .await
        .unwrap();
    let error = browser
        .wait_for(".ia-limit:last-of-type .ia-field-error")
        .await
        .text()
        .await
        .unwrap();
    assert!(error.contains("as a number"), "{error}");
    let save = browser.wait_for("[data-action=save]").await;
    assert!(
        save.attr("disabled").await.unwrap().is_some(),
        "an invalid form cannot be saved"
    );
    browser
        .scroll_to(".ia-limit:last-of-type input[name=amount]")
        .await;
    browser.screenshot("controls-invalid-amount").await;
    // Enter in the field does not submit it either.
    browser
        .wait_for(".ia-limit:last-of-type input[name=amount]")
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    browser.click("[data-action=discard]").await;
    browser.client.refresh().await.unwrap();
    let after = browser.wait_for(".ia-controls").await.text().await.unwrap();
    assert_eq!(after, before, "nothing was saved");
}

fn url_with(base: &str, path: &str) -> url::Url {
    url::Url::parse(&format!("{base}{path}")).unwrap()
}
