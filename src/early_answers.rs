//! The standalone page starts its first `/api` calls while the wasm is still loading (an
//! inline script in `index.html`): the operator's account, the accounts and, on a card list,
//! its first page. A GET of the panel takes such an answer only for the very URL and token it
//! was started with, once, and only in the first seconds of the page; any other guess is
//! never read. An embedded panel (a host page) has none of this and fetches as always.
//! The panel itself starts a GET ahead the same way (`ahead`): a page of cards asked for on
//! the click on Next, while the router is still moving to its URL.

use std::cell::RefCell;

use js_sys::{Date, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where `index.html` leaves its calls: `{ token, at, answers: { url: Promise<Response> } }`.
const GLOBAL: &str = "__issuingAdminEarly";

/// An early answer older than this is not taken: the page has moved on.
const FRESH_MS: f64 = 10_000.0;

/// A GET started ahead: its URL, the token it was sent with, when, and its answer.
struct Ahead {
    url: String,
    token: Option<String>,
    at: f64,
    answer: Promise,
}

thread_local! {
    static AHEAD: RefCell<Vec<Ahead>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `answer`, a GET of `url` with `token` started now, for the panel's own GET of it.
pub fn ahead(url: String, token: Option<String>, answer: Promise) {
    AHEAD.with(|ahead| {
        let mut ahead = ahead.borrow_mut();
        // Never taken (the operator went elsewhere): forgotten once stale.
        ahead.retain(|a| Date::now() - a.at <= FRESH_MS && a.url != url);
        ahead.push(Ahead {
            url,
            token,
            at: Date::now(),
            answer,
        });
    });
}

fn taken_ahead(url: &str, token: Option<&str>) -> Option<Promise> {
    AHEAD.with(|ahead| {
        let mut ahead = ahead.borrow_mut();
        let at = ahead.iter().position(|a| {
            a.url == url && a.token.as_deref() == token && Date::now() - a.at <= FRESH_MS
        })?;
        Some(ahead.remove(at).answer)
    })
}

/// The answer the page's script started for `url` with `token`, if any (taken: never twice).
fn taken_from_page(url: &str, token: Option<&str>) -> Option<Promise> {
    let early = Reflect::get(&js_sys::global(), &GLOBAL.into())
        .ok()
        .filter(JsValue::is_object)?;
    let field = |name: &str| Reflect::get(&early, &name.into()).ok();
    if field("token")?.as_string().as_deref() != token
        || Date::now() - field("at")?.as_f64()? > FRESH_MS
    {
        return None;
    }
    let answers: js_sys::Object = field("answers")?.dyn_into().ok()?;
    let promise: Promise = Reflect::get(&answers, &url.into()).ok()?.dyn_into().ok()?;
    Reflect::delete_property(&answers, &url.into()).ok()?;
    Some(promise)
}

/// The answer started early for `url` with `token` (by the page, or by the panel ahead of a
/// navigation), if there is one: taken once, and only while fresh.
pub async fn take(url: &str, token: Option<&str>) -> Option<gloo_net::http::Response> {
    let promise = taken_ahead(url, token).or_else(|| taken_from_page(url, token))?;
    // A call that failed (offline, say) is simply made again by the panel.
    let response = JsFuture::from(promise).await.ok()?;
    let raw: web_sys::Response = response.dyn_into().ok()?;
    Some(raw.into())
}
