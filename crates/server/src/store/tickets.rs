//! Single-use stream tickets: issued by one instance, redeemable once on any.

use std::time::Duration;

use issuing_model::OperatorProfile;
use sqlx::Row;

use super::{now_ms, Store, StoreError, StoreResult};

/// How long a ticket may wait to be used.
pub const TICKET_LIFETIME: Duration = Duration::from_secs(60);

impl Store {
    /// A new ticket that opens one stream as `operator` (stale ones are swept on the way).
    pub async fn issue_ticket(&self, operator: &OperatorProfile) -> StoreResult<String> {
        let ticket = format!("evtk_{}", uuid::Uuid::new_v4().simple());
        let now = now_ms();
        sqlx::query("DELETE FROM stream_tickets WHERE issued_at < $1")
            .bind(now - TICKET_LIFETIME.as_millis() as i64)
            .execute(self.pool())
            .await?;
        let profile = serde_json::to_string(operator)
            .map_err(|e| StoreError::Unreadable(format!("operator: {e}")))?;
        sqlx::query("INSERT INTO stream_tickets (ticket, operator, issued_at) VALUES ($1, $2, $3)")
            .bind(ticket.clone())
            .bind(profile)
            .bind(now)
            .execute(self.pool())
            .await?;
        Ok(ticket)
    }

    /// The operator a ticket was issued to, once (it is gone after), if it is still fresh.
    pub async fn redeem_ticket(&self, ticket: &str) -> StoreResult<Option<OperatorProfile>> {
        let row = sqlx::query(
            "DELETE FROM stream_tickets WHERE ticket = $1 RETURNING operator, issued_at",
        )
        .bind(ticket.to_owned())
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let issued: i64 = row.try_get(1)?;
        if now_ms() - issued > TICKET_LIFETIME.as_millis() as i64 {
            return Ok(None);
        }
        let profile: String = row.try_get(0)?;
        serde_json::from_str(&profile)
            .map(Some)
            .map_err(|e| StoreError::Unreadable(format!("ticket's operator: {e}")))
    }
}
