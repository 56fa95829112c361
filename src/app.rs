//! The application shell: header, routes, and the app-wide API client in context.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::accounts::AccountsPage;
use crate::api::ApiClient;

#[component]
pub fn App() -> impl IntoView {
    provide_context(ApiClient::same_origin());
    view! {
        <Router>
            <div class="ia-shell">
                <header class="ia-header">
                    <span class="ia-brand">"Issuing admin"</span>
                </header>
                <main class="ia-main">
                    <Routes fallback=|| view! { <p class="ia-empty">"Page not found."</p> }>
                        <Route path=path!("/") view=AccountsPage />
                        <Route path=path!("/accounts") view=AccountsPage />
                    </Routes>
                </main>
            </div>
        </Router>
    }
}
