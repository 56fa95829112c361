//! Issuing a card to a cardholder — virtual or physical (shipped to their billing address
//! unless told otherwise) — or a replacement for one of their cards, with the reason. Checked
//! as typed with Stripe's rules (the model's), against the cardholder and the old card.

use issuing_model::{
    CardCreate, CardStatus, CardType, Cardholder, IssuingCard, ReplacementReason, ShippingParams,
    ShippingService,
};
use leptos::prelude::*;

use super::address::{AddressDraft, AddressFields};
use crate::api::ApiClient;
use crate::i18n::t;
use crate::ui::{FormErrors, TextField};

#[component]
pub fn IssueCardForm(
    account: String,
    holder: Cardholder,
    /// The card the new one replaces, if any: the new one is of its type.
    #[prop(optional)]
    replacing: Option<IssuingCard>,
    on_issued: Callback<IssuingCard>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    // The account's Issuing currency: what Stripe issues its cards in.
    let currency = super::account_currency(api.clone(), account.clone());
    let kind = RwSignal::new(
        replacing
            .as_ref()
            .map_or(CardType::Virtual, |c| c.kind.clone()),
    );
    let activate = RwSignal::new(replacing.is_none());
    let reason = RwSignal::new(ReplacementReason::Lost.to_string());
    let service = RwSignal::new(ShippingService::Standard.to_string());
    // Shipped where the old card went, else to the billing address, to the legal name.
    let (ship_name, ship_to) = match replacing.as_ref().and_then(|c| c.shipping.clone()) {
        Some(s) => (s.name, s.address),
        None => {
            let legal = holder.individual.as_ref().and_then(|i| {
                Some(format!(
                    "{} {}",
                    i.first_name.as_ref()?,
                    i.last_name.as_ref()?
                ))
            });
            (
                legal.unwrap_or_else(|| holder.name.clone()),
                holder.billing.address.clone(),
            )
        }
    };
    let ship_name = RwSignal::new(ship_name);
    let address = AddressDraft::of(&ship_to, "");
    let holder = StoredValue::new(holder);
    let replacing = StoredValue::new(replacing);
    let request = Memo::new(move |_| {
        let physical = kind.get() == CardType::Physical;
        CardCreate {
            cardholder: holder.with_value(|h| h.id.clone()),
            currency: currency.get().flatten().unwrap_or_default(),
            kind: kind.get(),
            status: Some(if activate.get() {
                CardStatus::Active
            } else {
                CardStatus::Inactive
            }),
            spending_controls: None,
            shipping: physical.then(|| ShippingParams {
                name: ship_name.get().trim().to_owned(),
                address: address.get(),
                service: Some(service.get().parse().unwrap_or_else(|n| match n {})),
            }),
            replacement_for: replacing.with_value(|r| r.as_ref().map(|c| c.id.clone())),
            replacement_reason: replacing.with_value(|r| {
                r.as_ref()
                    .map(|_| reason.get().parse().unwrap_or_else(|n| match n {}))
            }),
            metadata: Default::default(),
        }
    });
    let found = Memo::new(move |_| {
        let r = request.get();
        let mut found = r.validate();
        // The currency is the account's: only its absence (still loading) is not a fault.
        found.retain(|v| v.param != "currency");
        if !r.currency.is_empty() {
            found.extend(holder.with_value(|h| {
                replacing.with_value(|old| r.validate_for(h, &r.currency, old.as_ref()))
            }));
        }
        found
    });
    let errors = FormErrors::new(found);
    let issue = Action::new_local(move |r: &CardCreate| {
        let (api, account, r) = (api.clone(), account.clone(), r.clone());
        async move { api.issue_card(&account, &r).await }
    });
    Effect::new(move |_| match issue.value().get() {
        Some(Ok(card)) => on_issued.run(card),
        Some(Err(e)) => errors.refuse(e),
        None => {}
    });
    let pending = issue.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ready = !request.with_untracked(|r| r.currency.is_empty());
        if errors.submit() && ready {
            issue.dispatch(request.get_untracked());
        }
    };
    let is_replacement = replacing.with_value(Option::is_some);
    let physical = move || kind.get() == CardType::Physical;
    view! {
        <form class="ia-form ia-issue-form" on:submit=submit novalidate data-form="issue-card">
            <h2>{move || if is_replacement { t().replace_card } else { t().issue_card }}</h2>
            {is_replacement.then(|| view! {
                <div class="ia-field">
                    <label for="f-replacement_reason">{move || t().replacement_reason_label}</label>
                    <select id="f-replacement_reason" name="replacement_reason" on:change=move |ev| reason.set(event_target_value(&ev))>
                        {["lost", "stolen", "damaged", "expired"].into_iter().map(|r| view! {
                            <option value=r>{move || (t().replacement_reason)(r)}</option>
                        }).collect_view()}
                    </select>
                    <p class="ia-hint">{move || if matches!(reason.get().as_str(), "lost" | "stolen") { t().replace_cancels_now } else { t().replace_cancels_on_activation }}</p>
                </div>
            })}
            {(!is_replacement).then(|| view! {
                <fieldset class="ia-fieldset">
                    <legend>{move || t().card_type}</legend>
                    <label><input type="radio" name="type" value="virtual" checked=move || !physical()
                        on:change=move |_| kind.set(CardType::Virtual) /> {move || t().virtual_card}</label>
                    <label><input type="radio" name="type" value="physical" checked=physical
                        on:change=move |_| kind.set(CardType::Physical) /> {move || t().physical_card}</label>
                </fieldset>
            })}
            {move || physical().then(|| view! {
                <fieldset class="ia-fieldset">
                    <legend>{move || t().shipping_address}</legend>
                    <div class="ia-form-row">
                        <TextField param="shipping[name]" label=|t| t.ship_to_name value=ship_name errors=errors />
                        <div class="ia-field">
                            <label for="f-shipping-service">{move || t().shipping_service}</label>
                            <select id="f-shipping-service" name="shipping[service]" on:change=move |ev| service.set(event_target_value(&ev))>
                                {["standard", "express", "priority"].into_iter().map(|s| view! {
                                    <option value=s>{move || (t().shipping_service_name)(s)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    </div>
                    <AddressFields prefix="shipping[address]" draft=address errors=errors />
                </fieldset>
            })}
            <label class="ia-check">
                <input type="checkbox" name="activate" prop:checked=move || activate.get()
                    on:change=move |ev| activate.set(event_target_checked(&ev)) />
                {move || t().activate_now}
            </label>
            <p class="ia-field-error" role="alert">{move || errors.at("status").or_else(|| errors.at("cardholder")).or_else(|| errors.at("replacement_for")).or_else(|| errors.general())}</p>
            <div class="ia-actions">
                <button type="submit" class="ia-button" data-action="confirm-issue" disabled=move || pending.get() || errors.has_errors()>
                    {move || match (pending.get(), is_replacement) {
                        (true, _) => t().issuing,
                        (false, true) => t().replace_card,
                        (false, false) => t().issue_card,
                    }}
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="ia-button ia-button-secondary" data-action="cancel" on:click=move |_| cancel.run(())>
                        {move || t().cancel}
                    </button>
                })}
            </div>
        </form>
    }
}
