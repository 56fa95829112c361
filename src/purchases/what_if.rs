//! The editor's what-if: what the draft of the controls would have done to the card's last 30
//! days of purchases, replayed in the browser with Stripe's rules (the model's `decide`), as
//! the operator types. No Stripe tool says this before a change is saved.

use issuing_model::money::format_amount;
use issuing_model::{IssuingAuthorization, IssuingCard, SpendingControlsUpdate, Violation};
use leptos::prelude::*;

use super::CardActivity;
use crate::i18n::{local_time, t, use_locale, InWords};
use crate::ui::unix_now;

const WINDOW: i64 = 30 * 86_400;
/// How many of each kind of change are listed; the rest are counted.
const LISTED: usize = 5;

#[component]
pub fn WhatIfReview(
    card: RwSignal<IssuingCard>,
    outcome: Memo<Result<SpendingControlsUpdate, Vec<Violation>>>,
    activity: CardActivity,
) -> impl IntoView {
    // Only a draft that could be saved has something to replay.
    let update =
        Memo::new(move |_| outcome.with(|o| o.as_ref().ok().filter(|u| !u.is_empty()).cloned()));
    move || {
        let update = update.get()?;
        let view = match activity.history.get() {
            None => view! { <p class="ia-hint" role="status">{t().what_if_loading}</p> }.into_any(),
            Some(Err(_)) => view! { <p class="ia-hint">{t().what_if_failed}</p> }.into_any(),
            Some(Ok(history)) => {
                let what = card.with(|c| {
                    let draft = c.spending_controls.apply(&update);
                    history.what_if(c, &draft, unix_now() - WINDOW)
                });
                let (declined, approved) = (what.would_decline.len(), what.would_approve.len());
                let summary = if declined + approved == 0 {
                    (t().what_if_same)(what.considered)
                } else {
                    (t().what_if_changes)(declined, approved, what.considered)
                };
                let locale = use_locale();
                let declines: Vec<_> = what
                    .would_decline
                    .iter()
                    .map(|(auth, why)| (auth.clone(), why.in_words(locale)))
                    .collect();
                let approvals: Vec<_> = what
                    .would_approve
                    .iter()
                    .map(|auth| (auth.clone(), t().would_pass_now.to_owned()))
                    .collect();
                view! {
                    <p data-field="what-if-summary">{summary}</p>
                    <Changed title=t().would_decline kind="declined" items=declines />
                    <Changed title=t().would_approve kind="approved" items=approvals />
                }
                .into_any()
            }
        };
        Some(view! {
            <section class="ia-review ia-what-if" data-what-if="" aria-live="polite">
                <h3>{t().what_if_title}</h3>
                {view}
            </section>
        })
    }
}

/// The first few purchases the draft would decide otherwise, and how many more.
#[component]
fn Changed(
    title: &'static str,
    kind: &'static str,
    items: Vec<(IssuingAuthorization, String)>,
) -> impl IntoView {
    let locale = use_locale();
    let more = items.len().saturating_sub(LISTED);
    (!items.is_empty()).then(|| {
        view! {
            <h4>{title}</h4>
            <ul class="ia-what-if-list" data-change=kind>
                {items.into_iter().take(LISTED).map(|(auth, why)| {
                    let merchant = auth.merchant_data.name.clone().unwrap_or_else(|| t().a_merchant.to_owned());
                    view! {
                        <li data-authorization=auth.id.clone()>
                            {local_time(auth.created, locale)} " · " {merchant} " · "
                            {format_amount(auth.requested(), &auth.currency)}
                            <br/><span class="ia-muted">{why}</span>
                        </li>
                    }
                }).collect_view()}
                {(more > 0).then(|| view! { <li class="ia-muted">{(t().and_more)(more)}</li> })}
            </ul>
        }
    })
}
