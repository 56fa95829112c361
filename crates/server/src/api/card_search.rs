//! The card list beyond Stripe's filters: cards of the cardholders whose name holds some text
//! (Stripe lists cards by one cardholder id only). The server finds the cardholders, reads
//! each one's cards with the other filters, and pages the whole, newest first, itself.

use issuing_model::api::{CardholderQuery, DEFAULT_PAGE_SIZE};
use issuing_model::rules::{Rule, Violation};
use issuing_model::{AccountId, CardListQuery, IssuingCard, List};

use super::cardholders::search;
use super::ApiError;
use crate::AppState;

/// Cardholders a name search reads the cards of, at most.
const MAX_HOLDERS: usize = 50;
/// Stripe's largest page.
const PAGE: u8 = 100;

/// One page of the cards `query` asks for.
pub async fn page(
    state: &AppState,
    account: &AccountId,
    query: &CardListQuery,
) -> Result<List<IssuingCard>, ApiError> {
    if query.cardholder_name.is_none() {
        return Ok(state.stripe.cards(account, query).await?);
    }
    let all = by_name(state, account, query).await?;
    local_page(all, query)
}

/// Every card `query` matches when it names a cardholder, newest first.
pub async fn by_name(
    state: &AppState,
    account: &AccountId,
    query: &CardListQuery,
) -> Result<Vec<IssuingCard>, ApiError> {
    let mut holders = Vec::new();
    let mut search_query = CardholderQuery {
        q: query.cardholder_name.clone(),
        limit: Some(PAGE),
        ..CardholderQuery::default()
    };
    loop {
        let found = search(state, account, &search_query).await?;
        holders.extend(found.data.into_iter().map(|h| h.id));
        if holders.len() > MAX_HOLDERS {
            let rule = Rule::TooManyCardholders { max: MAX_HOLDERS };
            return Err(Violation::new("cardholder_name", rule).into());
        }
        if !found.has_more {
            break;
        }
        search_query.starting_after = holders.last().cloned();
    }
    if let Some(only) = &query.cardholder {
        holders.retain(|h| h == only);
    }
    let mut cards = Vec::new();
    for holder in holders {
        let mut per_holder = CardListQuery {
            cardholder: Some(holder),
            cardholder_name: None,
            limit: Some(PAGE),
            ..query.first_page()
        };
        loop {
            let page = state.stripe.cards(account, &per_holder).await?;
            per_holder.starting_after = page.data.last().map(|c| c.id.clone());
            cards.extend(page.data);
            if !page.has_more {
                break;
            }
        }
    }
    // Stable: cards of one second keep Stripe's order within each cardholder's list.
    cards.sort_by_key(|c| std::cmp::Reverse(c.created));
    Ok(cards)
}

/// The page of `all` that `query`'s cursor and size ask for.
fn local_page(all: Vec<IssuingCard>, query: &CardListQuery) -> Result<List<IssuingCard>, ApiError> {
    let size = usize::from(query.limit.unwrap_or(DEFAULT_PAGE_SIZE));
    let position = |param: &str, id: &str| {
        all.iter()
            .position(|c| c.id == id)
            .ok_or_else(|| ApiError::missing_object(param, id))
    };
    let (start, end, has_more) = match (&query.starting_after, &query.ending_before) {
        (Some(after), _) => {
            let start = position("starting_after", after)? + 1;
            let end = (start + size).min(all.len());
            (start, end, end < all.len())
        }
        (None, Some(before)) => {
            let end = position("ending_before", before)?;
            let start = end.saturating_sub(size);
            (start, end, start > 0)
        }
        (None, None) => {
            let end = size.min(all.len());
            (0, end, end < all.len())
        }
    };
    let data = all.into_iter().skip(start).take(end - start).collect();
    Ok(List::new(data, has_more, ""))
}
