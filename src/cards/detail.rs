use issuing_model::describe::{category_labels as labels, date, limit_phrase};
use issuing_model::money::Locale;
use issuing_model::{IssuingCard, SpendingControls};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::controls_editor::SpendingControlsEditor;
use super::status_actions::StatusActions;
use super::StatusBadge;
use crate::api::ApiClient;
use crate::connect::IssuingCard;
use crate::session::Session;
use crate::ui::{href, ErrorState, LoadingState};

/// `/accounts/:account/cards/:card`: everything an operator needs to know about one card.
#[component]
pub fn CardDetailPage() -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let params = use_params_map();
    let ids = Memo::new(move |_| {
        let p = params.read();
        (
            p.get("account").unwrap_or_default(),
            p.get("card").unwrap_or_default(),
        )
    });
    let card = LocalResource::new(move || {
        let (api, (account, card)) = (api.clone(), ids.get());
        async move { api.card(&account, &card).await }
    });
    view! {
        <section class="ia-page" aria-labelledby="card-title">
            <p>
                <a href=move || href(format!("/accounts/{}/cards", ids.get().0))>"← Cards"</a>
            </p>
            {move || match card.get() {
                None => view! { <LoadingState label="Loading the card…" /> }.into_any(),
                Some(Err(e)) => view! {
                    <h1 id="card-title">"Card"</h1>
                    <ErrorState title="The card could not be loaded." message=e.to_string() on_retry=move || card.refetch() />
                }
                .into_any(),
                Some(Ok(c)) => view! { <CardDetail account=ids.get_untracked().0 card=c /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn CardDetail(account: String, card: IssuingCard) -> impl IntoView {
    let session = expect_context::<Session>();
    let card = RwSignal::new(card);
    let can_edit = move || session.operator.get().is_some_and(|o| o.can_edit());
    let actions_account = account.clone();
    let editor_account = account.clone();
    let connect_account = Signal::stored(account.clone());
    let card_id = Signal::derive(move || card.with(|c| c.id.clone()));
    // A memo, so a status change does not rebuild the editor (and lose its draft).
    let editable = Memo::new(move |_| {
        can_edit() && card.with(|c| c.status != issuing_model::CardStatus::Canceled)
    });
    view! {
        <h1 id="card-title">
            {move || card.with(|c| c.cardholder.name.clone())}
            " · "
            <span class="ia-mono">"•••• " {move || card.with(|c| c.last4.clone())}</span>
        </h1>
        {move || can_edit().then(|| view! { <StatusActions account=actions_account.clone() card=card /> })}
        {move || view! { <CardFacts account=account.clone() card=card.get() /> }}
        {move || editable.get().then(|| view! { <SpendingControlsEditor account=editor_account.clone() card=card /> })}
        <section class="ia-stripe-card" aria-labelledby="stripe-card-title">
            <h2 id="stripe-card-title">"Card details in Stripe"</h2>
            <p class="ia-hint">"The number and CVC show only inside Stripe's frame; they never reach this panel or its server."</p>
            <IssuingCard account=connect_account card=card_id show_spend_controls=true />
        </section>
    }
}

#[component]
fn CardFacts(account: String, card: IssuingCard) -> impl IntoView {
    let link = |id: &Option<String>| {
        id.clone().map(|id| {
            let target = href(format!("/accounts/{account}/cards/{id}"));
            view! { <a href=target>{id}</a> }
        })
    };
    let wallets = card.wallets.as_ref().map(|w| {
        let yes = |s: &Option<issuing_model::WalletStatus>| match s {
            Some(s) if s.eligible => "eligible",
            _ => "not eligible",
        };
        format!(
            "Apple Pay {}, Google Pay {}",
            yes(&w.apple_pay),
            yes(&w.google_pay)
        )
    });
    let metadata: Vec<_> = card
        .metadata
        .iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    view! {
        <dl class="ia-facts">
            <dt>"Status"</dt>
            <dd><StatusBadge status=card.status.clone() /></dd>
            {card.cancellation_reason.clone().map(|r| view! { <dt>"Cancellation reason"</dt><dd>{r.to_string()}</dd> })}
            <dt>"Cardholder"</dt>
            <dd>{card.cardholder.name.clone()} {card.cardholder.email.clone().map(|e| format!(" · {e}"))}</dd>
            <dt>"Brand"</dt>
            <dd>{card.brand.clone()}</dd>
            <dt>"Type"</dt>
            <dd>{if card.kind == issuing_model::CardType::Virtual { "Virtual" } else { "Physical" }}</dd>
            <dt>"Expires"</dt>
            <dd>{card.expiry()}</dd>
            <dt>"Currency"</dt>
            <dd>{card.currency.to_uppercase()}</dd>
            <dt>"Created"</dt>
            <dd>{date(card.created, Locale::En)}</dd>
            {link(&card.replacement_for).map(|l| view! { <dt>"Replaces"</dt><dd>{l} {card.replacement_reason.clone().map(|r| format!(" ({r})"))}</dd> })}
            {link(&card.replaced_by).map(|l| view! { <dt>"Replaced by"</dt><dd>{l}</dd> })}
            {wallets.map(|w| view! { <dt>"Wallets"</dt><dd>{w}</dd> })}
            {(!metadata.is_empty()).then(|| view! { <dt>"Metadata"</dt><dd>{metadata.join(", ")}</dd> })}
            <dt>"Card id"</dt>
            <dd><code>{card.id.clone()}</code></dd>
        </dl>
        <h2>"Spending controls"</h2>
        <SpendingControlsSummary controls=card.spending_controls.clone() currency=card.currency.clone() />
    }
}

/// The controls in words: limits, then category, country and presence rules.
#[component]
pub fn SpendingControlsSummary(controls: SpendingControls, currency: String) -> impl IntoView {
    let limits: Vec<_> = controls
        .limits()
        .iter()
        .map(|l| {
            let scope = match &l.categories {
                Some(c) if !c.is_empty() => format!(" — only {}", labels(c)),
                _ => String::new(),
            };
            format!("{}{scope}", limit_phrase(l, &currency, Locale::En))
        })
        .collect();
    let rules: Vec<String> = [
        (
            "Allowed categories",
            controls.allowed_categories.as_deref().map(labels),
        ),
        (
            "Blocked categories",
            controls.blocked_categories.as_deref().map(labels),
        ),
        (
            "Allowed merchant countries",
            controls
                .allowed_merchant_countries
                .as_ref()
                .map(|c| c.join(", ")),
        ),
        (
            "Blocked merchant countries",
            controls
                .blocked_merchant_countries
                .as_ref()
                .map(|c| c.join(", ")),
        ),
        (
            "Allowed card presence",
            controls
                .allowed_card_presences
                .as_ref()
                .map(|p| presences(p)),
        ),
        (
            "Blocked card presence",
            controls
                .blocked_card_presences
                .as_ref()
                .map(|p| presences(p)),
        ),
    ]
    .into_iter()
    .filter_map(|(label, value)| {
        value
            .filter(|v| !v.is_empty())
            .map(|v| format!("{label}: {v}"))
    })
    .collect();
    view! {
        <ul class="ia-controls">
            {if limits.is_empty() {
                view! { <li>"No spending limits."</li> }.into_any()
            } else {
                limits.into_iter().map(|l| view! { <li>{l}</li> }).collect_view().into_any()
            }}
            {rules.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
        </ul>
    }
}

fn presences(p: &[issuing_model::CardPresence]) -> String {
    p.iter()
        .map(|p| match p {
            issuing_model::CardPresence::Present => "card present".to_owned(),
            issuing_model::CardPresence::NotPresent => {
                "card not present (online, phone)".to_owned()
            }
            issuing_model::CardPresence::Other(o) => o.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
