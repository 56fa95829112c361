use issuing_model::dates::{iso_date, parse_iso_date};
use issuing_model::CardListQuery;
use leptos::prelude::*;

use crate::i18n::{t, use_locale, InWords, Texts};

type Label = fn(&Texts) -> &'static str;

/// The list's filters. Choices apply at once; typed fields apply on Enter or "Apply". Checked
/// with the same rules as the server before the URL changes.
#[component]
pub fn CardFilters(
    query: CardListQuery,
    #[prop(into)] on_apply: Callback<CardListQuery>,
) -> impl IntoView {
    let status = RwSignal::new(
        query
            .status
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    );
    let kind = RwSignal::new(
        query
            .kind
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    );
    let cardholder = RwSignal::new(query.cardholder.clone().unwrap_or_default());
    let cardholder_name = RwSignal::new(query.cardholder_name.clone().unwrap_or_default());
    let last4 = RwSignal::new(query.last4.clone().unwrap_or_default());
    let from = RwSignal::new(query.created_gte.map(iso_date).unwrap_or_default());
    let to = RwSignal::new(query.created_lte.map(iso_date).unwrap_or_default());
    let limit = RwSignal::new(
        query
            .limit
            .unwrap_or(issuing_model::api::DEFAULT_PAGE_SIZE)
            .to_string(),
    );
    let error = RwSignal::new(None::<issuing_model::Violation>);

    let apply = move || {
        let text = |s: RwSignal<String>| {
            Some(s.get_untracked().trim().to_owned()).filter(|v| !v.is_empty())
        };
        let next = CardListQuery {
            status: text(status).map(|s| s.parse().unwrap_or_else(|n| match n {})),
            kind: text(kind).map(|s| s.parse().unwrap_or_else(|n| match n {})),
            cardholder: text(cardholder),
            cardholder_name: text(cardholder_name),
            last4: text(last4),
            created_gte: text(from).and_then(|d| parse_iso_date(&d)),
            // The end day is inclusive: up to its last second.
            created_lte: text(to)
                .and_then(|d| parse_iso_date(&d))
                .map(|t| t + 86_399),
            // The default page size stays out of the URL.
            limit: text(limit)
                .and_then(|v| v.parse().ok())
                .filter(|n| *n != issuing_model::api::DEFAULT_PAGE_SIZE),
            ..CardListQuery::default()
        };
        match next.validate().into_iter().next() {
            Some(v) => error.set(Some(v)),
            None => {
                error.set(None);
                on_apply.run(next);
            }
        }
    };
    // Labels are looked up as they render, so a language switch relabels the filters in place.
    let select = |label: Label,
                  name: &'static str,
                  value: RwSignal<String>,
                  options: &'static [(&'static str, Label)]| {
        view! {
            <label class="ia-field">
                <span>{move || label(t())}</span>
                <select
                    name=name
                    prop:value=move || value.get()
                    on:change=move |ev| {
                        value.set(event_target_value(&ev));
                        apply();
                    }
                >
                    {options.iter().map(|(v, l)| view! { <option value=*v>{move || l(t())}</option> }).collect_view()}
                </select>
            </label>
        }
    };
    // A rule broken by one field is shown at it (Stripe's parameter names the field).
    let param_of = |name: &str| {
        match name {
            "created_gte" => "created[gte]",
            "created_lte" => "created[lte]",
            other => other,
        }
        .to_owned()
    };
    let error_at = move |name: &'static str| {
        let param = param_of(name);
        Signal::derive(move || {
            error
                .get()
                .filter(|v| v.param == param)
                .map(|v| v.in_words(use_locale()))
        })
    };
    let input = move |label: Label,
                      name: &'static str,
                      kind: &'static str,
                      value: RwSignal<String>| {
        let message = error_at(name);
        let message_id = format!("filter-{name}-error");
        view! {
            <label class="ia-field" data-field=name>
                <span>{move || label(t())}</span>
                <input
                    type=kind
                    name=name
                    prop:value=move || value.get()
                    aria-invalid=move || message.get().is_some().to_string()
                    aria-describedby=message_id.clone()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
                {move || message.get().map(|m| view! { <span id=message_id.clone() class="ia-field-error" role="alert">{m}</span> })}
            </label>
        }
    };
    let field_names = [
        "status",
        "type",
        "cardholder",
        "cardholder_name",
        "last4",
        "created[gte]",
        "created[lte]",
        "limit",
    ];
    view! {
        <form class="ia-filters" aria-label=move || t().filter_cards on:submit=move |ev| { ev.prevent_default(); apply(); }>
            {select(|t| t.status, "status", status, &[("", |t| t.any_status), ("active", |t| t.status_active), ("inactive", |t| t.status_frozen), ("canceled", |t| t.status_canceled)])}
            {select(|t| t.card_type, "type", kind, &[("", |t| t.any_type), ("virtual", |t| t.virtual_card), ("physical", |t| t.physical_card)])}
            {input(|t| t.cardholder_name, "cardholder_name", "search", cardholder_name)}
            {input(|t| t.cardholder_id, "cardholder", "text", cardholder)}
            {input(|t| t.last4, "last4", "text", last4)}
            {input(|t| t.created_from, "created_gte", "date", from)}
            {input(|t| t.created_to, "created_lte", "date", to)}
            {select(|t| t.per_page, "limit", limit, &[("10", |_| "10"), ("25", |_| "25"), ("50", |_| "50"), ("100", |_| "100")])}
            <button type="submit" class="ia-button">{move || t().apply}</button>
            // What no field of the form stands for (a cursor from a hand-edited URL).
            {move || error.get().filter(|v| !field_names.contains(&v.param.as_str())).map(|v| view! { <p class="ia-field-error" role="alert">{move || v.in_words(use_locale())}</p> })}
        </form>
    }
}
