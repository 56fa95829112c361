//! The audit trail, read: `GET /api/audit` (one page, newest first) and
//! `GET /api/audit/export` (every page of the same filters as CSV, streamed, UTF-8 with a BOM
//! so spreadsheet programs read Japanese names right). An operator sees only the entries of
//! accounts they may see.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use futures_util::stream;
use issuing_http::Query;
use issuing_model::api::{AuditEntry, AuditQuery};
use issuing_model::dates::iso_datetime;
use issuing_model::List;
use issuing_words::{entry_in_words, Locale};

use super::auth::CurrentOperator;
use super::csv_download::{attachment, csv_rows, head, ExportQuery};
use super::ApiError;
use crate::store::{AuditPage, CursorError, Store};
use crate::AppState;

/// Entries read from the database at a time while exporting.
const EXPORT_PAGE: u8 = 100;

impl From<CursorError> for ApiError {
    fn from(e: CursorError) -> Self {
        match e {
            CursorError::Unknown(param, id) => ApiError::missing_object(param, &id),
            CursorError::Store(e) => e.into(),
        }
    }
}

/// The page asked for, after checking the query and the account filter's right.
async fn page(
    store: &Store,
    query: &AuditQuery,
    operator: &CurrentOperator,
) -> Result<AuditPage, ApiError> {
    query.check()?;
    if let Some(account) = &query.account {
        operator.may_see(account)?;
    }
    Ok(store.audit_page(query, &operator.0).await?)
}

pub async fn list(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Query(query): Query<AuditQuery>,
) -> Result<Json<List<AuditEntry>>, ApiError> {
    let page = page(&state.store, &query, &operator).await?;
    Ok(Json(List::new(page.entries, page.has_more, "/api/audit")))
}

pub async fn export(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    ExportQuery { filters, locale }: ExportQuery<AuditQuery>,
) -> Result<Response, ApiError> {
    let name = format!(
        "activity-{}-{}.csv",
        filters
            .account
            .as_ref()
            .map_or("all-accounts".to_owned(), |a| a.to_string()),
        iso_datetime(crate::state::unix_now()).replace(':', "")
    );
    let mut query = AuditQuery {
        limit: Some(EXPORT_PAGE),
        ending_before: None,
        ..filters
    };
    // The first page is read before answering, so a bad filter or a failing database is an
    // error the panel can show, not a broken download.
    let first = page(&state.store, &query, &operator).await?;
    let head = head(header(locale), &rows(&first.entries, locale));
    query.starting_after = first.entries.last().map(|e| e.id.clone());
    let more = first.has_more;
    let rest = stream::unfold(
        (state.store.clone(), query, operator.0, more),
        move |(store, mut query, operator, more)| async move {
            if !more {
                return None;
            }
            match store.audit_page(&query, &operator).await {
                Ok(page) => {
                    query.starting_after = page.entries.last().map(|e| e.id.clone());
                    let chunk = Bytes::from(csv_rows(&rows(&page.entries, locale)));
                    Some((Ok(chunk), (store, query, operator, page.has_more)))
                }
                Err(_) => {
                    tracing::error!("audit export stopped: the database failed mid-way");
                    Some((
                        Err(std::io::Error::other("the export stopped part-way")),
                        (store, query, operator, false),
                    ))
                }
            }
        },
    );
    Ok(attachment(&name, head, rest))
}

fn header(locale: Locale) -> Vec<String> {
    let t = locale.texts();
    [
        t.audit_when,
        t.audit_operator,
        t.audit_operator_filter,
        t.audit_account,
        t.audit_kind,
        t.audit_object,
        t.audit_change,
        t.audit_before,
        t.audit_after,
        t.audit_outcome,
        t.audit_request,
        t.audit_error,
        t.audit_key,
    ]
    .map(str::to_owned)
    .to_vec()
}

fn rows(entries: &[AuditEntry], locale: Locale) -> Vec<Vec<String>> {
    entries
        .iter()
        .map(|entry| {
            let words = entry_in_words(entry, locale);
            let side = |pick: fn(&issuing_words::ControlChange) -> &String| {
                words
                    .changes
                    .iter()
                    .map(|c| format!("{}: {}", c.label, pick(c)))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let error = match (&entry.answer.error_code, &entry.answer.error_message) {
                (Some(code), Some(message)) => format!("{code}: {message}"),
                (None, Some(message)) => message.clone(),
                (Some(code), None) => code.clone(),
                (None, None) => String::new(),
            };
            vec![
                iso_datetime(entry.created),
                entry.operator.name.clone(),
                entry.operator.id.clone(),
                entry.account.clone(),
                words.kind,
                entry.object_id.clone(),
                words.summary,
                side(|c| &c.before),
                side(|c| &c.after),
                words.outcome,
                entry.answer.request_id.clone().unwrap_or_default(),
                error,
                entry.idempotency_key.clone().unwrap_or_default(),
            ]
        })
        .collect()
}
