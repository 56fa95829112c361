//! `GET /v1/issuing/authorizations[/{id}]` and `GET /v1/issuing/transactions[/{id}]`: what the
//! account's cards were used for, in the `Stripe-Account` scope, newest first, with Stripe's
//! filters. An authorization carries its card as it is now, as Stripe's does.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use issuing_http::{ApiError, ApiResult};
use issuing_model::{
    AuthorizationStatus, IssuingAuthorization, IssuingTransaction, List, StripeError,
    TransactionType,
};

use crate::created::CreatedRange;
use crate::pagination::{paginate_refs, PageParams};
use crate::params::{accepts, text, ExpandOnly, Params, QueryParams, Scope};
use crate::state::AccountIssuing;
use crate::AppState;

accepts!(
    AuthorizationListParams: "limit", "starting_after", "ending_before", "card", "cardholder",
    "status", "created", "expand",
);

accepts!(
    TransactionListParams: "limit", "starting_after", "ending_before", "card", "cardholder",
    "type", "created", "expand",
);

/// The filters both lists share.
struct Owners {
    card: Option<String>,
    cardholder: Option<String>,
    created: CreatedRange,
}

impl Owners {
    fn parse(params: &Params) -> Result<Self, ApiError> {
        Ok(Self {
            card: text(params, "card")?.map(str::to_owned),
            cardholder: text(params, "cardholder")?.map(str::to_owned),
            created: CreatedRange::parse(params)?,
        })
    }

    fn matches(&self, card: &str, cardholder: Option<&str>, created: i64) -> bool {
        self.card.as_deref().is_none_or(|c| c == card)
            && self
                .cardholder
                .as_deref()
                .is_none_or(|h| Some(h) == cardholder)
            && self.created.contains(created)
    }
}

fn one_of(param: &str, value: Option<&str>, known: &[&str]) -> Result<(), ApiError> {
    match value {
        Some(v) if !known.contains(&v) => Err(ApiError::bad_request(StripeError::invalid_param(
            param,
            format!(
                "Invalid {param}: must be one of {} (got '{v}').",
                known.join(", ")
            ),
        ))),
        _ => Ok(()),
    }
}

/// `auth` with its card as the account has it now.
pub fn with_current_card(
    issuing: &AccountIssuing,
    auth: &IssuingAuthorization,
) -> IssuingAuthorization {
    let mut auth = auth.clone();
    if let Some(card) = issuing.card(&auth.card.id) {
        auth.card = card.clone();
    }
    auth
}

pub async fn list(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    QueryParams(params, ..): QueryParams<AuthorizationListParams>,
) -> ApiResult<List<IssuingAuthorization>> {
    let owners = Owners::parse(&params)?;
    let status = text(&params, "status")?;
    let statuses: Vec<&str> = AuthorizationStatus::KNOWN
        .iter()
        .map(|s| s.as_str())
        .collect();
    one_of("status", status, &statuses)?;
    let page = PageParams::from_params(&params)?;
    let data = state.store.read();
    let Some(issuing) = account.and_then(|a| data.issuing.get(&a)) else {
        return Ok(Json(List::new(
            Vec::new(),
            false,
            "/v1/issuing/authorizations",
        )));
    };
    let found: Vec<&IssuingAuthorization> = issuing
        .authorizations
        .iter()
        .filter(|a| owners.matches(&a.card.id, a.cardholder.as_deref(), a.created))
        .filter(|a| status.is_none_or(|s| a.status.as_str() == s))
        .collect();
    let mut list = paginate_refs(&found, |a| &a.id, &page, "/v1/issuing/authorizations")?;
    for auth in &mut list.data {
        *auth = with_current_card(issuing, auth);
    }
    Ok(Json(list))
}

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
    _: QueryParams<ExpandOnly>,
) -> ApiResult<IssuingAuthorization> {
    let data = state.store.read();
    account
        .and_then(|a| data.issuing.get(&a))
        .and_then(|issuing| {
            let auth = issuing.authorizations.iter().find(|a| a.id == id)?;
            Some(with_current_card(issuing, auth))
        })
        .map(Json)
        .ok_or_else(|| ApiError::not_found("issuing_authorization", &id))
}

pub async fn list_transactions(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    QueryParams(params, ..): QueryParams<TransactionListParams>,
) -> ApiResult<List<IssuingTransaction>> {
    let owners = Owners::parse(&params)?;
    let kind = text(&params, "type")?;
    let kinds: Vec<&str> = TransactionType::KNOWN.iter().map(|k| k.as_str()).collect();
    one_of("type", kind, &kinds)?;
    let page = PageParams::from_params(&params)?;
    let data = state.store.read();
    let found: Vec<&IssuingTransaction> = account
        .and_then(|a| data.issuing.get(&a))
        .map(|issuing| {
            issuing
                .transactions
                .iter()
                .filter(|t| owners.matches(&t.card, t.cardholder.as_deref(), t.created))
                .filter(|t| kind.is_none_or(|k| t.kind.as_str() == k))
                .collect()
        })
        .unwrap_or_default();
    paginate_refs(&found, |t| &t.id, &page, "/v1/issuing/transactions").map(Json)
}

pub async fn retrieve_transaction(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
    _: QueryParams<ExpandOnly>,
) -> ApiResult<IssuingTransaction> {
    let data = state.store.read();
    account
        .and_then(|a| data.issuing.get(&a))
        .and_then(|issuing| issuing.transactions.iter().find(|t| t.id == id))
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::not_found("issuing_transaction", &id))
}
