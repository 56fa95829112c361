//! The panel's `/api`: JSON in, JSON out, errors in Stripe's shape.

mod accounts;
mod auth;
mod cards;
mod client_config;
mod connect;
mod error;
mod events;
mod session;
mod tokens;

use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;
use issuing_model::{ErrorType, StripeError};
use serde::de::DeserializeOwned;

pub use error::ApiError;

use crate::AppState;

pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/api/config", get(client_config::get))
        .route("/api/operators", get(session::operators))
        .route("/api/sign_in", post(session::sign_in))
        .route("/api/me", get(session::me))
        .route("/api/accounts", get(accounts::list))
        .route("/api/account_session", post(connect::account_session))
        .route("/api/ephemeral_keys", post(connect::ephemeral_key))
        .route("/api/accounts/{account}/cards", get(cards::list))
        .route(
            "/api/accounts/{account}/cards/{card}",
            get(cards::retrieve).post(cards::update),
        )
        .route(
            "/api/accounts/{account}/tokens",
            get(tokens::list).post(tokens::grant),
        )
        .route(
            "/api/accounts/{account}/tokens/{token}",
            get(tokens::retrieve),
        )
        .route(
            "/api/accounts/{account}/tokens/{token}/charges",
            post(tokens::charge),
        )
        .route("/api/webhooks/stripe", post(events::receive))
        .route("/api/events", get(events::recent))
        .route("/api/events/ticket", post(events::ticket))
        .route("/api/events/stream", get(events::stream))
        .fallback(error::unknown_route)
        .layer(axum::middleware::map_response(
            error::too_large_in_stripe_shape,
        ))
        .with_state(state)
}

/// A JSON body, with a Stripe-shaped 400 (not axum's plain text) when it does not fit.
pub(crate) fn json_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        ApiError::bad_request(StripeError::new(
            ErrorType::InvalidRequestError,
            format!("The request body is not what this endpoint takes: {e}."),
        ))
    })
}

/// Unix seconds now (token expiry, webhook signature age).
pub(crate) fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// 400 at `param` unless `id` looks like an id of `kind` (`prefix…`), before anything reaches
/// Stripe: `check_id(card, "ic_", "card", "a card")`.
pub(crate) fn check_id(id: &str, prefix: &str, param: &str, kind: &str) -> Result<(), ApiError> {
    if issuing_model::card_query::is_id(id, prefix) {
        Ok(())
    } else {
        Err(ApiError::bad_request(StripeError::invalid_param(
            param,
            format!("'{id}' is not {kind} id ({prefix}…)."),
        )))
    }
}
