//! `POST /v1/issuing/cards/{id}`: the update the panel asks for, and its form body (its rules
//! are in `rules`).

use serde::{Deserialize, Serialize};

use crate::form::FormBuilder;
use crate::wire::spending::{SpendingControls, SpendingControlsUpdate};
use crate::{CancellationReason, CardStatus, IssuingCard};

/// What may change on a card. Fields left `None` stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spending_controls: Option<SpendingControlsUpdate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CardStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancellation_reason: Option<CancellationReason>,
}

impl CardUpdate {
    /// The form body Stripe expects.
    pub fn to_form(&self) -> FormBuilder {
        let mut form = FormBuilder::new();
        if let Some(sc) = &self.spending_controls {
            sc.push_form(&mut form, "spending_controls");
        }
        if let Some(status) = &self.status {
            form.push("status", status.as_str());
        }
        if let Some(reason) = &self.cancellation_reason {
            form.push("cancellation_reason", reason.as_str());
        }
        form
    }
}

/// `spending_controls` of a card once `update` is applied.
pub fn updated_controls(card: &IssuingCard, update: &CardUpdate) -> SpendingControls {
    match &update.spending_controls {
        Some(sc) => card.spending_controls.apply(sc),
        None => card.spending_controls.clone(),
    }
}
