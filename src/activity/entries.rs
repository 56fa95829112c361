//! A page of audit entries as a table, with Previous and Next.

use issuing_model::api::{AuditEntry, AuditQuery};
use issuing_model::List;
use issuing_words::entry_in_words;
use leptos::prelude::*;

use crate::api::ApiClient;
use crate::i18n::{local_time, t, use_locale};
use crate::routes::Page;
use crate::ui::{Cursor, Fetched, Loaded, Pager, PagerNav};

/// The entries `query` asks for; fetched again when it changes or `changed` does (something
/// was just done that the trail now records).
#[component]
pub fn AuditList(
    query: RwSignal<AuditQuery>,
    #[prop(into)] changed: Signal<usize>,
    /// Said when there is nothing to list.
    empty: fn() -> &'static str,
    /// Whether to show each entry's object (not in one object's own history).
    #[prop(default = true)]
    show_object: bool,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let fetched = Fetched::new(move || {
        changed.track();
        let (api, query) = (api.clone(), query.get());
        async move { api.audit(&query).await }
    });
    let page = move |list: List<AuditEntry>| {
        let asked = query.get_untracked();
        let pager = Pager::of(
            asked.ending_before.is_some(),
            asked.starting_after.is_some(),
            &list,
            |e| e.id.as_str(),
        );
        let go = move |cursor: Cursor| {
            query.update(|q| {
                q.starting_after = None;
                q.ending_before = None;
                match cursor {
                    Cursor::EndingBefore(id) => q.ending_before = Some(id),
                    Cursor::StartingAfter(id) => q.starting_after = Some(id),
                }
            });
        };
        view! {
            <AuditTable entries=list.data show_object=show_object />
            <PagerNav pager=pager label=|| t().audit_pages go=go />
        }
    };
    view! {
        <Loaded
            fetched=fetched
            loading=|| t().activity_loading
            failed=|| t().activity_failed
            is_empty=|list| list.data.is_empty()
            when_empty=move || view! { <p class="ia-muted" data-empty="audit">{move || empty()}</p> }
            data=page
        />
    }
}

/// Where an entry's object is shown in the panel, if it is.
fn object_page(entry: &AuditEntry) -> Option<String> {
    let id = entry.object_id.as_str();
    let account = entry.account.as_str();
    if id.starts_with("ic_") {
        Some(Page::Card { account, card: id }.href())
    } else if id.starts_with("spt_") {
        Some(Page::Tokens { account }.href())
    } else {
        None
    }
}

/// Entries, newest first, redrawn in words when the language changes.
#[component]
fn AuditTable(entries: Vec<AuditEntry>, show_object: bool) -> impl IntoView {
    let entries = StoredValue::new(entries);
    view! {
        <table class="ia-table ia-audit" data-table="audit">
            <thead><tr>
                <th scope="col">{move || t().audit_when}</th>
                <th scope="col">{move || t().audit_operator}</th>
                <th scope="col">{move || t().audit_change}</th>
                {show_object.then(|| view! { <th scope="col">{move || t().audit_object}</th> })}
                <th scope="col">{move || t().audit_outcome}</th>
            </tr></thead>
            <tbody>
                {move || {
                    let locale = use_locale();
                    entries.with_value(|entries| entries.iter().map(|entry| row(entry, locale, show_object)).collect_view())
                }}
            </tbody>
        </table>
    }
}

fn row(entry: &AuditEntry, locale: issuing_words::Locale, show_object: bool) -> impl IntoView {
    let t = locale.texts();
    let words = entry_in_words(entry, locale);
    let changes = (!words.changes.is_empty()).then(|| {
        view! {
            <table class="ia-audit-diff">
                <thead><tr>
                    <th scope="col">{t.review_control}</th>
                    <th scope="col">{t.audit_before}</th>
                    <th scope="col">{t.audit_after}</th>
                </tr></thead>
                <tbody>
                    {words.changes.into_iter().map(|c| view! {
                        <tr data-field=c.field>
                            <th scope="row">{c.label}</th>
                            <td><del>{c.before}</del></td>
                            <td><ins>{c.after}</ins></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    });
    let object = show_object.then(|| {
        let id = entry.object_id.clone();
        match object_page(entry) {
            Some(target) => view! { <td><a href=target><code>{id}</code></a></td> }.into_any(),
            None => view! { <td><code>{id}</code></td> }.into_any(),
        }
    });
    // Stripe's (or the server's) own message stays in its English.
    let error = entry
        .answer
        .error_message
        .clone()
        .filter(|m| !m.is_empty())
        .map(|m| view! { <br/><span class="ia-muted" lang="en" data-field="error">{m}</span> });
    let request = entry
        .answer
        .request_id
        .clone()
        .map(|r| view! { <br/><span class="ia-muted">{t.audit_request} " "<code data-field="request">{r}</code></span> });
    view! {
        <tr data-entry=entry.id.clone() data-kind=entry.kind.as_str() data-outcome=entry.outcome.as_str()>
            <td class="ia-nowrap">{local_time(entry.created, locale)}</td>
            <td>{entry.operator.name.clone()}<br/><span class="ia-muted"><code>{entry.operator.id.clone()}</code></span></td>
            <td>
                <span class="ia-muted">{words.kind}</span><br/>
                <span data-field="summary">{words.summary}</span>
                {changes}
            </td>
            {object}
            <td>
                <span class=format!("ia-badge ia-outcome-{}", entry.outcome.as_str()) data-field="outcome">{words.outcome}</span>
                {error}
                {request}
            </td>
        </tr>
    }
}
