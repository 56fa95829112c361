//! A loopback server answers only requests addressed to loopback. A page on another site can
//! point its own name at 127.0.0.1 (DNS rebinding) and then call a local server as if it were
//! same-origin; the `Host` it sends still names that site, and is refused here.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::ApiError;

/// Host names a loopback server answers beside loopback's own (`localhost`, `*.localhost`,
/// `127.x.x.x`, `[::1]`), e.g. the name a local reverse proxy passes on.
#[derive(Debug, Clone, Default)]
pub struct AllowedHosts(Arc<Vec<String>>);

impl AllowedHosts {
    pub fn new(names: impl IntoIterator<Item = String>) -> Self {
        Self(Arc::new(
            names
                .into_iter()
                .map(|n| n.trim().to_ascii_lowercase())
                .filter(|n| !n.is_empty())
                .collect(),
        ))
    }

    /// Whether a `Host` header value (`name[:port]`) names loopback or an allowed name.
    pub fn admits(&self, host: &str) -> bool {
        let name = host_name(host).to_ascii_lowercase();
        let name = name.trim_end_matches('.');
        name == "localhost"
            || name.ends_with(".localhost")
            || name
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
            || self.0.iter().any(|allowed| allowed == name)
    }

    /// The first of `Host` and `X-Forwarded-Host` (a local proxy such as `trunk serve` passes
    /// the browser's there) that names neither loopback nor an allowed name.
    fn refused<'h>(&self, headers: &'h HeaderMap) -> Option<&'h str> {
        ["host", "x-forwarded-host"]
            .into_iter()
            .flat_map(|name| headers.get_all(name))
            .map(|value| value.to_str().unwrap_or("(not text)"))
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .find(|host| !self.admits(host))
    }
}

/// `name` of `name:port`, `[v6]` of `[v6]:port`.
fn host_name(host: &str) -> &str {
    let host = host.trim();
    if let Some(end) = host.find(']') {
        return &host[..=end];
    }
    host.rsplit_once(':').map_or(host, |(name, _)| name)
}

/// Middleware (`axum::middleware::from_fn_with_state`) for a server listening on loopback.
pub async fn loopback_hosts_only(
    State(allowed): State<AllowedHosts>,
    request: Request,
    next: Next,
) -> Response {
    match allowed.refused(request.headers()) {
        None => next.run(request).await,
        Some(host) => {
            let shown: String = host.chars().take(100).collect();
            ApiError::new(
                StatusCode::MISDIRECTED_REQUEST,
                issuing_model::StripeError::new(
                    issuing_model::ErrorType::InvalidRequestError,
                    format!(
                        "This server listens on loopback and answers only requests addressed to \
                         it (localhost, 127.0.0.1 or [::1]), not to `{shown}`. A proxy in front \
                         of it must pass one of those, or the server must be started with \
                         --allow-host {shown}."
                    ),
                ),
            )
            .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_names_are_admitted_others_are_not() {
        let hosts = AllowedHosts::new(["admin.internal".to_owned()]);
        for ok in [
            "127.0.0.1",
            "127.0.0.1:8787",
            "127.1.2.3:80",
            "localhost",
            "LOCALHOST:8080",
            "panel.localhost:8080",
            "localhost.",
            "[::1]:8787",
            "[::1]",
            "admin.internal:443",
        ] {
            assert!(hosts.admits(ok), "{ok}");
        }
        for refused in [
            "evil.example",
            "evil.example:8787",
            "localhost.evil.example",
            "127.0.0.1.evil.example",
            "10.0.0.1:8787",
            "[::2]:80",
            "",
            "admin.internal.evil",
        ] {
            assert!(!hosts.admits(refused), "{refused}");
        }
    }

    #[test]
    fn a_forwarded_host_is_checked_too() {
        let mut headers = HeaderMap::new();
        headers.insert("host", "127.0.0.1:8787".parse().unwrap());
        assert_eq!(AllowedHosts::default().refused(&headers), None);
        headers.insert("x-forwarded-host", "evil.example".parse().unwrap());
        assert_eq!(
            AllowedHosts::default().refused(&headers),
            Some("evil.example")
        );
    }
}
