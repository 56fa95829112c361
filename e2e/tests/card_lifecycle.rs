//! An operator's whole card lifecycle in a real browser: a cardholder with a Japanese name, a
//! physical card issued, shipped, delivered and replaced as lost, both cards found by the
//! cardholder's name, thirty cards frozen at once, and the list exported.

use e2e::{start_server, Api, Browser};

const US: &str = "acct_1SbxUSNorthwnd";

#[tokio::test]
async fn a_cardholder_gets_a_card_shipped_replaced_and_thirty_more_frozen_at_once() {
    let server = start_server().await;
    let browser = Browser::launch().await;
    browser.sign_in(&server, "op_aiko").await;
    let base = server.url();

    // A cardholder whose name on the card is Japanese, with their legal name in Latin letters.
    browser
        .goto(&format!("{base}/accounts/{US}/cardholders"))
        .await;
    browser.click("[data-action=new-cardholder]").await;
    for (field, text) in [
        ("name", "山田 太郎"),
        ("individual[first_name]", "Taro"),
        ("individual[last_name]", "Yamada"),
        ("email", "taro.yamada@example.jp"),
        ("phone_number", "+1 415 555 0123"),
        ("billing[address][line1]", "1 Market Street"),
        ("billing[address][city]", "San Francisco"),
        ("billing[address][state]", "CA"),
        ("billing[address][postal_code]", "94105"),
    ] {
        browser
            .type_into(&format!("input[name='{field}']"), text)
            .await;
    }
    browser.screenshot("cardholder-form").await;
    browser.click("[data-action=save-cardholder]").await;
    browser.wait_text("#cardholder-title", "山田 太郎").await;
    let holder_url = browser.client.current_url().await.unwrap();
    let holder = holder_url.path().rsplit('/').next().unwrap().to_owned();
    assert!(holder.starts_with("ich_"), "{holder}");
    browser.assert_accessible("cardholder").await;

    // A physical card, shipped to the billing address, then shipped and delivered.
    browser.click("[data-action=issue-card]").await;
    browser.click("input[name=type][value=physical]").await;
    browser.wait_for("input[name='shipping[name]']").await;
    browser.click("[data-action=confirm-issue]").await;
    browser
        .wait_for(".ia-timeline [data-step=pending][data-state=current]")
        .await;
    let first = card_in_url(&browser).await;
    browser.click("[data-shipping=ship]:not([disabled])").await;
    browser
        .wait_for(".ia-timeline [data-step=shipped][data-state=current]")
        .await;
    browser
        .click("[data-shipping=deliver]:not([disabled])")
        .await;
    browser
        .wait_for(".ia-timeline [data-step=delivered][data-state=current]")
        .await;
    browser.screenshot("card-delivered").await;

    // Lost: replaced, and the new card says which one it replaces.
    browser.click("[data-action=replace-card]").await;
    browser.wait_for("select[name=replacement_reason]").await;
    browser.click("[data-action=confirm-issue]").await;
    browser.wait_text("[data-fact=replaces]", &first).await;
    let second = card_in_url(&browser).await;
    assert_ne!(first, second);
    browser
        .goto(&format!("{base}/accounts/{US}/cards/{first}"))
        .await;
    browser.wait_text("[data-fact=replaced-by]", &second).await;
    browser.wait_for(".ia-facts [data-status=canceled]").await;

    // Both found by part of the cardholder's name.
    browser.goto(&format!("{base}/accounts/{US}/cards")).await;
    browser
        .type_into("input[name=cardholder_name]", "太郎")
        .await;
    browser.click(".ia-filters button[type=submit]").await;
    browser
        .wait_js(
            "both of their cards are listed",
            "return document.querySelectorAll('tbody tr[data-card]').length === 2",
        )
        .await;
    for card in [&first, &second] {
        browser
            .wait_for(&format!("tbody tr[data-card='{card}']"))
            .await;
    }
    // Ticking a row (where a click lands, over the row's link) selects it, not opens it.
    let list_url = browser.client.current_url().await.unwrap();
    browser
        .click(&format!("tbody tr[data-card='{first}'] input[name=select]"))
        .await;
    browser
        .wait_text("[data-bulk=bar] [role=status]", "1 card selected")
        .await;
    assert_eq!(browser.client.current_url().await.unwrap(), list_url);

    // Thirty more active cards, frozen at once from the list.
    let api = Api::sign_in(&server, "op_aiko").await;
    for _ in 0..30 {
        api.post(
            &format!("/accounts/{US}/cards"),
            serde_json::json!({
                "cardholder": holder, "currency": "usd", "type": "virtual", "status": "active"
            }),
        )
        .await;
    }
    let name = "%E5%A4%AA%E9%83%8E";
    browser
        .goto(&format!(
            "{base}/accounts/{US}/cards?status=active&cardholder_name={name}"
        ))
        .await;
    browser.click("input[name=select_page]").await;
    browser
        .wait_text("[data-bulk=bar] [role=status]", "25 cards selected")
        .await;
    browser.click("[data-action=select-all-matching]").await;
    browser.click("[data-bulk=freeze]").await;
    let summary = browser.wait_text("[data-bulk=summary]", "changed").await;
    assert_eq!(summary, "Done: 30 changed.");
    browser.screenshot("thirty-frozen").await;
    let still_active = api
        .get(&format!(
            "/accounts/{US}/cards?status=active&cardholder={holder}&limit=100"
        ))
        .await;
    assert_eq!(still_active["data"].as_array().unwrap().len(), 0);
    let audit = api
        .get(&format!("/audit?account={US}&kind=card_status&limit=100"))
        .await;
    assert_eq!(
        audit["data"].as_array().unwrap().len(),
        30,
        "one entry per card frozen"
    );

    // The list, every page of it, as a spreadsheet reads it.
    browser
        .goto(&format!(
            "{base}/accounts/{US}/cards?cardholder_name={name}"
        ))
        .await;
    browser.wait_for("tbody tr[data-card]").await;
    browser.click("[data-action=export-cards]").await;
    let (file, bytes) = browser.downloaded("cards-").await;
    assert!(file.ends_with(".csv"), "{file}");
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 with a BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 32, "a header and all 32 cards:\n{text}");
    assert!(lines[1..].iter().all(|l| l.contains("山田 太郎")));
    assert_eq!(
        lines.iter().filter(|l| l.contains(",Frozen,")).count(),
        31,
        "thirty frozen, and the inactive replacement:\n{text}"
    );
    browser.close().await;
}

/// The card id at the end of the page's URL.
async fn card_in_url(browser: &Browser) -> String {
    let url = browser.client.current_url().await.unwrap();
    let id = url.path().rsplit('/').next().unwrap().to_owned();
    assert!(id.starts_with("ic_"), "{url}");
    id
}
