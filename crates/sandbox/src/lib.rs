//! A local Stripe: a stateful emulator of the Stripe API subset issuing-admin uses, with Stripe's
//! JSON shapes, errors, pagination and `Stripe-Account` scoping. The platform server embeds it as
//! its default backend and talks to it over real HTTP, exactly as it talks to api.stripe.com.

mod auth;
mod card_update_form;
mod created;
mod faults;
pub mod form;
mod idempotency;
mod issuing_forms;
mod ledger;
mod pagination;
mod params;
mod recorder;
mod request_id;
mod rng;
mod routes;
mod seed;
mod seed_history;
mod shipping;
mod state;
mod stripe_defaults;
mod webhooks;

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub use faults::FaultConfig;
pub use recorder::RecordedRequest;
pub use request_id::API_VERSION;
pub use routes::EVENT_TYPES;
pub use seed::{DEFAULT_LARGE_ACCOUNT_CARDS, EURO_ACCOUNT, LARGE_ACCOUNT, UK_ACCOUNT, US_ACCOUNT};
pub use state::Store;
pub use webhooks::DeliveryChaos;

/// The secret key the sandbox accepts unless told otherwise.
pub const DEFAULT_SECRET_KEY: &str = "sk_test_sandbox";
/// The publishable key that goes with it.
pub const DEFAULT_PUBLISHABLE_KEY: &str = "pk_test_sandbox";

#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// The only secret key accepted in `Authorization: Bearer …`.
    pub secret_key: String,
    /// Cards in the large account ([`LARGE_ACCOUNT`]).
    pub large_account_cards: usize,
    /// Latency, errors and dropped connections to inject (none by default).
    pub faults: FaultConfig,
    /// How webhook delivery reorders and repeats events.
    pub delivery: DeliveryChaos,
    /// Keep every API request, for [`RunningSandbox::take_requests`] (tests only).
    pub record_requests: bool,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            secret_key: DEFAULT_SECRET_KEY.to_owned(),
            large_account_cards: DEFAULT_LARGE_ACCOUNT_CARDS,
            faults: FaultConfig::default(),
            delivery: DeliveryChaos::default(),
            record_requests: false,
        }
    }
}

/// Shared by every request handler.
pub(crate) struct AppState {
    pub config: SandboxConfig,
    pub store: Store,
    pub faults: Arc<faults::FaultInjector>,
    pub outbox: webhooks::Outbox,
    pub recorder: recorder::Recorder,
}

/// A sandbox serving on a loopback port, with its clock (token expiry) and webhook delivery
/// running beside it; all of it stops when dropped.
pub struct RunningSandbox {
    addr: SocketAddr,
    state: Arc<AppState>,
    tasks: Vec<JoinHandle<()>>,
}

impl RunningSandbox {
    /// Binds `addr` (port 0 picks a free one) and serves in the background.
    pub async fn start(config: SandboxConfig, addr: SocketAddr) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let (outbox, queued) = webhooks::Outbox::new();
        let state = Arc::new(AppState {
            store: Store::seeded(config.large_account_cards),
            faults: faults::FaultInjector::new(config.faults.clone()),
            outbox,
            recorder: recorder::Recorder::default(),
            config,
        });
        let mut app = routes::router(state.clone());
        if addr.ip().is_loopback() {
            app = app.layer(axum::middleware::from_fn_with_state(
                issuing_http::AllowedHosts::default(),
                issuing_http::loopback_hosts_only,
            ));
        }
        let state_for_handle = state.clone();
        let serve = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::error!("sandbox stopped: {e}");
            }
        });
        let deliver = tokio::spawn(webhooks::deliver_forever(state.clone(), queued));
        let clock = tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
            loop {
                tick.tick().await;
                routes::expire_due(&state);
            }
        });
        Ok(Self {
            addr,
            state: state_for_handle,
            tasks: vec![serve, deliver, clock],
        })
    }

    /// Base URL, e.g. `http://127.0.0.1:41234`, to use where `https://api.stripe.com` would go.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every event recorded so far, oldest first: what Stripe would list at `/v1/events`.
    pub fn events(&self) -> Vec<issuing_model::Event> {
        self.state.store.read().events.clone()
    }

    /// The API requests received since the last call (kept only with `record_requests`).
    pub fn take_requests(&self) -> Vec<RecordedRequest> {
        self.state.recorder.taken()
    }
}

impl Drop for RunningSandbox {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}
