//! The panel beside hand-written JavaScript: the release build and a vanilla-JS card list
//! (`bench/vanilla/`, never shipped) served by one server against the sandbox's 10,000-card
//! account, loaded alternately in Debian's headless Chromium; and, when `IA_LEPTOS_FLOOR` names
//! its build, the same list as a bare Leptos app (`bench/leptos-floor/`): what the stack alone
//! costs. Prints the medians of each measure and their ratios, and the bytes of the first loads
//! (raw, gzip, brotli). Figures only; nothing here asserts a timing. `cargo xtask bench` runs it.

use std::path::{Path, PathBuf};

use e2e::{dist_dir, Browser};
use issuing_server::rate_limits::RateLimits;
use issuing_server::{RunningServer, ServerConfig};
use stripe_sandbox::{SandboxConfig, LARGE_ACCOUNT};

/// Runs of each page, alternating panel and vanilla.
const RUNS: usize = 15;

#[tokio::main]
async fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let site = root.join("target/bench-site");
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&dist_dir(), &site);
    copy_dir(&root.join("bench/vanilla"), &site.join("bench/vanilla"));
    let floor = std::env::var_os("IA_LEPTOS_FLOOR").map(PathBuf::from);
    if let Some(floor) = &floor {
        copy_dir(floor, &site.join("bench/leptos"));
    }

    let mut config = ServerConfig::local_sandbox(SandboxConfig::default());
    config.static_dir = Some(site.clone());
    config.rate_limits = RateLimits::for_benchmarks();
    let server = RunningServer::start(config)
        .await
        .expect("the server starts");
    let base = server.url();
    let browser = Browser::launch().await;
    browser.on_every_new_document(WATCH_ROWS).await;
    browser.sign_in(&server, "op_aiko").await;
    browser.wait_for("tr[data-account]").await;

    println!(
        "{RUNS} alternating runs each, medians, account {LARGE_ACCOUNT} (10,000 cards), headless Chromium;\n  times to the rows in the DOM (layout and paint after it are the same work for both pages)"
    );
    println!(
        "{:<30} {:>8} {:>8} {:>8} {:>13} {:>13}",
        "measure", "panel", "leptos", "vanilla", "panel/vanilla", "leptos/vanilla"
    );
    for rows in [25, 100] {
        let mut pages = vec![
            format!("{base}/accounts/{LARGE_ACCOUNT}/cards?limit={rows}"),
            format!("{base}/bench/vanilla/?account={LARGE_ACCOUNT}&limit={rows}"),
        ];
        if floor.is_some() {
            pages.push(format!(
                "{base}/bench/leptos/?account={LARGE_ACCOUNT}&limit={rows}"
            ));
        }
        let (mut cold, mut next) = (vec![Vec::new(); pages.len()], vec![Vec::new(); pages.len()]);
        for _ in 0..RUNS {
            for (i, url) in pages.iter().enumerate() {
                browser.goto(url).await;
                cold[i].push(rows_shown(&browser, rows).await);
                next[i].push(next_page(&browser, rows).await);
            }
        }
        print_row(&format!("cold load → {rows} card rows"), cold);
        print_row(&format!("Next page → {rows} new rows"), next);
    }
    browser.close().await;
    first_load_bytes(&base, &dist_dir()).await;
    if floor.is_some() {
        let http = reqwest::Client::new();
        let mut totals = [0usize; 3];
        for file in [
            "/bench/leptos/",
            "/bench/leptos/leptos-floor.js",
            "/bench/leptos/leptos-floor_bg.wasm",
            "/main.css",
        ] {
            for (total, size) in totals.iter_mut().zip(sizes(&http, &base, file).await) {
                *total += size;
            }
        }
        println!(
            "bare Leptos card list (page, js, wasm, css): {} raw, {} gzip, {} brotli",
            totals[0], totals[1], totals[2]
        );
    }
    let _ = std::fs::remove_dir_all(&site);
}

/// Run at the start of each page, before its own scripts: notes when the number of card rows
/// in the DOM changes, at the change itself (a mutation observer, not the next frame: a frame
/// is 16.7 ms, more than the differences measured).
const WATCH_ROWS: &str = "
    window.__cardRows = [];
    new MutationObserver(() => {
        const n = document.querySelectorAll('tbody tr[data-card]').length;
        const last = window.__cardRows[window.__cardRows.length - 1];
        if (!last || last[0] !== n) window.__cardRows.push([n, performance.now()]);
    }).observe(document, { childList: true, subtree: true });";

/// From the navigation's start to `rows` card rows in the table's DOM.
async fn rows_shown(browser: &Browser, rows: usize) -> f64 {
    browser
        .client
        .execute_async(
            "const [rows, done] = arguments;
             const look = () => {
                 const seen = window.__cardRows.find(([n]) => n >= rows);
                 if (seen) { done(seen[1]); } else { setTimeout(look, 5); }
             };
             look();",
            vec![rows.into()],
        )
        .await
        .expect("the rows show")
        .as_f64()
        .expect("a time")
}

/// From a click on the older-page button to `rows` rows of the next page in the table's DOM.
async fn next_page(browser: &Browser, rows: usize) -> f64 {
    let before = browser
        .js("return document.querySelector('tbody tr[data-card]').dataset.card;")
        .await;
    let before = before.as_str().expect("a first row");
    let shown = format!(
        "document.querySelector('tbody tr[data-card]')?.dataset.card !== '{before}'
         && document.querySelectorAll('tbody tr[data-card]').length >= {rows}"
    );
    browser
        .time_until(
            "document.querySelector('[data-page=older]').click();",
            &shown,
        )
        .await
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Medians of the panel, the bare Leptos page (if run) and vanilla, and the ratios to vanilla.
fn print_row(measure: &str, times: Vec<Vec<f64>>) {
    let medians: Vec<f64> = times.into_iter().map(median).collect();
    let (panel, vanilla) = (medians[0], medians[1]);
    let leptos = medians.get(2).copied();
    let or_dash = |v: Option<f64>, digits: usize| v.map_or("-".into(), |v| format!("{v:.digits$}"));
    println!(
        "{measure:<30} {panel:>8.0} {:>8} {vanilla:>8.0} {:>13.2} {:>13}",
        or_dash(leptos, 0),
        panel / vanilla,
        or_dash(leptos.map(|l| l / vanilla), 2),
    );
}

/// The files a browser fetches to start the panel, as sent raw, gzip and brotli; then the
/// chunks other pages fetch on their first visit (`cargo xtask dist`), in total.
async fn first_load_bytes(base: &str, dist: &Path) {
    let http = reqwest::Client::new();
    let mut files: Vec<String> = vec!["/".into()];
    let mut chunks: Vec<String> = Vec::new();
    let mut folders = vec![dist.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            let name = path
                .strip_prefix(dist)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if path.is_dir() {
                if name != "host" {
                    folders.push(path);
                }
            } else if name.ends_with(".wasm")
                && (name.starts_with("split_") || name.starts_with("chunk_"))
            {
                chunks.push(format!("/{name}"));
            } else if [".js", ".wasm", ".css"].iter().any(|e| name.ends_with(e)) {
                files.push(format!("/{name}"));
            }
        }
    }
    files.sort();
    println!(
        "first load: {:<58} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let mut totals = [0usize; 3];
    for file in &files {
        let sizes = sizes(&http, base, file).await;
        for (total, size) in totals.iter_mut().zip(sizes) {
            *total += size;
        }
        println!(
            "            {file:<58} {:>10} {:>10} {:>10}",
            sizes[0], sizes[1], sizes[2]
        );
    }
    println!(
        "            {:<58} {:>10} {:>10} {:>10}",
        "total", totals[0], totals[1], totals[2]
    );
    // What each page (or part) costs on its first visit: its own chunk; the chunks several
    // share, together.
    chunks.sort();
    let (mut shared, mut count) = ([0usize; 3], 0);
    for chunk in &chunks {
        let sizes = sizes(&http, base, chunk).await;
        match chunk.strip_prefix("/split_") {
            Some(name) => {
                let part = name.rsplit_once('_').map_or(name, |(part, _)| part);
                println!(
                    "later:      {:<58} {:>10} {:>10} {:>10}",
                    part, sizes[0], sizes[1], sizes[2]
                );
            }
            None => {
                count += 1;
                for (total, size) in shared.iter_mut().zip(sizes) {
                    *total += size;
                }
            }
        }
    }
    println!(
        "later:      {:<58} {:>10} {:>10} {:>10}",
        format!("{count} chunks shared by those"),
        shared[0],
        shared[1],
        shared[2]
    );
}

/// The bytes of `file` as the server sends it raw, gzip and brotli.
async fn sizes(http: &reqwest::Client, base: &str, file: &str) -> [usize; 3] {
    let mut sizes = [0usize; 3];
    for (i, encoding) in ["identity", "gzip", "br"].into_iter().enumerate() {
        sizes[i] = http
            .get(format!("{base}{file}"))
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
            .len();
    }
    sizes
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
