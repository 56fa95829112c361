//! `POST /v1/issuing/cards/{id}`: the update the panel asks for, and its form body (its rules
//! are in `rules`).

use serde::{Deserialize, Serialize};

use crate::form::FormBuilder;
use crate::wire::spending::{SpendingControls, SpendingControlsUpdate};
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
