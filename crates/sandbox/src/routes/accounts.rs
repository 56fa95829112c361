//! `GET /v1/accounts` and `GET /v1/accounts/{id}`: the platform's connected accounts.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::Json;
use issuing_model::{Account, List};

use issuing_http::{ApiError, ApiResult};

use crate::pagination::{paginate, PageParams};
use crate::AppState;

pub async fn list(
    State(state): State<Arc<AppState>>,
    Query(params): Query<PageParams>,
) -> ApiResult<List<Account>> {
    let data = state.store.read();
    paginate(&data.accounts, |a| &a.id, &params, "/v1/accounts").map(Json)
}

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> ApiResult<Account> {
    let data = state.store.read();
    data.accounts
        .iter()
        .find(|a| a.id == id)
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::not_found("account", &id))
}
