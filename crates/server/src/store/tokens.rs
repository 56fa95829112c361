//! Token ids the server has seen, by account. Stripe's preview API retrieves a granted token by
//! id but (as far as its published SDKs show) cannot list them, so against real Stripe the server
//! lists what it knows: tokens granted through it, named in a webhook, or looked up by id.

use sqlx::Row;

use super::{now_ms, Store, StoreResult};

/// Ids listed per account (the most recently seen).
const PER_ACCOUNT: i64 = 500;

impl Store {
    /// Notes `token` under `account`, as the most recently seen.
    pub async fn remember_token(&self, account: &str, token: &str) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO known_tokens (account, token, seen_at) VALUES ($1, $2, $3)
             ON CONFLICT (account, token) DO UPDATE SET seen_at = excluded.seen_at",
        )
        .bind(account.to_owned())
        .bind(token.to_owned())
        .bind(now_ms())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The ids known under `account`, most recently seen first.
    pub async fn known_tokens(&self, account: &str) -> StoreResult<Vec<String>> {
        let rows = sqlx::query(
            "SELECT token FROM known_tokens WHERE account = $1 ORDER BY seen_at DESC, token DESC LIMIT $2",
        )
        .bind(account.to_owned())
        .bind(PER_ACCOUNT)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| r.try_get::<String, _>(0).map_err(Into::into))
            .collect()
    }
}
