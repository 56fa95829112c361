//! The Content-Security-Policy of the pages this server serves, and the headers every answer
//! carries. Scripts run only from this origin, from the page's own inline scripts by the hash
//! of their text (Trunk's loader; no `unsafe-inline`, no `unsafe-eval`), and from the Connect
//! script's origin; WebAssembly may compile (`wasm-unsafe-eval`); the page calls only its own
//! origin; Stripe's (or the sandbox's) frames are the only frames; violations are reported to
//! `/api/csp_reports`.

use std::collections::VecDeque;
use std::sync::Mutex;

use axum::extract::Request;
use axum::http::header::{
    REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;

/// Where violations are sent (the server keeps and logs them).
pub const REPORT_PATH: &str = "/api/csp_reports";

/// The latest violations browsers reported (logged as they come, and kept for a look).
#[derive(Debug, Default)]
pub struct Reports(Mutex<VecDeque<serde_json::Value>>);

/// Reports kept.
const KEPT: usize = 100;

impl Reports {
    pub fn add(&self, report: serde_json::Value) {
        tracing::warn!(%report, "Content-Security-Policy violation");
        let mut kept = self.0.lock().expect("not poisoned");
        if kept.len() == KEPT {
            kept.pop_front();
        }
        kept.push_back(report);
    }

    pub fn all(&self) -> Vec<serde_json::Value> {
        self.0
            .lock()
            .expect("not poisoned")
            .iter()
            .cloned()
            .collect()
    }
}

/// What a page's policy is made of, beside the page's own inline hashes.
#[derive(Debug, Clone)]
pub struct PagePolicy {
    /// Origins of the Connect script and its frames (Stripe's, or the sandbox's).
    pub connect_origins: Vec<String>,
    /// Origins of the images Stripe's components show (`https://*.stripe.com`, or the sandbox).
    pub image_origins: Vec<String>,
    /// Who may frame the panel: `'none'` unless the host frames it.
    pub frame_ancestors: String,
}

impl PagePolicy {
    /// Live mode: Stripe's Connect script, frames and images.
    pub fn stripe(frame_ancestors: &str) -> Self {
        Self {
            connect_origins: vec![
                "https://connect-js.stripe.com".into(),
                "https://js.stripe.com".into(),
            ],
            image_origins: vec!["https://*.stripe.com".into()],
            frame_ancestors: frame_ancestors.to_owned(),
        }
    }

    /// Sandbox mode: the sandbox's origin stands in for Stripe's.
    pub fn sandbox(sandbox_origin: &str, frame_ancestors: &str) -> Self {
        Self {
            connect_origins: vec![sandbox_origin.to_owned()],
            image_origins: vec![sandbox_origin.to_owned()],
            frame_ancestors: frame_ancestors.to_owned(),
        }
    }

    /// The policy of `html`, a page this server serves.
    pub fn for_page(&self, html: &str) -> String {
        let hashes = |tag: &str| {
            inline_blocks(html, tag)
                .into_iter()
                .map(|text| format!(" '{}'", sha256_source(text)))
                .collect::<String>()
        };
        let connect = self.connect_origins.join(" ");
        let images = self.image_origins.join(" ");
        format!(
            "default-src 'self'; \
             script-src 'self' 'wasm-unsafe-eval' {connect}{scripts}; \
             style-src 'self'{styles}; \
             img-src 'self' data: {images}; \
             font-src 'self'; \
             connect-src 'self'; \
             frame-src {connect}; \
             worker-src 'none'; \
             object-src 'none'; \
             base-uri 'none'; \
             form-action 'self'; \
             frame-ancestors {ancestors}; \
             report-uri {REPORT_PATH}",
            scripts = hashes("script"),
            styles = hashes("style"),
            ancestors = self.frame_ancestors,
        )
    }
}

/// `'sha256-…'` of `text`, as a CSP source.
fn sha256_source(text: &str) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest.as_ref())
    )
}

/// The text of each inline `<tag>` of `html` (a script with `src` is not inline), exactly as
/// the browser hashes it.
fn inline_blocks<'h>(html: &'h str, tag: &str) -> Vec<&'h str> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let lower = html.to_ascii_lowercase();
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find(&open).map(|i| i + from) {
        let Some(tag_end) = lower[start..].find('>').map(|i| i + start + 1) else {
            break;
        };
        let Some(end) = lower[tag_end..].find(&close).map(|i| i + tag_end) else {
            break;
        };
        // `<scripts>` or `<style-x>` are other tags.
        let after_name = lower.as_bytes().get(start + open.len()).copied();
        let is_tag = matches!(after_name, Some(b' ' | b'>' | b'\t' | b'\n' | b'/'));
        if is_tag && !lower[start..tag_end].contains(" src=") {
            blocks.push(&html[tag_end..end]);
        }
        from = end + close.len();
    }
    blocks
}

/// Headers on every answer: no MIME sniffing, no referrer to other sites, not framed unless
/// the policy allows it, and HSTS when the request came over TLS (to the proxy in front).
pub async fn security_headers(request: Request, next: Next) -> Response {
    let over_tls = request
        .headers()
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|proto| proto.eq_ignore_ascii_case("https"));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(
        REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    if !headers.contains_key(X_FRAME_OPTIONS) {
        // Older browsers' frame-ancestors; a page whose policy allows framing says so itself.
        let framable = headers
            .get(axum::http::header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|p| !p.contains("frame-ancestors 'none'"));
        if !framable {
            headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        }
    }
    if over_tls {
        headers.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_and_styles_are_allowed_by_their_hash_only() {
        let page = "<html><head><style>body { margin: 0; }</style>\
                    <script src=\"/x.js\"></script>\
                    <SCRIPT type=\"module\">import init from '/a.js';</SCRIPT>\
                    <scripts>not a script</scripts></head></html>";
        assert_eq!(inline_blocks(page, "script"), ["import init from '/a.js';"]);
        assert_eq!(inline_blocks(page, "style"), ["body { margin: 0; }"]);
        let policy = PagePolicy::sandbox("http://127.0.0.1:9", "'none'").for_page(page);
        assert!(policy.contains(&sha256_source("import init from '/a.js';")));
        assert!(policy.contains(&format!(
            "style-src 'self' '{}'",
            sha256_source("body { margin: 0; }")
        )));
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        assert!(policy.contains("frame-src http://127.0.0.1:9;"));
    }

    #[test]
    fn a_known_hash_matches_what_browsers_compute() {
        // echo -n "alert('Hello, world.');" | openssl sha256 -binary | base64
        assert_eq!(
            sha256_source("alert('Hello, world.');"),
            "sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng="
        );
    }
}
