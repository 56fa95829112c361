//! The reference platform server: holds the Stripe secret key, serves the panel's `/api`, and
//! (by default) embeds the local Stripe sandbox so everything runs offline.

pub mod api;
mod audit;
pub mod config;
mod cors;
pub mod csp;
pub mod events;
pub mod host_tokens;
pub mod operators;
pub mod rate_limits;
pub mod serve;
mod spa;
mod state;
mod static_files;
pub mod store;
pub mod stripe;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use stripe_sandbox::RunningSandbox;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use config::{ConfigError, ServerConfig, StripeMode};
use host_tokens::{HostTokens, SandboxMinter};
use operators::Operators;
pub use state::AppState;
pub use store::Database;
use store::{Fanout, Store};
use stripe::{Stripe, StripeClient};

/// Stripe's Connect embedded components script.
pub const STRIPE_CONNECT_SCRIPT: &str = "https://connect-js.stripe.com/v1.0/connect.js";

/// A server listening on its address; the embedded sandbox (if any) lives as long as it does.
pub struct RunningServer {
    addr: SocketAddr,
    task: JoinHandle<()>,
    csp_reports: Arc<csp::Reports>,
    sandbox: Option<RunningSandbox>,
    webhook_secret: Option<String>,
    stop: Arc<watch::Sender<bool>>,
}

/// Where the sandbox should send events: this server's webhook route, on a loopback address.
fn webhook_url(addr: SocketAddr) -> String {
    let ip = if addr.ip().is_unspecified() {
        std::net::IpAddr::from([127, 0, 0, 1])
    } else {
        addr.ip()
    };
    format!(
        "http://{}/api/webhooks/stripe",
        SocketAddr::new(ip, addr.port())
    )
}

impl RunningServer {
    pub async fn start(config: ServerConfig) -> std::io::Result<Self> {
        // Anyone who reaches a sandbox-mode server signs in as any operator: loopback only.
        if matches!(config.stripe, StripeMode::Sandbox(_)) && !config.listen.ip().is_loopback() {
            return Err(std::io::Error::other(format!(
                "sandbox mode listens on loopback only (127.0.0.1 or ::1), not {}: anyone who \
                 reaches it may sign in as any operator",
                config.listen.ip()
            )));
        }
        // First: a server that cannot keep its records must not start at all.
        let store = Arc::new(
            Store::open(&config.database)
                .await
                .map_err(|e| std::io::Error::other(format!("storage: {e}")))?,
        );
        let (stripe_base, secret_key, publishable_key, sandbox) = match &config.stripe {
            StripeMode::Sandbox(sandbox_config) => {
                let sandbox = RunningSandbox::start(
                    sandbox_config.clone(),
                    SocketAddr::from(([127, 0, 0, 1], 0)),
                )
                .await?;
                (
                    sandbox.url(),
                    stripe_sandbox::DEFAULT_SECRET_KEY.to_owned(),
                    stripe_sandbox::DEFAULT_PUBLISHABLE_KEY.to_owned(),
                    Some(sandbox),
                )
            }
            StripeMode::Live {
                api_base,
                secret_key,
                publishable_key,
            } => (
                api_base.clone(),
                secret_key.clone(),
                publishable_key.clone(),
                None,
            ),
        };
        let (operators, sandbox_minter) = who_may_sign_in(&config, sandbox.is_some())?;
        let csp_reports = Arc::new(csp::Reports::default());
        let stripe = Stripe::new(StripeClient::new(
            &stripe_base,
            &secret_key,
            &config.stripe_version,
            config.retry,
        ));
        // Bound first: in sandbox mode the webhook endpoint registered below needs the port.
        let listener = TcpListener::bind(config.listen).await?;
        let addr = listener.local_addr()?;
        let webhook_secret = match &sandbox {
            Some(_) => {
                let endpoint = stripe
                    .create_webhook_endpoint(&webhook_url(addr))
                    .await
                    .map_err(|e| std::io::Error::other(format!("sandbox webhook endpoint: {e}")))?;
                endpoint.secret
            }
            None => config.webhook_secret.as_ref().map(|s| s.0.clone()),
        };
        let test_mode = sandbox.is_some() || config::is_test_key(&secret_key);
        let (stop_tx, stop) = watch::channel(false);
        let events = Arc::new(events::EventHub::new(store.clone()));
        {
            let events = events.clone();
            Fanout::start(
                store.clone(),
                events.instance().to_owned(),
                move |event| {
                    events.publish(event);
                },
                stop.clone(),
            )
            .await
            .map_err(|e| {
                std::io::Error::other(format!(
                    "storage: cannot listen for other instances' events: {e}"
                ))
            })?;
        }
        let state = Arc::new(AppState {
            stripe,
            test_mode,
            webhook_secret: webhook_secret.clone(),
            store: store.clone(),
            events,
            stop,
            sandbox_mode: sandbox.is_some(),
            connect_script_url: match &sandbox {
                Some(sandbox) => format!("{}/_sandbox/connect.js", sandbox.url()),
                None => STRIPE_CONNECT_SCRIPT.to_owned(),
            },
            publishable_key,
            disable_stripe_user_authentication: config.disable_stripe_user_authentication,
            operators,
            sandbox_minter,
            csp_reports: csp_reports.clone(),
        });
        let state_stop = state.stop.clone();
        let app = app(state, &config);
        let stop_tx = Arc::new(stop_tx);
        if let Some(limit) = config.max_lifetime {
            let stop_tx = stop_tx.clone();
            tokio::spawn(async move {
                tokio::time::sleep(limit).await;
                let _ = stop_tx.send(true);
            });
        }
        let mut stopping = state_stop;
        let limits = config.limits;
        let task = tokio::spawn(async move {
            let store = store;
            // Stopping also ends the live event streams, which would otherwise hold shutdown up.
            let stop = async move {
                let _ = stopping.wait_for(|stopped| *stopped).await;
            };
            serve::serve(listener, app, limits, stop).await;
            // Let go of the database (a restarted server, or another process, may open it).
            store.close().await;
        });
        Ok(Self {
            addr,
            task,
            csp_reports,
            sandbox,
            webhook_secret,
            stop: stop_tx,
        })
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The Content-Security-Policy violations browsers have reported to this server.
    pub fn csp_reports(&self) -> Vec<serde_json::Value> {
        self.csp_reports.all()
    }

    /// The embedded sandbox, in sandbox mode.
    pub fn sandbox(&self) -> Option<&RunningSandbox> {
        self.sandbox.as_ref()
    }

    /// The embedded sandbox's base URL, in sandbox mode.
    pub fn sandbox_url(&self) -> Option<String> {
        self.sandbox.as_ref().map(RunningSandbox::url)
    }

    /// The secret webhooks must be signed with (in sandbox mode, the one the sandbox issued).
    pub fn webhook_secret(&self) -> Option<&str> {
        self.webhook_secret.as_deref()
    }

    /// Stops serving (open streams end, in-flight requests finish) and waits until it has.
    pub async fn shutdown(mut self) {
        self.stop().await;
    }

    /// The same, keeping the handle (its sandbox, if any, stays up).
    pub async fn stop(&mut self) {
        let _ = self.stop.send(true);
        self.stopped().await;
    }

    /// Resolves when the server has stopped (its lifetime ran out, or it failed).
    pub async fn stopped(&mut self) {
        let _ = (&mut self.task).await;
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The `/api` router alone, in process: sandbox operators, and Stripe at `stripe_base` with
/// the sandbox's key. For what never needs a socket (routing, sign-in, permissions), called
/// with `tower::ServiceExt::oneshot`; a call that reaches Stripe goes to `stripe_base`.
pub async fn in_process_api(stripe_base: &str) -> Router {
    let (_, stop) = watch::channel(false);
    let store = Arc::new(
        Store::open(&Database::Temporary)
            .await
            .expect("a temporary database opens"),
    );
    let state = Arc::new(AppState {
        stripe: Stripe::new(StripeClient::new(
            stripe_base,
            stripe_sandbox::DEFAULT_SECRET_KEY,
            config::DEFAULT_STRIPE_VERSION,
            stripe::RetryPolicy::default(),
        )),
        sandbox_mode: true,
        publishable_key: stripe_sandbox::DEFAULT_PUBLISHABLE_KEY.to_owned(),
        connect_script_url: STRIPE_CONNECT_SCRIPT.to_owned(),
        disable_stripe_user_authentication: false,
        operators: Operators::sandbox(),
        sandbox_minter: None,
        csp_reports: Arc::default(),
        test_mode: true,
        webhook_secret: None,
        events: Arc::new(events::EventHub::new(store.clone())),
        store,
        stop,
    });
    api::router(state, rate_limits::RateLimits::default())
}

/// Who may use the panel. Sandbox mode: its seeded operators (by sign-in, or by a host token
/// it mints for the embedding example), never real ones. Live mode: the operators file, host
/// tokens, or both; at least one.
fn who_may_sign_in(
    config: &ServerConfig,
    sandbox: bool,
) -> std::io::Result<(Operators, Option<SandboxMinter>)> {
    let refuse = |message: &str| Err(std::io::Error::other(message.to_owned()));
    if sandbox {
        // The sandbox's sign-in hands a token to whoever asks: never real operators'.
        if config.operators_file.is_some() || config.host_tokens.is_some() {
            return refuse(
                "sandbox mode seeds its own operators and hands their tokens to anyone who \
                 signs in: IA_OPERATORS_FILE and host token keys are for live mode only",
            );
        }
        let minter = SandboxMinter::new();
        let host_tokens = HostTokens::load(&minter.config()).map_err(std::io::Error::other)?;
        return Ok((
            Operators::sandbox().with_host_tokens(host_tokens),
            Some(minter),
        ));
    }
    let mut operators = match &config.operators_file {
        Some(path) => Operators::from_file(path).map_err(std::io::Error::other)?,
        None => Operators::default(),
    };
    if let Some(host_tokens) = &config.host_tokens {
        operators = operators
            .with_host_tokens(HostTokens::load(host_tokens).map_err(std::io::Error::other)?);
    }
    if operators.is_empty() {
        return refuse(
            "live mode needs operators: IA_OPERATORS_FILE (static tokens), host tokens \
             (IA_HOST_TOKEN_SECRET, --host-token-public-key or --host-token-jwks), or both",
        );
    }
    Ok((operators, None))
}

fn app(state: Arc<AppState>, config: &ServerConfig) -> Router {
    let policy = if state.sandbox_mode {
        csp::PagePolicy::sandbox(
            origin_of(&state.connect_script_url),
            &config.frame_ancestors,
        )
    } else {
        csp::PagePolicy::stripe(&config.frame_ancestors)
    };
    let mut app = api::router(state, config.rate_limits);
    if let Some(dir) = &config.static_dir {
        // Single-page apps: unknown paths get the nearest index.html, so deep links and
        // reloads work for the panel's page and for host pages under their base path.
        // `/api` itself never falls through to the panel: an unknown API URL is Stripe's 404.
        let unknown = || axum::routing::any(issuing_http::unknown_route);
        let files = static_files::StaticFiles::new(dir.clone(), policy);
        files.warm_up();
        app = app
            .route("/api", unknown())
            .route("/api/", unknown())
            .route("/api/{*rest}", unknown())
            .fallback(spa::service(files, dir.clone()));
    }
    if config.listen.ip().is_loopback() {
        app = app.layer(axum::middleware::from_fn_with_state(
            issuing_http::AllowedHosts::new(config.allowed_hosts.iter().cloned()),
            issuing_http::loopback_hosts_only,
        ));
    }
    app.layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
        config.limits.body_read_timeout,
    ))
    .layer(axum::middleware::from_fn(csp::security_headers))
    .layer(cors::layer(&config.allowed_origins))
    .layer(tower_http::trace::TraceLayer::new_for_http())
}

/// `scheme://host[:port]` of `url`.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    url[after_scheme..]
        .find('/')
        .map_or(url, |slash| &url[..after_scheme + slash])
}
