//! Past the server's rate limit, the panel says so, waits as long as `Retry-After` says and
//! sends the request again by itself: the request ends up answered.
//!
//! It uses up the sign-in limit of the one server every wasm test shares, so it is named to
//! run last (cargo runs a package's test targets in the order of their names): the tests after
//! it would otherwise start throttled to one sign-in a second.

mod support;

use gloo_net::http::Request;
use issuing_admin::ui::rate_limit_notice::RateLimitNotice;
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::{fresh_container, live_api, wait_for, wait_until};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const BASE: &str = match option_env!("IA_TEST_API_BASE") {
    Some(base) => base,
    None => "http://127.0.0.1:48787",
};

/// Signs in without the panel's client (no waiting): true when the server refused it as over
/// the limit.
async fn refused_sign_in() -> bool {
    let answer = Request::post(&format!("{BASE}/api/sign_in"))
        .header("Content-Type", "application/json")
        .body(r#"{"operator":"op_chloe"}"#)
        .unwrap()
        .send()
        .await
        .unwrap();
    if answer.status() == 429 {
        let wait = answer.headers().get("retry-after");
        assert!(
            wait.as_deref().is_some_and(|w| w.parse::<u32>().is_ok()),
            "{wait:?}"
        );
        return true;
    }
    assert_eq!(answer.status(), 200);
    false
}

#[wasm_bindgen_test]
async fn past_the_limit_the_panel_says_so_waits_and_sends_again() {
    // Use up this address's sign-ins (30 at once, then one a second).
    let mut refused = false;
    for _ in 0..200 {
        if refused_sign_in().await {
            refused = true;
            break;
        }
    }
    assert!(refused, "the server limits sign-in");
    // A refusal alone may come a moment before the next sign-in is let through, and the panel's
    // request would then pass without waiting: take that next one here, so the panel asks a
    // whole second before another is due.
    let mut let_through = false;
    for _ in 0..200 {
        if !refused_sign_in().await {
            let_through = true;
            break;
        }
        support::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(let_through, "one sign-in a second is let through");

    let notice = fresh_container();
    let _mounted = mount_to(notice.clone(), || view! { <RateLimitNotice /> });
    let done = std::rc::Rc::new(std::cell::Cell::new(None::<bool>));
    {
        let done = done.clone();
        leptos::task::spawn_local(async move {
            done.set(Some(live_api().sign_in("op_chloe").await.is_ok()));
        });
    }
    // While it waits, the shell says so.
    let said = wait_for(&notice, "[data-notice=rate-limited]").await;
    assert!(said.text_content().unwrap().contains("again in"));
    wait_until("the sign-in answered", || done.get().is_some()).await;
    assert_eq!(
        done.get(),
        Some(true),
        "sent again after the wait, and signed in"
    );
    wait_until("the notice gone", || {
        notice
            .query_selector("[data-notice=rate-limited]")
            .unwrap()
            .is_none()
    })
    .await;
}
