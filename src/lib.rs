//! issuing-admin: a card-issuing admin panel for Stripe Connect platforms.
//!
//! The panel talks only to the platform server's `/api`; it never sees a secret key, a card
//! number or a CVC.

pub mod accounts;
pub mod api;
mod app;
pub mod cards;
pub mod connect;
pub mod events;
pub mod session;
pub mod tokens;
pub mod ui;

pub use app::{App, Panel};

/// Mounts the panel as the whole page (used by `main.rs` under `trunk serve`).
pub fn start_standalone() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
