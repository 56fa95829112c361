//! Stripe's webhooks in, the panel's live feed out.
//!
//! `POST /api/webhooks/stripe` checks the signature over the raw body (never re-serialised)
//! with a 300 s tolerance; anything forged, stale or malformed is a 400 with no effect. Events
//! are deduplicated by id and published. `GET /api/events` lists the recent ones an operator
//! may see; `POST /api/events/ticket` then `GET /api/events/stream?ticket=…` follows them live
//! as server-sent events.

use std::convert::Infallible;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::Json;
use futures_util::stream::{self, Stream, StreamExt};
use issuing_http::Query;
use issuing_model::api::StreamTicket;
use issuing_model::webhook_signature::{self, DEFAULT_TOLERANCE_SECS};
use issuing_model::{Event, List, OperatorProfile};
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::sync::broadcast::error::RecvError;

use super::auth::{unauthorized, CurrentOperator};
use super::ApiError;
use crate::events::visible_to;
use crate::state::unix_now as now;
use crate::AppState;

fn rejected(message: impl Into<String>) -> ApiError {
    ApiError::invalid_request(message).with_code("webhook_rejected")
}

pub async fn receive(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let Some(secret) = state.webhook_secret.as_deref() else {
        return Err(ApiError::api(
            StatusCode::SERVICE_UNAVAILABLE,
            "Webhooks are not set up on this server: set STRIPE_WEBHOOK_SECRET to the endpoint's signing secret.",
        ));
    };
    let signature = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| {
            rejected("No Stripe-Signature header: only Stripe may call this endpoint.")
        })?;
    webhook_signature::verify(signature, &body, secret, now(), DEFAULT_TOLERANCE_SECS)
        .map_err(|e| rejected(e.to_string()))?;
    let event: Event = serde_json::from_slice(&body)
        .map_err(|e| rejected(format!("The body is not a Stripe event: {e}.")))?;
    if event.object != "event" || !event.id.starts_with("evt_") {
        return Err(rejected(
            "The body is not a Stripe event (object must be \"event\", id evt_…).",
        ));
    }
    let (id, kind) = (event.id.clone(), event.kind.clone());
    // A token named in an event can be listed from now on, even where Stripe has no list.
    if let (true, Some(account), Some(token)) = (
        kind.starts_with("shared_payment.granted_token."),
        event.account.as_deref(),
        event.data.object["id"].as_str(),
    ) {
        state.store.remember_token(account, token).await?;
    }
    // Stored as Stripe sent it; a failure here is a 503, so Stripe delivers it again later.
    let payload = String::from_utf8_lossy(&body);
    let fresh = state.events.accept(event, &payload).await?;
    tracing::info!(%id, %kind, duplicate = !fresh, "webhook received");
    Ok(Json(json!({ "received": true, "duplicate": !fresh })))
}

pub async fn recent(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
) -> Result<Json<List<Event>>, ApiError> {
    let events = state.events.recent_for(&operator.0).await?;
    Ok(Json(List::new(events, false, "/api/events")))
}

pub async fn ticket(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
) -> Result<Json<StreamTicket>, ApiError> {
    Ok(Json(StreamTicket {
        ticket: state.store.issue_ticket(&operator.0).await?,
    }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StreamQuery {
    ticket: Option<String>,
    /// The last event the feed showed (as the `Last-Event-ID` header would say): the stream
    /// starts with what came after it instead of the latest events.
    last_event_id: Option<String>,
}

/// The stream's last message: `event: end`, `data: {"reason": …}` (`lagged`: the reader fell
/// behind; `catching_up`: more was missed than one answer holds). Resume after the last event.
fn end(reason: &str) -> Result<SseEvent, Infallible> {
    Ok(SseEvent::default()
        .event("end")
        .data(serde_json::json!({ "reason": reason }).to_string()))
}

fn sse(event: &Event) -> Result<SseEvent, Infallible> {
    Ok(SseEvent::default()
        .event("stripe")
        .id(event.id.clone())
        .data(serde_json::to_string(event).unwrap_or_default()))
}

/// What the operator missed (oldest first) — since the last event the feed showed, or else the
/// latest — then each new event they may see, until the server stops (so a graceful shutdown
/// is not held up by open streams).
pub async fn stream(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(query): Query<StreamQuery>,
) -> Result<Sse<impl Stream<Item = Result<SseEvent, Infallible>>>, ApiError> {
    let ticket = query.ticket.as_deref().unwrap_or_default();
    let operator = state.store.redeem_ticket(ticket).await?.ok_or_else(|| {
        unauthorized(
            "This stream ticket is unknown, used or expired: ask for a new one (POST /api/events/ticket).",
        )
    })?;
    let last = query.last_event_id.clone().or_else(|| {
        headers
            .get("last-event-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    });
    // Subscribe before taking the backlog: an event in between comes twice, never not at all.
    let live = state.events.subscribe();
    let resumed = match last.as_deref().filter(|id| !id.is_empty()) {
        Some(last) => state.events.after(last, &operator).await?,
        None => None,
    };
    // More missed than one answer holds: send those, then end so the panel resumes after them.
    let catching_up = resumed.as_ref().is_some_and(|after| after.more);
    let backlog = match resumed {
        Some(after) => after.events,
        None => {
            let mut recent = state.events.recent_for(&operator).await?;
            recent.reverse();
            recent
        }
    };
    let missed = stream::iter(backlog).map(|e| sse(&e));
    let stop = state.stop.clone();
    let live = stream::unfold(
        Some((live, stop, operator)),
        |open: Option<(_, _, OperatorProfile)>| async move {
            let (mut live, mut stop, operator) = open?;
            loop {
                let received = tokio::select! {
                    _ = stop.wait_for(|stopped| *stopped) => return None,
                    received = live.recv() => received,
                };
                match received {
                    Ok(event) if visible_to(&event, &operator) => {
                        return Some((sse(&event), Some((live, stop, operator))));
                    }
                    Ok(_) => continue,
                    // This reader fell behind and events went by unread: never skip them
                    // silently. End with the reason; the panel resumes after its last event.
                    Err(RecvError::Lagged(skipped)) => {
                        tracing::info!(skipped, "a live feed fell behind: ended for a resume");
                        return Some((end("lagged"), None));
                    }
                    Err(RecvError::Closed) => return None,
                }
            }
        },
    );
    let rest = if catching_up {
        stream::iter([end("catching_up")]).left_stream()
    } else {
        live.right_stream()
    };
    Ok(Sse::new(missed.chain(rest).fuse()).keep_alive(KeepAlive::default()))
}
