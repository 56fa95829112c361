//! Who is calling: `Authorization: Bearer <operator token>`, checked on every `/api` call
//! except sign-in. Access to an account is always decided here, never trusted from the panel.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use issuing_model::{AccountId, OperatorProfile};

use super::ApiError;
use crate::AppState;

/// Stripe's limit on an `Idempotency-Key`.
const MAX_IDEMPOTENCY_KEY: usize = 255;

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
            .authenticate(token.trim(), crate::state::unix_now())
            .map(CurrentOperator)
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

    /// The request's `Idempotency-Key`, scoped to this operator so two operators' keys never
    /// collide at Stripe. A key Stripe would not take (empty, over 255 characters, or not
    /// printable ASCII) is a 400: dropping it would send the write unprotected.
    pub fn idempotency_key(
        &self,
        headers: &axum::http::HeaderMap,
    ) -> Result<Option<String>, ApiError> {
        let Some(value) = headers.get("idempotency-key") else {
            return Ok(None);
        };
        let bad = |why: &str| {
            ApiError::invalid_param(
                "Idempotency-Key",
                format!("Invalid Idempotency-Key: {why}."),
            )
        };
        let key = value
            .to_str()
            .ok()
            .filter(|k| k.bytes().all(|b| (0x20..0x7f).contains(&b)))
            .ok_or_else(|| bad("it must be printable ASCII"))?;
        if key.is_empty() {
            return Err(bad("it is empty"));
        }
        if key.len() > MAX_IDEMPOTENCY_KEY {
            return Err(bad(&format!(
                "it is {} characters long, at most {MAX_IDEMPOTENCY_KEY} are allowed",
                key.len()
            )));
        }
        let scoped = format!("{}:{key}", self.0.id);
        // Scoped, a long key may pass Stripe's limit: the same key always maps to the same
        // shorter one (a name-based UUID), so retries still match.
        if scoped.len() <= MAX_IDEMPOTENCY_KEY {
            return Ok(Some(scoped));
        }
        let digest = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, scoped.as_bytes());
        Ok(Some(format!("ia5_{}", digest.simple())))
    }

    /// The request's key as `idempotency_key` gives it, or a new one: a change is always sent
    /// (and recorded in the audit trail) with the key Stripe saw.
    pub fn idempotency_key_or_new(
        &self,
        headers: &axum::http::HeaderMap,
    ) -> Result<String, ApiError> {
        Ok(self
            .idempotency_key(headers)?
            .unwrap_or_else(|| format!("{}:ia_{}", self.0.id, uuid::Uuid::new_v4().simple())))
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
