//! The audit trail end to end, in each language: a limit changed in the editor and the card
//! frozen on its page; both in the card's History and on the account's Activity page; the
//! Activity exported as CSV and read back from the browser's downloads. Screenshots of both.

use e2e::{start_server, Browser};
use stripe_sandbox::EURO_ACCOUNT;

struct Words {
    code: &'static str,
    /// The nth active card of the account, so the languages never share one.
    card: usize,
    limit: &'static str,
    frozen: &'static str,
    changed: &'static str,
    header: &'static str,
}

const ENGLISH: Words = Words {
    code: "en",
    card: 4,
    limit: "€75.00 per day",
    frozen: "Status: Active → Frozen",
    changed: "Changed the spending controls",
    header: "When,Operator,Operator id,Account,Kind,Object,Change,Before,After,Outcome",
};

const JAPANESE: Words = Words {
    code: "ja",
    card: 5,
    limit: "1日あたり €75.00",
    frozen: "状態：有効 → 凍結中",
    changed: "利用制限を変更",
    header: "日時,オペレーター,オペレーター ID,アカウント,種類,対象,変更内容,変更前,変更後,結果",
};

#[tokio::test]
async fn history_activity_and_export_in_english() {
    the_trail(&ENGLISH).await;
}

#[tokio::test]
async fn history_activity_and_export_in_japanese() {
    the_trail(&JAPANESE).await;
}

async fn the_trail(words: &Words) {
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
    let card = browser
        .js("return location.pathname.split('/').pop();")
        .await;
    let card = card.as_str().unwrap().to_owned();

    // A limit added in the editor, then the card frozen.
    browser.click("[data-action=edit-controls]").await;
    browser.click("[data-action=add-limit]").await;
    browser
        .type_into(".ia-limit:last-of-type input[name=amount]", "75")
        .await;
    browser
        .wait_for(".ia-limit:last-of-type select[name=interval]")
        .await
        .select_by_value("daily")
        .await
        .unwrap();
    browser.click("[data-action=save]").await;
    browser.wait_for(".ia-outcome .ia-confirmation").await;
    browser.click("[data-action=freeze]").await;
    browser.wait_for(".ia-facts [data-status=inactive]").await;

    // Both in the card's History, newest first, in the editor's words.
    let frozen = ".ia-history tbody tr:nth-child(1) [data-field=summary]";
    browser.wait_text(frozen, words.frozen).await;
    let controls = ".ia-history tbody tr:nth-child(2)";
    browser.wait_text(controls, words.changed).await;
    browser
        .wait_text(
            &format!("{controls} [data-field=spending_limits] ins"),
            words.limit,
        )
        .await;
    browser.scroll_to(".ia-history").await;
    browser.screenshot(&format!("history-{}", words.code)).await;

    // And on the account's Activity page.
    browser.click(".ia-history [data-link=activity]").await;
    browser
        .wait_text(
            "[data-entry][data-kind=card_status] [data-field=summary]",
            words.frozen,
        )
        .await;
    browser
        .wait_text(
            "[data-entry][data-kind=card_spending_controls]",
            words.limit,
        )
        .await;
    browser
        .screenshot(&format!("activity-{}", words.code))
        .await;

    // Exported, as the browser saves it.
    browser.click("[data-action=export]").await;
    let (name, bytes) = browser.downloaded("activity-").await;
    assert!(name.ends_with(".csv"), "{name}");
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 with a BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with(words.header), "{}", lines[0]);
    assert_eq!(lines.len(), 3, "the header and the two changes:\n{text}");
    assert!(
        lines[1].contains(words.frozen) && lines[1].contains(&card),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains(words.limit) && lines[2].contains(&card),
        "{}",
        lines[2]
    );
    browser.close().await;
}
