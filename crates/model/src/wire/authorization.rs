//! `issuing.authorization` and `issuing.transaction`: what a card was asked to pay, what Stripe
//! decided, and the money that then moved. The fields the panel and server read; the sandbox
//! fills in the rest of what Stripe sends.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::rules::authorization::Spend;
use crate::{open_enum, CardPresence, Category, IssuingCard, Metadata};

open_enum!(
    AuthorizationStatus {
        Pending = "pending",
        Closed = "closed",
        Reversed = "reversed",
        Expired = "expired",
    }
);

open_enum!(
    AuthorizationMethod {
        Chip = "chip",
        Contactless = "contactless",
        KeyedIn = "keyed_in",
        Online = "online",
        Swipe = "swipe",
    }
);

open_enum!(TransactionType { Capture = "capture", Refund = "refund" });

/// Where the card was used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MerchantData {
    pub category: Category,
    /// The four-digit merchant category code.
    pub category_code: String,
    pub city: Option<String>,
    pub country: Option<String>,
    pub name: Option<String>,
    pub network_id: String,
    #[serde(default)]
    pub postal_code: Option<String>,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub tax_id: Option<String>,
    #[serde(default)]
    pub terminal_id: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

/// One request the network made on an authorization, and Stripe's answer to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestHistory {
    pub amount: i64,
    pub approved: bool,
    pub created: i64,
    pub currency: String,
    pub merchant_amount: i64,
    pub merchant_currency: String,
    /// `spending_controls`, `card_inactive`, `webhook_approved`, … (Stripe adds reasons).
    pub reason: String,
    pub reason_message: Option<String>,
    #[serde(default)]
    pub amount_details: Option<Value>,
    #[serde(default)]
    pub authorization_code: Option<String>,
    #[serde(default)]
    pub network_risk_score: Option<i64>,
    #[serde(default)]
    pub requested_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssuingAuthorization {
    pub id: String,
    #[serde(default = "authorization_object")]
    pub object: String,
    /// In the card's currency, what is held now (0 once captured or reversed).
    pub amount: i64,
    pub approved: bool,
    pub authorization_method: AuthorizationMethod,
    pub card: IssuingCard,
    pub card_presence: Option<CardPresence>,
    pub cardholder: Option<String>,
    pub created: i64,
    pub currency: String,
    #[serde(default)]
    pub livemode: bool,
    pub merchant_amount: i64,
    pub merchant_currency: String,
    pub merchant_data: MerchantData,
    #[serde(default)]
    pub metadata: Metadata,
    #[serde(default)]
    pub request_history: Vec<RequestHistory>,
    pub status: AuthorizationStatus,
    #[serde(default)]
    pub transactions: Vec<IssuingTransaction>,
    #[serde(default)]
    pub balance_transactions: Vec<Value>,
    #[serde(default)]
    pub wallet: Option<String>,
}

fn authorization_object() -> String {
    "issuing.authorization".to_owned()
}

impl IssuingAuthorization {
    /// What the purchase asked for at first (the held `amount` falls to 0 once settled).
    pub fn requested(&self) -> i64 {
        self.request_history
            .first()
            .map_or(self.amount, |r| r.amount)
    }

    /// Why it was declined, as Stripe said it (the last request's reason).
    pub fn decline(&self) -> Option<&RequestHistory> {
        self.request_history.iter().rev().find(|r| !r.approved)
    }

    /// What it counts against spending limits now, in the card's currency (our reading of
    /// Stripe's): an approved authorization still pending counts its authorized amount; once
    /// closed, reversed or expired, what was captured. Refunds give none back.
    pub fn counted_spend(&self) -> i64 {
        if !self.approved {
            return 0;
        }
        match self.status {
            AuthorizationStatus::Pending => self.amount,
            _ => self
                .transactions
                .iter()
                .filter(|t| t.kind == TransactionType::Capture)
                .map(|t| -t.amount)
                .sum(),
        }
    }

    /// The spend it adds, for [`decide`](crate::rules::authorization::decide) and the spend bars.
    pub fn spend(&self) -> Spend {
        Spend {
            amount: self.counted_spend(),
            category: self.merchant_data.category.clone(),
            at: self.created,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssuingTransaction {
    pub id: String,
    #[serde(default = "transaction_object")]
    pub object: String,
    /// In the card's currency, as your balance sees it: negative for a capture, positive for a
    /// refund.
    pub amount: i64,
    pub authorization: Option<String>,
    pub card: String,
    pub cardholder: Option<String>,
    pub created: i64,
    pub currency: String,
    #[serde(default)]
    pub livemode: bool,
    pub merchant_amount: i64,
    pub merchant_currency: String,
    pub merchant_data: MerchantData,
    #[serde(default)]
    pub metadata: Metadata,
    #[serde(rename = "type")]
    pub kind: TransactionType,
    #[serde(default)]
    pub wallet: Option<String>,
}

fn transaction_object() -> String {
    "issuing.transaction".to_owned()
}
