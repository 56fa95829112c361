//! `GET /v1/issuing/cards`, `GET /v1/issuing/cards/{id}`, `POST /v1/issuing/cards/{id}`.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use issuing_http::{ApiError, ApiResult};
use issuing_model::rules::{Rule, Violation};
use issuing_model::{CardStatus, CardType, IssuingCard, List, StripeError};

use crate::card_update_form::card_update;
use crate::created::CreatedRange;
use crate::form::FormValue;
use crate::pagination::{paginate_refs, PageParams};
use crate::params::{
    accepts, integer, text, ExpandOnly, Form, MetadataPatch, Params, QueryParams, Scope,
};
use crate::webhooks::emit_update;
use crate::AppState;

accepts!(
    ListParams: "limit", "starting_after", "ending_before", "status", "type", "cardholder",
    "last4", "exp_month", "exp_year", "created", "expand", "personalization_design",
);

accepts!(
    /// The card update's own decoder names a nested parameter it does not take.
    UpdateParams: "spending_controls", "status", "cancellation_reason", "metadata", "expand",
);

/// Every list filter, checked before anything is read.
struct CardFilter {
    status: Option<CardStatus>,
    kind: Option<CardType>,
    cardholder: Option<String>,
    last4: Option<String>,
    exp_month: Option<i64>,
    exp_year: Option<i64>,
    created: CreatedRange,
    /// No card here has a personalization design: naming one matches none, as on Stripe.
    personalization_design: Option<String>,
}

impl CardFilter {
    fn parse(params: &Params) -> Result<Self, ApiError> {
        let status =
            text(params, "status")?.map(|s| s.parse::<CardStatus>().unwrap_or_else(|n| match n {}));
        if let Some(s) = status.as_ref().filter(|s| !s.is_known()) {
            return Err(ApiError::bad_request(StripeError::invalid_param(
                "status",
                format!("Invalid status: must be one of active, inactive or canceled (got '{s}')."),
            )));
        }
        let kind =
            text(params, "type")?.map(|s| s.parse::<CardType>().unwrap_or_else(|n| match n {}));
        if let Some(k) = kind.as_ref().filter(|k| !k.is_known()) {
            return Err(ApiError::bad_request(StripeError::invalid_param(
                "type",
                format!("Invalid type: must be one of physical or virtual (got '{k}')."),
            )));
        }
        let last4 = text(params, "last4")?.map(str::to_owned);
        if let Some(l) = last4
            .as_deref()
            .filter(|l| l.len() != 4 || !l.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(ApiError::bad_request(StripeError::invalid_param(
                "last4",
                format!("Invalid last4: must be exactly four digits (got '{l}')."),
            )));
        }
        Ok(Self {
            status,
            kind,
            cardholder: text(params, "cardholder")?.map(str::to_owned),
            last4,
            exp_month: integer(params, "exp_month", 1..=12)?,
            exp_year: integer(params, "exp_year", 1970..=2100)?,
            created: CreatedRange::parse(params)?,
            personalization_design: text(params, "personalization_design")?.map(str::to_owned),
        })
    }

    fn matches(&self, card: &IssuingCard) -> bool {
        self.status.as_ref().is_none_or(|s| &card.status == s)
            && self.kind.as_ref().is_none_or(|k| &card.kind == k)
            && self
                .cardholder
                .as_ref()
                .is_none_or(|c| &card.cardholder.id == c)
            && self.last4.as_ref().is_none_or(|l| &card.last4 == l)
            && self
                .exp_month
                .is_none_or(|m| i64::from(card.exp_month) == m)
            && self.exp_year.is_none_or(|y| i64::from(card.exp_year) == y)
            && self.created.contains(card.created)
            && self.personalization_design.is_none()
    }
}

pub async fn list(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    QueryParams(params, ..): QueryParams<ListParams>,
) -> ApiResult<List<IssuingCard>> {
    let filter = CardFilter::parse(&params)?;
    let page = PageParams::from_params(&params)?;
    let data = state.store.read();
    let cards: Vec<&IssuingCard> = account
        .and_then(|a| data.issuing.get(&a))
        .map(|issuing| issuing.cards.iter().filter(|c| filter.matches(c)).collect())
        .unwrap_or_default();
    paginate_refs(&cards, |c| &c.id, &page, "/v1/issuing/cards").map(Json)
}

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
    _: QueryParams<ExpandOnly>,
) -> ApiResult<IssuingCard> {
    let data = state.store.read();
    account
        .and_then(|a| data.issuing.get(&a))
        .and_then(|issuing| issuing.card(&id))
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::not_found("issuing_card", &id))
}

pub async fn update(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
    Form(mut params, ..): Form<UpdateParams>,
) -> ApiResult<IssuingCard> {
    let metadata = params
        .remove("metadata")
        .map(|m| MetadataPatch::parse(&m))
        .transpose()?;
    let update = card_update(&FormValue::Map(params)).map_err(ApiError::bad_request)?;
    let mut data = state.store.write();
    let card = account
        .as_ref()
        .and_then(|a| data.issuing.get_mut(a))
        .and_then(|issuing| issuing.card_mut(&id))
        .ok_or_else(|| ApiError::not_found("issuing_card", &id))?;
    let before = serde_json::to_value(&*card).unwrap_or_default();
    // Validate against the card as it is now, then apply all of it or nothing. Metadata alone
    // is an update too, also on a canceled card.
    if metadata.is_none() || update != Default::default() {
        update.check(card)?;
    }
    let activating = update.status == Some(CardStatus::Active) && card.status != CardStatus::Active;
    if activating && !card.cardholder.can_activate_cards() {
        let due = card
            .cardholder
            .requirements
            .past_due
            .clone()
            .unwrap_or_default();
        return Err(ApiError::bad_request(
            Violation::new("status", Rule::RequirementsPastDue(due)).into(),
        ));
    }
    if let Some(patch) = metadata {
        card.metadata = patch.apply(&card.metadata)?;
    }
    if let Some(controls) = &update.spending_controls {
        card.spending_controls = card.spending_controls.apply(controls);
    }
    if let Some(status) = &update.status {
        card.status = status.clone();
    }
    if let Some(reason) = &update.cancellation_reason {
        card.cancellation_reason = Some(reason.clone());
    }
    let card = card.clone();
    // A damaged or expired card works until its replacement is activated.
    let retired = match (&card.replacement_for, activating) {
        (Some(old), true) => account
            .as_ref()
            .and_then(|a| data.issuing.get_mut(a))
            .and_then(|issuing| issuing.card_mut(old))
            .filter(|old| old.status != CardStatus::Canceled)
            .map(|old| {
                let before = serde_json::to_value(&*old).unwrap_or_default();
                old.status = CardStatus::Canceled;
                (before, serde_json::to_value(&*old).unwrap_or_default())
            }),
        _ => None,
    };
    data.applied_writes += 1;
    let after = serde_json::to_value(&card).unwrap_or_default();
    emit_update(
        &state,
        &mut data,
        "issuing_card.updated",
        account.as_deref(),
        &before,
        after,
    );
    if let Some((before, after)) = retired {
        emit_update(
            &state,
            &mut data,
            "issuing_card.updated",
            account.as_deref(),
            &before,
            after,
        );
    }
    Ok(Json(card))
}
