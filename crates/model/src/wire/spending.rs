//! Spending controls: what a card has, what an update changes, and Stripe's rules for both.

use serde::{Deserialize, Serialize};

use crate::form::FormBuilder;
use crate::open_enum;
use crate::Category;

fn strs(categories: &[Category]) -> Vec<&str> {
    categories.iter().map(Category::as_str).collect()
}

open_enum!(
    /// The window a spending limit counts over.
    SpendingInterval {
        PerAuthorization = "per_authorization",
        Daily = "daily",
        Weekly = "weekly",
        Monthly = "monthly",
        Yearly = "yearly",
        AllTime = "all_time",
    }
);

open_enum!(CardPresence { Present = "present", NotPresent = "not_present" });

/// A card's (or cardholder's) spending controls as Stripe returns them. Stripe sends `null`
/// for an unset list, sometimes `[]`: both mean "not set" (see [`SpendingControls::list`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendingControls {
    #[serde(default)]
    pub allowed_categories: Option<Vec<Category>>,
    #[serde(default)]
    pub blocked_categories: Option<Vec<Category>>,
    #[serde(default)]
    pub allowed_merchant_countries: Option<Vec<String>>,
    #[serde(default)]
    pub blocked_merchant_countries: Option<Vec<String>>,
    #[serde(default)]
    pub allowed_card_presences: Option<Vec<CardPresence>>,
    #[serde(default)]
    pub blocked_card_presences: Option<Vec<CardPresence>>,
    #[serde(default)]
    pub spending_limits: Option<Vec<SpendingLimit>>,
    /// Always the card's currency on a card; not an update parameter.
    #[serde(default)]
    pub spending_limits_currency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendingLimit {
    /// In the minor unit of the card's currency.
    pub amount: i64,
    /// `None` (or empty): the limit applies to every category.
    #[serde(default)]
    pub categories: Option<Vec<Category>>,
    pub interval: SpendingInterval,
}

impl SpendingControls {
    /// A list field as a slice: `null` and `[]` alike are empty.
    pub fn list<T>(field: &Option<Vec<T>>) -> &[T] {
        field.as_deref().unwrap_or(&[])
    }

    pub fn limits(&self) -> &[SpendingLimit] {
        Self::list(&self.spending_limits)
    }

    /// The controls after `update`: fields it sets replace ours, the rest stay.
    pub fn apply(&self, update: &SpendingControlsUpdate) -> SpendingControls {
        fn set<T: Clone>(current: &Option<Vec<T>>, new: &Option<Vec<T>>) -> Option<Vec<T>> {
            match new {
                None => current.clone(),
                Some(v) if v.is_empty() => None,
                Some(v) => Some(v.clone()),
            }
        }
        SpendingControls {
            allowed_categories: set(&self.allowed_categories, &update.allowed_categories),
            blocked_categories: set(&self.blocked_categories, &update.blocked_categories),
            allowed_merchant_countries: set(
                &self.allowed_merchant_countries,
                &update.allowed_merchant_countries,
            ),
            blocked_merchant_countries: set(
                &self.blocked_merchant_countries,
                &update.blocked_merchant_countries,
            ),
            allowed_card_presences: set(
                &self.allowed_card_presences,
                &update.allowed_card_presences,
            ),
            blocked_card_presences: set(
                &self.blocked_card_presences,
                &update.blocked_card_presences,
            ),
            spending_limits: match &update.spending_limits {
                None => self.spending_limits.clone(),
                Some(v) => Some(v.clone()),
            },
            spending_limits_currency: self.spending_limits_currency.clone(),
        }
    }
}

/// A change to spending controls. For each field: `None` leaves it as it is, `Some(vec![])`
/// clears it, `Some(values)` replaces it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendingControlsUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_categories: Option<Vec<Category>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_categories: Option<Vec<Category>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_merchant_countries: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_merchant_countries: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_card_presences: Option<Vec<CardPresence>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_card_presences: Option<Vec<CardPresence>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spending_limits: Option<Vec<SpendingLimit>>,
}

impl SpendingControlsUpdate {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The update in bracket notation under `p` (`spending_controls` on cards and
    /// cardholders); an empty list is sent as `p[field]=`, which clears it on Stripe.
    pub fn push_form(&self, form: &mut FormBuilder, p: &str) {
        if let Some(limits) = &self.spending_limits {
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
                self.allowed_categories.as_ref().map(|v| strs(v)),
            ),
            (
                "blocked_categories",
                self.blocked_categories.as_ref().map(|v| strs(v)),
            ),
            (
                "allowed_merchant_countries",
                self.allowed_merchant_countries
                    .as_ref()
                    .map(|v| v.iter().map(String::as_str).collect()),
            ),
            (
                "blocked_merchant_countries",
                self.blocked_merchant_countries
                    .as_ref()
                    .map(|v| v.iter().map(String::as_str).collect()),
            ),
            (
                "allowed_card_presences",
                self.allowed_card_presences
                    .as_ref()
                    .map(|v| v.iter().map(|p| p.as_str()).collect()),
            ),
            (
                "blocked_card_presences",
                self.blocked_card_presences
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

    /// The update that turns any controls into `target`: every field set to `target`'s.
    pub fn setting_all(target: &SpendingControls) -> Self {
        fn all<T: Clone>(field: &Option<Vec<T>>) -> Option<Vec<T>> {
            Some(field.clone().unwrap_or_default())
        }
        Self {
            allowed_categories: all(&target.allowed_categories),
            blocked_categories: all(&target.blocked_categories),
            allowed_merchant_countries: all(&target.allowed_merchant_countries),
            blocked_merchant_countries: all(&target.blocked_merchant_countries),
            allowed_card_presences: all(&target.allowed_card_presences),
            blocked_card_presences: all(&target.blocked_card_presences),
            spending_limits: all(&target.spending_limits),
        }
    }
}
