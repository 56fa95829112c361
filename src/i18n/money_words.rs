//! An amount in the words of its currency (`12.50 euros`, `3,000 円`), from the browser's own
//! `Intl.NumberFormat`: it knows every currency's name in both languages, so the panel ships
//! no table of them. Used where money leaves a customer, so `12,50` and `1,250` cannot be
//! confused at a glance.

use issuing_model::money::minor_digits;
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use super::Locale;

/// `amount` (minor unit) of `currency` with the currency's name; the code where the browser
/// does not know it.
pub fn amount_in_words(amount: i64, currency: &str, locale: Locale) -> String {
    let digits = minor_digits(currency);
    let options = Object::new();
    let set = |k: &str, v: JsValue| Reflect::set(&options, &k.into(), &v).is_ok();
    // Intl throws on a malformed code; Stripe's are always three letters.
    let well_formed = currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_alphabetic());
    let ok = well_formed
        && set("style", "currency".into())
        && set("currency", currency.to_ascii_uppercase().into())
        && set("currencyDisplay", "name".into())
        && set("minimumFractionDigits", digits.into())
        && set("maximumFractionDigits", digits.into());
    // Display only: an f64 holds every amount a token can carry exactly to its minor unit.
    let major = amount as f64 / 10f64.powi(digits as i32);
    let formatted = ok
        .then(|| {
            let format = Intl::NumberFormat::new(&Array::of1(&locale.tag().into()), &options);
            format
                .format()
                .call1(&JsValue::UNDEFINED, &major.into())
                .ok()?
                .as_string()
        })
        .flatten();
    formatted.unwrap_or_else(|| {
        format!(
            "{} {}",
            issuing_model::money::to_major_input(amount, currency),
            currency.to_ascii_uppercase()
        )
    })
}
