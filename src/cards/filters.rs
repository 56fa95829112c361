use issuing_model::describe::{iso_date, parse_iso_date};
use issuing_model::CardListQuery;
use leptos::prelude::*;

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
    let last4 = RwSignal::new(query.last4.clone().unwrap_or_default());
    let from = RwSignal::new(query.created_gte.map(iso_date).unwrap_or_default());
    let to = RwSignal::new(query.created_lte.map(iso_date).unwrap_or_default());
    let limit = RwSignal::new(
        query
            .limit
            .unwrap_or(issuing_model::card_query::DEFAULT_PAGE_SIZE)
            .to_string(),
    );
    let error = RwSignal::new(None::<String>);

    let apply = move || {
        let text = |s: RwSignal<String>| {
            Some(s.get_untracked().trim().to_owned()).filter(|v| !v.is_empty())
        };
        let next = CardListQuery {
            status: text(status).map(|s| s.parse().unwrap_or_else(|n| match n {})),
            kind: text(kind).map(|s| s.parse().unwrap_or_else(|n| match n {})),
            cardholder: text(cardholder),
            last4: text(last4),
            created_gte: text(from).and_then(|d| parse_iso_date(&d)),
            // The end day is inclusive: up to its last second.
            created_lte: text(to)
                .and_then(|d| parse_iso_date(&d))
                .map(|t| t + 86_399),
            // The default page size stays out of the URL.
            limit: text(limit)
                .and_then(|v| v.parse().ok())
                .filter(|n| *n != issuing_model::card_query::DEFAULT_PAGE_SIZE),
            ..CardListQuery::default()
        };
        match next.validate().into_iter().next() {
            Some(v) => error.set(Some(v.message)),
            None => {
                error.set(None);
                on_apply.run(next);
            }
        }
    };
    let select = |label: &'static str,
                  name: &'static str,
                  value: RwSignal<String>,
                  options: &'static [(&'static str, &'static str)]| {
        view! {
            <label class="ia-field">
                <span>{label}</span>
                <select
                    name=name
                    prop:value=move || value.get()
                    on:change=move |ev| {
                        value.set(event_target_value(&ev));
                        apply();
                    }
                >
                    {options.iter().map(|(v, l)| view! { <option value=*v>{*l}</option> }).collect_view()}
                </select>
            </label>
        }
    };
    let input = |label: &'static str,
                 name: &'static str,
                 kind: &'static str,
                 value: RwSignal<String>| {
        view! {
            <label class="ia-field">
                <span>{label}</span>
                <input type=kind name=name prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
            </label>
        }
    };
    view! {
        <form class="ia-filters" aria-label="Filter cards" on:submit=move |ev| { ev.prevent_default(); apply(); }>
            {select("Status", "status", status, &[("", "Any status"), ("active", "Active"), ("inactive", "Frozen"), ("canceled", "Canceled")])}
            {select("Type", "type", kind, &[("", "Any type"), ("virtual", "Virtual"), ("physical", "Physical")])}
            {input("Cardholder id", "cardholder", "text", cardholder)}
            {input("Last 4 digits", "last4", "text", last4)}
            {input("Created from", "created_gte", "date", from)}
            {input("Created to", "created_lte", "date", to)}
            {select("Per page", "limit", limit, &[("10", "10"), ("25", "25"), ("50", "50"), ("100", "100")])}
            <button type="submit" class="ia-button">"Apply"</button>
            {move || error.get().map(|m| view! { <p class="ia-field-error" role="alert">{m}</p> })}
        </form>
    }
}
