//! The card API: list with filters and cursor, one card, and updates (spending controls,
//! status). Input is checked with the model crate before anything reaches Stripe.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::Json;
use issuing_model::{CardListQuery, CardUpdate, IssuingCard, List, StripeError};

use super::auth::CurrentOperator;
use super::{check_id, json_body, ApiError};
use crate::AppState;

pub async fn list(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(account): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Json<List<IssuingCard>>, ApiError> {
    operator.may_see(&account)?;
    let query: CardListQuery = serde_urlencoded_query(query.as_deref())?;
    if let Some(v) = query.validate().into_iter().next() {
        return Err(ApiError::bad_request(v.into()));
    }
    let mut list: List<IssuingCard> = state
        .stripe
        .get(
            Some(&account),
            "/v1/issuing/cards",
            &query.to_stripe_query(),
        )
        .await?;
    list.url = format!("/api/accounts/{account}/cards");
    Ok(Json(list))
}

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path((account, card)): Path<(String, String)>,
) -> Result<Json<IssuingCard>, ApiError> {
    operator.may_see(&account)?;
    check_card_id(&card, "card")?;
    Ok(Json(fetch(&state, &account, &card).await?))
}

pub async fn update(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path((account, card)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<IssuingCard>, ApiError> {
    operator.may_see(&account)?;
    operator.may_edit()?;
    check_card_id(&card, "card")?;
    let update: CardUpdate = json_body(&body)?;
    // Checked against the card as Stripe has it now (allowed vs blocked lists, canceled is
    // final), so a bad update is refused here and never sent.
    let current = fetch(&state, &account, &card).await?;
    if let Some(v) = update.validate(&current).into_iter().next() {
        return Err(ApiError::bad_request(v.into()));
    }
    // The panel's key (if any) makes its own retries safe too; scope it to the operator.
    let key = operator.idempotency_key(&headers);
    let updated: IssuingCard = state
        .stripe
        .post_form(
            Some(&account),
            &format!("/v1/issuing/cards/{card}"),
            update.to_form().pairs(),
            key.as_deref(),
        )
        .await?;
    tracing::info!(operator = %operator.0.id, %account, %card, "card updated");
    Ok(Json(updated))
}

async fn fetch(state: &AppState, account: &str, card: &str) -> Result<IssuingCard, ApiError> {
    Ok(state
        .stripe
        .get(Some(account), &format!("/v1/issuing/cards/{card}"), &[])
        .await?)
}

/// 400 at `param` unless `card` looks like a card id (`ic_…`).
pub(super) fn check_card_id(card: &str, param: &str) -> Result<(), ApiError> {
    check_id(card, "ic_", param, "a card")
}

fn serde_urlencoded_query<T: serde::de::DeserializeOwned>(
    raw: Option<&str>,
) -> Result<T, ApiError> {
    serde_urlencoded::from_str(raw.unwrap_or("")).map_err(|e| {
        ApiError::bad_request(StripeError::new(
            issuing_model::ErrorType::InvalidRequestError,
            format!("Invalid query: {e}."),
        ))
    })
}
