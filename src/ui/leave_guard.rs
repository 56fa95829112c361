use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Asks before the page is left while `dirty`: a link click inside the panel (caught before
/// the router sees it) asks with `window.confirm`, and a reload or tab close gets the
/// browser's own prompt. Lives as long as the component that renders it.
#[component]
pub fn LeaveGuard(
    #[prop(into)] dirty: Signal<bool>,
    #[prop(into)] message: Signal<&'static str>,
) -> impl IntoView {
    let window = window();
    let on_click =
        Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
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
            let stay = !web_sys::window()
                .and_then(|w| w.confirm_with_message(message.get_untracked()).ok())
                .unwrap_or(true);
            if stay {
                ev.prevent_default();
                ev.stop_propagation();
            }
        });
    let on_unload = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if dirty.get_untracked() {
            ev.prevent_default();
            // Older browsers only prompt when returnValue is set.
            let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &"".into());
        }
    });
    let document = document();
    let _ = document.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    let _ =
        window.add_event_listener_with_callback("beforeunload", on_unload.as_ref().unchecked_ref());
    let handles = SendWrapper::new((document, window, on_click, on_unload));
    on_cleanup(move || {
        let (document, window, on_click, on_unload) = handles.take();
        let _ = document.remove_event_listener_with_callback_and_bool(
            "click",
            on_click.as_ref().unchecked_ref(),
            true,
        );
        let _ = window.remove_event_listener_with_callback(
            "beforeunload",
            on_unload.as_ref().unchecked_ref(),
        );
    });
}
