//! The one HTTP client for every Stripe call, whether the base URL is api.stripe.com or the
//! local sandbox: the sandbox exercises exactly this code path.
//!
//! Retries: a GET is retried on connection errors, 409, 429 and 5xx; a POST too, but only ever
//! with the same `Idempotency-Key`, so Stripe applies it at most once. `Stripe-Should-Retry`
//! overrides the guess either way.

use std::time::Duration;

use issuing_model::StripeError;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use reqwest::{Method, RequestBuilder, StatusCode};
use serde::de::DeserializeOwned;

/// Failure of a Stripe call: Stripe's own error (with its HTTP status), or no usable answer.
#[derive(Debug, thiserror::Error)]
pub enum StripeCallError {
    /// `request_id`: Stripe's `Request-Id` for the call, to log and to quote to Stripe.
    #[error("Stripe answered {status}: {body} (request {})", .request_id.as_deref().unwrap_or("without an id"))]
    Stripe {
        status: u16,
        body: Box<StripeError>,
        request_id: Option<String>,
    },
    #[error("could not reach Stripe: {0}")]
    Transport(String),
    #[error("Stripe sent an answer that could not be read: {0}")]
    Decode(String),
}

/// A successful call's object, with Stripe's `Request-Id` for it (kept in the audit trail).
#[derive(Debug, Clone)]
pub struct Answered<T> {
    pub value: T,
    pub request_id: Option<String>,
}

/// How hard to try.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Attempts after the first.
    pub max_retries: u32,
    /// The first wait; each later one doubles (with jitter).
    pub base_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 4,
            base_delay: Duration::from_millis(100),
        }
    }
}

#[derive(Clone)]
pub struct StripeClient {
    http: reqwest::Client,
    api_base: String,
    retry: RetryPolicy,
    /// A `Stripe-Version` for this client's calls instead of the pinned one (preview APIs).
    version: Option<HeaderValue>,
}

/// One call's outcome, before deciding whether to try again.
enum Attempt<T> {
    Done(Result<Answered<T>, StripeCallError>),
    Retry(StripeCallError),
}

impl StripeClient {
    pub fn new(api_base: &str, secret_key: &str, stripe_version: &str, retry: RetryPolicy) -> Self {
        let mut headers = HeaderMap::new();
        let mut auth = HeaderValue::from_str(&format!("Bearer {secret_key}"))
            .expect("a Stripe key is a valid header value");
        auth.set_sensitive(true);
        headers.insert(AUTHORIZATION, auth);
        headers.insert(
            "Stripe-Version",
            HeaderValue::from_str(stripe_version).expect("a Stripe version is a valid header"),
        );
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(30))
            .user_agent(concat!("issuing-admin/", env!("CARGO_PKG_VERSION")))
            .build()
            .expect("the HTTP client builds");
        Self {
            http,
            api_base: api_base.trim_end_matches('/').to_owned(),
            retry,
            version: None,
        }
    }

    /// The same client, sending `version` as `Stripe-Version` (a preview API needs its own).
    pub(super) fn preview(&self, version: &'static str) -> Self {
        Self {
            version: Some(HeaderValue::from_static(version)),
            ..self.clone()
        }
    }

    /// `GET {base}{path}?{query}`, as the platform (`account: None`) or for a connected account.
    pub(super) async fn get<T: DeserializeOwned>(
        &self,
        account: Option<&str>,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, StripeCallError> {
        self.send(|| self.request(Method::GET, path, account).query(query))
            .await
            .map(|answered| answered.value)
    }

    /// `POST {base}{path}` with a form body and an idempotency key (a new one if `None`).
    pub(super) async fn post_form<T: DeserializeOwned>(
        &self,
        account: Option<&str>,
        path: &str,
        form: &[(String, String)],
        idempotency_key: Option<&str>,
    ) -> Result<Answered<T>, StripeCallError> {
        let key = idempotency_key
            .map(str::to_owned)
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        self.send(|| {
            self.request(Method::POST, path, account)
                .header("Idempotency-Key", &key)
                .form(form)
        })
        .await
    }

    fn request(&self, method: Method, path: &str, account: Option<&str>) -> RequestBuilder {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.api_base));
        // A header set on the request wins over the client's default one.
        if let Some(version) = &self.version {
            request = request.header("Stripe-Version", version.clone());
        }
        match account {
            Some(a) => request.header("Stripe-Account", a),
            None => request,
        }
    }

    async fn send<T: DeserializeOwned>(
        &self,
        build: impl Fn() -> RequestBuilder,
    ) -> Result<Answered<T>, StripeCallError> {
        let mut attempt = 0;
        loop {
            match once(build()).await {
                Attempt::Done(result) => return result,
                Attempt::Retry(error) if attempt >= self.retry.max_retries => return Err(error),
                Attempt::Retry(error) => {
                    let delay = self.backoff(attempt);
                    tracing::info!(
                        "Stripe call failed ({error}); retry {} in {delay:?}",
                        attempt + 1
                    );
                    tokio::time::sleep(delay).await;
                    attempt += 1;
                }
            }
        }
    }

    /// `base · 2^attempt`, plus up to half of that again at random so clients spread out.
    fn backoff(&self, attempt: u32) -> Duration {
        let base = self.retry.base_delay.saturating_mul(1 << attempt.min(6));
        let jitter = uuid::Uuid::new_v4().as_u128() as u32 % (base.as_millis() as u32 / 2 + 1);
        base + Duration::from_millis(u64::from(jitter))
    }
}

async fn once<T: DeserializeOwned>(request: RequestBuilder) -> Attempt<T> {
    let response = match request.send().await {
        Ok(r) => r,
        Err(e) => return Attempt::Retry(StripeCallError::Transport(e.without_url().to_string())),
    };
    let status = response.status();
    let request_id = response
        .headers()
        .get("request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let should_retry = response
        .headers()
        .get("stripe-should-retry")
        .and_then(|v| v.to_str().ok())
        .map(|v| v == "true");
    // A connection dropped mid-answer is a transport error: the request may or may not have
    // been applied, which is what the idempotency key is for.
    let bytes = match response.bytes().await {
        Ok(b) => b,
        Err(e) => return Attempt::Retry(StripeCallError::Transport(e.without_url().to_string())),
    };
    if status.is_success() {
        return Attempt::Done(
            serde_json::from_slice(&bytes)
                .map(|value| Answered { value, request_id })
                .map_err(|e| StripeCallError::Decode(e.to_string())),
        );
    }
    let error = match serde_json::from_slice::<StripeError>(&bytes) {
        Ok(body) => StripeCallError::Stripe {
            status: status.as_u16(),
            body: Box::new(body),
            request_id,
        },
        Err(_) => StripeCallError::Decode(format!(
            "status {status} without a Stripe error body (request {})",
            request_id.as_deref().unwrap_or("without an id")
        )),
    };
    let retryable = should_retry.unwrap_or(
        matches!(status, StatusCode::CONFLICT | StatusCode::TOO_MANY_REQUESTS)
            || status.is_server_error(),
    );
    if retryable {
        Attempt::Retry(error)
    } else {
        Attempt::Done(Err(error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_refusal_keeps_the_request_id_stripe_gave_it() {
        let addr = "127.0.0.1:0".parse().unwrap();
        let sandbox =
            stripe_sandbox::RunningSandbox::start(stripe_sandbox::SandboxConfig::default(), addr)
                .await
                .unwrap();
        let retry = RetryPolicy {
            max_retries: 0,
            base_delay: Duration::from_millis(1),
        };
        let client = StripeClient::new(
            &sandbox.url(),
            stripe_sandbox::DEFAULT_SECRET_KEY,
            crate::config::DEFAULT_STRIPE_VERSION,
            retry,
        );
        let error = client
            .get::<serde_json::Value>(None, "/v1/nope", &[])
            .await
            .unwrap_err();
        match &error {
            StripeCallError::Stripe {
                status: 404,
                request_id: Some(id),
                ..
            } => assert!(id.starts_with("req_"), "{id}"),
            other => panic!("{other:?}"),
        }
        assert!(error.to_string().contains("(request req_"), "{error}");
    }
}
