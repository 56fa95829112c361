//! The application shell: header, sign-in gate, routes, and the app-wide session in context.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::accounts::AccountsPage;
use crate::api::ApiClient;
use crate::cards::{CardDetailPage, CardsPage};
use crate::events::EventsPage;
use crate::session::{Session, SignInPage};
use crate::tokens::TokensPage;

#[component]
pub fn App() -> impl IntoView {
    view! { <Panel server=ApiClient::same_origin() /> }
}

/// The panel, talking to `server`.
#[component]
pub fn Panel(server: ApiClient) -> impl IntoView {
    let session = Session::new(server);
    provide_context(session);
    // Who a resumed token belongs to; a token the server no longer accepts signs out.
    Effect::new(move |_| {
        if let (Some(api), None) = (session.api(), session.operator.get_untracked()) {
            leptos::task::spawn_local(async move {
                match api.me().await {
                    Ok(me) => session.operator.set(Some(me)),
                    Err(e) if e.is_unauthorized() => session.sign_out(),
                    Err(_) => {}
                }
            });
        }
    });
    view! {
        <Router>
            <div class="ia-shell">
                <header class="ia-header">
                    <span class="ia-brand">"Issuing admin"</span>
                    {move || session.operator.get().is_some().then(|| view! {
                        <nav class="ia-nav" aria-label="Sections">
                            <A href="/accounts">"Accounts"</A>
                            <A href="/events">"Events"</A>
                        </nav>
                    })}
                    <span class="ia-spacer"></span>
                    {move || session.operator.get().map(|op| view! {
                        <span class="ia-operator">{op.name}</span>
                        <button type="button" class="ia-button ia-button-secondary" on:click=move |_| session.sign_out()>
                            "Sign out"
                        </button>
                    })}
                </header>
                <main class="ia-main">
                    {move || match session.api() {
                        None => view! { <SignInPage /> }.into_any(),
                        Some(api) => {
                            provide_context(api);
                            view! {
                                <Routes fallback=|| view! { <p class="ia-empty">"Page not found."</p> }>
                                    <Route path=path!("/") view=AccountsPage />
                                    <Route path=path!("/accounts") view=AccountsPage />
                                    <Route path=path!("/accounts/:account/cards") view=CardsPage />
                                    <Route path=path!("/accounts/:account/cards/:card") view=CardDetailPage />
                                    <Route path=path!("/accounts/:account/tokens") view=TokensPage />
                                    <Route path=path!("/events") view=EventsPage />
                                </Routes>
                            }
                            .into_any()
                        }
                    }}
                </main>
            </div>
        </Router>
    }
}
