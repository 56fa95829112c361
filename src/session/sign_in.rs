use leptos::prelude::*;

use super::Session;
use crate::i18n::t;
use crate::ui::{Fetched, Loaded};

/// Sandbox sign-in: choose one of the seeded operators.
#[component]
pub fn SignInPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let operators = Fetched::new(move || {
        let server = session.server();
        async move { server.operators().await }
    });
    let failure = RwSignal::new(None::<crate::api::ApiError>);
    let sign_in = Action::new_local(move |id: &String| {
        let (server, id) = (session.server(), id.clone());
        async move {
            match server.sign_in(&id).await {
                Ok(signed_in) => session.sign_in(signed_in.token, signed_in.operator),
                Err(e) => failure.set(Some(e)),
            }
        }
    });
    let choose = move |id: String| {
        sign_in.dispatch(id);
    };
    view! {
        <section class="ia-page ia-sign-in" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">{move || t().sign_in_title}</h1>
            <p class="ia-muted">{move || t().sign_in_sandbox}</p>
            {move || failure.get().map(|e| view! { <p class="ia-field-error" role="alert">{move || e.text()}</p> })}
            <Loaded
                fetched=operators
                loading=|| t().loading_operators
                failed=|| t().operators_failed
                data=move |list| view! {
                    <ul class="ia-operator-list">
                        {list
                            .into_iter()
                            .map(|op| {
                                let id = op.id.clone();
                                let role = if op.can_edit() { t().role_can_edit } else { t().role_read_only };
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="ia-button ia-button-secondary"
                                            data-operator=op.id.clone()
                                            on:click=move |_| choose(id.clone())
                                        >
                                            {op.name.clone()}
                                            <span class="ia-muted">" · " {role}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            />
        </section>
    }
}
