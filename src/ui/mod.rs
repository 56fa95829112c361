//! Small widgets shared by every feature.

mod amount_field;
pub mod choices;
mod clock;
mod download;
mod form_errors;
mod leave_guard;
mod modal;
mod multi_select;
mod pager;
pub mod rate_limit_notice;
mod route_base;
mod states;

pub use amount_field::{AmountField, AmountInput, CURRENCIES};
pub use clock::{unix_now, use_now};
pub use download::save_csv;
pub use form_errors::{FormErrors, TextField};

/// The page's `localStorage`, where the browser allows it (private modes and sandboxed
/// frames may not).
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
pub use leave_guard::LeaveGuard;
pub use modal::Modal;
pub use multi_select::{Choice, MultiSelect};
pub use pager::{Cursor, Pager, PagerNav};
pub use route_base::{href, RouteBase};
pub use states::{ErrorState, Fetched, Loaded, LoadingState};
