//! Objects behind Stripe's Connect embedded components: `account_session` and `ephemeral_key`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `POST /v1/account_sessions`: a short-lived secret that lets the Connect script act for one
/// connected account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountSession {
    #[serde(default = "account_session_object")]
    pub object: String,
    pub account: String,
    pub client_secret: String,
    pub expires_at: i64,
    #[serde(default)]
    pub livemode: bool,
    /// Component name to `{ enabled, features: {...} }`; kept whole, there are many.
    #[serde(default)]
    pub components: BTreeMap<String, Value>,
}

fn account_session_object() -> String {
    "account_session".to_owned()
}

/// `POST /v1/ephemeral_keys`: a key bound to one card (and nonce) for the card component.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EphemeralKey {
    pub id: String,
    #[serde(default = "ephemeral_key_object")]
    pub object: String,
    /// Present only in the create response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    pub created: i64,
    pub expires: i64,
    #[serde(default)]
    pub livemode: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub associated_objects: Vec<AssociatedObject>,
}

fn ephemeral_key_object() -> String {
    "ephemeral_key".to_owned()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssociatedObject {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
}
