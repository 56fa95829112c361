//! Sign-in (sandbox mode: pick a seeded operator, or get a host token for one) and
//! `GET /api/me`.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use issuing_http::JsonBody;
use issuing_model::api::{SignInRequest, SignedIn};
use issuing_model::{OperatorProfile, StripeError};

use super::auth::CurrentOperator;
use super::ApiError;
use crate::operators::Operator;
use crate::state::unix_now;
use crate::AppState;

/// The operators one may sign in as: sandbox mode only (live operators bring their token).
pub async fn operators(
    State(state): State<Arc<AppState>>,
) -> Result<Json<Vec<OperatorProfile>>, ApiError> {
    sandbox_only(&state)?;
    Ok(Json(state.operators.profiles()))
}

pub async fn sign_in(
    State(state): State<Arc<AppState>>,
    JsonBody(SignInRequest { operator }): JsonBody<SignInRequest>,
) -> Result<Json<SignedIn>, ApiError> {
    let found = seeded(&state, &operator)?;
    Ok(Json(SignedIn {
        token: found.token.clone(),
        operator: found.profile.clone(),
    }))
}

/// How long a host token minted by the sandbox lives (a host keeps them short; the panel asks
/// `getToken` again when one is refused).
const SANDBOX_HOST_TOKEN_SECS: i64 = 15 * 60;

/// `POST /api/sandbox/host_token`: sandbox mode's stand-in for a host dashboard's backend,
/// which mints a short-lived signed token for its signed-in operator. The embedding example
/// calls it to show the real flow offline.
pub async fn host_token(
    State(state): State<Arc<AppState>>,
    JsonBody(SignInRequest { operator }): JsonBody<SignInRequest>,
) -> Result<Json<SignedIn>, ApiError> {
    let found = seeded(&state, &operator)?;
    let minter = state
        .sandbox_minter
        .as_ref()
        .ok_or_else(|| ApiError::api(StatusCode::INTERNAL_SERVER_ERROR, "No host token minter."))?;
    Ok(Json(SignedIn {
        token: minter.mint(&found.profile, unix_now(), SANDBOX_HOST_TOKEN_SECS),
        operator: found.profile.clone(),
    }))
}

pub async fn me(CurrentOperator(operator): CurrentOperator) -> Json<OperatorProfile> {
    Json(operator)
}

/// The seeded sandbox operator `id` (sandbox mode only).
fn seeded<'s>(state: &'s AppState, id: &str) -> Result<&'s Operator, ApiError> {
    sandbox_only(state)?;
    state
        .operators
        .by_id(id)
        .ok_or_else(|| ApiError::invalid_param("operator", format!("No such operator: '{id}'.")))
}

fn sandbox_only(state: &AppState) -> Result<(), ApiError> {
    if state.sandbox_mode {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::NOT_FOUND,
            StripeError::new(
                issuing_model::ErrorType::InvalidRequestError,
                "Sign-in by choosing an operator exists only in sandbox mode; use your platform's token.",
            ),
        ))
    }
}
