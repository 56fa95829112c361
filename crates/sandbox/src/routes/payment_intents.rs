//! `POST /v1/payment_intents` and `GET /v1/payment_intents/{id}`, for charging Shared Payment
//! Tokens, given as `payment_method_data[shared_payment_granted_token]` (the current preview;
//! the top-level `shared_payment_granted_token` of earlier previews is refused, as Stripe's
//! types have no such parameter). Confirmed within the token's limits, the payment succeeds
//! with a PaymentMethod cloned from the agent's.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use issuing_http::{ApiError, ApiResult};
use issuing_model::money::MAX_AMOUNT;
use issuing_model::rules::{check_charge, is_currency};
use issuing_model::wire::payments::event_types;
use issuing_model::{
    DeactivatedReason, ErrorType, Metadata, PaymentIntent, PaymentIntentStatus, StripeError,
};

use super::granted_tokens::{deactivate, expire_due, find};
use crate::params::{
    accepts, empty_param, flag, integer, missing_param, string_map, text, unknown_param,
    ExpandOnly, Form, Params, QueryParams, Scope,
};
use crate::rng::{now, unguessable_id};
use crate::state::Scoped;
use crate::webhooks::emit;
use crate::AppState;

const TOKEN: &str = "shared_payment_granted_token";
const NESTED_TOKEN: &str = "payment_method_data[shared_payment_granted_token]";

/// The token in `payment_method_data`, if one is given.
fn token_param(params: &Params) -> Result<Option<String>, ApiError> {
    let Some(value) = params.get("payment_method_data") else {
        return Ok(None);
    };
    let map = value.as_map().ok_or_else(|| {
        ApiError::bad_request(StripeError::invalid_param(
            "payment_method_data",
            "Invalid payment_method_data: expected a hash.",
        ))
    })?;
    if let Some(other) = map.keys().find(|k| *k != TOKEN && *k != "type") {
        return Err(unknown_param(&format!("payment_method_data[{other}]")));
    }
    Ok(Some(
        text(map, TOKEN)
            .map_err(|_| empty_param(NESTED_TOKEN))?
            .ok_or_else(|| missing_param(NESTED_TOKEN))?
            .to_owned(),
    ))
}

accepts!(
    CreateParams: "amount", "currency", "confirm", "payment_method_data", "description",
    "metadata", "expand",
);

pub async fn create(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Form(params, ..): Form<CreateParams>,
) -> ApiResult<PaymentIntent> {
    let amount =
        integer(&params, "amount", 1..=MAX_AMOUNT)?.ok_or_else(|| missing_param("amount"))?;
    let currency = text(&params, "currency")?.ok_or_else(|| missing_param("currency"))?;
    if !is_currency(currency) {
        return Err(ApiError::bad_request(StripeError::invalid_param(
            "currency",
            format!("Invalid currency: '{currency}'. Use a lowercase three-letter ISO code."),
        )));
    }
    let confirm = flag(&params, "confirm")?.unwrap_or(false);
    let token = token_param(&params)?;
    let description = text(&params, "description")?.map(str::to_owned);
    let metadata = match params.get("metadata") {
        None => Metadata::new(),
        Some(value) => string_map(value, "metadata")?,
    };
    expire_due(&state);
    let mut data = state.store.write();
    let mut intent = PaymentIntent {
        id: unguessable_id("pi_"),
        object: "payment_intent".into(),
        amount,
        amount_received: 0,
        created: now(),
        currency: currency.to_owned(),
        livemode: false,
        metadata,
        payment_method: None,
        status: PaymentIntentStatus::RequiresPaymentMethod,
        last_payment_error: None,
        description,
        client_secret: None,
    };
    intent.client_secret = Some(format!("{}_secret_{}", intent.id, unguessable_id("")));
    if let Some(token_id) = token {
        // A missing object named in a parameter is a 400, not the 404 of a missing URL.
        let i = find(&data, &account, &token_id, TOKEN).map_err(|_| {
            let mut error = ApiError::missing_object(TOKEN, &token_id);
            error.body.error.param = Some(NESTED_TOKEN.into());
            error
        })?;
        if confirm {
            check_charge(&data.granted_tokens[i].object, amount, currency, now()).map_err(|v| {
                let mut error = StripeError::from(v.clone());
                if v.param == TOKEN {
                    error = error.with_param(NESTED_TOKEN);
                }
                if v.param == "amount" {
                    error = error.with_code("amount_too_large");
                }
                ApiError::bad_request(error)
            })?;
            // Stripe clones the agent's PaymentMethod: refunds and reports see a normal one.
            intent.payment_method = Some(unguessable_id("pm_"));
            intent.status = PaymentIntentStatus::Succeeded;
            intent.amount_received = amount;
            let token = &mut data.granted_tokens[i].object;
            let captured = token
                .usage_details
                .get_or_insert_with(Default::default)
                .amount_captured
                .get_or_insert_with(|| issuing_model::wire::payments::AmountValue {
                    currency: currency.to_owned(),
                    value: 0,
                });
            captured.value += amount;
            let used_up = token.remaining() == Some(0);
            let token_json = serde_json::to_value(&*token).unwrap_or_default();
            let intent_json = serde_json::to_value(&intent).unwrap_or_default();
            emit(
                &state,
                &mut data,
                event_types::PAYMENT_SUCCEEDED,
                account.as_deref(),
                intent_json,
            );
            emit(
                &state,
                &mut data,
                event_types::TOKEN_USED,
                account.as_deref(),
                token_json,
            );
            if used_up {
                deactivate(&state, &mut data, i, DeactivatedReason::Consumed);
            }
        } else {
            intent.status = PaymentIntentStatus::RequiresConfirmation;
        }
    } else if confirm {
        return Err(ApiError::bad_request(
            StripeError::new(
                ErrorType::InvalidRequestError,
                "You cannot confirm this PaymentIntent because it's missing a payment method. Pass payment_method_data[shared_payment_granted_token].",
            )
            .with_code("payment_intent_unexpected_state"),
        ));
    }
    data.payment_intents.insert(
        intent.id.clone(),
        Scoped {
            account,
            object: intent.clone(),
        },
    );
    data.applied_writes += 1;
    Ok(Json(intent))
}

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
    _: QueryParams<ExpandOnly>,
) -> ApiResult<PaymentIntent> {
    let data = state.store.read();
    data.payment_intents
        .get(&id)
        .filter(|s| s.account == account)
        .map(|s| Json(s.object.clone()))
        .ok_or_else(|| ApiError::not_found("payment_intent", &id))
}
