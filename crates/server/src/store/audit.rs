//! The audit trail's rows: begun before Stripe is called (so a change can never happen
//! unrecorded), finished with Stripe's answer, listed newest first with a cursor.

use issuing_model::api::{
    AuditAnswer, AuditChange, AuditEntry, AuditOperator, AuditOutcome, AuditQuery, AUDIT_PAGE_SIZE,
};
use issuing_model::OperatorProfile;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::query::{Filter, Value};
use super::{now_ms, Store, StoreError, StoreResult};

/// A change about to be made.
pub struct NewAuditEntry<'a> {
    pub operator: &'a OperatorProfile,
    pub account: &'a str,
    pub object_id: &'a str,
    pub change: &'a AuditChange,
    /// The operator-scoped key sent to Stripe: a retry with it is the same entry.
    pub idempotency_key: Option<&'a str>,
}

/// One page of entries, and whether more lie beyond it (in the direction asked).
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub has_more: bool,
}

/// Why a cursor cannot be used.
pub enum CursorError {
    Unknown(&'static str, String),
    Store(StoreError),
}

impl From<StoreError> for CursorError {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}

impl From<sqlx::Error> for CursorError {
    fn from(e: sqlx::Error) -> Self {
        Self::Store(e.into())
    }
}

/// `aud_` + the time in microseconds + this process's sequence + randomness, and that time in
/// milliseconds: entries of the same millisecond still list in the order they arrived (the
/// list orders by time, then id; both come from one reading of the clock).
fn new_id() -> (String, i64) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static SEQUENCE: AtomicU64 = AtomicU64::new(0);
    let micros = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_micros() as u64);
    let seq = SEQUENCE.fetch_add(1, Ordering::Relaxed) & 0xffff;
    let random = uuid::Uuid::new_v4().simple().to_string();
    (
        format!("aud_{micros:014x}{seq:04x}{}", &random[..12]),
        (micros / 1_000) as i64,
    )
}

fn json<T: serde::Serialize>(value: &T) -> StoreResult<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Unreadable(e.to_string()))
}

const COLUMNS: &str = "id, at, operator_id, operator_name, account, object_id, kind, change, \
                       idempotency_key, outcome, http_status, request_id, error_code, error_message";

fn entry(row: &AnyRow) -> StoreResult<AuditEntry> {
    let unreadable = |what: &str| StoreError::Unreadable(format!("audit entry's {what}"));
    let kind: String = row.try_get("kind")?;
    let outcome: String = row.try_get("outcome")?;
    let change: String = row.try_get("change")?;
    let at: i64 = row.try_get("at")?;
    Ok(AuditEntry {
        id: row.try_get("id")?,
        created: at.div_euclid(1000),
        operator: AuditOperator {
            id: row.try_get("operator_id")?,
            name: row.try_get("operator_name")?,
        },
        account: row.try_get("account")?,
        kind: issuing_model::api::AuditKind::parse(&kind).ok_or_else(|| unreadable("kind"))?,
        object_id: row.try_get("object_id")?,
        change: serde_json::from_str(&change).map_err(|_| unreadable("change"))?,
        idempotency_key: row.try_get("idempotency_key")?,
        outcome: AuditOutcome::parse(&outcome).ok_or_else(|| unreadable("outcome"))?,
        answer: AuditAnswer {
            status: row
                .try_get::<Option<i64>, _>("http_status")?
                .and_then(|s| u16::try_from(s).ok()),
            request_id: row.try_get("request_id")?,
            error_code: row.try_get("error_code")?,
            error_message: row.try_get("error_message")?,
        },
    })
}

impl Store {
    /// Records a change as pending and returns its entry's id. A retry with the same
    /// idempotency key gets the entry the first attempt made.
    pub async fn begin_audit(&self, new: NewAuditEntry<'_>) -> StoreResult<String> {
        let (id, at) = new_id();
        let inserted = sqlx::query(
            "INSERT INTO audit_entries (id, at, operator_id, operator_name, account, object_id, kind,
                                        change, idempotency_key, outcome)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (idempotency_key) DO NOTHING",
        )
        .bind(id.clone())
        .bind(at)
        .bind(new.operator.id.clone())
        .bind(new.operator.name.clone())
        .bind(new.account.to_owned())
        .bind(new.object_id.to_owned())
        .bind(new.change.kind().as_str())
        .bind(json(new.change)?)
        .bind(new.idempotency_key.map(str::to_owned))
        .bind(AuditOutcome::Pending.as_str())
        .execute(self.pool())
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(id);
        }
        let row = sqlx::query("SELECT id FROM audit_entries WHERE idempotency_key = $1")
            .bind(new.idempotency_key.map(str::to_owned))
            .fetch_one(self.pool())
            .await?;
        Ok(row.try_get(0)?)
    }

    /// Completes an entry with what came of the change. An entry that already succeeded stays
    /// as it was: a retry with its key is Stripe replaying the same answer, and the first
    /// attempt saw the object as it was before.
    pub async fn finish_audit(
        &self,
        id: &str,
        object_id: &str,
        change: &AuditChange,
        outcome: AuditOutcome,
        answer: &AuditAnswer,
    ) -> StoreResult<()> {
        let updated = sqlx::query(
            "UPDATE audit_entries SET object_id = $2, change = $3, outcome = $4, http_status = $5,
                    request_id = $6, error_code = $7, error_message = $8, finished_at = $9
             WHERE id = $1 AND outcome <> 'succeeded'",
        )
        .bind(id.to_owned())
        .bind(object_id.to_owned())
        .bind(json(change)?)
        .bind(outcome.as_str())
        .bind(answer.status.map(i64::from))
        .bind(answer.request_id.clone())
        .bind(answer.error_code.clone())
        .bind(answer.error_message.clone())
        .bind(now_ms())
        .execute(self.pool())
        .await?
        .rows_affected();
        if updated == 1 {
            return Ok(());
        }
        let still_there = sqlx::query("SELECT id FROM audit_entries WHERE id = $1")
            .bind(id.to_owned())
            .fetch_optional(self.pool())
            .await?;
        match still_there {
            Some(_) => Ok(()),
            None => Err(StoreError::Unreadable(format!("audit entry {id} vanished"))),
        }
    }

    /// One page of what `operator` may see, newest first, filtered as `query` says.
    pub async fn audit_page(
        &self,
        query: &AuditQuery,
        operator: &OperatorProfile,
    ) -> Result<AuditPage, CursorError> {
        let mut filter = Filter::default();
        filter.visible_to("account", operator);
        filter.equals("account", query.account.as_ref().map(|a| a.as_str()));
        filter.equals("object_id", query.object.as_deref());
        filter.equals("operator_id", query.operator.as_deref());
        filter.equals("kind", query.kind.map(|k| k.as_str()));
        if let Some(from) = query.created_gte {
            let p = filter.bind(Value::Int(from.saturating_mul(1000)));
            filter.and(format!("at >= {p}"));
        }
        if let Some(to) = query.created_lte {
            let p = filter.bind(Value::Int(to.saturating_add(1).saturating_mul(1000)));
            filter.and(format!("at < {p}"));
        }
        // Newest first; `ending_before` walks back towards newer entries, then turns around.
        let (cursor, param, newer) = match (&query.starting_after, &query.ending_before) {
            (Some(c), _) => (Some(c), "starting_after", false),
            (None, Some(c)) => (Some(c), "ending_before", true),
            (None, None) => (None, "", false),
        };
        if let Some(cursor) = cursor {
            let row = sqlx::query("SELECT at FROM audit_entries WHERE id = $1")
                .bind(cursor.clone())
                .fetch_optional(self.pool())
                .await?
                .ok_or_else(|| CursorError::Unknown(param, cursor.clone()))?;
            let at: i64 = row.try_get(0)?;
            let op = if newer { ">" } else { "<" };
            let (a, b, id) = (
                filter.bind(Value::Int(at)),
                filter.bind(Value::Int(at)),
                filter.bind(Value::Text(cursor.clone())),
            );
            filter.and(format!("(at {op} {a} OR (at = {b} AND id {op} {id}))"));
        }
        let size = i64::from(query.limit.unwrap_or(AUDIT_PAGE_SIZE));
        let limit = filter.bind(Value::Int(size + 1));
        let order = if newer { "at, id" } else { "at DESC, id DESC" };
        let sql = format!(
            "SELECT {COLUMNS} FROM audit_entries{} ORDER BY {order} LIMIT {limit}",
            filter.sql()
        );
        let rows = filter.query(sql).fetch_all(self.pool()).await?;
        let has_more = rows.len() as i64 > size;
        let mut entries = rows
            .iter()
            .take(size as usize)
            .map(entry)
            .collect::<StoreResult<Vec<_>>>()?;
        if newer {
            entries.reverse();
        }
        Ok(AuditPage { entries, has_more })
    }
}
