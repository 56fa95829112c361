//! The panel's one date style, written by the browser's `Intl.DateTimeFormat`: `Nov 23, 2026`
//! and `2026年11月23日`, with the time after it where the time matters.

use js_sys::{Date, Object, Reflect};
use wasm_bindgen::JsValue;

use super::Locale;

/// The day of `unix` (seconds) in UTC: the day the card filters (`<input type=date>`, UTC) use.
pub fn date(unix: i64, locale: Locale) -> String {
    format(unix, locale, &[("timeZone", "UTC")], false)
}

/// `unix` (seconds) in the operator's local time, to the second: `Nov 23, 2026, 14:05:09`.
pub fn local_time(unix: i64, locale: Locale) -> String {
    format(unix, locale, &[], true)
}

fn format(unix: i64, locale: Locale, extra: &[(&str, &str)], with_time: bool) -> String {
    let (tag, month) = match locale {
        Locale::En => ("en-US", "short"),
        Locale::Ja => ("ja-JP", "long"),
    };
    let options = Object::new();
    let time = [
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("second", "2-digit"),
        ("hourCycle", "h23"),
    ];
    let day = [("year", "numeric"), ("month", month), ("day", "numeric")];
    let time: &[(&str, &str)] = if with_time { &time } else { &[] };
    for (k, v) in day.iter().chain(time).chain(extra) {
        let _ = Reflect::set(&options, &(*k).into(), &(*v).into());
    }
    Date::new(&JsValue::from_f64(unix as f64 * 1000.0))
        .to_locale_string(tag, &options)
        .into()
}
