//! The audit trail, from a handler's side: every change made through the server is recorded
//! as pending *before* Stripe is called (if that fails, nothing is sent and the operator is
//! told), then completed with what came of it before the answer goes back. A refusal — by
//! the server's own checks or by Stripe — is recorded as refused, with its code.

use axum::http::StatusCode;
use issuing_http::ApiError;
use issuing_model::api::{AuditAnswer, AuditChange, AuditOutcome};
use issuing_model::{AccountId, OperatorProfile, Violation};

use crate::store::{NewAuditEntry, Store};
use crate::stripe::{Answered, StripeCallError};

/// Why a change did not happen: the error the panel gets, and Stripe's `Request-Id` if Stripe
/// was the one to refuse.
pub struct Refusal {
    pub error: ApiError,
    pub request_id: Option<String>,
}

impl From<ApiError> for Refusal {
    fn from(error: ApiError) -> Self {
        Self {
            error,
            request_id: None,
        }
    }
}

impl From<Violation> for Refusal {
    fn from(v: Violation) -> Self {
        ApiError::from(v).into()
    }
}

impl From<StripeCallError> for Refusal {
    fn from(e: StripeCallError) -> Self {
        let request_id = match &e {
            StripeCallError::Stripe { request_id, .. } => request_id.clone(),
            _ => None,
        };
        Self {
            error: e.into(),
            request_id,
        }
    }
}

/// A change recorded as pending, to be finished with its outcome.
#[must_use = "an audit entry left pending says the change's fate is unknown"]
pub struct Pending<'a> {
    store: &'a Store,
    id: String,
}

/// Records `change` (on `account`'s `object_id`, by `operator`, sent with `key`) as pending.
pub async fn begin<'a>(
    store: &'a Store,
    operator: &OperatorProfile,
    account: &AccountId,
    object_id: &str,
    change: &AuditChange,
    key: &str,
) -> Result<Pending<'a>, ApiError> {
    let id = store
        .begin_audit(NewAuditEntry {
            operator,
            account: account.as_str(),
            object_id,
            change,
            idempotency_key: Some(key),
        })
        .await?;
    Ok(Pending { store, id })
}

impl Pending<'_> {
    /// Completes the entry with `result` (and the change as it came out: `object_id` may now
    /// be the object Stripe made), then gives the handler its answer. If the entry cannot be
    /// completed the operator is told, never left thinking all is recorded.
    pub async fn finish<T>(
        self,
        object_id: &str,
        change: &AuditChange,
        result: Result<Answered<T>, Refusal>,
    ) -> Result<T, ApiError> {
        let (outcome, answer) = match &result {
            Ok(answered) => (
                AuditOutcome::Succeeded,
                AuditAnswer {
                    status: Some(200),
                    request_id: answered.request_id.clone(),
                    ..AuditAnswer::default()
                },
            ),
            Err(refusal) => (
                AuditOutcome::of_status(refusal.error.status.as_u16()),
                AuditAnswer {
                    status: Some(refusal.error.status.as_u16()),
                    request_id: refusal.request_id.clone(),
                    error_code: refusal.error.body.error.code.clone(),
                    error_message: Some(refusal.error.body.error.message.clone()),
                },
            ),
        };
        if let Err(e) = self
            .store
            .finish_audit(&self.id, object_id, change, outcome, &answer)
            .await
        {
            tracing::error!(entry = %self.id, "cannot complete an audit entry: {e}");
            return Err(match outcome {
                AuditOutcome::Succeeded => ApiError::api(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    format!(
                        "Stripe made the change (request {}), but the server could not record its outcome: audit entry {} stays pending. Check the object before trying again.",
                        answer.request_id.as_deref().unwrap_or("without an id"),
                        self.id
                    ),
                )
                .with_code("storage_unavailable"),
                _ => e.into(),
            });
        }
        result.map(|answered| answered.value).map_err(|r| r.error)
    }
}
