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

/// The account's Issuing currency (its default currency, as the server lists it): what its
/// cards and its cardholders' limits are in. `None` until known.
pub(crate) fn account_currency(
    api: crate::api::ApiClient,
    account: String,
) -> LocalResource<Option<String>> {
    LocalResource::new(move || {
        let (api, account) = (api.clone(), account.clone());
        async move {
            api.accounts().await.ok().and_then(|l| {
                l.data
                    .into_iter()
                    .find(|a| a.id == account)
                    .and_then(|a| a.default_currency)
            })
        }
    })
}

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
