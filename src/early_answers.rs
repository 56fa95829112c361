//! The standalone page starts its first `/api` calls while the wasm is still loading (an
//! inline script in `index.html`): the operator's account, the accounts and, on a card list,
//! its first page. A GET of the panel takes such an answer only for the very URL and token it
//! was started with, once, and only in the first seconds of the page; any other guess is
//! never read. An embedded panel (a host page) has none of this and fetches as always.

use js_sys::{Date, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where `index.html` leaves its calls: `{ token, at, answers: { url: Promise<Response> } }`.
const GLOBAL: &str = "__issuingAdminEarly";

/// An early answer older than this is not taken: the page has moved on.
const FRESH_MS: f64 = 10_000.0;

/// The answer started early for `url` with `token`, if there is one (taken: never twice).
pub async fn take(url: &str, token: Option<&str>) -> Option<gloo_net::http::Response> {
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
    // A call that failed (offline, say) is simply made again by the panel.
    let response = JsFuture::from(promise).await.ok()?;
    let raw: web_sys::Response = response.dyn_into().ok()?;
    Some(raw.into())
}
