//! Shared Payment Tokens granted to a connected account: list, retrieve, grant (a test helper,
//! test mode only) and charge (a confirmed PaymentIntent). Input is checked with the model
//! crate's rules, and a charge against the token as Stripe has it now, before anything is sent.

use std::sync::Arc;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use issuing_http::{JsonBody, NoParams, Path, Query};
use issuing_model::api::{AuditChange, ChargeRequest, GrantTokenRequest};
use issuing_model::rules::check_charge;
use issuing_model::{AccountId, GrantedToken, List, PaymentIntent};

use super::auth::CurrentOperator;
use super::{AccountPath, ApiError, TokenPath};
use crate::audit::{self, Refusal};
use crate::state::unix_now as now;
use crate::stripe::StripeCallError;
use crate::AppState;

pub async fn list(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(AccountPath { account }): Path<AccountPath>,
    // Not paged (an account holds few tokens): a cursor or limit is refused, not ignored.
    _: Query<NoParams>,
) -> Result<Json<List<GrantedToken>>, ApiError> {
    operator.may_see(&account)?;
    // Stripe's preview API has no list of granted tokens: list the ones we know.
    let mut list = known_tokens(&state, &account).await?;
    list.url = format!("/api/accounts/{account}/tokens");
    Ok(Json(list))
}

/// Each token the directory knows under `account`, as Stripe has it now (newest first).
async fn known_tokens(
    state: &AppState,
    account: &AccountId,
) -> Result<List<GrantedToken>, ApiError> {
    let mut tokens = Vec::new();
    for id in state.store.known_tokens(account.as_str()).await? {
        // The directory holds only ids Stripe gave us; one that no longer parses is skipped.
        let Ok(id) = id.parse() else { continue };
        match state.stripe.granted_token(account, &id).await {
            Ok(token) => tokens.push(token),
            Err(StripeCallError::Stripe { status: 404, .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    tokens.sort_by_key(|t| std::cmp::Reverse(t.created));
    Ok(List::new(tokens, false, ""))
}

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(TokenPath { account, token }): Path<TokenPath>,
) -> Result<Json<GrantedToken>, ApiError> {
    operator.may_see(&account)?;
    let found = state.stripe.granted_token(&account, &token).await?;
    // Looked up by id: listed from now on.
    state
        .store
        .remember_token(account.as_str(), &found.id)
        .await?;
    Ok(Json(found))
}

/// What an agent does, for trying the flow: only with test keys, never live.
pub async fn grant(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(AccountPath { account }): Path<AccountPath>,
    headers: HeaderMap,
    JsonBody(request): JsonBody<GrantTokenRequest>,
) -> Result<Json<GrantedToken>, ApiError> {
    let key = operator.idempotency_key_or_new(&headers)?;
    let change = |token: Option<String>| AuditChange::TokenGrant {
        requested: request.clone(),
        token,
    };
    // Until Stripe names the token, the entry is about the account.
    let entry = audit::begin(
        &state.store,
        &operator.0,
        &account,
        account.as_str(),
        &change(None),
        &key,
    )
    .await?;
    let result = async {
        operator.may_see(&account)?;
        operator.may_edit()?;
        if !state.test_mode {
            return Err(ApiError::forbidden(
                "Granting a token is a test helper: it works only in the sandbox or with test keys. Live tokens come from agents.",
            )
            .with_code("livemode_mismatch")
            .into());
        }
        request.check(now())?;
        let token = state
            .stripe
            .grant_test_token(&account, &request, Some(&key))
            .await?;
        state
            .store
            .remember_token(account.as_str(), &token.value.id)
            .await
            .map_err(ApiError::from)?;
        Ok::<_, Refusal>(token)
    }
    .await;
    let token_id = result.as_ref().ok().map(|t| t.value.id.clone());
    let object = token_id.clone().unwrap_or_else(|| account.to_string());
    let token = entry.finish(&object, &change(token_id), result).await?;
    tracing::info!(operator = %operator.0.id, %account, token = %token.id, "token granted (test)");
    Ok(Json(token))
}

pub async fn charge(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(TokenPath { account, token }): Path<TokenPath>,
    headers: HeaderMap,
    JsonBody(request): JsonBody<ChargeRequest>,
) -> Result<Json<PaymentIntent>, ApiError> {
    let key = operator.idempotency_key_or_new(&headers)?;
    let change = |payment_intent: Option<String>| AuditChange::TokenCharge {
        requested: request.clone(),
        payment_intent,
    };
    let entry = audit::begin(
        &state.store,
        &operator.0,
        &account,
        token.as_str(),
        &change(None),
        &key,
    )
    .await?;
    let result = async {
        operator.may_see(&account)?;
        operator.may_edit()?;
        // Against the token as Stripe has it now: a charge that must fail is never sent.
        let current = state.stripe.granted_token(&account, &token).await?;
        check_charge(&current, request.amount, &request.currency, now())?;
        Ok::<_, Refusal>(
            state
                .stripe
                .charge_token(&account, &token, &request, &operator.0.id, Some(&key))
                .await?,
        )
    }
    .await;
    let intent_id = result.as_ref().ok().map(|i| i.value.id.clone());
    let intent = entry
        .finish(token.as_str(), &change(intent_id), result)
        .await?;
    tracing::info!(operator = %operator.0.id, %account, %token, payment_intent = %intent.id, "token charged");
    Ok(Json(intent))
}
