use issuing_model::describe::{date, limits_summary};
use issuing_model::money::Locale;
use issuing_model::IssuingCard;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::StatusBadge;
use crate::ui::href;

/// One page of cards. Each row's cardholder is a link to the card: Tab reaches it, Enter opens
/// it, and the arrow keys move between rows.
#[component]
pub fn CardsTable(account: String, cards: Vec<IssuingCard>) -> impl IntoView {
    let rows = cards
        .into_iter()
        .map(|card| {
            let target = href(format!("/accounts/{account}/cards/{}", card.id));
            let limits = limits_summary(card.spending_controls.limits(), &card.currency, Locale::En);
            let holder = card.cardholder.name.clone();
            view! {
                <tr data-card=card.id.clone()>
                    <th scope="row">
                        <a href=target class="ia-row-link">{holder}</a>
                    </th>
                    <td><span class="ia-mono">"•••• " {card.last4.clone()}</span></td>
                    <td>{card.brand.clone()}</td>
                    <td>{if card.kind == issuing_model::CardType::Virtual { "Virtual" } else { "Physical" }}</td>
                    <td><StatusBadge status=card.status.clone() /></td>
                    <td>{card.expiry()}</td>
                    <td>{date(card.created, Locale::En)}</td>
                    <td class="ia-limits">{limits}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="ia-table" on:keydown=move_between_rows>
            <thead>
                <tr>
                    <th scope="col">"Cardholder"</th>
                    <th scope="col">"Card"</th>
                    <th scope="col">"Brand"</th>
                    <th scope="col">"Type"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Expires"</th>
                    <th scope="col">"Created"</th>
                    <th scope="col">"Spending limits"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// ArrowDown / ArrowUp on a row link focuses the next / previous row's link.
fn move_between_rows(ev: web_sys::KeyboardEvent) {
    let forward = match ev.key().as_str() {
        "ArrowDown" => true,
        "ArrowUp" => false,
        _ => return,
    };
    let Some(row) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("tr").ok().flatten())
    else {
        return;
    };
    let next = if forward {
        row.next_element_sibling()
    } else {
        row.previous_element_sibling()
    };
    if let Some(link) = next
        .and_then(|r| r.query_selector("a.ia-row-link").ok().flatten())
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
    {
        ev.prevent_default();
        let _ = link.focus();
    }
}
