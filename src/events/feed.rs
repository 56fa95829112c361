//! The feed of webhook events, newest first, with the stream's state in words (not colour alone).

use issuing_model::Event;
use leptos::prelude::*;

use super::live::{FeedStatus, LiveEvents};
use crate::i18n::{t, use_locale, Texts};
use crate::routes::Page;

pub use crate::i18n::local_time;

/// What the event is about, for the operator: `used`, `deactivated (revoked)`, `succeeded`.
pub fn summary(event: &Event, t: &Texts) -> String {
    let object = &event.data.object;
    let amount = |value: &serde_json::Value, currency: &serde_json::Value| {
        let (Some(v), Some(c)) = (value.as_i64(), currency.as_str()) else {
            return String::new();
        };
        issuing_model::money::format_amount(v, c)
    };
    match event.kind.as_str() {
        "shared_payment.granted_token.used" => {
            let captured = &object["usage_details"]["amount_captured"];
            let captured = amount(&captured["value"], &captured["currency"]);
            let limits = &object["usage_limits"];
            if limits.is_null() {
                (t.event_used_no_limit)(&captured)
            } else {
                (t.event_used)(
                    &captured,
                    &amount(&limits["max_amount"], &limits["currency"]),
                )
            }
        }
        "shared_payment.granted_token.deactivated" => (t.event_deactivated)(
            &object["deactivated_reason"]
                .as_str()
                .map_or_else(|| t.unknown_reason.to_owned(), t.deactivated_reason),
        ),
        "payment_intent.succeeded" => {
            (t.event_succeeded)(&amount(&object["amount"], &object["currency"]))
        }
        _ => String::new(),
    }
}

/// Where the panel shows the event's object, if it has a page for it.
fn object_page(event: &Event, object_id: &str) -> Option<String> {
    let account = event.account.as_deref()?;
    let kind = event.kind.as_str();
    if kind.starts_with("issuing_card.") {
        Some(
            Page::Card {
                account,
                card: object_id,
            }
            .path(),
        )
    } else if kind.starts_with("shared_payment.") || kind.starts_with("payment_intent.") {
        Some(Page::Tokens { account }.path())
    } else {
        None
    }
}

/// An event type with a break opportunity after each dot, so a long type wraps between its
/// words and never inside one.
fn type_with_breaks(kind: &str) -> impl IntoView {
    let parts: Vec<String> = kind.split_inclusive('.').map(str::to_owned).collect();
    parts
        .into_iter()
        .map(|p| view! { {p}<wbr /> })
        .collect_view()
}

/// The live feed; with `account` (non-empty), only that account's events; with `kind`, only
/// that type's.
#[component]
pub fn EventFeed(
    live: LiveEvents,
    #[prop(optional, into)] account: Option<Signal<String>>,
    #[prop(optional, into)] kind: Option<Signal<String>>,
) -> impl IntoView {
    // Business names for account ids, where the operator may see the account.
    let names = {
        let api = use_context::<crate::api::ApiClient>();
        LocalResource::new(move || {
            let api = api.clone();
            async move {
                match api {
                    Some(api) => api.accounts().await.map(|l| l.data).unwrap_or_default(),
                    None => Vec::new(),
                }
            }
        })
    };
    let name_of = move |id: &str| {
        names.with(|n| {
            n.as_ref()
                .and_then(|list| list.iter().find(|a| a.id == id))
                .map(|a| a.display_name().to_owned())
        })
    };
    let shown = move || {
        let account = account.map(|a| a.get()).filter(|a| !a.is_empty());
        let kind = kind.map(|k| k.get()).filter(|k| !k.is_empty());
        live.events.with(|events| {
            events
                .iter()
                .filter(|e| {
                    account
                        .as_ref()
                        .is_none_or(|a| e.account.as_ref() == Some(a))
                        && kind.as_ref().is_none_or(|k| &e.kind == k)
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let status = move || match live.status.get() {
        FeedStatus::Connecting => ("connecting", t().feed_connecting),
        FeedStatus::Live => ("live", t().feed_live),
        FeedStatus::Reconnecting => ("reconnecting", t().feed_reconnecting),
    };
    view! {
        <section class="ia-feed" aria-labelledby="feed-title">
            <div class="ia-feed-head">
                <h2 id="feed-title">{move || t().feed_title}</h2>
                <span class="ia-feed-status" data-status=move || status().0 role="status">
                    <span class="ia-dot" aria-hidden="true"></span>
                    {move || status().1}
                </span>
            </div>
            {move || {
                let events = shown();
                let (t, locale) = (t(), use_locale());
                let filtered = account.is_some_and(|a| !a.get_untracked().is_empty())
                    || kind.is_some_and(|k| !k.get_untracked().is_empty());
                if events.is_empty() {
                    view! { <p class="ia-empty">{if filtered && !live.events.with_untracked(Vec::is_empty) { t.no_events_match } else { t.no_events }}</p> }.into_any()
                } else {
                    view! {
                        // Scrolls on its own: focusable, so the keyboard can scroll it too.
                        <ol class="ia-feed-list" aria-live="polite" aria-relevant="additions" tabindex="0" aria-label=t.feed_title>
                            {events.into_iter().map(|event| {
                                let object_id = event.data.object["id"].as_str().unwrap_or_default().to_owned();
                                let text = summary(&event, t);
                                let object_attr = object_id.clone();
                                let page = object_page(&event, &object_id).map(crate::ui::href);
                                let account_name = event.account.as_deref().map(|a| name_of(a).unwrap_or_else(|| a.to_owned()));
                                let object = match page {
                                    Some(target) => view! { <a href=target aria-label=(t.open_object)(&object_id)><code>{object_id.clone()}</code></a> }.into_any(),
                                    None => view! { <code>{object_id.clone()}</code> }.into_any(),
                                };
                                view! {
                                    <li class="ia-feed-item" data-type=event.kind.clone() data-object=object_attr data-event=event.id.clone()>
                                        <div class="ia-feed-line">
                                            <code class="ia-feed-type">{type_with_breaks(&event.kind)}</code>
                                            <time datetime=event.created.to_string()>{local_time(event.created, locale)}</time>
                                        </div>
                                        <div class="ia-feed-line ia-muted">
                                            {object}
                                            <span data-field="account" title=event.account.clone()>{account_name.unwrap_or_else(|| t.platform_event.to_owned())}</span>
                                        </div>
                                        {(!text.is_empty()).then(|| view! { <div class="ia-feed-summary">{text}</div> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }
            }}
        </section>
    }
}
