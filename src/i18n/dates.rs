//! The panel's one date style, written by the browser's `Intl.DateTimeFormat`: `Nov 23, 2026`
//! and `2026年11月23日`, with the time after it where the time matters.

use std::cell::RefCell;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use super::Locale;

/// The day of `unix` (seconds) in UTC: the day the card filters (`<input type=date>`, UTC) use.
pub fn date(unix: i64, locale: Locale) -> String {
    format(
        unix,
        Style {
            locale,
            time: false,
        },
    )
}

/// `unix` (seconds) in the operator's local time, to the second: `Nov 23, 2026, 14:05:09`.
pub fn local_time(unix: i64, locale: Locale) -> String {
    format(unix, Style { locale, time: true })
}

#[derive(Clone, Copy, PartialEq)]
struct Style {
    locale: Locale,
    /// With the local time; without it, the UTC day.
    time: bool,
}

thread_local! {
    /// One formatter per style: `toLocaleString` with options builds a new `Intl.DateTimeFormat`
    /// on every call, which was the largest cost of drawing a page of 100 cards (issue 20).
    static FORMATTERS: RefCell<Vec<(Style, Function)>> = const { RefCell::new(Vec::new()) };
}

fn format(unix: i64, style: Style) -> String {
    let format = FORMATTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, f)) = cache.iter().find(|(s, _)| *s == style) {
            return f.clone();
        }
        let f = formatter(style);
        cache.push((style, f.clone()));
        f
    });
    let at = Date::new(&JsValue::from_f64(unix as f64 * 1000.0));
    format
        .call1(&JsValue::UNDEFINED, &at)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn formatter(style: Style) -> Function {
    let (tag, month) = match style.locale {
        Locale::En => ("en-US", "short"),
        Locale::Ja => ("ja-JP", "long"),
    };
    let options = Object::new();
    let day = [("year", "numeric"), ("month", month), ("day", "numeric")];
    let time = [
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("second", "2-digit"),
        ("hourCycle", "h23"),
    ];
    let utc = [("timeZone", "UTC")];
    let rest: &[(&str, &str)] = if style.time { &time } else { &utc };
    for (k, v) in day.iter().chain(rest) {
        let _ = Reflect::set(&options, &(*k).into(), &(*v).into());
    }
    Intl::DateTimeFormat::new(&Array::of1(&tag.into()), &options).format()
}
