use issuing_model::{CardListQuery, IssuingCard, List};
use leptos::prelude::*;

use crate::connect::IssuingCardsList;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::filters::CardFilters;
use super::CardsTable;
use crate::api::{query_string, ApiClient};
use crate::i18n::t;
use crate::ui::{href, ErrorState, LoadingState};

/// `/accounts/:account/cards`: an account's cards. Account, filters and page all live in the
/// URL, so a link or a reload shows the same view and back/forward walk the history.
#[component]
pub fn CardsPage() -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let session = expect_context::<crate::session::Session>();
    let reveal = Memo::new(move |_| {
        session
            .operator
            .get()
            .is_some_and(|o| o.can_reveal_card_numbers())
    });
    let params = use_params_map();
    let query_map = use_query_map();
    let account = Memo::new(move |_| params.read().get("account").unwrap_or_default());
    let query = Memo::new(move |_| {
        let map = query_map.read();
        CardListQuery::from_lookup(|k| map.get(k))
    });
    let navigate = use_navigate();
    let go = move |account: String, q: CardListQuery| {
        navigate(
            &format!("/accounts/{account}/cards{}", query_string(&q.to_pairs())),
            Default::default(),
        );
    };

    let accounts = {
        let api = api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            async move { api.accounts().await }
        })
    };
    let cards = {
        let api = api.clone();
        LocalResource::new(move || {
            let (api, account, q) = (api.clone(), account.get(), query.get());
            async move { api.cards(&account, &q).await }
        })
    };

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
    let filters = move || {
        let go = go_filter.clone();
        // Re-created when the URL changes (back/forward), so the fields show what is listed.
        let q = query.get();
        view! { <CardFilters query=q on_apply=move |next| go(account.get_untracked(), next) /> }
    };

    let go_page = go.clone();
    let results = move || {
        let go = go_page.clone();
        match cards.get() {
            None => view! { <LoadingState label=t().loading_cards /> }.into_any(),
            Some(Err(e)) => view! {
                <ErrorState title=t().cards_failed error=e on_retry=move || cards.refetch() />
            }
            .into_any(),
            Some(Ok(list)) if list.data.is_empty() => view! {
                <p class="ia-empty">{move || t().no_cards_match}</p>
            }
            .into_any(),
            Some(Ok(list)) => {
                let pager = Pager::new(&query.get_untracked(), &list);
                let (prev, next) = (pager.previous.clone(), pager.next.clone());
                let go_prev = go.clone();
                view! {
                    <CardsTable account=account.get_untracked() cards=list.data />
                    <nav class="ia-pager" aria-label=move || t().pages>
                        <button
                            type="button"
                            class="ia-button ia-button-secondary"
                            disabled=prev.is_none()
                            on:click=move |_| if let Some(q) = prev.clone() { go_prev(account.get_untracked(), q) }
                        >
                            {move || t().previous}
                        </button>
                        <button
                            type="button"
                            class="ia-button ia-button-secondary"
                            disabled=next.is_none()
                            on:click=move |_| if let Some(q) = next.clone() { go(account.get_untracked(), q) }
                        >
                            {move || t().next}
                        </button>
                    </nav>
                }
                .into_any()
            }
        }
    };

    // Stripe's own list (its embedded component) instead of ours, for the same account.
    let stripe_view = RwSignal::new(false);
    let view_toggle = move || {
        view! {
            <button
                type="button"
                class="ia-button ia-button-secondary"
                data-action="stripe-view"
                aria-pressed=move || stripe_view.get().to_string()
                on:click=move |_| stripe_view.update(|on| *on = !*on)
            >
                {move || if stripe_view.get() { t().panel_view } else { t().stripe_view }}
            </button>
        }
    };
    view! {
        <section class="ia-page" aria-labelledby="cards-title">
            <p><a href=href("/accounts")>{move || t().back_to_accounts}</a></p>
            <h1 id="cards-title">{move || t().cards_title}</h1>
            <p>
                <a href=move || href(format!("/accounts/{}/tokens", account.get())) data-link="tokens">
                    {move || t().tokens_link}
                </a>
            </p>
            <div class="ia-toolbar">{switcher} <span class="ia-spacer"></span> {view_toggle}</div>
            {move || if stripe_view.get() {
                view! { <IssuingCardsList account=account show_spend_controls=true reveal_numbers=reveal.get() /> }.into_any()
            } else {
                view! { {filters.clone()} {results.clone()} }.into_any()
            }}
        </section>
    }
}

/// Where Previous and Next lead from this page, in Stripe's cursor terms.
struct Pager {
    previous: Option<CardListQuery>,
    next: Option<CardListQuery>,
}

impl Pager {
    fn new(query: &CardListQuery, page: &List<IssuingCard>) -> Self {
        let (first, last) = (page.data.first(), page.data.last());
        let before = |c: &IssuingCard| CardListQuery {
            ending_before: Some(c.id.clone()),
            ..query.first_page()
        };
        let after = |c: &IssuingCard| CardListQuery {
            starting_after: Some(c.id.clone()),
            ..query.first_page()
        };
        if query.ending_before.is_some() {
            // Walking back: `has_more` says whether there is more before this page.
            Self {
                previous: page.has_more.then(|| first.map(before)).flatten(),
                next: last.map(after),
            }
        } else {
            Self {
                previous: query.starting_after.as_ref().and(first.map(before)),
                next: page.has_more.then(|| last.map(after)).flatten(),
            }
        }
    }
}
