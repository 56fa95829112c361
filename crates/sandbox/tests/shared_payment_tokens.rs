//! Shared Payment Tokens in the sandbox: granting, scoping, the PaymentIntent rules, revoking,
//! expiry on its own, and signed, retried, sometimes repeated webhook delivery.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode as AxumStatus};
use issuing_model::webhook_signature;
use issuing_model::{Event, GrantedToken, PaymentIntent, StripeError, WebhookEndpoint};
use reqwest::StatusCode;
use stripe_sandbox::{DeliveryChaos, SandboxConfig};
use support::{expect, Sandbox, EURO, UK};

const GRANT: &str = "/v1/test_helpers/shared_payment/granted_tokens";

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

async fn grant(
    sandbox: &Sandbox,
    account: &str,
    max: &str,
    expires_at: Option<i64>,
) -> GrantedToken {
    let expires = expires_at.map(|t| t.to_string());
    let mut form = vec![
        ("payment_method", "pm_card_visa"),
        ("usage_limits[currency]", "jpy"),
        ("usage_limits[max_amount]", max),
        ("seller_details[external_id]", account),
    ];
    if let Some(e) = &expires {
        form.push(("usage_limits[expires_at]", e));
    }
    expect(
        sandbox.post(account, GRANT, &form, None).await,
        StatusCode::OK,
    )
    .await
}

async fn charge(
    sandbox: &Sandbox,
    account: &str,
    param: &str,
    token: &str,
    amount: &str,
    currency: &str,
) -> reqwest::Response {
    sandbox
        .post(
            account,
            "/v1/payment_intents",
            &[
                ("amount", amount),
                ("currency", currency),
                ("confirm", "true"),
                (param, token),
            ],
            None,
        )
        .await
}

/// The agent revokes `token` (euro account).
async fn revoke(sandbox: &Sandbox, token: &str) -> reqwest::Response {
    sandbox
        .post(EURO, &format!("{GRANT}/{token}/revoke"), &[], None)
        .await
}

/// Charges `amount` yen on `token` in the euro account and expects it to succeed.
async fn pay(sandbox: &Sandbox, token: &str, amount: &str) -> PaymentIntent {
    let response = charge(
        sandbox,
        EURO,
        "payment_method_data[shared_payment_granted_token]",
        token,
        amount,
        "jpy",
    )
    .await;
    expect(response, StatusCode::OK).await
}

/// A charge Stripe must refuse, and its error.
async fn refused(
    sandbox: &Sandbox,
    account: &str,
    param: &str,
    token: &str,
    amount: &str,
    currency: &str,
) -> StripeError {
    let response = charge(sandbox, account, param, token, amount, currency).await;
    expect(response, StatusCode::BAD_REQUEST).await
}

async fn retrieve(sandbox: &Sandbox, account: &str, id: &str) -> GrantedToken {
    expect(
        sandbox
            .get(
                Some(account),
                &format!("/v1/shared_payment/granted_tokens/{id}"),
            )
            .await,
        StatusCode::OK,
    )
    .await
}

#[tokio::test]
async fn a_granted_token_is_retrievable_only_in_its_account_and_never_listed() {
    let sandbox = Sandbox::start().await;
    let token = grant(&sandbox, EURO, "10000", None).await;
    assert!(token.id.starts_with("spt_"), "{}", token.id);
    assert_eq!(token.object, "shared_payment.granted_token");
    assert_eq!(token.usage_limits.as_ref().unwrap().max_amount, 10_000);
    assert_eq!(token.remaining(), Some(10_000));
    assert_eq!(
        token.payment_method_details.as_ref().unwrap()["card"]["last4"],
        "4242"
    );
    assert_eq!(retrieve(&sandbox, EURO, &token.id).await, token);

    // Stripe's preview API retrieves a token by id but has no list of them.
    let list = sandbox
        .get(Some(EURO), "/v1/shared_payment/granted_tokens")
        .await;
    assert_eq!(list.status(), StatusCode::NOT_FOUND);
    let missing: StripeError = expect(
        sandbox
            .get(
                Some(UK),
                &format!("/v1/shared_payment/granted_tokens/{}", token.id),
            )
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(missing.error.code.as_deref(), Some("resource_missing"));
}

#[tokio::test]
async fn bad_grants_are_refused_at_their_param_and_change_nothing() {
    let sandbox = Sandbox::start().await;
    let before = sandbox.stats().await["applied_writes"].clone();
    let past = (now() - 10).to_string();
    let cases: [(&[(&str, &str)], &str); 5] = [
        (&[("payment_method", "pm_card_visa")], "usage_limits"),
        (
            &[
                ("payment_method", "pm_card_visa"),
                ("usage_limits[currency]", "jpy"),
                ("usage_limits[max_amount]", "ten"),
            ],
            "usage_limits[max_amount]",
        ),
        (
            &[
                ("payment_method", "pm_card_visa"),
                ("usage_limits[currency]", "JPY"),
                ("usage_limits[max_amount]", "10"),
            ],
            "usage_limits[currency]",
        ),
        (
            &[
                ("payment_method", "pm_card_visa"),
                ("usage_limits[currency]", "jpy"),
                ("usage_limits[max_amount]", "10"),
                ("usage_limits[expires_at]", &past),
            ],
            "usage_limits[expires_at]",
        ),
        (
            &[
                ("payment_method", "pm_card_visa"),
                ("usage_limits[currency]", "jpy"),
                ("usage_limits[max_amount]", "10"),
                ("seller_details[nickname]", "x"),
            ],
            "seller_details[nickname]",
        ),
    ];
    for (form, param) in cases {
        let error: StripeError = expect(
            sandbox.post(EURO, GRANT, form, None).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(
            error.error.param.as_deref(),
            Some(param),
            "{:?}",
            error.error.message
        );
    }
    assert_eq!(sandbox.stats().await["applied_writes"], before);
}

#[tokio::test]
async fn payment_intents_charge_within_the_limits_and_the_old_top_level_form_is_refused() {
    let sandbox = Sandbox::start().await;
    let token = grant(&sandbox, EURO, "10000", None).await;
    let first: PaymentIntent = pay(&sandbox, &token.id, "3000").await;
    assert_eq!(first.status.as_str(), "succeeded");
    assert_eq!(first.amount_received, 3000);
    let pm = first.payment_method.clone().unwrap();
    assert!(
        pm.starts_with("pm_") && pm != "pm_card_visa",
        "a clone, not the agent's: {pm}"
    );
    // Earlier previews took the token top-level; Stripe's current types have no such parameter.
    let old: StripeError = expect(
        charge(
            &sandbox,
            EURO,
            "shared_payment_granted_token",
            &token.id,
            "2000",
            "jpy",
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(old.error.code.as_deref(), Some("parameter_unknown"));
    assert_eq!(
        old.error.param.as_deref(),
        Some("shared_payment_granted_token")
    );
    assert_eq!(
        retrieve(&sandbox, EURO, &token.id).await.remaining(),
        Some(7000)
    );
    let second: PaymentIntent = pay(&sandbox, &token.id, "2000").await;
    assert_ne!(second.payment_method, first.payment_method);
    let fetched: PaymentIntent = expect(
        sandbox
            .get(Some(EURO), &format!("/v1/payment_intents/{}", second.id))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(fetched, second);
    assert_eq!(
        retrieve(&sandbox, EURO, &token.id).await.remaining(),
        Some(5000)
    );
}

#[tokio::test]
async fn over_the_limit_another_currency_or_a_revoked_token_is_refused_and_nothing_moves() {
    let sandbox = Sandbox::start().await;
    let token = grant(&sandbox, EURO, "10000", None).await;
    let before = sandbox.stats().await["applied_writes"].clone();

    let over: StripeError = refused(
        &sandbox,
        EURO,
        "payment_method_data[shared_payment_granted_token]",
        &token.id,
        "10001",
        "jpy",
    )
    .await;
    assert_eq!(over.error.param.as_deref(), Some("amount"));
    assert_eq!(over.error.code.as_deref(), Some("amount_too_large"));
    assert!(
        over.error.message.contains("¥10,001"),
        "{}",
        over.error.message
    );

    let currency: StripeError = refused(
        &sandbox,
        EURO,
        "payment_method_data[shared_payment_granted_token]",
        &token.id,
        "100",
        "usd",
    )
    .await;
    assert_eq!(currency.error.param.as_deref(), Some("currency"));

    let elsewhere: StripeError = refused(
        &sandbox,
        UK,
        "payment_method_data[shared_payment_granted_token]",
        &token.id,
        "100",
        "jpy",
    )
    .await;
    assert_eq!(elsewhere.error.code.as_deref(), Some("resource_missing"));
    assert_eq!(sandbox.stats().await["applied_writes"], before);
    assert_eq!(
        retrieve(&sandbox, EURO, &token.id).await.remaining(),
        Some(10_000)
    );

    let revoked: GrantedToken = expect(revoke(&sandbox, &token.id).await, StatusCode::OK).await;
    assert_eq!(
        revoked.deactivated_reason.as_ref().map(|r| r.as_str()),
        Some("revoked")
    );
    assert!(revoked.deactivated_at.is_some());
    let after: StripeError = refused(
        &sandbox,
        EURO,
        "payment_method_data[shared_payment_granted_token]",
        &token.id,
        "100",
        "jpy",
    )
    .await;
    assert_eq!(
        after.error.param.as_deref(),
        Some("payment_method_data[shared_payment_granted_token]")
    );
    assert!(
        after.error.message.contains("revoked"),
        "{}",
        after.error.message
    );
    let twice: StripeError =
        expect(revoke(&sandbox, &token.id).await, StatusCode::BAD_REQUEST).await;
    assert!(
        twice.error.message.contains("already deactivated"),
        "{}",
        twice.error.message
    );
}

#[tokio::test]
async fn using_the_whole_amount_consumes_the_token() {
    let sandbox = Sandbox::start().await;
    let token = grant(&sandbox, EURO, "5000", None).await;
    let _: PaymentIntent = pay(&sandbox, &token.id, "5000").await;
    let used = retrieve(&sandbox, EURO, &token.id).await;
    assert_eq!(
        used.deactivated_reason.as_ref().map(|r| r.as_str()),
        Some("consumed")
    );
}

/// A webhook endpoint on a loopback port that records what it is sent, failing the first
/// `fail_first` deliveries with a 500 as a server might while restarting.
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<(String, Bytes)>>>,
    _task: tokio::task::JoinHandle<()>,
}

impl Receiver {
    async fn start(fail_first: usize) -> Self {
        let got: Arc<Mutex<Vec<(String, Bytes)>>> = Arc::default();
        let failures = Arc::new(Mutex::new(fail_first));
        let (record, fail) = (got.clone(), failures.clone());
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: Bytes| {
                let (record, fail) = (record.clone(), fail.clone());
                async move {
                    let mut left = fail.lock().unwrap();
                    if *left > 0 {
                        *left -= 1;
                        return AxumStatus::INTERNAL_SERVER_ERROR;
                    }
                    let signature = headers["stripe-signature"].to_str().unwrap().to_owned();
                    record.lock().unwrap().push((signature, body));
                    AxumStatus::OK
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Self {
            url,
            got,
            _task: task,
        }
    }

    /// The events received so far, each checked against `secret`.
    fn events(&self, secret: &str) -> Vec<Event> {
        self.got
            .lock()
            .unwrap()
            .iter()
            .map(|(signature, body)| {
                webhook_signature::verify(signature, body, secret, now(), 300)
                    .expect("signed by the endpoint's secret");
                let event: serde_json::Value = serde_json::from_slice(body).unwrap();
                stripe_fidelity::assert_stripe_shaped(&event);
                serde_json::from_value(event).unwrap()
            })
            .collect()
    }

    async fn wait_for(&self, secret: &str, count: usize) -> Vec<Event> {
        for _ in 0..100 {
            let events = self.events(secret);
            if events.len() >= count {
                return events;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("expected {count} deliveries, got {:?}", self.events(secret));
    }
}

async fn endpoint(sandbox: &Sandbox, url: &str) -> String {
    let made: WebhookEndpoint = expect(
        sandbox
            .post_platform(
                "/v1/webhook_endpoints",
                &[
                    ("url", url),
                    ("enabled_events[]", "shared_payment.granted_token.used"),
                    (
                        "enabled_events[]",
                        "shared_payment.granted_token.deactivated",
                    ),
                    ("connect", "true"),
                ],
            )
            .await,
        StatusCode::OK,
    )
    .await;
    made.secret.expect("the creating answer shows the secret")
}

/// A sandbox that repeats `duplicate_rate` of its deliveries, and a receiver registered with it
/// that fails its first `fail_first` deliveries; the endpoint's secret.
async fn with_endpoint(duplicate_rate: f64, fail_first: usize) -> (Sandbox, Receiver, String) {
    let sandbox = Sandbox::with(SandboxConfig {
        large_account_cards: 10,
        delivery: DeliveryChaos {
            duplicate_rate,
            ..DeliveryChaos::default()
        },
        ..SandboxConfig::default()
    })
    .await;
    let receiver = Receiver::start(fail_first).await;
    let secret = endpoint(&sandbox, &receiver.url).await;
    (sandbox, receiver, secret)
}

#[tokio::test]
async fn events_are_signed_scoped_to_the_account_and_retried_until_accepted() {
    let (sandbox, receiver, secret) = with_endpoint(0.0, 2).await;
    let token = grant(&sandbox, EURO, "10000", None).await;
    let response = sandbox
        .post(
            EURO,
            "/v1/payment_intents",
            &[
                ("amount", "3000"),
                ("currency", "jpy"),
                ("confirm", "true"),
                (
                    "payment_method_data[shared_payment_granted_token]",
                    &token.id,
                ),
            ],
            Some("charge-1"),
        )
        .await;
    let request_id = response.headers()["request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let _: PaymentIntent = expect(response, StatusCode::OK).await;
    let events = receiver.wait_for(&secret, 1).await;
    // payment_intent.succeeded is not among the endpoint's events, so only `used` came.
    assert_eq!(events.len(), 1);
    let used = &events[0];
    assert_eq!(used.kind, "shared_payment.granted_token.used");
    // The event names the request that caused it, as Stripe's do, and the endpoint waiting.
    let request = used.request.clone().unwrap();
    assert_eq!(request.id.as_deref(), Some(request_id.as_str()));
    assert_eq!(request.idempotency_key.as_deref(), Some("charge-1"));
    assert_eq!(used.pending_webhooks, 1);
    assert_eq!(
        used.api_version.as_deref(),
        Some(stripe_sandbox::API_VERSION)
    );
    assert_eq!(used.account.as_deref(), Some(EURO));
    assert_eq!(used.data.object["id"], token.id.as_str());
    assert_eq!(
        used.data.object["usage_details"]["amount_captured"]["value"],
        3000
    );
    let stats = sandbox.stats().await;
    assert_eq!(stats["webhook_failed_attempts"], 2, "{stats}");
    assert_eq!(stats["webhooks_delivered"], 1, "{stats}");
}

#[tokio::test]
async fn tokens_expire_by_themselves_and_some_events_come_twice() {
    let (sandbox, receiver, secret) = with_endpoint(1.0, 0).await;
    let token = grant(&sandbox, EURO, "10000", Some(now() + 2)).await;
    // No request touches the token: the sandbox's clock expires it.
    let events = receiver.wait_for(&secret, 2).await;
    assert!(events
        .iter()
        .all(|e| e.kind == "shared_payment.granted_token.deactivated"));
    assert_eq!(
        events[0].id, events[1].id,
        "the same event, delivered twice"
    );
    assert_eq!(events[0].data.object["deactivated_reason"], "expired");
    // It happened on its own: no request caused it.
    let request = events[0].request.clone().unwrap();
    assert_eq!((request.id, request.idempotency_key), (None, None));
    let refused: StripeError = refused(
        &sandbox,
        EURO,
        "payment_method_data[shared_payment_granted_token]",
        &token.id,
        "100",
        "jpy",
    )
    .await;
    assert!(
        refused.error.message.contains("expired"),
        "{}",
        refused.error.message
    );
}
