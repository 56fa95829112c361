//! The loading and error states every page shows the same way.

use leptos::prelude::*;

/// Announced politely to screen readers; shown while data is on its way.
#[component]
pub fn LoadingState(#[prop(into)] label: String) -> impl IntoView {
    view! {
        <div class="ia-state ia-loading" role="status" aria-live="polite">
            <span class="ia-spinner" aria-hidden="true"></span>
            {label}
        </div>
    }
}

/// What failed, in the panel's words, and a way to try again where trying again can help.
#[component]
pub fn ErrorState(
    #[prop(into)] title: String,
    error: crate::api::ApiError,
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let retry = error.retryable();
    view! {
        <div class="ia-state ia-error" role="alert">
            <strong>{title}</strong>
            <p>{move || error.text()}</p>
            {retry.then(|| view! {
                <button type="button" class="ia-button" data-action="retry" on:click=move |_| on_retry()>
                    {move || crate::i18n::t().retry}
                </button>
            })}
        </div>
    }
}
