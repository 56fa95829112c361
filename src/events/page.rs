use leptos::prelude::*;

use super::{use_live_events, EventFeed};
use crate::api::ApiClient;

/// `/events`: every event the operator may see, live.
#[component]
pub fn EventsPage() -> impl IntoView {
    let live = use_live_events(expect_context::<ApiClient>());
    view! {
        <section class="ia-page" aria-labelledby="events-title">
            <h1 id="events-title">"Webhook events"</h1>
            <p class="ia-muted">"What Stripe has told this platform, newest first. Signed deliveries only; repeats are shown once."</p>
            <EventFeed live=live />
        </section>
    }
}
