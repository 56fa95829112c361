//! Shared Payment Tokens in the built panel, with the server's webhooks from the sandbox:
//! grant ¥10,000, charge ¥3,000, watch `used` arrive in the live feed without a reload; the
//! agent revokes it, `deactivated` arrives, and a further charge is refused with a clear message.
//! Then the feed survives a server restart by reconnecting by itself.

use e2e::{start_server, start_server_on, Browser};
use issuing_server::RunningServer;
use serde_json::{json, Value};

use stripe_sandbox::EURO_ACCOUNT as ACCOUNT;

/// `POST {server}{path}` with a JSON body, as an operator if `bearer` is given; the JSON answer.
async fn post(server: &RunningServer, path: &str, bearer: Option<&str>, body: Value) -> Value {
    let mut request = reqwest::Client::new()
        .post(format!("{}{path}", server.url()))
        .json(&body);
    if let Some(token) = bearer {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    assert!(
        response.status().is_success(),
        "{path}: {}",
        response.status()
    );
    response.json().await.unwrap()
}

async fn is_disabled(browser: &Browser, css: &str) -> bool {
    browser
        .wait_for(css)
        .await
        .prop("disabled")
        .await
        .unwrap()
        .as_deref()
        == Some("true")
}

#[tokio::test]
async fn grant_charge_follow_the_events_and_be_refused_after_revoking() {
    let server = start_server().await;
    let browser = Browser::launch().await;
    browser.sign_in(&server, "op_aiko").await;
    browser.wait_for("tr[data-account]").await;
    browser
        .click(&format!("tr[data-account={ACCOUNT}] a"))
        .await;
    browser.click("a[data-link=tokens]").await;
    browser.wait_for(".ia-feed-status[data-status=live]").await;
    assert!(browser.text().await.contains("No tokens yet"));

    // Grant ¥10,000 as the agent would (JPY has no minor unit: 10000 is ¥10,000).
    browser
        .type_into("form.ia-grant input[name=max_amount]", "10000")
        .await;
    browser.click("[data-action=grant]").await;
    let row = browser.wait_for("tr[data-token]").await;
    let token = row.attr("data-token").await.unwrap().unwrap();
    assert!(token.starts_with("spt_"), "{token}");
    let row_text = row.text().await.unwrap();
    assert!(
        row_text.contains("¥10,000") && row_text.contains("Active"),
        "{row_text}"
    );
    assert!(row_text.contains("Visa •••• 4242"), "{row_text}");

    // More than is left is refused before anything is sent.
    browser
        .wait_for(&format!("form.ia-charge[data-token={token}]"))
        .await;
    browser.type_into("#charge-amount", "10001").await;
    browser
        .wait_text("#charge-amount-error", "more than what is left")
        .await;
    assert!(is_disabled(&browser, "[data-action=charge]").await);

    // Charge ¥3,000; the `used` event arrives in the feed without a reload.
    browser.type_into("#charge-amount", "3000").await;
    browser.click("[data-action=charge]").await;
    browser
        .wait_text(
            "dialog[open] [data-field=confirm]",
            "¥3,000 (3,000 Japanese yen)",
        )
        .await;
    browser.screenshot("tokens-confirm").await;
    browser.click("[data-action=confirm-charge]").await;
    browser.wait_text(".ia-outcomes", "Charged ¥3,000").await;
    let used = format!(
        ".ia-feed-item[data-type='shared_payment.granted_token.used'][data-object={token}]"
    );
    browser.wait_text(&used, "¥3,000 captured of ¥10,000").await;
    browser
        .wait_text(
            &format!("tr[data-token={token}] [data-field=left]"),
            "¥7,000",
        )
        .await;
    browser
        .wait_for(&format!("tr[data-token={token}] [data-status=used]"))
        .await;
    browser.screenshot("tokens-charged").await;

    // The agent revokes the token (sellers cannot: it is the sandbox's test helper).
    let revoke = reqwest::Client::new()
        .post(format!(
            "{}/v1/test_helpers/shared_payment/granted_tokens/{token}/revoke",
            server.sandbox_url().unwrap()
        ))
        .bearer_auth(stripe_sandbox::DEFAULT_SECRET_KEY)
        .header("Stripe-Account", ACCOUNT)
        .send()
        .await
        .unwrap();
    assert!(revoke.status().is_success());
    let deactivated = format!(
        ".ia-feed-item[data-type='shared_payment.granted_token.deactivated'][data-object={token}]"
    );
    browser
        .wait_text(&deactivated, "Deactivated: revoked")
        .await;
    browser
        .wait_for(&format!("tr[data-token={token}] [data-status=revoked]"))
        .await;

    // Nothing more can be charged: the form gives way to why, and the row offers no charge
    // and no countdown.
    let message = browser
        .wait_text(&format!(".ia-charge-closed[data-token={token}]"), "revoked")
        .await;
    assert!(
        message.contains("Ask the agent for a new token"),
        "{message}"
    );
    assert!(
        browser
            .js("return !document.querySelector('form.ia-charge');")
            .await
            == true
    );
    let row = format!("tr[data-token={token}]");
    assert_eq!(
        browser
            .js(&format!(
                "return document.querySelectorAll(\"{row} [data-action=select-token]\").length;"
            ))
            .await,
        0
    );
    browser
        .wait_text(&format!("{row} [data-field=expires]"), "—")
        .await;
    browser.screenshot("tokens-revoked").await;
    browser.close().await;
}

#[tokio::test]
async fn the_feed_reconnects_by_itself_after_the_server_restarts() {
    let server = start_server().await;
    let addr = server.addr();
    let browser = Browser::launch().await;
    browser.sign_in(&server, "op_aiko").await;
    browser.click("a[href='/events']").await;
    browser.wait_for(".ia-feed-status[data-status=live]").await;

    server.shutdown().await;
    browser
        .wait_for(".ia-feed-status[data-status=reconnecting]")
        .await;
    browser.screenshot("events-reconnecting").await;

    // The same address again, as after a deploy: a fresh sandbox, the same operators.
    let server = start_server_on(addr).await;
    browser.wait_for(".ia-feed-status[data-status=live]").await;
    let signed_in = post(
        &server,
        "/api/sign_in",
        None,
        json!({ "operator": "op_aiko" }),
    )
    .await;
    let bearer = signed_in["token"].as_str().unwrap();
    let token = post(
        &server,
        &format!("/api/accounts/{ACCOUNT}/tokens"),
        Some(bearer),
        json!({ "payment_method": "pm_card_visa", "currency": "jpy", "max_amount": 5000, "expires_at": null }),
    )
    .await;
    let id = token["id"].as_str().unwrap();
    let charged = post(
        &server,
        &format!("/api/accounts/{ACCOUNT}/tokens/{id}/charges"),
        Some(bearer),
        json!({ "amount": 5000, "currency": "jpy" }),
    )
    .await;
    assert_eq!(charged["status"], "succeeded", "{charged}");
    // Using the whole amount: `used`, then `deactivated` (consumed), both live after the restart.
    browser
        .wait_text(
            &format!(
            ".ia-feed-item[data-type='shared_payment.granted_token.deactivated'][data-object={id}]"
        ),
            "used up",
        )
        .await;
    browser
        .wait_for(&format!(
            ".ia-feed-item[data-type='shared_payment.granted_token.used'][data-object={id}]"
        ))
        .await;
    browser.screenshot("events-after-restart").await;
    browser.close().await;
}
