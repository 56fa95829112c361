//! A server in sandbox mode and a client that calls its `/api` as an operator.

#![allow(dead_code)]

use issuing_model::{IssuingCard, List, SignedIn};
use issuing_server::{RunningServer, ServerConfig};
use reqwest::{Response, StatusCode};
use serde::de::DeserializeOwned;
use stripe_sandbox::SandboxConfig;

pub const EURO: &str = stripe_sandbox::EURO_ACCOUNT;
pub const UK: &str = stripe_sandbox::UK_ACCOUNT;

pub struct Api {
    pub server: RunningServer,
    pub http: reqwest::Client,
}

impl Api {
    pub async fn start() -> Self {
        Self::with(ServerConfig::local_sandbox(SandboxConfig {
            large_account_cards: 500,
            ..Default::default()
        }))
        .await
    }

    pub async fn with(config: ServerConfig) -> Self {
        Self {
            server: RunningServer::start(config).await.unwrap(),
            http: reqwest::Client::new(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url())
    }

    /// Signs in as a seeded operator (`op_aiko` all accounts, `op_ben` UK only, `op_chloe` read-only).
    pub async fn token(&self, operator: &str) -> String {
        let response = self
            .http
            .post(self.url("/api/sign_in"))
            .json(&serde_json::json!({ "operator": operator }))
            .send()
            .await
            .unwrap();
        expect::<SignedIn>(response, StatusCode::OK).await.token
    }

    pub async fn get(&self, token: &str, path: &str) -> Response {
        self.http
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }

    pub async fn post(&self, token: &str, path: &str, body: serde_json::Value) -> Response {
        self.http
            .post(self.url(path))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn cards(&self, token: &str, account: &str, query: &str) -> List<IssuingCard> {
        expect(
            self.get(token, &format!("/api/accounts/{account}/cards?{query}"))
                .await,
            StatusCode::OK,
        )
        .await
    }

    /// The sandbox's count of writes it really applied.
    pub async fn applied_writes(&self) -> u64 {
        let url = format!("{}/_sandbox/stats", self.server.sandbox_url().unwrap());
        let stats: serde_json::Value = reqwest::get(url).await.unwrap().json().await.unwrap();
        stats["applied_writes"].as_u64().unwrap()
    }
}

pub async fn expect<T: DeserializeOwned>(response: Response, status: StatusCode) -> T {
    let got = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(got, status, "body: {text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}
