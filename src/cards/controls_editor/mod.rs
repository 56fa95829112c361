//! The spending-controls editor on the card page. The form holds a draft; the model's
//! [`ControlsDraft::to_update`] turns it into the smallest update and checks it with the rules
//! the server and Stripe apply, as the operator types. Saving sends that one update; on
//! failure the draft stays and the error is shown at the field Stripe names.

mod limits;
mod owner;
pub(crate) use limits::INTERVALS;
pub use owner::ControlsOwner;
mod review;

use issuing_model::controls_draft::{ControlsDraft, LimitDraft};
use issuing_model::{Category, Rule, SpendingControlsUpdate, SpendingInterval, Violation};
use leptos::prelude::*;
use reactive_stores::{Field, Store};

use crate::api::{ApiClient, ApiError};
use std::sync::Arc;

use crate::i18n::{t, use_i18n, use_locale, InWords, Label};
use crate::purchases::{CardActivity, WhatIfReview};
use crate::ui::{Choice, LeaveGuard, MultiSelect};
use limits::LimitRows;
use review::ChangesReview;

/// One limit row of the form, keyed so focus and typing stay with their row.
#[derive(Store, Debug, Clone)]
struct Row {
    key: u32,
    amount: String,
    interval: SpendingInterval,
    categories: Vec<String>,
    /// Added by the operator just now: its amount field takes focus.
    fresh: bool,
}

/// Every field of the form, in one store: each field and each row is tracked on its own.
#[derive(Store, Debug, Clone, Default)]
struct Form {
    #[store(key: u32 = |row| row.key)]
    limits: Vec<Row>,
    next_key: u32,
    allowed_categories: Vec<String>,
    blocked_categories: Vec<String>,
    allowed_countries: Vec<String>,
    blocked_countries: Vec<String>,
}

fn names(categories: &[Category]) -> Vec<String> {
    categories.iter().map(|c| c.as_str().to_owned()).collect()
}

/// The form's store and what it does.
#[derive(Clone, Copy)]
struct Fields(Store<Form>);

impl Fields {
    fn new() -> Self {
        Self(Store::new(Form::default()))
    }

    fn row(&self, limit: LimitDraft, fresh: bool) -> Row {
        let key = self.0.next_key().get_untracked();
        self.0.next_key().set(key + 1);
        Row {
            key,
            amount: limit.amount,
            interval: limit.interval,
            categories: names(&limit.categories),
            fresh,
        }
    }

    fn reset(&self, draft: ControlsDraft) {
        let limits = draft
            .limits
            .into_iter()
            .map(|l| self.row(l, false))
            .collect();
        self.0.limits().set(limits);
        self.0
            .allowed_categories()
            .set(names(&draft.allowed_categories));
        self.0
            .blocked_categories()
            .set(names(&draft.blocked_categories));
        self.0
            .allowed_countries()
            .set(draft.allowed_merchant_countries);
        self.0
            .blocked_countries()
            .set(draft.blocked_merchant_countries);
    }

    fn add_limit(&self) {
        let row = self.row(LimitDraft::blank(), true);
        self.0.limits().write().push(row);
    }

    fn remove_limit(&self, key: u32) {
        self.0.limits().write().retain(|r| r.key != key);
    }

    /// The form as a draft (tracked: a memo over it follows every keystroke).
    fn draft(&self) -> ControlsDraft {
        let categories = |v: &[String]| v.iter().cloned().map(Category).collect();
        self.0.with(|form| ControlsDraft {
            limits: form
                .limits
                .iter()
                .map(|r| LimitDraft {
                    amount: r.amount.clone(),
                    interval: r.interval.clone(),
                    categories: categories(&r.categories),
                })
                .collect(),
            allowed_categories: categories(&form.allowed_categories),
            blocked_categories: categories(&form.blocked_categories),
            allowed_merchant_countries: form.allowed_countries.clone(),
            blocked_merchant_countries: form.blocked_countries.clone(),
        })
    }
}

/// Where each field finds its error: the rules broken by the draft now, or what Stripe said
/// about the draft that was sent (shown until the operator changes it).
#[derive(Clone, Copy)]
struct Errors {
    draft: Memo<ControlsDraft>,
    live: Memo<Vec<Violation>>,
    server: RwSignal<Option<(ControlsDraft, Violation)>>,
}

impl Errors {
    /// The message for `param` or anything below it (`…[allowed_categories][3]`).
    fn at(self, param: &str) -> Option<String> {
        let below =
            |p: &str| p == param || p.strip_prefix(param).is_some_and(|r| r.starts_with('['));
        self.live
            .with(|v| {
                v.iter()
                    .find(|v| below(&v.param))
                    .map(|v| v.in_words(use_locale()))
            })
            .or_else(|| {
                self.server.with(|s| {
                    s.as_ref()
                        .filter(|(sent, v)| below(&v.param) && self.draft.with(|d| d == sent))
                        .map(|(_, v)| v.in_words(use_locale()))
                })
            })
    }

    /// The message for exactly `param` (not its items).
    fn exactly(self, param: &str) -> Option<String> {
        let words = |v: &Violation| v.in_words(use_locale());
        self.live
            .with(|v| v.iter().find(|v| v.param == param).map(words))
            .or_else(|| {
                self.server.with(|s| {
                    s.as_ref()
                        .filter(|(sent, v)| v.param == param && self.draft.with(|d| d == sent))
                        .map(|(_, v)| words(v))
                })
            })
    }

    fn signal(self, param: String) -> Signal<Option<String>> {
        Signal::derive(move || self.at(&param))
    }
}

#[component]
pub fn SpendingControlsEditor(
    account: String,
    /// The card (or cardholder) whose controls these are.
    owner: ControlsOwner,
    /// Where the page says what happened (a save's confirmation).
    notice: RwSignal<Option<crate::cards::detail::Outcome>>,
) -> impl IntoView {
    let api = StoredValue::new(expect_context::<ApiClient>());
    let account = StoredValue::new(account);
    let fields = Fields::new();
    let editing = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let i18n = use_i18n();
    let server = RwSignal::new(None::<(ControlsDraft, Violation)>);

    let currency = Memo::new(move |_| owner.currency());
    let controls = Memo::new(move |_| owner.controls());
    let draft = Memo::new(move |_| fields.draft());
    let outcome: Memo<Result<SpendingControlsUpdate, Vec<Violation>>> = Memo::new(move |_| {
        draft.with(|d| controls.with(|c| currency.with(|cur| d.to_update(c, cur))))
    });
    let live = Memo::new(move |_| outcome.with(|o| o.as_ref().err().cloned().unwrap_or_default()));
    let errors = Errors {
        draft,
        live,
        server,
    };
    let dirty = Memo::new(move |_| {
        editing.get() && outcome.with(|o| o.as_ref().map_or(true, |u| !u.is_empty()))
    });
    let send = Action::new_local(
        move |(change, sent): &(SpendingControlsUpdate, ControlsDraft)| {
            let (change, sent) = (change.clone(), sent.clone());
            let (api, account) = (api.get_value(), account.get_value());
            async move {
                match owner.save(&api, &account, change.clone()).await {
                    Ok(()) => {
                        editing.set(false);
                        notice.set(Some(Ok(|t| t.controls_saved)));
                    }
                    Err(e) => {
                        if let ApiError::Stripe(stripe) = &e {
                            if let Some(param) = stripe.error.param.clone() {
                                // Refused at a field: the controls likely changed elsewhere. The
                                // same rules, run on what was sent and the controls as Stripe has
                                // them now, say why in the panel's words; Stripe's where they can't.
                                let ours =
                                    owner.fresh(&api, &account).await.and_then(|(now, cur)| {
                                        change
                                            .validate(&now, &cur)
                                            .into_iter()
                                            .find(|v| v.param == param)
                                    });
                                let message = stripe.error.message.clone();
                                let violation = ours.unwrap_or_else(|| {
                                    Violation::new(param, Rule::Stripe(message))
                                });
                                server.set(Some((sent, violation)));
                            }
                        }
                        failure.set(Some(e));
                    }
                }
            }
        },
    );
    let busy = send.pending();
    let can_save = move || !busy.get() && outcome.with(|o| o.as_ref().is_ok_and(|u| !u.is_empty()));

    let start = move |_| {
        fields.reset(ControlsDraft::from_controls(
            &controls.get_untracked(),
            &currency.get_untracked(),
        ));
        notice.set(None);
        failure.set(None);
        server.set(None);
        editing.set(true);
    };
    let discard = move |_| {
        failure.set(None);
        server.set(None);
        editing.set(false);
    };
    let save = move || {
        let Ok(update) = outcome.get_untracked() else {
            return;
        };
        if update.is_empty() || busy.get_untracked() {
            return;
        }
        failure.set(None);
        server.set(None);
        send.dispatch((update, draft.get_untracked()));
    };

    // Relabelled when the language changes; what is chosen stays.
    let categories = Memo::new(move |_| crate::ui::choices::categories(use_locale()));
    let countries = Memo::new(move |_| crate::ui::choices::countries(use_locale()));
    view! {
        <section class="ia-editor" aria-label=move || t().editor_label>
            {move || (!editing.get()).then(|| view! {
                <button type="button" class="ia-button" data-action="edit-controls" on:click=start>
                    {move || t().edit_controls}
                </button>
            })}
            {move || {
                editing.get().then(|| view! {
                    <LeaveGuard dirty=dirty message=Signal::derive(move || i18n.texts().leave_unsaved) />
                    <form
                        class="ia-editor-form"
                        novalidate
                        aria-busy=move || busy.get().to_string()
                        on:submit=move |ev| {
                            ev.prevent_default();
                            save();
                        }
                    >
                        <h2>{move || t().edit_controls}</h2>
                        <fieldset>
                            <legend>{move || t().spending_limits}</legend>
                            <LimitRows fields=fields errors=errors currency=currency choices=categories />
                            <button type="button" class="ia-button ia-button-secondary" data-action="add-limit" on:click=move |_| fields.add_limit()>
                                {move || t().add_limit}
                            </button>
                        </fieldset>
                        <AllowOrBlock
                            what="categories"
                            legend=|t| t.merchant_categories
                            choices=categories
                            allowed=fields.0.allowed_categories().into()
                            blocked=fields.0.blocked_categories().into()
                            errors=errors
                        />
                        <AllowOrBlock
                            what="merchant_countries"
                            legend=|t| t.merchant_countries
                            choices=countries
                            allowed=fields.0.allowed_countries().into()
                            blocked=fields.0.blocked_countries().into()
                            errors=errors
                        />
                        <ChangesReview controls=controls currency=currency outcome=outcome />
                        // What the draft would have done to the card's last purchases.
                        {owner.card().and_then(|card| use_context::<CardActivity>().map(|activity| view! { <WhatIfReview card=card outcome=outcome activity=activity /> }))}
                        // In the sticky bar: why a save failed is seen where Save is pressed.
                        <div class="ia-editor-buttons">
                            {move || failure.get().map(|e| view! {
                                <p class="ia-field-error ia-form-error" role="alert">
                                    {move || (t().not_saved)(&e.param().and_then(|p| errors.at(p)).unwrap_or_else(|| e.text()))}
                                </p>
                            })}
                            <button type="submit" class="ia-button" data-action="save" disabled=move || !can_save()>
                                {move || if busy.get() { t().saving } else { t().save_changes }}
                            </button>
                            <button type="button" class="ia-button ia-button-secondary" data-action="discard" on:click=discard>
                                {move || t().discard_changes}
                            </button>
                        </div>
                    </form>
                })
            }}
        </section>
    }
}

/// An allowed list and a blocked list of the same thing (Stripe takes one or the other).
#[component]
fn AllowOrBlock(
    /// `categories` or `merchant_countries`, as in Stripe's parameter names.
    what: &'static str,
    legend: Label,
    #[prop(into)] choices: Signal<Arc<Vec<Choice>>>,
    allowed: Field<Vec<String>>,
    blocked: Field<Vec<String>>,
    errors: Errors,
) -> impl IntoView {
    let countries = what == "merchant_countries";
    let side = move |side: &str, label: Label, selected| {
        let field = format!("{side}_{what}");
        let other = format!(
            "spending_controls[{}_{what}]",
            if side == "allowed" {
                "blocked"
            } else {
                "allowed"
            }
        );
        let own = errors.signal(format!("spending_controls[{field}]"));
        // A rule about the whole other list (not one of its items) is the allowed-and-blocked
        // conflict: it concerns both lists, so both are marked.
        let error = Signal::derive(move || own.get().or_else(|| errors.exactly(&other)));
        let label = Signal::derive(move || label(t()).to_owned());
        view! { <MultiSelect label=label field=field choices=choices selected=selected error=error /> }
    };
    let (allowed_label, blocked_label): (Label, Label) = if countries {
        (|t| t.allowed_countries, |t| t.blocked_countries)
    } else {
        (|t| t.allowed_categories, |t| t.blocked_categories)
    };
    view! {
        <fieldset>
            <legend>{move || legend(t())}</legend>
            <p class="ia-hint">{move || if countries { t().hint_countries } else { t().hint_categories }}</p>
            {side("allowed", allowed_label, allowed)}
            {side("blocked", blocked_label, blocked)}
        </fieldset>
    }
}
