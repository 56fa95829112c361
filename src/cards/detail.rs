use crate::routes::{use_card, Page};
use issuing_model::{IssuingCard, SpendingControls};
use issuing_words::{category_labels as labels, limit_phrase};
use leptos::prelude::*;

use super::controls_editor::{ControlsOwner, SpendingControlsEditor};
use super::shipping::ShippingTimeline;
use super::status_actions::StatusActions;
use super::StatusBadge;
use crate::activity::ChangeHistory;
use crate::api::ApiClient;
use crate::cardholders::IssueCardForm;
use crate::connect::IssuingCard;
use crate::events::{concerns, use_live_events, EventFeed};
use crate::i18n::{date, t, use_locale, Texts};
use crate::purchases::{CardActivity, CardPurchases, CardSpending, PurchaseSimulator};
use crate::session::Session;
use crate::ui::{Fetched, Loaded, LoadingState};

/// What the last change on the card page did: a confirmation, or why it failed.
pub type Outcome = Result<crate::i18n::Label, crate::api::ApiError>;

/// `/accounts/:account/cards/:card`: everything an operator needs to know about one card.
#[component]
pub fn CardDetailPage() -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let ids = use_card();
    let card = Fetched::new(move || {
        let (api, (account, card)) = (api.clone(), ids.get());
        async move { api.card(&account, &card).await }
    });
    view! {
        <section class="ia-page" aria-labelledby="card-title">
            <p>
                <a href=move || Page::Cards { account: &ids.get().0 }.href()>{move || t().back_to_cards}</a>
            </p>
            <Loaded
                fetched=card
                loading=|| t().loading_card
                failed=|| t().card_failed
                with_error=|| view! { <h1 id="card-title">{move || t().card}</h1> }
                data=move |c| view! { <CardDetail account=ids.get_untracked().0 card=c /> }
            />
        </section>
    }
}

#[component]
fn CardDetail(account: String, card: IssuingCard) -> impl IntoView {
    let session = expect_context::<Session>();
    let card = RwSignal::new(card);
    let outcome = RwSignal::new(None::<Outcome>);
    let can_edit = move || session.operator.get().is_some_and(|o| o.can_edit());
    // A memo: the operator may become known after the page (a resumed sign-in).
    let reveal = Memo::new(move |_| session.may_reveal_card_numbers());
    let actions_account = account.clone();
    let editor_account = account.clone();
    // A memo, so a status change does not rebuild the editor (and lose its draft).
    let editable = Memo::new(move |_| {
        can_edit() && card.with(|c| c.status != issuing_model::CardStatus::Canceled)
    });
    let simulator_account = account.clone();
    let card_id = Signal::derive(move || card.with(|c| c.id.clone()));
    let activity = CardActivity::new(account.clone(), card);
    provide_context(activity);
    let api = expect_context::<ApiClient>();
    let test_mode = LocalResource::new(move || {
        let api = api.clone();
        async move { api.config().await.is_ok_and(|c| c.test_mode) }
    });
    let can_simulate = move || editable.get() && test_mode.get().unwrap_or(false);
    let live = use_live_events(expect_context::<ApiClient>());
    // A purchase made elsewhere (a terminal, Stripe's Dashboard) shows up without a reload.
    Effect::new(move |seen: Option<usize>| {
        let fresh = live.events.with(|events| {
            events
                .iter()
                .filter(|e| {
                    e.kind.starts_with("issuing_authorization.") && concerns(e, &card_id.get())
                })
                .count()
        });
        // Not while fetching: what is on its way already counts it.
        if seen.is_some_and(|s| s != fresh) && !activity.history.pending() {
            activity.refresh();
        }
        fresh
    });
    let connect_account = Signal::stored(account.clone());
    // The History is asked again whenever the page did something to the card (refused
    // attempts are recorded too), or a new purchase shows up.
    let newest_purchase = Memo::new(move |_| {
        activity
            .list
            .get()
            .and_then(Result::ok)
            .and_then(|l| l.data.first().map(|a| a.id.clone()))
    });
    let changes = RwSignal::new(0usize);
    // Only once an action has its answer: clearing the last message as one starts is not one.
    Effect::new(move |first: Option<()>| {
        let answered = outcome.with(Option::is_some);
        newest_purchase.track();
        if first.is_some() && answered {
            changes.update(|n| *n += 1);
        }
    });
    let history_account = account.clone();
    let shipping_account = account.clone();
    let can_move_shipment = Signal::derive(move || can_edit() && test_mode.get().unwrap_or(false));
    // Replacing: the form for the new card; once issued, its page.
    let replacing = RwSignal::new(false);
    let can_replace = move || can_edit() && card.with(|c| c.replaced_by.is_none());
    let navigate = leptos_router::hooks::use_navigate();
    let replace_account = account.clone();
    let on_replaced = Callback::new(move |new: IssuingCard| {
        replacing.set(false);
        navigate(
            &Page::Card {
                account: &replace_account,
                card: &new.id,
            }
            .path(),
            Default::default(),
        );
    });
    let form_account = account.clone();
    view! {
        <h1 id="card-title">
            {move || card.with(|c| c.cardholder.name.clone())}
            " · "
            <span class="ia-mono">"•••• " {move || card.with(|c| c.last4.clone())}</span>
        </h1>
        // One place for what the page has to say: why something is not offered, and what the
        // last action did.
        {move || {
            let canceled = card.with(|c| c.status == issuing_model::CardStatus::Canceled);
            if canceled {
                Some(view! { <p class="ia-notice" data-notice="canceled">{move || t().canceled_note}</p> }.into_any())
            } else if !can_edit() && session.operator.get().is_some() {
                Some(view! { <p class="ia-notice" data-notice="read-only">{move || t().card_read_only}</p> }.into_any())
            } else {
                None
            }
        }}
        <div class="ia-outcome" aria-live="polite">
            {move || outcome.get().map(|m| match m {
                Ok(done) => view! { <p class="ia-confirmation" role="status">{move || done(t())}</p> }.into_any(),
                Err(e) => view! { <p class="ia-field-error" role="alert">{move || e.text()}</p> }.into_any(),
            })}
        </div>
        {move || can_edit().then(|| view! { <StatusActions account=actions_account.clone() card=card outcome=outcome /> })}
        {move || (can_replace() && !replacing.get()).then(|| view! {
            <div class="ia-actions">
                <button type="button" class="ia-button ia-button-secondary" data-action="replace-card" on:click=move |_| replacing.set(true)>
                    {move || t().replace_card}
                </button>
            </div>
        })}
        {move || replacing.get().then(|| {
            let old = card.get_untracked();
            view! {
                <IssueCardForm account=form_account.clone() holder=old.cardholder.clone() replacing=old
                    on_issued=on_replaced on_cancel=Callback::new(move |_| replacing.set(false)) />
            }
        })}
        // Plain text, redrawn whole when the card or the language changes.
        {move || {
            use_locale();
            view! { <CardFacts account=account.clone() card=card.get() /> }
        }}
        <ShippingTimeline account=shipping_account card=card can_move=can_move_shipment />
        {move || editable.get().then(|| view! { <SpendingControlsEditor account=editor_account.clone() owner=ControlsOwner::Card(card) notice=outcome /> })}
        <CardSpending card=card activity=activity />
        {move || can_simulate().then(|| view! { <PurchaseSimulator account=simulator_account.clone() card=card activity=activity /> })}
        <CardPurchases card=card activity=activity />
        <ChangeHistory account=history_account card=card changed=changes />
        <EventFeed live=live about=card_id />
        <section class="ia-stripe-card" aria-labelledby="stripe-card-title">
            <h2 id="stripe-card-title">{move || t().stripe_card_title}</h2>
            // Mounted once the operator's right is known: never "not allowed", then allowed.
            {move || match reveal.get() {
                None => view! { <LoadingState label=t().loading_stripe_card /> }.into_any(),
                Some(true) => view! {
                    <p class="ia-hint">{move || t().stripe_card_hint}</p>
                    <IssuingCard account=connect_account card=card_id show_spend_controls=true reveal_numbers=true />
                }.into_any(),
                Some(false) => view! {
                    <p class="ia-notice" data-notice="numbers-not-allowed">{move || t().numbers_not_allowed}</p>
                    <IssuingCard account=connect_account card=card_id show_spend_controls=true />
                }.into_any(),
            }}
        </section>
    }
}

/// The card's facts in the current language (read once: the caller redraws on a switch).
#[component]
fn CardFacts(account: String, card: IssuingCard) -> impl IntoView {
    let (t, locale) = (t(), use_locale());
    let link = |id: &Option<String>| {
        id.clone().map(|id| {
            let target = Page::Card {
                account: &account,
                card: &id,
            }
            .href();
            view! { <a href=target>{id}</a> }
        })
    };
    let wallets = card.wallets.as_ref().map(|w| {
        let yes = |s: &Option<issuing_model::WalletStatus>| s.as_ref().is_some_and(|s| s.eligible);
        (t.wallets_value)(yes(&w.apple_pay), yes(&w.google_pay))
    });
    let reason = |r: &issuing_model::CancellationReason| match r {
        issuing_model::CancellationReason::Lost => t.reason_lost.to_owned(),
        issuing_model::CancellationReason::Stolen => t.reason_stolen.to_owned(),
        other => other.to_string(),
    };
    let metadata: Vec<_> = card
        .metadata
        .iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    view! {
        <dl class="ia-facts">
            <dt>{t.status}</dt>
            <dd><StatusBadge status=card.status.clone() /></dd>
            {card.cancellation_reason.as_ref().map(|r| view! { <dt>{t.cancellation_reason}</dt><dd>{reason(r)}</dd> })}
            <dt>{t.cardholder}</dt>
            <dd>
                <a href=Page::Cardholder { account: &account, cardholder: &card.cardholder.id }.href() data-link="cardholder">{card.cardholder.name.clone()}</a>
                {card.cardholder.email.clone().map(|e| format!(" · {e}"))}
            </dd>
            <dt>{t.card_brand}</dt>
            <dd>{issuing_model::wire::card::brand_name(&card.brand)}</dd>
            <dt>{t.card_type}</dt>
            <dd>{if card.kind == issuing_model::CardType::Virtual { t.virtual_card } else { t.physical_card }}</dd>
            <dt>{t.expires}</dt>
            <dd>{card.expiry()}</dd>
            <dt>{t.currency}</dt>
            <dd>{card.currency.to_uppercase()}</dd>
            <dt>{t.created}</dt>
            <dd>{date(card.created, locale)}</dd>
            {link(&card.replacement_for).map(|l| view! { <dt>{t.replaces}</dt><dd data-fact="replaces">{l} {card.replacement_reason.clone().map(|r| format!(" ({})", (t.replacement_reason)(r.as_str())))}</dd> })}
            {link(&card.replaced_by).map(|l| view! { <dt>{t.replaced_by}</dt><dd data-fact="replaced-by">{l}</dd> })}
            {wallets.map(|w| view! { <dt>{t.wallets}</dt><dd>{w}</dd> })}
            {(!metadata.is_empty()).then(|| view! { <dt>{t.metadata}</dt><dd>{metadata.join(t.list_separator)}</dd> })}
            <dt>{t.card_id}</dt>
            <dd><code>{card.id.clone()}</code></dd>
        </dl>
        <h2>{t.spending_controls}</h2>
        <SpendingControlsSummary controls=card.spending_controls.clone() currency=card.currency.clone() />
    }
}

/// The controls in words: limits, then category, country and presence rules (read once, in
/// the current language).
#[component]
pub fn SpendingControlsSummary(controls: SpendingControls, currency: String) -> impl IntoView {
    let (t, locale) = (t(), use_locale());
    let labels = |c: &[issuing_model::Category]| labels(c, locale);
    let join = |c: &Vec<String>| c.join(t.list_separator);
    let limits: Vec<_> = controls
        .limits()
        .iter()
        .map(|l| {
            let scope = match &l.categories {
                Some(c) if !c.is_empty() => (t.only_in)(&labels(c)),
                _ => String::new(),
            };
            format!("{}{scope}", limit_phrase(l, &currency, locale))
        })
        .collect();
    let rules: Vec<String> = [
        (
            t.allowed_categories,
            controls.allowed_categories.as_deref().map(labels),
        ),
        (
            t.blocked_categories,
            controls.blocked_categories.as_deref().map(labels),
        ),
        (
            t.allowed_countries,
            controls.allowed_merchant_countries.as_ref().map(join),
        ),
        (
            t.blocked_countries,
            controls.blocked_merchant_countries.as_ref().map(join),
        ),
        (
            t.allowed_presence,
            controls
                .allowed_card_presences
                .as_ref()
                .map(|p| presences(p, t)),
        ),
        (
            t.blocked_presence,
            controls
                .blocked_card_presences
                .as_ref()
                .map(|p| presences(p, t)),
        ),
    ]
    .into_iter()
    .filter_map(|(label, value)| {
        value
            .filter(|v| !v.is_empty())
            .map(|v| (t.labelled)(label, &v))
    })
    .collect();
    view! {
        <ul class="ia-controls">
            {if limits.is_empty() {
                view! { <li>{t.no_spending_limits}</li> }.into_any()
            } else {
                limits.into_iter().map(|l| view! { <li>{l}</li> }).collect_view().into_any()
            }}
            {rules.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
        </ul>
    }
}

fn presences(p: &[issuing_model::CardPresence], t: &Texts) -> String {
    p.iter()
        .map(|p| match p {
            issuing_model::CardPresence::Present => t.presence_present.to_owned(),
            issuing_model::CardPresence::NotPresent => t.presence_not_present.to_owned(),
            issuing_model::CardPresence::Other(o) => o.clone(),
        })
        .collect::<Vec<_>>()
        .join(t.list_separator)
}
