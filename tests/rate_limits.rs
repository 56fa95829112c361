//! Past the server's rate limit, the panel says so, waits as long as `Retry-After` says and
//! sends the request again by itself: every request of a burst ends up answered.

mod support;

use std::cell::Cell;
use std::rc::Rc;

use issuing_admin::ui::rate_limit_notice::RateLimitNotice;
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::{fresh_container, live_api, wait_for, wait_until};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// More sign-ins at once than the server's burst for one address (30).
const BURST: u32 = 33;

#[wasm_bindgen_test]
async fn a_burst_past_the_limit_is_waited_out_and_every_request_answered() {
    let notice = fresh_container();
    let _mounted = mount_to(notice.clone(), || view! { <RateLimitNotice /> });
    let (done, failed) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
    for _ in 0..BURST {
        let (done, failed) = (done.clone(), failed.clone());
        leptos::task::spawn_local(async move {
            if live_api().sign_in("op_chloe").await.is_err() {
                failed.set(failed.get() + 1);
            }
            done.set(done.get() + 1);
        });
    }
    // While the refused ones wait, the shell says so.
    let said = wait_for(&notice, "[data-notice=rate-limited]").await;
    assert!(said.text_content().unwrap().contains("again in"));
    wait_until("every sign-in answered", || done.get() == BURST).await;
    assert_eq!(
        failed.get(),
        0,
        "none failed: the refused ones were sent again"
    );
    wait_until("the notice gone", || {
        notice
            .query_selector("[data-notice=rate-limited]")
            .unwrap()
            .is_none()
    })
    .await;
}
