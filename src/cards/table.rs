use issuing_model::IssuingCard;
use issuing_words::limits_summary;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::StatusBadge;
use crate::i18n::{date, t, use_locale};
use crate::routes::Page;

/// One page of cards. Each row's cardholder is a link to the card: Tab reaches it, Enter opens
/// it, and the arrow keys move between rows.
#[component]
pub fn CardsTable(
    account: String,
    cards: Vec<IssuingCard>,
    /// Rows can be ticked for an action on many cards.
    #[prop(optional)]
    selection: Option<super::bulk::Selection>,
) -> impl IntoView {
    let page_ids: Vec<String> = cards.iter().map(|c| c.id.clone()).collect();
    let rows = cards
        .into_iter()
        .map(|card| {
            let tick = selection.map(|sel| {
                let id = card.id.clone();
                let (on, toggle) = (id.clone(), id);
                let label = format!("{} •••• {}", card.cardholder.name, card.last4);
                view! {
                    <td class="ia-select">
                        <input type="checkbox" name="select" aria-label=move || (t().select_card)(&label)
                            prop:checked=move || sel.all_matching.get() || sel.ids.with(|s| s.contains(&on))
                            disabled=move || sel.all_matching.get()
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                sel.ids.update(|s| {
                                    if checked {
                                        s.insert(toggle.clone());
                                    } else {
                                        s.remove(&toggle);
                                    }
                                });
                            } />
                    </td>
                }
            });
            let target = Page::Card { account: &account, card: &card.id }.href();
            let (controls, currency) = (card.spending_controls.clone(), card.currency.clone());
            let limits = move || limits_summary(controls.limits(), &currency, use_locale());
            let created = card.created;
            let virtual_card = card.kind == issuing_model::CardType::Virtual;
            let holder = card.cardholder.name.clone();
            view! {
                <tr data-card=card.id.clone()>
                    {tick}
                    <th scope="row">
                        <a href=target class="ia-row-link">{holder}</a>
                    </th>
                    <td><span class="ia-mono">"•••• " {card.last4.clone()}</span></td>
                    <td>{issuing_model::wire::card::brand_name(&card.brand)}</td>
                    <td data-column="type">{move || if virtual_card { t().virtual_card } else { t().physical_card }}</td>
                    <td><StatusBadge status=card.status.clone() /></td>
                    <td>{card.expiry()}</td>
                    <td>{move || date(created, use_locale())}</td>
                    <td class="ia-limits">{limits}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="ia-table-scroll">
        <table class="ia-table ia-cards" on:keydown=move_between_rows>
            <thead>
                <tr>
                    {selection.map(|sel| {
                        let ids = page_ids.clone();
                        let all_ids = ids.clone();
                        view! {
                            <th scope="col" class="ia-select">
                                <input type="checkbox" name="select_page" aria-label=move || t().select_page
                                    prop:checked=move || sel.all_matching.get() || (!ids.is_empty() && sel.ids.with(|s| ids.iter().all(|i| s.contains(i))))
                                    disabled=move || sel.all_matching.get()
                                    on:change=move |ev| {
                                        let checked = event_target_checked(&ev);
                                        sel.ids.update(|s| for id in &all_ids {
                                            if checked { s.insert(id.clone()); } else { s.remove(id); }
                                        });
                                    } />
                            </th>
                        }
                    })}
                    <th scope="col">{move || t().cardholder}</th>
                    <th scope="col">{move || t().card}</th>
                    <th scope="col">{move || t().card_brand}</th>
                    <th scope="col">{move || t().card_type}</th>
                    <th scope="col">{move || t().status}</th>
                    <th scope="col">{move || t().expires}</th>
                    <th scope="col">{move || t().created}</th>
                    <th scope="col">{move || t().spending_limits}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
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
