//! `/accounts/:account/activity`: every change made through the panel on one account, with
//! filters, pages and a CSV export of what the filters match.

use issuing_model::api::{AuditKind, AuditQuery, AUDIT_PAGE_SIZE};
use issuing_model::dates::{iso_date, parse_iso_date};
use issuing_model::AccountId;
use leptos::prelude::*;

use super::entries::AuditList;
use super::export;
use crate::api::{ApiClient, ApiError};
use crate::i18n::{t, use_locale, InWords, Label};
use crate::routes::{use_account, Page};
use crate::ui::unix_now;

#[component]
pub fn ActivityPage() -> impl IntoView {
    let account = use_account();
    let api = expect_context::<ApiClient>();
    // The account by its name, as the cards page calls it (its id until the list arrives).
    let accounts = LocalResource::new(move || {
        let api = api.clone();
        async move { api.accounts().await }
    });
    let name = move || {
        let id = account.get();
        accounts
            .get()
            .and_then(Result::ok)
            .and_then(|list| {
                list.data
                    .iter()
                    .find(|a| a.id == id)
                    .map(|a| a.display_name().to_owned())
            })
            .unwrap_or(id)
    };
    view! {
        <section class="ia-page" aria-labelledby="activity-title">
            <p>
                <a href=move || Page::Cards { account: &account.get() }.href()>{move || t().back_to_cards}</a>
            </p>
            <h1 id="activity-title">{move || (t().activity_title)(&name())}</h1>
            <p class="ia-hint">{move || t().activity_intro}</p>
            {move || match account.get().parse::<AccountId>() {
                Ok(id) => view! { <Activity account=id /> }.into_any(),
                Err(_) => view! { <p class="ia-field-error" role="alert">{move || t().err_not_found}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Activity(account: AccountId) -> impl IntoView {
    let first = AuditQuery {
        account: Some(account.clone()),
        limit: Some(AUDIT_PAGE_SIZE),
        ..AuditQuery::default()
    };
    let query = RwSignal::new(first.clone());
    let filters = view! { <ActivityFilters first=first on_apply=move |q| query.set(q) /> };
    view! {
        {filters}
        <ExportButton query=query account=account.to_string() />
        <AuditList query=query changed=Signal::stored(0) empty=|| t().activity_empty />
    }
}

/// Kind applies at once; typed fields on Enter or "Apply". Checked with the server's rules
/// before anything is asked.
#[component]
fn ActivityFilters(
    first: AuditQuery,
    #[prop(into)] on_apply: Callback<AuditQuery>,
) -> impl IntoView {
    let kind = RwSignal::new(String::new());
    let operator = RwSignal::new(String::new());
    let object = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let error = RwSignal::new(None::<issuing_model::Violation>);
    let first = StoredValue::new(first);
    let apply = move || {
        let text = |s: RwSignal<String>| {
            Some(s.get_untracked().trim().to_owned()).filter(|v| !v.is_empty())
        };
        let next = AuditQuery {
            kind: text(kind).and_then(|k| AuditKind::parse(&k)),
            operator: text(operator),
            object: text(object),
            created_gte: text(from).and_then(|d| parse_iso_date(&d)),
            // The end day is inclusive: up to its last second.
            created_lte: text(to)
                .and_then(|d| parse_iso_date(&d))
                .map(|t| t + 86_399),
            ..first.get_value()
        };
        match next.validate().into_iter().next() {
            Some(v) => error.set(Some(v)),
            None => {
                error.set(None);
                on_apply.run(next);
            }
        }
    };
    let input = move |label: Label,
                      name: &'static str,
                      kind: &'static str,
                      value: RwSignal<String>| {
        let message = Signal::derive(move || {
            error
                .get()
                .filter(|v| v.param == name)
                .map(|v| v.in_words(use_locale()))
        });
        let message_id = format!("audit-{name}-error");
        view! {
            <label class="ia-field" data-field=name>
                <span>{move || label(t())}</span>
                <input
                    type=kind
                    name=name
                    prop:value=move || value.get()
                    max=(kind == "date").then(|| iso_date(unix_now()))
                    aria-invalid=move || message.get().is_some().to_string()
                    aria-describedby=message_id.clone()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
                {move || message.get().map(|m| view! { <span id=message_id.clone() class="ia-field-error" role="alert">{m}</span> })}
            </label>
        }
    };
    view! {
        <form class="ia-filters" aria-label=move || t().audit_filters on:submit=move |ev| { ev.prevent_default(); apply(); }>
            <label class="ia-field">
                <span>{move || t().audit_kind}</span>
                <select name="kind" prop:value=move || kind.get() on:change=move |ev| { kind.set(event_target_value(&ev)); apply(); }>
                    <option value="">{move || t().any_kind}</option>
                    {AuditKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str()>{move || (t().audit_kind_label)(k.as_str())}</option>
                    }).collect_view()}
                </select>
            </label>
            {input(|t| t.audit_operator_filter, "operator", "text", operator)}
            {input(|t| t.audit_object_filter, "object", "text", object)}
            {input(|t| t.audit_from, "created_gte", "date", from)}
            {input(|t| t.audit_to, "created_lte", "date", to)}
            <button type="submit" class="ia-button">{move || t().apply}</button>
        </form>
    }
}

/// Downloads what the filters match, every page of it; says so while it runs and if it fails.
#[component]
fn ExportButton(query: RwSignal<AuditQuery>, account: String) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let run = Action::new_local(move |(): &()| {
        let (api, query, locale) = (api.clone(), query.get_untracked(), untrack(use_locale));
        let name = format!("activity-{account}-{}.csv", iso_date(unix_now()));
        async move { export::download(&api, &query, locale, &name).await }
    });
    let failed = move || run.value().get().and_then(Result::err);
    view! {
        <div class="ia-toolbar">
            <span class="ia-spacer"></span>
            <button type="button" class="ia-button ia-button-secondary" data-action="export" disabled=move || run.pending().get() on:click=move |_| { run.dispatch(()); }>
                {move || if run.pending().get() { t().exporting } else { t().export_csv }}
            </button>
        </div>
        {move || failed().map(|e: ApiError| view! { <p class="ia-field-error" role="alert">{move || (t().export_failed)(&e.text())}</p> })}
    }
}
