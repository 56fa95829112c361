//! The built panel's files, served compressed and cached the way a CDN would: each file is read
//! once (again when it changes on disk), compressed once with brotli and gzip, and answered in
//! the encoding the browser asks for. Every answer carries a strong `ETag` (a hash of the
//! file): stable names (`issuing-admin.js`, `index.html`) are revalidated on each use (`304`
//! when unchanged), names that carry a content hash are cached for a year. An HTML page gets
//! its Content-Security-Policy here, with the hashes of its own inline scripts and styles.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use axum::body::Body;
use axum::http::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_SECURITY_POLICY,
    CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;

use crate::csp::PagePolicy;

/// Smaller than this, a file is sent as it is (compression would not pay).
const COMPRESS_ABOVE: usize = 512;
/// Brotli's quality: 9 is within a few per cent of the best (11) at a tenth of its time.
const BROTLI_QUALITY: u32 = 9;

/// One file as served.
struct Prepared {
    modified: Option<SystemTime>,
    len: u64,
    content_type: HeaderValue,
    etag: HeaderValue,
    identity: Arc<[u8]>,
    brotli: Option<Arc<[u8]>>,
    gzip: Option<Arc<[u8]>>,
    /// HTML only: its Content-Security-Policy.
    policy: Option<HeaderValue>,
    /// Its name carries a hash of its content: it never changes under this name.
    immutable: bool,
}

/// The folder served, and what has been prepared of it.
#[derive(Clone)]
pub struct StaticFiles {
    dir: PathBuf,
    policy: Arc<PagePolicy>,
    prepared: Arc<Mutex<HashMap<PathBuf, Arc<Prepared>>>>,
}

impl StaticFiles {
    pub fn new(dir: PathBuf, policy: PagePolicy) -> Self {
        Self {
            dir,
            policy: Arc::new(policy),
            prepared: Arc::default(),
        }
    }

    /// Prepares every file now (compression of the wasm takes a moment), off the async threads.
    pub fn warm_up(&self) {
        let files = self.clone();
        tokio::task::spawn_blocking(move || {
            for path in walk(&files.dir) {
                let _ = files.prepare(&path);
            }
        });
    }

    /// The answer to a GET or HEAD of `file` (a path inside the folder).
    pub async fn answer(&self, file: PathBuf, method: &Method, headers: &HeaderMap) -> Response {
        let files = self.clone();
        let prepared = tokio::task::spawn_blocking(move || files.prepare(&file)).await;
        let Ok(Ok(prepared)) = prepared else {
            return StatusCode::NOT_FOUND.into_response();
        };
        respond(&prepared, method, headers)
    }

    /// The prepared file, prepared again if it changed on disk since.
    fn prepare(&self, path: &Path) -> std::io::Result<Arc<Prepared>> {
        let meta = std::fs::metadata(path)?;
        if !meta.is_file() {
            return Err(std::io::ErrorKind::NotFound.into());
        }
        let modified = meta.modified().ok();
        if let Some(done) = self.prepared.lock().expect("not poisoned").get(path) {
            if done.modified == modified && done.len == meta.len() {
                return Ok(done.clone());
            }
        }
        let bytes = std::fs::read(path)?;
        let mime = mime_guess::from_path(path).first_or_octet_stream();
        let is_html = mime.essence_str() == "text/html";
        let content_type =
            if mime.type_() == "text" || mime.essence_str() == "application/javascript" {
                format!("{}; charset=utf-8", mime.essence_str())
            } else {
                mime.essence_str().to_owned()
            };
        let digest = ring::digest::digest(&ring::digest::SHA256, &bytes);
        let etag = format!(
            "\"{}\"",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest.as_ref()[..16])
        );
        let compressible = bytes.len() > COMPRESS_ABOVE && compressible(&mime);
        let prepared = Arc::new(Prepared {
            modified,
            len: meta.len(),
            content_type: HeaderValue::from_str(&content_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream")),
            etag: HeaderValue::from_str(&etag).expect("base64 is a valid header"),
            brotli: compressible.then(|| brotli(&bytes).into()),
            gzip: compressible.then(|| gzip(&bytes).into()),
            policy: is_html
                .then(|| self.policy.for_page(&String::from_utf8_lossy(&bytes)))
                .and_then(|p| HeaderValue::from_str(&p).ok()),
            immutable: has_content_hash(path.strip_prefix(&self.dir).unwrap_or(path)),
            identity: bytes.into(),
        });
        self.prepared
            .lock()
            .expect("not poisoned")
            .insert(path.to_path_buf(), prepared.clone());
        Ok(prepared)
    }
}

fn respond(file: &Prepared, method: &Method, headers: &HeaderMap) -> Response {
    let mut response = Response::new(Body::empty());
    let out = response.headers_mut();
    out.insert(CONTENT_TYPE, file.content_type.clone());
    out.insert(ETAG, file.etag.clone());
    out.insert(VARY, HeaderValue::from_static("accept-encoding"));
    out.insert(
        CACHE_CONTROL,
        HeaderValue::from_static(if file.immutable {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        }),
    );
    if let Some(policy) = &file.policy {
        out.insert(CONTENT_SECURITY_POLICY, policy.clone());
    }
    let unchanged = headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| {
            let tag = tag.trim().trim_start_matches("W/");
            tag == "*" || file.etag.to_str().is_ok_and(|etag| etag == tag)
        });
    if unchanged {
        *response.status_mut() = StatusCode::NOT_MODIFIED;
        return response;
    }
    let (encoding, body) = match negotiate(headers, file) {
        Some(("br", Some(bytes))) => (Some("br"), bytes.clone()),
        Some(("gzip", Some(bytes))) => (Some("gzip"), bytes.clone()),
        _ => (None, file.identity.clone()),
    };
    let out = response.headers_mut();
    if let Some(encoding) = encoding {
        out.insert(CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    out.insert(CONTENT_LENGTH, HeaderValue::from(body.len()));
    if method != Method::HEAD {
        *response.body_mut() = Body::from(bytes::Bytes::from_owner(body));
    }
    response
}

/// Whether a part of the path ends in `-` and 16 or more hex digits (before its extension), as
/// Trunk's hashed names (`main-0123456789abcdef.css`) and wasm-bindgen's snippet folders
/// (`snippets/issuing-admin-0835d4df31a66b3b/`) do.
fn has_content_hash(path: &Path) -> bool {
    path.components().any(|part| {
        let part = part.as_os_str().to_string_lossy();
        let stem = part.split('.').next().unwrap_or_default();
        stem.rsplit_once('-').is_some_and(|(_, hash)| {
            hash.len() >= 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
        })
    })
}

/// The encoding to send, by the browser's `Accept-Encoding` (brotli first, then gzip); `None`
/// for the file as it is.
fn negotiate<'f>(
    headers: &HeaderMap,
    file: &'f Prepared,
) -> Option<(&'static str, Option<&'f Arc<[u8]>>)> {
    let accepted: Vec<(String, f32)> = headers
        .get_all(ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse().ok())
                .unwrap_or(1.0);
            (name, q)
        })
        .collect();
    let takes = |name: &str| {
        accepted
            .iter()
            .find(|(n, _)| n == name)
            .or_else(|| accepted.iter().find(|(n, _)| n == "*"))
            .is_some_and(|(_, q)| *q > 0.0)
    };
    if file.brotli.is_some() && takes("br") {
        return Some(("br", file.brotli.as_ref()));
    }
    if file.gzip.is_some() && takes("gzip") {
        return Some(("gzip", file.gzip.as_ref()));
    }
    None
}

fn compressible(mime: &mime_guess::Mime) -> bool {
    mime.type_() == "text"
        || matches!(
            mime.essence_str(),
            "application/javascript" | "application/json" | "application/wasm" | "image/svg+xml"
        )
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, BROTLI_QUALITY, 22);
        // Writing into memory cannot fail.
        let _ = writer.write_all(bytes);
    }
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::best(),
    );
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// Every file below `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_with_a_content_hash_are_cached_for_good() {
        for hashed in [
            "snippets/issuing-admin-0835d4df31a66b3b/src/embed/element.js",
            "main-0123456789abcdef.css",
        ] {
            assert!(has_content_hash(Path::new(hashed)), "{hashed}");
        }
        for stable in [
            "issuing-admin.js",
            "issuing-admin_bg.wasm",
            "host/index.html",
            "main.css",
        ] {
            assert!(!has_content_hash(Path::new(stable)), "{stable}");
        }
    }

    #[test]
    fn the_encoding_follows_the_browsers_preference() {
        let file = Prepared {
            modified: None,
            len: 1,
            content_type: HeaderValue::from_static("text/plain"),
            etag: HeaderValue::from_static("\"x\""),
            identity: Arc::from(&b"plain"[..]),
            brotli: Some(Arc::from(&b"br"[..])),
            gzip: Some(Arc::from(&b"gz"[..])),
            policy: None,
            immutable: false,
        };
        let asked = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
            negotiate(&headers, &file).map(|(name, _)| name)
        };
        assert_eq!(asked("gzip, deflate, br, zstd"), Some("br"));
        assert_eq!(asked("gzip"), Some("gzip"));
        assert_eq!(asked("br;q=0, gzip"), Some("gzip"));
        assert_eq!(asked("identity"), None);
        assert_eq!(negotiate(&HeaderMap::new(), &file), None);
    }
}
