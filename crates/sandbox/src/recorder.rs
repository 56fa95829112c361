//! What the sandbox was asked, kept when [`SandboxConfig::record_requests`] is on: so tests can
//! check that every request a client sent is one Stripe takes (against Stripe's own types).
//!
//! [`SandboxConfig::record_requests`]: crate::SandboxConfig::record_requests

use std::sync::{Arc, Mutex};

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;

/// One API request as it arrived.
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    /// The `Stripe-Version` it named, if any.
    pub version: Option<String>,
    /// Query and form pairs, in order.
    pub params: Vec<(String, String)>,
}

#[derive(Default)]
pub struct Recorder {
    requests: Mutex<Vec<RecordedRequest>>,
}

impl Recorder {
    pub fn taken(&self) -> Vec<RecordedRequest> {
        std::mem::take(&mut *self.requests.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// Bodies beyond this are Stripe's problem, not a parameter check's.
const MAX_BODY: usize = 1 << 20;

pub async fn record(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    if !state.config.record_requests {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
        return next.run(Request::from_parts(parts, Body::empty())).await;
    };
    let query = parts.uri.query().unwrap_or("").as_bytes();
    let params = form_urlencoded::parse(query)
        .chain(form_urlencoded::parse(&bytes))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let recorded = RecordedRequest {
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        version: parts
            .headers
            .get("stripe-version")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        params,
    };
    state
        .recorder
        .requests
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(recorded);
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}
