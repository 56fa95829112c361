//! Every answer carries `Request-Id: req_…`, as Stripe's do (errors and injected faults
//! included), so code tested here can log it as it would log Stripe's. A `Stripe-Version` the
//! request names is echoed back, as Stripe does.

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use crate::rng::unguessable_id;

const REQUEST_ID: HeaderName = HeaderName::from_static("request-id");
const STRIPE_VERSION: HeaderName = HeaderName::from_static("stripe-version");

pub async fn stamp(request: Request, next: Next) -> Response {
    let version = request.headers().get(&STRIPE_VERSION).cloned();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Ok(id) = HeaderValue::from_str(&unguessable_id("req_")) {
        headers.insert(REQUEST_ID, id);
    }
    if let Some(version) = version {
        headers.insert(STRIPE_VERSION, version);
    }
    response
}
