//! The server's durable state, in one SQL database: the webhook events it received (and so
//! their deduplication), the Shared Payment Tokens it has seen, the single-use stream tickets,
//! and the audit trail. SQLite in a file by default; PostgreSQL (`DATABASE_URL=postgres://…`)
//! for several instances. One set of runtime queries and migrations serves both through sqlx's
//! `Any` driver: the SQL sticks to what both understand (`$1` placeholders, `ON CONFLICT`,
//! `RETURNING`, TEXT and BIGINT).

mod audit;
mod events;
mod fanout;
mod query;
mod tickets;
mod tokens;

use std::path::PathBuf;
use std::time::Duration;

use axum::http::StatusCode;
use issuing_http::ApiError;
use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;
use sqlx::Executor;

pub use audit::{AuditPage, CursorError, NewAuditEntry};
pub use events::{Resumed, StoredEvent};
pub use fanout::Fanout;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Which database is behind the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Where the server keeps its state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// `sqlite:path` or `postgres://…`, as `DATABASE_URL` gives it.
    Url(String),
    /// A fresh SQLite file of its own, removed when the server stops (tests).
    Temporary,
}

impl Database {
    /// `sqlite:` URL of a SQLite file at `path`, created if missing.
    pub fn sqlite_file(path: &std::path::Path) -> Self {
        Self::Url(format!("sqlite://{}", path.display()))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("DATABASE_URL must start with sqlite: or postgres:// (got {0:?})")]
    UnknownScheme(String),
    #[error("cannot open the database {url}: {source}")]
    Open { url: String, source: sqlx::Error },
    #[error("cannot bring the database {url} up to date: {source}")]
    Migrate {
        url: String,
        source: sqlx::migrate::MigrateError,
    },
    #[error("the database failed: {0}")]
    Query(#[from] sqlx::Error),
    #[error("a stored record cannot be read: {0}")]
    Unreadable(String),
}

/// A storage failure reaches the panel as a 503 in Stripe's shape: nothing was changed.
impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        tracing::error!("storage: {e}");
        ApiError::api(
            StatusCode::SERVICE_UNAVAILABLE,
            "The server's storage is unavailable, so nothing was changed. Try again in a moment.",
        )
        .with_code("storage_unavailable")
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

pub struct Store {
    pool: AnyPool,
    backend: Backend,
    url: String,
    /// The file of a temporary database, removed on drop.
    temporary: Option<PathBuf>,
}

impl Store {
    /// Opens (creating a SQLite file if missing) and migrates the database.
    pub async fn open(database: &Database) -> StoreResult<Self> {
        let (url, temporary) = match database {
            Database::Url(url) => (url.clone(), None),
            Database::Temporary => {
                let path = std::env::temp_dir().join(format!(
                    "issuing-admin-{}.sqlite3",
                    uuid::Uuid::new_v4().simple()
                ));
                (format!("sqlite://{}", path.display()), Some(path))
            }
        };
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            return Err(StoreError::UnknownScheme(redact(&url)));
        };
        sqlx::any::install_default_drivers();
        let connect_url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.clone(),
        };
        let options = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 10,
            })
            .acquire_timeout(Duration::from_secs(5));
        let options = match backend {
            // WAL lets the feed read while a webhook writes; a writer waits for another
            // rather than failing at once.
            Backend::Sqlite => options.after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;")
                        .await
                        .map(|_| ())
                })
            }),
            Backend::Postgres => options,
        };
        let pool = options
            .connect(&connect_url)
            .await
            .map_err(|source| StoreError::Open {
                url: redact(&url),
                source,
            })?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|source| StoreError::Migrate {
                url: redact(&url),
                source,
            })?;
        Ok(Self {
            pool,
            backend,
            url,
            temporary,
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The URL it was opened with (for a second connection, such as PostgreSQL's listener).
    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Closes the pool (waiting for connections in use to come back).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        if let Some(path) = &self.temporary {
            for suffix in ["", "-wal", "-shm"] {
                let mut file = path.clone().into_os_string();
                file.push(suffix);
                let _ = std::fs::remove_file(file);
            }
        }
    }
}

/// The URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Unix milliseconds now: the store's clock for arrival and audit times.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_never_shows() {
        assert_eq!(
            redact("postgres://app:s3cret@127.0.0.1:5432/issuing"),
            "postgres://app:***@127.0.0.1:5432/issuing"
        );
        assert_eq!(redact("sqlite://data/a.db"), "sqlite://data/a.db");
        assert_eq!(
            redact("postgres://app@localhost/x"),
            "postgres://app@localhost/x"
        );
    }
}
