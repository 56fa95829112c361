//! Helpers for the panel's wasm-bindgen tests: a fresh mount point per test, and waiting for
//! the DOM to reach a state (the panel fetches over real HTTP, so "soon", not "now").

#![allow(dead_code)]

pub mod connect_double;
pub mod editor;

// The sandbox seed's accounts (`stripe_sandbox::*_ACCOUNT`: the wasm tests cannot link the
// native sandbox, so its ids are written here once for them).
pub const US: &str = "acct_1SbxUSNorthwnd";
pub const UK: &str = "acct_1SbxGBThamesCo";
pub const EURO: &str = "acct_1SbxDESakuraLg";

use std::time::Duration;

use issuing_admin::api::ApiClient;
use issuing_model::{Address, Billing, CardholderCreate, CardholderType};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The real platform server (sandbox mode) that `cargo xtask test` starts for these tests.
pub fn live_api() -> ApiClient {
    ApiClient::new(option_env!("IA_TEST_API_BASE").unwrap_or("http://127.0.0.1:48787"))
}

/// The real server, signed in as a seeded sandbox operator (`op_aiko`, `op_ben`, `op_chloe`).
pub async fn signed_in_api(operator: &str) -> ApiClient {
    let server = live_api();
    let signed_in = server
        .sign_in(operator)
        .await
        .expect("sandbox sign-in works");
    server.with_token(signed_in.token)
}

/// Signs in as `operator` the way the panel remembers it (its saved token), moves the page's
/// URL to `path`, and returns a fresh container to mount the panel in.
pub async fn open_as(operator: &str, path: &str) -> HtmlElement {
    let signed_in = live_api()
        .sign_in(operator)
        .await
        .expect("sandbox sign-in works");
    let window = web_sys::window().unwrap();
    window
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item("issuing-admin.operator-token", &signed_in.token)
        .unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    fresh_container()
}

/// Clicks the first element matching `selector` inside `root`.
pub fn click(root: &HtmlElement, selector: &str) {
    let el: HtmlElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no `{selector}` to click in:\n{}", root.inner_html()))
        .unchecked_into();
    el.click();
}

/// An API base where nothing listens: every call fails as a network error.
pub fn unreachable_api() -> ApiClient {
    ApiClient::new("http://127.0.0.1:9")
}

/// A new, empty element appended to the body.
pub fn fresh_container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

pub async fn sleep(duration: Duration) {
    gloo_timers::future::sleep(duration).await;
}

/// Polls until `selector` matches inside `root`, for at most 20 s; panics with the DOM if not.
pub async fn wait_for(root: &HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..200 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "`{selector}` never appeared; the DOM is:\n{}",
        root.inner_html()
    );
}

/// Polls `ok` until it holds, for at most 20 s.
pub async fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
    for _ in 0..200 {
        if ok() {
            return;
        }
        sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out waiting until {what}");
}

/// The input matching `selector` inside `root`.
pub fn input(root: &web_sys::Element, selector: &str) -> web_sys::HtmlInputElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no `{selector}` in:\n{}", root.inner_html()))
        .unchecked_into()
}

/// Types `text` into the input the way a person's keystrokes end: its value, then `input`.
pub fn type_into(root: &web_sys::Element, selector: &str, text: &str) {
    let el = input(root, selector);
    el.focus().unwrap();
    el.set_value(text);
    el.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// A key press (`Enter`, `ArrowDown`, …) on the element matching `selector`.
pub fn press(root: &web_sys::Element, selector: &str, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    input(root, selector).dispatch_event(&event).unwrap();
}

/// Trimmed text of the first element matching `selector`, or `None`.
pub fn text_of(root: &web_sys::Element, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .unwrap()
        .map(|el| el.text_content().unwrap_or_default().trim().to_owned())
}

/// Polls until the text of `selector` contains `needle`, for at most 20 s; returns the text.
pub async fn wait_text(root: &web_sys::Element, selector: &str, needle: &str) -> String {
    for _ in 0..200 {
        if let Some(text) = text_of(root, selector).filter(|t| t.contains(needle)) {
            return text;
        }
        sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "`{selector}` never said {needle:?}; it says {:?}",
        text_of(root, selector)
    );
}

/// Chooses `value` in the `<select>` matching `selector`, the way a person's choice ends: its
/// value, then `change`.
pub fn choose(root: &web_sys::Element, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no `{selector}` in:\n{}", root.inner_html()))
        .unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// Letters that differ from one run to the next (names take no digits).
pub fn unique_letters() -> String {
    let mut n = js_sys::Date::now() as u64;
    let mut s = String::new();
    for _ in 0..6 {
        s.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
    }
    s
}

/// A new cardholder `name` billed in Portland, Oregon (the US account's state), to adjust.
pub fn portland_holder(kind: CardholderType, name: &str) -> CardholderCreate {
    CardholderCreate {
        kind,
        name: name.to_owned(),
        email: None,
        phone_number: None,
        billing: Billing {
            address: Address {
                line1: Some("1 Market Street".into()),
                city: Some("Portland".into()),
                state: Some("OR".into()),
                postal_code: Some("97204".into()),
                country: Some("US".into()),
                line2: None,
            },
        },
        individual: None,
        status: None,
        spending_controls: None,
        metadata: Default::default(),
        preferred_locales: Vec::new(),
    }
}

/// Counts the page's `fetch`es from now on whose URL contains each of `parts` (every URL is
/// logged once the first watcher is installed).
pub fn watch_fetches(parts: &[&str]) -> impl Fn() -> usize {
    js_sys::Function::new_no_args(
        r#"
        if (!window.__fetched) {
          window.__fetched = [];
          const fetch = window.fetch;
          window.fetch = function (input, init) {
            window.__fetched.push(typeof input === "string" ? input : input.url);
            return fetch.call(this, input, init);
          };
        }
        "#,
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    let log = || -> js_sys::Array {
        wasm_bindgen::JsCast::unchecked_into(
            js_sys::Reflect::get(&js_sys::global(), &"__fetched".into()).unwrap(),
        )
    };
    let from = log().length();
    let parts: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
    move || {
        let log = log();
        (from..log.length())
            .filter_map(|i| log.get(i).as_string())
            .filter(|url| parts.iter().all(|p| url.contains(p.as_str())))
            .count()
    }
}

/// Holds every `fetch` whose URL contains `part` from now on until the returned function is
/// called (the page's `fetch` is wrapped; the requests go out, their answers wait).
pub fn hold_answers(part: &str) -> js_sys::Function {
    js_sys::Function::new_with_args(
        "part",
        r#"
        let release;
        const released = new Promise((resolve) => { release = resolve; });
        const fetch = window.fetch;
        window.fetch = function (input, init) {
          const url = typeof input === "string" ? input : input.url;
          const answer = fetch.call(this, input, init);
          return url.includes(part) ? released.then(() => answer) : answer;
        };
        return () => { window.fetch = fetch; release(); };
        "#,
    )
    .call1(&wasm_bindgen::JsValue::NULL, &part.into())
    .unwrap()
    .into()
}

/// Fails the first `GET /api/me` sent with `token` as a network failure would; returns how many
/// it failed.
pub fn fail_first_me_of(token: &str) -> impl Fn() -> u32 {
    let failed: js_sys::Function = js_sys::Function::new_with_args(
        "token",
        r#"
        let failed = 0;
        const fetch = window.fetch;
        window.fetch = function (input, init) {
          const url = typeof input === "string" ? input : input.url;
          const headers = new Headers(init?.headers ?? (typeof input === "string" ? {} : input.headers));
          if (failed === 0 && url.includes("/api/me") && headers.get("authorization") === "Bearer " + token) {
            failed += 1;
            return Promise.reject(new TypeError("Failed to fetch"));
          }
          return fetch.call(this, input, init);
        };
        return () => failed;
        "#,
    )
    .call1(&wasm_bindgen::JsValue::NULL, &token.into())
    .unwrap()
    .into();
    move || {
        failed
            .call0(&wasm_bindgen::JsValue::NULL)
            .unwrap()
            .as_f64()
            .unwrap() as u32
    }
}
