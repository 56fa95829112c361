//! One module per Stripe resource; `router` wires them behind fault injection, key
//! authentication and idempotency (outermost first).

mod accounts;
mod authorizations;
mod card_issue;
mod card_shipping;
mod cardholders;
mod cards;
mod connect;
mod connect_frames;
mod granted_tokens;
mod issuing_helpers;
mod payment_intents;
mod webhook_endpoints;

pub use granted_tokens::expire_due;
pub use webhook_endpoints::EVENT_TYPES;

use std::sync::Arc;

use axum::extract::State;
use axum::middleware;
use axum::routing::{get, post};
use axum::Router;

use crate::{auth, faults, idempotency, recorder, request_id, stripe_defaults, AppState};

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
        .route(
            "/_sandbox/connect/logout",
            get(connect_frames::logout_frame).post(connect_frames::logout),
        )
        .with_state(state.clone());
    let api = Router::new()
        .route("/v1/accounts", get(accounts::list))
        .route("/v1/accounts/{id}", get(accounts::retrieve))
        .route(
            "/v1/issuing/cards",
            get(cards::list).post(card_issue::create),
        )
        .route(
            "/v1/issuing/cards/{id}",
            get(cards::retrieve).post(cards::update),
        )
        .route(
            "/v1/issuing/cardholders",
            get(cardholders::list).post(cardholders::create),
        )
        .route("/v1/issuing/authorizations", get(authorizations::list))
        .route(
            "/v1/issuing/authorizations/{id}",
            get(authorizations::retrieve),
        )
        .route(
            "/v1/issuing/transactions",
            get(authorizations::list_transactions),
        )
        .route(
            "/v1/issuing/transactions/{id}",
            get(authorizations::retrieve_transaction),
        )
        .route(
            "/v1/test_helpers/issuing/authorizations",
            post(issuing_helpers::create),
        )
        .route(
            "/v1/test_helpers/issuing/authorizations/{id}/capture",
            post(issuing_helpers::capture),
        )
        .route(
            "/v1/test_helpers/issuing/authorizations/{id}/reverse",
            post(issuing_helpers::reverse),
        )
        .route(
            "/v1/test_helpers/issuing/authorizations/{id}/expire",
            post(issuing_helpers::expire),
        )
        .route(
            "/v1/test_helpers/issuing/authorizations/{id}/increment",
            post(issuing_helpers::increment),
        )
        .route(
            "/v1/test_helpers/issuing/transactions/{id}/refund",
            post(issuing_helpers::refund),
        )
        .route(
            "/v1/account_sessions",
            post(connect::create_account_session),
        )
        .route("/v1/ephemeral_keys", post(connect::create_ephemeral_key))
        .route(
            "/v1/issuing/cardholders/{id}",
            get(cardholders::retrieve).post(cardholders::update),
        )
        .route(
            "/v1/test_helpers/issuing/cards/{id}/shipping/{step}",
            post(card_shipping::step),
        )
        .route(
            "/v1/test_helpers/shared_payment/granted_tokens",
            post(granted_tokens::grant),
        )
        .route(
            "/v1/test_helpers/shared_payment/granted_tokens/{id}/revoke",
            post(granted_tokens::revoke),
        )
        .route(
            "/v1/shared_payment/granted_tokens/{id}",
            get(granted_tokens::retrieve),
        )
        .route("/v1/payment_intents", post(payment_intents::create))
        .route("/v1/payment_intents/{id}", get(payment_intents::retrieve))
        .route(
            "/v1/webhook_endpoints",
            get(webhook_endpoints::list).post(webhook_endpoints::create),
        )
        .fallback(issuing_http::unknown_route)
        .layer(middleware::from_fn(stripe_defaults::layer))
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
        .layer(middleware::from_fn_with_state(
            state.clone(),
            recorder::record,
        ))
        .layer(middleware::from_fn(request_id::stamp))
        .with_state(state);
    introspection.merge(api)
}

/// What tests need to know that Stripe would not tell: how many writes were really applied.
async fn stats(State(state): State<Arc<AppState>>) -> axum::Json<serde_json::Value> {
    use std::sync::atomic::Ordering::Relaxed;
    let data = state.store.read();
    let stats = &state.outbox.stats;
    axum::Json(serde_json::json!({
        "applied_writes": data.applied_writes,
        "events": data.events.len(),
        "webhooks_delivered": stats.delivered.load(Relaxed),
        "webhook_failed_attempts": stats.failed_attempts.load(Relaxed),
    }))
}
