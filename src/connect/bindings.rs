//! Typed bindings over `window.StripeConnect` (contract: Stripe's `@stripe/connect-js` types).

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `StripeConnect.init(params)`, looked up when called (so a test double or a late script
    /// is found).
    #[wasm_bindgen(js_namespace = StripeConnect, js_name = init, catch)]
    fn connect_init(params: &Object) -> Result<ConnectInstance, JsValue>;

    /// What `init` returns: one per connected account (its client secret is per account).
    pub type ConnectInstance;

    /// `create("issuing-card")` → `<stripe-connect-issuing-card>`.
    #[wasm_bindgen(method, catch)]
    pub fn create(this: &ConnectInstance, tag: &str) -> Result<ConnectElement, JsValue>;

    /// `update({ appearance, locale, displayOptions })`.
    #[wasm_bindgen(method)]
    pub fn update(this: &ConnectInstance, options: &Object);

    #[wasm_bindgen(method)]
    pub fn logout(this: &ConnectInstance) -> js_sys::Promise;

    /// A Connect component element: an `HTMLElement` with Stripe's setters.
    #[wasm_bindgen(extends = web_sys::HtmlElement, extends = web_sys::Element, extends = web_sys::Node)]
    pub type ConnectElement;

    // Every setter takes an `Option`: `None` is passed as `undefined`, which clears what an
    // earlier call set (Stripe's setters take `undefined` as "not set").
    #[wasm_bindgen(method, js_name = setDefaultCard)]
    pub fn set_default_card(this: &ConnectElement, card: Option<&str>);
    #[wasm_bindgen(method, js_name = setCardSwitching)]
    pub fn set_card_switching(this: &ConnectElement, on: Option<bool>);
    #[wasm_bindgen(method, js_name = setShowSpendControls)]
    pub fn set_show_spend_controls(this: &ConnectElement, on: Option<bool>);
    #[wasm_bindgen(method, js_name = setIssuingProgram)]
    pub fn set_issuing_program(this: &ConnectElement, program: Option<&str>);
    #[wasm_bindgen(method, js_name = setFetchEphemeralKey)]
    pub fn set_fetch_ephemeral_key(this: &ConnectElement, callback: Option<&Function>);
    #[wasm_bindgen(method, js_name = setOnLoadError)]
    pub fn set_on_load_error(this: &ConnectElement, listener: Option<&Function>);
    #[wasm_bindgen(method, js_name = setOnLoaderStart)]
    pub fn set_on_loader_start(this: &ConnectElement, listener: Option<&Function>);
}

/// What kind of failure a component reports to `setOnLoadError` (`error.type` in connect-js),
/// each with its own words and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadErrorType {
    /// Stripe could not be reached.
    ApiConnection,
    /// Stripe did not accept the session.
    Authentication,
    /// `fetchClientSecret` failed: no AccountSession for the account.
    AccountSessionCreate,
    /// Stripe refused a request of the component.
    InvalidRequest,
    /// Too many requests to Stripe.
    RateLimit,
    /// The component could not be drawn in this page.
    Render,
    /// Stripe failed on its side.
    Api,
    /// A type this panel does not know yet, as Stripe named it.
    Other(String),
}

impl LoadErrorType {
    pub fn from_wire(kind: &str) -> Self {
        match kind {
            "api_connection_error" => Self::ApiConnection,
            "authentication_error" => Self::Authentication,
            "account_session_create_error" => Self::AccountSessionCreate,
            "invalid_request_error" => Self::InvalidRequest,
            "rate_limit_error" => Self::RateLimit,
            "render_error" => Self::Render,
            "api_error" => Self::Api,
            other => Self::Other(other.to_owned()),
        }
    }

    /// Stripe's name for it.
    pub fn as_wire(&self) -> &str {
        match self {
            Self::ApiConnection => "api_connection_error",
            Self::Authentication => "authentication_error",
            Self::AccountSessionCreate => "account_session_create_error",
            Self::InvalidRequest => "invalid_request_error",
            Self::RateLimit => "rate_limit_error",
            Self::Render => "render_error",
            Self::Api => "api_error",
            Self::Other(other) => other,
        }
    }
}

/// The `appearance.variables` we set: the panel's own theme, so the components match it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Appearance {
    pub color_primary: Option<String>,
    pub font_family: Option<String>,
    pub border_radius: Option<String>,
}

/// `StripeConnect.init`'s parameters, minus the callback (passed on its own).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitParams {
    pub publishable_key: String,
    pub appearance: Appearance,
    /// `en`, `ja`, …
    pub locale: String,
}

fn set(target: &Object, key: &str, value: &JsValue) {
    // Setting a property on a plain object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

impl Appearance {
    fn to_js(&self) -> Object {
        let variables = Object::new();
        for (key, value) in [
            ("colorPrimary", &self.color_primary),
            ("fontFamily", &self.font_family),
            ("borderRadius", &self.border_radius),
        ] {
            if let Some(v) = value {
                set(&variables, key, &JsValue::from_str(v));
            }
        }
        let appearance = Object::new();
        set(&appearance, "variables", &variables);
        appearance
    }
}

impl ConnectInstance {
    /// `StripeConnect.init({ publishableKey, fetchClientSecret, appearance, locale })`.
    pub fn init(params: &InitParams, fetch_client_secret: &Function) -> Result<Self, JsValue> {
        let js = Object::new();
        set(
            &js,
            "publishableKey",
            &JsValue::from_str(&params.publishable_key),
        );
        set(&js, "fetchClientSecret", fetch_client_secret);
        set(&js, "appearance", &params.appearance.to_js());
        set(&js, "locale", &JsValue::from_str(&params.locale));
        connect_init(&js)
    }

    /// `update({ appearance, locale })`.
    pub fn update_options(&self, appearance: &Appearance, locale: &str) {
        let options = Object::new();
        set(&options, "appearance", &appearance.to_js());
        set(&options, "locale", &JsValue::from_str(locale));
        self.update(&options);
    }
}
