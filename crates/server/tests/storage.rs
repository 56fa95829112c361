//! Durable state, on SQLite and on PostgreSQL alike: what the server knows outlives a restart
//! (events and their deduplication, tokens, the audit trail), several instances on one
//! PostgreSQL share it (tickets, feeds, deduplication), every change is in the audit trail
//! once with Stripe's answer, and storage that fails is an error, never a silent drop.
//!
//! Each test runs once per backend. PostgreSQL comes from `IA_TEST_POSTGRES_URL` (a
//! superuser URL of a throwaway cluster, which `cargo xtask test` starts under `target/`);
//! each test gets a database of its own there.

mod support;

use std::path::PathBuf;

use issuing_model::api::{AuditChange, AuditEntry, AuditKind, AuditOutcome};
use issuing_model::webhook_signature;
use issuing_model::{Event, GrantedToken, IssuingCard, List, StripeError};
use issuing_server::{Database, RunningServer, ServerConfig, StripeMode};
use reqwest::StatusCode;
use serde_json::{json, Value};
use sqlx::{Connection, Executor};
use stripe_sandbox::{RunningSandbox, SandboxConfig};
use support::{expect, Api, EventStream, EURO, UK};

const WHSEC: &str = "whsec_storage_tests_0123456789";
const AIKO: &str = "storage_token_aiko_0123456789";
const BEN: &str = "storage_token_ben_01234567890";
const CHLOE: &str = "storage_token_chloe_0123456789";

#[derive(Clone, Copy, Debug)]
enum Backend {
    Sqlite,
    Postgres,
}

/// One Stripe (a sandbox of its own) and one database, outliving the server instances that
/// use them, as a platform's would.
struct World {
    sandbox: RunningSandbox,
    database: String,
    operators: PathBuf,
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn unique() -> String {
    format!(
        "{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    )
}

impl World {
    /// `None` (and says why) when PostgreSQL is asked for but none was given.
    async fn new(backend: Backend) -> Option<Self> {
        let database = match backend {
            Backend::Sqlite => format!(
                "sqlite://{}/ia-storage-{}.sqlite3",
                env!("CARGO_TARGET_TMPDIR"),
                unique()
            ),
            Backend::Postgres => {
                let Ok(admin) = std::env::var("IA_TEST_POSTGRES_URL") else {
                    eprintln!(
                        "skipped on PostgreSQL: IA_TEST_POSTGRES_URL is not set (cargo xtask test sets it)"
                    );
                    return None;
                };
                let name = format!("ia_{}", unique());
                let mut conn = sqlx::PgConnection::connect(&admin)
                    .await
                    .expect("the test cluster answers");
                conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .await
                    .unwrap();
                let (base, _) = admin.rsplit_once('/').unwrap();
                format!("{base}/{name}")
            }
        };
        let operators = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("ia-storage-operators-{}.json", unique()));
        std::fs::write(
            &operators,
            json!([
                { "id": "op_aiko", "name": "相田 愛子", "role": "editor", "accounts": { "kind": "all" }, "token": AIKO },
                { "id": "op_ben", "name": "Ben Clarke", "role": "editor", "accounts": { "kind": "only", "ids": [UK] }, "token": BEN },
                { "id": "op_chloe", "name": "Chloé Martin", "role": "read_only", "accounts": { "kind": "all" }, "token": CHLOE },
            ])
            .to_string(),
        )
        .unwrap();
        let sandbox = RunningSandbox::start(
            SandboxConfig {
                large_account_cards: 20,
                ..SandboxConfig::default()
            },
            ([127, 0, 0, 1], 0).into(),
        )
        .await
        .unwrap();
        Some(Self {
            sandbox,
            database,
            operators,
        })
    }

    /// A server against this world's Stripe and database, as one of a platform's instances.
    fn config(&self) -> ServerConfig {
        let mut config = ServerConfig::local_sandbox(SandboxConfig::default());
        config.stripe = StripeMode::Live {
            api_base: self.sandbox.url(),
            secret_key: stripe_sandbox::DEFAULT_SECRET_KEY.into(),
            publishable_key: stripe_sandbox::DEFAULT_PUBLISHABLE_KEY.into(),
        };
        config.operators_file = Some(self.operators.clone());
        config.webhook_secret = Some(issuing_server::config::WebhookSecret(WHSEC.into()));
        config.database = Database::Url(self.database.clone());
        config
    }

    async fn instance(&self) -> Api {
        Api::with(self.config()).await
    }
}

/// What these tests ask of an instance, beyond the shared client's calls.
#[allow(async_fn_in_trait)]
trait Calls {
    async fn post_keyed(
        &self,
        token: &str,
        path: &str,
        key: Option<&str>,
        body: Value,
    ) -> reqwest::Response;
    async fn deliver(&self, event: &[u8]) -> bool;
    async fn events(&self, token: &str) -> Vec<String>;
    async fn audit(&self, token: &str, query: &str) -> List<AuditEntry>;
    async fn stream(&self, token: &str, last: Option<&str>) -> EventStream;
    async fn open_stream(&self, ticket: &str, last: Option<&str>) -> EventStream;
    async fn a_card(&self, account: &str) -> IssuingCard;
    async fn update_card(&self, path: &str, key: &str, body: Value) -> IssuingCard;
}

impl Calls for Api {
    /// Aiko updates a card, with `key` as the panel's Idempotency-Key.
    async fn update_card(&self, path: &str, key: &str, body: Value) -> IssuingCard {
        expect(
            self.post_keyed(AIKO, path, Some(key), body).await,
            StatusCode::OK,
        )
        .await
    }

    async fn post_keyed(
        &self,
        token: &str,
        path: &str,
        key: Option<&str>,
        body: Value,
    ) -> reqwest::Response {
        let mut request = self
            .http
            .post(self.url(path))
            .bearer_auth(token)
            .json(&body);
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key);
        }
        request.send().await.unwrap()
    }

    /// Delivers a signed event; whether the server called it a duplicate.
    async fn deliver(&self, event: &[u8]) -> bool {
        let response = self
            .http
            .post(self.url("/api/webhooks/stripe"))
            .header("content-type", "application/json")
            .header(
                "Stripe-Signature",
                webhook_signature::header(WHSEC, now(), event),
            )
            .body(event.to_vec())
            .send()
            .await
            .unwrap();
        let answer: Value = expect(response, StatusCode::OK).await;
        answer["duplicate"].as_bool().unwrap()
    }

    async fn events(&self, token: &str) -> Vec<String> {
        let list: List<Event> = expect(self.get(token, "/api/events").await, StatusCode::OK).await;
        list.data.into_iter().map(|e| e.id).collect()
    }

    async fn audit(&self, token: &str, query: &str) -> List<AuditEntry> {
        expect(
            self.get(token, &format!("/api/audit?{query}")).await,
            StatusCode::OK,
        )
        .await
    }

    /// A live stream as `token`'s operator, resumed after `last` if given.
    async fn stream(&self, token: &str, last: Option<&str>) -> EventStream {
        let ticket = self.ticket(token).await;
        self.open_stream(&ticket, last).await
    }

    async fn open_stream(&self, ticket: &str, last: Option<&str>) -> EventStream {
        let mut url = format!("/api/events/stream?ticket={ticket}");
        if let Some(last) = last {
            url.push_str(&format!("&last_event_id={last}"));
        }
        EventStream::new(self.http.get(self.url(&url)).send().await.unwrap())
    }

    /// The first active card of `account`.
    async fn a_card(&self, account: &str) -> IssuingCard {
        let list: List<IssuingCard> = expect(
            self.get(
                AIKO,
                &format!("/api/accounts/{account}/cards?status=active&limit=3"),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        list.data
            .into_iter()
            .next()
            .expect("the account has an active card")
    }
}

fn event(id: &str, account: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "id": id, "object": "event", "account": account, "api_version": "2026-07-29.dahlia",
        "created": now(), "livemode": false, "type": "issuing_card.updated",
        "data": { "object": { "id": "ic_storage", "object": "issuing.card" } }
    }))
    .unwrap()
}

fn evt(name: &str) -> String {
    format!("evt_{name}_{}", unique())
}

/// Runs a test once on SQLite and once on PostgreSQL.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name(super::Backend::Sqlite).await
            }
            #[tokio::test]
            async fn postgres() {
                super::$name(super::Backend::Postgres).await
            }
        }
    )*};
}

on_both_backends!(
    a_restart_keeps_events_dedupe_tokens_and_the_audit_trail,
    every_change_is_in_the_audit_trail_once_with_stripes_answer,
    a_feed_resumes_after_the_last_event_it_showed,
    storage_that_fails_is_an_error_and_nothing_is_sent,
);

async fn a_restart_keeps_events_dedupe_tokens_and_the_audit_trail(backend: Backend) {
    let Some(world) = World::new(backend).await else {
        return;
    };
    let delivered = evt("restart");
    let mut first = world.instance().await;
    assert!(!first.deliver(&event(&delivered, EURO)).await);
    let token: GrantedToken = expect(
        first
            .post_keyed(
                AIKO,
                &format!("/api/accounts/{EURO}/tokens"),
                None,
                json!({ "payment_method": "pm_card_visa", "currency": "eur", "max_amount": 5000, "expires_at": null }),
            )
            .await,
        StatusCode::OK,
    )
    .await;
    let card = first.a_card(EURO).await;
    let limits = json!({ "spending_controls": { "spending_limits": [{ "amount": 7700, "interval": "daily" }] } });
    let path = format!("/api/accounts/{EURO}/cards/{}", card.id);
    first
        .update_card(&path, "restart-key", limits.clone())
        .await;
    first.server.stop().await;

    let second = world.instance().await;
    let mut feed = second.stream(AIKO, None).await;
    assert!(
        second.deliver(&event(&delivered, EURO)).await,
        "a redelivery after the restart is known"
    );
    let marker = evt("marker");
    second.deliver(&event(&marker, EURO)).await;
    let (shown, _) = feed.until(|e| e.id == marker).await;
    assert_eq!(
        shown.iter().filter(|e| e.id == delivered).count(),
        1,
        "listed once (from before the restart), never broadcast again"
    );
    let events = second.events(AIKO).await;
    assert_eq!(
        events.iter().filter(|id| **id == delivered).count(),
        1,
        "{events:?}"
    );
    let tokens: List<GrantedToken> = expect(
        second
            .get(AIKO, &format!("/api/accounts/{EURO}/tokens"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(tokens.data.iter().any(|t| t.id == token.id));
    // The panel retries with its key after the restart: still one entry.
    second.update_card(&path, "restart-key", limits).await;
    let trail = second.audit(AIKO, &format!("account={EURO}")).await;
    let kinds: Vec<AuditKind> = trail.data.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [AuditKind::CardSpendingControls, AuditKind::TokenGrant],
        "{trail:#?}"
    );
    assert_eq!(trail.data[1].object_id, token.id);
    assert!(trail
        .data
        .iter()
        .all(|e| e.outcome == AuditOutcome::Succeeded
            && e.answer
                .request_id
                .as_deref()
                .is_some_and(|r| r.starts_with("req_"))));
}

async fn every_change_is_in_the_audit_trail_once_with_stripes_answer(backend: Backend) {
    let Some(world) = World::new(backend).await else {
        return;
    };
    let server = world.instance().await;
    let card = server.a_card(EURO).await;
    let path = format!("/api/accounts/{EURO}/cards/{}", card.id);
    let limits = json!({ "spending_controls": { "spending_limits": [{ "amount": 5000, "interval": "daily" }] } });
    // The same request twice with one key: one entry.
    for _ in 0..2 {
        server.update_card(&path, "limit-1", limits.clone()).await;
    }
    let freeze = json!({ "status": "inactive" });
    server.update_card(&path, "freeze-1", freeze.clone()).await;
    // Refused by the server: a read-only operator, and a rule.
    let _: StripeError = expect(
        server.post_keyed(CHLOE, &path, None, freeze).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    let both = json!({ "spending_controls": { "allowed_categories": ["bakeries"], "blocked_categories": ["bakeries"] } });
    let _: StripeError = expect(
        server.post_keyed(AIKO, &path, None, both).await,
        StatusCode::BAD_REQUEST,
    )
    .await;

    let trail = server.audit(AIKO, &format!("object={}", card.id)).await;
    let summary: Vec<(&str, AuditKind, AuditOutcome, Option<&str>)> = trail
        .data
        .iter()
        .map(|e| {
            (
                e.operator.id.as_str(),
                e.kind,
                e.outcome,
                e.answer.error_code.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "op_aiko",
                AuditKind::CardSpendingControls,
                AuditOutcome::Refused,
                Some("parameters_exclusive")
            ),
            (
                "op_chloe",
                AuditKind::CardStatus,
                AuditOutcome::Refused,
                Some("permission_denied")
            ),
            (
                "op_aiko",
                AuditKind::CardStatus,
                AuditOutcome::Succeeded,
                None
            ),
            (
                "op_aiko",
                AuditKind::CardSpendingControls,
                AuditOutcome::Succeeded,
                None
            ),
        ],
        "newest first"
    );
    let controls = &trail.data[3];
    assert_eq!(controls.operator.name, "相田 愛子");
    assert_eq!(controls.answer.status, Some(200));
    assert!(controls
        .idempotency_key
        .as_deref()
        .unwrap()
        .ends_with(":limit-1"));
    let AuditChange::CardUpdate { before, after, .. } = &controls.change else {
        panic!("{controls:?}");
    };
    assert_eq!(
        before.as_ref().unwrap().spending_controls,
        card.spending_controls
    );
    let after = after.as_ref().unwrap();
    assert_eq!(after.spending_controls.limits()[0].amount, 5000);
    assert!(
        trail.data[1].answer.request_id.is_none(),
        "refused before Stripe was asked"
    );

    // Filters, rights and the cursor.
    let ids = |list: &List<AuditEntry>| list.data.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    assert_eq!(server.audit(AIKO, "kind=card_status").await.data.len(), 2);
    assert_eq!(server.audit(AIKO, "operator=op_chloe").await.data.len(), 1);
    let future = now() + 3_600;
    assert!(server
        .audit(AIKO, &format!("created_gte={future}"))
        .await
        .data
        .is_empty());
    assert!(
        server.audit(BEN, "").await.data.is_empty(),
        "Ben sees the UK account only"
    );
    let _: StripeError = expect(
        server.get(BEN, &format!("/api/audit?account={EURO}")).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    let page1 = server.audit(AIKO, "limit=3").await;
    assert!(page1.has_more);
    let page2 = server
        .audit(
            AIKO,
            &format!("limit=3&starting_after={}", page1.data[2].id),
        )
        .await;
    assert_eq!(ids(&page2), ids(&trail)[3..]);
    let back = server
        .audit(AIKO, &format!("limit=3&ending_before={}", page2.data[0].id))
        .await;
    assert_eq!(ids(&back), ids(&page1));
    let bad: StripeError = expect(
        server.get(AIKO, "/api/audit?starting_after=aud_nope").await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(bad.error.param.as_deref(), Some("starting_after"));
    for (query, param) in [
        ("kind=card_teleport", "kind"),
        ("account=not_an_account", "account"),
        ("limit=0", "limit"),
        ("created_gte=20&created_lte=10", "created_gte"),
    ] {
        let refused: StripeError = expect(
            server.get(AIKO, &format!("/api/audit?{query}")).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(refused.error.param.as_deref(), Some(param), "{query}");
    }

    // The export: every entry, a BOM, and the operator's language.
    let csv = server
        .get(
            AIKO,
            &format!("/api/audit/export?object={}&locale=ja", card.id),
        )
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let bytes = csv.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(&reader.headers().unwrap()[0], "日時");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(&rows[3][1], "相田 愛子");
    assert_eq!(&rows[3][6], "利用制限を変更");
    assert!(rows[3][8].contains("1日あたり €50.00"), "{:?}", &rows[3]);
    assert_eq!(&rows[2][6], "状態：有効 → 凍結中");
}

async fn a_feed_resumes_after_the_last_event_it_showed(backend: Backend) {
    let Some(world) = World::new(backend).await else {
        return;
    };
    let server = world.instance().await;
    let (shown, missed_1, missed_2) = (evt("shown"), evt("missed1"), evt("missed2"));
    let mut stream = server.stream(AIKO, None).await;
    server.deliver(&event(&shown, EURO)).await;
    stream.until(|e| e.id == shown).await;
    drop(stream);
    server.deliver(&event(&missed_1, EURO)).await;
    server.deliver(&event(&missed_2, UK)).await;
    let mut resumed = server.stream(AIKO, Some(&shown)).await;
    let first = resumed.next().await;
    let second = resumed.next().await;
    assert_eq!([first.id, second.id], [missed_1.clone(), missed_2.clone()]);
    // Ben's feed resumes with his account's events only.
    let mut ben = server.stream(BEN, Some(&shown)).await;
    assert_eq!(ben.next().await.id, missed_2);
}

async fn storage_that_fails_is_an_error_and_nothing_is_sent(backend: Backend) {
    let Some(world) = World::new(backend).await else {
        return;
    };
    let unopenable = match backend {
        Backend::Sqlite => "sqlite:///nonexistent-folder/ia.sqlite3".to_owned(),
        Backend::Postgres => "postgres://postgres@127.0.0.1:1/nothing".to_owned(),
    };
    for (url, says) in [
        (unopenable.as_str(), "cannot open the database"),
        (
            "mysql://localhost/x",
            "must start with sqlite: or postgres://",
        ),
    ] {
        let mut config = world.config();
        config.database = Database::Url(url.into());
        let error = RunningServer::start(config).await.err().expect("refused");
        assert!(error.to_string().contains(says), "{error}");
    }

    let server = world.instance().await;
    let card = server.a_card(UK).await;
    // The audit trail's table gone from under the running server: no change may happen
    // unrecorded.
    let mut direct = sqlx::AnyConnection::connect(&world.database).await.unwrap();
    direct.execute("DROP TABLE audit_entries").await.unwrap();
    let path = format!("/api/accounts/{UK}/cards/{}", card.id);
    let refused: StripeError = expect(
        server
            .post_keyed(AIKO, &path, None, json!({ "status": "inactive" }))
            .await,
        StatusCode::SERVICE_UNAVAILABLE,
    )
    .await;
    assert_eq!(refused.error.code.as_deref(), Some("storage_unavailable"));
    let unchanged: IssuingCard = expect(server.get(AIKO, &path).await, StatusCode::OK).await;
    assert_eq!(unchanged.status, card.status, "Stripe was never asked");
    // And a webhook that cannot be stored is refused, so Stripe delivers it again later.
    direct.execute("DROP TABLE webhook_events").await.unwrap();
    let response = server
        .http
        .post(server.url("/api/webhooks/stripe"))
        .header("content-type", "application/json")
        .header(
            "Stripe-Signature",
            webhook_signature::header(WHSEC, now(), &event("evt_lost", UK)),
        )
        .body(event("evt_lost", UK))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
}

/// Several instances on one PostgreSQL: a ticket from one opens a stream on another, once; an
/// event received by one reaches a feed on another; the same event delivered to both counts once.
#[tokio::test]
async fn two_instances_on_one_postgresql_share_tickets_feeds_and_deduplication() {
    let Some(world) = World::new(Backend::Postgres).await else {
        return;
    };
    let a = world.instance().await;
    let b = world.instance().await;
    let ticket = a.ticket(AIKO).await;
    let mut on_b = b.open_stream(&ticket, None).await;
    let reused = a
        .http
        .get(a.url(&format!("/api/events/stream?ticket={}", ticket)))
        .send()
        .await
        .unwrap();
    assert_eq!(
        reused.status(),
        StatusCode::UNAUTHORIZED,
        "once, on any instance"
    );

    let to_a = evt("to_a");
    assert!(!a.deliver(&event(&to_a, EURO)).await);
    on_b.until(|e| e.id == to_a).await;

    let to_both = evt("to_both");
    let duplicates = [
        a.deliver(&event(&to_both, EURO)).await,
        b.deliver(&event(&to_both, EURO)).await,
    ];
    assert_eq!(duplicates, [false, true]);
    let marker = evt("marker");
    a.deliver(&event(&marker, UK)).await;
    let (before, _) = on_b.until(|e| e.id == marker).await;
    let seen: Vec<&str> = before.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        seen,
        [to_both.as_str()],
        "published once, on every instance"
    );
    for instance in [&a, &b] {
        let events = instance.events(AIKO).await;
        assert_eq!(events.iter().filter(|id| **id == to_both).count(), 1);
    }
}
