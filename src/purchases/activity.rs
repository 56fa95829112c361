//! What the card page knows of the card's use, fetched once and shared by the spend bars, the
//! purchase list, the simulator and the editor's what-if: the cardholder's authorizations (a
//! cardholder's limits count all their cards) with the card's replacement chain, and one page
//! of the card's own, newest first. A simulated purchase, or a live event about a purchase not
//! seen yet, fetches both again.

use issuing_model::api::PurchaseQuery;
use issuing_model::rules::card_history::CardHistory;
use issuing_model::{IssuingAuthorization, IssuingCard, List};
use leptos::prelude::*;

use crate::api::{ApiClient, ApiError};
use crate::ui::Fetched;

/// The most the history fetches (pages of 100): a card with more shows what these count.
const MAX_PAGES: usize = 20;
/// How many of the card's purchases a page of the list shows.
pub const PAGE: u8 = 25;

#[derive(Clone, Copy)]
pub struct CardActivity {
    pub history: Fetched<CardHistory>,
    /// The list's page: the first one, or one a cursor names.
    pub page: RwSignal<PurchaseQuery>,
    pub list: Fetched<List<IssuingAuthorization>>,
}

impl CardActivity {
    pub fn new(account: String, card: RwSignal<IssuingCard>) -> Self {
        let api = expect_context::<ApiClient>();
        // Only a different card is a different history (a saved edit changes the controls the
        // history is read with, not the history).
        let card_id = Memo::new(move |_| card.with(|c| c.id.clone()));
        let history = {
            let (api, account) = (api.clone(), account.clone());
            Fetched::new(move || {
                card_id.track();
                let (api, account, card) = (api.clone(), account.clone(), card.get_untracked());
                async move { fetch_history(&api, &account, &card).await }
            })
        };
        let page = RwSignal::new(first_page(&card_id.get_untracked()));
        let list = Fetched::new(move || {
            let (api, account, query) = (api.clone(), account.clone(), page.get());
            async move { api.authorizations(&account, &query).await }
        });
        Effect::new(move |seen: Option<String>| {
            let id = card_id.get();
            if seen.is_some_and(|s| s != id) {
                page.set(first_page(&id));
            }
            id
        });
        Self {
            history,
            page,
            list,
        }
    }

    /// Something happened on the card: everything again, from the newest purchases.
    pub fn refresh(&self) {
        self.history.refetch();
        let first = first_page(
            &self
                .page
                .with_untracked(|p| p.card.clone().unwrap_or_default()),
        );
        if self.page.with_untracked(|p| *p == first) {
            self.list.refetch();
        } else {
            self.page.set(first);
        }
    }

    /// The history as far as it has arrived (tracked): `None` while loading or failed.
    pub fn known(&self) -> Option<CardHistory> {
        self.history.get().and_then(Result::ok)
    }
}

fn first_page(card: &str) -> PurchaseQuery {
    PurchaseQuery {
        card: Some(card.to_owned()),
        limit: Some(PAGE),
        ..PurchaseQuery::default()
    }
}

/// Every page of the cardholder's authorizations (up to [`MAX_PAGES`]), and the card's chain
/// of replaced cards, read from the authorizations' cards or asked for where none was used.
pub async fn fetch_history(
    api: &ApiClient,
    account: &str,
    card: &IssuingCard,
) -> Result<CardHistory, ApiError> {
    let mut all = Vec::new();
    let mut query = PurchaseQuery {
        cardholder: Some(card.cardholder.id.clone()),
        limit: Some(100),
        ..PurchaseQuery::default()
    };
    let mut complete = false;
    for _ in 0..MAX_PAGES {
        let page = api.authorizations(account, &query).await?;
        let more = page.has_more;
        query.starting_after = page.data.last().map(|a| a.id.clone());
        all.extend(page.data);
        if !more || query.starting_after.is_none() {
            complete = true;
            break;
        }
    }
    let mut chain = vec![card.id.clone()];
    let mut previous = card.replacement_for.clone();
    // A chain is a few cards long; the bound only guards against a cycle.
    while let Some(id) = previous.filter(|id| !chain.contains(id) && chain.len() < 50) {
        previous = match all.iter().find(|a| a.card.id == id) {
            Some(a) => a.card.replacement_for.clone(),
            None => api.card(account, &id).await?.replacement_for,
        };
        chain.push(id);
    }
    Ok(CardHistory::new(chain, all, complete))
}
