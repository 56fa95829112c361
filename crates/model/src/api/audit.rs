//! The audit trail: every change made through the platform server, who made it, on which
//! account and object, what it changed (before → after) and what Stripe answered.

use serde::{Deserialize, Serialize};

use super::{ChargeRequest, GrantTokenRequest, SimulatePurchase};
use crate::rules::{Rule, Violation};
use crate::{
    AccountId, CancellationReason, CardCreate, CardStatus, CardUpdate, CardholderCreate,
    CardholderUpdate, ShippingStatus, ShippingStep, SpendingControls,
};

/// What kind of change an entry records (the `kind` filter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    /// A card's spending controls edited.
    CardSpendingControls,
    /// A card frozen, unfrozen or canceled.
    CardStatus,
    /// A Shared Payment Token granted through the test helper.
    TokenGrant,
    /// A PaymentIntent charged on a Shared Payment Token.
    TokenCharge,
    /// A purchase simulated through Stripe's test helper.
    PurchaseSimulation,
    CardholderCreate,
    CardholderUpdate,
    /// A new card issued (not a replacement).
    CardIssue,
    /// A card issued to replace another.
    CardReplace,
    /// A physical card's shipment moved through Stripe's test helpers.
    CardShipping,
}

impl AuditKind {
    pub const ALL: [AuditKind; 10] = [
        Self::CardSpendingControls,
        Self::CardStatus,
        Self::CardIssue,
        Self::CardReplace,
        Self::CardShipping,
        Self::CardholderCreate,
        Self::CardholderUpdate,
        Self::TokenGrant,
        Self::TokenCharge,
        Self::PurchaseSimulation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::CardSpendingControls => "card_spending_controls",
            Self::CardStatus => "card_status",
            Self::TokenGrant => "token_grant",
            Self::TokenCharge => "token_charge",
            Self::PurchaseSimulation => "purchase_simulation",
            Self::CardholderCreate => "cardholder_create",
            Self::CardholderUpdate => "cardholder_update",
            Self::CardIssue => "card_issue",
            Self::CardReplace => "card_replace",
            Self::CardShipping => "card_shipping",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Where a change stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditOutcome {
    /// Recorded before Stripe was called, with no answer yet: the server stopped mid-call, or
    /// the call is still under way. Whether Stripe applied it is unknown.
    Pending,
    /// Stripe applied it.
    Succeeded,
    /// Refused (by the server's checks or by Stripe, a 4xx): nothing changed.
    Refused,
    /// Stripe could not be reached or failed (5xx) even after retries: nothing is known to
    /// have changed.
    Failed,
}

impl AuditOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Succeeded => "succeeded",
            Self::Refused => "refused",
            Self::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Pending, Self::Succeeded, Self::Refused, Self::Failed]
            .into_iter()
            .find(|o| o.as_str() == s)
    }

    /// The outcome of an answer with this HTTP status.
    pub fn of_status(status: u16) -> Self {
        match status {
            200..=299 => Self::Succeeded,
            400..=499 => Self::Refused,
            _ => Self::Failed,
        }
    }
}

/// Who made the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditOperator {
    pub id: String,
    pub name: String,
}

/// What Stripe (or the server's own checks) answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditAnswer {
    /// The HTTP status the panel was answered with.
    pub status: Option<u16>,
    /// Stripe's `Request-Id` (none when the server refused before calling Stripe).
    pub request_id: Option<String>,
    /// The error's `code`, when refused or failed.
    pub error_code: Option<String>,
    pub error_message: Option<String>,
}

/// A card as far as an entry needs it: what the editor shows of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardState {
    pub status: CardStatus,
    pub currency: String,
    pub spending_controls: SpendingControls,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancellation_reason: Option<CancellationReason>,
}

impl From<&crate::IssuingCard> for CardState {
    fn from(card: &crate::IssuingCard) -> Self {
        Self {
            status: card.status.clone(),
            currency: card.currency.clone(),
            spending_controls: card.spending_controls.clone(),
            cancellation_reason: card.cancellation_reason.clone(),
        }
    }
}

/// What was asked, and what came of it, per kind of change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
// One at a time, on its way to or from JSON: boxing the card's states would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum AuditChange {
    /// `before` as Stripe had the card when asked; `after` as Stripe answered (none if refused).
    CardUpdate {
        requested: CardUpdate,
        before: Option<CardState>,
        after: Option<CardState>,
    },
    TokenGrant {
        requested: GrantTokenRequest,
        token: Option<String>,
    },
    TokenCharge {
        requested: ChargeRequest,
        payment_intent: Option<String>,
    },
    /// `currency`: the card's, from the authorization Stripe made (none if refused before).
    PurchaseSimulation {
        requested: SimulatePurchase,
        authorization: Option<String>,
        approved: Option<bool>,
        currency: Option<String>,
    },
    /// `cardholder`: the id Stripe gave (none if refused).
    CardholderCreate {
        requested: CardholderCreate,
        cardholder: Option<String>,
    },
    CardholderUpdate {
        requested: CardholderUpdate,
    },
    /// `card`: the id Stripe gave (none if refused).
    CardIssue {
        requested: CardCreate,
        card: Option<String>,
    },
    /// Where the shipment was, and where it went (none if refused).
    CardShipping {
        step: ShippingStep,
        before: Option<ShippingStatus>,
        after: Option<ShippingStatus>,
    },
}

impl AuditChange {
    /// The kind of entry this change makes.
    pub fn kind(&self) -> AuditKind {
        match self {
            Self::CardUpdate { requested, .. } if requested.status.is_some() => {
                AuditKind::CardStatus
            }
            Self::CardUpdate { .. } => AuditKind::CardSpendingControls,
            Self::TokenGrant { .. } => AuditKind::TokenGrant,
            Self::TokenCharge { .. } => AuditKind::TokenCharge,
            Self::PurchaseSimulation { .. } => AuditKind::PurchaseSimulation,
            Self::CardholderCreate { .. } => AuditKind::CardholderCreate,
            Self::CardholderUpdate { .. } => AuditKind::CardholderUpdate,
            Self::CardIssue { requested, .. } if requested.replacement_for.is_some() => {
                AuditKind::CardReplace
            }
            Self::CardIssue { .. } => AuditKind::CardIssue,
            Self::CardShipping { .. } => AuditKind::CardShipping,
        }
    }
}

/// One entry of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// `aud_…`
    pub id: String,
    /// When the request arrived, Unix seconds.
    pub created: i64,
    pub operator: AuditOperator,
    pub account: String,
    pub kind: AuditKind,
    /// The object changed (`ic_…`, `spt_…`); for a grant, the account until Stripe names the token.
    pub object_id: String,
    pub change: AuditChange,
    /// The `Idempotency-Key` sent to Stripe: a retry with the same key is the same entry.
    pub idempotency_key: Option<String>,
    pub outcome: AuditOutcome,
    pub answer: AuditAnswer,
}

/// `GET /api/audit` (and its CSV export): filters and cursor, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
// A parameter the server does not know is refused (as Stripe does), never silently ignored.
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<AccountId>,
    /// An object's id (`ic_…`, `spt_…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// An operator's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AuditKind>,
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

/// Entries a page holds when the query does not say.
pub const AUDIT_PAGE_SIZE: u8 = 25;

impl AuditQuery {
    pub fn check(&self) -> Result<(), Violation> {
        Violation::first(self.validate())
    }

    pub fn validate(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        if let (Some(from), Some(to)) = (self.created_gte, self.created_lte) {
            if from > to {
                found.push(Violation::new("created_gte", Rule::DateRangeReversed));
            }
        }
        if let Some(n) = self.limit.filter(|n| !(1..=100).contains(n)) {
            found.push(Violation::new("limit", Rule::PageSize(n)));
        }
        if self.starting_after.is_some() && self.ending_before.is_some() {
            found.push(Violation::new("ending_before", Rule::BothCursors));
        }
        found
    }

    /// The query in the server's own parameter names, for a URL.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        let mut add = |k: &'static str, v: Option<String>| {
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                q.push((k, v));
            }
        };
        add("account", self.account.as_ref().map(|a| a.to_string()));
        add("object", self.object.clone());
        add("operator", self.operator.clone());
        add("kind", self.kind.map(|k| k.as_str().to_owned()));
        add("created_gte", self.created_gte.map(|t| t.to_string()));
        add("created_lte", self.created_lte.map(|t| t.to_string()));
        add("limit", self.limit.map(|n| n.to_string()));
        add("starting_after", self.starting_after.clone());
        add("ending_before", self.ending_before.clone());
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_outcomes_read_back_what_they_write() {
        for kind in AuditKind::ALL {
            assert_eq!(AuditKind::parse(kind.as_str()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
        assert_eq!(AuditOutcome::of_status(200), AuditOutcome::Succeeded);
        assert_eq!(AuditOutcome::of_status(402), AuditOutcome::Refused);
        assert_eq!(AuditOutcome::of_status(502), AuditOutcome::Failed);
        assert_eq!(AuditOutcome::parse("refused"), Some(AuditOutcome::Refused));
    }

    #[test]
    fn a_status_change_is_filed_as_one() {
        let freeze = AuditChange::CardUpdate {
            requested: CardUpdate {
                status: Some(CardStatus::Inactive),
                ..CardUpdate::default()
            },
            before: None,
            after: None,
        };
        assert_eq!(freeze.kind(), AuditKind::CardStatus);
        let controls = AuditChange::CardUpdate {
            requested: CardUpdate::default(),
            before: None,
            after: None,
        };
        assert_eq!(controls.kind(), AuditKind::CardSpendingControls);
    }

    #[test]
    fn a_query_breaks_the_list_rules_at_their_parameters() {
        let bad = AuditQuery {
            created_gte: Some(10),
            created_lte: Some(5),
            limit: Some(0),
            starting_after: Some("aud_1".into()),
            ending_before: Some("aud_2".into()),
            ..AuditQuery::default()
        };
        let params: Vec<String> = bad.validate().into_iter().map(|v| v.param).collect();
        assert_eq!(params, ["created_gte", "limit", "ending_before"]);
        assert!(AuditQuery::default().check().is_ok());
    }
}
