use issuing_model::api::PurchaseQuery;
use issuing_model::money::format_amount;
use issuing_model::IssuingCard;
use issuing_words::category_label;
use leptos::prelude::*;

use super::explain;
use crate::api::ApiClient;
use crate::i18n::{local_time, t, use_locale};
use crate::ui::{Fetched, Loaded};

/// How many of the card's latest purchases the page shows.
const PAGE: u8 = 25;

/// The card's latest purchases; fetched again when `card` changes (a saved edit, a status).
#[component]
pub fn CardPurchases(account: String, card: RwSignal<IssuingCard>) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let card_id = Memo::new(move |_| card.with(|c| c.id.clone()));
    let purchases = Fetched::new(move || {
        let (api, account, id) = (api.clone(), account.clone(), card_id.get());
        async move {
            let query = PurchaseQuery {
                card: Some(id),
                limit: Some(PAGE),
                ..Default::default()
            };
            api.authorizations(&account, &query).await
        }
    });
    view! {
        <section class="ia-purchases" aria-labelledby="purchases-title">
            <h2 id="purchases-title">{move || t().purchases_title}</h2>
            <Loaded
                fetched=purchases
                loading=|| t().purchases_loading
                failed=|| t().purchases_failed
                data=move |list| {
                    let all = list.data;
                    if all.is_empty() {
                        return view! { <p class="ia-muted" data-empty="purchases">{move || t().purchases_none}</p> }.into_any();
                    }
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
                                {all.clone().into_iter().enumerate().map(|(i, auth)| {
                                    // Newest first: what came before it is what follows.
                                    let earlier = all[i + 1..].to_vec();
                                    let declined = !auth.approved;
                                    let requested = auth.requested();
                                    let amount = format_amount(requested, &auth.currency);
                                    let abroad = (auth.merchant_currency != auth.currency)
                                        .then(|| format_amount(auth.merchant_amount, &auth.merchant_currency));
                                    let auth_for_text = auth.clone();
                                    view! {
                                        <tr data-authorization=auth.id.clone() class:ia-declined=declined>
                                            <td class="ia-nowrap">{move || local_time(auth.created, use_locale())}</td>
                                            <td>
                                                {auth.merchant_data.name.clone().unwrap_or_default()}
                                                <br/>
                                                <span class="ia-muted">{
                                                    let category = auth.merchant_data.category.clone();
                                                    move || category_label(&category, use_locale())
                                                }</span>
                                            </td>
                                            <td>{auth.merchant_data.country.clone().unwrap_or_default()}</td>
                                            <td class="ia-num">{amount}{abroad.map(|m| view! { <br/><span class="ia-muted">{m}</span> })}</td>
                                            <td data-field="result">{move || explain(&auth_for_text, &card.get(), &earlier, use_locale())}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }
            />
        </section>
    }
}
