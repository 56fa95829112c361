//! `GET /v1/issuing/cardholders` and `GET /v1/issuing/cardholders/{id}`.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use issuing_http::{ApiError, ApiResult};
use issuing_model::{Cardholder, List, StripeError};

use crate::created::CreatedRange;
use crate::pagination::{paginate_refs, PageParams};
use crate::params::{accepts, text, QueryParams, Scope};
use crate::AppState;

accepts!(
    ListParams: "limit", "starting_after", "ending_before", "email", "status", "type",
    "phone_number", "created", "expand",
);

pub async fn list(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    QueryParams(params, ..): QueryParams<ListParams>,
) -> ApiResult<List<Cardholder>> {
    let email = text(&params, "email")?;
    let status = text(&params, "status")?;
    if let Some(s) = status.filter(|s| !matches!(*s, "active" | "inactive" | "blocked")) {
        return Err(ApiError::bad_request(StripeError::invalid_param(
            "status",
            format!("Invalid status: must be one of active, inactive or blocked (got '{s}')."),
        )));
    }
    let kind = text(&params, "type")?;
    let phone = text(&params, "phone_number")?;
    let created = CreatedRange::parse(&params)?;
    let page = PageParams::from_params(&params)?;
    let data = state.store.read();
    let holders: Vec<&Cardholder> = account
        .and_then(|a| data.issuing.get(&a))
        .map(|issuing| {
            issuing
                .cardholders
                .iter()
                .filter(|h| email.is_none_or(|e| h.email.as_deref() == Some(e)))
                .filter(|h| status.is_none_or(|s| h.status.as_str() == s))
                .filter(|h| kind.is_none_or(|k| h.kind.as_str() == k))
                .filter(|h| phone.is_none_or(|p| h.phone_number.as_deref() == Some(p)))
                .filter(|h| created.contains(h.created))
                .collect()
        })
        .unwrap_or_default();
    paginate_refs(&holders, |h| &h.id, &page, "/v1/issuing/cardholders").map(Json)
}

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
) -> ApiResult<Cardholder> {
    let data = state.store.read();
    account
        .and_then(|a| data.issuing.get(&a))
        .and_then(|issuing| issuing.cardholders.iter().find(|h| h.id == id))
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::not_found("issuing_cardholder", &id))
}
