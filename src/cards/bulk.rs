//! Acting on many cards at once: the rows selected (or every card the filters match), frozen,
//! unfrozen or given a spending limit. Each card is its own change — its own audit entry, its
//! own idempotency key kept for the run, so retrying the failures can never apply one twice —
//! with a progress bar while it runs and each card's outcome after.

use std::collections::BTreeSet;

use issuing_model::money::parse_amount;
use issuing_model::{
    CardListQuery, CardStatus, CardUpdate, IssuingCard, SpendingControlsUpdate, SpendingInterval,
    SpendingLimit,
};
use leptos::prelude::*;

use super::controls_editor::INTERVALS;
use crate::api::{idempotency_key, ApiClient, ApiError};
use crate::i18n::{t, use_locale, InWords};

/// Which cards an action is for.
#[derive(Clone, Copy)]
pub struct Selection {
    pub ids: RwSignal<BTreeSet<String>>,
    /// Every card the list's filters match, not only the rows ticked.
    pub all_matching: RwSignal<bool>,
}

impl Selection {
    pub fn new() -> Self {
        Self {
            ids: RwSignal::new(BTreeSet::new()),
            all_matching: RwSignal::new(false),
        }
    }

    pub fn clear(self) {
        self.ids.set(BTreeSet::new());
        self.all_matching.set(false);
    }

    pub fn is_empty(self) -> bool {
        !self.all_matching.get() && self.ids.with(BTreeSet::is_empty)
    }
}

impl Default for Selection {
    fn default() -> Self {
        Self::new()
    }
}

/// Why a card was not changed: refused here by Stripe's rules (never sent), or by the server.
#[derive(Clone, Debug)]
pub enum Refused {
    Rule(issuing_model::Violation),
    Api(ApiError),
}

impl Refused {
    /// In the current language (tracked), whenever it is shown.
    pub fn text(&self) -> String {
        match self {
            Self::Rule(v) => v.in_words(use_locale()),
            Self::Api(e) => e.text(),
        }
    }
}

/// One card's outcome.
#[derive(Clone, Debug)]
pub struct CardOutcome {
    pub card: IssuingCard,
    pub result: Result<(), Refused>,
}

/// A run of one change over many cards. Its key prefix stays for the run: a card sent again
/// (a retry) goes with the key it was first sent with.
#[derive(Clone, Debug)]
pub struct BulkRun {
    pub update: CardUpdate,
    keys: String,
}

impl BulkRun {
    pub fn new(update: CardUpdate) -> Self {
        Self {
            update,
            keys: idempotency_key(),
        }
    }

    fn key_for(&self, card: &str) -> String {
        format!("{}-{card}", self.keys)
    }

    /// Applies the change to each of `cards` in turn, telling `progress` how many are done.
    /// A card the change cannot apply to (Stripe's rules, checked here) is not sent.
    pub async fn apply(
        &self,
        api: &ApiClient,
        account: &str,
        cards: Vec<IssuingCard>,
        progress: impl Fn(usize),
    ) -> Vec<CardOutcome> {
        let mut outcomes = Vec::with_capacity(cards.len());
        for (done, card) in cards.into_iter().enumerate() {
            let result = match self.update.check(&card) {
                Err(v) => Err(Refused::Rule(v)),
                Ok(()) => api
                    .update_card_once(account, &card.id, &self.update, &self.key_for(&card.id))
                    .await
                    .map(|_| ())
                    .map_err(Refused::Api),
            };
            outcomes.push(CardOutcome { card, result });
            progress(done + 1);
        }
        outcomes
    }
}

/// Every card `query` matches, all pages.
pub async fn all_matching(
    api: &ApiClient,
    account: &str,
    query: &CardListQuery,
) -> Result<Vec<IssuingCard>, ApiError> {
    let mut query = CardListQuery {
        limit: Some(100),
        ..query.first_page()
    };
    let mut cards = Vec::new();
    loop {
        let page = api.cards(account, &query).await?;
        query.starting_after = page.data.last().map(|c| c.id.clone());
        cards.extend(page.data);
        if !page.has_more {
            return Ok(cards);
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Change {
    Freeze,
    Unfreeze,
    Limit,
}

/// The bar above the list while rows are selected: what to do, then how it went.
#[component]
pub fn BulkBar(
    account: Signal<String>,
    query: Memo<CardListQuery>,
    /// The cards on this page (the selected rows are among them).
    page: Signal<Vec<IssuingCard>>,
    selection: Selection,
    /// Called when a run is over, to show the list as it is now.
    on_done: Callback<()>,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let total = RwSignal::new(0usize);
    let done = RwSignal::new(0usize);
    let outcomes = RwSignal::new(Vec::<CardOutcome>::new());
    let failed_to_list = RwSignal::new(None::<ApiError>);
    let last_run = StoredValue::new(None::<BulkRun>);
    let limit_amount = RwSignal::new(String::new());
    let limit_interval = RwSignal::new("monthly".to_owned());
    let run = Action::new_local(move |(run, retry): &(BulkRun, bool)| {
        let (api, account, run, retry) =
            (api.clone(), account.get_untracked(), run.clone(), *retry);
        async move {
            failed_to_list.set(None);
            let cards = if retry {
                outcomes.with_untracked(|o| {
                    o.iter()
                        .filter(|o| o.result.is_err())
                        .map(|o| o.card.clone())
                        .collect()
                })
            } else if selection.all_matching.get_untracked() {
                match all_matching(&api, &account, &query.get_untracked()).await {
                    Ok(cards) => cards,
                    Err(e) => {
                        failed_to_list.set(Some(e));
                        return;
                    }
                }
            } else {
                let ids = selection.ids.get_untracked();
                page.get_untracked()
                    .into_iter()
                    .filter(|c| ids.contains(&c.id))
                    .collect()
            };
            total.set(cards.len());
            done.set(0);
            let results = run.apply(&api, &account, cards, |n| done.set(n)).await;
            outcomes.update(|all| {
                if retry {
                    // The retried cards' new outcomes replace their failures.
                    for r in results {
                        if let Some(slot) = all.iter_mut().find(|o| o.card.id == r.card.id) {
                            *slot = r;
                        }
                    }
                } else {
                    *all = results;
                }
            });
            last_run.set_value(Some(run));
            // Done with these rows: what came of them stays until the next run.
            selection.clear();
            on_done.run(());
        }
    });
    let pending = run.pending();
    let start = move |change: Change| {
        let update = match change {
            Change::Freeze => CardUpdate {
                status: Some(CardStatus::Inactive),
                ..CardUpdate::default()
            },
            Change::Unfreeze => CardUpdate {
                status: Some(CardStatus::Active),
                ..CardUpdate::default()
            },
            Change::Limit => {
                // The cards' currency: the account's, as every card of the page has it.
                let currency = page
                    .with_untracked(|p| p.first().map(|c| c.currency.clone()))
                    .unwrap_or_default();
                let Ok(amount) = parse_amount(&limit_amount.get_untracked(), &currency) else {
                    return;
                };
                CardUpdate {
                    spending_controls: Some(SpendingControlsUpdate {
                        spending_limits: Some(vec![SpendingLimit {
                            amount,
                            categories: None,
                            interval: limit_interval
                                .get_untracked()
                                .parse::<SpendingInterval>()
                                .unwrap_or_else(|n| match n {}),
                        }]),
                        ..SpendingControlsUpdate::default()
                    }),
                    ..CardUpdate::default()
                }
            }
        };
        outcomes.set(Vec::new());
        run.dispatch((BulkRun::new(update), false));
    };
    let retry = move || {
        if let Some(r) = last_run.get_value() {
            run.dispatch((r, true));
        }
    };
    let limit_error = move || {
        let text = limit_amount.get();
        let currency = page.with(|p| p.first().map(|c| c.currency.clone()))?;
        (!text.trim().is_empty())
            .then(|| parse_amount(&text, &currency).err())
            .flatten()
            .map(|e| e.in_words(use_locale()))
    };
    let count = move || selection.ids.with(BTreeSet::len);
    let failures = move || {
        outcomes.with(|o| {
            o.iter()
                .filter(|o| o.result.is_err())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let succeeded = move || outcomes.with(|o| o.iter().filter(|o| o.result.is_ok()).count());
    view! {
        {move || (!selection.is_empty() || pending.get() || outcomes.with(|o| !o.is_empty())).then(|| view! {
            <section class="ia-bulk" aria-labelledby="bulk-title" data-bulk="bar">
                <h2 id="bulk-title" class="ia-visually-hidden">{move || t().bulk_title}</h2>
                <p role="status">{move || if selection.all_matching.get() { t().bulk_all_matching.to_owned() } else { (t().bulk_selected)(count()) }}</p>
                {move || (!selection.all_matching.get() && count() > 0).then(|| view! {
                    <button type="button" class="ia-button ia-button-secondary" data-action="select-all-matching"
                        on:click=move |_| selection.all_matching.set(true)>
                        {move || t().bulk_select_all_matching}
                    </button>
                })}
                <div class="ia-actions">
                    <button type="button" class="ia-button" data-bulk="freeze" disabled=move || pending.get() || selection.is_empty()
                        on:click=move |_| start(Change::Freeze)>{move || t().bulk_freeze}</button>
                    <button type="button" class="ia-button" data-bulk="unfreeze" disabled=move || pending.get() || selection.is_empty()
                        on:click=move |_| start(Change::Unfreeze)>{move || t().bulk_unfreeze}</button>
                    <label class="ia-field">
                        <span>{move || t().bulk_limit_amount}</span>
                        <input name="bulk_limit" inputmode="decimal" prop:value=move || limit_amount.get()
                            aria-invalid=move || limit_error().is_some().to_string()
                            on:input=move |ev| limit_amount.set(event_target_value(&ev)) />
                    </label>
                    <label class="ia-field">
                        <span>{move || t().interval}</span>
                        <select name="bulk_interval" on:change=move |ev| limit_interval.set(event_target_value(&ev))>
                            {INTERVALS.into_iter().map(|(i, label)| view! {
                                <option value=i selected=i == "monthly">{move || label(t())}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <button type="button" class="ia-button" data-bulk="limit"
                        disabled=move || pending.get() || selection.is_empty() || limit_amount.with(|a| a.trim().is_empty()) || limit_error().is_some()
                        on:click=move |_| start(Change::Limit)>{move || t().bulk_set_limit}</button>
                    <button type="button" class="ia-button ia-button-secondary" data-action="clear-selection"
                        disabled=move || pending.get() on:click=move |_| { selection.clear(); outcomes.set(Vec::new()); }>
                        {move || t().bulk_clear}
                    </button>
                </div>
                <p class="ia-field-error" role="alert">{move || limit_error()}</p>
                {move || (pending.get() || total.get() > 0).then(|| view! {
                    <label class="ia-progress">
                        <span>{move || (t().bulk_progress)(done.get(), total.get())}</span>
                        <progress max=move || total.get().to_string() value=move || done.get().to_string()></progress>
                    </label>
                })}
                {move || failed_to_list.get().map(|e| view! { <p class="ia-field-error" role="alert">{move || e.text()}</p> })}
                {move || (!pending.get() && outcomes.with(|o| !o.is_empty())).then(|| view! {
                    <p class="ia-confirmation" role="status" data-bulk="summary">{move || (t().bulk_summary)(succeeded(), failures().len())}</p>
                    {move || {
                        let failed = failures();
                        (!failed.is_empty()).then(|| view! {
                            <ul class="ia-bulk-failures">
                                {failed.into_iter().map(|o| {
                                    let why = o.result.err();
                                    view! {
                                        <li data-failed=o.card.id.clone()>
                                            {format!("{} •••• {}: ", o.card.cardholder.name, o.card.last4)}
                                            {move || why.as_ref().map(Refused::text)}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            <button type="button" class="ia-button" data-action="retry-failed" on:click=move |_| retry()>
                                {move || t().bulk_retry}
                            </button>
                        })
                    }}
                })}
            </section>
        })}
    }
}
