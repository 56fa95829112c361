//! `GET /api/config`: what the panel needs to know about this server (never a secret).

use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use serde::Serialize;

use crate::AppState;

#[derive(Serialize)]
pub struct ClientConfig {
    /// `sandbox` or `live`: the panel shows which, so nobody mistakes one for the other.
    pub mode: &'static str,
    pub publishable_key: String,
    /// Stripe's Connect script in live mode, the sandbox's stand-in otherwise.
    pub connect_script_url: String,
}

pub async fn get(State(state): State<Arc<AppState>>) -> Json<ClientConfig> {
    Json(ClientConfig {
        mode: if state.sandbox_mode {
            "sandbox"
        } else {
            "live"
        },
        publishable_key: state.publishable_key.clone(),
        connect_script_url: state.connect_script_url.clone(),
    })
}
