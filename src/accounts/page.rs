use leptos::prelude::*;

use super::AccountsTable;
use crate::api::ApiClient;
use crate::i18n::t;
use crate::ui::{ErrorState, LoadingState};

/// The connected accounts, fetched from the platform server, with loading and error states.
#[component]
pub fn AccountsPage() -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let accounts = LocalResource::new(move || {
        let api = api.clone();
        async move { api.accounts().await }
    });
    view! {
        <section class="ia-page" aria-labelledby="accounts-title">
            <h1 id="accounts-title">{move || t().accounts_title}</h1>
            {move || match accounts.get() {
                None => view! { <LoadingState label=t().loading_accounts /> }.into_any(),
                Some(Ok(list)) => view! { <AccountsTable accounts=list.data /> }.into_any(),
                Some(Err(e)) => view! {
                    <ErrorState
                        title=t().accounts_failed
                        error=e
                        on_retry=move || accounts.refetch()
                    />
                }
                .into_any(),
            }}
        </section>
    }
}
