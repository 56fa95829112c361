//! `POST /v1/issuing/cards`: a new virtual or physical card, possibly replacing another. A
//! card replaced as lost or stolen is canceled at once; a damaged or expired one works until
//! its replacement is activated (see `docs/sandbox.md`).

use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use issuing_http::{ApiError, ApiResult};
use issuing_model::dates::civil_from_unix;
use issuing_model::rules::{replacement_cancels_at_once, Violation};
use issuing_model::{
    CancellationReason, CardStatus, IssuingCard, ReplacementReason, Shipping, ShippingService,
    SpendingControls, WalletStatus, Wallets,
};

use crate::issuing_forms::card_create;
use crate::params::{accepts, Form, MetadataPatch, Scope};
use crate::rng::{now, unguessable_id, Rng};
use crate::routes::cardholders::program_currency;
use crate::state::AccountIssuing;
use crate::webhooks::{emit, emit_update};
use crate::AppState;

accepts!(
    CreateParams: "cardholder", "currency", "type", "status", "spending_controls", "shipping",
    "replacement_for", "replacement_reason", "metadata", "expand",
);

pub async fn create(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Form(mut params, ..): Form<CreateParams>,
) -> ApiResult<IssuingCard> {
    let Some(account) = account else {
        return Err(ApiError::invalid_request(
            "Cards belong to a connected account: send its Stripe-Account header.",
        ));
    };
    let metadata = match params.remove("metadata") {
        Some(m) => MetadataPatch::parse(&m)?.apply(&Default::default())?,
        None => Default::default(),
    };
    let create = card_create(&params).map_err(ApiError::bad_request)?;
    Violation::first(create.validate()).map_err(|v| ApiError::bad_request(v.into()))?;
    let mut data = state.store.write();
    let currency = program_currency(&data, &account);
    let issuing = data
        .issuing
        .get_mut(&account)
        .ok_or_else(|| ApiError::missing_object("cardholder", &create.cardholder))?;
    let holder = issuing
        .cardholders
        .iter()
        .find(|h| h.id == create.cardholder)
        .cloned()
        .ok_or_else(|| ApiError::missing_object("cardholder", &create.cardholder))?;
    let replaced = match &create.replacement_for {
        Some(id) => Some(
            issuing
                .card(id)
                .cloned()
                .ok_or_else(|| ApiError::missing_object("replacement_for", id))?,
        ),
        None => None,
    };
    Violation::first(create.validate_for(&holder, &currency, replaced.as_ref()))
        .map_err(|v| ApiError::bad_request(v.into()))?;
    let now = now();
    let (year, month, _) = civil_from_unix(now);
    let mut rng = Rng::new(now as u64 ^ issuing.cards.len() as u64);
    let card = IssuingCard {
        id: unguessable_id("ic_"),
        object: "issuing.card".to_owned(),
        brand: "Visa".to_owned(),
        cancellation_reason: None,
        cardholder: holder,
        created: now,
        currency: create.currency.clone(),
        exp_month: month as u8,
        exp_year: (year + 3) as u16,
        last4: format!("{:04}", rng.below(10_000)),
        livemode: false,
        metadata,
        replaced_by: None,
        replacement_for: create.replacement_for.clone(),
        replacement_reason: create.replacement_reason.clone(),
        shipping: create.shipping.clone().map(|s| {
            Shipping::pending(
                s.name,
                s.address,
                s.service.unwrap_or(ShippingService::Standard),
            )
        }),
        spending_controls: SpendingControls {
            spending_limits_currency: Some(create.currency.clone()),
            ..SpendingControls::default()
        }
        .apply(&create.spending_controls.clone().unwrap_or_default()),
        status: create.status.clone().unwrap_or(CardStatus::Inactive),
        kind: create.kind.clone(),
        wallets: Some(Wallets {
            apple_pay: Some(WalletStatus {
                eligible: true,
                ineligible_reason: None,
            }),
            google_pay: Some(WalletStatus {
                eligible: true,
                ineligible_reason: None,
            }),
            primary_account_identifier: None,
        }),
    };
    issuing.add_newest_card(card.clone());
    let old = replaced.and_then(|old| retire(issuing, &old, &card));
    data.applied_writes += 1;
    emit(
        &state,
        &mut data,
        "issuing_card.created",
        Some(&account),
        serde_json::to_value(&card).unwrap_or_default(),
    );
    if let Some((before, after)) = old {
        emit_update(
            &state,
            &mut data,
            "issuing_card.updated",
            Some(&account),
            &before,
            after,
        );
    }
    Ok(Json(card))
}

/// Links the replaced card to its replacement and cancels it if it must stop now: lost or
/// stolen, or once the replacement is active. The old card before and after, for its event.
fn retire(
    issuing: &mut AccountIssuing,
    old: &IssuingCard,
    new: &IssuingCard,
) -> Option<(serde_json::Value, serde_json::Value)> {
    let card = issuing.card_mut(&old.id)?;
    let before = serde_json::to_value(&*card).unwrap_or_default();
    card.replaced_by = Some(new.id.clone());
    let reason = new.replacement_reason.as_ref();
    let cancel_now = reason.is_some_and(replacement_cancels_at_once);
    if (cancel_now || new.status == CardStatus::Active) && card.status != CardStatus::Canceled {
        card.status = CardStatus::Canceled;
        card.cancellation_reason = match reason {
            Some(ReplacementReason::Lost) => Some(CancellationReason::Lost),
            Some(ReplacementReason::Stolen) => Some(CancellationReason::Stolen),
            _ => None,
        };
    }
    Some((before, serde_json::to_value(&*card).unwrap_or_default()))
}
