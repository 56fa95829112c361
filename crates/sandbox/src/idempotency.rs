//! `Idempotency-Key` on POST, as Stripe does it: the same key and parameters replay the first
//! answer (with `Idempotent-Replayed: true`); the same key with other parameters is an
//! `idempotency_error`; a key still in flight is a 409. Answers to requests that failed
//! validation are not kept, so a corrected retry with the same key goes through.

use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use issuing_model::{ErrorType, StripeError};

use crate::state::IdempotencyRecord;
use crate::AppState;
use issuing_http::ApiError;

const MAX_BODY: usize = 1 << 20;

pub async fn idempotency(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    let Some(key) = request
        .headers()
        .get("idempotency-key")
        .map(|v| v.to_str().map(str::to_owned))
    else {
        return next.run(request).await;
    };
    let key = match key {
        Ok(k) if !k.is_empty() && k.len() <= 255 => k,
        _ => {
            return ApiError::bad_request(idempotency_error(
                "Idempotency-Key must be 1 to 255 printable characters.",
            ))
            .into_response()
        }
    };
    let scope = request
        .headers()
        .get("stripe-account")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("platform")
        .to_owned();
    let (parts, body) = request.into_parts();
    let Ok(body) = to_bytes(body, MAX_BODY).await else {
        return ApiError::bad_request(StripeError::new(
            ErrorType::InvalidRequestError,
            "Request body too large.",
        ))
        .into_response();
    };
    let fingerprint = format!(
        "{} {} {}",
        parts.method,
        parts.uri,
        String::from_utf8_lossy(&body)
    );
    let slot = (scope, key.clone());
    {
        let mut data = state.store.write();
        match data.idempotency.get(&slot) {
            Some(record) if record.fingerprint() != fingerprint => {
                return ApiError::bad_request(idempotency_error(format!(
                    "Keys for idempotent requests can only be used with the same parameters they were \
                     first used with. Try using a key other than '{key}' if you meant to execute a \
                     different request."
                )))
                .into_response();
            }
            Some(IdempotencyRecord::InFlight { .. }) => {
                return ApiError::new(
                    StatusCode::CONFLICT,
                    idempotency_error(
                        "There is currently another in-progress request using this Stripe-Idempotency-Key. \
                         Please try again later.",
                    )
                    .with_code("idempotency_key_in_use"),
                )
                .into_response();
            }
            Some(IdempotencyRecord::Done { status, body, .. }) => {
                let mut replay = (
                    StatusCode::from_u16(*status).unwrap_or(StatusCode::OK),
                    [("content-type", "application/json")],
                    body.clone(),
                )
                    .into_response();
                replay
                    .headers_mut()
                    .insert("idempotent-replayed", HeaderValue::from_static("true"));
                return replay;
            }
            None => {
                data.idempotency.insert(
                    slot.clone(),
                    IdempotencyRecord::InFlight {
                        fingerprint: fingerprint.clone(),
                    },
                );
            }
        }
    }
    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    let (parts, body) = response.into_parts();
    let body = to_bytes(body, MAX_BODY).await.unwrap_or_default();
    let status = parts.status.as_u16();
    let mut data = state.store.write();
    if matches!(status, 400 | 401 | 403 | 429) {
        data.idempotency.remove(&slot);
    } else {
        data.idempotency.insert(
            slot,
            IdempotencyRecord::Done {
                fingerprint,
                status,
                body: body.to_vec(),
            },
        );
    }
    Response::from_parts(parts, Body::from(body))
}

fn idempotency_error(message: impl Into<String>) -> StripeError {
    StripeError::new(ErrorType::IdempotencyError, message)
}
