//! What an account's cards were used for: authorizations and transactions (per card or
//! cardholder), and, in test mode, a purchase simulated through Stripe's test helper so its
//! decision can be seen. Input is checked with the model crate's rules before Stripe is called.

use std::sync::Arc;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use issuing_http::{JsonBody, Path, Query};
use issuing_model::api::{PurchaseQuery, SimulatePurchase};
use issuing_model::{IssuingAuthorization, IssuingTransaction, List};

use super::auth::CurrentOperator;
use super::{AccountPath, ApiError, CardPath};
use crate::AppState;

pub async fn authorizations(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(AccountPath { account }): Path<AccountPath>,
    Query(query): Query<PurchaseQuery>,
) -> Result<Json<List<IssuingAuthorization>>, ApiError> {
    operator.may_see(&account)?;
    query.check()?;
    let mut list = state.stripe.authorizations(&account, &query).await?;
    list.url = format!("/api/accounts/{account}/authorizations");
    Ok(Json(list))
}

pub async fn transactions(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(AccountPath { account }): Path<AccountPath>,
    Query(query): Query<PurchaseQuery>,
) -> Result<Json<List<IssuingTransaction>>, ApiError> {
    operator.may_see(&account)?;
    query.check()?;
    let mut list = state.stripe.transactions(&account, &query).await?;
    list.url = format!("/api/accounts/{account}/transactions");
    Ok(Json(list))
}

/// `POST /api/accounts/{account}/cards/{card}/purchases`: test mode only, for editors.
pub async fn simulate(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(CardPath { account, card }): Path<CardPath>,
    headers: HeaderMap,
    JsonBody(purchase): JsonBody<SimulatePurchase>,
) -> Result<Json<IssuingAuthorization>, ApiError> {
    operator.may_see(&account)?;
    operator.may_edit()?;
    if !state.test_mode {
        return Err(ApiError::invalid_request(
            "Purchases can only be simulated with test keys: Stripe's test helpers do not exist in live mode.",
        ));
    }
    purchase.check()?;
    let key = operator.idempotency_key(&headers);
    let mut auth = state
        .stripe
        .simulate_purchase(&account, &card, &purchase, key.as_deref())
        .await?;
    if purchase.capture && auth.approved {
        let key = key.map(|k| format!("{k}-capture"));
        auth = state
            .stripe
            .capture_authorization(&account, &auth.id, key.as_deref())
            .await?;
    }
    tracing::info!(operator = %operator.0.id, %account, %card, approved = auth.approved, "purchase simulated");
    Ok(Json(auth))
}
