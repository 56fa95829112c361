//! `GET /api/accounts`: the connected accounts this operator may see, all pages of them.

use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use issuing_model::{Account, List};

use super::auth::CurrentOperator;
use super::ApiError;
use crate::AppState;

pub async fn list(
    State(state): State<Arc<AppState>>,
    CurrentOperator(operator): CurrentOperator,
) -> Result<Json<List<Account>>, ApiError> {
    let mut accounts = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page = state.stripe.accounts_page(cursor.take().as_deref()).await?;
        cursor = page.data.last().map(|a| a.id.clone());
        accounts.extend(page.data.into_iter().filter(|a| operator.can_see(&a.id)));
        if !page.has_more || cursor.is_none() {
            break;
        }
    }
    Ok(Json(List::new(accounts, false, "/api/accounts")))
}
