//! What every `/api` handler shares.

use std::sync::Arc;

use tokio::sync::watch;

use crate::events::EventHub;
use crate::host_tokens::SandboxMinter;
use crate::operators::Operators;
use crate::store::Store;
use crate::stripe::Stripe;

pub struct AppState {
    pub stripe: Stripe,
    pub sandbox_mode: bool,
    pub publishable_key: String,
    pub connect_script_url: String,
    /// Stripe's user authentication off in the cards list's sessions (`--connect-disable-stripe-user-authentication`).
    pub disable_stripe_user_authentication: bool,
    pub operators: Operators,
    /// Sandbox mode: mints host tokens for its operators, as a host's backend would.
    pub sandbox_minter: Option<SandboxMinter>,
    /// Test keys or the sandbox: test helpers (granting tokens) are allowed.
    pub test_mode: bool,
    /// The signing secret webhooks are checked with; none means webhooks are refused.
    pub webhook_secret: Option<String>,
    /// The durable state: events, known tokens, stream tickets, the audit trail.
    pub store: Arc<Store>,
    pub events: Arc<EventHub>,
    /// Content-Security-Policy violations browsers reported.
    pub csp_reports: Arc<crate::csp::Reports>,
    /// Turns true when the server is stopping, so live streams end and shutdown is not held up.
    pub stop: watch::Receiver<bool>,
}

/// Unix seconds now (token expiry, webhook signature age).
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
