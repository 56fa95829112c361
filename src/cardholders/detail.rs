//! `/accounts/:account/cardholders/:cardholder`: who they are, their cards, and — for editors
//! — editing them and issuing them a card.

use issuing_model::{CardListQuery, Cardholder, CardholderStatus, IssuingCard};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::form::CardholderForm;
use super::issue_form::IssueCardForm;
use super::HolderStatusBadge;
use crate::api::ApiClient;
use crate::cards::controls_editor::{ControlsOwner, SpendingControlsEditor};
use crate::cards::detail::SpendingControlsSummary;
use crate::cards::CardsTable;
use crate::i18n::{date, t, use_locale};
use crate::routes::Page;
use crate::session::Session;
use crate::ui::{Fetched, Loaded};

#[component]
pub fn CardholderPage() -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let params = use_params_map();
    let ids = Memo::new(move |_| {
        let p = params.read();
        (
            p.get("account").unwrap_or_default(),
            p.get("cardholder").unwrap_or_default(),
        )
    });
    let holder = Fetched::new(move || {
        let (api, (account, id)) = (api.clone(), ids.get());
        async move { api.cardholder(&account, &id).await }
    });
    view! {
        <section class="ia-page" aria-labelledby="cardholder-title">
            <p><a href=move || Page::Cardholders { account: &ids.get().0 }.href()>{move || t().back_to_cardholders}</a></p>
            <Loaded
                fetched=holder
                loading=|| t().loading_cardholder
                failed=|| t().cardholder_failed
                with_error=|| view! { <h1 id="cardholder-title">{move || t().cardholder}</h1> }
                data=move |h| view! { <CardholderDetail account=ids.get_untracked().0 holder=h /> }
            />
        </section>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Viewing,
    Editing,
    Issuing,
}

#[component]
fn CardholderDetail(account: String, holder: Cardholder) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let session = expect_context::<Session>();
    let holder = RwSignal::new(holder);
    let mode = RwSignal::new(Mode::Viewing);
    // What the last change did: a confirmation, or why it failed.
    let outcome = RwSignal::new(None::<crate::cards::detail::Outcome>);
    let can_edit = move || {
        session.operator.get().is_some_and(|o| o.can_edit())
            && holder.with(|h| h.status != CardholderStatus::Blocked)
    };
    let cards = {
        let (api, account) = (api.clone(), account.clone());
        Fetched::new(move || {
            let (api, account) = (api.clone(), account.clone());
            let query = CardListQuery {
                cardholder: Some(holder.with(|h| h.id.clone())),
                limit: Some(100),
                ..CardListQuery::default()
            };
            async move { api.cards(&account, &query).await }
        })
    };
    let on_saved = Callback::new(move |h: Cardholder| {
        holder.set(h);
        mode.set(Mode::Viewing);
        outcome.set(Some(Ok(|t| t.cardholder_saved)));
    });
    let navigate = use_navigate();
    let issued_account = account.clone();
    let on_issued = Callback::new(move |card: IssuingCard| {
        navigate(
            &Page::Card {
                account: &issued_account,
                card: &card.id,
            }
            .path(),
            Default::default(),
        );
    });
    let (form_account, issue_account, cards_account, editor_account) = (
        account.clone(),
        account.clone(),
        account.clone(),
        account.clone(),
    );
    // Their limits' currency when Stripe does not say: the account's Issuing currency.
    let account_currency = super::account_currency(api.clone(), account.clone());
    let owner = ControlsOwner::Cardholder {
        holder,
        currency: Signal::derive(move || account_currency.get().flatten().unwrap_or_default()),
    };
    view! {
        <h1 id="cardholder-title">{move || holder.with(|h| h.name.clone())}</h1>
        <div class="ia-outcome" aria-live="polite">
            {move || outcome.get().map(|m| match m {
                Ok(done) => view! { <p class="ia-confirmation" role="status">{move || done(t())}</p> }.into_any(),
                Err(e) => view! { <p class="ia-field-error" role="alert">{move || e.text()}</p> }.into_any(),
            })}
        </div>
        {move || (can_edit() && mode.get() == Mode::Viewing).then(|| view! {
            <div class="ia-actions">
                <button type="button" class="ia-button" data-action="issue-card" on:click=move |_| { outcome.set(None); mode.set(Mode::Issuing) }>
                    {move || t().issue_card}
                </button>
                <button type="button" class="ia-button ia-button-secondary" data-action="edit-cardholder" on:click=move |_| { outcome.set(None); mode.set(Mode::Editing) }>
                    {move || t().edit_cardholder}
                </button>
            </div>
        })}
        {move || match mode.get() {
            Mode::Editing => Some(view! {
                <CardholderForm account=form_account.clone() existing=holder.get_untracked() on_saved=on_saved
                    on_cancel=Callback::new(move |_| mode.set(Mode::Viewing)) />
            }.into_any()),
            Mode::Issuing => Some(view! {
                <IssueCardForm account=issue_account.clone() holder=holder.get_untracked() on_issued=on_issued
                    on_cancel=Callback::new(move |_| mode.set(Mode::Viewing)) />
            }.into_any()),
            Mode::Viewing => None,
        }}
        {move || {
            use_locale();
            view! { <HolderFacts holder=holder.get() /> }
        }}
        {move || (can_edit() && mode.get() == Mode::Viewing).then(|| view! {
            <SpendingControlsEditor account=editor_account.clone() owner=owner notice=outcome />
        })}
        <section aria-labelledby="their-cards">
            <h2 id="their-cards">{move || t().their_cards}</h2>
            <Loaded
                fetched=cards
                loading=|| t().loading_cards
                failed=|| t().cards_failed
                is_empty=|list| list.data.is_empty()
                when_empty=|| view! { <p class="ia-empty">{move || t().no_cards_yet}</p> }
                data=move |list| view! { <CardsTable account=cards_account.clone() cards=list.data /> }
            />
        </section>
    }
}

/// The cardholder's facts in the current language (read once: the caller redraws).
#[component]
fn HolderFacts(holder: Cardholder) -> impl IntoView {
    let (t, locale) = (t(), use_locale());
    let legal = holder.individual.as_ref().map(|i| {
        [i.first_name.clone(), i.last_name.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    });
    let dob = holder
        .individual
        .as_ref()
        .and_then(|i| i.dob)
        .and_then(|d| Some(format!("{:04}-{:02}-{:02}", d.year?, d.month?, d.day?)));
    let due = holder.requirements.past_due.clone().unwrap_or_default();
    let currency = holder
        .spending_controls
        .as_ref()
        .and_then(|c| c.spending_limits_currency.clone())
        .unwrap_or_default();
    view! {
        {(!due.is_empty()).then(|| view! {
            <p class="ia-notice" data-notice="requirements">{(t.cardholder_owes)(&due.join(t.list_separator))}</p>
        })}
        <dl class="ia-facts">
            <dt>{t.status}</dt>
            <dd><HolderStatusBadge status=holder.status.clone() /></dd>
            <dt>{t.cardholder_type}</dt>
            <dd>{if holder.kind == issuing_model::CardholderType::Company { t.company } else { t.individual }}</dd>
            {legal.filter(|l| !l.is_empty()).map(|l| view! { <dt>{t.legal_name}</dt><dd>{l}</dd> })}
            {dob.map(|d| view! { <dt>{t.date_of_birth}</dt><dd>{d}</dd> })}
            {holder.email.clone().map(|e| view! { <dt>{t.email}</dt><dd>{e}</dd> })}
            {holder.phone_number.clone().map(|p| view! { <dt>{t.phone_number}</dt><dd class="ia-mono">{p}</dd> })}
            <dt>{t.billing_address}</dt>
            <dd>{holder.billing.address.one_line()}</dd>
            <dt>{t.created}</dt>
            <dd>{date(holder.created, locale)}</dd>
            <dt>{t.cardholder_id}</dt>
            <dd><code>{holder.id.clone()}</code></dd>
        </dl>
        <h2>{t.cardholder_limits}</h2>
        <SpendingControlsSummary controls=holder.spending_controls.clone().unwrap_or_default() currency=currency />
    }
}
