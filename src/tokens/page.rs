use crate::routes::{use_account, Page};
use issuing_model::rules::{check_charge, TokenState};
use issuing_model::GrantedToken;
use leptos::prelude::*;

use super::charge_form::{ChargeForm, ChargeOutcome};
use super::grant_form::GrantForm;
use super::lookup_form::LookupForm;
use super::table::TokensTable;
use crate::api::ApiClient;
use crate::events::{use_live_events, EventFeed};
use crate::i18n::{t, use_locale, InWords};
use crate::session::Session;
use crate::ui::{use_now, Fetched, Loaded};

/// `/accounts/:account/tokens`: the Shared Payment Tokens agents granted this account, a way to
/// charge them, and the account's events as they arrive (which also refresh the tokens).
#[component]
pub fn TokensPage() -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let session = expect_context::<Session>();
    let account = use_account();
    let now = use_now();
    let live = use_live_events(api.clone());
    let selected = RwSignal::new(None::<String>);
    let outcomes = RwSignal::new(Vec::<ChargeOutcome>::new());

    let tokens = {
        let api = api.clone();
        Fetched::new(move || {
            let (api, account) = (api.clone(), account.get());
            async move { api.tokens(&account).await }
        })
    };
    let config = {
        let api = api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            async move { api.config().await }
        })
    };
    // A token event for this account means a token changed: show it as Stripe has it now.
    // Every such event counts, also two within the same second.
    let token_events = Memo::new(move |_| {
        let account = account.get();
        live.events.with(|events| {
            events
                .iter()
                .filter(|e| {
                    e.kind.starts_with("shared_payment.") && e.account.as_deref() == Some(&account)
                })
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        })
    });
    Effect::new(move |previous: Option<Vec<String>>| {
        let seen = token_events.get();
        if previous.is_some_and(|p| p != seen) {
            tokens.refetch();
        }
        seen
    });

    let can_grant = move || {
        session.operator.get().is_some_and(|o| o.can_edit())
            && config
                .get()
                .and_then(Result::ok)
                .is_some_and(|c| c.test_mode)
    };
    let on_granted = Callback::new(move |token: GrantedToken| {
        selected.set(Some(token.id));
        tokens.refetch();
    });
    let on_charged = Callback::new(move |()| tokens.refetch());
    let on_found = Callback::new(move |id: String| {
        selected.set(Some(id));
        tokens.refetch();
    });

    let chosen = Memo::new(move |_| {
        let id = selected.get()?;
        tokens.get()?.ok()?.data.into_iter().find(|t| t.id == id)
    });
    // Deactivated (also by its expiry passing while it is open): say why instead of a form.
    let closed = Memo::new(move |_| {
        chosen.with(|t| {
            let t = t.as_ref()?;
            let now = now.get();
            match t.state(now) {
                TokenState::Active => None,
                TokenState::Deactivated(_) => {
                    check_charge(t, 1, t.currency().unwrap_or_default(), now).err()
                }
            }
        })
    });
    let charge = move || {
        let token = chosen.get()?;
        if let Some(why) = closed.get() {
            return Some(view! {
                <p class="ia-charge-closed" role="status" data-token=token.id>{move || why.in_words(use_locale())}</p>
            }.into_any());
        }
        let can_edit = session.operator.get().is_some_and(|o| o.can_edit());
        Some(if can_edit {
            view! { <ChargeForm account=account.get() token=token now=now on_charged=on_charged outcomes=outcomes /> }.into_any()
        } else {
            view! { <p class="ia-muted">{move || t().tokens_read_only}</p> }.into_any()
        })
    };
    let list = view! {
        <Loaded
            fetched=tokens
            loading=|| t().loading_tokens
            failed=|| t().tokens_failed
            is_empty=|list| list.data.is_empty()
            when_empty=|| view! { <p class="ia-empty">{move || t().no_tokens}</p> }
            data=move |list| view! { <TokensTable tokens=list.data now=now selected=selected opened=ViewFn::from(charge) /> }
        />
    };
    let results = move || {
        let list = outcomes.get();
        (!list.is_empty()).then(|| view! {
            <section class="ia-outcomes" aria-labelledby="outcomes-title">
                <h2 id="outcomes-title">{move || t().charges_made_here}</h2>
                <ul role="status">
                    {list.into_iter().map(|o| {
                        let (ok, token) = (o.ok, o.token.clone());
                        view! {
                            <li class:ia-outcome-ok=ok class:ia-outcome-refused=!ok data-token=token>{move || o.text()}</li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    };
    view! {
        <section class="ia-page" aria-labelledby="tokens-title">
            <p><a href=move || Page::Cards { account: &account.get() }.href()>{move || t().back_to_cards}</a></p>
            <h1 id="tokens-title">{move || t().tokens_title}</h1>
            <div class="ia-columns">
                <div class="ia-column-main">
                    {move || can_grant().then(|| view! { <GrantForm account=account.get() on_granted=on_granted /> })}
                    {list}
                    {move || view! { <LookupForm account=account.get() on_found=on_found /> }}
                    {results}
                </div>
                <aside class="ia-column-side">
                    <EventFeed live=live account=Signal::derive(move || account.get()) />
                </aside>
            </div>
        </section>
    }
}
