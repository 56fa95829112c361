//! New cards: issuing one (virtual or physical, or a replacement) and, in test mode, moving a
//! physical card's shipment with Stripe's test helpers. Editors only, each in the audit trail;
//! Stripe's rules are checked first against the cardholder and the replaced card as Stripe has
//! them now, so a bad request is never sent.

use std::sync::Arc;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use issuing_http::{JsonBody, Path};
use issuing_model::api::AuditChange;
use issuing_model::{
    AccountId, CardCreate, CardId, CardholderId, IssuingCard, ShippingStep, Violation,
};
use serde::Deserialize;

use super::auth::CurrentOperator;
use super::{AccountPath, ApiError};
use crate::audit::{self, Refusal};
use crate::AppState;

pub async fn create(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(AccountPath { account }): Path<AccountPath>,
    headers: HeaderMap,
    JsonBody(create): JsonBody<CardCreate>,
) -> Result<Json<IssuingCard>, ApiError> {
    let key = operator.idempotency_key_or_new(&headers)?;
    let change = |card: Option<String>| AuditChange::CardIssue {
        requested: create.clone(),
        card,
    };
    // Filed under the card it replaces, else the cardholder, until Stripe names the new one.
    let asked_for = create
        .replacement_for
        .clone()
        .unwrap_or_else(|| create.cardholder.clone());
    let entry = audit::begin(
        &state.store,
        &operator.0,
        &account,
        &asked_for,
        &change(None),
        &key,
    )
    .await?;
    let result = async {
        operator.may_see(&account)?;
        operator.may_edit()?;
        Violation::first(create.validate())?;
        let holder_id: CardholderId = create
            .cardholder
            .parse()
            .map_err(|e| Violation::new("cardholder", issuing_model::Rule::NotAnId(e)))?;
        let holder = state.stripe.cardholder(&account, &holder_id).await?;
        let replaced = match &create.replacement_for {
            Some(id) => {
                let id: CardId = id.parse().map_err(|e| {
                    Violation::new("replacement_for", issuing_model::Rule::NotAnId(e))
                })?;
                Some(state.stripe.card(&account, &id).await?)
            }
            None => None,
        };
        let currency = program_currency(&state, &account).await?;
        Violation::first(create.validate_for(&holder, &currency, replaced.as_ref()))?;
        Ok::<_, Refusal>(
            state
                .stripe
                .create_card(&account, &create, Some(&key))
                .await?,
        )
    }
    .await;
    let id = result.as_ref().ok().map(|a| a.value.id.clone());
    let object = id.clone().unwrap_or(asked_for);
    let card = entry.finish(&object, &change(id), result).await?;
    tracing::info!(operator = %operator.0.id, %account, card = %card.id, "card issued");
    Ok(Json(card))
}

/// The account's Issuing currency: its default currency, as Stripe reports the account.
async fn program_currency(state: &AppState, account: &AccountId) -> Result<String, Refusal> {
    let found = state.stripe.account(account).await?;
    Ok(found.default_currency.unwrap_or_else(|| "usd".to_owned()))
}

/// `/api/accounts/{account}/cards/{card}/shipping/{step}`
#[derive(Deserialize)]
pub struct ShippingPath {
    pub account: AccountId,
    pub card: CardId,
    pub step: ShippingStep,
}

pub async fn shipping(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(ShippingPath {
        account,
        card,
        step,
    }): Path<ShippingPath>,
    headers: HeaderMap,
) -> Result<Json<IssuingCard>, ApiError> {
    let key = operator.idempotency_key_or_new(&headers)?;
    let mut before = None;
    let entry = audit::begin(
        &state.store,
        &operator.0,
        &account,
        card.as_str(),
        &AuditChange::CardShipping {
            step,
            before: None,
            after: None,
        },
        &key,
    )
    .await?;
    let result = async {
        operator.may_see(&account)?;
        operator.may_edit()?;
        if !state.test_mode {
            return Err(ApiError::invalid_request(
                "Shipments can only be moved by hand with test keys: in live mode the carrier moves them.",
            )
            .into());
        }
        let current = state.stripe.card(&account, &card).await?;
        before = current.shipping.as_ref().and_then(|s| s.status.clone());
        Ok::<_, Refusal>(
            state
                .stripe
                .shipping_step(&account, &card, step, Some(&key))
                .await?,
        )
    }
    .await;
    let change = AuditChange::CardShipping {
        step,
        before,
        after: result
            .as_ref()
            .ok()
            .and_then(|a| a.value.shipping.as_ref())
            .and_then(|s| s.status.clone()),
    };
    let updated = entry.finish(card.as_str(), &change, result).await?;
    tracing::info!(operator = %operator.0.id, %account, %card, step = step.as_str(), "shipment moved");
    Ok(Json(updated))
}
