//! The options a host page passes to `mount`, read from a plain JS object so that functions
//! (`getToken`) come through. Anything malformed is refused with a message naming the option.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::connect::{ConnectOptions, DisplayOptions, FontSource};

/// `mount(element, { apiBase, token, getToken, account, basePath, theme, fonts,
/// showObjectIds })`.
#[derive(Default)]
pub struct EmbedOptions {
    /// Where the platform server is (`""`: the page's own origin).
    pub api_base: String,
    pub token: Option<String>,
    /// Returns the operator's token, or a promise of it; asked again when the server refuses it.
    pub get_token: Option<Function>,
    /// The connected account to open on.
    pub account: Option<String>,
    /// `en` or `ja` (else the browser's languages decide).
    pub locale: Option<String>,
    /// The URL path the panel's routes live under (`/dashboard/issuing`): the host's other links
    /// are left to the host.
    pub base_path: String,
    /// `--ia-*` custom properties, e.g. `{ "--ia-color-primary": "#0a7d5a" }`.
    pub theme: Vec<(String, String)>,
    /// For Stripe's components: the host's fonts (their iframes cannot see the page's) and
    /// whether they show Stripe's object ids.
    pub connect: ConnectOptions,
}

fn error(message: String) -> JsValue {
    js_sys::Error::new(&format!("issuing-admin: {message}")).into()
}

/// Option `name`: absent (or null) is `None`; a value `read` cannot take is refused, saying
/// what it must be.
fn optional<T>(
    options: &JsValue,
    name: &str,
    read: fn(&JsValue) -> Option<T>,
    must_be: &str,
) -> Result<Option<T>, JsValue> {
    let value = Reflect::get(options, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    read(&value)
        .map(Some)
        .ok_or_else(|| error(format!("option `{name}` must be {must_be}")))
}

fn text(options: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    optional(options, name, JsValue::as_string, "a string")
}

impl EmbedOptions {
    pub fn from_js(options: &JsValue) -> Result<Self, JsValue> {
        if options.is_undefined() || options.is_null() {
            return Ok(Self::default());
        }
        if !options.is_object() {
            return Err(error("the options must be an object".into()));
        }
        let get_token = Reflect::get(options, &"getToken".into()).unwrap_or(JsValue::UNDEFINED);
        let get_token = match get_token.dyn_into::<Function>() {
            Ok(f) => Some(f),
            Err(v) if v.is_undefined() || v.is_null() => None,
            Err(_) => return Err(error("option `getToken` must be a function".into())),
        };
        let base_path = text(options, "basePath")?.unwrap_or_default();
        if !base_path.is_empty() && !base_path.starts_with('/') {
            return Err(error(format!(
                "option `basePath` must start with / (got {base_path:?})"
            )));
        }
        Ok(Self {
            api_base: text(options, "apiBase")?.unwrap_or_default(),
            token: text(options, "token")?.filter(|t| !t.is_empty()),
            get_token,
            account: text(options, "account")?.filter(|a| !a.is_empty()),
            locale: text(options, "locale")?.filter(|l| !l.is_empty()),
            base_path: base_path.trim_end_matches('/').to_owned(),
            theme: theme(options)?,
            connect: ConnectOptions {
                fonts: fonts(options)?,
                display: DisplayOptions {
                    show_object_ids: optional(
                        options,
                        "showObjectIds",
                        JsValue::as_bool,
                        "true or false",
                    )?,
                },
            },
        })
    }
}

/// `fonts`: Stripe's own shape, `[{ cssSrc }]` or `[{ family, src, weight?, … }]`.
fn fonts(options: &JsValue) -> Result<Vec<FontSource>, JsValue> {
    let value = Reflect::get(options, &"fonts".into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let refused = || {
        error(
            "option `fonts` must be an array of { cssSrc } or { family, src } \
             (Stripe's CssFontSource and CustomFontSource)"
                .into(),
        )
    };
    let Some(list) = value.dyn_ref::<js_sys::Array>() else {
        return Err(refused());
    };
    list.iter()
        .map(|font| FontSource::from_js(&font).ok_or_else(refused))
        .collect()
}

fn theme(options: &JsValue) -> Result<Vec<(String, String)>, JsValue> {
    let value = Reflect::get(options, &"theme".into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let Some(object) = value.dyn_ref::<Object>() else {
        return Err(error(
            "option `theme` must be an object of --ia-* properties".into(),
        ));
    };
    Object::entries(object)
        .iter()
        .map(|entry| {
            let pair: js_sys::Array = entry.unchecked_into();
            let name = pair.get(0).as_string().unwrap_or_default();
            if !name.starts_with("--ia-") {
                return Err(error(format!(
                    "theme property {name:?} is not one of the panel's (--ia-…)"
                )));
            }
            let value = pair
                .get(1)
                .as_string()
                .ok_or_else(|| error(format!("theme property {name} must be a string")))?;
            Ok((name, value))
        })
        .collect()
}
