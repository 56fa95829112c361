use leptos::prelude::*;

use super::AccountsTable;
use crate::api::ApiClient;
use crate::i18n::t;
use crate::ui::{Fetched, Loaded};

/// The connected accounts, fetched from the platform server, with loading and error states.
#[component]
pub fn AccountsPage() -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let accounts = Fetched::new(move || {
        let api = api.clone();
        async move { api.accounts().await }
    });
    view! {
        <section class="ia-page" aria-labelledby="accounts-title">
            <h1 id="accounts-title">{move || t().accounts_title}</h1>
            <Loaded
                fetched=accounts
                loading=|| t().loading_accounts
                failed=|| t().accounts_failed
                data=|list| view! { <AccountsTable accounts=list.data /> }
            />
        </section>
    }
}
