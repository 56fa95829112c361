//! Fault injection, so tests can prove the platform server survives a flaky Stripe: added
//! latency, a share of 500 and 429 answers (before anything is applied), and dropped
//! connections (after the request was applied — the case idempotency keys exist for).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use issuing_model::{ErrorType, StripeError};

use crate::rng::Rng;
use crate::AppState;
use issuing_http::ApiError;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FaultConfig {
    /// Added to every request.
    pub latency: Duration,
    /// Share (0.0–1.0) of requests answered 500 without being applied.
    pub error_rate: f64,
    /// Share of requests answered 429 without being applied.
    pub rate_limit_rate: f64,
    /// Share of requests applied whose connection is then dropped before the answer is sent.
    pub drop_rate: f64,
    /// Seed of the fault generator (the same seed fails the same requests).
    pub seed: u64,
}

impl FaultConfig {
    pub fn is_active(&self) -> bool {
        !self.latency.is_zero()
            || self.error_rate > 0.0
            || self.rate_limit_rate > 0.0
            || self.drop_rate > 0.0
    }
}

/// Which fault, if any, the next request gets.
enum Fault {
    None,
    ServerError,
    RateLimited,
    Dropped,
}

pub struct FaultInjector {
    config: FaultConfig,
    rng: Mutex<Rng>,
}

impl FaultInjector {
    pub fn new(config: FaultConfig) -> Arc<Self> {
        Arc::new(Self {
            rng: Mutex::new(Rng::new(config.seed)),
            config,
        })
    }

    fn draw(&self) -> Fault {
        let mut rng = self.rng.lock().unwrap_or_else(|e| e.into_inner());
        let c = &self.config;
        if rng.chance(c.error_rate) {
            Fault::ServerError
        } else if rng.chance(c.rate_limit_rate) {
            Fault::RateLimited
        } else if rng.chance(c.drop_rate) {
            Fault::Dropped
        } else {
            Fault::None
        }
    }
}

pub async fn inject(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let faults = &state.faults;
    if !faults.config.latency.is_zero() {
        tokio::time::sleep(faults.config.latency).await;
    }
    match faults.draw() {
        Fault::None => next.run(request).await,
        Fault::ServerError => ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            StripeError::api("An unexpected error occurred (injected by the sandbox)."),
        )
        .into_response(),
        Fault::RateLimited => ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            StripeError::new(
                ErrorType::InvalidRequestError,
                "Too many requests hit the API too quickly (injected by the sandbox).",
            )
            .with_code("rate_limit"),
        )
        .into_response(),
        Fault::Dropped => {
            // Apply the request, then break the connection mid-answer: the client sees a
            // transport error and cannot know the update went through.
            let applied = next.run(request).await;
            let broken = futures_util::stream::once(async {
                Err::<axum::body::Bytes, _>(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "dropped by the sandbox",
                ))
            });
            let (parts, _) = applied.into_parts();
            Response::from_parts(parts, Body::from_stream(broken))
        }
    }
}
