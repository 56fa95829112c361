//! English and Japanese: the language comes from the option, then the browser; the header's
//! switch rewords the panel in place, with no reload and nothing lost (an open editor keeps
//! its draft and its errors, now in the other language); the host page's `<html lang>` and
//! cookies are left alone.

mod support;

use issuing_admin::i18n::{self, Locale};
use issuing_admin::Panel;
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::editor::*;
use support::{input, live_api, open_as, text_of, type_into, wait_for, wait_text};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Picks `value` in the header's language switch, as a person would.
fn switch_to(root: &web_sys::HtmlElement, value: &str) {
    support::choose(root, "select.ia-language", value);
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// `document.cookie` (read by reflection: web-sys binds it on `HtmlDocument`, a feature the
/// panel does not need).
fn cookies() -> String {
    js_sys::Reflect::get(&document(), &"cookie".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

fn shell_lang(root: &web_sys::HtmlElement) -> Option<String> {
    root.query_selector(".ia-shell")
        .unwrap()
        .and_then(|s| s.get_attribute("lang"))
}

#[wasm_bindgen_test]
fn the_option_decides_then_the_browser_then_english() {
    assert_eq!(i18n::choose(Some("ja")), Locale::Ja);
    assert_eq!(i18n::choose(Some("ja-JP")), Locale::Ja);
    assert_eq!(i18n::choose(Some("en-GB")), Locale::En);
    // Not one of ours: the browser's first language we speak, else English.
    let browser = web_sys::window()
        .unwrap()
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .find_map(|tag| i18n::parse(&tag))
        .unwrap_or(Locale::En);
    assert_eq!(i18n::choose(Some("fr-FR")), browser);
    assert_eq!(i18n::choose(None), browser);
    assert_eq!(i18n::parse("JA_jp"), Some(Locale::Ja));
    assert_eq!(i18n::parse("de"), None);
}

#[wasm_bindgen_test]
async fn a_panel_started_in_japanese_speaks_it_and_leaves_the_host_page_alone() {
    let html_lang = document().document_element().unwrap().get_attribute("lang");
    let cookies_before = cookies();
    let root = open_as("op_aiko", "/accounts").await;
    let _mounted = mount_to(
        root.clone(),
        || view! { <Panel server=live_api() locale=Some("ja".to_owned()) /> },
    );
    wait_for(&root, "tr[data-account]").await;
    assert_eq!(text_of(&root, "h1").as_deref(), Some("連結アカウント"));
    assert_eq!(
        text_of(&root, ".ia-table thead th").as_deref(),
        Some("ビジネス")
    );
    assert_eq!(shell_lang(&root).as_deref(), Some("ja"));
    assert_eq!(
        text_of(&root, "select.ia-language option:checked").as_deref(),
        Some("日本語")
    );
    // The panel's language is its own: the host page's is untouched, and nothing is stored.
    assert_eq!(
        document().document_element().unwrap().get_attribute("lang"),
        html_lang
    );
    assert_eq!(cookies(), cookies_before);
    root.remove();
}

#[wasm_bindgen_test]
async fn switching_rewords_an_open_editor_and_keeps_its_draft() {
    let (root, _, _) = open_card("op_aiko", 5).await;
    let _mounted = mount_to(
        root.clone(),
        || view! { <Panel server=live_api() locale=Some("en".to_owned()) /> },
    );
    start_editing(&root).await;
    add_limit(&root, "12.345").await;
    let error = wait_text(&root, NEW_AMOUNT_ERROR, "at most 2 decimal places").await;
    block_category(&root, "bake", "bakeries").await;
    let chip = "[data-field=blocked_categories] .ia-chip[data-value=bakeries]";
    assert!(text_of(&root, chip).unwrap().starts_with("Bakeries"));
    let created_en = text_of(&root, ".ia-facts").unwrap();

    switch_to(&root, "ja");
    wait_text(&root, ".ia-editor-form h2", "利用制限を編集").await;
    assert_eq!(shell_lang(&root).as_deref(), Some("ja"));
    let error_ja = wait_text(&root, NEW_AMOUNT_ERROR, "小数点以下は 2 桁まで").await;
    assert_ne!(error, error_ja);
    // The draft is the operator's: the typed amount and the chosen category are still there.
    assert_eq!(input(&root, NEW_AMOUNT).value(), "12.345");
    assert!(
        text_of(&root, chip).unwrap().starts_with("パン屋"),
        "the chip is relabelled: {:?}",
        text_of(&root, chip)
    );
    assert_eq!(
        text_of(
            &root,
            ".ia-limit:last-of-type select[name=interval] option:checked"
        )
        .as_deref(),
        Some("1日あたり"),
        "a new limit is daily, now in Japanese"
    );
    let facts = text_of(&root, ".ia-facts").unwrap();
    assert!(facts.contains("作成日") && facts.contains('年'), "{facts}");
    assert_ne!(facts, created_en);
    assert_eq!(
        text_of(&root, "[data-action=save]").as_deref(),
        Some("変更を保存")
    );
    assert_eq!(
        text_of(&root, ".ia-review").as_deref(),
        Some("保存する前に 1 件の項目を直してください。")
    );

    // Back to English, still with the same draft; fixing it now works as before.
    switch_to(&root, "en");
    wait_text(&root, NEW_AMOUNT_ERROR, "at most 2 decimal places").await;
    assert_eq!(input(&root, NEW_AMOUNT).value(), "12.345");
    type_into(&root, NEW_AMOUNT, "12.34");
    wait_text(&root, ".ia-diff caption", "What saving will change").await;
    assert!(save_enabled(&root));
    // The standalone panel remembers the last choice for next time.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(
        storage.get_item("issuing-admin.locale").unwrap().as_deref(),
        Some("en")
    );
    storage.remove_item("issuing-admin.locale").unwrap();
    root.remove();
}

fn deactivated(reason: &str) -> issuing_model::Event {
    serde_json::from_value(serde_json::json!({
        "id": "evt_1", "object": "event", "api_version": null, "created": 1_795_435_509,
        "data": { "object": { "id": "spt_1", "deactivated_reason": reason } },
        "livemode": false, "type": "shared_payment.granted_token.deactivated"
    }))
    .unwrap()
}

#[wasm_bindgen_test]
fn every_token_status_in_the_feed_has_words_in_both_languages() {
    use issuing_admin::events::summary;
    for (reason, en, ja) in [
        ("consumed", "Deactivated: used up", "無効化：使い切り"),
        ("expired", "Deactivated: expired", "無効化：期限切れ"),
        (
            "revoked",
            "Deactivated: revoked by the agent",
            "無効化：エージェントが取り消し",
        ),
    ] {
        let event = deactivated(reason);
        assert_eq!(summary(&event, &i18n::EN), en);
        let japanese = summary(&event, &i18n::JA);
        assert_eq!(japanese, ja);
        assert!(!japanese.contains(reason), "no API word left: {japanese}");
    }
}

#[wasm_bindgen_test]
fn issuing_events_in_the_feed_read_in_both_languages() {
    use issuing_admin::events::summary;
    let event = |kind: &str, object: serde_json::Value, previous: serde_json::Value| {
        serde_json::from_value::<issuing_model::Event>(serde_json::json!({
            "id": "evt_3", "object": "event", "api_version": null, "created": 1_795_435_509,
            "data": { "object": object, "previous_attributes": previous },
            "livemode": false, "type": kind
        }))
        .unwrap()
    };
    let merchant = serde_json::json!({ "name": "Café Zentral", "category": "bakeries" });
    // Settled: the held amount is 0, what was asked is in the request history.
    let declined = event(
        "issuing_authorization.created",
        serde_json::json!({ "id": "iauth_1", "approved": false, "amount": 0, "currency": "eur",
            "merchant_data": merchant, "request_history": [{ "amount": 3000 }] }),
        serde_json::Value::Null,
    );
    assert_eq!(
        summary(&declined, &i18n::EN),
        "Declined €30.00 at Café Zentral"
    );
    assert_eq!(
        summary(&declined, &i18n::JA),
        "Café Zentral で €30.00 を拒否"
    );
    let refund = event(
        "issuing_transaction.created",
        serde_json::json!({ "id": "ipi_1", "type": "refund", "amount": 1250, "currency": "eur",
            "merchant_data": { "name": null } }),
        serde_json::Value::Null,
    );
    assert_eq!(
        summary(&refund, &i18n::EN),
        "Refunded €12.50 from a merchant"
    );
    let changed = event(
        "issuing_card.updated",
        serde_json::json!({ "id": "ic_1" }),
        serde_json::json!({ "spending_controls": {}, "status": "active" }),
    );
    assert_eq!(
        summary(&changed, &i18n::EN),
        "Changed: Spending controls, Status"
    );
    assert_eq!(summary(&changed, &i18n::JA), "変更：利用制限、状態");
}

#[wasm_bindgen_test]
fn a_charge_on_a_token_with_or_without_limits_reads_in_both_languages() {
    use issuing_admin::events::summary;
    let used = |limits: serde_json::Value| -> issuing_model::Event {
        serde_json::from_value(serde_json::json!({
            "id": "evt_2", "object": "event", "api_version": null, "created": 1_795_435_509,
            "data": { "object": { "id": "spt_1", "usage_limits": limits,
                "usage_details": { "amount_captured": { "currency": "eur", "value": 1250 } } } },
            "livemode": false, "type": "shared_payment.granted_token.used"
        }))
        .unwrap()
    };
    let limited =
        used(serde_json::json!({ "currency": "eur", "max_amount": 5000, "expires_at": null }));
    assert_eq!(
        summary(&limited, &i18n::EN),
        "Charged; €12.50 captured of €50.00"
    );
    // Stripe sends `usage_limits: null` where the agent set none.
    let open = used(serde_json::Value::Null);
    assert_eq!(
        summary(&open, &i18n::EN),
        "Charged; €12.50 captured (no limit)"
    );
    assert_eq!(
        summary(&open, &i18n::JA),
        "請求：€12.50 を売上確定（上限なし）"
    );
}

#[wasm_bindgen_test]
fn dates_read_the_same_in_both_languages_wherever_they_are_shown() {
    use issuing_admin::i18n::date;
    assert_eq!(date(1_767_744_000, Locale::En), "Jan 7, 2026");
    assert_eq!(date(1_795_392_000, Locale::Ja), "2026年11月23日");
}

#[wasm_bindgen_test]
fn the_feed_dates_read_like_every_other_date_of_the_panel() {
    use issuing_admin::events::local_time;
    use issuing_admin::i18n::date;
    // Midday UTC, so the date is the same in any time zone the browser runs in.
    let at = 1_795_435_509;
    let en = local_time(at, Locale::En);
    assert!(
        en.starts_with(&format!("{}, ", date(at, Locale::En))),
        "{en}"
    );
    let ja = local_time(at, Locale::Ja);
    assert!(ja.starts_with(&date(at, Locale::Ja)), "{ja}");
    assert!(!en.contains('/') && !ja.contains('/'), "{en} / {ja}");
}
