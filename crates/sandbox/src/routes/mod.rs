//! One module per Stripe resource; `router` wires them behind key authentication.

mod accounts;

use std::sync::Arc;

use axum::middleware;
use axum::routing::get;
use axum::Router;

use crate::reply::ApiError;
use crate::{auth, AppState};

pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/v1/accounts", get(accounts::list))
        .route("/v1/accounts/{id}", get(accounts::retrieve))
        .fallback(unknown_route)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::require_secret_key,
        ))
        .with_state(state)
}

async fn unknown_route(uri: axum::http::Uri, method: axum::http::Method) -> ApiError {
    ApiError::new(
        axum::http::StatusCode::NOT_FOUND,
        issuing_model::StripeError::new(
            issuing_model::ErrorType::InvalidRequestError,
            format!("Unrecognized request URL ({method}: {}).", uri.path()),
        ),
    )
}
