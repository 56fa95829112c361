//! A started sandbox and a thin Stripe-style client for its tests.

#![allow(dead_code)]

use std::net::SocketAddr;

use reqwest::{Response, StatusCode};
use serde::de::DeserializeOwned;
use stripe_sandbox::{RunningSandbox, SandboxConfig, DEFAULT_SECRET_KEY};

pub const EURO: &str = stripe_sandbox::EURO_ACCOUNT;
pub const UK: &str = stripe_sandbox::UK_ACCOUNT;

pub struct Sandbox {
    pub running: RunningSandbox,
    http: reqwest::Client,
}

impl Sandbox {
    pub async fn start() -> Self {
        Self::with(SandboxConfig {
            large_account_cards: 1_000,
            ..SandboxConfig::default()
        })
        .await
    }

    pub async fn with(config: SandboxConfig) -> Self {
        let addr: SocketAddr = "127.0.0.1:0".parse().unwrap();
        Self {
            running: RunningSandbox::start(config, addr).await.unwrap(),
            http: reqwest::Client::new(),
        }
    }

    pub async fn get(&self, account: Option<&str>, path_and_query: &str) -> Response {
        let mut request = self
            .http
            .get(format!("{}{path_and_query}", self.running.url()))
            .bearer_auth(DEFAULT_SECRET_KEY);
        if let Some(a) = account {
            request = request.header("Stripe-Account", a);
        }
        request.send().await.unwrap()
    }

    /// A POST as the platform (no `Stripe-Account`).
    pub async fn post_platform(&self, path: &str, form: &[(&str, &str)]) -> Response {
        self.http
            .post(format!("{}{path}", self.running.url()))
            .bearer_auth(DEFAULT_SECRET_KEY)
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// What `/_sandbox/stats` says.
    pub async fn stats(&self) -> serde_json::Value {
        self.http
            .get(format!("{}/_sandbox/stats", self.running.url()))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// A POST as `account` naming an API version (which ephemeral keys require).
    pub async fn post_versioned(
        &self,
        account: &str,
        path: &str,
        form: &[(&str, &str)],
        version: &str,
    ) -> Response {
        self.http
            .post(format!("{}{path}", self.running.url()))
            .bearer_auth(DEFAULT_SECRET_KEY)
            .header("Stripe-Account", account)
            .header("Stripe-Version", version)
            .form(form)
            .send()
            .await
            .unwrap()
    }

    pub async fn post(
        &self,
        account: &str,
        path: &str,
        form: &[(&str, &str)],
        key: Option<&str>,
    ) -> Response {
        let mut request = self
            .http
            .post(format!("{}{path}", self.running.url()))
            .bearer_auth(DEFAULT_SECRET_KEY)
            .header("Stripe-Account", account)
            .form(form);
        if let Some(k) = key {
            request = request.header("Idempotency-Key", k);
        }
        request.send().await.unwrap()
    }
}

/// The body as `T`, after checking the status, the `Request-Id` and that the body is as Stripe
/// would send it (its shape in `../shared/stripe-shapes`, where that is present).
pub async fn expect<T: DeserializeOwned>(response: Response, status: StatusCode) -> T {
    let got = response.status();
    assert!(
        response.headers().contains_key("request-id"),
        "no Request-Id on a {got} answer"
    );
    let text = response.text().await.unwrap();
    assert_eq!(got, status, "body: {text}");
    let value: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    stripe_fidelity::assert_stripe_shaped(&value);
    serde_json::from_value(value).unwrap_or_else(|e| panic!("{e}: {text}"))
}
