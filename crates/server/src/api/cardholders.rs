//! The cardholder API: a searchable list (Stripe filters by status and type; the server finds
//! part of a name, an email or a number by reading Stripe's list), one cardholder, and creating
//! and editing them — editors only, each write in the audit trail.

use std::sync::Arc;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use issuing_http::{JsonBody, Path, Query};
use issuing_model::api::{AuditChange, CardholderQuery};
use issuing_model::{
    AccountId, Cardholder, CardholderCreate, CardholderId, CardholderUpdate, List,
};
use serde::Deserialize;

use super::auth::CurrentOperator;
use super::{AccountPath, ApiError};
use crate::audit::{self, Refusal};
use crate::state::unix_now;
use crate::AppState;

/// `/api/accounts/{account}/cardholders/{cardholder}`
#[derive(Deserialize)]
pub struct CardholderPath {
    pub account: AccountId,
    pub cardholder: CardholderId,
}

/// Cardholders per Stripe page while searching.
const SCAN_PAGE: &str = "100";

pub async fn list(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(AccountPath { account }): Path<AccountPath>,
    Query(query): Query<CardholderQuery>,
) -> Result<Json<List<Cardholder>>, ApiError> {
    operator.may_see(&account)?;
    query.check()?;
    let mut list = search(&state, &account, &query).await?;
    list.url = format!("/api/accounts/{account}/cardholders");
    Ok(Json(list))
}

/// One page of the cardholders `query` asks for. Without search text this is Stripe's own
/// page; with it, Stripe's list is read from the cursor on, a hundred at a time, until one
/// match more than the page holds is found (so `has_more` is exact) or the list ends.
pub async fn search(
    state: &AppState,
    account: &AccountId,
    query: &CardholderQuery,
) -> Result<List<Cardholder>, ApiError> {
    let mut filters = query.to_stripe_filters();
    if query.search().is_none() {
        filters.push(("limit", query.page_size().to_string()));
        for (name, cursor) in [
            ("starting_after", &query.starting_after),
            ("ending_before", &query.ending_before),
        ] {
            if let Some(c) = cursor {
                filters.push((name, c.clone()));
            }
        }
        return Ok(state.stripe.cardholders(account, &filters).await?);
    }
    let want = usize::from(query.page_size());
    // Going back (`ending_before`), Stripe's pages come newer and newer: read each from its
    // end, nearest the cursor first.
    let backward = query.ending_before.is_some();
    let mut cursor = query
        .starting_after
        .clone()
        .or_else(|| query.ending_before.clone());
    let mut found = Vec::new();
    loop {
        let mut page_query = filters.clone();
        page_query.push(("limit", SCAN_PAGE.to_owned()));
        if let Some(c) = &cursor {
            let name = if backward {
                "ending_before"
            } else {
                "starting_after"
            };
            page_query.push((name, c.clone()));
        }
        let page = state.stripe.cardholders(account, &page_query).await?;
        let mut items = page.data;
        if backward {
            items.reverse();
        }
        cursor = items.last().map(|h| h.id.clone());
        found.extend(items.into_iter().filter(|h| query.matches(h)));
        if found.len() > want || !page.has_more || cursor.is_none() {
            break;
        }
    }
    let has_more = found.len() > want;
    found.truncate(want);
    if backward {
        found.reverse();
    }
    Ok(List::new(found, has_more, ""))
}

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(CardholderPath {
        account,
        cardholder,
    }): Path<CardholderPath>,
) -> Result<Json<Cardholder>, ApiError> {
    operator.may_see(&account)?;
    Ok(Json(state.stripe.cardholder(&account, &cardholder).await?))
}

pub async fn create(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(AccountPath { account }): Path<AccountPath>,
    headers: HeaderMap,
    JsonBody(create): JsonBody<CardholderCreate>,
) -> Result<Json<Cardholder>, ApiError> {
    let key = operator.idempotency_key_or_new(&headers)?;
    let change = |id: Option<String>| AuditChange::CardholderCreate {
        requested: create.clone(),
        cardholder: id,
    };
    let entry = audit::begin(
        &state.store,
        &operator.0,
        &account,
        account.as_str(),
        &change(None),
        &key,
    )
    .await?;
    let result = async {
        operator.may_see(&account)?;
        operator.may_edit()?;
        issuing_model::Violation::first(create.validate(unix_now()))?;
        Ok::<_, Refusal>(
            state
                .stripe
                .create_cardholder(&account, &create, Some(&key))
                .await?,
        )
    }
    .await;
    let id = result.as_ref().ok().map(|a| a.value.id.clone());
    let object = id.clone().unwrap_or_else(|| account.to_string());
    let holder = entry.finish(&object, &change(id), result).await?;
    tracing::info!(operator = %operator.0.id, %account, cardholder = %holder.id, "cardholder created");
    Ok(Json(holder))
}

pub async fn update(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(CardholderPath {
        account,
        cardholder,
    }): Path<CardholderPath>,
    headers: HeaderMap,
    JsonBody(update): JsonBody<CardholderUpdate>,
) -> Result<Json<Cardholder>, ApiError> {
    let key = operator.idempotency_key_or_new(&headers)?;
    let change = AuditChange::CardholderUpdate {
        requested: update.clone(),
    };
    let entry = audit::begin(
        &state.store,
        &operator.0,
        &account,
        cardholder.as_str(),
        &change,
        &key,
    )
    .await?;
    let result = async {
        operator.may_see(&account)?;
        operator.may_edit()?;
        // Checked against the cardholder as Stripe has them now (a blocked one takes nothing).
        let current = state.stripe.cardholder(&account, &cardholder).await?;
        issuing_model::Violation::first(update.validate(&current, unix_now()))?;
        Ok::<_, Refusal>(
            state
                .stripe
                .update_cardholder(&account, &cardholder, &update, Some(&key))
                .await?,
        )
    }
    .await;
    let holder = entry.finish(cardholder.as_str(), &change, result).await?;
    tracing::info!(operator = %operator.0.id, %account, %cardholder, "cardholder updated");
    Ok(Json(holder))
}
