//! `GET /api/accounts`: the connected accounts this operator may see, all pages of them.

use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use issuing_model::{Account, List};

use super::auth::CurrentOperator;
use super::ApiError;
use crate::AppState;

/// Stripe's largest page; platforms with more accounts than this page through.
const PAGE: &str = "100";

pub async fn list(
    State(state): State<Arc<AppState>>,
    CurrentOperator(operator): CurrentOperator,
) -> Result<Json<List<Account>>, ApiError> {
    let mut accounts = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut query = vec![("limit", PAGE.to_owned())];
        if let Some(after) = cursor.take() {
            query.push(("starting_after", after));
        }
        let page: List<Account> = state.stripe.get(None, "/v1/accounts", &query).await?;
        cursor = page.data.last().map(|a| a.id.clone());
        accounts.extend(page.data.into_iter().filter(|a| operator.can_see(&a.id)));
        if !page.has_more || cursor.is_none() {
            break;
        }
    }
    Ok(Json(List::new(accounts, false, "/api/accounts")))
}
