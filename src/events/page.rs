use leptos::prelude::*;

use super::{use_live_events, EventFeed};
use crate::api::ApiClient;
use crate::i18n::t;

/// `/events`: every event the operator may see, live.
#[component]
pub fn EventsPage() -> impl IntoView {
    let live = use_live_events(expect_context::<ApiClient>());
    view! {
        <section class="ia-page" aria-labelledby="events-title">
            <h1 id="events-title">{move || t().events_title}</h1>
            <p class="ia-muted">{move || t().events_hint}</p>
            <EventFeed live=live />
        </section>
    }
}
