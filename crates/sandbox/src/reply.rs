//! Answers in Stripe's shapes: JSON bodies, and errors as `{ "error": {...} }` with Stripe's
//! status codes.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use issuing_model::StripeError;

/// A Stripe error with the HTTP status Stripe would send it with.
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

    pub fn not_found(param: &str, id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            StripeError::resource_missing(param, id),
        )
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            StripeError::new(issuing_model::ErrorType::InvalidRequestError, message),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(*self.body)).into_response()
    }
}

pub type ApiResult<T> = Result<Json<T>, ApiError>;
