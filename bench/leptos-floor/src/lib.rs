//! The card list of `bench/vanilla/`, as an idiomatic Leptos 0.8 page: the same `/api` call,
//! columns, markup and stylesheet; its page in the URL through the router.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::path;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[derive(Clone, Deserialize)]
struct Holder {
    name: String,
}

#[derive(Clone, Deserialize)]
struct Limit {
    amount: i64,
    interval: String,
}

#[derive(Clone, Deserialize, Default)]
struct Controls {
    #[serde(default)]
    spending_limits: Vec<Limit>,
}

#[derive(Clone, Deserialize)]
struct Card {
    id: String,
    last4: String,
    brand: String,
    #[serde(rename = "type")]
    kind: String,
    status: String,
    exp_month: u8,
    exp_year: u16,
    created: i64,
    currency: String,
    cardholder: Holder,
    #[serde(default)]
    spending_controls: Controls,
}

#[derive(Clone, Deserialize)]
struct List {
    data: Vec<Card>,
}

fn interval(name: &str) -> &str {
    match name {
        "per_authorization" => "per purchase",
        "daily" => "per day",
        "weekly" => "per week",
        "monthly" => "per month",
        "yearly" => "per year",
        "all_time" => "in total",
        other => other,
    }
}

fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

fn amount(minor: i64, currency: &str) -> String {
    let format = js_sys::Intl::NumberFormat::new(
        &js_sys::Array::of1(&"en".into()),
        &options(&[("style", "currency"), ("currency", currency)]),
    );
    let digits = js_sys::Reflect::get(&format.resolved_options(), &"maximumFractionDigits".into())
        .ok()
        .and_then(|d| d.as_f64())
        .unwrap_or(2.0);
    let value = minor as f64 / 10f64.powf(digits);
    format
        .format()
        .call1(&JsValue::NULL, &value.into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn limits(card: &Card) -> String {
    let list = &card.spending_controls.spending_limits;
    if list.is_empty() {
        return "No limits".into();
    }
    list.iter()
        .map(|l| {
            format!(
                "{} {}",
                amount(l.amount, &card.currency),
                interval(&l.interval)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[component]
fn Cards() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let dates = js_sys::Intl::DateTimeFormat::new(
        &js_sys::Array::of1(&"en".into()),
        &options(&[("dateStyle", "medium")]),
    );
    let account = move || query.read().get("account").unwrap_or_default();
    let cards = LocalResource::new(move || {
        let (account, q) = (account(), query.get());
        async move {
            let token = window()
                .local_storage()
                .ok()
                .flatten()
                .and_then(|s| s.get_item("issuing-admin.operator-token").ok().flatten())
                .unwrap_or_default();
            let mut url = format!(
                "/api/accounts/{account}/cards?limit={}",
                q.get("limit").unwrap_or_else(|| "25".into())
            );
            if let Some(after) = q.get("starting_after") {
                url.push_str(&format!("&starting_after={after}"));
            }
            let response = gloo_net::http::Request::get(&url)
                .header("Authorization", &format!("Bearer {token}"))
                .send()
                .await
                .ok()?;
            serde_json::from_slice::<List>(&response.binary().await.ok()?).ok()
        }
    });
    let last = StoredValue::new(String::new());
    let older = move |_| {
        let mut pairs: Vec<(String, String)> = query
            .read()
            .clone()
            .into_iter()
            .filter(|(k, _)| k != "starting_after")
            .map(|(k, v)| (k.into_owned(), v))
            .collect();
        pairs.push(("starting_after".into(), last.get_value()));
        let search: String = pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        navigate(&format!("/bench/leptos/?{search}"), Default::default());
    };
    let rows = move || {
        cards.get().flatten().map(|list| {
            if let Some(card) = list.data.last() {
                last.set_value(card.id.clone());
            }
            let account = account();
            list.data
                .into_iter()
                .map(|card| {
                    let created = dates
                        .format()
                        .call1(&JsValue::NULL, &js_sys::Date::new(&((card.created * 1000) as f64).into()))
                        .ok()
                        .and_then(|s| s.as_string())
                        .unwrap_or_default();
                    let label = format!("Select {} •••• {}", card.cardholder.name, card.last4);
                    let href = format!("/accounts/{account}/cards/{}", card.id);
                    let limits = limits(&card);
                    view! {
                        <tr data-card=card.id.clone()>
                            <td class="ia-select"><input type="checkbox" name="select" aria-label=label /></td>
                            <th scope="row"><a class="ia-row-link" href=href>{card.cardholder.name}</a></th>
                            <td><span class="ia-mono">{format!("•••• {}", card.last4)}</span></td>
                            <td>{card.brand}</td>
                            <td>{if card.kind == "virtual" { "Virtual" } else { "Physical" }}</td>
                            <td><span class=format!("ia-badge ia-badge-{}", card.status) data-status=card.status.clone()>{capitalised(&card.status)}</span></td>
                            <td>{format!("{:02}/{}", card.exp_month, card.exp_year)}</td>
                            <td>{created}</td>
                            <td class="ia-limits">{limits}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <main class="ia-main">
            <h1>"Cards"</h1>
            <div class="ia-table-scroll">
                <table class="ia-table ia-cards">
                    <thead>
                        <tr>
                            <th scope="col" class="ia-select"><input type="checkbox" name="select_page" aria-label="Select this page" /></th>
                            <th scope="col">"Cardholder"</th><th scope="col">"Card"</th><th scope="col">"Brand"</th>
                            <th scope="col">"Type"</th><th scope="col">"Status"</th><th scope="col">"Expires"</th>
                            <th scope="col">"Created"</th><th scope="col">"Spending limits"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <nav class="ia-pager">
                <button type="button" class="ia-button ia-button-secondary" data-page="older" on:click=older>"Older"</button>
            </nav>
        </main>
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Routes fallback=|| "not found">
                    <Route path=path!("/bench/leptos/") view=Cards />
                </Routes>
            </Router>
        }
    });
}
