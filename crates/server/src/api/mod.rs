//! The panel's `/api`: JSON in, JSON out, errors in Stripe's shape.

mod accounts;
mod client_config;
mod error;

use std::sync::Arc;

use axum::routing::get;
use axum::Router;

pub use error::ApiError;

use crate::AppState;

pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/api/accounts", get(accounts::list))
        .route("/api/config", get(client_config::get))
        .fallback(error::unknown_route)
        .with_state(state)
}
