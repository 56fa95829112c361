//! `issuing-server`: the reference platform server. With no Stripe keys it runs against the
//! embedded sandbox; with `STRIPE_SECRET_KEY` and `STRIPE_PUBLISHABLE_KEY` it talks to Stripe.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use issuing_server::config::DEFAULT_STRIPE_VERSION;
use issuing_server::{RunningServer, ServerConfig, StripeMode};

#[derive(Parser)]
#[command(version, about)]
struct Args {
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
    /// Stop by itself after this many seconds.
    #[arg(long, env = "IA_MAX_LIFETIME_SECS")]
    max_lifetime_secs: Option<u64>,
    /// Stripe API base (live mode), e.g. a Stripe-compatible endpoint.
    #[arg(long, env = "STRIPE_API_BASE")]
    stripe_api_base: Option<String>,
    /// Stripe-Version header sent on every request.
    #[arg(long, env = "STRIPE_VERSION", default_value = DEFAULT_STRIPE_VERSION)]
    stripe_version: String,
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
    let stripe = match StripeMode::from_keys(
        std::env::var("STRIPE_SECRET_KEY").ok().as_deref(),
        std::env::var("STRIPE_PUBLISHABLE_KEY").ok().as_deref(),
        args.stripe_api_base.as_deref(),
    ) {
        Ok(mode) => mode,
        Err(e) => {
            eprintln!("issuing-server: refusing to start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let config = ServerConfig {
        listen: SocketAddr::new(args.host, args.port),
        stripe,
        stripe_version: args.stripe_version,
        static_dir: args.static_dir,
        allowed_origins: args.allow_origins,
        max_lifetime: args.max_lifetime_secs.map(Duration::from_secs),
    };
    let mut server = match RunningServer::start(config.clone()).await {
        Ok(server) => server,
        Err(e) => {
            eprintln!("issuing-server: cannot listen on {}: {e}", config.listen);
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
