//! `GET /v1/issuing/cards`, `GET /v1/issuing/cards/{id}`, `POST /v1/issuing/cards/{id}`.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use issuing_http::{ApiError, ApiResult};
use issuing_model::{CardStatus, CardType, IssuingCard, List, StripeError};

use crate::card_update_form::card_update;
use crate::form::FormValue;
use crate::pagination::{paginate_refs, PageParams};
use crate::params::{
    accepts, integer, text, unknown_param, ExpandOnly, Form, Params, QueryParams, Scope,
};
use crate::AppState;

accepts!(
    ListParams: "limit", "starting_after", "ending_before", "status", "type", "cardholder",
    "last4", "exp_month", "exp_year", "created", "expand", "personalization_design",
);

accepts!(
    /// The card update's own decoder names a nested parameter it does not take.
    UpdateParams: "spending_controls", "status", "cancellation_reason", "expand",
);

/// A `created` filter: an exact time, or any of `gt`, `gte`, `lt`, `lte`.
#[derive(Default)]
struct CreatedRange {
    gt: Option<i64>,
    gte: Option<i64>,
    lt: Option<i64>,
    lte: Option<i64>,
}

impl CreatedRange {
    fn parse(params: &Params) -> Result<Self, ApiError> {
        let bad = |param: &str, raw: &str| {
            ApiError::bad_request(
                StripeError::invalid_param(
                    param,
                    format!("Invalid timestamp: must be an integer Unix timestamp (got '{raw}')."),
                )
                .with_code("parameter_invalid_integer"),
            )
        };
        let number = |param: &str, raw: &str| raw.parse::<i64>().map_err(|_| bad(param, raw));
        match params.get("created") {
            None => Ok(Self::default()),
            Some(FormValue::Value(raw)) => {
                let at = number("created", raw)?;
                Ok(Self {
                    gte: Some(at),
                    lte: Some(at),
                    ..Self::default()
                })
            }
            Some(FormValue::Map(bounds)) => {
                let mut range = Self::default();
                for (op, value) in bounds {
                    let param = format!("created[{op}]");
                    let raw = value.as_str().ok_or_else(|| bad(&param, "a hash"))?;
                    let n = Some(number(&param, raw)?);
                    match op.as_str() {
                        "gt" => range.gt = n,
                        "gte" => range.gte = n,
                        "lt" => range.lt = n,
                        "lte" => range.lte = n,
                        _ => return Err(unknown_param(&param)),
                    }
                }
                Ok(range)
            }
        }
    }

    fn contains(&self, t: i64) -> bool {
        self.gt.is_none_or(|b| t > b)
            && self.gte.is_none_or(|b| t >= b)
            && self.lt.is_none_or(|b| t < b)
            && self.lte.is_none_or(|b| t <= b)
    }
}

/// Every list filter, checked before anything is read.
struct CardFilter {
    status: Option<CardStatus>,
    kind: Option<CardType>,
    cardholder: Option<String>,
    last4: Option<String>,
    exp_month: Option<i64>,
    exp_year: Option<i64>,
    created: CreatedRange,
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
    Form(params, ..): Form<UpdateParams>,
) -> ApiResult<IssuingCard> {
    let update = card_update(&FormValue::Map(params)).map_err(ApiError::bad_request)?;
    let mut data = state.store.write();
    let card = account
        .and_then(|a| data.issuing.get_mut(&a))
        .and_then(|issuing| issuing.card_mut(&id))
        .ok_or_else(|| ApiError::not_found("issuing_card", &id))?;
    // Validate against the card as it is now, then apply all of it or nothing.
    update.check(card)?;
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
    data.applied_writes += 1;
    Ok(Json(card))
}
