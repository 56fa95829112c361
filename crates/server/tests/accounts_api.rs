//! The server's `/api/accounts` and sign-in, over real HTTP, backed by the sandbox over HTTP.

mod support;

use std::net::SocketAddr;

use issuing_model::api::SignedIn;
use issuing_model::{Account, List, OperatorProfile, StripeError};
use issuing_server::{RunningServer, ServerConfig, StripeMode};
use reqwest::StatusCode;
use stripe_sandbox::SandboxConfig;
use support::{expect, oneshot, Api, UK};

#[tokio::test]
async fn lists_the_connected_accounts_an_operator_may_see() {
    let api = Api::start().await;
    let everyone: List<Account> = expect(
        api.get(&api.token("op_aiko").await, "/api/accounts").await,
        StatusCode::OK,
    )
    .await;
    let names: Vec<_> = everyone.data.iter().map(Account::display_name).collect();
    assert!(names.contains(&"Sakura Logistik GmbH"), "{names:?}");
    assert!(everyone.data.len() >= 4);
    let ben: List<Account> = expect(
        api.get(&api.token("op_ben").await, "/api/accounts").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        ben.data.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        [UK]
    );
}

#[tokio::test]
async fn without_a_valid_operator_token_every_call_is_a_401() {
    for token in [None, Some("sandbox_token_op_nobody")] {
        let err: StripeError = expect(
            oneshot("GET", "/api/accounts", token, None).await,
            StatusCode::UNAUTHORIZED,
        )
        .await;
        assert_eq!(err.error.code.as_deref(), Some("authentication_required"));
    }
    let err: StripeError = expect(
        oneshot(
            "POST",
            "/api/sign_in",
            None,
            Some(serde_json::json!({"operator": "op_mallory"})),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(err.error.param.as_deref(), Some("operator"));
    let signed_in: SignedIn = expect(
        oneshot(
            "POST",
            "/api/sign_in",
            None,
            Some(serde_json::json!({"operator": "op_chloe"})),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let me: OperatorProfile = expect(
        oneshot("GET", "/api/me", Some(&signed_in.token), None).await,
        StatusCode::OK,
    )
    .await;
    assert!(!me.can_edit());
}

#[tokio::test]
async fn a_stripe_that_refuses_the_key_surfaces_as_stripes_401() {
    // A second sandbox stands in for a Stripe that does not know our key.
    let other = stripe_sandbox::RunningSandbox::start(
        SandboxConfig {
            secret_key: "sk_test_other".into(),
            ..Default::default()
        },
        SocketAddr::from(([127, 0, 0, 1], 0)),
    )
    .await
    .unwrap();
    let api = Api::with(live(&other.url())).await;
    let response = api
        .get("live_operator_token_aiko_0123456789", "/api/accounts")
        .await;
    let body: StripeError = expect(response, StatusCode::UNAUTHORIZED).await;
    assert!(
        body.error.message.starts_with("Invalid API Key"),
        "{}",
        body.error.message
    );
}

#[tokio::test]
async fn an_unreachable_stripe_is_a_502_in_stripes_error_shape() {
    // Bind then drop a listener: nothing answers on that port.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut config = live(&format!("http://127.0.0.1:{port}"));
    config.retry.max_retries = 1;
    let api = Api::with(config).await;
    let body: StripeError = expect(
        api.get("live_operator_token_aiko_0123456789", "/api/accounts")
            .await,
        StatusCode::BAD_GATEWAY,
    )
    .await;
    assert_eq!(body.error.kind, issuing_model::ErrorType::ApiError);
}

#[tokio::test]
async fn unknown_api_route_is_a_404_in_stripes_error_shape() {
    let body: StripeError = expect(
        oneshot("GET", "/api/nope", Some("x"), None).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert!(body.error.message.contains("/api/nope"));
}

#[tokio::test]
async fn live_mode_without_an_operators_file_refuses_to_start() {
    let mut config = live("http://127.0.0.1:9");
    config.operators_file = None;
    let err = RunningServer::start(config).await.err().expect("refused");
    assert!(err.to_string().contains("IA_OPERATORS_FILE"), "{err}");
}

/// Live mode against `base`, with the sandbox's operators written to a file.
fn live(base: &str) -> ServerConfig {
    // Under target/, not /tmp: nothing is left outside the build's own folder.
    let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "ia-operators-{}-{}.json",
        std::process::id(),
        base.len()
    ));
    std::fs::write(
        &file,
        r#"[{"id":"op_aiko","name":"Aiko","role":"editor","accounts":{"kind":"all"},"token":"live_operator_token_aiko_0123456789"}]"#,
    )
    .unwrap();
    let mut config = ServerConfig::local_sandbox(SandboxConfig::default());
    config.stripe = StripeMode::Live {
        api_base: base.to_owned(),
        secret_key: "sk_test_not_the_right_one".into(),
        publishable_key: "pk_test_x".into(),
    };
    config.operators_file = Some(file);
    config
}
