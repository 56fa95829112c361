//! `POST /v1/issuing/cards/{id}`: the update the panel asks for, its checks, and its form body.

use serde::{Deserialize, Serialize};

use crate::form::FormBuilder;
use crate::spending::{SpendingControls, SpendingControlsUpdate, Violation};
use crate::{CancellationReason, CardStatus, Category, IssuingCard};

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
    /// Every rule the update breaks, given the card it is for (Stripe's rules: one
    /// implementation for the panel, the server and the sandbox).
    pub fn validate(&self, card: &IssuingCard) -> Vec<Violation> {
        let mut found = Vec::new();
        if *self == Self::default() {
            found.push(Violation::new(
                "spending_controls",
                "Nothing to update: give spending_controls, status or cancellation_reason.",
            ));
        }
        if let Some(update) = &self.spending_controls {
            found.extend(update.validate(&card.spending_controls, &card.currency));
        }
        if let Some(status) = &self.status {
            if !status.is_known() {
                found.push(Violation::new(
                    "status",
                    format!("Invalid status '{status}': must be active, inactive or canceled."),
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
                    format!("Invalid cancellation_reason '{reason}': must be lost or stolen."),
                ));
            } else if self.status != Some(CardStatus::Canceled) {
                found.push(Violation::new(
                    "cancellation_reason",
                    "cancellation_reason can only be given with status=canceled.",
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
                "This card is canceled; a canceled card cannot be changed.",
            ));
        }
        found
    }

    /// The first violation as Stripe would answer it, if any.
    pub fn check(&self, card: &IssuingCard) -> Result<(), Violation> {
        Violation::first(self.validate(card))
    }

    /// The form body Stripe expects.
    pub fn to_form(&self) -> FormBuilder {
        let mut form = FormBuilder::new();
        if let Some(sc) = &self.spending_controls {
            let p = "spending_controls";
            if let Some(limits) = &sc.spending_limits {
                if limits.is_empty() {
                    form.push(format!("{p}[spending_limits]"), "");
                }
                for (i, limit) in limits.iter().enumerate() {
                    let key = format!("{p}[spending_limits][{i}]");
                    form.push(format!("{key}[amount]"), limit.amount.to_string());
                    form.push(format!("{key}[interval]"), limit.interval.as_str());
                    if let Some(categories) = &limit.categories {
                        form.list(&format!("{key}[categories]"), &strs(categories));
                    }
                }
            }
            let lists: [(&str, Option<Vec<&str>>); 6] = [
                (
                    "allowed_categories",
                    sc.allowed_categories.as_ref().map(|v| strs(v)),
                ),
                (
                    "blocked_categories",
                    sc.blocked_categories.as_ref().map(|v| strs(v)),
                ),
                (
                    "allowed_merchant_countries",
                    sc.allowed_merchant_countries
                        .as_ref()
                        .map(|v| v.iter().map(String::as_str).collect()),
                ),
                (
                    "blocked_merchant_countries",
                    sc.blocked_merchant_countries
                        .as_ref()
                        .map(|v| v.iter().map(String::as_str).collect()),
                ),
                (
                    "allowed_card_presences",
                    sc.allowed_card_presences
                        .as_ref()
                        .map(|v| v.iter().map(|p| p.as_str()).collect()),
                ),
                (
                    "blocked_card_presences",
                    sc.blocked_card_presences
                        .as_ref()
                        .map(|v| v.iter().map(|p| p.as_str()).collect()),
                ),
            ];
            for (field, items) in lists {
                if let Some(items) = items {
                    form.list(&format!("{p}[{field}]"), &items);
                }
            }
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

fn strs(categories: &[Category]) -> Vec<&str> {
    categories.iter().map(Category::as_str).collect()
}

/// `spending_controls` of a card once `update` is applied.
pub fn updated_controls(card: &IssuingCard, update: &CardUpdate) -> SpendingControls {
    match &update.spending_controls {
        Some(sc) => card.spending_controls.apply(sc),
        None => card.spending_controls.clone(),
    }
}
