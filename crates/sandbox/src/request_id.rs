//! Every answer carries `Request-Id: req_…`, as Stripe's do (errors and injected faults
//! included), so code tested here can log it as it would log Stripe's. The `Stripe-Version` it
//! was answered in comes back too: the one the request names, else the account's default
//! ([`API_VERSION`]). Events a request causes name it (`request.id`, `idempotency_key`).

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use crate::rng::unguessable_id;

/// The API version the sandbox answers in unless a request names another: Stripe's current one.
pub const API_VERSION: &str = "2026-07-29.dahlia";

const REQUEST_ID: HeaderName = HeaderName::from_static("request-id");
const STRIPE_VERSION: HeaderName = HeaderName::from_static("stripe-version");

/// The request being answered, for the events it causes.
#[derive(Clone, Debug, Default)]
pub struct CurrentRequest {
    pub id: String,
    pub idempotency_key: Option<String>,
}

tokio::task_local! {
    static CURRENT: CurrentRequest;
}

/// The request being answered, if called while answering one.
pub fn current() -> Option<CurrentRequest> {
    CURRENT.try_with(Clone::clone).ok()
}

pub async fn stamp(request: Request, next: Next) -> Response {
    let version = request
        .headers()
        .get(&STRIPE_VERSION)
        .cloned()
        .unwrap_or(HeaderValue::from_static(API_VERSION));
    let current = CurrentRequest {
        id: unguessable_id("req_"),
        idempotency_key: request
            .headers()
            .get("idempotency-key")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    };
    let id = current.id.clone();
    let mut response = CURRENT.scope(current, next.run(request)).await;
    let headers = response.headers_mut();
    if let Ok(id) = HeaderValue::from_str(&id) {
        headers.insert(REQUEST_ID, id);
    }
    headers.insert(STRIPE_VERSION, version);
    response
}
