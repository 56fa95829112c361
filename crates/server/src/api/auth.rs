//! Who is calling: `Authorization: Bearer <operator token>`, checked on every `/api` call
//! except sign-in. Access to an account is always decided here, never trusted from the panel.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use issuing_model::{AccountId, OperatorProfile};

use super::ApiError;
use crate::AppState;

/// The signed-in operator making this request.
pub struct CurrentOperator(pub OperatorProfile);

impl FromRequestParts<Arc<AppState>> for CurrentOperator {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| {
                unauthorized("Sign in first: this request carries no operator token.")
            })?;
        state
            .operators
            .by_token(token.trim())
            .map(|o| CurrentOperator(o.profile.clone()))
            .ok_or_else(|| {
                unauthorized(
                    "This operator token is not valid (signed out or expired). Sign in again.",
                )
            })
    }
}

/// 401 `authentication_required`: the panel signs the operator in again.
pub(super) fn unauthorized(message: &str) -> ApiError {
    ApiError::unauthorized(message).with_code("authentication_required")
}

impl CurrentOperator {
    /// 403 unless the operator may see `account`.
    pub fn may_see(&self, account: &AccountId) -> Result<(), ApiError> {
        if self.0.can_see(account.as_str()) {
            Ok(())
        } else {
            Err(forbidden(
                format!("You do not have access to account '{account}'."),
                "account",
            ))
        }
    }

    /// The request's `Idempotency-Key` (if a sane one), scoped to this operator so two
    /// operators' keys never collide at Stripe.
    pub fn idempotency_key(&self, headers: &axum::http::HeaderMap) -> Option<String> {
        headers
            .get("idempotency-key")
            .and_then(|v| v.to_str().ok())
            .filter(|k| !k.is_empty() && k.len() <= 200)
            .map(|k| format!("{}:{k}", self.0.id))
    }

    /// The request's key as `idempotency_key` gives it, or a new one: a change is always sent
    /// (and recorded in the audit trail) with the key Stripe saw.
    pub fn idempotency_key_or_new(&self, headers: &axum::http::HeaderMap) -> String {
        self.idempotency_key(headers)
            .unwrap_or_else(|| format!("{}:ia_{}", self.0.id, uuid::Uuid::new_v4().simple()))
    }

    /// 403 unless the operator may change things.
    pub fn may_edit(&self) -> Result<(), ApiError> {
        if self.0.can_edit() {
            Ok(())
        } else {
            Err(forbidden(
                "Your operator role is read-only: you can view cards but not change them.".into(),
                "card",
            ))
        }
    }
}

impl CurrentOperator {
    /// 403 unless the operator may reveal card numbers (the ephemeral key is what lets
    /// Stripe's card component show them).
    pub fn may_reveal_card_numbers(&self) -> Result<(), ApiError> {
        if self.0.can_reveal_card_numbers() {
            Ok(())
        } else {
            Err(forbidden(
                "Your operator may not reveal card numbers: ask the platform for that right."
                    .into(),
                "issuing_card",
            ))
        }
    }
}

fn forbidden(message: String, param: &str) -> ApiError {
    ApiError::forbidden(message)
        .with_code("permission_denied")
        .with_param(param)
}
