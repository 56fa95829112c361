//! issuing-admin: a card-issuing admin panel for Stripe Connect platforms.
//!
//! The panel talks only to the platform server's `/api`; it never sees a secret key, a card
//! number or a CVC.

pub mod accounts;
pub mod activity;
pub mod api;
mod app;
pub mod cardholders;
pub mod cards;
pub mod connect;
mod early_answers;
pub mod embed;
pub mod events;
pub mod i18n;
mod lazy_views;
pub mod purchases;
pub mod routes;
pub mod session;
pub mod tokens;
pub mod ui;
pub mod unsettled_writes;

pub use app::{App, Panel};

/// Mounts the panel as the whole page (used by `main.rs` under `trunk serve`).
pub fn start_standalone() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// What the bundle does when it loads: the panel's own page (its `<body>` says
/// `data-issuing-admin="standalone"`) mounts the panel as the page; any other page is a host,
/// which gets `<issuing-admin>` and calls `mount` itself.
pub fn start() {
    let standalone = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .and_then(|b| b.get_attribute("data-issuing-admin"))
        .is_some_and(|v| v == "standalone");
    if standalone {
        start_standalone();
    } else {
        embed::define_element(None);
    }
}
