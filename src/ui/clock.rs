use std::time::Duration;

use leptos::prelude::*;

/// Unix seconds now, per the browser's clock.
pub fn unix_now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// The current time, ticking every second while the calling component lives (countdowns).
pub fn use_now() -> ReadSignal<i64> {
    let (now, set_now) = signal(unix_now());
    if let Ok(handle) = set_interval_with_handle(
        move || {
            set_now.try_set(unix_now());
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    now
}
