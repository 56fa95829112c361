//! `mount(element, options)` as a host page calls it: the panel renders in the element's shadow
//! root with the host's token, and `unmount()` leaves nothing behind: no DOM, no listeners on
//! `window` or `document`, no timers; mounting again works.

mod support;

use issuing_admin::embed::mount_panel;
use support::{live_api, sleep, wait_until};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r##"
export function trackGlobals() {
  if (window.__iaGlobals) return;
  const listeners = [];
  const intervals = new Set();
  for (const target of [window, document]) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    const capture = (o) => typeof o === "boolean" ? o : !!(o && o.capture);
    target.addEventListener = (type, fn, options) => {
      listeners.push({ target, type, fn, capture: capture(options) });
      return add(type, fn, options);
    };
    target.removeEventListener = (type, fn, options) => {
      const i = listeners.findIndex(l => l.target === target && l.type === type && l.fn === fn && l.capture === capture(options));
      if (i >= 0) listeners.splice(i, 1);
      return remove(type, fn, options);
    };
  }
  const setI = window.setInterval.bind(window), clearI = window.clearInterval.bind(window);
  window.setInterval = (...args) => { const id = setI(...args); intervals.add(id); return id; };
  window.clearInterval = (id) => { intervals.delete(id); return clearI(id); };
  window.__iaGlobals = () => listeners.map(l => `${l.target === window ? "window" : "document"}:${l.type}`).sort().join(",") + ` | intervals ${intervals.size}`;
}
export function globals() { return window.__iaGlobals(); }
export function options(apiBase, token) { return { apiBase, token, theme: { "--ia-color-primary": "#0a7d5a" } }; }
export function refreshingOptions(apiBase, stale, fresh) {
  window.__iaAsked = 0;
  return { apiBase, token: stale, getToken: () => { window.__iaAsked += 1; return Promise.resolve(fresh); } };
}
export function timesAsked() { return window.__iaAsked; }
export function localeOptions(apiBase, token, locale) { return { apiBase, token, locale }; }
"##)]
extern "C" {
    #[wasm_bindgen(js_name = trackGlobals)]
    fn track_globals();
    fn globals() -> String;
    fn options(api_base: &str, token: &str) -> JsValue;
    #[wasm_bindgen(js_name = refreshingOptions)]
    fn refreshing_options(api_base: &str, stale: &str, fresh: &str) -> JsValue;
    #[wasm_bindgen(js_name = timesAsked)]
    fn times_asked() -> u32;
    #[wasm_bindgen(js_name = localeOptions)]
    fn locale_options(api_base: &str, token: &str, locale: &str) -> JsValue;
}

fn shadow(host: &web_sys::HtmlElement) -> web_sys::ShadowRoot {
    host.shadow_root()
        .expect("the panel renders in a shadow root")
}

fn find(host: &web_sys::HtmlElement, css: &str) -> Option<web_sys::HtmlElement> {
    host.shadow_root()?
        .query_selector(css)
        .ok()
        .flatten()
        .map(|e| e.unchecked_into())
}

async fn wait_in(host: &web_sys::HtmlElement, css: &str) -> web_sys::HtmlElement {
    wait_until(&format!("`{css}` in the panel"), || {
        find(host, css).is_some()
    })
    .await;
    find(host, css).unwrap()
}

#[wasm_bindgen_test]
async fn unmount_leaves_no_dom_no_listeners_and_no_timers_and_mounting_again_works() {
    track_globals();
    let before = globals();
    let token = live_api().sign_in("op_aiko").await.unwrap().token;
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let base = option_env!("IA_TEST_API_BASE").unwrap_or("http://127.0.0.1:48787");

    let history = web_sys::window().unwrap().history().unwrap();
    for round in 0..2 {
        // Each round starts where a host page would: at the panel's root.
        history
            .replace_state_with_url(&JsValue::NULL, "", Some("/"))
            .unwrap();
        let mut panel = mount_panel(host.clone(), options(base, &token)).expect("mounted");
        // Signed in by the host's token: no sign-in page, no sign-out button.
        wait_in(&host, "tr[data-account=acct_1SbxDESakuraLg] a")
            .await
            .click();
        wait_in(&host, "a[data-link=tokens]").await.click();
        // The Tokens page holds a live stream and a ticking clock: the most there is to leak.
        wait_in(&host, ".ia-feed-status[data-status=live]").await;
        assert!(
            find(&host, ".ia-sign-in").is_none(),
            "round {round}: no sign-in page"
        );
        assert_ne!(
            globals(),
            before,
            "round {round}: the router listens while mounted"
        );

        panel.unmount();
        assert_eq!(
            shadow(&host).child_nodes().length(),
            0,
            "round {round}: DOM left behind"
        );
        // Cleanups run as the owner is disposed; give any async cleanup a moment.
        sleep(std::time::Duration::from_millis(50)).await;
        assert_eq!(
            globals(),
            before,
            "round {round}: listeners or timers left behind"
        );
        panel.unmount(); // twice is harmless
    }
    host.remove();
}

#[wasm_bindgen_test]
fn bad_options_are_refused_with_a_message_naming_the_option() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    let bad = js_sys::JSON::parse(r#"{ "theme": { "color": "red" } }"#).unwrap();
    let error = mount_panel(host.clone(), bad).err().expect("refused");
    let message = String::from(error.unchecked_into::<js_sys::Error>().message());
    assert!(message.contains("theme property \"color\""), "{message}");
    let bad = js_sys::JSON::parse(r#"{ "basePath": "admin" }"#).unwrap();
    let error = mount_panel(host.clone(), bad).err().expect("refused");
    let message = String::from(error.unchecked_into::<js_sys::Error>().message());
    assert!(message.contains("basePath"), "{message}");
    for (bad, named) in [
        (r#"{ "fonts": "Inter" }"#, "option `fonts`"),
        (r#"{ "fonts": [{ "family": "Inter" }] }"#, "option `fonts`"),
        (r#"{ "showObjectIds": "yes" }"#, "option `showObjectIds`"),
    ] {
        let error = mount_panel(host.clone(), js_sys::JSON::parse(bad).unwrap())
            .err()
            .expect("refused");
        let message = String::from(error.unchecked_into::<js_sys::Error>().message());
        assert!(message.contains(named), "{bad}: {message}");
    }
    assert!(host.shadow_root().is_none(), "nothing was rendered");
}

/// A fresh host element in the page, the page at the panel's root, and the server's URL.
fn host_at_root() -> (web_sys::HtmlElement, &'static str) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some("/"))
        .unwrap();
    let base = option_env!("IA_TEST_API_BASE").unwrap_or("http://127.0.0.1:48787");
    (host, base)
}

#[wasm_bindgen_test]
async fn a_token_the_server_refuses_is_replaced_by_asking_the_host_again() {
    let fresh = live_api().sign_in("op_aiko").await.unwrap().token;
    let (host, base) = host_at_root();
    let mut panel = mount_panel(
        host.clone(),
        refreshing_options(base, "sandbox_token_expired_long_ago", &fresh),
    )
    .expect("mounted");
    // The stale token is refused (401), getToken is asked, and the panel carries on signed in.
    wait_in(&host, "tr[data-account=acct_1SbxDESakuraLg]").await;
    assert_eq!(times_asked(), 1, "the host was asked once for a new token");
    assert!(find(&host, ".ia-sign-in").is_none());
    panel.unmount();
    host.remove();
}

#[wasm_bindgen_test]
async fn the_host_chooses_the_language_and_switches_it_in_place() {
    let token = live_api().sign_in("op_aiko").await.unwrap().token;
    let (host, base) = host_at_root();
    let mut panel = mount_panel(host.clone(), locale_options(base, &token, "ja")).expect("mounted");
    wait_in(&host, "tr[data-account]").await;
    let heading = find(&host, "h1").unwrap();
    assert_eq!(heading.text_content().as_deref(), Some("連結アカウント"));
    assert_eq!(
        find(&host, ".ia-shell")
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("ja")
    );

    // In place: the same element is reworded, nothing is mounted again.
    heading.set_attribute("data-marker", "kept").unwrap();
    panel.set_locale(Some("en".into()));
    wait_until("the panel speaks English", || {
        find(&host, "h1").and_then(|h| h.text_content()).as_deref() == Some("Connected accounts")
    })
    .await;
    assert_eq!(
        find(&host, "h1")
            .unwrap()
            .get_attribute("data-marker")
            .as_deref(),
        Some("kept")
    );
    // Hosted, the choice is not stored in the host page.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(storage.get_item("issuing-admin.locale").unwrap(), None);
    panel.unmount();
    panel.set_locale(Some("ja".into())); // after unmount: nothing to switch, no panic
    host.remove();
}
