//! One module per Stripe resource; `router` wires them behind fault injection, key
//! authentication and idempotency (outermost first).

mod accounts;
mod cardholders;
mod cards;
mod connect;
mod connect_frames;

use std::sync::Arc;

use axum::extract::State;
use axum::http::{Method, StatusCode, Uri};
use axum::middleware;
use axum::routing::{get, post};
use axum::Router;
use issuing_model::{ErrorType, StripeError};

use crate::reply::ApiError;
use crate::{auth, faults, idempotency, AppState};

pub fn router(state: Arc<AppState>) -> Router {
    // The sandbox's own introspection: outside Stripe's API, so no faults and no key.
    let introspection = Router::new()
        .route("/_sandbox/stats", get(stats))
        // What Stripe serves from its own origins for the Connect components.
        .route("/_sandbox/connect.js", get(connect_frames::script))
        .route(
            "/_sandbox/connect/issuing_card",
            get(connect_frames::issuing_card),
        )
        .route(
            "/_sandbox/connect/issuing_cards_list",
            get(connect_frames::issuing_cards_list),
        )
        .with_state(state.clone());
    let api = Router::new()
        .route("/v1/accounts", get(accounts::list))
        .route("/v1/accounts/{id}", get(accounts::retrieve))
        .route("/v1/issuing/cards", get(cards::list))
        .route(
            "/v1/issuing/cards/{id}",
            get(cards::retrieve).post(cards::update),
        )
        .route("/v1/issuing/cardholders", get(cardholders::list))
        .route(
            "/v1/account_sessions",
            post(connect::create_account_session),
        )
        .route("/v1/ephemeral_keys", post(connect::create_ephemeral_key))
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
        .with_state(state);
    introspection.merge(api)
}

/// What tests need to know that Stripe would not tell: how many writes were really applied.
async fn stats(State(state): State<Arc<AppState>>) -> axum::Json<serde_json::Value> {
    let data = state.store.read();
    axum::Json(serde_json::json!({ "applied_writes": data.applied_writes }))
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
