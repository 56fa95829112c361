//! The sandbox over real HTTP, as the platform server (or any Stripe client) sees it.

use std::net::SocketAddr;

use issuing_model::{Account, List, StripeError};
use stripe_sandbox::{RunningSandbox, SandboxConfig, DEFAULT_SECRET_KEY};

async fn start() -> RunningSandbox {
    let addr: SocketAddr = "127.0.0.1:0".parse().unwrap();
    RunningSandbox::start(SandboxConfig::default(), addr)
        .await
        .unwrap()
}

#[tokio::test]
async fn lists_seeded_connected_accounts_newest_first() {
    let sandbox = start().await;
    let list: List<Account> = reqwest::Client::new()
        .get(format!("{}/v1/accounts?limit=100", sandbox.url()))
        .bearer_auth(DEFAULT_SECRET_KEY)
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.object, "list");
    assert_eq!(list.url, "/v1/accounts");
    assert!(list.data.len() >= 3);
    let countries: Vec<_> = list
        .data
        .iter()
        .filter_map(|a| a.country.as_deref())
        .collect();
    for c in ["US", "GB", "DE"] {
        assert!(countries.contains(&c), "no {c} account in {countries:?}");
    }
    assert!(list.data.windows(2).all(|w| w[0].created >= w[1].created));
    assert!(list.data.iter().all(Account::issuing_active));
}

#[tokio::test]
async fn refuses_missing_publishable_and_wrong_keys_with_401() {
    let sandbox = start().await;
    let client = reqwest::Client::new();
    let url = format!("{}/v1/accounts", sandbox.url());
    for key in [
        None,
        Some("pk_test_sandbox"),
        Some("sk_test_wrong_key_123456"),
    ] {
        let mut request = client.get(&url);
        if let Some(key) = key {
            request = request.bearer_auth(key);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 401, "key {key:?}");
        let body: StripeError = response.json().await.unwrap();
        assert_eq!(
            body.error.kind,
            issuing_model::ErrorType::InvalidRequestError
        );
        assert!(
            !body.error.message.contains("wrong_key"),
            "the key must not be echoed whole"
        );
    }
}

#[tokio::test]
async fn unknown_account_is_a_404_resource_missing() {
    let sandbox = start().await;
    let response = reqwest::Client::new()
        .get(format!("{}/v1/accounts/acct_nope", sandbox.url()))
        .bearer_auth(DEFAULT_SECRET_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    let body: StripeError = response.json().await.unwrap();
    assert_eq!(body.error.code.as_deref(), Some("resource_missing"));
}

#[tokio::test]
async fn every_answer_has_its_own_request_id_and_echoes_the_stripe_version() {
    let sandbox = start().await;
    let client = reqwest::Client::new();
    let url = |path: &str| format!("{}{path}", sandbox.url());
    let id = |response: &reqwest::Response| {
        let id = response.headers()["request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            id.starts_with("req_")
                && id.len() > 10
                && id[4..].bytes().all(|b| b.is_ascii_alphanumeric()),
            "{id}"
        );
        id
    };
    let ok = client
        .get(url("/v1/accounts"))
        .bearer_auth(DEFAULT_SECRET_KEY)
        .header("Stripe-Version", "2025-08-27.basil")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(ok.headers()["stripe-version"], "2025-08-27.basil");
    let unauthorized = client.get(url("/v1/accounts")).send().await.unwrap();
    assert_eq!(unauthorized.status(), 401);
    let unknown_route = client
        .get(url("/v1/nope"))
        .bearer_auth(DEFAULT_SECRET_KEY)
        .send()
        .await
        .unwrap();
    let ids = [id(&ok), id(&unauthorized), id(&unknown_route)];
    assert!(
        ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != ids[2],
        "{ids:?}"
    );
    assert_eq!(
        unauthorized.headers()["stripe-version"],
        stripe_sandbox::API_VERSION,
        "a request naming no version is answered in the account's default, the current one"
    );
}
