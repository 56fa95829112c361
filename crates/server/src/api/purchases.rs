//! What an account's cards were used for: authorizations and transactions (per card or
//! cardholder), and, in test mode, a purchase simulated through Stripe's test helper so its
//! decision can be seen. Input is checked with the model crate's rules before Stripe is called.

use std::sync::Arc;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use issuing_http::{JsonBody, Path, Query};
use issuing_model::api::{AuditChange, PurchaseQuery, SimulatePurchase};
use issuing_model::{IssuingAuthorization, IssuingTransaction, List};

use super::auth::CurrentOperator;
use super::{AccountPath, ApiError, CardPath};
use crate::audit::{self, Refusal};
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
    let key = operator.idempotency_key_or_new(&headers)?;
    let change = |auth: Option<&IssuingAuthorization>| AuditChange::PurchaseSimulation {
        requested: purchase.clone(),
        authorization: auth.map(|a| a.id.clone()),
        approved: auth.map(|a| a.approved),
        currency: auth.map(|a| a.currency.clone()),
    };
    let entry = audit::begin(
        &state.store,
        &operator.0,
        &account,
        card.as_str(),
        &change(None),
        &key,
    )
    .await?;
    let result = async {
        operator.may_see(&account)?;
        operator.may_edit()?;
        if !state.test_mode {
            return Err(ApiError::invalid_request(
                "Purchases can only be simulated with test keys: Stripe's test helpers do not exist in live mode.",
            )
            .into());
        }
        purchase.check()?;
        let auth = state
            .stripe
            .simulate_purchase(&account, &card, &purchase, Some(&key))
            .await?;
        if !(purchase.capture && auth.value.approved) {
            return Ok::<_, Refusal>(auth);
        }
        let key = format!("{key}-capture");
        Ok(state
            .stripe
            .capture_authorization(&account, &auth.value.id, Some(&key))
            .await?)
    }
    .await;
    let done = change(result.as_ref().ok().map(|a| &a.value));
    let auth = entry.finish(card.as_str(), &done, result).await?;
    tracing::info!(operator = %operator.0.id, %account, %card, approved = auth.approved, "purchase simulated");
    Ok(Json(auth))
}
