//! The people cards are issued to: an account's cardholders (search, add), one cardholder
//! (details, edit, their cards, issue a new one).

mod address;
mod detail;
mod draft;
mod form;
mod issue_form;
mod list;

use issuing_model::CardholderStatus;
use leptos::prelude::*;

pub use detail::CardholderPage;
pub use issue_form::IssueCardForm;
pub use list::CardholdersPage;

/// A cardholder's status as a word with a colour: never colour alone.
#[component]
pub fn HolderStatusBadge(status: CardholderStatus) -> impl IntoView {
    let class = match &status {
        CardholderStatus::Active => "ia-badge ia-badge-active",
        CardholderStatus::Inactive => "ia-badge ia-badge-inactive",
        CardholderStatus::Blocked => "ia-badge ia-badge-canceled",
        CardholderStatus::Other(_) => "ia-badge",
    };
    let code = status.to_string();
    view! { <span class=class data-status=code>{move || list::holder_status_word(&status)}</span> }
}
