//! `Authorization: Bearer sk_…`, checked the way Stripe checks it, before any route runs.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use issuing_http::ApiError;

pub async fn require_secret_key(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let presented = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match presented {
        None => ApiError::unauthorized(
            "You did not provide an API key. You need to provide your API key in the \
             Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
        )
        .into_response(),
        Some(key) if key.starts_with("pk_") => ApiError::unauthorized(
            "This API call cannot be made with a publishable API key. Please use a secret API key.",
        )
        .into_response(),
        Some(key) if key != state.config.secret_key => {
            ApiError::unauthorized(format!("Invalid API Key provided: {}", redact(key)))
                .into_response()
        }
        Some(_) => next.run(request).await,
    }
}

/// Stripe shows only the ends of a wrong key.
fn redact(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() <= 8 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..8].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 12))
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn redact_keeps_only_the_ends_of_a_key() {
        assert_eq!(redact("sk_test_abcdefghijkl"), "sk_test_********ijkl");
        assert_eq!(redact("short"), "*****");
    }
}
