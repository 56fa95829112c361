//! What a card was used for: the query of the authorization and transaction lists (per card or
//! cardholder, as the server passes them on to Stripe), and a purchase to simulate in test mode.

use serde::{Deserialize, Serialize};

use crate::form::FormBuilder;
use crate::{CardId, Category};

/// Filters and cursor for one page of authorizations (`status`) or transactions (`type`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
// A parameter the server does not know is refused (as Stripe does), never silently ignored.
#[serde(deny_unknown_fields)]
pub struct PurchaseQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder: Option<String>,
    /// An authorization's status (`pending`, `closed`, `reversed`, `expired`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// A transaction's type (`capture`, `refund`).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Unix seconds, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_gte: Option<i64>,
    /// Unix seconds, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_lte: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starting_after: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ending_before: Option<String>,
}

impl PurchaseQuery {
    /// The server's own parameter names (`created_gte`, not `created[gte]`), for its URLs.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        self.to_stripe_query()
            .into_iter()
            .map(|(k, v)| {
                let ours = match k {
                    "created[gte]" => "created_gte",
                    "created[lte]" => "created_lte",
                    other => other,
                };
                (ours, v)
            })
            .collect()
    }

    /// The query for Stripe's lists, in its names, with the page size always given.
    pub fn to_stripe_query(&self) -> Vec<(&'static str, String)> {
        let mut q = vec![("limit", self.limit.unwrap_or(25).to_string())];
        let mut add = |k: &'static str, v: Option<String>| {
            if let Some(v) = v {
                q.push((k, v));
            }
        };
        add("card", self.card.clone());
        add("cardholder", self.cardholder.clone());
        add("status", self.status.clone());
        add("type", self.kind.clone());
        add("created[gte]", self.created_gte.map(|t| t.to_string()));
        add("created[lte]", self.created_lte.map(|t| t.to_string()));
        add("starting_after", self.starting_after.clone());
        add("ending_before", self.ending_before.clone());
        q
    }
}

/// `POST /api/accounts/{account}/cards/{card}/purchases` (test mode): a purchase made with the
/// card, through Stripe's test helper, so its decision can be seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimulatePurchase {
    /// In the card's currency, in its minor unit.
    pub amount: i64,
    /// Where the merchant charges another currency: what it charged, in that currency's unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_amount: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_currency: Option<String>,
    pub category: Category,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub card_present: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_name: Option<String>,
    /// Capture it at once (when approved), as a settled purchase.
    #[serde(default)]
    pub capture: bool,
}

impl SimulatePurchase {
    /// Stripe's test-helper form for `card`.
    pub fn to_form(&self, card: &CardId) -> FormBuilder {
        let mut form = FormBuilder::new();
        form.push("card", card.as_str());
        form.push("amount", self.amount.to_string());
        if let (Some(amount), Some(currency)) = (self.merchant_amount, &self.merchant_currency) {
            form.push("merchant_amount", amount.to_string());
            form.push("merchant_currency", currency.as_str());
        }
        form.push("merchant_data[category]", self.category.as_str());
        form.push("merchant_data[country]", self.country.as_str());
        if let Some(name) = self
            .merchant_name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
        {
            form.push("merchant_data[name]", name.trim());
        }
        // Chip for a card in the shop, online otherwise: how the presence reaches Stripe.
        form.push(
            "authorization_method",
            if self.card_present { "chip" } else { "online" },
        );
        form
    }
}
