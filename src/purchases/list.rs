use issuing_model::api::PurchaseQuery;
use issuing_model::money::format_amount;
use issuing_model::{IssuingAuthorization, IssuingCard, List};
use issuing_words::category_label;
use leptos::prelude::*;

use super::explain::{explain, standing, stripe_words};
use super::CardActivity;
use crate::i18n::{local_time, t, use_locale};
use crate::ui::{Cursor, Loaded, Pager, PagerNav};

/// The card's purchases, a page at a time, newest first.
#[component]
pub fn CardPurchases(card: RwSignal<IssuingCard>, activity: CardActivity) -> impl IntoView {
    let page = move |list: List<IssuingAuthorization>| {
        let query = activity.page.get_untracked();
        let pager = Pager::of(
            query.ending_before.is_some(),
            query.starting_after.is_some(),
            &list,
            |a| a.id.as_str(),
        );
        let go = move |cursor: Cursor| {
            let mut next = PurchaseQuery {
                starting_after: None,
                ending_before: None,
                ..activity.page.get_untracked()
            };
            match cursor {
                Cursor::EndingBefore(id) => next.ending_before = Some(id),
                Cursor::StartingAfter(id) => next.starting_after = Some(id),
            }
            activity.page.set(next);
        };
        view! {
            <PurchaseTable card=card activity=activity purchases=list.data />
            <PagerNav pager=pager label=|| t().purchases_pages go=go />
        }
    };
    view! {
        <section class="ia-purchases" aria-labelledby="purchases-title">
            <h2 id="purchases-title">{move || t().purchases_title}</h2>
            <Loaded
                fetched=activity.list
                loading=|| t().purchases_loading
                failed=|| t().purchases_failed
                is_empty=|list| list.data.is_empty()
                when_empty=|| view! { <p class="ia-muted" data-empty="purchases">{move || t().purchases_none}</p> }
                data=page
            />
        </section>
    }
}

/// One page of purchases: time, merchant and category, country, amount (and the merchant's,
/// in another currency), and the decision in words with where the money stands.
#[component]
fn PurchaseTable(
    card: RwSignal<IssuingCard>,
    activity: CardActivity,
    purchases: Vec<IssuingAuthorization>,
) -> impl IntoView {
    view! {
        <table class="ia-table" data-table="purchases">
            <thead><tr>
                <th scope="col">{move || t().col_when}</th>
                <th scope="col">{move || t().col_merchant}</th>
                <th scope="col">{move || t().col_country}</th>
                <th scope="col" class="ia-num">{move || t().col_amount}</th>
                <th scope="col">{move || t().col_result}</th>
            </tr></thead>
            <tbody>
                {purchases.into_iter().map(|auth| {
                    let declined = !auth.approved;
                    let amount = format_amount(auth.requested(), &auth.currency);
                    let abroad = (auth.merchant_currency != auth.currency)
                        .then(|| format_amount(auth.merchant_amount, &auth.merchant_currency));
                    let auth = StoredValue::new(auth);
                    let result = move || {
                        let locale = use_locale();
                        let history = activity.known();
                        auth.with_value(|a| card.with(|c| explain(a, c, history.as_ref(), locale)))
                    };
                    let stripe = move || {
                        let history = activity.known();
                        auth.with_value(|a| card.with(|c| stripe_words(a, c, history.as_ref())))
                    };
                    let standing = move || auth.with_value(|a| standing(a, use_locale()));
                    let (created, category) = auth.with_value(|a| (a.created, a.merchant_data.category.clone()));
                    view! {
                        <tr data-authorization=auth.with_value(|a| a.id.clone()) class:ia-declined=declined>
                            <td class="ia-nowrap">{move || local_time(created, use_locale())}</td>
                            <td>
                                {auth.with_value(|a| a.merchant_data.name.clone().unwrap_or_default())}
                                <br/>
                                <span class="ia-muted">{move || category_label(&category, use_locale())}</span>
                            </td>
                            <td>{auth.with_value(|a| a.merchant_data.country.clone().unwrap_or_default())}</td>
                            <td class="ia-num">{amount}{abroad.map(|m| view! { <br/><span class="ia-muted">{m}</span> })}</td>
                            <td>
                                <span data-field="result">{result}</span>
                                {move || stripe().map(|m| view! { <br/><span class="ia-muted" lang="en" data-field="stripe-reason">{m}</span> })}
                                {move || standing().map(|s| view! { <br/><span class="ia-muted" data-field="standing">{s}</span> })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
