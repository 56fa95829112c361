//! `GET /api/accounts/{account}/cards/export`: every card the list's filters match, as CSV
//! (`csv_download`), in the asker's language.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use futures_util::stream;
use issuing_http::Path;
use issuing_model::dates::iso_datetime;
use issuing_model::wire::card::brand_name;
use issuing_model::{CardListQuery, CardStatus, CardType, IssuingCard};
use issuing_words::Locale;

use super::auth::CurrentOperator;
use super::card_search::by_name;
use super::csv_download::{attachment, csv_rows, head, ExportQuery};
use super::{AccountPath, ApiError};
use crate::AppState;

/// Stripe's largest page.
const PAGE: u8 = 100;

pub async fn export(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    Path(AccountPath { account }): Path<AccountPath>,
    ExportQuery { filters, locale }: ExportQuery<CardListQuery>,
) -> Result<Response, ApiError> {
    operator.may_see(&account)?;
    filters.check()?;
    let name = format!(
        "cards-{account}-{}.csv",
        iso_datetime(crate::state::unix_now()).replace(':', "")
    );
    let mut query = CardListQuery {
        limit: Some(PAGE),
        ..filters.first_page()
    };
    // A name search is read whole (it is bounded); Stripe's own list page by page.
    if query.cardholder_name.is_some() {
        let cards = by_name(&state, &account, &query).await?;
        let head = head(header(locale), &rows(&cards, locale));
        return Ok(attachment(&name, head, stream::empty()));
    }
    let first = state.stripe.cards(&account, &query).await?;
    let head = head(header(locale), &rows(&first.data, locale));
    query.starting_after = first.data.last().map(|c| c.id.clone());
    let rest = stream::unfold(
        (state, account, query, first.has_more),
        move |(state, account, mut query, more)| async move {
            if !more {
                return None;
            }
            match state.stripe.cards(&account, &query).await {
                Ok(page) => {
                    query.starting_after = page.data.last().map(|c| c.id.clone());
                    let chunk = Bytes::from(csv_rows(&rows(&page.data, locale)));
                    Some((Ok(chunk), (state, account, query, page.has_more)))
                }
                Err(e) => {
                    tracing::error!("card export stopped: {e:?}");
                    Some((
                        Err(std::io::Error::other("the export stopped part-way")),
                        (state, account, query, false),
                    ))
                }
            }
        },
    );
    Ok(attachment(&name, head, rest))
}

fn header(locale: Locale) -> Vec<String> {
    let t = locale.texts();
    [
        t.card,
        t.cardholder,
        t.cardholder_id,
        t.last4,
        t.card_brand,
        t.card_type,
        t.status,
        t.currency,
        t.expires,
        t.created,
        t.replaces,
        t.replaced_by,
        t.shipping,
    ]
    .map(str::to_owned)
    .to_vec()
}

fn rows(cards: &[IssuingCard], locale: Locale) -> Vec<Vec<String>> {
    let t = locale.texts();
    cards
        .iter()
        .map(|card| {
            let status = match &card.status {
                CardStatus::Active => t.status_active.to_owned(),
                CardStatus::Inactive => t.status_frozen.to_owned(),
                CardStatus::Canceled => t.status_canceled.to_owned(),
                CardStatus::Other(s) => s.clone(),
            };
            let kind = match &card.kind {
                CardType::Physical => t.physical_card.to_owned(),
                CardType::Virtual => t.virtual_card.to_owned(),
                CardType::Other(s) => s.clone(),
            };
            let shipping = card
                .shipping
                .as_ref()
                .and_then(|s| s.status.as_ref())
                .map(|s| (t.shipping_status)(s.as_str()))
                .unwrap_or_default();
            vec![
                card.id.clone(),
                card.cardholder.name.clone(),
                card.cardholder.id.clone(),
                card.last4.clone(),
                brand_name(&card.brand),
                kind,
                status,
                card.currency.to_ascii_uppercase(),
                card.expiry(),
                iso_datetime(card.created),
                card.replacement_for.clone().unwrap_or_default(),
                card.replaced_by.clone().unwrap_or_default(),
                shipping,
            ]
        })
        .collect()
}
