//! Every kind of answer the sandbox gives, once each, against Stripe's own shapes: each object,
//! list and error, and the events it delivers. (The sandbox's own tests check every answer they
//! get the same way; this one names the skip where `../shared` is absent.)

#![cfg_attr(no_stripe_shapes, allow(dead_code, unused_imports))]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;
use stripe_fidelity::{shapes, ABSENT};
use stripe_sandbox::{RunningSandbox, SandboxConfig, DEFAULT_SECRET_KEY, EURO_ACCOUNT};

struct Client {
    base: String,
    http: reqwest::Client,
    mismatches: Vec<String>,
}

impl Client {
    async fn call(
        &mut self,
        method: &str,
        path: &str,
        account: Option<&str>,
        form: &[(&str, &str)],
    ) -> Value {
        let mut request = self
            .http
            .request(method.parse().unwrap(), format!("{}{path}", self.base))
            .bearer_auth(DEFAULT_SECRET_KEY)
            .header("Stripe-Version", stripe_fidelity::CURRENT_VERSION);
        if path.contains("shared_payment") || path.contains("payment_intents") {
            request = request.header("Stripe-Version", stripe_fidelity::PREVIEW_VERSION);
        }
        if let Some(account) = account {
            request = request.header("Stripe-Account", account);
        }
        if !form.is_empty() {
            request = request.form(form);
        }
        let response = request.send().await.unwrap();
        assert!(response.headers().contains_key("request-id"), "{path}");
        let value: Value = response.json().await.unwrap();
        let found = shapes().unwrap().object_mismatches(&value);
        self.mismatches
            .extend(found.into_iter().map(|m| format!("{method} {path}: {m}")));
        value
    }
}

/// Receives the sandbox's webhooks, keeping each body.
async fn receiver() -> (String, Arc<Mutex<Vec<Value>>>) {
    let got = Arc::new(Mutex::new(Vec::new()));
    let keep = got.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |body: axum::body::Bytes| {
            let keep = keep.clone();
            async move {
                keep.lock()
                    .unwrap()
                    .push(serde_json::from_slice(&body).unwrap());
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, got)
}

#[tokio::test]
#[cfg_attr(
    no_stripe_shapes,
    ignore = "needs ../shared/stripe-shapes (Stripe's types), absent from this clone"
)]
async fn every_kind_of_sandbox_answer_has_stripes_shape() {
    assert!(shapes().is_some(), "{ABSENT}");
    let config = SandboxConfig {
        large_account_cards: 50,
        ..SandboxConfig::default()
    };
    let addr: SocketAddr = "127.0.0.1:0".parse().unwrap();
    let sandbox = RunningSandbox::start(config, addr).await.unwrap();
    let mut client = Client {
        base: sandbox.url(),
        http: reqwest::Client::new(),
        mismatches: Vec::new(),
    };
    let (hook, events) = receiver().await;
    let euro = Some(EURO_ACCOUNT);

    client
        .call(
            "POST",
            "/v1/webhook_endpoints",
            None,
            &[
                ("url", &hook),
                ("enabled_events[]", "*"),
                ("connect", "true"),
            ],
        )
        .await;
    client.call("GET", "/v1/webhook_endpoints", None, &[]).await;
    client.call("GET", "/v1/accounts", None, &[]).await;
    client
        .call("GET", &format!("/v1/accounts/{EURO_ACCOUNT}"), None, &[])
        .await;
    let cards = client
        .call("GET", "/v1/issuing/cards?limit=100", euro, &[])
        .await;
    let card = cards["data"][0]["id"].as_str().unwrap().to_owned();
    client
        .call("GET", &format!("/v1/issuing/cards/{card}"), euro, &[])
        .await;
    client
        .call(
            "POST",
            &format!("/v1/issuing/cards/{card}"),
            euro,
            &[
                ("spending_controls[spending_limits][0][amount]", "5000"),
                ("spending_controls[spending_limits][0][interval]", "daily"),
                ("spending_controls[allowed_categories]", ""),
                ("spending_controls[blocked_categories]", ""),
                ("spending_controls[allowed_merchant_countries]", ""),
                ("spending_controls[blocked_merchant_countries]", ""),
                ("spending_controls[allowed_card_presences]", ""),
                ("spending_controls[blocked_card_presences]", ""),
            ],
        )
        .await;
    let holders = client
        .call("GET", "/v1/issuing/cardholders", euro, &[])
        .await;
    let holder = holders["data"][0]["id"].as_str().unwrap().to_owned();
    client
        .call(
            "GET",
            &format!("/v1/issuing/cardholders/{holder}"),
            euro,
            &[],
        )
        .await;
    // A cardholder and a physical card made, edited and shipped.
    let made = client
        .call(
            "POST",
            "/v1/issuing/cardholders",
            euro,
            &[
                ("name", "田中 美咲"),
                ("billing[address][line1]", "Königsallee 1"),
                ("billing[address][city]", "Düsseldorf"),
                ("billing[address][postal_code]", "40213"),
                ("billing[address][country]", "DE"),
                ("individual[first_name]", "Misaki"),
                ("individual[last_name]", "Tanaka"),
            ],
        )
        .await;
    let made = made["id"].as_str().unwrap().to_owned();
    client
        .call(
            "POST",
            &format!("/v1/issuing/cardholders/{made}"),
            euro,
            &[("email", "misaki@example.de")],
        )
        .await;
    let issued = client
        .call(
            "POST",
            "/v1/issuing/cards",
            euro,
            &[
                ("cardholder", &made),
                ("currency", "eur"),
                ("type", "physical"),
                ("shipping[name]", "Misaki Tanaka"),
                ("shipping[address][line1]", "Königsallee 1"),
                ("shipping[address][city]", "Düsseldorf"),
                ("shipping[address][postal_code]", "40213"),
                ("shipping[address][country]", "DE"),
            ],
        )
        .await;
    let issued = issued["id"].as_str().unwrap().to_owned();
    client
        .call(
            "POST",
            &format!("/v1/test_helpers/issuing/cards/{issued}/shipping/ship"),
            euro,
            &[],
        )
        .await;
    client
        .call(
            "POST",
            "/v1/account_sessions",
            None,
            &[
                ("account", EURO_ACCOUNT),
                ("components[issuing_card][enabled]", "true"),
            ],
        )
        .await;
    client
        .call(
            "POST",
            "/v1/ephemeral_keys",
            euro,
            &[("issuing_card", &card), ("nonce", "nonce_1")],
        )
        .await;
    let token = client
        .call(
            "POST",
            "/v1/test_helpers/shared_payment/granted_tokens",
            euro,
            &[
                ("payment_method", "pm_card_visa"),
                ("usage_limits[currency]", "eur"),
                ("usage_limits[max_amount]", "10000"),
            ],
        )
        .await;
    let token = token["id"].as_str().unwrap().to_owned();
    client
        .call(
            "GET",
            &format!("/v1/shared_payment/granted_tokens/{token}"),
            euro,
            &[],
        )
        .await;
    let intent = client
        .call(
            "POST",
            "/v1/payment_intents",
            euro,
            &[
                ("amount", "1000"),
                ("currency", "eur"),
                ("confirm", "true"),
                ("payment_method_data[shared_payment_granted_token]", &token),
            ],
        )
        .await;
    let intent = intent["id"].as_str().unwrap_or("pi_missing").to_owned();
    client
        .call("GET", &format!("/v1/payment_intents/{intent}"), euro, &[])
        .await;
    client
        .call(
            "POST",
            &format!("/v1/test_helpers/shared_payment/granted_tokens/{token}/revoke"),
            euro,
            &[],
        )
        .await;
    // A purchase, captured and refunded; another reversed; the lists.
    let auth = client
        .call(
            "POST",
            "/v1/test_helpers/issuing/authorizations",
            euro,
            &[
                ("card", &card),
                ("amount", "1200"),
                ("merchant_data[category]", "bakeries"),
                ("merchant_data[country]", "DE"),
            ],
        )
        .await;
    let auth = auth["id"].as_str().unwrap_or("iauth_missing").to_owned();
    let captured = client
        .call(
            "POST",
            &format!("/v1/test_helpers/issuing/authorizations/{auth}/capture"),
            euro,
            &[],
        )
        .await;
    let transaction = captured["transactions"][0]["id"]
        .as_str()
        .unwrap_or("ipi_missing")
        .to_owned();
    client
        .call(
            "POST",
            &format!("/v1/test_helpers/issuing/transactions/{transaction}/refund"),
            euro,
            &[("refund_amount", "200")],
        )
        .await;
    let other = client
        .call(
            "POST",
            "/v1/test_helpers/issuing/authorizations",
            euro,
            &[("card", &card), ("amount", "800")],
        )
        .await;
    let other = other["id"].as_str().unwrap_or("iauth_missing").to_owned();
    client
        .call(
            "POST",
            &format!("/v1/test_helpers/issuing/authorizations/{other}/reverse"),
            euro,
            &[],
        )
        .await;
    client
        .call(
            "GET",
            &format!("/v1/issuing/authorizations?card={card}"),
            euro,
            &[],
        )
        .await;
    client
        .call(
            "GET",
            &format!("/v1/issuing/authorizations/{auth}"),
            euro,
            &[],
        )
        .await;
    client
        .call("GET", "/v1/issuing/transactions", euro, &[])
        .await;
    client
        .call(
            "GET",
            &format!("/v1/issuing/transactions/{transaction}"),
            euro,
            &[],
        )
        .await;
    // Errors: an unknown card, a bad parameter, an unknown route.
    client
        .call("GET", "/v1/issuing/cards/ic_nope", euro, &[])
        .await;
    client
        .call("GET", "/v1/issuing/cards?limit=0", euro, &[])
        .await;
    client.call("GET", "/v1/nothing_here", euro, &[]).await;

    // The events: the token used and deactivated, the payment, the purchases and their money.
    let deadline = Instant::now() + Duration::from_secs(20);
    while events.lock().unwrap().len() < 9 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let delivered = events.lock().unwrap().clone();
    assert!(delivered.len() >= 9, "events delivered: {delivered:#?}");
    let shapes = shapes().unwrap();
    for event in &delivered {
        let kind = event["type"].as_str().unwrap_or("?");
        client.mismatches.extend(
            shapes
                .object_mismatches(event)
                .into_iter()
                .map(|m| format!("event {kind}: {m}")),
        );
    }
    client.mismatches.dedup();
    assert!(
        client.mismatches.is_empty(),
        "{} differences from Stripe:\n  {}",
        client.mismatches.len(),
        client.mismatches.join("\n  ")
    );
}
