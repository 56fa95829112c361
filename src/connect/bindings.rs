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
    #[derive(Clone)]
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

/// `appearance.overlays`: how Stripe's components open their own overlays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlays {
    Dialog,
    Drawer,
}

impl Overlays {
    pub fn from_wire(value: &str) -> Option<Self> {
        match value {
            "dialog" => Some(Self::Dialog),
            "drawer" => Some(Self::Drawer),
            _ => None,
        }
    }

    fn as_wire(self) -> &'static str {
        match self {
            Self::Dialog => "dialog",
            Self::Drawer => "drawer",
        }
    }
}

/// The `appearance` we set: the panel's own theme (its `--ia-*` custom properties), so
/// Stripe's components match it. `None` leaves Stripe's default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Appearance {
    pub overlays: Option<Overlays>,
    pub color_primary: Option<String>,
    pub color_background: Option<String>,
    pub color_text: Option<String>,
    pub color_secondary_text: Option<String>,
    pub color_danger: Option<String>,
    pub color_border: Option<String>,
    pub button_primary_color_text: Option<String>,
    pub font_family: Option<String>,
    /// In pixels: Stripe takes 8 to 20.
    pub spacing_unit: Option<f64>,
    /// In pixels: Stripe takes at most 24.
    pub border_radius: Option<f64>,
}

/// Stripe's range for `spacingUnit` and its largest `borderRadius`, in pixels.
pub const SPACING_UNIT_PX: (f64, f64) = (8.0, 20.0);
pub const MAX_BORDER_RADIUS_PX: f64 = 24.0;

/// One of `init`'s `fonts`: how a host's font reaches Stripe's iframes (which cannot see the
/// host page's `@font-face` rules). connect-js' `CssFontSource` or `CustomFontSource`.
/// (Read and written by hand: serde's untagged enums cost the first load ~10 kB.)
#[derive(Debug, Clone, PartialEq)]
pub enum FontSource {
    /// `{ cssSrc }`: a stylesheet of `@font-face` rules.
    Css { css_src: String },
    /// `{ family, src, display?, style?, unicodeRange?, weight? }`: one face.
    Custom(CustomFont),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CustomFont {
    pub family: String,
    /// A CSS `src` value: `url(https://…/inter.woff2)`.
    pub src: String,
    pub display: Option<String>,
    pub style: Option<String>,
    pub unicode_range: Option<String>,
    pub weight: Option<String>,
}

/// `CustomFont`'s optional fields, by their connect-js names.
const FONT_DETAILS: [&str; 4] = ["display", "style", "unicodeRange", "weight"];

impl CustomFont {
    fn details(&self) -> [&Option<String>; 4] {
        [
            &self.display,
            &self.style,
            &self.unicode_range,
            &self.weight,
        ]
    }
}

impl FontSource {
    /// A font source as a host wrote it, or `None` if it is neither shape.
    pub fn from_js(value: &JsValue) -> Option<Self> {
        let text = |key: &str| -> Result<Option<String>, ()> {
            match Reflect::get(value, &key.into()) {
                Ok(v) if v.is_undefined() || v.is_null() => Ok(None),
                Ok(v) => v.as_string().map(Some).ok_or(()),
                Err(_) => Err(()),
            }
        };
        if !value.is_object() {
            return None;
        }
        if let Some(css_src) = text("cssSrc").ok()? {
            return Some(Self::Css { css_src });
        }
        let [display, style, unicode_range, weight] = FONT_DETAILS.map(text);
        Some(Self::Custom(CustomFont {
            family: text("family").ok()??,
            src: text("src").ok()??,
            display: display.ok()?,
            style: style.ok()?,
            unicode_range: unicode_range.ok()?,
            weight: weight.ok()?,
        }))
    }

    fn to_js(&self) -> Object {
        let font = Object::new();
        match self {
            Self::Css { css_src } => set(&font, "cssSrc", &JsValue::from_str(css_src)),
            Self::Custom(custom) => {
                set(&font, "family", &JsValue::from_str(&custom.family));
                set(&font, "src", &JsValue::from_str(&custom.src));
                for (key, value) in FONT_DETAILS.into_iter().zip(custom.details()) {
                    if let Some(v) = value {
                        set(&font, key, &JsValue::from_str(v));
                    }
                }
            }
        }
        font
    }
}

/// `displayOptions`: `showObjectIds` shows Stripe's ids (`ic_…`) in its components.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DisplayOptions {
    pub show_object_ids: Option<bool>,
}

/// What the host (or nobody, standalone) sets for every Connect instance of the panel:
/// `mount`'s `fonts` and `showObjectIds`. In context; the default sets neither.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConnectOptions {
    pub fonts: Vec<FontSource>,
    pub display: DisplayOptions,
}

/// `StripeConnect.init`'s parameters, minus the callback (passed on its own).
#[derive(Debug, Clone, PartialEq)]
pub struct InitParams {
    pub publishable_key: String,
    pub appearance: Appearance,
    /// `en`, `ja`, …
    pub locale: String,
    pub fonts: Vec<FontSource>,
    pub display: DisplayOptions,
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
            ("colorBackground", &self.color_background),
            ("colorText", &self.color_text),
            ("colorSecondaryText", &self.color_secondary_text),
            ("colorDanger", &self.color_danger),
            ("colorBorder", &self.color_border),
            ("buttonPrimaryColorText", &self.button_primary_color_text),
            ("fontFamily", &self.font_family),
        ] {
            if let Some(v) = value {
                set(&variables, key, &JsValue::from_str(v));
            }
        }
        // Lengths in pixels, within the range Stripe takes.
        for (key, value, (low, high)) in [
            ("spacingUnit", self.spacing_unit, SPACING_UNIT_PX),
            (
                "borderRadius",
                self.border_radius,
                (0.0, MAX_BORDER_RADIUS_PX),
            ),
        ] {
            if let Some(px) = value {
                let px = px.clamp(low, high);
                set(&variables, key, &JsValue::from_str(&format!("{px}px")));
            }
        }
        let appearance = Object::new();
        if let Some(overlays) = self.overlays {
            set(
                &appearance,
                "overlays",
                &JsValue::from_str(overlays.as_wire()),
            );
        }
        set(&appearance, "variables", &variables);
        appearance
    }
}

impl DisplayOptions {
    fn to_js(self) -> Object {
        let options = Object::new();
        if let Some(on) = self.show_object_ids {
            set(&options, "showObjectIds", &JsValue::from_bool(on));
        }
        options
    }
}

impl ConnectInstance {
    /// `StripeConnect.init({ publishableKey, fetchClientSecret, appearance, locale, fonts,
    /// displayOptions })`.
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
        if !params.fonts.is_empty() {
            let fonts: js_sys::Array = params.fonts.iter().map(FontSource::to_js).collect();
            set(&js, "fonts", &fonts);
        }
        set(&js, "displayOptions", &params.display.to_js());
        connect_init(&js)
    }

    /// `update({ appearance, locale, displayOptions })` (`fonts` are `init`'s only).
    pub fn update_options(&self, appearance: &Appearance, locale: &str, display: DisplayOptions) {
        let options = Object::new();
        set(&options, "appearance", &appearance.to_js());
        set(&options, "locale", &JsValue::from_str(locale));
        set(&options, "displayOptions", &display.to_js());
        self.update(&options);
    }
}
