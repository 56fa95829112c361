//! Typed client of the platform server's `/api`. Every failure becomes one [`ApiError`] that
//! says what went wrong in words an operator can act on.

use gloo_net::http::{Request, Response};
use issuing_model::{Account, List, StripeError};
use serde::de::DeserializeOwned;

/// Why a call to the platform server failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// The server (or Stripe through it) refused the request; `param` names the field at fault.
    #[error("{}", .0.error.message)]
    Stripe(StripeError),
    /// The server could not be reached at all.
    #[error("The platform server could not be reached ({0}). Check your connection and retry.")]
    Network(String),
    /// The server answered with something that is not the expected JSON.
    #[error("The platform server sent an unexpected answer ({0}).")]
    Unexpected(String),
}

/// Where `/api` lives: the same origin by default, another base URL when embedded or tested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiClient {
    base: String,
}

impl ApiClient {
    pub fn same_origin() -> Self {
        Self::new("")
    }

    /// `base` is prefixed to `/api/...`, e.g. `http://127.0.0.1:8787`.
    pub fn new(base: impl Into<String>) -> Self {
        Self {
            base: base.into().trim_end_matches('/').to_owned(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}/api{path}", self.base)
    }

    async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let response = Request::get(&self.url(path))
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        decode(response).await
    }

    pub async fn accounts(&self) -> Result<List<Account>, ApiError> {
        self.get_json("/accounts").await
    }
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        return response
            .json()
            .await
            .map_err(|e| ApiError::Unexpected(e.to_string()));
    }
    let status = response.status();
    match response.json::<StripeError>().await {
        Ok(body) => Err(ApiError::Stripe(body)),
        Err(_) => Err(ApiError::Unexpected(format!("HTTP {status}"))),
    }
}
