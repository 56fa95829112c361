//! Creating a cardholder, or editing one: validated as it is typed with Stripe's rules (the
//! model's), each error at its field, and nothing typed lost when the server refuses.

use issuing_model::{Cardholder, CardholderType, Rule};
use leptos::prelude::*;

use super::address::AddressFields;
use super::draft::HolderDraft;
use crate::api::ApiClient;
use crate::i18n::t;
use crate::ui::{unix_now, FormErrors, TextField};

#[component]
pub fn CardholderForm(
    account: String,
    /// The cardholder to edit; a new one if none.
    #[prop(optional)]
    existing: Option<Cardholder>,
    /// The account's country, for a new cardholder's address.
    #[prop(optional)]
    country: String,
    on_saved: Callback<Cardholder>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let draft = match &existing {
        Some(holder) => HolderDraft::of(holder),
        None => HolderDraft::new(&country),
    };
    let editing = existing.is_some();
    let original = StoredValue::new(existing);
    let found = Memo::new(move |_| match original.get_value() {
        None => draft.to_create().validate(unix_now()),
        Some(holder) => draft
            .to_update(&holder)
            .validate(&holder, unix_now())
            .into_iter()
            .filter(|v| v.rule != Rule::NothingToUpdate)
            .collect(),
    });
    let unchanged = Memo::new(move |_| {
        original
            .get_value()
            .is_some_and(|h| draft.to_update(&h) == Default::default())
    });
    let errors = FormErrors::new(found);
    let save = Action::new_local(move |_: &()| {
        let (api, account) = (api.clone(), account.clone());
        let (create, update) = match original.get_value() {
            None => (Some(draft.to_create()), None),
            Some(h) => (None, Some((h.id.clone(), draft.to_update(&h)))),
        };
        async move {
            match (create, update) {
                (Some(create), _) => api.create_cardholder(&account, &create).await,
                (None, Some((id, update))) => api.update_cardholder(&account, &id, &update).await,
                (None, None) => unreachable!("a form either creates or edits"),
            }
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(holder)) => on_saved.run(holder),
        Some(Err(e)) => errors.refuse(e),
        None => {}
    });
    let pending = save.pending();
    let individual = move || draft.kind.get() == CardholderType::Individual.as_str();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if errors.submit() && !unchanged.get_untracked() {
            save.dispatch(());
        }
    };
    let field = move |param: &'static str, label: crate::i18n::Label, value| {
        view! { <TextField param=param label=label value=value errors=errors /> }
    };
    view! {
        <form class="ia-form ia-cardholder-form" on:submit=submit novalidate data-form="cardholder">
            <h2>{move || if editing { t().edit_cardholder } else { t().new_cardholder }}</h2>
            <div class="ia-form-row">
                {(!editing).then(|| view! {
                    <div class="ia-field">
                        <label for="f-type">{move || t().cardholder_type}</label>
                        <select id="f-type" name="type" on:change=move |ev| draft.kind.set(event_target_value(&ev))>
                            <option value="individual">{move || t().individual}</option>
                            <option value="company">{move || t().company}</option>
                        </select>
                    </div>
                })}
                <TextField param="name" label=|t| t.name_on_card value=draft.name errors=errors
                    hint=|t| t.name_on_card_hint disabled=editing />
            </div>
            {move || individual().then(|| view! {
                <fieldset class="ia-fieldset">
                    <legend>{move || t().legal_name}</legend>
                    <p class="ia-hint">{move || t().legal_name_hint}</p>
                    <div class="ia-form-row">
                        {field("individual[first_name]", |t| t.first_name, draft.first_name)}
                        {field("individual[last_name]", |t| t.last_name, draft.last_name)}
                        <TextField param="individual[dob]" label=|t| t.date_of_birth value=draft.dob errors=errors input_type="date" />
                    </div>
                </fieldset>
            })}
            <div class="ia-form-row">
                <TextField param="email" label=|t| t.email value=draft.email errors=errors input_type="email" autocomplete="off" />
                <TextField param="phone_number" label=|t| t.phone_number value=draft.phone errors=errors input_type="tel"
                    hint=|t| t.phone_hint />
            </div>
            <fieldset class="ia-fieldset">
                <legend>{move || t().billing_address}</legend>
                <AddressFields prefix="billing[address]" draft=draft.address errors=errors />
            </fieldset>
            <div class="ia-field">
                <label for="f-status">{move || t().status}</label>
                <select id="f-status" name="status" on:change=move |ev| draft.status.set(event_target_value(&ev))>
                    <option value="active" selected=move || draft.status.get() == "active">{move || t().cardholder_active}</option>
                    <option value="inactive" selected=move || draft.status.get() == "inactive">{move || t().cardholder_inactive}</option>
                </select>
            </div>
            <p class="ia-field-error" role="alert">{move || errors.general()}</p>
            <div class="ia-actions">
                <button type="submit" class="ia-button" data-action="save-cardholder"
                    disabled=move || pending.get() || errors.has_errors() || unchanged.get()>
                    {move || match (pending.get(), editing) {
                        (true, _) => t().saving,
                        (false, true) => t().save_cardholder,
                        (false, false) => t().create_cardholder,
                    }}
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="ia-button ia-button-secondary" data-action="cancel"
                        on:click=move |_| cancel.run(())>
                        {move || t().cancel}
                    </button>
                })}
            </div>
        </form>
    }
}
