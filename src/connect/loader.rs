//! Loads the Connect script once per page: Stripe's in live mode, the sandbox's stand-in
//! otherwise (the URL comes from the server). It counts as loaded once `StripeConnect.init`
//! is a function.

use std::cell::RefCell;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConnectError {
    #[error("Stripe's card components could not be loaded from {0}. A content security policy or the network may block it.")]
    ScriptBlocked(String),
    #[error("The script at {0} loaded but did not define StripeConnect.init.")]
    NotConnect(String),
    #[error("Stripe's card components could not start: {0}")]
    Init(String),
    /// The component reported a load error: its type, and Stripe's own message if it gave one.
    #[error("{} ({})", .message.as_deref().unwrap_or("The Stripe component failed to load."), .kind.as_wire())]
    Component {
        kind: super::LoadErrorType,
        message: Option<String>,
    },
}

impl ConnectError {
    /// The message in the panel's language (Stripe's own words stay as they are).
    pub fn text(&self, t: &crate::i18n::Texts) -> String {
        match self {
            Self::ScriptBlocked(url) => (t.connect_blocked)(url),
            Self::NotConnect(url) => (t.connect_not_connect)(url),
            Self::Init(e) => (t.connect_init)(e),
            Self::Component { kind, message } => {
                use super::LoadErrorType as K;
                let what = match kind {
                    K::ApiConnection => t.connect_error_connection,
                    K::Authentication => t.connect_error_authentication,
                    K::AccountSessionCreate => t.connect_error_session,
                    K::InvalidRequest => t.connect_error_invalid_request,
                    K::RateLimit => t.connect_error_rate_limit,
                    K::Render => t.connect_error_render,
                    K::Api => t.connect_error_api,
                    K::Other(_) => t.stripe_failed,
                };
                match message {
                    Some(said) => format!("{what} {}", (t.connect_stripe_said)(said)),
                    None => what.to_owned(),
                }
            }
        }
    }

    /// Stripe's type of a component's load error, if this is one.
    pub fn load_error_type(&self) -> Option<&super::LoadErrorType> {
        match self {
            Self::Component { kind, .. } => Some(kind),
            _ => None,
        }
    }
}

thread_local! {
    /// The one load in flight (or done), shared by every component on the page.
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// `window.StripeConnect.init` is a function.
pub fn is_loaded() -> bool {
    let global = js_sys::global();
    Reflect::get(&global, &"StripeConnect".into())
        .ok()
        .filter(|c| c.is_object())
        .and_then(|c| Reflect::get(&c, &"init".into()).ok())
        .is_some_and(|init| init.is_instance_of::<Function>())
}

fn inject(url: &str) -> Promise {
    let url = url.to_owned();
    Promise::new(&mut |resolve, reject| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            let _ = reject.call1(&JsValue::NULL, &"no document".into());
            return;
        };
        let Ok(script) = document.create_element("script") else {
            let _ = reject.call1(&JsValue::NULL, &"no script element".into());
            return;
        };
        let _ = script.set_attribute("src", &url);
        let _ = script.set_attribute("data-stripe-connect", "");
        let on_load = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let on_error = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &"error".into());
        });
        let _ = script.add_event_listener_with_callback("load", on_load.unchecked_ref());
        let _ = script.add_event_listener_with_callback("error", on_error.unchecked_ref());
        if let Some(head) = document.head() {
            let _ = head.append_child(&script);
        }
    })
}

/// Loads the script from `url` unless `StripeConnect.init` already exists. A failed load is
/// forgotten, so a retry tries again.
pub async fn load_connect_script(url: &str) -> Result<(), ConnectError> {
    if is_loaded() {
        return Ok(());
    }
    let promise = LOADING.with(|l| l.borrow_mut().get_or_insert_with(|| inject(url)).clone());
    if JsFuture::from(promise).await.is_err() {
        LOADING.with(|l| l.borrow_mut().take());
        return Err(ConnectError::ScriptBlocked(url.to_owned()));
    }
    if is_loaded() {
        Ok(())
    } else {
        Err(ConnectError::NotConnect(url.to_owned()))
    }
}
