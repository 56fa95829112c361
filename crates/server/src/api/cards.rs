//! The card API: list with filters and cursor, one card, and updates (spending controls,
//! status). Input is checked with the model crate's rules before anything reaches Stripe.

use std::sync::Arc;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use issuing_http::{JsonBody, Path, Query};
use issuing_model::api::{AuditChange, CardState};
use issuing_model::{CardListQuery, CardUpdate, IssuingCard, List};

use super::auth::CurrentOperator;
use super::{AccountPath, ApiError, CardPath};
use crate::audit::{self, Refusal};
use crate::AppState;

pub async fn list(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(AccountPath { account }): Path<AccountPath>,
    Query(query): Query<CardListQuery>,
) -> Result<Json<List<IssuingCard>>, ApiError> {
    operator.may_see(&account)?;
    query.check()?;
    let mut list = super::card_search::page(&state, &account, &query).await?;
    list.url = format!("/api/accounts/{account}/cards");
    Ok(Json(list))
}

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(CardPath { account, card }): Path<CardPath>,
) -> Result<Json<IssuingCard>, ApiError> {
    operator.may_see(&account)?;
    Ok(Json(state.stripe.card(&account, &card).await?))
}

pub async fn update(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(CardPath { account, card }): Path<CardPath>,
    headers: HeaderMap,
    JsonBody(update): JsonBody<CardUpdate>,
) -> Result<Json<IssuingCard>, ApiError> {
    // The panel's key (if any) makes its own retries safe too; scope it to the operator.
    let key = operator.idempotency_key_or_new(&headers)?;
    let asked = AuditChange::CardUpdate {
        requested: update.clone(),
        before: None,
        after: None,
    };
    let entry = audit::begin(
        &state.store,
        &operator.0,
        &account,
        card.as_str(),
        &asked,
        &key,
    )
    .await?;
    let mut before = None;
    let result = async {
        operator.may_see(&account)?;
        operator.may_edit()?;
        // Checked against the card as Stripe has it now (allowed vs blocked lists, canceled is
        // final), so a bad update is refused here and never sent.
        let current = state.stripe.card(&account, &card).await?;
        before = Some(CardState::from(&current));
        update.check(&current)?;
        Ok::<_, Refusal>(
            state
                .stripe
                .update_card(&account, &card, &update, Some(&key))
                .await?,
        )
    }
    .await;
    let change = AuditChange::CardUpdate {
        requested: update,
        before,
        after: result.as_ref().ok().map(|a| CardState::from(&a.value)),
    };
    let updated = entry.finish(card.as_str(), &change, result).await?;
    tracing::info!(operator = %operator.0.id, %account, %card, "card updated");
    Ok(Json(updated))
}
