//! `GET /api/config`: what the panel needs to know about this server (never a secret).

use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use issuing_model::api::ClientConfig;

use crate::AppState;

pub async fn get(State(state): State<Arc<AppState>>) -> Json<ClientConfig> {
    Json(ClientConfig {
        mode: if state.sandbox_mode {
            "sandbox"
        } else {
            "live"
        }
        .to_owned(),
        publishable_key: state.publishable_key.clone(),
        connect_script_url: state.connect_script_url.clone(),
        test_mode: state.test_mode,
    })
}
