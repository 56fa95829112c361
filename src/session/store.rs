use issuing_model::OperatorProfile;
use leptos::prelude::*;

use crate::api::ApiClient;

const TOKEN_KEY: &str = "issuing-admin.operator-token";

/// The app-wide session: the server to call and, once signed in, as whom.
#[derive(Clone, Copy)]
pub struct Session {
    server: StoredValue<ApiClient>,
    token: RwSignal<Option<String>>,
    pub operator: RwSignal<Option<OperatorProfile>>,
}

impl Session {
    /// A session for `server`, resuming the token saved by an earlier visit (if any).
    pub fn new(server: ApiClient) -> Self {
        Self {
            server: StoredValue::new(server),
            token: RwSignal::new(storage().and_then(|s| s.get_item(TOKEN_KEY).ok().flatten())),
            operator: RwSignal::new(None),
        }
    }

    /// The server without a token (sign-in calls).
    pub fn server(&self) -> ApiClient {
        self.server.get_value()
    }

    /// The client calling as the signed-in operator, if any (tracked).
    pub fn api(&self) -> Option<ApiClient> {
        self.token
            .get()
            .map(|t| self.server.get_value().with_token(t))
    }

    pub fn sign_in(&self, token: String, operator: OperatorProfile) {
        if let Some(s) = storage() {
            let _ = s.set_item(TOKEN_KEY, &token);
        }
        self.operator.set(Some(operator));
        self.token.set(Some(token));
    }

    pub fn sign_out(&self) {
        if let Some(s) = storage() {
            let _ = s.remove_item(TOKEN_KEY);
        }
        self.operator.set(None);
        self.token.set(None);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
