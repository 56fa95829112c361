use leptos::prelude::*;

use super::{use_live_events, EventFeed};
use crate::api::ApiClient;
use crate::i18n::t;

/// The types the panel follows, for the type filter.
const TYPES: &[&str] = &[
    "shared_payment.granted_token.used",
    "shared_payment.granted_token.deactivated",
    "payment_intent.succeeded",
];

/// `/events`: every event the operator may see, live, filtered by type and account.
#[component]
pub fn EventsPage() -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let live = use_live_events(api.clone());
    let kind = RwSignal::new(String::new());
    let account = RwSignal::new(String::new());
    let accounts = LocalResource::new(move || {
        let api = api.clone();
        async move { api.accounts().await.map(|l| l.data).unwrap_or_default() }
    });
    view! {
        <section class="ia-page" aria-labelledby="events-title">
            <h1 id="events-title">{move || t().events_title}</h1>
            <p class="ia-muted">{move || t().events_hint}</p>
            <form class="ia-filters" aria-label=move || t().events_title on:submit=|ev| ev.prevent_default()>
                <label class="ia-field">
                    <span>{move || t().event_type}</span>
                    <select name="type" on:change=move |ev| kind.set(event_target_value(&ev))>
                        <option value="">{move || t().any_event_type}</option>
                        {TYPES.iter().map(|k| view! { <option value=*k>{*k}</option> }).collect_view()}
                    </select>
                </label>
                <label class="ia-field">
                    <span>{move || t().connected_account}</span>
                    <select name="account" on:change=move |ev| account.set(event_target_value(&ev))>
                        <option value="">{move || t().any_account}</option>
                        {move || accounts.get().unwrap_or_default().into_iter().map(|a| {
                            let name = a.display_name().to_owned();
                            view! { <option value=a.id>{name}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </form>
            <EventFeed live=live account=Signal::derive(move || account.get()) kind=Signal::derive(move || kind.get()) />
        </section>
    }
}
