//! Throughput and latency under load, against the embedded sandbox over loopback (a release
//! build, as `cargo bench` builds it): the card list and ephemeral keys at concurrency 1, 16
//! and 64, each with a bounded number of requests. Prints figures; asserts nothing about time.
//! The rate limits are raised for this run: it measures the server, not its limiter. (The
//! first load's bytes are printed by the browser bench, `e2e/benches/browser.rs`.)

use std::sync::Arc;
use std::time::{Duration, Instant};

use issuing_model::api::SignedIn;
use issuing_model::{IssuingCard, List};
use issuing_server::rate_limits::RateLimits;
use issuing_server::{RunningServer, ServerConfig};
use stripe_sandbox::{SandboxConfig, LARGE_ACCOUNT};

/// Requests per run (per concurrency level).
const REQUESTS: usize = 1_200;

#[tokio::main]
async fn main() {
    let mut config = ServerConfig::local_sandbox(SandboxConfig::default());
    config.rate_limits = RateLimits::for_benchmarks();
    config.limits.max_connections = 4_096;
    let server = RunningServer::start(config)
        .await
        .expect("the server starts");
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(128)
        .build()
        .unwrap();
    let signed_in: SignedIn = http
        .post(format!("{}/api/sign_in", server.url()))
        .json(&serde_json::json!({"operator": "op_aiko"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = signed_in.token;
    let cards = format!(
        "{}/api/accounts/{LARGE_ACCOUNT}/cards?limit=25",
        server.url()
    );
    let card: List<IssuingCard> = http
        .get(&cards)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let card = card.data[0].id.clone();

    println!("{REQUESTS} requests per run, loopback, release build, sandbox mode");
    println!(
        "{:<16} {:>5} {:>9} {:>9} {:>9}",
        "", "conc.", "req/s", "p50 ms", "p99 ms"
    );
    for concurrency in [1, 16, 64] {
        let (http, cards, token) = (http.clone(), cards.clone(), token.clone());
        let figures = run(concurrency, move |_| {
            let (http, cards, token) = (http.clone(), cards.clone(), token.clone());
            async move {
                http.get(&cards)
                    .bearer_auth(&token)
                    .send()
                    .await
                    .map(|r| r.status().is_success())
                    .unwrap_or(false)
            }
        })
        .await;
        figures.print("card list", concurrency);
    }
    for concurrency in [1, 16, 64] {
        let (http, url, token, card) = (
            http.clone(),
            format!("{}/api/ephemeral_keys", server.url()),
            token.clone(),
            card.clone(),
        );
        let figures = run(concurrency, move |i| {
            let (http, url, token) = (http.clone(), url.clone(), token.clone());
            let body = serde_json::json!({
                "account": LARGE_ACCOUNT, "issuing_card": card, "nonce": format!("ephkn_bench_{i}")
            });
            async move {
                http.post(&url)
                    .bearer_auth(&token)
                    .json(&body)
                    .send()
                    .await
                    .map(|r| r.status().is_success())
                    .unwrap_or(false)
            }
        })
        .await;
        figures.print("ephemeral keys", concurrency);
    }
}

struct Figures {
    per_second: f64,
    p50: Duration,
    p99: Duration,
    failed: usize,
}

impl Figures {
    fn print(&self, what: &str, concurrency: usize) {
        println!(
            "{what:<16} {concurrency:>5} {:>9.0} {:>9.2} {:>9.2}{}",
            self.per_second,
            self.p50.as_secs_f64() * 1e3,
            self.p99.as_secs_f64() * 1e3,
            if self.failed > 0 {
                format!("  ({} failed)", self.failed)
            } else {
                String::new()
            }
        );
    }
}

/// `REQUESTS` calls of `request`, `concurrency` at a time (each worker takes the next index).
async fn run<F, Fut>(concurrency: usize, request: F) -> Figures
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let request = Arc::new(request);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|_| {
            let (request, next) = (request.clone(), next.clone());
            tokio::spawn(async move {
                let (mut times, mut failed) = (Vec::new(), 0);
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= REQUESTS {
                        return (times, failed);
                    }
                    let t = Instant::now();
                    if !request(i).await {
                        failed += 1;
                    }
                    times.push(t.elapsed());
                }
            })
        })
        .collect();
    let (mut times, mut failed) = (Vec::new(), 0);
    for worker in workers {
        let (t, f) = worker.await.unwrap();
        times.extend(t);
        failed += f;
    }
    let elapsed = started.elapsed();
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    Figures {
        per_second: REQUESTS as f64 / elapsed.as_secs_f64(),
        p50: at(0.50),
        p99: at(0.99),
        failed,
    }
}
