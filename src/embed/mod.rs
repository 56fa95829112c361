//! The panel as a guest in a platform's own dashboard: `mount(element, options)` returns a
//! handle whose `unmount()` takes everything away again, and `<issuing-admin>` is a custom
//! element built on it. The panel renders in a shadow root with its own stylesheet, so its CSS
//! never restyles the host and the host's never leaks in; only the `--ia-*` custom properties
//! cross the boundary, which is how a host themes it.

mod options;

use std::any::Any;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

pub use options::EmbedOptions;

use crate::api::ApiClient;
use crate::i18n::{self, I18n};
use crate::session::Auth;
use crate::Panel;

/// The panel's stylesheet, put inside each shadow root.
const STYLE: &str = include_str!("../../style/main.css");

/// What a mount leaves to undo: the reactive owner, Leptos' mount handle, the nodes added, and
/// the shadow root whose adopted stylesheet is the panel's.
type Mounted = (Owner, Box<dyn Any>, Vec<web_sys::Node>, ShadowRoot);

/// A mounted panel; `unmount()` removes it, its styles and its listeners.
#[wasm_bindgen]
pub struct MountedPanel {
    mounted: Option<Mounted>,
    i18n: I18n,
}

#[wasm_bindgen]
impl MountedPanel {
    /// Switches the panel's language in place (`en`, `ja`; anything else or `""`: the
    /// browser's language), keeping whatever the operator was doing.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: Option<String>) {
        if self.mounted.is_some() {
            let tag = locale.filter(|l| !l.is_empty());
            self.i18n.locale.set(i18n::choose(tag.as_deref()));
        }
    }

    /// Removes the panel. Calling it again does nothing.
    pub fn unmount(&mut self) {
        if let Some((owner, handle, nodes, root)) = self.mounted.take() {
            drop(handle);
            // Dropping the handle alone does not run the components' cleanups while anything
            // (a pending task, a stream) still holds their owner: the router's listeners on
            // `window` and the live event stream would outlive the panel. Cleaning the owner
            // runs every cleanup now.
            owner.cleanup();
            for node in nodes {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
            root.set_adopted_style_sheets(&js_sys::Array::new());
        }
    }
}

/// `mount(element, options)`: renders the panel inside `element` (in its shadow root).
#[wasm_bindgen(js_name = mount)]
pub fn mount_panel(element: HtmlElement, options: JsValue) -> Result<MountedPanel, JsValue> {
    console_error_panic_hook::set_once();
    let options = EmbedOptions::from_js(&options)?;
    let root = match element.shadow_root() {
        Some(root) => root,
        None => element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("issuing-admin: no document"))?;
    // A constructed stylesheet, not a `<style>` element: a host page whose CSP allows no
    // inline styles still shows the panel styled.
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(STYLE)?;
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let container: HtmlElement = document.create_element("div")?.unchecked_into();
    container.set_class_name("ia-embed");
    for (name, value) in &options.theme {
        container.style().set_property(name, value)?;
    }
    root.append_child(&container)?;

    let server = ApiClient::new(options.api_base.clone());
    let auth = Auth::Host {
        token: options.token.clone(),
        refresh: options
            .get_token
            .clone()
            .map(send_wrapper::SendWrapper::new),
    };
    let (base, account, locale, connect) = (
        options.base_path.clone(),
        options.account.clone(),
        options.locale.clone(),
        options.connect.clone(),
    );
    let owner = Owner::new();
    let (handle, i18n) = owner.with(|| {
        // Provided here rather than by the panel, so `setLocale` can reach it. Nothing is
        // remembered: the host page's storage is not ours.
        let i18n = I18n::provide(i18n::choose(locale.as_deref()), false);
        provide_context(connect);
        let handle = leptos::mount::mount_to(container.clone(), move || {
            view! { <Panel server=server auth=auth base=base account=account /> }
        });
        (handle, i18n)
    });
    Ok(MountedPanel {
        mounted: Some((owner, Box::new(handle), vec![container.into()], root)),
        i18n,
    })
}

#[wasm_bindgen(module = "/src/embed/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineIssuingAdmin)]
    fn define_issuing_admin(name: &str, mount: &js_sys::Function) -> bool;
}

/// Registers `<issuing-admin>` (or `name`), built on [`mount_panel`]. Returns false when the
/// name is already taken (registering twice is harmless).
#[wasm_bindgen(js_name = defineElement)]
pub fn define_element(name: Option<String>) -> bool {
    let mount =
        Closure::<dyn Fn(HtmlElement, JsValue) -> Result<MountedPanel, JsValue>>::new(mount_panel);
    let defined = define_issuing_admin(
        name.as_deref().unwrap_or("issuing-admin"),
        mount.as_ref().unchecked_ref(),
    );
    // The element class keeps calling it for the life of the page.
    mount.forget();
    defined
}
