//! `issuing-server`: the reference platform server. With `--sandbox` it runs against the
//! embedded sandbox; with `STRIPE_SECRET_KEY` and `STRIPE_PUBLISHABLE_KEY` it talks to Stripe.
//! With neither it refuses to start.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use issuing_server::config::{WebhookSecret, DEFAULT_STRIPE_VERSION};
use issuing_server::host_tokens::{HostKeys, HostTokenConfig};
use issuing_server::rate_limits::{Quota, RateLimits};
use issuing_server::serve::ConnectionLimits;
use issuing_server::stripe::RetryPolicy;
use issuing_server::{Database, RunningServer, ServerConfig, StripeMode};
use stripe_sandbox::{FaultConfig, SandboxConfig};

#[derive(Parser)]
#[command(version, about)]
struct Args {
    /// Run against the embedded local Stripe sandbox (offline; sandbox operators sign in by
    /// choosing a name, so it listens on loopback only and takes no operators file).
    #[arg(long)]
    sandbox: bool,
    /// Address to listen on (loopback unless you mean to expose it).
    #[arg(long, env = "IA_HOST", default_value = "127.0.0.1")]
    host: IpAddr,
    /// Port to listen on (0 picks a free one).
    #[arg(long, env = "IA_API_PORT", default_value_t = 8787)]
    port: u16,
    /// Serve the built panel from this folder (e.g. `dist`).
    #[arg(long, env = "IA_STATIC_DIR")]
    static_dir: Option<PathBuf>,
    /// Origins allowed to call /api from another origin; `loopback` admits local test pages.
    #[arg(long = "allow-origin", env = "IA_ALLOW_ORIGINS", value_delimiter = ',')]
    allow_origins: Vec<String>,
    /// On loopback, host names answered beside localhost, 127.0.0.1 and [::1] (a page
    /// addressed to any other name is refused: DNS rebinding).
    #[arg(long = "allow-host", env = "IA_ALLOWED_HOSTS", value_delimiter = ',')]
    allowed_hosts: Vec<String>,
    /// Turn off Stripe's own user authentication in the cards list's sessions: for accounts
    /// whose requirements the platform collects (Stripe's popup may be blocked otherwise).
    #[arg(long, env = "IA_CONNECT_DISABLE_STRIPE_USER_AUTHENTICATION")]
    connect_disable_stripe_user_authentication: bool,
    /// Who may frame the panel's pages (CSP frame-ancestors), e.g. "'self' https://dash.example".
    #[arg(long, env = "IA_FRAME_ANCESTORS", default_value = "'none'")]
    frame_ancestors: String,
    /// Seconds a client has to send a request's headers (and the most a connection idles).
    #[arg(long, env = "IA_HEADER_READ_TIMEOUT_SECS", default_value_t = 10)]
    header_read_timeout_secs: u64,
    /// Seconds a client has to send a request's body.
    #[arg(long, env = "IA_BODY_READ_TIMEOUT_SECS", default_value_t = 30)]
    body_read_timeout_secs: u64,
    /// Connections served at once; more wait until one ends.
    #[arg(long, env = "IA_MAX_CONNECTIONS", default_value_t = 1024)]
    max_connections: usize,
    /// Sign-in, ephemeral keys and account sessions: requests at once, per client and operator.
    #[arg(long, env = "IA_RATE_SENSITIVE_BURST", default_value_t = RateLimits::default().sensitive.burst)]
    rate_sensitive_burst: u32,
    /// … and how many more per minute.
    #[arg(long, env = "IA_RATE_SENSITIVE_PER_MINUTE", default_value_t = RateLimits::default().sensitive.per_minute)]
    rate_sensitive_per_minute: u32,
    /// Changes: requests at once, per client and operator (a bulk action sends one per card).
    #[arg(long, env = "IA_RATE_WRITES_BURST", default_value_t = RateLimits::default().writes.burst)]
    rate_writes_burst: u32,
    /// … and how many more per minute.
    #[arg(long, env = "IA_RATE_WRITES_PER_MINUTE", default_value_t = RateLimits::default().writes.per_minute)]
    rate_writes_per_minute: u32,
    /// Stop by itself after this many seconds.
    #[arg(long, env = "IA_MAX_LIFETIME_SECS")]
    max_lifetime_secs: Option<u64>,
    /// Stripe API base (live mode), e.g. a Stripe-compatible endpoint.
    #[arg(long, env = "STRIPE_API_BASE")]
    stripe_api_base: Option<String>,
    /// Stripe-Version header sent on every request.
    #[arg(long, env = "STRIPE_VERSION", default_value = DEFAULT_STRIPE_VERSION)]
    stripe_version: String,
    /// Live mode: JSON file of operators `[{ id, name, role, accounts, token }]`.
    #[arg(long, env = "IA_OPERATORS_FILE")]
    operators_file: Option<PathBuf>,
    /// Live mode: take host tokens signed with this public key (PEM: RSA for RS256, P-256 for
    /// ES256, Ed25519 for EdDSA). A shared HS256 secret comes from IA_HOST_TOKEN_SECRET.
    #[arg(long, env = "IA_HOST_TOKEN_PUBLIC_KEY")]
    host_token_public_key: Option<PathBuf>,
    /// Live mode: take host tokens signed with one of these keys (a JWKS file; `kid` picks).
    #[arg(long, env = "IA_HOST_TOKEN_JWKS")]
    host_token_jwks: Option<PathBuf>,
    /// The `aud` host tokens must carry.
    #[arg(long, env = "IA_HOST_TOKEN_AUDIENCE", default_value = issuing_server::host_tokens::DEFAULT_AUDIENCE)]
    host_token_audience: String,
    /// The `iss` host tokens must carry, if any.
    #[arg(long, env = "IA_HOST_TOKEN_ISSUER")]
    host_token_issuer: Option<String>,
    /// Where the server keeps its records: `sqlite:path` (a file, created if missing) or
    /// `postgres://user:password@host/db` (to run several instances on one database).
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://issuing-admin.sqlite3"
    )]
    database_url: String,
    /// Sandbox: cards in the large account (acct_1SbxUSFleetHub).
    #[arg(long, env = "SANDBOX_LARGE_ACCOUNT_CARDS", default_value_t = stripe_sandbox::DEFAULT_LARGE_ACCOUNT_CARDS)]
    sandbox_large_account_cards: usize,
    /// Sandbox: latency added to every Stripe request, in milliseconds.
    #[arg(long, env = "SANDBOX_LATENCY_MS", default_value_t = 0)]
    sandbox_latency_ms: u64,
    /// Sandbox: share (0–1) of requests answered 500 without being applied.
    #[arg(long, env = "SANDBOX_ERROR_RATE", default_value_t = 0.0)]
    sandbox_error_rate: f64,
    /// Sandbox: share (0–1) of requests answered 429.
    #[arg(long, env = "SANDBOX_RATE_LIMIT_RATE", default_value_t = 0.0)]
    sandbox_rate_limit_rate: f64,
    /// Sandbox: share (0–1) of requests applied whose connection is then dropped.
    #[arg(long, env = "SANDBOX_DROP_RATE", default_value_t = 0.0)]
    sandbox_drop_rate: f64,
    /// Sandbox: seed of the fault generator.
    #[arg(long, env = "SANDBOX_FAULT_SEED", default_value_t = 1)]
    sandbox_fault_seed: u64,
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tower_http=warn".into()),
        )
        .init();
    let args = Args::parse();
    // Keys come from the environment only, never from flags: flags show up in `ps`.
    let sandbox = SandboxConfig {
        large_account_cards: args.sandbox_large_account_cards,
        faults: FaultConfig {
            latency: Duration::from_millis(args.sandbox_latency_ms),
            error_rate: args.sandbox_error_rate,
            rate_limit_rate: args.sandbox_rate_limit_rate,
            drop_rate: args.sandbox_drop_rate,
            seed: args.sandbox_fault_seed,
        },
        ..SandboxConfig::default()
    };
    for (flag, rate) in [
        ("--sandbox-error-rate", args.sandbox_error_rate),
        ("--sandbox-rate-limit-rate", args.sandbox_rate_limit_rate),
        ("--sandbox-drop-rate", args.sandbox_drop_rate),
    ] {
        if !(0.0..=1.0).contains(&rate) {
            eprintln!("issuing-server: {flag} must be between 0 and 1 (got {rate})");
            return ExitCode::FAILURE;
        }
    }
    let stripe = match StripeMode::from_keys(
        args.sandbox,
        std::env::var("STRIPE_SECRET_KEY").ok().as_deref(),
        std::env::var("STRIPE_PUBLISHABLE_KEY").ok().as_deref(),
        args.stripe_api_base.as_deref(),
    ) {
        Ok(StripeMode::Sandbox(_)) => StripeMode::Sandbox(sandbox),
        Ok(mode) => mode,
        Err(e) => {
            eprintln!("issuing-server: refusing to start: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Like Stripe's keys, a shared secret comes from the environment only.
    let secret = std::env::var("IA_HOST_TOKEN_SECRET")
        .ok()
        .filter(|s| !s.trim().is_empty());
    let keys = match (secret, args.host_token_public_key, args.host_token_jwks) {
        (None, None, None) => None,
        (Some(secret), None, None) => Some(HostKeys::Secret(secret.trim().as_bytes().to_vec())),
        (None, Some(pem), None) => Some(HostKeys::Pem(pem)),
        (None, None, Some(jwks)) => Some(HostKeys::Jwks(jwks)),
        _ => {
            eprintln!(
                "issuing-server: refusing to start: give one source of host token keys \
                 (IA_HOST_TOKEN_SECRET, --host-token-public-key or --host-token-jwks), not several"
            );
            return ExitCode::FAILURE;
        }
    };
    let host_tokens = keys.map(|keys| HostTokenConfig {
        keys,
        audience: args.host_token_audience,
        issuer: args.host_token_issuer,
    });
    let config = ServerConfig {
        host_tokens,
        listen: SocketAddr::new(args.host, args.port),
        stripe,
        stripe_version: args.stripe_version,
        static_dir: args.static_dir,
        allowed_origins: args.allow_origins,
        allowed_hosts: args.allowed_hosts,
        frame_ancestors: args.frame_ancestors,
        disable_stripe_user_authentication: args.connect_disable_stripe_user_authentication,
        rate_limits: RateLimits {
            sensitive: Quota {
                burst: args.rate_sensitive_burst,
                per_minute: args.rate_sensitive_per_minute,
            },
            writes: Quota {
                burst: args.rate_writes_burst,
                per_minute: args.rate_writes_per_minute,
            },
        },
        limits: ConnectionLimits {
            header_read_timeout: Duration::from_secs(args.header_read_timeout_secs),
            body_read_timeout: Duration::from_secs(args.body_read_timeout_secs),
            max_connections: args.max_connections,
        },
        max_lifetime: args.max_lifetime_secs.map(Duration::from_secs),
        operators_file: args.operators_file,
        retry: RetryPolicy::default(),
        webhook_secret: std::env::var("STRIPE_WEBHOOK_SECRET")
            .ok()
            .filter(|s| !s.trim().is_empty())
            .map(|s| WebhookSecret(s.trim().to_owned())),
        database: Database::Url(args.database_url),
    };
    let mut server = match RunningServer::start(config.clone()).await {
        Ok(server) => server,
        Err(e) => {
            eprintln!("issuing-server: cannot start on {}: {e}", config.listen);
            return ExitCode::FAILURE;
        }
    };
    match server.sandbox_url() {
        Some(sandbox) => println!(
            "issuing-server: listening on {} (sandbox mode; local Stripe at {sandbox})",
            server.url()
        ),
        None => println!("issuing-server: listening on {} (live mode)", server.url()),
    }
    tokio::select! {
        _ = server.stopped() => {}
        _ = tokio::signal::ctrl_c() => {}
    }
    ExitCode::SUCCESS
}
