//! Cross-origin access to `/api`, for host pages that embed the panel and for wasm tests.

use axum::http::{HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// `loopback` in `allowed` admits any `http://127.0.0.1:*` or `http://localhost:*` origin.
pub fn layer(allowed: &[String]) -> CorsLayer {
    let loopback = allowed.iter().any(|o| o == "loopback");
    let exact: Vec<HeaderValue> = allowed
        .iter()
        .filter(|o| o.as_str() != "loopback")
        .filter_map(|o| HeaderValue::from_str(o.trim_end_matches('/')).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(move |origin, _| {
            exact.contains(origin) || (loopback && is_loopback(origin))
        }))
        // The only methods `/api` has.
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            axum::http::header::CONTENT_TYPE,
            axum::http::header::AUTHORIZATION,
            axum::http::HeaderName::from_static("idempotency-key"),
        ])
        // A host page's panel must read how long a rate limit asks it to wait.
        .expose_headers([axum::http::header::RETRY_AFTER])
}

fn is_loopback(origin: &HeaderValue) -> bool {
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    ["http://127.0.0.1:", "http://localhost:"]
        .iter()
        .any(|prefix| {
            origin
                .strip_prefix(prefix)
                .is_some_and(|port| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()))
        })
}

#[cfg(test)]
mod tests {
    use super::is_loopback;
    use axum::http::HeaderValue;

    #[test]
    fn only_loopback_http_origins_with_a_port_count_as_loopback() {
        let yes = ["http://127.0.0.1:8080", "http://localhost:3000"];
        let no = [
            "http://127.0.0.1.evil.example:80",
            "https://localhost:1",
            "http://localhost:",
        ];
        for o in yes {
            assert!(is_loopback(&HeaderValue::from_static(o)), "{o}");
        }
        for o in no {
            assert!(!is_loopback(&HeaderValue::from_static(o)), "{o}");
        }
    }
}
