//! Charging one token: the amount is checked as it is typed against what is left (and against
//! the token's state), so a charge that must fail is never sent. Each result is listed.

use issuing_model::api::ChargeRequest;
use issuing_model::money::{format_amount, parse_amount};
use issuing_model::rules::check_charge;
use issuing_model::GrantedToken;
use leptos::prelude::*;

use crate::api::{ApiClient, ApiError};
use crate::i18n::{amount_in_words, t, use_locale, InWords};
use crate::ui::Modal;
use crate::ui::CURRENCIES;
use crate::ui::{AmountField, AmountInput};

/// One charge made from this page, kept for the operator to see (and worded as it is shown,
/// so a language switch rewords it).
#[derive(Clone, PartialEq)]
pub struct ChargeOutcome {
    pub token: String,
    pub ok: bool,
    result: Result<issuing_model::PaymentIntent, ApiError>,
}

impl ChargeOutcome {
    /// The outcome in the current language (tracked).
    pub fn text(&self) -> String {
        let t = t();
        match &self.result {
            Ok(intent) => (t.charged)(
                &format_amount(intent.amount, &intent.currency),
                &intent.id,
                &(t.payment_status)(intent.status.as_str()),
            ),
            Err(e) => (t.refused)(&e.text()),
        }
    }
}

#[component]
pub fn ChargeForm(
    account: String,
    token: GrantedToken,
    now: ReadSignal<i64>,
    /// Called after a charge Stripe accepted.
    on_charged: Callback<()>,
    outcomes: RwSignal<Vec<ChargeOutcome>>,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let amount = AmountField::new();
    // A token with limits is charged in their currency; one without takes the operator's choice.
    let fixed_currency = token.usage_limits.as_ref().map(|l| l.currency.clone());
    let currency = RwSignal::new(
        fixed_currency
            .clone()
            .or_else(|| token.currency().map(str::to_owned))
            .unwrap_or_else(|| CURRENCIES[0].to_owned()),
    );
    let token = StoredValue::new(token);
    // The amount in the minor unit, or why it cannot be charged.
    let checked = {
        Memo::new(move |_| {
            let locale = use_locale();
            let currency = currency.get();
            let minor =
                parse_amount(&amount.text.get(), &currency).map_err(|e| e.in_words(locale))?;
            token
                .with_value(|t| check_charge(t, minor, &currency, now.get()))
                .map_err(|v| v.in_words(locale))?;
            Ok::<i64, String>(minor)
        })
    };
    let error = move || amount.message(checked);
    let charge = {
        Action::new_local(move |minor: &i64| {
            let (api, account, currency, minor) = (
                api.clone(),
                account.clone(),
                currency.get_untracked(),
                *minor,
            );
            let id = token.with_value(|t| t.id.clone());
            async move {
                let request = ChargeRequest {
                    amount: minor,
                    currency: currency.clone(),
                };
                (id.clone(), api.charge_token(&account, &id, &request).await)
            }
        })
    };
    Effect::new(move |_| {
        let Some((id, result)) = charge.value().get() else {
            return;
        };
        match result {
            Ok(intent) => {
                outcomes.update(|o| {
                    o.insert(
                        0,
                        ChargeOutcome {
                            token: id,
                            ok: true,
                            result: Ok(intent),
                        },
                    )
                });
                amount.reset();
                on_charged.run(());
            }
            Err(e) => {
                // The typed amount stays, so the operator can correct it.
                outcomes.update(|o| {
                    o.insert(
                        0,
                        ChargeOutcome {
                            token: id,
                            ok: false,
                            result: Err(e.clone()),
                        },
                    )
                });
                amount.refuse(e);
            }
        }
    });
    let pending = charge.pending();
    // Money leaves a customer here: the amount is confirmed in the currency's words first.
    let dialog = Modal::new();
    let confirming = RwSignal::new(None::<i64>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        amount.submitted();
        if let Ok(minor) = checked.get_untracked() {
            confirming.set(Some(minor));
            dialog.open();
        }
    };
    let close = move || dialog.close();
    let confirm = move |_| {
        let minor = confirming.get_untracked();
        close();
        if let Some(minor) = minor {
            amount.sending();
            charge.dispatch(minor);
        }
    };
    let confirm_token = token.with_value(|t| t.id.clone());
    let confirm_text = Memo::new(move |_| {
        let minor = confirming.get()?;
        let locale = use_locale();
        let confirm_currency = currency.get();
        let money = format_amount(minor, &confirm_currency);
        Some((
            (t().charge_confirm)(
                &money,
                &amount_in_words(minor, &confirm_currency, locale),
                &confirm_token,
            ),
            (t().charge_confirm_yes)(&money),
        ))
    });
    let token_id = token.with_value(|t| t.id.clone());
    let token_attr = token_id.clone();
    let left = token.with_value(|t| t.remaining());
    let left_text = move || match left {
        Some(left) => (t().left_on_token)(&format_amount(left, &currency.get())),
        None => t().no_token_limit.to_owned(),
    };
    let code = move || currency.get().to_ascii_uppercase();
    let choose_currency = fixed_currency.is_none().then(|| {
        view! {
            <div class="ia-field">
                <label for="charge-currency">{move || t().currency}</label>
                <select id="charge-currency" name="currency" on:change=move |ev| currency.set(event_target_value(&ev))>
                    {CURRENCIES.iter().map(|c| view! { <option value=*c selected=move || currency.get() == *c>{c.to_ascii_uppercase()}</option> }).collect_view()}
                </select>
            </div>
        }
    });
    view! {
        <form class="ia-form ia-charge" on:submit=submit novalidate data-token=token_attr>
            <h2>{move || t().charge_title} <code>{token_id}</code></h2>
            <p class="ia-muted">{left_text}</p>
            {choose_currency}
            <div class="ia-field">
                <label for="charge-amount">{move || (t().amount_in)(&code())}</label>
                <AmountInput
                    field=amount
                    id="charge-amount"
                    name="amount"
                    described_by="charge-amount-error"
                    invalid=Signal::derive(move || error().is_some())
                />
                <p id="charge-amount-error" class="ia-field-error" role="alert">{error}</p>
            </div>
            <button
                type="submit"
                class="ia-button"
                data-action="charge"
                disabled=move || pending.get() || checked.get().is_err()
            >
                {move || if pending.get() { t().charging } else { t().charge }}
            </button>
            <dialog node_ref=dialog.0 class="ia-dialog" aria-labelledby="charge-confirm-title" on:close=move |_| {
                // A close that arrives after the dialog was shown again is not this one's.
                if !dialog.is_open() {
                    confirming.set(None);
                }
            }>
                <h2 id="charge-confirm-title">{move || t().charge_confirm_title}</h2>
                <p data-field="confirm">{move || confirm_text.get().map(|(text, _)| text)}</p>
                <div class="ia-dialog-buttons">
                    <button type="button" class="ia-button ia-button-secondary" data-action="charge-back" on:click=move |_| close()>
                        {move || t().go_back}
                    </button>
                    <button type="button" class="ia-button" data-action="confirm-charge" on:click=confirm>
                        {move || confirm_text.get().map(|(_, yes)| yes)}
                    </button>
                </div>
            </dialog>
        </form>
    }
}
