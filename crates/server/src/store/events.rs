//! Webhook events as received: one row per event id, so a redelivery (after a restart, or to
//! another instance) is recognised, and the feed can be read back and resumed from any event.

use issuing_model::{Event, OperatorProfile};
use sqlx::Row;

use super::query::{Filter, Value};
use super::{fanout, now_ms, Backend, Store, StoreError, StoreResult};

/// An event with when this server (any instance) received it.
pub struct StoredEvent {
    pub event: Event,
    pub received_at: i64,
}

fn parse(payload: &str) -> StoreResult<Event> {
    serde_json::from_str(payload).map_err(|e| StoreError::Unreadable(format!("event: {e}")))
}

/// What a resuming feed missed, oldest first; `more` when there is more than one answer holds.
pub struct Resumed {
    pub events: Vec<Event>,
    pub more: bool,
}

impl Store {
    /// Records `event` (`payload` is the body Stripe sent) unless its id is already known;
    /// whether it was new. On PostgreSQL the other instances are told in the same transaction,
    /// so they hear of it only once it is committed.
    pub async fn insert_event(
        &self,
        event: &Event,
        payload: &str,
        instance: &str,
    ) -> StoreResult<bool> {
        let mut tx = self.pool().begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO webhook_events (id, type, account, created, payload, received_at, received_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
        )
        .bind(event.id.clone())
        .bind(event.kind.clone())
        .bind(event.account.clone())
        .bind(event.created)
        .bind(payload.to_owned())
        .bind(now_ms())
        .bind(instance.to_owned())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if inserted && self.backend() == Backend::Postgres {
            // pg_notify returns void, which the Any driver cannot read: count it instead.
            sqlx::query("SELECT count(*) FROM (SELECT pg_notify($1, $2)) AS sent")
                .bind(fanout::CHANNEL)
                .bind(fanout::message(instance, &event.id))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(inserted)
    }

    /// The newest `limit` events `operator` may see, newest first (by `created`, then arrival:
    /// deliveries come out of order).
    pub async fn recent_events(
        &self,
        operator: &OperatorProfile,
        limit: i64,
    ) -> StoreResult<Vec<Event>> {
        let mut filter = Filter::default();
        filter.visible_to("account", operator);
        let limit = filter.bind(Value::Int(limit));
        let sql = format!(
            "SELECT payload FROM webhook_events{} ORDER BY created DESC, received_at DESC, id DESC LIMIT {limit}",
            filter.sql()
        );
        let rows = filter.query(sql).fetch_all(self.pool()).await?;
        rows.iter()
            .map(|r| parse(&r.try_get::<String, _>(0)?))
            .collect()
    }

    /// What `operator` may see of the events received after `last` (an event id), in arrival
    /// order; `None` when `last` is unknown. First what arrived in a margin before `last` (an
    /// event another instance received just before may have reached the feed just after; the
    /// feed merges repeats by id), then at most `limit` received after it, so a reader that
    /// resumes again after the last of those always gets further, however large the burst.
    pub async fn events_after(
        &self,
        last: &str,
        operator: &OperatorProfile,
        limit: i64,
    ) -> StoreResult<Option<Resumed>> {
        let Some(row) = sqlx::query("SELECT received_at FROM webhook_events WHERE id = $1")
            .bind(last.to_owned())
            .fetch_optional(self.pool())
            .await?
        else {
            return Ok(None);
        };
        let at: i64 = row.try_get(0)?;
        let margin = self.events_around(last, at, operator, limit, false).await?;
        let after = self.events_around(last, at, operator, limit, true).await?;
        let more = after.len() as i64 >= limit;
        Ok(Some(Resumed {
            events: margin.into_iter().chain(after).collect(),
            more,
        }))
    }

    /// Up to `limit` events received after `last` (received at `at`), or in the margin before it.
    async fn events_around(
        &self,
        last: &str,
        at: i64,
        operator: &OperatorProfile,
        limit: i64,
        after: bool,
    ) -> StoreResult<Vec<Event>> {
        let mut filter = Filter::default();
        let at_p = filter.bind(Value::Int(at));
        let id = filter.bind(Value::Text(last.to_owned()));
        if after {
            filter.and(format!(
                "(received_at > {at_p} OR (received_at = {at_p} AND id > {id}))"
            ));
        } else {
            let from = filter.bind(Value::Int(at - fanout::CATCH_UP_MARGIN_MS));
            filter.and(format!(
                "received_at >= {from} AND (received_at < {at_p} OR (received_at = {at_p} AND id < {id}))"
            ));
        }
        filter.visible_to("account", operator);
        let limit = filter.bind(Value::Int(limit));
        let sql = format!(
            "SELECT payload FROM webhook_events{} ORDER BY received_at, id LIMIT {limit}",
            filter.sql()
        );
        let rows = filter.query(sql).fetch_all(self.pool()).await?;
        rows.iter()
            .map(|r| parse(&r.try_get::<String, _>(0)?))
            .collect()
    }

    /// One event by id.
    pub async fn event(&self, id: &str) -> StoreResult<Option<StoredEvent>> {
        let row = sqlx::query("SELECT payload, received_at FROM webhook_events WHERE id = $1")
            .bind(id.to_owned())
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| {
            Ok(StoredEvent {
                event: parse(&r.try_get::<String, _>(0)?)?,
                received_at: r.try_get(1)?,
            })
        })
        .transpose()
    }

    /// Every event received at or after `since_ms` (Unix ms), in arrival order.
    pub async fn events_received_since(&self, since_ms: i64) -> StoreResult<Vec<StoredEvent>> {
        let rows = sqlx::query(
            "SELECT payload, received_at FROM webhook_events WHERE received_at >= $1 ORDER BY received_at, id LIMIT 1000",
        )
        .bind(since_ms)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(StoredEvent {
                    event: parse(&r.try_get::<String, _>(0)?)?,
                    received_at: r.try_get(1)?,
                })
            })
            .collect()
    }
}
