//! The platform's own `/api` contract: what the panel sends the server and what it gets back,
//! besides Stripe's own objects (which pass through unchanged): who the operator is, the card
//! list's query, and the requests. Their rules are in `rules`.

mod audit;
mod card_query;
mod cardholder_query;
mod operator;
mod purchases;

use serde::{Deserialize, Serialize};

pub use audit::{
    AuditAnswer, AuditChange, AuditEntry, AuditKind, AuditOperator, AuditOutcome, AuditQuery,
    CardState, AUDIT_PAGE_SIZE,
};
pub use card_query::{CardListQuery, DEFAULT_PAGE_SIZE};
pub use cardholder_query::{CardholderQuery, CARDHOLDER_PAGE_SIZE};
pub use operator::{AccountAccess, OperatorProfile, Role};
pub use purchases::{PurchaseQuery, SimulatePurchase};

use crate::{AccountId, CardId};

/// `POST /api/sign_in` (sandbox mode): the seeded operator to sign in as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInRequest {
    pub operator: String,
}

/// `POST /api/sign_in` answer (sandbox mode): the bearer token to send from now on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    pub token: String,
    pub operator: OperatorProfile,
}

/// The panel's `POST /api/account_session` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSessionRequest {
    pub account: AccountId,
}

/// What the platform server returns of an AccountSession: the secret for
/// `fetchClientSecret`, and when it ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientSecret {
    pub account: String,
    pub client_secret: String,
    pub expires_at: i64,
}

/// The panel's `POST /api/ephemeral_keys` body: what the card component asked for, and the
/// account the panel shows. `nonce` is optional here only so a missing one gets Stripe's error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EphemeralKeyRequest {
    pub account: AccountId,
    pub issuing_card: CardId,
    #[serde(default)]
    pub nonce: Option<String>,
}

/// The platform server's answer: the key's secret and nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EphemeralKeySecret {
    pub secret: String,
}

/// `GET /api/config`: what the panel needs to know about its server (never a secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientConfig {
    /// `sandbox` or `live`: the panel shows which, so nobody mistakes one for the other.
    pub mode: String,
    pub publishable_key: String,
    /// Stripe's Connect script in live mode, the sandbox's stand-in otherwise.
    pub connect_script_url: String,
    /// Test keys or the sandbox: the panel offers test helpers (granting a token).
    #[serde(default)]
    pub test_mode: bool,
}

/// `POST /api/events/ticket`: opens one live event stream (`/api/events/stream?ticket=…`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreamTicket {
    pub ticket: String,
}

/// `POST /api/accounts/{account}/tokens` (test mode): a token as an agent would grant it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantTokenRequest {
    pub payment_method: String,
    pub currency: String,
    /// In the minor unit of `currency` (JPY has none: 10000 is ¥10,000).
    pub max_amount: i64,
    /// Unix seconds; none means the token does not expire.
    pub expires_at: Option<i64>,
}

/// `POST /api/accounts/{account}/tokens/{token}/charges`: one PaymentIntent on the token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChargeRequest {
    /// In the minor unit of `currency`.
    pub amount: i64,
    pub currency: String,
}
