//! What durable state costs, on SQLite and on PostgreSQL: the audit trail's two writes per
//! change (begun before Stripe is called, finished with its answer) beside a whole card update
//! through `/api`, and webhook events stored per second (one writer, then eight at once).
//! Prints figures; asserts nothing about time. `cargo xtask bench` runs it, with a throwaway
//! PostgreSQL in `IA_TEST_POSTGRES_URL`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use issuing_model::api::{AuditAnswer, AuditChange, AuditOutcome, SignedIn};
use issuing_model::wire::payments::EventData;
use issuing_model::{AccountAccess, CardUpdate, Event, IssuingCard, List, OperatorProfile, Role};
use issuing_server::store::{NewAuditEntry, Store};
use issuing_server::{Database, RunningServer, ServerConfig};
use sqlx::{Connection, Executor};
use stripe_sandbox::{SandboxConfig, EURO_ACCOUNT};

const UPDATES: usize = 200;
const EVENTS: usize = 2_000;

#[tokio::main]
async fn main() {
    let sqlite = format!(
        "sqlite://{}/ia-bench-{}.sqlite3",
        std::env::temp_dir().display(),
        std::process::id()
    );
    bench("SQLite", &sqlite).await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", &sqlite["sqlite://".len()..]));
    }
    match std::env::var("IA_TEST_POSTGRES_URL") {
        Ok(admin) => {
            let name = format!("ia_bench_{}", std::process::id());
            let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
            conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .await
                .unwrap();
            let (base, _) = admin.rsplit_once('/').unwrap();
            bench("PostgreSQL", &format!("{base}/{name}")).await;
        }
        Err(_) => println!("PostgreSQL: skipped (IA_TEST_POSTGRES_URL is not set)"),
    }
}

fn operator() -> OperatorProfile {
    OperatorProfile {
        id: "op_bench".into(),
        name: "Bench".into(),
        role: Role::Editor,
        accounts: AccountAccess::All,
        reveal_card_numbers: false,
    }
}

fn event(id: usize) -> Event {
    Event {
        id: format!("evt_bench_{id}"),
        object: "event".into(),
        account: Some(EURO_ACCOUNT.into()),
        api_version: None,
        created: 1_800_000_000 + id as i64,
        data: EventData {
            previous_attributes: None,
            object: serde_json::json!({ "id": "ic_bench", "object": "issuing.card" }),
        },
        livemode: false,
        pending_webhooks: 0,
        request: None,
        kind: "issuing_card.updated".into(),
    }
}

fn percentiles(mut times: Vec<Duration>) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    format!(
        "p50 {:>6.2} ms   p95 {:>6.2} ms",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100])
    )
}

async fn bench(backend: &str, url: &str) {
    println!("\n{backend}");
    let store = Arc::new(Store::open(&Database::Url(url.into())).await.unwrap());

    // The audit trail's share of a change: its two writes alone...
    let operator = operator();
    let change = AuditChange::CardUpdate {
        requested: CardUpdate::default(),
        before: None,
        after: None,
    };
    let mut writes = Vec::with_capacity(UPDATES);
    for i in 0..UPDATES {
        let started = Instant::now();
        let id = store
            .begin_audit(NewAuditEntry {
                operator: &operator,
                account: EURO_ACCOUNT,
                object_id: "ic_bench",
                change: &change,
                idempotency_key: Some(&format!("op_bench:{backend}-{i}")),
            })
            .await
            .unwrap();
        store
            .finish_audit(
                &id,
                "ic_bench",
                &change,
                AuditOutcome::Succeeded,
                &AuditAnswer::default(),
            )
            .await
            .unwrap();
        writes.push(started.elapsed());
    }
    println!(
        "  audit writes per change (begin + finish)   {}   ({UPDATES} changes)",
        percentiles(writes)
    );

    // ...and a whole card update through /api (a read and a write at the sandbox, and them).
    let mut config = ServerConfig::local_sandbox(SandboxConfig {
        large_account_cards: 20,
        ..SandboxConfig::default()
    });
    config.database = Database::Url(url.into());
    let server = RunningServer::start(config).await.unwrap();
    let http = reqwest::Client::new();
    let signed_in: SignedIn = http
        .post(format!("{}/api/sign_in", server.url()))
        .json(&serde_json::json!({ "operator": "op_aiko" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let cards: List<IssuingCard> = http
        .get(format!(
            "{}/api/accounts/{EURO_ACCOUNT}/cards?limit=1&status=active",
            server.url()
        ))
        .bearer_auth(&signed_in.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let path = format!(
        "{}/api/accounts/{EURO_ACCOUNT}/cards/{}",
        server.url(),
        cards.data[0].id
    );
    let mut updates = Vec::with_capacity(UPDATES);
    for i in 0..UPDATES {
        let body = serde_json::json!({ "spending_controls": { "spending_limits": [
            { "amount": 10_000 + i as i64, "interval": "daily" }
        ] } });
        let started = Instant::now();
        let response = http
            .post(&path)
            .bearer_auth(&signed_in.token)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success());
        updates.push(started.elapsed());
    }
    println!(
        "  card update through /api, all of it        {}   ({UPDATES} updates)",
        percentiles(updates)
    );
    server.shutdown().await;

    // Webhook events stored: one after another, then eight writers at once.
    let started = Instant::now();
    for i in 0..EVENTS {
        let event = event(i);
        let payload = serde_json::to_string(&event).unwrap();
        store.insert_event(&event, &payload, "bench").await.unwrap();
    }
    let one = EVENTS as f64 / started.elapsed().as_secs_f64();
    let started = Instant::now();
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let store = store.clone();
            tokio::spawn(async move {
                for i in 0..EVENTS / 8 {
                    let event = event(EVENTS + w * EVENTS + i);
                    let payload = serde_json::to_string(&event).unwrap();
                    store.insert_event(&event, &payload, "bench").await.unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.await.unwrap();
    }
    let eight = EVENTS as f64 / started.elapsed().as_secs_f64();
    println!(
        "  webhook events stored per second           {one:>8.0} (one writer)   {eight:>8.0} (eight writers)   ({EVENTS} each)"
    );
    store.close().await;
}
