use std::sync::Arc;

use issuing_model::SpendingInterval;
use leptos::html::Input;
use leptos::prelude::*;
use reactive_stores::Field;

use super::{Errors, Fields, FormStoreFields, Row, RowStoreFields};
use crate::i18n::{t, Label};
use crate::ui::{Choice, MultiSelect};

/// The intervals Stripe offers, in the words the summary uses.
pub(crate) const INTERVALS: [(&str, Label); 6] = [
    ("per_authorization", |t| t.per_authorization),
    ("daily", |t| t.per_day),
    ("weekly", |t| t.per_week),
    ("monthly", |t| t.per_month),
    ("yearly", |t| t.per_year),
    ("all_time", |t| t.in_total),
];

#[component]
pub(super) fn LimitRows(
    fields: Fields,
    errors: Errors,
    currency: Memo<String>,
    choices: Memo<Arc<Vec<Choice>>>,
) -> impl IntoView {
    view! {
        {move || fields.0.limits().with(Vec::is_empty).then(|| view! {
            <p class="ia-hint">{move || t().no_limits_hint}</p>
        })}
        <For each=move || fields.0.limits() key=|row| row.key() let:row>
            <LimitRowEditor row=row.into() fields=fields errors=errors currency=currency choices=choices />
        </For>
    }
}

#[component]
fn LimitRowEditor(
    row: Field<Row>,
    fields: Fields,
    errors: Errors,
    currency: Memo<String>,
    choices: Memo<Arc<Vec<Choice>>>,
) -> impl IntoView {
    let key = row.key().get_untracked();
    let index = Memo::new(move |_| {
        fields
            .0
            .limits()
            .with(|rows| rows.iter().position(|r| r.key == key).unwrap_or(0))
    });
    let param = move |what: &str| {
        format!(
            "spending_controls[spending_limits][{}][{what}]",
            index.get()
        )
    };
    let amount_error = Signal::derive(move || errors.at(&param("amount")));
    let interval_error = Signal::derive(move || errors.at(&param("interval")));
    let categories_error = Signal::derive(move || errors.at(&param("categories")));
    let amount_id = format!("ia-limit-{key}-amount");
    let error_id = format!("{amount_id}-error");
    let input = NodeRef::<Input>::new();
    if row.fresh().get_untracked() {
        Effect::new(move |_| {
            if let Some(el) = input.get() {
                let _ = el.focus();
            }
        });
    }
    // An interval Stripe added after this build still shows, and is sent back unchanged.
    let unknown_interval = row.interval().with_untracked(|i| match i {
        SpendingInterval::Other(other) => Some(other.clone()),
        _ => None,
    });
    view! {
        <div class="ia-limit" role="group" data-limit-row=move || index.get() aria-label=move || (t().limit_n)(index.get() + 1)>
            <div class="ia-field ia-limit-amount" class:ia-invalid=move || amount_error.with(Option::is_some)>
                <label for=amount_id.clone()>{move || t().amount}</label>
                <span class="ia-amount">
                    <span class="ia-currency" aria-hidden="true">{move || currency.get().to_uppercase()}</span>
                    <input
                        id=amount_id
                        node_ref=input
                        name="amount"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-invalid=move || amount_error.with(Option::is_some).to_string()
                        aria-describedby={
                            let error_id = error_id.clone();
                            move || amount_error.with(Option::is_some).then(|| error_id.clone())
                        }
                        prop:value=move || row.amount().get()
                        on:input=move |ev| row.amount().set(event_target_value(&ev))
                    />
                </span>
                {move || amount_error.get().map(|e| view! { <p id=error_id.clone() class="ia-field-error" role="alert">{e}</p> })}
            </div>
            <label class="ia-field ia-limit-interval">
                <span>{move || t().interval}</span>
                <select
                    name="interval"
                    on:change=move |ev| row.interval().set(event_target_value(&ev).parse().unwrap_or_else(|n| match n {}))
                >
                    {INTERVALS
                        .into_iter()
                        .map(|(value, label)| view! {
                            <option value=value selected=move || row.interval().with(|i| i.as_str() == value)>{move || label(t())}</option>
                        })
                        .collect_view()}
                    {unknown_interval.map(|other| view! { <option value=other.clone() selected>{other.clone()}</option> })}
                </select>
                {move || interval_error.get().map(|e| view! { <p class="ia-field-error" role="alert">{e}</p> })}
            </label>
            <MultiSelect
                label=Signal::derive(move || t().only_these_categories.to_owned())
                field="limit_categories".to_owned()
                choices=choices
                selected=row.categories().into()
                error=categories_error
            />
            <button
                type="button"
                class="ia-button ia-button-secondary ia-limit-remove"
                data-action="remove-limit"
                aria-label=move || (t().remove_limit)(index.get() + 1)
                on:click=move |_| fields.remove_limit(key)
            >
                {move || t().remove}
            </button>
        </div>
    }
}
