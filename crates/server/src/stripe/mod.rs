//! The server's one way to Stripe (or the sandbox): typed calls, one per thing the panel needs.
//! Handlers never write a Stripe URL or a form; `client` is the HTTP underneath (retries,
//! idempotency keys, `Stripe-Account`), and each module here is one corner of Stripe's API.

mod cardholders;
mod client;
mod connect;
mod issuing;
mod tokens;
mod webhooks;

pub use client::{Answered, RetryPolicy, StripeCallError, StripeClient};
pub use connect::SessionFeatures;
pub use tokens::PREVIEW_STRIPE_VERSION;

/// A call's result: the object, or why Stripe (or the way to it) failed.
pub type StripeResult<T> = Result<T, StripeCallError>;

/// Typed Stripe calls for the platform.
#[derive(Clone)]
pub struct Stripe {
    client: StripeClient,
}

impl Stripe {
    pub fn new(client: StripeClient) -> Self {
        Self { client }
    }
}

/// How a failed Stripe call reaches the panel.
impl From<StripeCallError> for issuing_http::ApiError {
    fn from(e: StripeCallError) -> Self {
        use axum::http::StatusCode;
        match e {
            // Stripe's own error is the most useful thing the operator can see: keep it whole.
            StripeCallError::Stripe {
                status,
                body,
                request_id,
            } => {
                tracing::warn!(
                    status,
                    request_id = request_id.as_deref().unwrap_or("none"),
                    code = body.error.code.as_deref().unwrap_or("none"),
                    "Stripe refused a call: {}",
                    body.error.message
                );
                Self {
                    status: StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY),
                    body,
                }
            }
            StripeCallError::Transport(detail) => {
                tracing::warn!("Stripe unreachable: {detail}");
                Self::api(
                    StatusCode::BAD_GATEWAY,
                    "The server could not reach Stripe. Try again in a moment.",
                )
            }
            StripeCallError::Decode(detail) => {
                tracing::error!("unreadable Stripe answer: {detail}");
                Self::api(
                    StatusCode::BAD_GATEWAY,
                    "Stripe sent an answer the server could not read.",
                )
            }
        }
    }
}
