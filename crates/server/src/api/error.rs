//! Every `/api` failure, answered in Stripe's error shape so the panel has one error type.

use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use issuing_model::{ErrorType, StripeError};

use crate::stripe_client::StripeCallError;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: Box<StripeError>,
}

impl ApiError {
    pub fn new(status: StatusCode, body: StripeError) -> Self {
        Self {
            status,
            body: Box::new(body),
        }
    }

    pub fn bad_request(body: StripeError) -> Self {
        Self::new(StatusCode::BAD_REQUEST, body)
    }
}

impl From<StripeCallError> for ApiError {
    fn from(e: StripeCallError) -> Self {
        match e {
            // Stripe's own error is the most useful thing the operator can see: keep it whole.
            StripeCallError::Stripe { status, body } => Self {
                status: StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY),
                body,
            },
            StripeCallError::Transport(detail) => {
                tracing::warn!("Stripe unreachable: {detail}");
                Self {
                    status: StatusCode::BAD_GATEWAY,
                    body: Box::new(StripeError::api(
                        "The server could not reach Stripe. Try again in a moment.",
                    )),
                }
            }
            StripeCallError::Decode(detail) => {
                tracing::error!("unreadable Stripe answer: {detail}");
                Self {
                    status: StatusCode::BAD_GATEWAY,
                    body: Box::new(StripeError::api(
                        "Stripe sent an answer the server could not read.",
                    )),
                }
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(*self.body)).into_response()
    }
}

pub async fn unknown_route(method: Method, uri: Uri) -> ApiError {
    ApiError {
        status: StatusCode::NOT_FOUND,
        body: Box::new(StripeError::new(
            ErrorType::InvalidRequestError,
            format!("Unrecognized request URL ({method}: {}).", uri.path()),
        )),
    }
}

/// axum answers a body over its limit (2 MB) with plain text before any handler runs; this
/// gives that answer Stripe's error shape like every other `/api` failure.
pub async fn too_large_in_stripe_shape(response: Response) -> Response {
    if response.status() != StatusCode::PAYLOAD_TOO_LARGE {
        return response;
    }
    ApiError {
        status: StatusCode::PAYLOAD_TOO_LARGE,
        body: Box::new(StripeError::new(
            ErrorType::InvalidRequestError,
            "The request body is too large (the limit is 2 MB).",
        )),
    }
    .into_response()
}
