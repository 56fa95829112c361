//! What the server answers where no handler is: `/api` never falls through to the panel's
//! `index.html`, a method a route does not take is a 405 in Stripe's shape, and no answer of
//! `/api` may be cached.

mod support;

use issuing_model::StripeError;
use issuing_server::ServerConfig;
use reqwest::StatusCode;
use stripe_sandbox::SandboxConfig;
use support::{expect, Api};

/// A server serving a small panel folder beside its `/api`.
async fn with_panel() -> (Api, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("ia-panel-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>panel</title>",
    )
    .unwrap();
    let mut config = ServerConfig::local_sandbox(SandboxConfig {
        large_account_cards: 10,
        ..Default::default()
    });
    config.static_dir = Some(dir.clone());
    (Api::with(config).await, dir)
}

#[tokio::test]
async fn an_unknown_api_url_is_stripes_404_even_beside_the_panel() {
    let (api, dir) = with_panel().await;
    let token = api.token("op_aiko").await;
    // The panel's own pages still get its index.html.
    let page = api.get(&token, "/accounts/acct_1/cards").await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("<title>panel"));
    // A missing file is not the panel's page: a browser would take it for the icon or a
    // script (and ask for a missing icon again on every navigation).
    for path in [
        "/favicon.ico",
        "/accounts/missing.js",
        "/issuing-admin_bg.wasm",
    ] {
        let answer = api.get(&token, path).await;
        assert_eq!(answer.status(), StatusCode::NOT_FOUND, "{path}");
    }
    for path in [
        "/api/nope",
        "/api/accounts/acct_1/nothing/here",
        "/api/",
        "/api",
    ] {
        let error: StripeError = expect(api.get(&token, path).await, StatusCode::NOT_FOUND).await;
        assert!(
            error.error.message.contains("Unrecognized request URL"),
            "{path}: {}",
            error.error.message
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_method_a_route_does_not_take_is_a_405_in_stripes_shape() {
    let api = Api::start().await;
    let token = api.token("op_aiko").await;
    let answer = api
        .http
        .delete(api.url("/api/accounts"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let allow = answer.headers().get("allow").cloned();
    assert_eq!(answer.headers()["cache-control"], "no-store");
    let error: StripeError = expect(answer, StatusCode::METHOD_NOT_ALLOWED).await;
    assert!(
        error.error.message.contains("Allow"),
        "{}",
        error.error.message
    );
    assert_eq!(allow.unwrap().to_str().unwrap(), "GET,HEAD");
}

#[tokio::test]
async fn api_answers_are_never_cached() {
    let api = Api::start().await;
    let token = api.token("op_aiko").await;
    for path in ["/api/me", "/api/accounts", "/api/operators", "/api/nope"] {
        let answer = api.get(&token, path).await;
        assert_eq!(
            answer
                .headers()
                .get("cache-control")
                .map(|v| v.to_str().unwrap()),
            Some("no-store"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_cross_origin_preflight_is_offered_only_the_methods_api_has() {
    let mut config = ServerConfig::local_sandbox(SandboxConfig {
        large_account_cards: 10,
        ..Default::default()
    });
    config.allowed_origins = vec!["loopback".to_owned()];
    let api = Api::with(config).await;
    let answer = api
        .http
        .request(reqwest::Method::OPTIONS, api.url("/api/accounts"))
        .header("Origin", "http://127.0.0.1:8080")
        .header("Access-Control-Request-Method", "DELETE")
        .send()
        .await
        .unwrap();
    let methods = answer.headers()["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(methods, "GET,POST");
}

#[tokio::test]
async fn a_loopback_server_answers_only_requests_addressed_to_loopback() {
    let mut config = ServerConfig::local_sandbox(SandboxConfig {
        large_account_cards: 10,
        ..Default::default()
    });
    config.allowed_hosts = vec!["admin.internal".into()];
    let api = Api::with(config).await;
    let port = api.server.addr().port();
    let with_hosts = |hosts: &[(&'static str, String)]| {
        let mut request = api.http.get(api.url("/api/config"));
        for (name, value) in hosts {
            request = request.header(*name, value);
        }
        request.send()
    };
    // A DNS-rebinding page sends its own site's name; a proxy in front passes it on.
    for refused in [
        vec![("host", format!("evil.example:{port}"))],
        vec![("host", format!("127.0.0.1.evil.example:{port}"))],
        vec![
            ("host", format!("127.0.0.1:{port}")),
            ("x-forwarded-host", "evil.example".to_owned()),
        ],
    ] {
        let error: StripeError = expect(
            with_hosts(&refused).await.unwrap(),
            StatusCode::MISDIRECTED_REQUEST,
        )
        .await;
        assert!(error.error.message.contains("loopback"), "{refused:?}");
    }
    for admitted in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        "admin.internal".to_owned(),
    ] {
        let answer = with_hosts(&[("host", admitted.clone())]).await.unwrap();
        assert_eq!(answer.status(), StatusCode::OK, "{admitted}");
    }
    // The embedded sandbox, on loopback too, refuses the same way.
    let sandbox = api.server.sandbox_url().unwrap();
    let answer = api
        .http
        .get(format!("{sandbox}/v1/accounts"))
        .header("host", "evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::MISDIRECTED_REQUEST);
}

#[tokio::test]
async fn pages_carry_their_policy_and_files_are_compressed_and_revalidated() {
    let dir = std::env::temp_dir().join(format!("ia-panel-csp-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("snippets/app-0123456789abcdef")).unwrap();
    let loader = "import init from '/app.js'; await init();";
    std::fs::write(
        dir.join("index.html"),
        format!("<!doctype html><title>panel</title><script type=\"module\">{loader}</script>"),
    )
    .unwrap();
    std::fs::write(dir.join("app.js"), "export default 1;\n".repeat(200)).unwrap();
    std::fs::write(dir.join("snippets/app-0123456789abcdef/x.js"), "1").unwrap();
    let mut config = ServerConfig::local_sandbox(SandboxConfig {
        large_account_cards: 10,
        ..Default::default()
    });
    config.static_dir = Some(dir.clone());
    let api = Api::with(config).await;

    // A deep link gets the page, with the hash of its own loader in script-src.
    let page = api
        .http
        .get(api.url("/accounts/acct_1/cards"))
        .send()
        .await
        .unwrap();
    let policy = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    use base64::Engine;
    let hash = base64::engine::general_purpose::STANDARD
        .encode(ring::digest::digest(&ring::digest::SHA256, loader.as_bytes()).as_ref());
    assert!(policy.contains(&format!("'sha256-{hash}'")), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    assert_eq!(page.headers()["x-frame-options"], "DENY");

    // Stable names are revalidated, hashed names cached for good.
    let script = api
        .http
        .get(api.url("/app.js"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(script.headers()["content-encoding"], "gzip");
    assert_eq!(script.headers()["cache-control"], "no-cache");
    let etag = script.headers()["etag"].clone();
    let unchanged = api
        .http
        .get(api.url("/app.js"))
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(unchanged.status(), StatusCode::NOT_MODIFIED);
    let snippet = api
        .http
        .get(api.url("/snippets/app-0123456789abcdef/x.js"))
        .send()
        .await
        .unwrap();
    assert!(snippet.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    // A path out of the folder is never served.
    let out = api
        .http
        .get(api.url("/..%2F..%2Fetc/passwd"))
        .send()
        .await
        .unwrap();
    assert!(!out.text().await.unwrap().contains("root:"));

    // /api JSON is compressed too; over TLS (a proxy says so) the answer asks for HSTS.
    let token = api.token("op_aiko").await;
    let accounts = api
        .http
        .get(api.url("/api/accounts"))
        .bearer_auth(&token)
        .header("accept-encoding", "br")
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    assert_eq!(accounts.headers()["content-encoding"], "br");
    assert!(accounts.headers().contains_key("strict-transport-security"));
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_streamed_csv_export_goes_out_whole_when_compressed() {
    let api = Api::start().await;
    let token = api.token("op_aiko").await;
    for encoding in ["gzip", "br"] {
        let answer = api
            .http
            .get(api.url("/api/audit/export?locale=ja"))
            .bearer_auth(&token)
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
        assert_eq!(answer.headers()["content-encoding"], encoding);
        let packed = answer.bytes().await.expect("the whole body arrives");
        let mut csv = Vec::new();
        use std::io::Read;
        match encoding {
            "gzip" => flate2::read::GzDecoder::new(&packed[..])
                .read_to_end(&mut csv)
                .unwrap(),
            _ => brotli::Decompressor::new(&packed[..], 4096)
                .read_to_end(&mut csv)
                .unwrap(),
        };
        assert!(
            csv.starts_with(b"\xEF\xBB\xBF"),
            "{encoding}: the BOM first"
        );
    }
}
