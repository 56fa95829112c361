//! The panel's `/api`: JSON in, JSON out, errors in Stripe's shape. Input arrives typed
//! through `issuing_http`'s extractors, so each handler is permission → rule → Stripe call.

mod accounts;
mod audit;
mod auth;
mod card_export;
mod card_issue;
mod card_search;
mod cardholders;
mod cards;
mod client_config;
mod connect;
mod csp_reports;
mod csv_download;
mod events;
mod purchases;
mod session;
mod tokens;

use std::sync::Arc;

use axum::http::header::CACHE_CONTROL;
use axum::http::HeaderValue;
use axum::routing::{get, post};
use axum::Router;
use issuing_model::{AccountId, CardId, TokenId};
use serde::Deserialize;
use tower_http::set_header::SetResponseHeaderLayer;

pub use issuing_http::ApiError;

use crate::rate_limits::{Limiters, RateLimits};
use crate::AppState;

pub fn router(state: Arc<AppState>, limits: RateLimits) -> Router {
    let limit = Limiters::new(limits);
    Router::new()
        .route("/api/config", get(client_config::get))
        .route("/api/operators", get(session::operators))
        .route("/api/sign_in", limit.sign_in(post(session::sign_in)))
        .route(
            "/api/sandbox/host_token",
            limit.sign_in(post(session::host_token)),
        )
        .route("/api/me", get(session::me))
        .route("/api/accounts", get(accounts::list))
        .route(
            "/api/account_session",
            limit.sensitive(post(connect::account_session)),
        )
        .route(
            "/api/ephemeral_keys",
            limit.sensitive(post(connect::ephemeral_key)),
        )
        .route(
            "/api/accounts/{account}/cards",
            get(cards::list).merge(limit.write(post(card_issue::create))),
        )
        .route(
            "/api/accounts/{account}/cards/export",
            get(card_export::export),
        )
        .route(
            "/api/accounts/{account}/cards/{card}/shipping/{step}",
            limit.write(post(card_issue::shipping)),
        )
        .route(
            "/api/accounts/{account}/cardholders",
            get(cardholders::list).merge(limit.write(post(cardholders::create))),
        )
        .route(
            "/api/accounts/{account}/cardholders/{cardholder}",
            get(cardholders::retrieve).merge(limit.write(post(cardholders::update))),
        )
        .route(
            "/api/accounts/{account}/cards/{card}",
            get(cards::retrieve).merge(limit.write(post(cards::update))),
        )
        .route(
            "/api/accounts/{account}/cards/{card}/purchases",
            limit.write(post(purchases::simulate)),
        )
        .route(
            "/api/accounts/{account}/authorizations",
            get(purchases::authorizations),
        )
        .route(
            "/api/accounts/{account}/transactions",
            get(purchases::transactions),
        )
        .route(
            "/api/accounts/{account}/tokens",
            get(tokens::list).merge(limit.write(post(tokens::grant))),
        )
        .route(
            "/api/accounts/{account}/tokens/{token}",
            get(tokens::retrieve),
        )
        .route(
            "/api/accounts/{account}/tokens/{token}/charges",
            limit.write(post(tokens::charge)),
        )
        .route("/api/audit", get(audit::list))
        .route("/api/audit/export", get(audit::export))
        .route("/api/webhooks/stripe", post(events::receive))
        .route("/api/events", get(events::recent))
        .route("/api/events/ticket", post(events::ticket))
        .route("/api/events/stream", get(events::stream))
        .route(
            crate::csp::REPORT_PATH,
            post(csp_reports::receive).layer(axum::extract::DefaultBodyLimit::max(
                csp_reports::MAX_REPORT_BYTES,
            )),
        )
        .fallback(issuing_http::unknown_route)
        .layer(axum::middleware::map_response(
            issuing_http::too_large_in_stripe_shape,
        ))
        // JSON compressed when the client takes it (the event stream never: it must flow).
        .layer(tower_http::compression::CompressionLayer::new())
        // Answers carry operator tokens, key secrets and cardholders' details: no cache (a
        // browser's or a proxy's) may keep them.
        .layer(SetResponseHeaderLayer::if_not_present(
            CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(state)
}

/// `/api/accounts/{account}/…`
#[derive(Deserialize)]
pub struct AccountPath {
    pub account: AccountId,
}

/// `/api/accounts/{account}/cards/{card}`
#[derive(Deserialize)]
pub struct CardPath {
    pub account: AccountId,
    pub card: CardId,
}

/// `/api/accounts/{account}/tokens/{token}…`
#[derive(Deserialize)]
pub struct TokenPath {
    pub account: AccountId,
    pub token: TokenId,
}
