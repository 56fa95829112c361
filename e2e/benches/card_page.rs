//! How long the card page takes to show a card with 100 purchases: from the page's start to
//! its Purchases list (the newest page) and its Spending (counted over all 100) on screen; then
//! opening the spending-controls editor and typing into its category search. In
//! Debian's Chromium, against the real server and sandbox. Prints figures; asserts nothing
//! about time. `cargo xtask bench` runs it (after building the panel).

use e2e::{start_server, Api, Browser};
use stripe_sandbox::EURO_ACCOUNT;

const PURCHASES: usize = 100;
const ROUNDS: usize = 5;

#[tokio::main]
async fn main() {
    let server = start_server().await;
    let api = Api::sign_in(&server, "op_aiko").await;
    let cards = api
        .get(&format!(
            "/accounts/{EURO_ACCOUNT}/cards?status=active&limit=1"
        ))
        .await;
    let card = cards["data"][0]["id"]
        .as_str()
        .expect("an active card")
        .to_owned();
    // One limit, so Spending has a bar to count; high enough that every purchase is approved.
    let limit = serde_json::json!({ "spending_controls": { "spending_limits": [
        { "amount": 10_000_000, "interval": "monthly" } ] } });
    api.post(&format!("/accounts/{EURO_ACCOUNT}/cards/{card}"), limit)
        .await;
    for i in 0..PURCHASES {
        let purchase = serde_json::json!({
            "amount": 500 + (i as i64 % 9) * 125, "category": "bakeries", "country": "DE",
            "card_present": i % 2 == 0, "merchant_name": format!("Bäckerei {i}"),
            "capture": i % 3 == 0,
        });
        api.post(
            &format!("/accounts/{EURO_ACCOUNT}/cards/{card}/purchases"),
            purchase,
        )
        .await;
    }

    let browser = Browser::launch().await;
    browser.sign_in(&server, "op_aiko").await;
    browser.wait_for("tr[data-account]").await;
    let page = format!("{}/accounts/{EURO_ACCOUNT}/cards/{card}", server.url());
    let (mut editor, mut search) = (Vec::new(), Vec::new());
    let mut times = Vec::new();
    for _ in 0..ROUNDS {
        browser.goto(&page).await;
        // From the navigation's start (the browser's own clock) to both sections drawn,
        // looked for at every frame.
        let shown = browser
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const look = () => {
                     const rows = document.querySelectorAll('[data-table=purchases] tbody tr').length;
                     const bar = document.querySelector('[data-limit=monthly] [data-field=spent]');
                     if (rows > 0 && bar) { done(performance.now()); } else { requestAnimationFrame(look); }
                 };
                 look();",
                Vec::new(),
            )
            .await
            .expect("the page shows its purchases");
        times.push(shown.as_f64().expect("a time"));
        // Opening the spending-controls editor, then typing into its category search until
        // the list is narrowed to the bakeries.
        editor.push(
            browser
                .time_until(
                    "document.querySelector('[data-action=edit-controls]').click();",
                    "document.querySelector('.ia-editor-form')",
                )
                .await,
        );
        search.push(
            browser.time_until(
                &format!(
                    "const box = document.querySelector('{SEARCH}');
                     box.value = 'bake';
                     box.dispatchEvent(new Event('input', {{ bubbles: true }}));"
                ),
                "document.querySelector('[data-field=blocked_categories] [role=option]:first-child[data-value=bakeries]')",
            )
            .await,
        );
    }
    let rows = browser
        .js("return document.querySelectorAll('[data-table=purchases] tbody tr').length;")
        .await;
    times.sort_by(f64::total_cmp);
    println!(
        "card page with {PURCHASES} purchases: shown in {:.0} ms median ({:.0}–{:.0} ms over {ROUNDS} loads; {rows} rows listed, spend counted over all {PURCHASES})",
        times[ROUNDS / 2],
        times[0],
        times[ROUNDS - 1]
    );
    for (what, mut times) in [
        ("opening the controls editor", editor),
        ("typing into its category search", search),
    ] {
        times.sort_by(f64::total_cmp);
        println!(
            "{what}: {:.1} ms median ({:.1}–{:.1} ms over {ROUNDS})",
            times[ROUNDS / 2],
            times[0],
            times[ROUNDS - 1]
        );
    }
    browser.close().await;
}

/// The blocked-categories search box of the controls editor.
const SEARCH: &str = "[data-field=blocked_categories] input[role=combobox]";
