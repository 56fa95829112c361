use issuing_model::CardStatus;
use leptos::prelude::*;

use crate::i18n::{t, Texts};

/// A card's status as a word with a colour: never colour alone. Follows the language.
#[component]
pub fn StatusBadge(status: CardStatus) -> impl IntoView {
    let class = status_class(&status);
    let code = status.to_string();
    let label = move || status_word(&status, t());
    view! { <span class=class data-status=code>{label}</span> }
}

/// The badge's classes: its colour.
pub(crate) fn status_class(status: &CardStatus) -> &'static str {
    match status {
        CardStatus::Active => "ia-badge ia-badge-active",
        CardStatus::Inactive => "ia-badge ia-badge-inactive",
        CardStatus::Canceled => "ia-badge ia-badge-canceled",
        CardStatus::Other(_) => "ia-badge",
    }
}

/// The status in words.
pub(crate) fn status_word(status: &CardStatus, texts: &'static Texts) -> String {
    match status {
        CardStatus::Active => texts.status_active.to_owned(),
        CardStatus::Inactive => texts.status_frozen.to_owned(),
        CardStatus::Canceled => texts.status_canceled.to_owned(),
        CardStatus::Other(other) => other.clone(),
    }
}
