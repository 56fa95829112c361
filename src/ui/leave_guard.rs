use leptos::ev;
use leptos::prelude::*;
use leptos_use::{use_event_listener, use_event_listener_with_options, UseEventListenerOptions};
use wasm_bindgen::JsCast;

/// Asks before the page is left while `dirty`: a link click inside the panel (caught before
/// the router sees it) asks with `window.confirm`, and a reload or tab close gets the
/// browser's own prompt. Lives as long as the component that renders it (its listeners go
/// with it).
#[component]
pub fn LeaveGuard(
    #[prop(into)] dirty: Signal<bool>,
    #[prop(into)] message: Signal<&'static str>,
) -> impl IntoView {
    let on_click = move |ev: web_sys::MouseEvent| {
        if !dirty.get_untracked() || ev.default_prevented() || ev.button() != 0 {
            return;
        }
        if ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
            return; // a new tab or window: nothing is left
        }
        // The composed path sees into a shadow root (the panel embedded in a host page),
        // where `target` would only be the host element.
        let first = ev.composed_path().get(0);
        let link = first
            .dyn_into::<web_sys::Element>()
            .ok()
            .and_then(|el| el.closest("a[href]").ok().flatten());
        let Some(link) = link else { return };
        if link.get_attribute("target").is_some_and(|t| !t.is_empty()) {
            return;
        }
        let stay = !window()
            .confirm_with_message(message.get_untracked())
            .unwrap_or(true);
        if stay {
            ev.prevent_default();
            ev.stop_propagation();
        }
    };
    // Capture: before the router's own click handler takes the link.
    let _ = use_event_listener_with_options(
        document(),
        ev::click,
        on_click,
        UseEventListenerOptions::default().capture(true),
    );
    let _ = use_event_listener(window(), ev::beforeunload, move |ev| {
        if dirty.get_untracked() {
            ev.prevent_default();
            // Older browsers only prompt when returnValue is set.
            ev.set_return_value("");
        }
    });
}
