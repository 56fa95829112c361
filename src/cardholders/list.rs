//! `/accounts/:account/cardholders`: an account's cardholders, searched by part of a name, an
//! email or a number, filtered by status; search and page in the URL. Editors add one here.

use issuing_model::api::CardholderQuery;
use issuing_model::{Cardholder, CardholderStatus, List};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::form::CardholderForm;
use super::HolderStatusBadge;
use crate::api::{query_string, ApiClient};
use crate::i18n::{date, t, use_locale};
use crate::routes::{use_account, Page};
use crate::session::Session;
use crate::ui::{Cursor, Fetched, Loaded, Pager, PagerNav};

#[component]
pub fn CardholdersPage() -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let session = expect_context::<Session>();
    let account = use_account();
    let query_map = use_query_map();
    let query = Memo::new(move |_| {
        let map = query_map.read();
        let text = |k: &str| map.get(k).filter(|v| !v.trim().is_empty());
        CardholderQuery {
            q: text("q"),
            status: text("status").map(|s| s.parse().unwrap_or_else(|n| match n {})),
            starting_after: text("starting_after"),
            ending_before: text("ending_before"),
            ..CardholderQuery::default()
        }
    });
    let navigate = use_navigate();
    let go = move |q: CardholderQuery| {
        let path = Page::Cardholders {
            account: &account.get_untracked(),
        }
        .path();
        navigate(
            &format!("{path}{}", query_string(&q.to_pairs())),
            Default::default(),
        );
    };
    let holders = {
        let api = api.clone();
        Fetched::new(move || {
            let (api, account, q) = (api.clone(), account.get(), query.get());
            async move { api.cardholders(&account, &q).await }
        })
    };
    let accounts = {
        let api = api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            async move { api.accounts().await }
        })
    };
    let country = move || {
        let id = account.get();
        accounts
            .get()
            .and_then(Result::ok)
            .and_then(|l| l.data.into_iter().find(|a| a.id == id))
            .and_then(|a| a.country)
            .unwrap_or_default()
    };
    let can_edit = move || session.operator.get().is_some_and(|o| o.can_edit());
    let adding = RwSignal::new(false);
    let search = RwSignal::new(query.get_untracked().q.unwrap_or_default());
    let status = RwSignal::new(
        query
            .get_untracked()
            .status
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    let go_search = go.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go_search(CardholderQuery {
            q: Some(search.get_untracked()),
            status: Some(status.get_untracked())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap_or_else(|n| match n {})),
            ..CardholderQuery::default()
        });
    };
    let navigate_new = use_navigate();
    let on_created = Callback::new(move |holder: Cardholder| {
        adding.set(false);
        navigate_new(
            &Page::Cardholder {
                account: &account.get_untracked(),
                cardholder: &holder.id,
            }
            .path(),
            Default::default(),
        );
    });
    let results = move || {
        let go = go.clone();
        let page = move |list: List<Cardholder>| {
            let q = query.get_untracked();
            let pager = Pager::of(
                q.ending_before.is_some(),
                q.starting_after.is_some(),
                &list,
                |h| h.id.as_str(),
            );
            let go = go.clone();
            let to = Callback::new(move |cursor: Cursor| {
                let base = query.get_untracked().first_page();
                go(match cursor {
                    Cursor::EndingBefore(id) => CardholderQuery {
                        ending_before: Some(id),
                        ..base
                    },
                    Cursor::StartingAfter(id) => CardholderQuery {
                        starting_after: Some(id),
                        ..base
                    },
                });
            });
            view! {
                <HoldersTable account=account.get_untracked() holders=list.data />
                <PagerNav pager=pager label=|| t().pages go=to />
            }
        };
        view! {
            <Loaded
                fetched=holders
                loading=|| t().loading_cardholders
                failed=|| t().cardholders_failed
                is_empty=|list| list.data.is_empty()
                when_empty=|| view! { <p class="ia-empty">{move || t().no_cardholders_match}</p> }
                data=page
            />
        }
    };
    view! {
        <section class="ia-page" aria-labelledby="cardholders-title">
            <p><a href=move || Page::Cards { account: &account.get() }.href()>{move || t().back_to_cards}</a></p>
            <h1 id="cardholders-title">{move || t().cardholders_title}</h1>
            <form class="ia-filters" role="search" on:submit=submit>
                <div class="ia-field">
                    <label for="holder-search">{move || t().search_cardholders}</label>
                    <input id="holder-search" name="q" type="search" prop:value=move || search.get()
                        placeholder=move || t().search_cardholders_hint
                        on:input=move |ev| search.set(event_target_value(&ev)) />
                </div>
                <div class="ia-field">
                    <label for="holder-status">{move || t().status}</label>
                    <select id="holder-status" name="status" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="" selected=move || status.get().is_empty()>{move || t().any_status}</option>
                        {[CardholderStatus::Active, CardholderStatus::Inactive, CardholderStatus::Blocked].into_iter().map(|s| {
                            let value = s.to_string();
                            let v = value.clone();
                            view! { <option value=value selected=move || status.get() == v>{move || holder_status_word(&s)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="ia-button" data-action="search">{move || t().search}</button>
                <span class="ia-spacer"></span>
                {move || (can_edit() && !adding.get()).then(|| view! {
                    <button type="button" class="ia-button" data-action="new-cardholder" on:click=move |_| adding.set(true)>
                        {move || t().new_cardholder}
                    </button>
                })}
            </form>
            {move || adding.get().then(|| view! {
                <CardholderForm account=account.get_untracked() country=country() on_saved=on_created
                    on_cancel=Callback::new(move |_| adding.set(false)) />
            })}
            {results}
        </section>
    }
}

/// A cardholder's status in the current language.
pub fn holder_status_word(status: &CardholderStatus) -> &'static str {
    let t = t();
    match status {
        CardholderStatus::Active => t.cardholder_active,
        CardholderStatus::Inactive => t.cardholder_inactive,
        CardholderStatus::Blocked => t.cardholder_blocked,
        CardholderStatus::Other(_) => t.cardholder_inactive,
    }
}

#[component]
fn HoldersTable(account: String, holders: Vec<Cardholder>) -> impl IntoView {
    let rows = holders
        .into_iter()
        .map(|h| {
            let target = Page::Cardholder {
                account: &account,
                cardholder: &h.id,
            }
            .href();
            let created = h.created;
            view! {
                <tr data-cardholder=h.id.clone()>
                    <th scope="row"><a href=target class="ia-row-link">{h.name.clone()}</a></th>
                    <td>{h.email.clone().unwrap_or_default()}</td>
                    <td class="ia-mono">{h.phone_number.clone().unwrap_or_default()}</td>
                    <td><HolderStatusBadge status=h.status.clone() /></td>
                    <td>{move || date(created, use_locale())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="ia-table-scroll">
            <table class="ia-table ia-cardholders">
                <thead>
                    <tr>
                        <th scope="col">{move || t().name_on_card}</th>
                        <th scope="col">{move || t().email}</th>
                        <th scope="col">{move || t().phone_number}</th>
                        <th scope="col">{move || t().status}</th>
                        <th scope="col">{move || t().created}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
