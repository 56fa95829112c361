//! Stripe's rules for `POST /v1/issuing/cards/{id}`.

use crate::rules::{Rule, Violation};
use crate::{CancellationReason, CardStatus, CardUpdate, IssuingCard};

impl CardUpdate {
    /// Every rule the update breaks, given the card it is for (Stripe's rules: one
    /// implementation for the panel, the server and the sandbox).
    pub fn validate(&self, card: &IssuingCard) -> Vec<Violation> {
        let mut found = Vec::new();
        if *self == Self::default() {
            found.push(Violation::new("spending_controls", Rule::NothingToUpdate));
        }
        if let Some(update) = &self.spending_controls {
            found.extend(update.validate(&card.spending_controls, &card.currency));
        }
        if let Some(status) = &self.status {
            if !status.is_known() {
                found.push(Violation::new(
                    "status",
                    Rule::UnknownStatus(status.to_string()),
                ));
            }
        }
        if let Some(reason) = &self.cancellation_reason {
            if !matches!(
                reason,
                CancellationReason::Lost | CancellationReason::Stolen
            ) {
                found.push(Violation::new(
                    "cancellation_reason",
                    Rule::UnknownCancellationReason(reason.to_string()),
                ));
            } else if self.status != Some(CardStatus::Canceled) {
                found.push(Violation::new(
                    "cancellation_reason",
                    Rule::CancellationWithoutCancel,
                ));
            }
        }
        if card.status == CardStatus::Canceled && *self != Self::default() {
            found.push(Violation::new(
                if self.status.is_some() {
                    "status"
                } else {
                    "spending_controls"
                },
                Rule::CardCanceled,
            ));
        }
        found
    }

    /// The first violation as Stripe would answer it, if any.
    pub fn check(&self, card: &IssuingCard) -> Result<(), Violation> {
        Violation::first(self.validate(card))
    }
}
