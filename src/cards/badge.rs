use issuing_model::CardStatus;
use leptos::prelude::*;

use crate::i18n::t;

/// A card's status as a word with a colour: never colour alone.
#[component]
pub fn StatusBadge(status: CardStatus) -> impl IntoView {
    let class = match &status {
        CardStatus::Active => "ia-badge ia-badge-active",
        CardStatus::Inactive => "ia-badge ia-badge-inactive",
        CardStatus::Canceled => "ia-badge ia-badge-canceled",
        CardStatus::Other(_) => "ia-badge",
    };
    let code = status.to_string();
    let label = move || match &status {
        CardStatus::Active => t().status_active.to_owned(),
        CardStatus::Inactive => t().status_frozen.to_owned(),
        CardStatus::Canceled => t().status_canceled.to_owned(),
        CardStatus::Other(other) => other.clone(),
    };
    view! { <span class=class data-status=code>{label}</span> }
}
