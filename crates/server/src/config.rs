//! Where the server gets Stripe from, and the checks that keep a live key from being misused.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use stripe_sandbox::SandboxConfig;
use thiserror::Error;

use crate::host_tokens::HostTokenConfig;
use crate::rate_limits::RateLimits;
use crate::serve::ConnectionLimits;
use crate::store::Database;
use crate::stripe::RetryPolicy;

/// The Stripe API version the server pins on every request: Stripe's current one (card
/// presences in spending controls exist only from 2026-04-22).
pub const DEFAULT_STRIPE_VERSION: &str = "2026-07-29.dahlia";

/// Which Stripe the server talks to.
#[derive(Clone)]
pub enum StripeMode {
    /// The embedded local sandbox (the default: no keys needed, fully offline).
    Sandbox(SandboxConfig),
    /// A real or Stripe-compatible API reached at `api_base` with these keys.
    Live {
        api_base: String,
        secret_key: String,
        publishable_key: String,
    },
}

impl std::fmt::Debug for StripeMode {
    // Never print a key, not even in a debug log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Sandbox(config) => write!(f, "Sandbox({config:?})"),
            Self::Live { api_base, .. } => write!(f, "Live {{ api_base: {api_base:?} }}"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    pub stripe: StripeMode,
    pub stripe_version: String,
    /// Where the built panel (`dist/`) is, if this server should serve it too.
    pub static_dir: Option<PathBuf>,
    /// Browser origins allowed to call `/api` from another origin (`loopback` allows any
    /// `http://127.0.0.1:*` or `http://localhost:*`, for tests and local host pages).
    pub allowed_origins: Vec<String>,
    /// On loopback, `Host` names answered beside loopback's own (e.g. a local proxy's).
    pub allowed_hosts: Vec<String>,
    /// The pages' `frame-ancestors`: `'none'` unless a host frames the panel.
    pub frame_ancestors: String,
    /// The cards list's AccountSessions turn off Stripe's own user authentication (accounts
    /// whose requirements the platform collects; else Stripe's popup may be blocked).
    pub disable_stripe_user_authentication: bool,
    /// How fast sign-in, keys, sessions and writes may be asked for.
    pub rate_limits: RateLimits,
    /// Timeouts and the connection limit of the listening socket.
    pub limits: ConnectionLimits,
    /// Stop by itself after this long (test servers must never outlive their run).
    pub max_lifetime: Option<Duration>,
    /// Live mode: the operators (`[{ id, name, role, accounts, token }]`). Sandbox mode seeds its own.
    pub operators_file: Option<PathBuf>,
    /// Live mode: take the tokens the host signs for its signed-in operators.
    pub host_tokens: Option<HostTokenConfig>,
    pub retry: RetryPolicy,
    /// Live mode: the webhook endpoint's signing secret (`whsec_…`). In sandbox mode the server
    /// registers its own endpoint with the sandbox and uses the secret it is given.
    pub webhook_secret: Option<WebhookSecret>,
    /// Where the server keeps events, known tokens, stream tickets and the audit trail.
    pub database: Database,
}

/// A signing secret that never shows in a debug print.
#[derive(Clone)]
pub struct WebhookSecret(pub String);

impl std::fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebhookSecret(…)")
    }
}

impl ServerConfig {
    /// Loopback, any free port, sandbox mode: what tests start.
    pub fn local_sandbox(sandbox: SandboxConfig) -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            stripe: StripeMode::Sandbox(sandbox),
            stripe_version: DEFAULT_STRIPE_VERSION.to_owned(),
            static_dir: None,
            allowed_origins: Vec::new(),
            allowed_hosts: Vec::new(),
            limits: ConnectionLimits::default(),
            rate_limits: RateLimits::default(),
            frame_ancestors: "'none'".into(),
            disable_stripe_user_authentication: false,
            max_lifetime: Some(Duration::from_secs(600)),
            operators_file: None,
            host_tokens: None,
            retry: RetryPolicy::default(),
            webhook_secret: None,
            database: Database::Temporary,
        }
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error(
        "STRIPE_SECRET_KEY holds a publishable key (pk_…); it must be a secret key (sk_… or rk_…)"
    )]
    PublishableKeyAsSecret,
    #[error("STRIPE_PUBLISHABLE_KEY holds a secret key; it must be a publishable key (pk_…)")]
    SecretKeyAsPublishable,
    #[error("STRIPE_SECRET_KEY must start with sk_ or rk_")]
    MalformedSecretKey,
    #[error("STRIPE_PUBLISHABLE_KEY must start with pk_")]
    MalformedPublishableKey,
    #[error("STRIPE_SECRET_KEY is set but STRIPE_PUBLISHABLE_KEY is not: live mode needs both")]
    MissingPublishableKey,
    #[error("STRIPE_PUBLISHABLE_KEY is set but STRIPE_SECRET_KEY is not: live mode needs both")]
    MissingSecretKey,
    #[error(
        "the secret key is a test key but the publishable key is live, or the other way round"
    )]
    MixedModes,
    #[error(
        "no Stripe keys: set STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY to talk to Stripe, \
         or pass --sandbox to run against the local sandbox"
    )]
    NoStripe,
    #[error(
        "--sandbox and Stripe keys were both given: unset STRIPE_SECRET_KEY and \
         STRIPE_PUBLISHABLE_KEY for the sandbox, or drop --sandbox to talk to Stripe"
    )]
    SandboxWithKeys,
}

/// `sk_test_…`, `rk_test_…`, `pk_test_…`: a test-mode key.
pub fn is_test_key(key: &str) -> bool {
    key.get(3..).is_some_and(|rest| rest.starts_with("test_"))
}

impl StripeMode {
    /// The sandbox when asked for (`--sandbox`), live mode when keys are given; never a guess.
    /// A missing or misspelt key must not quietly mean the sandbox, whose sign-in hands out
    /// tokens to anyone. Keys are checked for the mistakes that would otherwise leak a secret
    /// key to the browser or fail on the first request.
    pub fn from_keys(
        sandbox: bool,
        secret_key: Option<&str>,
        publishable_key: Option<&str>,
        api_base: Option<&str>,
    ) -> Result<Self, ConfigError> {
        let secret = secret_key.map(str::trim).filter(|k| !k.is_empty());
        let publishable = publishable_key.map(str::trim).filter(|k| !k.is_empty());
        if sandbox {
            return match (secret, publishable) {
                (None, None) => Ok(Self::Sandbox(SandboxConfig::default())),
                _ => Err(ConfigError::SandboxWithKeys),
            };
        }
        let (secret, publishable) = match (secret, publishable) {
            (None, None) => return Err(ConfigError::NoStripe),
            (Some(_), None) => return Err(ConfigError::MissingPublishableKey),
            (None, Some(_)) => return Err(ConfigError::MissingSecretKey),
            (Some(s), Some(p)) => (s, p),
        };
        if secret.starts_with("pk_") {
            return Err(ConfigError::PublishableKeyAsSecret);
        }
        if publishable.starts_with("sk_") || publishable.starts_with("rk_") {
            return Err(ConfigError::SecretKeyAsPublishable);
        }
        if !(secret.starts_with("sk_") || secret.starts_with("rk_")) {
            return Err(ConfigError::MalformedSecretKey);
        }
        if !publishable.starts_with("pk_") {
            return Err(ConfigError::MalformedPublishableKey);
        }
        let secret_is_test = is_test_key(secret);
        let publishable_is_test = is_test_key(publishable);
        if secret_is_test != publishable_is_test {
            return Err(ConfigError::MixedModes);
        }
        Ok(Self::Live {
            api_base: api_base
                .unwrap_or("https://api.stripe.com")
                .trim_end_matches('/')
                .to_owned(),
            secret_key: secret.to_owned(),
            publishable_key: publishable.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_is_chosen_never_guessed() {
        assert!(matches!(
            StripeMode::from_keys(true, None, Some(""), None),
            Ok(StripeMode::Sandbox(_))
        ));
        // No keys and no --sandbox: refused, not quietly the sandbox.
        assert_eq!(
            StripeMode::from_keys(false, None, Some(" "), None).err(),
            Some(ConfigError::NoStripe)
        );
        assert_eq!(
            StripeMode::from_keys(true, Some("sk_test_1"), Some("pk_test_1"), None).err(),
            Some(ConfigError::SandboxWithKeys)
        );
        assert_eq!(
            StripeMode::from_keys(true, Some("sk_test_1"), None, None).err(),
            Some(ConfigError::SandboxWithKeys)
        );
    }

    #[test]
    fn swapped_or_mismatched_keys_refuse_to_start() {
        let cases = [
            (
                ("pk_test_1", "pk_test_2"),
                ConfigError::PublishableKeyAsSecret,
            ),
            (
                ("sk_test_1", "sk_test_2"),
                ConfigError::SecretKeyAsPublishable,
            ),
            (("sk_live_1", "pk_test_2"), ConfigError::MixedModes),
            (("whsec_1", "pk_test_2"), ConfigError::MalformedSecretKey),
        ];
        for ((secret, publishable), expected) in cases {
            let got = StripeMode::from_keys(false, Some(secret), Some(publishable), None);
            assert_eq!(got.err(), Some(expected), "{secret} / {publishable}");
        }
        assert_eq!(
            StripeMode::from_keys(false, Some("sk_test_1"), None, None).err(),
            Some(ConfigError::MissingPublishableKey)
        );
    }

    #[test]
    fn debug_output_never_contains_a_key() {
        let mode = StripeMode::from_keys(false, Some("sk_test_SECRET"), Some("pk_test_PUB"), None)
            .unwrap();
        let printed = format!("{mode:?}");
        assert!(
            !printed.contains("SECRET") && !printed.contains("PUB"),
            "{printed}"
        );
    }
}
