//! Stripe's Issuing test helpers: a purchase on a card (`POST
//! /v1/test_helpers/issuing/authorizations`, decided as Stripe decides), then capture, reverse,
//! expire or increment it, and refund a capture. Each change raises Stripe's events.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use issuing_http::{ApiError, ApiResult};
use issuing_model::money::MAX_AMOUNT;
use issuing_model::{
    AuthorizationMethod, Category, IssuingAuthorization, IssuingTransaction, MerchantData,
    StripeError,
};

use super::authorizations::with_current_card;
use crate::ledger::{self, Attempt};
use crate::params::{accepts, flag, hash, integer, missing_param, text, Form, Params, Scope};
use crate::rng::{now, unguessable_id};
use crate::state::{AccountIssuing, Data};
use crate::webhooks::{emit, emit_update};
use crate::AppState;

accepts!(
    CreateParams: "card", "amount", "currency", "merchant_amount", "merchant_currency",
    "merchant_data", "authorization_method", "is_amount_controllable", "wallet", "expand",
    // Stripe takes these too; the sandbox does not emulate them (refused by name, below).
    "amount_details", "fleet", "fuel", "network_data", "verification_data", "risk_assessment",
    "fraud_disputability_likelihood",
);

const NOT_EMULATED: &[&str] = &[
    "amount_details",
    "fleet",
    "fuel",
    "network_data",
    "verification_data",
    "risk_assessment",
    "fraud_disputability_likelihood",
];

const MERCHANT_FIELDS: &[&str] = &[
    "category",
    "city",
    "country",
    "name",
    "network_id",
    "postal_code",
    "state",
    "terminal_id",
    "url",
];

fn bad(param: &str, message: impl Into<String>) -> ApiError {
    ApiError::bad_request(StripeError::invalid_param(param, message))
}

fn issuing<'a>(data: &'a mut Data, account: &Option<String>) -> Option<&'a mut AccountIssuing> {
    account.as_ref().and_then(|a| data.issuing.get_mut(a))
}

/// Stripe's defaults where the test helper is not told: a purchase online, at a merchant in
/// the card's country selling general merchandise (our assumption of Stripe's defaults).
fn merchant(params: &Params, card_country: Option<&str>) -> Result<MerchantData, ApiError> {
    let given = hash(params, "merchant_data", MERCHANT_FIELDS)?;
    let field = |name: &str| -> Result<Option<String>, ApiError> {
        match given {
            Some(map) => text(map, name)
                .map(|v| v.map(str::to_owned))
                .map_err(|mut e| {
                    e.body.error.param = Some(format!("merchant_data[{name}]"));
                    e
                }),
            None => Ok(None),
        }
    };
    let category: Category = field("category")?
        .unwrap_or_else(|| "miscellaneous_general_merchandise".to_owned())
        .as_str()
        .into();
    if !category.is_known() {
        return Err(bad(
            "merchant_data[category]",
            format!(
                "Invalid merchant_data[category]: '{}' is not a merchant category.",
                category.as_str()
            ),
        ));
    }
    let country = match field("country")? {
        Some(c) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) => Some(c),
        Some(c) => {
            return Err(bad(
                "merchant_data[country]",
                format!("Invalid merchant_data[country]: '{c}' is not a two-letter country code."),
            ))
        }
        None => card_country.map(str::to_owned),
    };
    Ok(MerchantData {
        category_code: category.mcc().unwrap_or("5399").to_owned(),
        category,
        city: field("city")?,
        country,
        name: Some(field("name")?.unwrap_or_else(|| "Sandbox Test Merchant".to_owned())),
        network_id: field("network_id")?.unwrap_or_else(|| "1234567890".to_owned()),
        postal_code: field("postal_code")?,
        state: field("state")?,
        tax_id: None,
        terminal_id: field("terminal_id")?,
        url: field("url")?,
    })
}

pub async fn create(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Form(params, ..): Form<CreateParams>,
) -> ApiResult<IssuingAuthorization> {
    if let Some(name) = NOT_EMULATED.iter().find(|n| params.contains_key(**n)) {
        return Err(bad(
            name,
            format!(
                "The local sandbox does not emulate {name}: leave it out (real Stripe takes it)."
            ),
        ));
    }
    let card_id = text(&params, "card")?
        .ok_or_else(|| missing_param("card"))?
        .to_owned();
    let amount = integer(&params, "amount", 1..=MAX_AMOUNT)?;
    let currency = text(&params, "currency")?.map(str::to_ascii_lowercase);
    let merchant_amount = integer(&params, "merchant_amount", 1..=MAX_AMOUNT)?;
    let merchant_currency = text(&params, "merchant_currency")?.map(str::to_ascii_lowercase);
    let method: AuthorizationMethod = text(&params, "authorization_method")?
        .unwrap_or("online")
        .parse()
        .unwrap_or_else(|n| match n {});
    if !method.is_known() {
        return Err(bad(
            "authorization_method",
            "Invalid authorization_method: must be one of chip, contactless, keyed_in, online or swipe.",
        ));
    }
    flag(&params, "is_amount_controllable")?;
    let wallet = text(&params, "wallet")?.map(str::to_owned);
    if let Some(w) = wallet
        .as_deref()
        .filter(|w| !["apple_pay", "google_pay", "samsung_pay"].contains(w))
    {
        return Err(bad("wallet", format!("Invalid wallet: '{w}'.")));
    }
    let at = now();
    let mut data = state.store.write();
    let country = account
        .as_ref()
        .and_then(|a| data.accounts.iter().find(|x| &x.id == a))
        .and_then(|a| a.country.clone());
    let merchant_data = merchant(&params, country.as_deref())?;
    let Some(book) = issuing(&mut data, &account) else {
        return Err(ApiError::missing_object("card", &card_id));
    };
    let Some(card) = book.card(&card_id).cloned() else {
        return Err(ApiError::missing_object("card", &card_id));
    };
    // The sandbox has no exchange rates: an amount in another currency needs both sides given.
    if let Some(c) = currency.as_deref().filter(|c| *c != card.currency) {
        return Err(bad(
            "currency",
            format!(
                "The local sandbox has no exchange rates: give amount in the card's currency ({}), and merchant_amount with merchant_currency {c}.",
                card.currency
            ),
        ));
    }
    let merchant_currency = merchant_currency.unwrap_or_else(|| card.currency.clone());
    let (amount, merchant_amount) = match (amount, merchant_amount) {
        (Some(a), Some(m)) => (a, m),
        (Some(a), None) if merchant_currency == card.currency => (a, a),
        (None, Some(m)) if merchant_currency == card.currency => (m, m),
        (None, None) => return Err(missing_param("amount")),
        _ => {
            return Err(bad(
                "amount",
                "The local sandbox has no exchange rates: with merchant_currency different from the card's, give both amount and merchant_amount.",
            ))
        }
    };
    let attempt = Attempt {
        card: card.id.clone(),
        amount,
        merchant_amount,
        merchant_currency,
        merchant_data,
        method,
        wallet,
        at,
        id: unguessable_id("iauth_"),
    };
    let auth = ledger::authorize(book, attempt)
        .ok_or_else(|| ApiError::missing_object("card", &card_id))?;
    let auth_json = serde_json::to_value(&auth).unwrap_or_default();
    data.applied_writes += 1;
    emit(
        &state,
        &mut data,
        "issuing_authorization.created",
        account.as_deref(),
        auth_json,
    );
    Ok(Json(auth))
}

accepts!(
    CaptureParams: "capture_amount", "close_authorization", "purchase_details", "expand",
);

/// Runs a change on a pending authorization and answers it as Stripe would: 404 for an unknown
/// one, 400 for one no longer pending, else the authorization with `issuing_authorization.updated`.
fn change(
    state: &AppState,
    account: &Option<String>,
    id: &str,
    run: impl FnOnce(&mut AccountIssuing) -> Result<Option<IssuingAuthorization>, String>,
) -> ApiResult<IssuingAuthorization> {
    let mut data = state.store.write();
    let book = issuing(&mut data, account)
        .ok_or_else(|| ApiError::not_found("issuing_authorization", id))?;
    let before = book
        .authorizations
        .iter()
        .find(|a| a.id == id)
        .map(|a| serde_json::to_value(with_current_card(book, a)).unwrap_or_default())
        .unwrap_or_default();
    let auth = run(book)
        .map_err(ApiError::invalid_request)?
        .ok_or_else(|| ApiError::not_found("issuing_authorization", id))?;
    let auth = with_current_card(book, &auth);
    data.applied_writes += 1;
    let json = serde_json::to_value(&auth).unwrap_or_default();
    emit_update(
        state,
        &mut data,
        "issuing_authorization.updated",
        account.as_deref(),
        &before,
        json,
    );
    Ok(Json(auth))
}

pub async fn capture(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
    Form(params, ..): Form<CaptureParams>,
) -> ApiResult<IssuingAuthorization> {
    if params.contains_key("purchase_details") {
        return Err(bad(
            "purchase_details",
            "The local sandbox does not emulate purchase_details: leave it out (real Stripe takes it).",
        ));
    }
    let amount = integer(&params, "capture_amount", 1..=MAX_AMOUNT)?;
    let close = flag(&params, "close_authorization")?.unwrap_or(true);
    let mut made: Option<IssuingTransaction> = None;
    let answer = change(&state, &account, &id, |book| {
        let captured = ledger::capture(book, &id, amount, close, now(), unguessable_id("ipi_"))?;
        Ok(captured.map(|(auth, transaction)| {
            made = Some(transaction);
            auth
        }))
    })?;
    if let Some(transaction) = made {
        let mut data = state.store.write();
        let json = serde_json::to_value(&transaction).unwrap_or_default();
        emit(
            &state,
            &mut data,
            "issuing_transaction.created",
            account.as_deref(),
            json,
        );
    }
    Ok(answer)
}

accepts!(ReverseParams: "reverse_amount", "expand");

pub async fn reverse(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
    Form(params, ..): Form<ReverseParams>,
) -> ApiResult<IssuingAuthorization> {
    let amount = integer(&params, "reverse_amount", 1..=MAX_AMOUNT)?;
    change(&state, &account, &id, |book| {
        ledger::reverse(book, &id, amount)
    })
}

accepts!(ExpireParams: "expand");

pub async fn expire(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
    _: Form<ExpireParams>,
) -> ApiResult<IssuingAuthorization> {
    change(&state, &account, &id, |book| ledger::expire(book, &id))
}

accepts!(IncrementParams: "increment_amount", "is_amount_controllable", "expand");

pub async fn increment(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
    Form(params, ..): Form<IncrementParams>,
) -> ApiResult<IssuingAuthorization> {
    let more = integer(&params, "increment_amount", 1..=MAX_AMOUNT)?
        .ok_or_else(|| missing_param("increment_amount"))?;
    flag(&params, "is_amount_controllable")?;
    change(&state, &account, &id, |book| {
        ledger::increment(book, &id, more, now())
    })
}

accepts!(RefundParams: "refund_amount", "expand");

pub async fn refund(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
    Form(params, ..): Form<RefundParams>,
) -> ApiResult<IssuingTransaction> {
    let amount = integer(&params, "refund_amount", 1..=MAX_AMOUNT)?;
    let mut data = state.store.write();
    let book = issuing(&mut data, &account)
        .ok_or_else(|| ApiError::not_found("issuing_transaction", &id))?;
    let refund = ledger::refund(book, &id, amount, now(), unguessable_id("ipi_"))
        .map_err(ApiError::invalid_request)?
        .ok_or_else(|| ApiError::not_found("issuing_transaction", &id))?;
    data.applied_writes += 1;
    let json = serde_json::to_value(&refund).unwrap_or_default();
    emit(
        &state,
        &mut data,
        "issuing_transaction.created",
        account.as_deref(),
        json,
    );
    Ok(Json(refund))
}
