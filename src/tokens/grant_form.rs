//! A test helper: grant a token to this account as an agent would, to try the flow without one.
//! Offered only in test mode, to operators who may edit.

use issuing_model::api::GrantTokenRequest;
use issuing_model::money::parse_amount;
use issuing_model::rules::TEST_PAYMENT_METHODS;
use issuing_model::GrantedToken;
use leptos::prelude::*;

use crate::api::ApiClient;
use crate::i18n::{t, use_locale, InWords, Label};
use crate::ui::{unix_now, AmountField, AmountInput, CURRENCIES};
use issuing_model::wire::card::brand_name;

/// Expiry choices: label and seconds from now (none: no expiry).
const EXPIRIES: &[(Label, Option<i64>)] = &[
    (|t| t.expiry_never, None),
    (|t| t.expiry_minute, Some(60)),
    (|t| t.expiry_10_minutes, Some(600)),
    (|t| t.expiry_hour, Some(3_600)),
    (|t| t.expiry_day, Some(86_400)),
];

#[component]
pub fn GrantForm(account: String, on_granted: Callback<GrantedToken>) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let payment_method = RwSignal::new(TEST_PAYMENT_METHODS[0].0.to_owned());
    let currency = RwSignal::new("jpy".to_owned());
    let max_amount = AmountField::new();
    let expiry = RwSignal::new(0usize);

    let request = Memo::new(move |_| {
        let (currency, locale) = (currency.get(), use_locale());
        let max =
            parse_amount(&max_amount.text.get(), &currency).map_err(|e| e.in_words(locale))?;
        let request = GrantTokenRequest {
            payment_method: payment_method.get(),
            currency,
            max_amount: max,
            expires_at: EXPIRIES[expiry.get()].1.map(|s| unix_now() + s),
        };
        match request.validate(unix_now()).into_iter().next() {
            Some(v) => Err(v.in_words(locale)),
            None => Ok(request),
        }
    });
    let grant = Action::new_local(move |request: &GrantTokenRequest| {
        let (api, account, request) = (api.clone(), account.clone(), request.clone());
        async move { api.grant_token(&account, &request).await }
    });
    Effect::new(move |_| match grant.value().get() {
        Some(Ok(token)) => {
            max_amount.reset();
            on_granted.run(token);
        }
        Some(Err(e)) => max_amount.refuse(e),
        None => {}
    });
    let error = move || max_amount.message(request);
    let pending = grant.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        max_amount.submitted();
        if let Ok(mut r) = request.get_untracked() {
            // The expiry counts from now, not from the last keystroke.
            r.expires_at = EXPIRIES[expiry.get_untracked()].1.map(|s| unix_now() + s);
            max_amount.sending();
            grant.dispatch(r);
        }
    };
    view! {
        <form class="ia-form ia-grant" on:submit=submit novalidate>
            <h2>{move || t().grant_title}</h2>
            <p class="ia-muted">{move || t().grant_hint}</p>
            <div class="ia-form-row">
                <div class="ia-field">
                    <label for="grant-pm">{move || t().payment_method}</label>
                    <select id="grant-pm" name="payment_method" on:change=move |ev| payment_method.set(event_target_value(&ev))>
                        {TEST_PAYMENT_METHODS.iter().map(|(id, brand, last4)| view! {
                            <option value=*id>{format!("{} •••• {last4}", brand_name(brand))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="ia-field">
                    <label for="grant-currency">{move || t().currency}</label>
                    <select id="grant-currency" name="currency" on:change=move |ev| currency.set(event_target_value(&ev))>
                        {CURRENCIES.iter().map(|c| view! { <option value=*c>{c.to_ascii_uppercase()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="ia-field">
                    <label for="grant-max">{move || (t().max_amount)(&currency.get().to_ascii_uppercase())}</label>
                    <AmountInput
                        field=max_amount
                        id="grant-max"
                        name="max_amount"
                        described_by="grant-error"
                        invalid=Signal::derive(move || error().is_some())
                    />
                </div>
                <div class="ia-field">
                    <label for="grant-expiry">{move || t().expires}</label>
                    <select id="grant-expiry" name="expires" on:change=move |ev| {
                        expiry.set(event_target_value(&ev).parse().unwrap_or(0));
                    }>
                        {EXPIRIES.iter().enumerate().map(|(i, (label, _))| view! {
                            <option value=i.to_string()>{move || label(t())}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <p id="grant-error" class="ia-field-error" role="alert">{error}</p>
            <button type="submit" class="ia-button" data-action="grant" disabled=move || pending.get() || request.get().is_err()>
                {move || if pending.get() { t().granting } else { t().grant_token }}
            </button>
        </form>
    }
}
