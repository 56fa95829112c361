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
        "issuing_authorization.created" | "issuing_authorization.updated" => {
            // What was asked (the held amount falls to 0 once settled).
            let asked = &object["request_history"][0]["amount"];
            let asked = if asked.is_i64() {
                asked
            } else {
                &object["amount"]
            };
            (t.event_authorization)(
                object["approved"].as_bool().unwrap_or(false),
                &amount(asked, &object["currency"]),
                &merchant(object, t),
            )
        }
        "issuing_transaction.created" => {
            let value = object["amount"].as_i64().unwrap_or(0);
            (t.event_transaction)(
                object["type"] == "refund",
                &amount(&value.abs().into(), &object["currency"]),
                &merchant(object, t),
            )
        }
        "issuing_card.updated" => {
            let changed = event
                .data
                .previous_attributes
                .as_ref()
                .and_then(|p| p.as_object())
                .map(|fields| {
                    fields
                        .keys()
                        .map(|k| field_words(k, t))
                        .collect::<Vec<_>>()
                        .join(t.list_separator)
                })
                .unwrap_or_default();
            if changed.is_empty() {
                String::new()
            } else {
                (t.event_card_changed)(&changed)
            }
        }
        _ => String::new(),
    }
}

/// The merchant's name, or "a merchant".
fn merchant(object: &serde_json::Value, t: &Texts) -> String {
    object["merchant_data"]["name"]
        .as_str()
        .unwrap_or(t.a_merchant)
        .to_owned()
}

/// A card's field, as the card page names it; Stripe's name for the others.
fn field_words(field: &str, t: &Texts) -> String {
    match field {
        "spending_controls" => t.spending_controls.to_owned(),
        "status" => t.status.to_owned(),
        "cancellation_reason" => t.cancellation_reason.to_owned(),
        "metadata" => t.metadata.to_owned(),
        other => other.replace('_', " "),
    }
}

/// The card an event is about: the card itself, or the card of an authorization or
/// transaction (an id, or the card object Stripe embeds).
fn card_of(event: &Event) -> Option<&str> {
    let object = &event.data.object;
    if event.kind.starts_with("issuing_card.") {
        return object["id"].as_str();
    }
    if event.kind.starts_with("issuing_authorization.")
        || event.kind.starts_with("issuing_transaction.")
    {
        let card = &object["card"];
        return card.as_str().or_else(|| card["id"].as_str());
    }
    None
}

/// Whether `event` is about `card` (its own changes and its purchases).
pub fn concerns(event: &Event, card: &str) -> bool {
    card_of(event) == Some(card)
}

/// Where the panel shows the event's object, if it has a page for it.
fn object_page(event: &Event) -> Option<String> {
    let account = event.account.as_deref()?;
    let kind = event.kind.as_str();
    if let Some(card) = card_of(event) {
        Some(Page::Card { account, card }.path())
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
/// that type's; with `about`, only those about that card.
#[component]
pub fn EventFeed(
    live: LiveEvents,
    #[prop(optional, into)] account: Option<Signal<String>>,
    #[prop(optional, into)] kind: Option<Signal<String>>,
    #[prop(optional, into)] about: Option<Signal<String>>,
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
        let about = about.map(|c| c.get());
        live.events.with(|events| {
            events
                .iter()
                .filter(|e| {
                    account
                        .as_ref()
                        .is_none_or(|a| e.account.as_ref() == Some(a))
                        && kind.as_ref().is_none_or(|k| &e.kind == k)
                        && about.as_ref().is_none_or(|c| concerns(e, c))
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
                    || kind.is_some_and(|k| !k.get_untracked().is_empty())
                    || about.is_some();
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
                                let page = object_page(&event).map(crate::ui::href);
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
