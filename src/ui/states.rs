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

/// Data from the server, shown the one way every page shows it: loading, what failed (with a
/// retry where it can help), an empty state, or the data. While it is fetched again (new
/// filters, a retry) the data stays, marked busy, instead of flashing back to "Loading".
#[component]
pub fn Loaded<T, V, F>(
    resource: LocalResource<Result<T, crate::api::ApiError>>,
    /// Said while loading, and above what failed (read in the current language).
    loading: fn() -> &'static str,
    failed: fn() -> &'static str,
    /// Whether the data counts as empty, for `when_empty`.
    #[prop(optional)]
    is_empty: Option<fn(&T) -> bool>,
    #[prop(optional, into)] when_empty: ViewFn,
    /// Shown with the error (a page's heading, when the data would have given it).
    #[prop(optional, into)]
    with_error: ViewFn,
    data: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let (pending, set_pending) = signal(false);
    let shown = move || {
        let (data, when_empty, with_error) = (data.clone(), when_empty.clone(), with_error.clone());
        Suspend::new(async move {
            match resource.await {
                Ok(d) if is_empty.is_some_and(|empty| empty(&d)) => when_empty.run().into_any(),
                Ok(d) => data(d).into_any(),
                Err(e) => view! {
                    {with_error.run()}
                    <ErrorState title=failed() error=e on_retry=move || resource.refetch() />
                }
                .into_any(),
            }
        })
    };
    view! {
        <div class="ia-loaded" aria-busy=move || pending.get().to_string()>
            <Transition
                fallback=move || view! { <LoadingState label=loading() /> }
                set_pending=set_pending
            >
                {shown}
            </Transition>
        </div>
    }
}
