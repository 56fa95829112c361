//! Several instances on one PostgreSQL: an event received by one reaches the live feeds
//! connected to every other.
//!
//! Why `LISTEN/NOTIFY` rather than polling the events table: the notice is sent in the same
//! transaction as the insert, so it arrives only once the row is committed and readable, and at
//! once (no poll interval, no query every second from every instance). Polling a cursor would
//! also have to cope with rows committing out of the order of their timestamps. Notices sent
//! while an instance's listening connection was down are lost, so after it reconnects the
//! instance reads what arrived meanwhile from the table; what it already published is skipped.

use std::sync::Arc;
use std::time::Duration;

use issuing_model::Event;
use sqlx::postgres::PgListener;
use tokio::sync::watch;

use super::{now_ms, Backend, Store};

pub const CHANNEL: &str = "issuing_admin_events";

/// How far back a catch-up reads, for clocks that differ a little between instances.
pub(super) const CATCH_UP_MARGIN_MS: i64 = 10_000;

/// The notice for event `id` received by `instance`.
pub fn message(instance: &str, id: &str) -> String {
    format!("{instance} {id}")
}

pub struct Fanout;

impl Fanout {
    /// On PostgreSQL, listens before returning (so an instance that serves hears every event
    /// received after it started), then follows what other instances receive and hands each
    /// event to `publish` until `stop`. On SQLite (one instance) there is nothing to follow.
    pub async fn start(
        store: Arc<Store>,
        instance: String,
        publish: impl Fn(Event) + Send + Sync + 'static,
        mut stop: watch::Receiver<bool>,
    ) -> Result<(), sqlx::Error> {
        if store.backend() != Backend::Postgres {
            return Ok(());
        }
        let first = listen(store.url()).await?;
        tokio::spawn(async move {
            let mut last_seen = now_ms();
            let mut listener = Some(first);
            loop {
                if *stop.borrow() {
                    return;
                }
                let Some(active) = listener.as_mut() else {
                    match listen(store.url()).await {
                        Ok(l) => {
                            listener = Some(l);
                            // Whatever arrived while the connection was down.
                            last_seen = catch_up(&store, last_seen, &publish).await;
                        }
                        Err(e) => {
                            tracing::warn!("event fan-out cannot listen yet: {e}");
                            tokio::select! {
                                _ = stop.wait_for(|s| *s) => return,
                                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                            }
                        }
                    }
                    continue;
                };
                let received = tokio::select! {
                    _ = stop.wait_for(|s| *s) => return,
                    received = active.try_recv() => received,
                };
                match received {
                    Ok(Some(notice)) => {
                        let Some((origin, id)) = notice.payload().split_once(' ') else {
                            continue;
                        };
                        if origin == instance {
                            continue;
                        }
                        match store.event(id).await {
                            Ok(Some(stored)) => {
                                last_seen = last_seen.max(stored.received_at);
                                publish(stored.event);
                            }
                            Ok(None) => {}
                            Err(e) => tracing::warn!("event fan-out cannot read {id}: {e}"),
                        }
                    }
                    // The connection dropped (it reconnects on the next call): notices may
                    // have been lost meanwhile.
                    Ok(None) => last_seen = catch_up(&store, last_seen, &publish).await,
                    Err(e) => {
                        tracing::warn!("event fan-out lost its connection: {e}");
                        listener = None;
                    }
                }
            }
        });
        Ok(())
    }
}

async fn listen(url: &str) -> Result<PgListener, sqlx::Error> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

/// Publishes what arrived since `since` (less a margin); the newest arrival time seen.
async fn catch_up(store: &Store, since: i64, publish: &impl Fn(Event)) -> i64 {
    match store
        .events_received_since(since - CATCH_UP_MARGIN_MS)
        .await
    {
        Ok(events) => events.into_iter().fold(since, |latest, stored| {
            publish(stored.event);
            latest.max(stored.received_at)
        }),
        Err(e) => {
            tracing::warn!("event fan-out cannot catch up: {e}");
            since
        }
    }
}
