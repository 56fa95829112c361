//! Serving the built panel as single-page apps: a path names a file (`static_files.rs` serves
//! it), and a path with no file behind it gets the
//! `index.html` nearest above it, so a reload or deep link lands in the right page. The
//! panel's own page is `dist/index.html`; a host page embedding it under a base path (the
//! example at `dist/host/index.html`) answers for everything below `/host/`.

use std::path::{Component, Path, PathBuf};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::response::IntoResponse;

use crate::static_files::StaticFiles;

/// `dist/` as static files (compressed, cached, each page with its policy), with the
/// nearest-`index.html` fallback.
pub fn service(files: StaticFiles, dir: PathBuf) -> axum::routing::MethodRouter {
    axum::routing::get(move |request: Request<Body>| {
        let (files, dir) = (files.clone(), dir.clone());
        async move {
            let path = request.uri().path();
            let fallback = || {
                (!names_a_file(path))
                    .then(|| nearest_index(&dir, path))
                    .flatten()
            };
            let Some(file) = file_at(&dir, path).or_else(fallback) else {
                return StatusCode::NOT_FOUND.into_response();
            };
            let method = if request.method() == Method::HEAD {
                Method::HEAD
            } else {
                Method::GET
            };
            files.answer(file, &method, request.headers()).await
        }
    })
}

/// The file `path` names inside `dir` (a folder's `index.html`), never outside it.
fn file_at(dir: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(path)?;
    let mut file = dir.to_path_buf();
    for part in Path::new(decoded.trim_start_matches('/')).components() {
        match part {
            Component::Normal(name) => file.push(name),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

/// Whether the path's last segment has an extension (`favicon.ico`, `chunk.wasm`): a file
/// that is missing is a 404, not the panel's page (which a browser would take for an icon or
/// script, and ask for again on every navigation). The panel's routes have no dots.
fn names_a_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

/// `%xx` decoded; `None` if the result is not UTF-8 or holds a NUL.
fn percent_decode(path: &str) -> Option<String> {
    let text = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    (!text.contains('\0')).then(|| text.into_owned())
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
