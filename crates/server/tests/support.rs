//! A server in sandbox mode and a client that calls its `/api` as an operator.

#![allow(dead_code)]

use issuing_model::api::SignedIn;
use issuing_model::{IssuingCard, List};
use issuing_server::{RunningServer, ServerConfig, StripeMode};
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

    /// In sandbox mode, the sandbox keeps every request the server sends, and each is checked
    /// against Stripe's own types when the test ends (where `../shared` has them).
    pub async fn with(mut config: ServerConfig) -> Self {
        if let StripeMode::Sandbox(sandbox) = &mut config.stripe {
            sandbox.record_requests = true;
        }
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

    /// A single-use ticket to open the live event stream as `token`'s operator.
    pub async fn ticket(&self, token: &str) -> String {
        let ticket: issuing_model::api::StreamTicket = expect(
            self.post(token, "/api/events/ticket", serde_json::json!({}))
                .await,
            StatusCode::OK,
        )
        .await;
        ticket.ticket
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

impl Drop for Api {
    fn drop(&mut self) {
        // A failing test has already said what went wrong.
        if std::thread::panicking() {
            return;
        }
        let Some(sandbox) = self.server.sandbox() else {
            return;
        };
        for request in sandbox.take_requests() {
            stripe_fidelity::assert_stripe_request(
                &request.method,
                &request.path,
                request.version.as_deref(),
                &request.params,
            );
        }
    }
}

/// An answer from the server, over a socket or from the router in process.
#[allow(async_fn_in_trait)] // the tests' own trait, awaited where it is called
pub trait Answer {
    async fn status_and_text(self) -> (StatusCode, String);
}

impl Answer for Response {
    async fn status_and_text(self) -> (StatusCode, String) {
        (self.status(), self.text().await.unwrap())
    }
}

impl Answer for axum::response::Response {
    async fn status_and_text(self) -> (StatusCode, String) {
        let status = self.status();
        let bytes = axum::body::to_bytes(self.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// The answer's JSON, after checking its status (the body is shown if the status is wrong).
pub async fn expect<T: DeserializeOwned>(answer: impl Answer, status: StatusCode) -> T {
    let (got, text) = answer.status_and_text().await;
    assert_eq!(got, status, "body: {text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// One request to the `/api` router in process, with no socket and no sandbox: for checks
/// that never reach Stripe. `token` is sent as the operator's bearer token; `body` as JSON.
pub async fn oneshot(
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<serde_json::Value>,
) -> axum::response::Response {
    use tower::ServiceExt;
    let mut request = axum::http::Request::builder().method(method).uri(path);
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let body = match body {
        Some(json) => {
            request = request.header("content-type", "application/json");
            axum::body::Body::from(json.to_string())
        }
        None => axum::body::Body::empty(),
    };
    // Nothing listens at this address: a call that reached Stripe would fail loudly.
    issuing_server::in_process_api("http://127.0.0.1:9")
        .await
        .oneshot(request.body(body).unwrap())
        .await
        .unwrap()
}

/// A live event stream read one event at a time (what a chunk holds past one event is kept).
pub struct EventStream {
    response: reqwest::Response,
    buffer: String,
}

impl EventStream {
    pub fn new(response: reqwest::Response) -> Self {
        assert_eq!(response.status(), StatusCode::OK, "the stream opens");
        Self {
            response,
            buffer: String::new(),
        }
    }

    /// The next event, within 20 s.
    pub async fn next(&mut self) -> issuing_model::Event {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let message: String = self.buffer.drain(..end + 2).collect();
                let data: String = message
                    .lines()
                    .filter_map(|l| l.strip_prefix("data:"))
                    .map(str::trim_start)
                    .collect();
                if !data.is_empty() {
                    return serde_json::from_str(&data).unwrap();
                }
            }
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk())
                .await
                .expect("an event arrives within 20 s")
                .unwrap()
                .expect("the stream stays open");
            self.buffer.push_str(std::str::from_utf8(&chunk).unwrap());
        }
    }

    /// Events until one satisfies `wanted`: those before it, and it.
    pub async fn until(
        &mut self,
        wanted: impl Fn(&issuing_model::Event) -> bool,
    ) -> (Vec<issuing_model::Event>, issuing_model::Event) {
        let mut before = Vec::new();
        loop {
            let event = self.next().await;
            if wanted(&event) {
                return (before, event);
            }
            before.push(event);
        }
    }
}
