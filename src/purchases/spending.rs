//! Spending: for each limit on the card (and its cardholder), what Stripe has counted against
//! it in the current interval — "€30.00 of €50.00 today", a bar, and what is left — counted
//! with the model's rules over the card's history.

use issuing_model::money::format_amount;
use issuing_model::rules::authorization::Owner;
use issuing_model::rules::card_history::LimitUse;
use issuing_model::IssuingCard;
use issuing_words::{category_labels, limit_phrase};
use leptos::prelude::*;

use super::CardActivity;
use crate::i18n::{t, use_locale};
use crate::ui::{unix_now, Loaded};

#[component]
pub fn CardSpending(card: RwSignal<IssuingCard>, activity: CardActivity) -> impl IntoView {
    view! {
        <section class="ia-spending" aria-labelledby="spending-title">
            <h2 id="spending-title">{move || t().spending_title}</h2>
            <Loaded
                fetched=activity.history
                loading=|| t().spending_loading
                failed=|| t().spending_failed
                data=move |history| {
                    move || {
                        // Counted at this moment; a new purchase, an edit or a language redraws.
                        use_locale();
                        let uses = card.with(|c| history.limit_uses(c, unix_now()));
                        let currency = card.with(|c| {
                            c.spending_controls
                                .spending_limits_currency
                                .clone()
                                .unwrap_or_else(|| c.currency.clone())
                        });
                        if uses.is_empty() {
                            return view! { <p class="ia-muted" data-empty="spending">{t().no_spending_limits}</p> }.into_any();
                        }
                        let (of_card, of_holder): (Vec<_>, Vec<_>) =
                            uses.into_iter().partition(|u| u.owner == Owner::Card);
                        let holder_currency = card.with(|c| {
                            c.cardholder
                                .spending_controls
                                .as_ref()
                                .and_then(|s| s.spending_limits_currency.clone())
                                .unwrap_or_else(|| c.currency.clone())
                        });
                        view! {
                            {(!history.complete).then(|| view! { <p class="ia-hint">{t().spending_partial}</p> })}
                            <LimitBars uses=of_card currency=currency owner="card" />
                            {(!of_holder.is_empty()).then(|| view! {
                                <h3>{t().cardholder_limits}</h3>
                                <LimitBars uses=of_holder currency=holder_currency owner="cardholder" />
                            })}
                        }
                        .into_any()
                    }
                }
            />
        </section>
    }
}

/// One list of limits with their bars (read in the current language; the caller redraws).
#[component]
fn LimitBars(uses: Vec<LimitUse>, currency: String, owner: &'static str) -> impl IntoView {
    let (t, locale) = (t(), use_locale());
    view! {
        <ul class="ia-limit-bars" data-owner=owner>
            {uses.into_iter().map(|u| {
                let limit = format_amount(u.limit.amount, &currency);
                let scope = u.limit.categories.as_deref().filter(|c| !c.is_empty())
                    .map(|c| (t.only_in)(&category_labels(c, locale)))
                    .unwrap_or_default();
                let interval = u.limit.interval.as_str().to_owned();
                let name = format!("{}{scope}", limit_phrase(&u.limit, &currency, locale));
                match u.spent {
                    None => view! {
                        <li data-limit=interval>
                            <span class="ia-limit-name">{name}</span>
                            <span class="ia-muted">{(t.per_purchase_limit)(&limit)}</span>
                        </li>
                    }.into_any(),
                    Some(spent) => {
                        let text = (t.spent_of)(&format_amount(spent, &currency), &limit, &interval);
                        let left = (t.spent_left)(&format_amount(u.left(), &currency));
                        // Full at the limit and past it (spend may pass a limit lowered later).
                        let share = (spent as f64 / u.limit.amount.max(1) as f64).clamp(0.0, 1.0);
                        let level = if share >= 1.0 { "full" } else if share >= 0.8 { "high" } else { "ok" };
                        view! {
                            <li data-limit=interval data-spent=spent.to_string()>
                                <span class="ia-limit-name">{name}</span>
                                <div
                                    class="ia-bar"
                                    role="meter"
                                    aria-label=text.clone()
                                    aria-valuemin="0"
                                    aria-valuemax=u.limit.amount.to_string()
                                    aria-valuenow=spent.min(u.limit.amount).to_string()
                                    aria-valuetext=text.clone()
                                    data-level=level
                                >
                                    <span class="ia-bar-fill" style:inline-size=format!("{:.1}%", share * 100.0)></span>
                                </div>
                                <span class="ia-limit-figures">
                                    <span data-field="spent">{text}</span>
                                    " · "
                                    <span data-field="left">{left}</span>
                                </span>
                            </li>
                        }.into_any()
                    }
                }
            }).collect_view()}
        </ul>
    }
}
