use leptos::prelude::*;
use leptos_use::use_interval_fn;

/// Unix seconds now, per the browser's clock.
pub fn unix_now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// The current time, ticking every second while the calling component lives (countdowns).
pub fn use_now() -> ReadSignal<i64> {
    let (now, set_now) = signal(unix_now());
    let _ = use_interval_fn(
        move || {
            set_now.try_set(unix_now());
        },
        1000,
    );
    now
}
