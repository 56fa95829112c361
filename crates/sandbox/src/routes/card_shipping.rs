//! `POST /v1/test_helpers/issuing/cards/{card}/shipping/{submit|ship|deliver|return|fail}`:
//! moves a physical card's shipment as the carrier would, in test mode only.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::Method;
use axum::Json;
use issuing_http::{ApiError, ApiResult};
use issuing_model::IssuingCard;

use crate::params::{ExpandOnly, Form, Scope};
use crate::rng::now;
use crate::shipping::advance;
use crate::webhooks::emit_update;
use crate::AppState;
use issuing_model::ShippingStep;

pub async fn step(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path((id, step)): Path<(String, String)>,
    _: Form<ExpandOnly>,
) -> ApiResult<IssuingCard> {
    let Some(step) = ShippingStep::parse(&step) else {
        return Err(ApiError::unknown_route(
            &Method::POST,
            &format!("/v1/test_helpers/issuing/cards/{id}/shipping/{step}"),
        ));
    };
    let mut data = state.store.write();
    let card = account
        .as_ref()
        .and_then(|a| data.issuing.get_mut(a))
        .and_then(|issuing| issuing.card_mut(&id))
        .ok_or_else(|| ApiError::not_found("issuing_card", &id))?;
    let before = serde_json::to_value(&*card).unwrap_or_default();
    advance(card, step, now()).map_err(|v| {
        let mut error: issuing_model::StripeError = v.into();
        error.error.param = None;
        ApiError::bad_request(error)
    })?;
    let card = card.clone();
    data.applied_writes += 1;
    emit_update(
        &state,
        &mut data,
        "issuing_card.updated",
        account.as_deref(),
        &before,
        serde_json::to_value(&card).unwrap_or_default(),
    );
    Ok(Json(card))
}
