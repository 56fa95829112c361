//! The one HTTP client for every Stripe call, whether the base URL is api.stripe.com or the
//! local sandbox: the sandbox exercises exactly this code path.

use std::time::Duration;

use issuing_model::StripeError;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use serde::de::DeserializeOwned;

/// Failure of a Stripe call: Stripe's own error (with its HTTP status), or no usable answer.
#[derive(Debug, thiserror::Error)]
pub enum StripeCallError {
    #[error("Stripe answered {status}: {body}")]
    Stripe { status: u16, body: Box<StripeError> },
    #[error("could not reach Stripe: {0}")]
    Transport(String),
    #[error("Stripe sent an answer that could not be read: {0}")]
    Decode(String),
}

#[derive(Clone)]
pub struct StripeClient {
    http: reqwest::Client,
    api_base: String,
}

impl StripeClient {
    pub fn new(api_base: &str, secret_key: &str, stripe_version: &str) -> Self {
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
        }
    }

    /// `GET {base}{path}?{query}` as the platform, decoded from JSON.
    pub async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, StripeCallError> {
        let request = self
            .http
            .get(format!("{}{path}", self.api_base))
            .query(query);
        let response = request
            .send()
            .await
            .map_err(|e| StripeCallError::Transport(e.without_url().to_string()))?;
        decode(response).await
    }
}

async fn decode<T: DeserializeOwned>(response: reqwest::Response) -> Result<T, StripeCallError> {
    let status = response.status();
    let bytes = response
        .bytes()
        .await
        .map_err(|e| StripeCallError::Transport(e.without_url().to_string()))?;
    if status.is_success() {
        serde_json::from_slice(&bytes).map_err(|e| StripeCallError::Decode(e.to_string()))
    } else {
        let body: StripeError = serde_json::from_slice(&bytes).map_err(|_| {
            StripeCallError::Decode(format!("status {status} without a Stripe error body"))
        })?;
        Err(StripeCallError::Stripe {
            status: status.as_u16(),
            body: Box::new(body),
        })
    }
}
