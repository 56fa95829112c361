//! Simulate a purchase (test mode, editors): the purchase is made through Stripe's test helper,
//! so the decision shown is Stripe's own, and the spend bars, the purchase list and the live
//! feed follow without a reload. What is typed stays after a purchase, to try it again.

use issuing_model::api::SimulatePurchase;
use issuing_model::money::{format_amount, parse_amount};
use issuing_model::{Category, IssuingAuthorization, IssuingCard, Violation};
use leptos::prelude::*;
use reactive_stores::Store;

use super::{explain, CardActivity};
use crate::api::{ApiClient, ApiError};
use crate::i18n::{t, use_locale, InWords};
use crate::ui::{choices, AmountField, AmountInput, MultiSelect, CURRENCIES};

/// A category most cards allow, so a first try needs only an amount.
const FIRST_CATEGORY: &str = "eating_places_restaurants";

/// The one field kept in a store: the searchable category picker edits a store field.
#[derive(Store, Debug, Clone, Default)]
struct Picked {
    category: Vec<String>,
}

/// What the form would send, or what to fix, field by field (Stripe's parameter names).
type Checked = Result<SimulatePurchase, Vec<(&'static str, String)>>;

#[component]
pub fn PurchaseSimulator(
    account: String,
    card: RwSignal<IssuingCard>,
    activity: CardActivity,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let card_currency = Memo::new(move |_| card.with(|c| c.currency.clone()));
    let amount = AmountField::new();
    let card_amount = AmountField::new();
    let currency = RwSignal::new(card_currency.get_untracked());
    let picked = Store::new(Picked {
        category: vec![FIRST_CATEGORY.to_owned()],
    });
    let country = RwSignal::new(card.with_untracked(home_country));
    let present = RwSignal::new(false);
    let merchant = RwSignal::new(String::new());
    let capture = RwSignal::new(false);
    let submitted = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<IssuingAuthorization, ApiError>>);
    let foreign = move || currency.get() != card_currency.get();

    let checked: Memo<Checked> = Memo::new(move |_| {
        let locale = use_locale();
        let mut problems = Vec::new();
        let mut money = |field: &'static str, text: String, currency: &str| {
            parse_amount(&text, currency)
                .map_err(|e| problems.push((field, e.in_words(locale))))
                .ok()
        };
        let (typed, card_cur) = (currency.get(), card_currency.get());
        let first = money("amount", amount.text.get(), &typed);
        let (minor, merchant_amount) = if typed == card_cur {
            (first, None)
        } else {
            let in_card = money("card_amount", card_amount.text.get(), &card_cur);
            (in_card, first)
        };
        let category = picked.category().with(|c| c.first().cloned());
        if category.is_none() {
            problems.push(("merchant_data[category]", t().choose_category.to_owned()));
        }
        let purchase = SimulatePurchase {
            amount: minor.unwrap_or(1),
            merchant_amount: merchant_amount.filter(|_| typed != card_cur),
            merchant_currency: (typed != card_cur).then(|| typed.clone()),
            category: Category(category.unwrap_or_default()),
            country: country.get(),
            card_present: present.get(),
            merchant_name: Some(merchant.get()).filter(|m| !m.trim().is_empty()),
            capture: capture.get(),
        };
        for v in purchase.validate() {
            // Where a typed amount did not parse, that is what its field says.
            let at = field_of(&v, typed != card_cur);
            if !problems.iter().any(|(p, _)| *p == at) {
                problems.push((at, v.in_words(locale)));
            }
        }
        if problems.is_empty() {
            Ok(purchase)
        } else {
            Err(problems)
        }
    });
    let problem = move |field: &'static str| {
        checked.with(|c| {
            c.as_ref()
                .err()
                .and_then(|p| p.iter().find(|(f, _)| *f == field))
                .map(|(_, m)| m.clone())
        })
    };
    let amount_check = Memo::new(move |_| problem("amount").map_or(Ok(()), Err));
    let amount_error = Signal::derive(move || amount.message(amount_check));
    let card_amount_check = Memo::new(move |_| problem("card_amount").map_or(Ok(()), Err));
    let card_amount_error = Signal::derive(move || card_amount.message(card_amount_check));
    let category_error = Signal::derive(move || {
        submitted
            .get()
            .then(|| problem("merchant_data[category]"))
            .flatten()
    });

    let send = Action::new_local(move |purchase: &SimulatePurchase| {
        let (api, account, id, purchase) = (
            api.clone(),
            account.clone(),
            card.with_untracked(|c| c.id.clone()),
            purchase.clone(),
        );
        async move {
            let result = api.simulate_purchase(&account, &id, &purchase).await;
            if result.is_ok() {
                activity.refresh();
            }
            outcome.set(Some(result));
        }
    });
    let busy = send.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        amount.submitted();
        card_amount.submitted();
        if busy.get_untracked() {
            return;
        }
        if let Ok(purchase) = checked.get_untracked() {
            amount.sending();
            outcome.set(None);
            send.dispatch(purchase);
        }
    };
    let said = move || {
        outcome.get().map(|result| match result {
            Ok(auth) => {
                let text = if auth.approved {
                    let merchant = auth
                        .merchant_data
                        .name
                        .clone()
                        .unwrap_or_else(|| t().a_merchant.to_owned());
                    (t().simulated_approved)(&format_amount(auth.requested(), &auth.currency), &merchant)
                } else {
                    let history = activity.known();
                    card.with(|c| explain(&auth, c, history.as_ref(), use_locale()))
                };
                let kind = if auth.approved { "approved" } else { "declined" };
                view! { <p class="ia-simulated" data-outcome=kind role="status">{text}</p> }.into_any()
            }
            Err(e) => view! { <p class="ia-field-error" role="alert">{move || (t().not_simulated)(&e.text())}</p> }.into_any(),
        })
    };
    let categories = Memo::new(move |_| choices::categories(use_locale()));
    let countries = Memo::new(move |_| choices::countries(use_locale()));
    let currencies = move || {
        let own = card_currency.get();
        std::iter::once(own.clone())
            .chain(
                CURRENCIES
                    .iter()
                    .map(|c| (*c).to_owned())
                    .filter(|c| *c != own),
            )
            .collect::<Vec<_>>()
    };
    view! {
        <details class="ia-simulator">
            <summary>{move || t().simulate_title}</summary>
            <form class="ia-form ia-simulator-form" novalidate aria-busy=move || busy.get().to_string() on:submit=submit>
                <p class="ia-hint">{move || t().simulate_hint}</p>
                <div class="ia-field" data-field="amount" class:ia-invalid=move || amount_error.with(Option::is_some)>
                    <label for="sim-amount">{move || t().amount}</label>
                    <div class="ia-form-row">
                        <AmountInput field=amount id="sim-amount" name="amount" described_by="sim-amount-error" invalid=Signal::derive(move || amount_error.with(Option::is_some)) />
                        <select name="currency" aria-label=move || t().merchant_currency on:change=move |ev| currency.set(event_target_value(&ev))>
                            {move || currencies().into_iter().map(|c| {
                                let chosen = c == currency.get_untracked();
                                view! { <option value=c.clone() selected=chosen>{c.to_ascii_uppercase()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    {move || amount_error.get().map(|e| view! { <p id="sim-amount-error" class="ia-field-error">{e}</p> })}
                </div>
                {move || foreign().then(|| view! {
                    <div class="ia-field" data-field="card_amount" class:ia-invalid=move || card_amount_error.with(Option::is_some)>
                        <label for="sim-card-amount">{move || (t().amount_in_card_currency)(&card_currency.get().to_ascii_uppercase())}</label>
                        <AmountInput field=card_amount id="sim-card-amount" name="card_amount" described_by="sim-card-amount-error" invalid=Signal::derive(move || card_amount_error.with(Option::is_some)) />
                        {move || card_amount_error.get().map(|e| view! { <p id="sim-card-amount-error" class="ia-field-error">{e}</p> })}
                    </div>
                })}
                <MultiSelect
                    label=Signal::derive(move || t().merchant_category.to_owned())
                    field="merchant_category".to_owned()
                    choices=categories
                    selected=picked.category().into()
                    error=category_error
                    single=true
                />
                <div class="ia-field" data-field="merchant_country">
                    <label for="sim-country">{move || t().merchant_country}</label>
                    <select id="sim-country" name="country" on:change=move |ev| country.set(event_target_value(&ev))>
                        {move || countries.get().iter().map(|c| {
                            let chosen = c.value == country.get_untracked();
                            view! { <option value=c.value.clone() selected=chosen>{c.label.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="ia-field" data-field="merchant_name">
                    <label for="sim-merchant">{move || t().merchant_name}</label>
                    <input id="sim-merchant" name="merchant_name" autocomplete="off" prop:value=move || merchant.get() on:input=move |ev| merchant.set(event_target_value(&ev)) />
                </div>
                <label class="ia-check-field">
                    <input type="checkbox" name="card_present" prop:checked=move || present.get() on:change=move |ev| present.set(event_target_checked(&ev)) />
                    {move || t().card_present_field}
                </label>
                <label class="ia-check-field">
                    <input type="checkbox" name="capture" prop:checked=move || capture.get() on:change=move |ev| capture.set(event_target_checked(&ev)) />
                    {move || t().capture_field}
                </label>
                <div class="ia-form-row">
                    <button type="submit" class="ia-button" data-action="simulate" disabled=move || busy.get()>
                        {move || if busy.get() { t().simulating } else { t().simulate_submit }}
                    </button>
                </div>
                <div aria-live="polite">{said}</div>
            </form>
        </details>
    }
}

/// The form's field for what Stripe's parameter names: with a merchant in another currency,
/// the first amount is the merchant's, and the card's amount has a field of its own.
fn field_of(v: &Violation, foreign: bool) -> &'static str {
    match v.param.as_str() {
        "amount" if foreign => "card_amount",
        "merchant_data[category]" => "merchant_data[category]",
        "merchant_data[country]" => "merchant_data[country]",
        _ => "amount",
    }
}

/// Where the cardholder lives (their billing address), else the United States: a purchase at
/// home is the first one to try.
fn home_country(card: &IssuingCard) -> String {
    card.cardholder
        .billing
        .address
        .country
        .clone()
        .unwrap_or_else(|| "US".to_owned())
}
