//! Serving the built panel as single-page apps: a path with no file behind it gets the
//! `index.html` nearest above it, so a reload or deep link lands in the right page. The
//! panel's own page is `dist/index.html`; a host page embedding it under a base path (the
//! example at `dist/host/index.html`) answers for everything below `/host/`.

use std::path::{Component, Path, PathBuf};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::IntoResponse;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// `dist/` as static files, with the nearest-`index.html` fallback.
pub fn service(dir: PathBuf) -> axum::routing::MethodRouter {
    let files = ServeDir::new(dir.clone());
    axum::routing::any(move |request: Request<Body>| {
        let (files, dir) = (files.clone(), dir.clone());
        async move {
            let response = files.oneshot(request_clone(&request)).await.into_response();
            if response.status() != StatusCode::NOT_FOUND {
                return response;
            }
            match nearest_index(&dir, request.uri().path()) {
                Some(index) => ServeFile::new(index).oneshot(request).await.into_response(),
                None => StatusCode::NOT_FOUND.into_response(),
            }
        }
    })
}

fn request_clone(request: &Request<Body>) -> Request<Body> {
    let mut copy = Request::builder()
        .method(request.method())
        .uri(request.uri())
        .version(request.version());
    if let Some(headers) = copy.headers_mut() {
        *headers = request.headers().clone();
    }
    copy.body(Body::empty()).expect("a copy of a valid request")
}

/// The `index.html` in the deepest folder of `path` that has one, never outside `dir`.
pub fn nearest_index(dir: &Path, path: &str) -> Option<PathBuf> {
    let mut folders = vec![dir.to_path_buf()];
    for part in Path::new(path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(name) => {
                let next = folders.last()?.join(name);
                folders.push(next);
            }
            // `..`, a root or a prefix: not a path the panel makes; answer with nothing.
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
            Component::CurDir => {}
        }
    }
    folders
        .into_iter()
        .rev()
        .map(|f| f.join("index.html"))
        .find(|index| index.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deep_link_gets_the_nearest_page_above_it_and_nothing_outside() {
        let dir = std::env::temp_dir().join(format!("ia-spa-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("host")).unwrap();
        std::fs::write(dir.join("index.html"), "panel").unwrap();
        std::fs::write(dir.join("host/index.html"), "host").unwrap();
        let at = |p: &str| nearest_index(&dir, p);
        assert_eq!(
            at("/host/accounts/acct_1/cards"),
            Some(dir.join("host/index.html"))
        );
        assert_eq!(at("/host/"), Some(dir.join("host/index.html")));
        assert_eq!(at("/accounts/acct_1/cards"), Some(dir.join("index.html")));
        assert_eq!(at("/hostile/x"), Some(dir.join("index.html")));
        assert_eq!(at("/host/../../etc/passwd"), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
