//! `POST /api/csp_reports`: where browsers report what the pages' Content-Security-Policy
//! blocked (`report-uri`). They send no credentials, so the body is small, JSON, and only kept
//! and logged.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;

use super::ApiError;
use crate::AppState;

/// A report is a few hundred bytes; more is not one.
pub const MAX_REPORT_BYTES: usize = 16 * 1024;

pub async fn receive(
    State(state): State<Arc<AppState>>,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let report: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|_| ApiError::invalid_request("A CSP report is JSON."))?;
    state.csp_reports.add(report);
    Ok(StatusCode::NO_CONTENT)
}
