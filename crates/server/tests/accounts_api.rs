//! The server's `/api/accounts` over real HTTP, backed by the sandbox over real HTTP.

use std::net::SocketAddr;

use issuing_model::{Account, List, StripeError};
use issuing_server::config::DEFAULT_STRIPE_VERSION;
use issuing_server::{RunningServer, ServerConfig, StripeMode};

fn config(stripe: StripeMode) -> ServerConfig {
    ServerConfig {
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        stripe,
        stripe_version: DEFAULT_STRIPE_VERSION.to_owned(),
        static_dir: None,
        allowed_origins: vec![],
        max_lifetime: None,
    }
}

#[tokio::test]
async fn lists_the_sandboxs_connected_accounts() {
    let server = RunningServer::start(config(StripeMode::Sandbox))
        .await
        .unwrap();
    let response = reqwest::get(format!("{}/api/accounts", server.url()))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let list: List<Account> = response.json().await.unwrap();
    let names: Vec<_> = list.data.iter().map(Account::display_name).collect();
    assert!(names.contains(&"Sakura Logistik GmbH"), "{names:?}");
    assert!(list.data.len() >= 3);
}

#[tokio::test]
async fn a_stripe_that_refuses_the_key_surfaces_as_stripes_401() {
    // A second sandbox stands in for a Stripe that does not know our key.
    let other = stripe_sandbox::RunningSandbox::start(
        stripe_sandbox::SandboxConfig {
            secret_key: "sk_test_other".into(),
        },
        SocketAddr::from(([127, 0, 0, 1], 0)),
    )
    .await
    .unwrap();
    let stripe = StripeMode::Live {
        api_base: other.url(),
        secret_key: "sk_test_not_the_right_one".into(),
        publishable_key: "pk_test_x".into(),
    };
    let server = RunningServer::start(config(stripe)).await.unwrap();
    let response = reqwest::get(format!("{}/api/accounts", server.url()))
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    let body: StripeError = response.json().await.unwrap();
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
    let stripe = StripeMode::Live {
        api_base: format!("http://127.0.0.1:{port}"),
        secret_key: "sk_test_x".into(),
        publishable_key: "pk_test_x".into(),
    };
    let server = RunningServer::start(config(stripe)).await.unwrap();
    let response = reqwest::get(format!("{}/api/accounts", server.url()))
        .await
        .unwrap();
    assert_eq!(response.status(), 502);
    let body: StripeError = response.json().await.unwrap();
    assert_eq!(body.error.kind, issuing_model::ErrorType::ApiError);
}

#[tokio::test]
async fn unknown_api_route_is_a_404_in_stripes_error_shape() {
    let server = RunningServer::start(config(StripeMode::Sandbox))
        .await
        .unwrap();
    let response = reqwest::get(format!("{}/api/nope", server.url()))
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    let body: StripeError = response.json().await.unwrap();
    assert!(body.error.message.contains("/api/nope"));
}
