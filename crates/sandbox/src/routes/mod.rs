//! One module per Stripe resource; `router` wires them behind fault injection, key
//! authentication and idempotency (outermost first).

mod accounts;
mod cardholders;
mod cards;

use std::sync::Arc;

use axum::http::{Method, StatusCode, Uri};
use axum::middleware;
use axum::routing::get;
use axum::Router;
use issuing_model::{ErrorType, StripeError};

use crate::reply::ApiError;
use crate::{auth, faults, idempotency, AppState};

pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/v1/accounts", get(accounts::list))
        .route("/v1/accounts/{id}", get(accounts::retrieve))
        .route("/v1/issuing/cards", get(cards::list))
        .route(
            "/v1/issuing/cards/{id}",
            get(cards::retrieve).post(cards::update),
        )
        .route("/v1/issuing/cardholders", get(cardholders::list))
        .route("/v1/issuing/cardholders/{id}", get(cardholders::retrieve))
        .fallback(unknown_route)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            idempotency::idempotency,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::require_secret_key,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            faults::inject,
        ))
        .with_state(state)
}

async fn unknown_route(uri: Uri, method: Method) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        StripeError::new(
            ErrorType::InvalidRequestError,
            format!("Unrecognized request URL ({method}: {}).", uri.path()),
        ),
    )
}
