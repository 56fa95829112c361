//! The loading and error states every page shows the same way.

use leptos::prelude::*;

use crate::api::ApiError;

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
    error: ApiError,
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

/// A resource from the server that knows when it is being fetched again, so the page can say
/// so while it keeps showing what it has.
pub struct Fetched<T: 'static> {
    resource: LocalResource<Result<T, ApiError>>,
    pending: RwSignal<bool>,
}

impl<T: 'static> Clone for Fetched<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Fetched<T> {}

impl<T: Clone + 'static> Fetched<T> {
    /// Runs `fetch` now and whenever a signal it reads changes (like `LocalResource::new`).
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
    {
        let pending = RwSignal::new(false);
        let resource = LocalResource::new(move || {
            let fetching = fetch();
            async move {
                pending.set(true);
                let result = fetching.await;
                pending.set(false);
                result
            }
        });
        Self { resource, pending }
    }

    /// The latest answer (tracked); `None` until the first arrives.
    pub fn get(&self) -> Option<Result<T, ApiError>> {
        self.resource.get()
    }

    pub fn refetch(&self) {
        self.resource.refetch();
    }

    /// Whether an answer is on its way (tracked).
    pub fn pending(&self) -> bool {
        self.pending.get()
    }
}

/// Data from the server, shown the one way every page shows it: loading, what failed (with a
/// retry where it can help), an empty state, or the data. While it is fetched again (new
/// filters, a retry) the data stays, marked busy, instead of flashing back to "Loading".
#[component]
pub fn Loaded<T, V, F>(
    fetched: Fetched<T>,
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
    let shown = move || match fetched.get() {
        None => view! { <LoadingState label=loading() /> }.into_any(),
        Some(Ok(d)) if is_empty.is_some_and(|empty| empty(&d)) => when_empty.run().into_any(),
        Some(Ok(d)) => data(d).into_any(),
        Some(Err(e)) => view! {
            {with_error.run()}
            <ErrorState title=failed() error=e on_retry=move || fetched.refetch() />
        }
        .into_any(),
    };
    view! {
        <div class="ia-loaded" aria-busy=move || fetched.pending().to_string()>
            {shown}
        </div>
    }
}
