//! How fast the card list answers on the large sandbox account (10,000 cards), through the
//! whole path: HTTP to the server, operator check, HTTP to the sandbox, filter, page, JSON.
//! Prints figures; asserts nothing about time. `cargo xtask bench` runs it.

use std::time::{Duration, Instant};

use issuing_model::api::SignedIn;
use issuing_model::{IssuingCard, List};
use issuing_server::{RunningServer, ServerConfig};
use stripe_sandbox::{SandboxConfig, DEFAULT_LARGE_ACCOUNT_CARDS, LARGE_ACCOUNT};

const ROUNDS: usize = 200;

#[tokio::main]
async fn main() {
    let started = Instant::now();
    let server = RunningServer::start(ServerConfig::local_sandbox(SandboxConfig::default()))
        .await
        .expect("the server starts");
    println!(
        "sandbox seeded with {DEFAULT_LARGE_ACCOUNT_CARDS} cards in {LARGE_ACCOUNT}: server ready in {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let http = reqwest::Client::new();
    let signed_in: SignedIn = http
        .post(format!("{}/api/sign_in", server.url()))
        .json(&serde_json::json!({"operator": "op_aiko"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let base = format!("{}/api/accounts/{LARGE_ACCOUNT}/cards", server.url());
    let get = |query: String| {
        let (http, url, token) = (
            http.clone(),
            format!("{base}?{query}"),
            signed_in.token.clone(),
        );
        async move {
            let t = Instant::now();
            let list: List<IssuingCard> = http
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            (t.elapsed(), list)
        }
    };

    // A cursor deep in the list: the 5,000th card.
    let mut cursor = String::new();
    for _ in 0..50 {
        let (_, page) = get(format!("limit=100{cursor}")).await;
        cursor = format!("&starting_after={}", page.data.last().unwrap().id);
    }

    for (name, query) in [
        ("first page, 25 cards", "limit=25".to_owned()),
        ("first page, 100 cards", "limit=100".to_owned()),
        ("page after card 5,000", format!("limit=25{cursor}")),
        (
            "active virtual, 25",
            "limit=25&status=active&type=virtual".to_owned(),
        ),
        ("last4 search", "limit=25&last4=4242".to_owned()),
    ] {
        let mut times: Vec<Duration> = Vec::with_capacity(ROUNDS);
        for _ in 0..ROUNDS {
            times.push(get(query.clone()).await.0);
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{name:<24} p50 {:>6.2} ms   p95 {:>6.2} ms   max {:>6.2} ms   ({ROUNDS} requests)",
            ms(times[ROUNDS / 2]),
            ms(times[ROUNDS * 95 / 100]),
            ms(times[ROUNDS - 1]),
        );
    }
}
