//! Shared Payment Tokens, seller side: the agent's test helpers (grant, revoke), retrieve, and a
//! list (a sandbox extension: the panel needs to show what it received). Tokens live in the
//! account they were granted to (`Stripe-Account`) and expire by themselves.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use issuing_http::{ApiError, ApiResult};
use issuing_model::api::GrantTokenRequest;
use issuing_model::rules::TEST_PAYMENT_METHODS;
use issuing_model::wire::payments::{event_types, AmountValue, UsageDetails, UsageLimits};
use issuing_model::{DeactivatedReason, GrantedToken, StripeError};
use serde_json::{json, Value};

use crate::params::{
    accepts, empty_param, hash, integer, missing_param, string_map, text, ExpandOnly, Form,
    QueryParams, Scope,
};
use crate::rng::{now, unguessable_id};
use crate::state::{Data, Scoped};
use crate::webhooks::emit;
use crate::AppState;

const OBJECT: &str = "shared_payment.granted_token";

fn details(payment_method: &str) -> Value {
    let (_, brand, last4) = TEST_PAYMENT_METHODS
        .iter()
        .find(|(id, _, _)| *id == payment_method)
        .copied()
        .unwrap_or(("", "visa", "4242"));
    json!({
        "type": "card",
        "billing_details": {
            "address": { "city": null, "country": null, "line1": null, "line2": null, "postal_code": null, "state": null },
            "email": null, "name": null, "phone": null, "tax_id": null
        },
        "card": {
            "brand": brand, "display_brand": brand, "country": "US", "exp_month": 12, "exp_year": 2030,
            "funding": "credit", "last4": last4, "wallet": null,
            "networks": { "available": [brand], "preferred": null }
        }
    })
}

/// Marks every active token past its `expires_at` as expired, with its event. Run by the
/// sandbox's clock every second and before each read, so expiry needs no request to happen.
pub fn expire_due(state: &AppState) {
    let t = now();
    let mut data = state.store.write();
    let due: Vec<usize> = data
        .granted_tokens
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.object.deactivated_at.is_none()
                && s.object
                    .usage_limits
                    .as_ref()
                    .and_then(|l| l.expires_at)
                    .is_some_and(|at| at <= t)
        })
        .map(|(i, _)| i)
        .collect();
    for i in due {
        deactivate(state, &mut data, i, DeactivatedReason::Expired);
    }
}

/// Deactivates the token at `index` for `reason` and tells the seller.
pub(crate) fn deactivate(
    state: &AppState,
    data: &mut Data,
    index: usize,
    reason: DeactivatedReason,
) {
    let scoped = &mut data.granted_tokens[index];
    scoped.object.deactivated_at = Some(now());
    scoped.object.deactivated_reason = Some(reason);
    let (account, object) = (
        scoped.account.clone(),
        serde_json::to_value(&scoped.object).unwrap_or_default(),
    );
    emit(
        state,
        data,
        event_types::TOKEN_DEACTIVATED,
        account.as_deref(),
        object,
    );
}

/// The index of token `id` in `account`, or Stripe's 404 named at `param`.
pub(crate) fn find(
    data: &Data,
    account: &Option<String>,
    id: &str,
    param: &str,
) -> Result<usize, ApiError> {
    data.granted_tokens
        .iter()
        .position(|s| &s.account == account && s.object.id == id)
        .ok_or_else(|| ApiError::not_found(param, id))
}

accepts!(
    GrantParams: "payment_method", "usage_limits", "seller_details", "customer", "shared_metadata",
    "expand",
);

pub async fn grant(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Form(params, ..): Form<GrantParams>,
) -> ApiResult<GrantedToken> {
    let payment_method =
        text(&params, "payment_method")?.ok_or_else(|| missing_param("payment_method"))?;
    let limits = hash(
        &params,
        "usage_limits",
        &["currency", "max_amount", "expires_at"],
    )?
    .ok_or_else(|| missing_param("usage_limits"))?;
    hash(&params, "seller_details", &["network_id", "external_id"])?;
    let named = |e: ApiError, name: &str| {
        let param = format!("usage_limits[{name}]");
        if e.body.error.code.as_deref() == Some("parameter_invalid_empty") {
            return empty_param(&param);
        }
        let mut e = e;
        e.body.error.param = Some(param);
        e
    };
    // The sandbox keeps no customers: one named cannot exist, as on Stripe for an unknown id.
    if let Some(customer) = text(&params, "customer")? {
        return Err(ApiError::missing_object("customer", customer));
    }
    let currency = text(limits, "currency")
        .map_err(|e| named(e, "currency"))?
        .ok_or_else(|| missing_param("usage_limits[currency]"))?;
    let max_amount = integer(limits, "max_amount", i64::MIN..=i64::MAX)
        .map_err(|e| named(e, "max_amount"))?
        .ok_or_else(|| missing_param("usage_limits[max_amount]"))?;
    let expires_at =
        integer(limits, "expires_at", i64::MIN..=i64::MAX).map_err(|e| named(e, "expires_at"))?;
    let request = GrantTokenRequest {
        payment_method: payment_method.to_owned(),
        currency: currency.to_owned(),
        max_amount,
        expires_at,
    };
    request.check(now())?;
    let shared_metadata = match params.get("shared_metadata") {
        None => None,
        Some(value) => Some(string_map(value, "shared_metadata")?),
    };
    let token = GrantedToken {
        id: unguessable_id("spt_"),
        object: OBJECT.into(),
        created: now(),
        deactivated_at: None,
        deactivated_reason: None,
        livemode: false,
        payment_method_details: Some(details(payment_method)),
        usage_details: Some(UsageDetails {
            amount_captured: Some(AmountValue {
                currency: currency.to_owned(),
                value: 0,
            }),
        }),
        usage_limits: Some(UsageLimits {
            currency: currency.to_owned(),
            max_amount,
            expires_at,
        }),
        shared_metadata,
        agent_details: Some(json!({ "network_business_profile": null })),
    };
    let mut data = state.store.write();
    data.granted_tokens.insert(
        0,
        Scoped {
            account,
            object: token.clone(),
        },
    );
    data.applied_writes += 1;
    Ok(Json(token))
}

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
    _: QueryParams<ExpandOnly>,
) -> ApiResult<GrantedToken> {
    expire_due(&state);
    let data = state.store.read();
    let i = find(&data, &account, &id, "shared_payment_granted_token")?;
    Ok(Json(data.granted_tokens[i].object.clone()))
}

/// The agent takes its token back. Sellers have no such call: this is a test helper.
pub async fn revoke(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
    _: Form<ExpandOnly>,
) -> ApiResult<GrantedToken> {
    expire_due(&state);
    let mut data = state.store.write();
    let i = find(&data, &account, &id, "shared_payment_granted_token")?;
    if let Some(reason) = &data.granted_tokens[i].object.deactivated_reason {
        return Err(ApiError::bad_request(StripeError::invalid_param(
            "shared_payment_granted_token",
            format!("This token is already deactivated ({}).", reason.as_str()),
        )));
    }
    deactivate(&state, &mut data, i, DeactivatedReason::Revoked);
    data.applied_writes += 1;
    Ok(Json(data.granted_tokens[i].object.clone()))
}
