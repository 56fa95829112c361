use issuing_model::{CardListQuery, IssuingCard, List};
use leptos::prelude::*;

use crate::connect::IssuingCardsListProps;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::routes::{use_account, Page};

use super::bulk::{BulkBarProps, Selection};
use super::filters::CardFilters;
use super::CardsTable;
use crate::api::{query_string, ApiClient};
use crate::i18n::t;
use crate::ui::{Cursor, Fetched, Loaded, LoadingState, Pager};

/// `/accounts/:account/cards`: an account's cards. Account, filters and page all live in the
/// URL, so a link or a reload shows the same view and back/forward walk the history.
#[component]
pub fn CardsPage() -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let session = expect_context::<crate::session::Session>();
    let reveal = Memo::new(move |_| session.may_reveal_card_numbers());
    let query_map = use_query_map();
    let account = use_account();
    let query = Memo::new(move |_| {
        let map = query_map.read();
        CardListQuery::from_lookup(|k| map.get(k))
    });
    // The panel's own URL parameters beside the filters: where this page starts in the list
    // (Stripe's cursors do not say), and whether Stripe's own list is shown instead.
    let from = Memo::new(move |_| {
        query_map
            .read()
            .get("from")
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|n| *n >= 1)
            .unwrap_or(1)
    });
    let stripe_view = Memo::new(move |_| query_map.read().get("view").as_deref() == Some("stripe"));
    let navigate = use_navigate();
    let go_to = move |account: String, q: CardListQuery, from: usize, stripe: bool| {
        let mut pairs = q.to_pairs();
        if from > 1 {
            pairs.push(("from", from.to_string()));
        }
        if stripe {
            pairs.push(("view", "stripe".to_owned()));
        }
        navigate(
            &format!(
                "{}{}",
                Page::Cards { account: &account }.path(),
                query_string(&pairs)
            ),
            Default::default(),
        );
    };
    let go_view = go_to.clone();
    let go = move |account: String, q: CardListQuery| go_to(account, q, 1, false);

    let accounts = {
        let api = api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            async move { api.accounts().await }
        })
    };
    let cards = {
        let api = api.clone();
        Fetched::new(move || {
            let (api, account, q) = (api.clone(), account.get(), query.get());
            async move { api.cards(&account, &q).await }
        })
    };

    // Rows ticked for an action on many cards; a new page or filter starts afresh.
    let selection = Selection::new();
    let can_edit = move || session.operator.get().is_some_and(|o| o.can_edit());
    // The bulk bar (and its code) from the first ticked row on; it stays, to show how a run went.
    let bulk_wanted = RwSignal::new(false);
    Effect::new(move |_| {
        // Set once: setting it again would build the bar afresh and lose a run's outcome.
        if !selection.is_empty() && !bulk_wanted.get_untracked() {
            bulk_wanted.set(true);
        }
    });
    Effect::new(move |_| {
        query.track();
        account.track();
        selection.clear();
    });
    let page_cards = Signal::derive(move || {
        cards
            .get()
            .and_then(Result::ok)
            .map(|l| l.data)
            .unwrap_or_default()
    });
    let exporting = {
        let api = api.clone();
        Action::new_local(move |_: &()| {
            let (api, account, q) = (api.clone(), account.get_untracked(), query.get_untracked());
            async move {
                let locale = crate::i18n::use_locale();
                let bytes = api.cards_export(&account, &q, locale.tag()).await?;
                let name = format!("cards-{account}.csv");
                crate::ui::save_csv(&bytes, &name)
                    .map_err(|e| crate::api::ApiError::Unexpected(format!("{e:?}")))
            }
        })
    };
    let export_failed = move || exporting.value().get().and_then(Result::err);

    let go_switch = go.clone();
    let switcher = move || {
        let go = go_switch.clone();
        accounts.get().and_then(Result::ok).map(|list| {
            let current = account.get();
            view! {
                <label class="ia-field">
                    <span>{move || t().connected_account}</span>
                    <select
                        name="account"
                        on:change=move |ev| go(event_target_value(&ev), query.get_untracked().first_page())
                    >
                        {list
                            .data
                            .into_iter()
                            .map(|a| {
                                let selected = a.id == current;
                                view! { <option value=a.id.clone() selected=selected>{a.display_name().to_owned()}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
            }
        })
    };

    let go_filter = go.clone();
    // The filters without the page's cursor: paging leaves the filter fields as they are.
    let filtered_by = Memo::new(move |_| query.read().first_page());
    let filters = move || {
        let go = go_filter.clone();
        // Re-created when the filters in the URL change (back/forward), so the fields show
        // what is listed.
        let q = filtered_by.get();
        view! { <CardFilters query=q on_apply=move |next| go(account.get_untracked(), next) /> }
    };

    let go_pages = go_view.clone();
    let results = move || {
        let go = go.clone();
        let go_page = {
            let (go, api) = (go_pages.clone(), api.clone());
            move |account: String, q: CardListQuery, from: usize| {
                // The page is asked for now; the router's move to its URL overlaps the wait.
                api.start_cards(&account, &q);
                go(account, q, from, false)
            }
        };
        let clear = go.clone();
        let when_empty = move || {
            let go = clear.clone();
            let filtered = query.with_untracked(|q| q.first_page() != CardListQuery::default());
            view! {
                <div class="ia-empty">
                    <p>{move || t().no_cards_match}</p>
                    {filtered.then(|| view! {
                        <button
                            type="button"
                            class="ia-button ia-button-secondary"
                            data-action="clear-filters"
                            on:click=move |_| go(account.get_untracked(), CardListQuery::default())
                        >
                            {move || t().clear_filters}
                        </button>
                    })}
                </div>
            }
        };
        let page = move |list: List<IssuingCard>| {
            let q = query.get_untracked();
            let (prev, next) = pages(&q, &list);
            let size = q.limit.unwrap_or(issuing_model::api::DEFAULT_PAGE_SIZE) as usize;
            let first = from.get_untracked();
            let (last, more) = (first + list.data.len() - 1, next.is_some());
            let (go_prev, go_next) = (go_page.clone(), go_page.clone());
            view! {
                <p class="ia-position" role="status">{move || (t().position)(first, last, more)}</p>
                {if can_edit() {
                    view! { <CardsTable account=account.get_untracked() cards=list.data selection=selection /> }.into_any()
                } else {
                    view! { <CardsTable account=account.get_untracked() cards=list.data /> }.into_any()
                }}
                <nav class="ia-pager" aria-label=move || t().pages>
                    <button
                        type="button"
                        class="ia-button ia-button-secondary"
                        data-page="newer"
                        disabled=prev.is_none()
                        on:click=move |_| if let Some(q) = prev.clone() { go_prev(account.get_untracked(), q, first.saturating_sub(size).max(1)) }
                    >
                        {move || t().previous}
                    </button>
                    <button
                        type="button"
                        class="ia-button ia-button-secondary"
                        data-page="older"
                        disabled=next.is_none()
                        on:click=move |_| if let Some(q) = next.clone() { go_next(account.get_untracked(), q, last + 1) }
                    >
                        {move || t().next}
                    </button>
                </nav>
            }
        };
        view! {
            <Loaded
                fetched=cards
                loading=|| t().loading_cards
                failed=|| t().cards_failed
                is_empty=|list| list.data.is_empty()
                when_empty=when_empty
                data=page
            />
        }
    };

    // Stripe's own list (its embedded component) instead of ours, for the same account; in
    // the URL, so a reload or a shared link keeps it.
    let view_toggle = move || {
        let go = go_view.clone();
        view! {
            <button
                type="button"
                class="ia-button ia-button-secondary"
                data-action="stripe-view"
                aria-pressed=move || stripe_view.get().to_string()
                on:click=move |_| go(account.get_untracked(), query.get_untracked(), from.get_untracked(), !stripe_view.get_untracked())
            >
                {move || if stripe_view.get() { t().panel_view } else { t().stripe_view }}
            </button>
        }
    };
    view! {
        <section class="ia-page" aria-labelledby="cards-title">
            <p><a href=Page::Accounts.href()>{move || t().back_to_accounts}</a></p>
            <h1 id="cards-title">{move || {
                let id = account.get();
                let name = accounts.get().and_then(Result::ok).and_then(|list| {
                    list.data.iter().find(|a| a.id == id).map(|a| a.display_name().to_owned())
                });
                match name {
                    Some(name) => (t().cards_of)(&name),
                    None => t().cards_title.to_owned(),
                }
            }}</h1>
            <p>
                <a href=move || Page::Cardholders { account: &account.get() }.href() data-link="cardholders">
                    {move || t().cardholders_title}
                </a>
                " · "
                <a href=move || Page::Tokens { account: &account.get() }.href() data-link="tokens">
                    {move || t().tokens_link}
                </a>
                " · "
                <a href=move || Page::Activity { account: &account.get() }.href() data-link="activity">
                    {move || t().activity_link}
                </a>
            </p>
            <div class="ia-toolbar">
                {switcher}
                <span class="ia-spacer"></span>
                <button type="button" class="ia-button ia-button-secondary" data-action="export-cards"
                    disabled=move || exporting.pending().get() on:click=move |_| { exporting.dispatch(()); }>
                    {move || if exporting.pending().get() { t().exporting } else { t().export_csv }}
                </button>
                {view_toggle}
            </div>
            {move || export_failed().map(|e| view! { <p class="ia-field-error" role="alert">{move || (t().export_failed)(&e.text())}</p> })}
            {move || if stripe_view.get() {
                // Stripe's list is mounted once, when the operator's right is known.
                let Some(reveal) = reveal.get() else {
                    return view! { <LoadingState label=t().loading_stripe_cards /> }.into_any();
                };
                let props = IssuingCardsListProps::builder()
                    .account(account)
                    .show_spend_controls(true)
                    .reveal_numbers(reveal)
                    .build();
                Suspend::new(crate::lazy_views::stripe_cards_list(props)).into_any()
            } else {
                view! {
                    {filters.clone()}
                    {move || (can_edit() && bulk_wanted.get()).then(|| {
                        let props = BulkBarProps::builder()
                            .account(Signal::derive(move || account.get()))
                            .query(query)
                            .page(page_cards)
                            .selection(selection)
                            .on_done(Callback::new(move |_| cards.refetch()))
                            .build();
                        Suspend::new(crate::lazy_views::bulk_bar(props))
                    })}
                    {results.clone()}
                }.into_any()
            }}
        </section>
    }
}

/// Where Previous and Next lead from this page of cards.
fn pages(
    query: &CardListQuery,
    page: &List<IssuingCard>,
) -> (Option<CardListQuery>, Option<CardListQuery>) {
    let pager = Pager::of(
        query.ending_before.is_some(),
        query.starting_after.is_some(),
        page,
        |c| c.id.as_str(),
    );
    let to = |cursor: Cursor| match cursor {
        Cursor::EndingBefore(id) => CardListQuery {
            ending_before: Some(id),
            ..query.first_page()
        },
        Cursor::StartingAfter(id) => CardListQuery {
            starting_after: Some(id),
            ..query.first_page()
        },
    };
    (pager.previous.map(to), pager.next.map(to))
}
