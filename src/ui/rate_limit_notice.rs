//! When the server says "too many requests" with `Retry-After`, the panel waits that long and
//! sends the request again by itself (with the same idempotency key); meanwhile the shell says
//! so, counting down.

use std::cell::Cell;

use leptos::prelude::*;

use crate::i18n::t;

/// The longest wait the panel sits out by itself; beyond it, the refusal is shown.
pub const LONGEST_WAIT_SECS: u32 = 30;

thread_local! {
    /// Seconds left before a refused request is sent again, while one is waiting. Reference
    /// counted, not owned by whichever component first read it (it outlives every mount).
    static WAITING: ArcRwSignal<Option<u32>> = ArcRwSignal::new(None);
    /// Requests waiting at once (the notice stays while any is).
    static WAITERS: Cell<u32> = const { Cell::new(0) };
}

/// Waits `secs` seconds before a request is sent again, counting down in the notice.
pub async fn wait_out(secs: u32) {
    let waiting = WAITING.with(ArcRwSignal::clone);
    WAITERS.with(|n| n.set(n.get() + 1));
    for left in (1..=secs).rev() {
        waiting.set(Some(left));
        gloo_timers::future::TimeoutFuture::new(1_000).await;
    }
    WAITERS.with(|n| n.set(n.get().saturating_sub(1)));
    if WAITERS.with(Cell::get) == 0 {
        waiting.set(None);
    }
}

/// The notice, in the shell; nothing when no request is waiting.
#[component]
pub fn RateLimitNotice() -> impl IntoView {
    let waiting = WAITING.with(ArcRwSignal::clone);
    move || {
        waiting.get().map(|secs| {
            view! {
                <p class="ia-notice" role="status" data-notice="rate-limited">
                    {move || (t().rate_limited_retrying)(secs)}
                </p>
            }
        })
    }
}
