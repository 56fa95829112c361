use issuing_model::CardStatus;
use leptos::prelude::*;

/// A card's status as a word with a colour: never colour alone.
#[component]
pub fn StatusBadge(status: CardStatus) -> impl IntoView {
    let (class, label) = match &status {
        CardStatus::Active => ("ia-badge ia-badge-active", "Active".to_owned()),
        CardStatus::Inactive => ("ia-badge ia-badge-inactive", "Frozen".to_owned()),
        CardStatus::Canceled => ("ia-badge ia-badge-canceled", "Canceled".to_owned()),
        CardStatus::Other(other) => ("ia-badge", other.clone()),
    };
    view! { <span class=class data-status=status.to_string()>{label}</span> }
}
