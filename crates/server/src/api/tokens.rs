//! Shared Payment Tokens granted to a connected account: list, retrieve, grant (a test helper,
//! test mode only) and charge (a confirmed PaymentIntent). Input is checked with the model
//! crate's rules, and a charge against the token as Stripe has it now, before anything is sent.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use issuing_model::form::FormBuilder;
use issuing_model::tokens::{check_charge, ChargeRequest, GrantTokenRequest};
use issuing_model::{ErrorType, GrantedToken, List, PaymentIntent, StripeError};

use super::auth::CurrentOperator;
use super::{check_id, json_body, unix_now as now, ApiError};
use crate::stripe_client::StripeCallError;
use crate::AppState;

/// Shared Payment Tokens are a preview API: these calls send the preview `Stripe-Version`.
pub const PREVIEW_STRIPE_VERSION: &str = "2026-04-22.preview";

fn check_token_id(token: &str) -> Result<(), ApiError> {
    check_id(token, "spt_", "token", "a shared payment token")
}

pub async fn list(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(account): Path<String>,
) -> Result<Json<List<GrantedToken>>, ApiError> {
    operator.may_see(&account)?;
    let listed: Result<List<GrantedToken>, StripeCallError> = state
        .stripe
        .preview(PREVIEW_STRIPE_VERSION)
        .get(
            Some(&account),
            "/v1/shared_payment/granted_tokens",
            &[("limit", "100".to_owned())],
        )
        .await;
    let mut list = match listed {
        Ok(list) => {
            for token in &list.data {
                state.tokens.remember(&account, &token.id);
            }
            list
        }
        // Stripe has no such list (an unknown URL has no `param`): list the tokens we know.
        Err(StripeCallError::Stripe { status: 404, body }) if body.error.param.is_none() => {
            known_tokens(&state, &account).await?
        }
        Err(e) => return Err(e.into()),
    };
    list.url = format!("/api/accounts/{account}/tokens");
    Ok(Json(list))
}

/// Each token the directory knows under `account`, as Stripe has it now (newest first).
async fn known_tokens(state: &AppState, account: &str) -> Result<List<GrantedToken>, ApiError> {
    let mut tokens = Vec::new();
    for id in state.tokens.known(account) {
        match fetch(state, account, &id).await {
            Ok(token) => tokens.push(token),
            Err(e) if e.status == StatusCode::NOT_FOUND => {}
            Err(e) => return Err(e),
        }
    }
    tokens.sort_by_key(|t| std::cmp::Reverse(t.created));
    Ok(List::new(tokens, false, ""))
}

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path((account, token)): Path<(String, String)>,
) -> Result<Json<GrantedToken>, ApiError> {
    operator.may_see(&account)?;
    check_token_id(&token)?;
    let found = fetch(&state, &account, &token).await?;
    // Looked up by id: listed from now on.
    state.tokens.remember(&account, &found.id);
    Ok(Json(found))
}

async fn fetch(state: &AppState, account: &str, token: &str) -> Result<GrantedToken, ApiError> {
    Ok(state
        .stripe
        .preview(PREVIEW_STRIPE_VERSION)
        .get(
            Some(account),
            &format!("/v1/shared_payment/granted_tokens/{token}"),
            &[],
        )
        .await?)
}

/// What an agent does, for trying the flow: only with test keys, never live.
pub async fn grant(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(account): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<GrantedToken>, ApiError> {
    operator.may_see(&account)?;
    operator.may_edit()?;
    if !state.test_mode {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            StripeError::new(
                ErrorType::InvalidRequestError,
                "Granting a token is a test helper: it works only in the sandbox or with test keys. Live tokens come from agents.",
            )
            .with_code("livemode_mismatch"),
        ));
    }
    let request: GrantTokenRequest = json_body(&body)?;
    if let Some(v) = request.validate(now()).into_iter().next() {
        return Err(ApiError::bad_request(v.into()));
    }
    let mut form = FormBuilder::new();
    form.push("payment_method", &request.payment_method)
        .push("usage_limits[currency]", &request.currency)
        .push("usage_limits[max_amount]", request.max_amount.to_string())
        .push("seller_details[external_id]", &account);
    if let Some(at) = request.expires_at {
        form.push("usage_limits[expires_at]", at.to_string());
    }
    let token: GrantedToken = state
        .stripe
        .preview(PREVIEW_STRIPE_VERSION)
        .post_form(
            Some(&account),
            "/v1/test_helpers/shared_payment/granted_tokens",
            form.pairs(),
            operator.idempotency_key(&headers).as_deref(),
        )
        .await?;
    state.tokens.remember(&account, &token.id);
    tracing::info!(operator = %operator.0.id, %account, token = %token.id, "token granted (test)");
    Ok(Json(token))
}

pub async fn charge(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path((account, token)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<PaymentIntent>, ApiError> {
    operator.may_see(&account)?;
    operator.may_edit()?;
    check_token_id(&token)?;
    let request: ChargeRequest = json_body(&body)?;
    // Against the token as Stripe has it now: a charge that must fail is never sent.
    let current = fetch(&state, &account, &token).await?;
    check_charge(&current, request.amount, &request.currency, now())
        .map_err(|v| ApiError::bad_request(v.into()))?;
    let mut form = FormBuilder::new();
    form.push("amount", request.amount.to_string())
        .push("currency", &request.currency)
        .push("confirm", "true")
        .push("payment_method_data[shared_payment_granted_token]", &token)
        .push("metadata[operator]", &operator.0.id);
    let intent: PaymentIntent = state
        .stripe
        .preview(PREVIEW_STRIPE_VERSION)
        .post_form(
            Some(&account),
            "/v1/payment_intents",
            form.pairs(),
            operator.idempotency_key(&headers).as_deref(),
        )
        .await?;
    tracing::info!(operator = %operator.0.id, %account, %token, payment_intent = %intent.id, "token charged");
    Ok(Json(intent))
}
