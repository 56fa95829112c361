//! The pages' Content-Security-Policy and the way static files are served, on the real build:
//! strict for scripts (the loader by its hash, WebAssembly allowed, nothing inline or evaluated
//! otherwise), violations reported to the server (so the walk in `accessibility.rs` fails on
//! any), and the wasm compressed and revalidated by its ETag.

use e2e::{start_server, Browser};
use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING, ETAG, IF_NONE_MATCH};
use reqwest::StatusCode;

#[tokio::test]
async fn the_policy_is_strict_and_a_violation_is_reported() {
    let server = start_server().await;
    let base = server.url();
    let http = reqwest::Client::new();

    let page = http.get(format!("{base}/accounts")).send().await.unwrap();
    let policy = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let script_src = policy
        .split(';')
        .find(|d| d.trim().starts_with("script-src"))
        .unwrap();
    assert!(script_src.contains("'wasm-unsafe-eval'") && script_src.contains("'sha256-"));
    assert!(
        !policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"),
        "{policy}"
    );
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert_eq!(page.headers()["x-content-type-options"], "nosniff");
    assert!(page.headers().contains_key("referrer-policy"));

    // The panel starts under it: the sign-in page shows.
    let browser = Browser::launch().await;
    browser.goto(&format!("{base}/")).await;
    browser.wait_for("[data-operator=op_aiko]").await;
    assert!(
        server.csp_reports().is_empty(),
        "{:?}",
        server.csp_reports()
    );

    // What the policy forbids is blocked and reported: a style attribute set from script.
    browser
        .js("document.body.setAttribute('style', 'outline: 3px solid red'); return true;")
        .await;
    browser
        .wait_js(
            "the style refused",
            "return getComputedStyle(document.body).outlineStyle !== 'solid';",
        )
        .await;
    let mut reported = Vec::new();
    for _ in 0..100 {
        reported = server.csp_reports();
        if !reported.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        reported.iter().any(|r| r.to_string().contains("style-src")),
        "the violation reached the server: {reported:?}"
    );
    browser.close().await;
}

#[tokio::test]
async fn the_wasm_goes_out_compressed_and_is_revalidated_by_its_etag() {
    let server = start_server().await;
    let url = format!("{}/issuing-admin_bg.wasm", server.url());
    // No decompression here: reqwest is built without it, so the bytes are as sent.
    let http = reqwest::Client::new();

    let raw = http.get(&url).send().await.unwrap();
    assert_eq!(raw.status(), StatusCode::OK);
    assert!(raw.headers().get(CONTENT_ENCODING).is_none());
    let etag = raw.headers()[ETAG].clone();
    let raw_len = raw.bytes().await.unwrap().len();

    for encoding in ["br", "gzip"] {
        let packed = http
            .get(&url)
            .header(ACCEPT_ENCODING, encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(packed.headers()[CONTENT_ENCODING], encoding);
        assert_eq!(packed.headers()["cache-control"], "no-cache");
        let len = packed.bytes().await.unwrap().len();
        println!("issuing-admin_bg.wasm: {raw_len} bytes, {len} as {encoding}");
        assert!(len < raw_len / 2, "{encoding}: {len} of {raw_len}");
    }
    let again = http
        .get(&url)
        .header(IF_NONE_MATCH, etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
}
