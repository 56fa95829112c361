//! What the editor's multi-selects offer: Stripe's categories with readable labels, and every
//! ISO country with its name, both in the panel's language.

use std::sync::Arc;

use issuing_model::country::country_codes;
use issuing_model::Category;
use issuing_words::{category_label, Locale};
use wasm_bindgen::{JsCast, JsValue};

use crate::ui::Choice;

pub fn categories(locale: Locale) -> Arc<Vec<Choice>> {
    Arc::new(
        Category::known()
            .map(|value| {
                let category = Category::from(value);
                Choice {
                    value: value.to_owned(),
                    label: category_label(&category, locale),
                    // The code and Stripe's own name, to search by and to match the Dashboard.
                    hint: Some(match category.mcc() {
                        Some(mcc) => format!("{mcc} · {value}"),
                        None => value.to_owned(),
                    }),
                }
            })
            .collect(),
    )
}

/// `Germany (DE)` / `ドイツ (DE)`; the bare code where the browser has no `Intl.DisplayNames`.
pub fn countries(locale: Locale) -> Arc<Vec<Choice>> {
    let names = region_names(crate::i18n::tag(locale));
    Arc::new(
        country_codes()
            .map(|code| Choice {
                hint: None,
                value: code.to_owned(),
                label: match names.as_ref().and_then(|n| name_of(n, code)) {
                    Some(name) if name != code => format!("{name} ({code})"),
                    _ => code.to_owned(),
                },
            })
            .collect(),
    )
}

/// `new Intl.DisplayNames([tag], { type: "region" })`, reached by reflection because js-sys
/// does not bind it.
fn region_names(tag: &str) -> Option<JsValue> {
    use js_sys::Reflect;
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: js_sys::Function = Reflect::get(&intl, &"DisplayNames".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    Reflect::set(&options, &"type".into(), &"region".into()).ok()?;
    let args = js_sys::Array::of2(&js_sys::Array::of1(&tag.into()), &options);
    Reflect::construct(&ctor, &args).ok()
}

fn name_of(names: &JsValue, code: &str) -> Option<String> {
    let of: js_sys::Function = js_sys::Reflect::get(names, &"of".into())
        .ok()?
        .dyn_into()
        .ok()?;
    of.call1(names, &code.into()).ok()?.as_string()
}
