//! Shared Payment Tokens (preview API), PaymentIntents, and webhook events.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{open_enum, Metadata};

open_enum!(
    /// Why a granted token stopped being usable.
    DeactivatedReason { Consumed = "consumed", Expired = "expired", Resolved = "resolved", Revoked = "revoked" }
);

/// `shared_payment.granted_token`: what an AI agent granted the business.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrantedToken {
    pub id: String,
    #[serde(default = "granted_token_object")]
    pub object: String,
    pub created: i64,
    pub deactivated_at: Option<i64>,
    pub deactivated_reason: Option<DeactivatedReason>,
    #[serde(default)]
    pub livemode: bool,
    /// Limited details (type, card brand and last4): never a full number.
    #[serde(default)]
    pub payment_method_details: Option<Value>,
    #[serde(default)]
    pub usage_details: Option<UsageDetails>,
    /// `None` where the agent set no limits (Stripe marks it nullable).
    pub usage_limits: Option<UsageLimits>,
    #[serde(default)]
    pub shared_metadata: Option<Metadata>,
    #[serde(default)]
    pub agent_details: Option<Value>,
}

fn granted_token_object() -> String {
    "shared_payment.granted_token".to_owned()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageLimits {
    pub currency: String,
    pub max_amount: i64,
    pub expires_at: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageDetails {
    pub amount_captured: Option<AmountValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmountValue {
    pub currency: String,
    pub value: i64,
}

impl GrantedToken {
    /// What has been charged so far, in the minor unit.
    pub fn captured(&self) -> i64 {
        self.usage_details
            .as_ref()
            .and_then(|d| d.amount_captured.as_ref())
            .map_or(0, |a| a.value)
    }

    /// What may still be charged, in the minor unit; `None` where the token sets no limit.
    pub fn remaining(&self) -> Option<i64> {
        let limits = self.usage_limits.as_ref()?;
        Some((limits.max_amount - self.captured()).max(0))
    }

    /// The currency the token must be charged in: its limits', else the one it was charged in.
    pub fn currency(&self) -> Option<&str> {
        match &self.usage_limits {
            Some(limits) => Some(&limits.currency),
            None => self
                .usage_details
                .as_ref()
                .and_then(|d| d.amount_captured.as_ref())
                .map(|a| a.currency.as_str()),
        }
    }

    pub fn is_active(&self) -> bool {
        self.deactivated_at.is_none() && self.deactivated_reason.is_none()
    }
}

open_enum!(
    PaymentIntentStatus {
        RequiresPaymentMethod = "requires_payment_method",
        RequiresConfirmation = "requires_confirmation",
        RequiresAction = "requires_action",
        Processing = "processing",
        RequiresCapture = "requires_capture",
        Canceled = "canceled",
        Succeeded = "succeeded",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentIntent {
    pub id: String,
    #[serde(default = "payment_intent_object")]
    pub object: String,
    pub amount: i64,
    #[serde(default)]
    pub amount_received: i64,
    pub created: i64,
    pub currency: String,
    #[serde(default)]
    pub livemode: bool,
    #[serde(default)]
    pub metadata: Metadata,
    pub payment_method: Option<String>,
    pub status: PaymentIntentStatus,
    #[serde(default)]
    pub last_payment_error: Option<Value>,
    #[serde(default)]
    pub description: Option<String>,
    /// Sent with the secret key too; the panel never needs it.
    #[serde(default)]
    pub client_secret: Option<String>,
}

fn payment_intent_object() -> String {
    "payment_intent".to_owned()
}

/// A webhook event. `data.object` is kept as JSON: its type depends on `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(default = "event_object")]
    pub object: String,
    /// The connected account it happened on (Connect events only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    pub api_version: Option<String>,
    pub created: i64,
    pub data: EventData,
    #[serde(default)]
    pub livemode: bool,
    /// Endpoints that have not yet acknowledged it.
    #[serde(default)]
    pub pending_webhooks: u32,
    /// The API request that caused it; `None` inside for what happened on its own (an expiry).
    #[serde(default)]
    pub request: Option<EventRequest>,
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRequest {
    pub id: Option<String>,
    pub idempotency_key: Option<String>,
}

fn event_object() -> String {
    "event".to_owned()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventData {
    pub object: Value,
    /// On `*.updated` events: the fields that changed, as they were before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_attributes: Option<Value>,
}

/// `webhook_endpoint`: where Stripe sends events. `secret` is only in the answer that made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WebhookEndpoint {
    pub id: String,
    #[serde(default = "webhook_endpoint_object")]
    pub object: String,
    pub api_version: Option<String>,
    pub application: Option<String>,
    pub created: i64,
    pub description: Option<String>,
    pub enabled_events: Vec<String>,
    #[serde(default)]
    pub livemode: bool,
    #[serde(default)]
    pub metadata: Metadata,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    pub status: String,
    pub url: String,
}

fn webhook_endpoint_object() -> String {
    "webhook_endpoint".to_owned()
}

impl WebhookEndpoint {
    /// Whether events of type `kind` go to this endpoint (`*` takes them all).
    pub fn wants(&self, kind: &str) -> bool {
        self.status == "enabled" && self.enabled_events.iter().any(|e| e == "*" || e == kind)
    }
}

/// The event types this project emits and follows.
pub mod event_types {
    pub const TOKEN_USED: &str = "shared_payment.granted_token.used";
    pub const TOKEN_DEACTIVATED: &str = "shared_payment.granted_token.deactivated";
    pub const PAYMENT_SUCCEEDED: &str = "payment_intent.succeeded";
}
