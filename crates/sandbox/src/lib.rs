//! A local Stripe: a stateful emulator of the Stripe API subset issuing-admin uses, with Stripe's
//! JSON shapes, errors, pagination and `Stripe-Account` scoping. The platform server embeds it as
//! its default backend and talks to it over real HTTP, exactly as it talks to api.stripe.com.

mod auth;
mod faults;
mod idempotency;
mod pagination;
mod params;
mod reply;
mod rng;
mod routes;
mod seed;
mod state;

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub use faults::FaultConfig;
pub use seed::{DEFAULT_LARGE_ACCOUNT_CARDS, LARGE_ACCOUNT};
pub use state::Store;

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
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            secret_key: DEFAULT_SECRET_KEY.to_owned(),
            large_account_cards: DEFAULT_LARGE_ACCOUNT_CARDS,
            faults: FaultConfig::default(),
        }
    }
}

/// Shared by every request handler.
pub(crate) struct AppState {
    pub config: SandboxConfig,
    pub store: Store,
    pub faults: Arc<faults::FaultInjector>,
}

/// The sandbox's HTTP routes over a freshly seeded store.
pub fn router(config: SandboxConfig) -> axum::Router {
    let state = Arc::new(AppState {
        store: Store::seeded(config.large_account_cards),
        faults: faults::FaultInjector::new(config.faults.clone()),
        config,
    });
    routes::router(state)
}

/// A sandbox serving on a loopback port; it stops when dropped.
pub struct RunningSandbox {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl RunningSandbox {
    /// Binds `addr` (port 0 picks a free one) and serves in the background.
    pub async fn start(config: SandboxConfig, addr: SocketAddr) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let app = router(config);
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::error!("sandbox stopped: {e}");
            }
        });
        Ok(Self { addr, task })
    }

    /// Base URL, e.g. `http://127.0.0.1:41234`, to use where `https://api.stripe.com` would go.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for RunningSandbox {
    fn drop(&mut self) {
        self.task.abort();
    }
}
