//! Finding a token by its id: an agent passes the id along with its order, and against real
//! Stripe (which cannot list granted tokens) this is how a new one first shows up here.

use leptos::prelude::*;

use crate::api::{ApiClient, ApiError};
use crate::i18n::t;

/// Why nothing was found: not an id at all, or the server's answer.
#[derive(Clone)]
enum Problem {
    NotAnId,
    /// Stripe has no token by that id here.
    NotFound(String),
    Refused(ApiError),
}

#[component]
pub fn LookupForm(account: String, on_found: Callback<String>) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let id = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Problem>);
    let lookup = Action::new_local(move |id: &String| {
        let (api, account, id) = (api.clone(), account.clone(), id.clone());
        async move { (id.clone(), api.token(&account, &id).await) }
    });
    Effect::new(move |_| match lookup.value().get() {
        Some((_, Ok(token))) => {
            id.set(String::new());
            on_found.run(token.id);
        }
        Some((asked, Err(e))) if e.code() == Some("resource_missing") => {
            error.set(Some(Problem::NotFound(asked)))
        }
        Some((_, Err(e))) => error.set(Some(Problem::Refused(e))),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = id.get_untracked().trim().to_owned();
        if !value.starts_with("spt_") {
            error.set(Some(Problem::NotAnId));
            return;
        }
        error.set(None);
        lookup.dispatch(value);
    };
    view! {
        <form class="ia-form ia-lookup" on:submit=submit novalidate>
            <div class="ia-form-row">
                <div class="ia-field">
                    <label for="lookup-token">{move || t().find_by_id}</label>
                    <input
                        id="lookup-token"
                        name="token"
                        placeholder="spt_…"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || id.get()
                        aria-invalid=move || error.get().is_some().to_string()
                        aria-describedby="lookup-error"
                        on:input=move |ev| {
                            id.set(event_target_value(&ev));
                            error.set(None);
                        }
                    />
                </div>
            </div>
            <p id="lookup-error" class="ia-field-error" role="alert">{move || error.get().map(|e| match e {
                Problem::NotAnId => t().token_id_prefix.to_owned(),
                Problem::NotFound(asked) => (t().no_such_token)(&asked),
                Problem::Refused(e) => e.text(),
            })}</p>
            <button type="submit" class="ia-button ia-button-secondary" data-action="lookup" disabled=move || lookup.pending().get()>
                {move || t().find}
            </button>
        </form>
    }
}
