//! `GET /v1/accounts` and `GET /v1/accounts/{id}`: the platform's connected accounts. Sent
//! as a connected account (`Stripe-Account`), the list is that account's own connected
//! accounts (none) and only the account itself can be retrieved.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use issuing_model::{Account, List};

use issuing_http::{ApiError, ApiResult};

use crate::pagination::{paginate, PageParams};
use crate::params::{ExpandOnly, PageOnly, QueryParams, Scope};
use crate::AppState;

pub async fn list(
    State(state): State<Arc<AppState>>,
    Scope(scope): Scope,
    QueryParams(params, ..): QueryParams<PageOnly>,
) -> ApiResult<List<Account>> {
    let page = PageParams::from_params(&params)?;
    let data = state.store.read();
    let accounts: &[Account] = if scope.is_some() { &[] } else { &data.accounts };
    paginate(accounts, |a| &a.id, &page, "/v1/accounts").map(Json)
}

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    Scope(scope): Scope,
    Path(id): Path<String>,
    _: QueryParams<ExpandOnly>,
) -> ApiResult<Account> {
    let data = state.store.read();
    data.accounts
        .iter()
        .find(|a| a.id == id && scope.as_ref().is_none_or(|s| *s == id))
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::not_found("account", &id))
}
