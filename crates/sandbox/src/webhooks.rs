//! Events and their delivery, as Stripe does it: each event is recorded, then POSTed as JSON to
//! every enabled endpoint that wants its type, signed with that endpoint's secret
//! (`Stripe-Signature`), and retried with backoff until a 2xx. Delivery is at least once and
//! unordered: a random delay reorders events, and some are delivered twice.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use issuing_model::webhook_signature;
use issuing_model::wire::payments::{EventData, EventRequest};
use issuing_model::Event;
use serde_json::Value;
use tokio::sync::mpsc;
use tokio::task::JoinSet;

use crate::request_id::{self, API_VERSION};
use crate::rng::{now, unguessable_id, Rng};
use crate::state::Data;
use crate::{stripe_defaults, AppState};

/// How untidy delivery is. Stripe promises neither order nor exactly-once; neither does this.
#[derive(Debug, Clone, PartialEq)]
pub struct DeliveryChaos {
    /// Share (0.0–1.0) of deliveries sent a second time.
    pub duplicate_rate: f64,
    /// Each delivery waits a random time up to this first, so events may arrive out of order.
    pub max_jitter: Duration,
    pub seed: u64,
}

impl Default for DeliveryChaos {
    fn default() -> Self {
        Self {
            duplicate_rate: 0.1,
            max_jitter: Duration::from_millis(300),
            seed: 7,
        }
    }
}

/// Counts for `/_sandbox/stats`.
#[derive(Default)]
pub struct DeliveryStats {
    pub delivered: AtomicU64,
    pub failed_attempts: AtomicU64,
}

/// The sending end of the queue between request handlers (which record events) and the
/// delivery worker, with the worker's counts.
pub struct Outbox {
    tx: mpsc::UnboundedSender<Event>,
    pub stats: DeliveryStats,
}

impl Outbox {
    /// The outbox, and the receiving end for [`deliver_forever`].
    pub fn new() -> (Self, mpsc::UnboundedReceiver<Event>) {
        let (tx, rx) = mpsc::unbounded_channel();
        let outbox = Self {
            tx,
            stats: DeliveryStats::default(),
        };
        (outbox, rx)
    }
}

/// Records an event of `kind` about `object` (in `account`, if a connected account's) and queues
/// it for delivery. Called with the store's write lock held, so the event and the change that
/// caused it land together.
pub fn emit(state: &AppState, data: &mut Data, kind: &str, account: Option<&str>, object: Value) {
    record(state, data, kind, account, object, None);
}

/// [`emit`] for a `*.updated` event: `before` is the object as it was, and the fields that
/// changed go in `previous_attributes` with their old values, as Stripe sends them.
pub fn emit_update(
    state: &AppState,
    data: &mut Data,
    kind: &str,
    account: Option<&str>,
    before: &Value,
    after: Value,
) {
    let changed: serde_json::Map<String, Value> = before
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(name, old)| after.get(name.as_str()) != Some(*old))
        .map(|(name, old)| (name.clone(), old.clone()))
        .collect();
    record(
        state,
        data,
        kind,
        account,
        after,
        Some(Value::Object(changed)),
    );
}

fn record(
    state: &AppState,
    data: &mut Data,
    kind: &str,
    account: Option<&str>,
    object: Value,
    previous_attributes: Option<Value>,
) {
    let mut object = object;
    stripe_defaults::complete(&mut object);
    // What happened on its own (an expiry) names no request, as Stripe's events do.
    let request = request_id::current().map(|r| EventRequest {
        id: Some(r.id),
        idempotency_key: r.idempotency_key,
    });
    let event = Event {
        id: unguessable_id("evt_"),
        object: "event".into(),
        account: account.map(str::to_owned),
        // Rendered in the account's default version (the sandbox's: Stripe's current one).
        api_version: Some(API_VERSION.into()),
        created: now(),
        data: EventData {
            object,
            previous_attributes,
        },
        livemode: false,
        pending_webhooks: data
            .webhook_endpoints
            .iter()
            .filter(|e| e.wants(kind) && e.secret.is_some())
            .count() as u32,
        request: Some(request.unwrap_or_default()),
        kind: kind.to_owned(),
    };
    data.events.push(event.clone());
    // The worker only stops with the sandbox; an event after that has nowhere to go.
    let _ = state.outbox.tx.send(event);
}

/// Runs until aborted: takes queued events and delivers each to the endpoints that want it.
pub async fn deliver_forever(state: Arc<AppState>, mut rx: mpsc::UnboundedReceiver<Event>) {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap_or_default();
    let mut rng = Rng::new(state.config.delivery.seed);
    // Deliveries live in this set, so aborting the worker aborts them all.
    let mut deliveries = JoinSet::new();
    loop {
        tokio::select! {
            Some(event) = rx.recv() => {
                let targets: Vec<(String, String)> = {
                    let data = state.store.read();
                    data.webhook_endpoints
                        .iter()
                        .filter(|e| e.wants(&event.kind))
                        .filter_map(|e| Some((e.url.clone(), e.secret.clone()?)))
                        .collect()
                };
                let body = Arc::new(serde_json::to_vec(&event).unwrap_or_default());
                let chaos = &state.config.delivery;
                for (url, secret) in targets {
                    let copies = if rng.chance(chaos.duplicate_rate) { 2 } else { 1 };
                    for _ in 0..copies {
                        let jitter = chaos.max_jitter.as_millis() as u64;
                        let delay = Duration::from_millis(if jitter == 0 { 0 } else { rng.below(jitter) });
                        let job = Delivery { http: http.clone(), url: url.clone(), secret: secret.clone(), body: body.clone() };
                        deliveries.spawn(job.run(state.clone(), delay));
                    }
                }
            }
            Some(_) = deliveries.join_next() => {}
            else => break,
        }
    }
}

struct Delivery {
    http: reqwest::Client,
    url: String,
    secret: String,
    body: Arc<Vec<u8>>,
}

impl Delivery {
    const ATTEMPTS: u32 = 8;

    async fn run(self, state: Arc<AppState>, delay: Duration) {
        tokio::time::sleep(delay).await;
        let mut backoff = Duration::from_millis(250);
        for _ in 0..Self::ATTEMPTS {
            // Signed at each attempt, as Stripe does: a retry is never stale.
            let signature = webhook_signature::header(&self.secret, now(), &self.body);
            let sent = self
                .http
                .post(&self.url)
                .header("content-type", "application/json; charset=utf-8")
                .header("stripe-signature", signature)
                .header(
                    "user-agent",
                    "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
                )
                .body(self.body.as_ref().clone())
                .send()
                .await;
            if matches!(&sent, Ok(r) if r.status().is_success()) {
                state.outbox.stats.delivered.fetch_add(1, Ordering::Relaxed);
                return;
            }
            state
                .outbox
                .stats
                .failed_attempts
                .fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(Duration::from_secs(5));
        }
        tracing::warn!(url = %self.url, "webhook delivery gave up after {} attempts", Self::ATTEMPTS);
    }
}
