//! How fast one may ask for what is worth abusing: sign-in, ephemeral keys (they reveal card
//! numbers), account sessions and every write. Each is limited per client address and, where a
//! token is sent, per operator (`tower_governor`, a token bucket per key). Over the limit, the
//! answer is Stripe's `429` (`rate_limit`) with `Retry-After`, and nothing is done.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::header::{AUTHORIZATION, RETRY_AFTER};
use axum::http::{HeaderValue, Request, Response, StatusCode};
use axum::response::IntoResponse;
use axum::routing::MethodRouter;
use governor::clock::QuantaInstant;
use governor::middleware::NoOpMiddleware;
use issuing_http::ApiError;
use issuing_model::{ErrorType, StripeError};
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

/// A bucket: `burst` requests at once, refilled at `per_minute`.
#[derive(Debug, Clone, Copy)]
pub struct Quota {
    pub burst: u32,
    pub per_minute: u32,
}

#[derive(Debug, Clone, Copy)]
pub struct RateLimits {
    /// Sign-in, ephemeral keys and account sessions.
    pub sensitive: Quota,
    /// Every change (a bulk action sends one per card).
    pub writes: Quota,
}

impl RateLimits {
    /// Limits no benchmark reaches: a load measures the server, not its limiter.
    pub fn for_benchmarks() -> Self {
        let unlimited = Quota {
            burst: 1_000_000,
            per_minute: 1_000_000,
        };
        Self {
            sensitive: unlimited,
            writes: unlimited,
        }
    }
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            sensitive: Quota {
                burst: 30,
                per_minute: 60,
            },
            writes: Quota {
                burst: 300,
                per_minute: 600,
            },
        }
    }
}

/// The client's address, as the accept loop recorded it.
#[derive(Debug, Clone, Copy)]
struct ClientAddress;

impl KeyExtractor for ClientAddress {
    type Key = std::net::IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<Self::Key, GovernorError> {
        // In process (no socket, so no address): one bucket for all.
        Ok(request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(std::net::Ipv4Addr::LOCALHOST.into(), |ConnectInfo(addr)| {
                addr.ip()
            }))
    }
}

/// The operator, by the bearer token sent (hashed: the limiter keeps no token).
#[derive(Debug, Clone, Copy)]
struct Operator;

impl KeyExtractor for Operator {
    type Key = u64;

    fn extract<T>(&self, request: &Request<T>) -> Result<Self::Key, GovernorError> {
        use std::hash::{Hash, Hasher};
        let token = request
            .headers()
            .get(AUTHORIZATION)
            .map(|v| v.as_bytes())
            .unwrap_or_default();
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        token.hash(&mut hasher);
        Ok(hasher.finish())
    }
}

/// Stripe's 429, with when to try again.
fn too_many(error: GovernorError) -> Response<Body> {
    let wait = match &error {
        // The limiter gives whole seconds rounded down: one more, or a client that waits as
        // told (the panel does) is refused again when a request takes longer than a second.
        GovernorError::TooManyRequests { wait_time, .. } => wait_time + 1,
        _ => 1,
    };
    let mut response = ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        StripeError::new(
            ErrorType::InvalidRequestError,
            format!("Too many requests in a short time: try again in {wait} s."),
        )
        .with_code("rate_limit"),
    )
    .into_response();
    response
        .headers_mut()
        .insert(RETRY_AFTER, HeaderValue::from(wait));
    response
}

type Layer<K> = GovernorLayer<K, NoOpMiddleware<QuantaInstant>, Body>;

fn layer<K>(key: K, quota: Quota) -> Layer<K>
where
    K: KeyExtractor + Send + Sync + 'static,
    K::Key: Send + Sync + 'static,
{
    let period = Duration::from_secs(60) / quota.per_minute.max(1);
    let config = GovernorConfigBuilder::default()
        .period(period)
        .burst_size(quota.burst.max(1))
        .key_extractor(key)
        .finish()
        .expect("a positive period and burst");
    // Forget idle clients now and then, so the limiter's memory stays small; the task ends
    // with the server (when the limiter is dropped).
    let limiter = Arc::downgrade(config.limiter());
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            let Some(limiter) = limiter.upgrade() else {
                return;
            };
            limiter.retain_recent();
        }
    });
    GovernorLayer::new(config).error_handler(too_many)
}

/// The limits, each a bucket per key shared by every route it guards.
#[derive(Clone)]
pub struct Limiters {
    sensitive_by_address: Layer<ClientAddress>,
    sensitive_by_operator: Layer<Operator>,
    writes_by_address: Layer<ClientAddress>,
    writes_by_operator: Layer<Operator>,
}

impl Limiters {
    pub fn new(limits: RateLimits) -> Self {
        Self {
            sensitive_by_address: layer(ClientAddress, limits.sensitive),
            sensitive_by_operator: layer(Operator, limits.sensitive),
            writes_by_address: layer(ClientAddress, limits.writes),
            writes_by_operator: layer(Operator, limits.writes),
        }
    }

    /// Sign-in (no operator yet): per client address.
    pub fn sign_in<S: Clone + Send + Sync + 'static>(
        &self,
        route: MethodRouter<S>,
    ) -> MethodRouter<S> {
        route.route_layer(self.sensitive_by_address.clone())
    }

    /// Ephemeral keys and account sessions: per client address and per operator.
    pub fn sensitive<S: Clone + Send + Sync + 'static>(
        &self,
        route: MethodRouter<S>,
    ) -> MethodRouter<S> {
        route
            .route_layer(self.sensitive_by_operator.clone())
            .route_layer(self.sensitive_by_address.clone())
    }

    /// A change: per client address and per operator.
    pub fn write<S: Clone + Send + Sync + 'static>(
        &self,
        route: MethodRouter<S>,
    ) -> MethodRouter<S> {
        route
            .route_layer(self.writes_by_operator.clone())
            .route_layer(self.writes_by_address.clone())
    }
}
