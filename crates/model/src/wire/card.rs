//! `issuing.card`: the object, and its shipping (`wire::cardholder` has the cardholder).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::wire::address::Address;
use crate::{open_enum, Cardholder, Metadata, SpendingControls};

open_enum!(
    /// `active` cards authorize, `inactive` ones decline, `canceled` is final.
    CardStatus { Active = "active", Inactive = "inactive", Canceled = "canceled" }
);

open_enum!(CardType { Physical = "physical", Virtual = "virtual" });

open_enum!(
    /// Why a card was canceled. An update may set only `lost` or `stolen`.
    CancellationReason {
        DesignRejected = "design_rejected",
        FulfillmentError = "fulfillment_error",
        Lost = "lost",
        Stolen = "stolen",
    }
);

open_enum!(
    ReplacementReason {
        Damaged = "damaged",
        Expired = "expired",
        FulfillmentError = "fulfillment_error",
        Lost = "lost",
        Stolen = "stolen",
    }
);

/// An issued card. `number` and `cvc` are deliberately absent: they exist only inside
/// Stripe's iframes, never in our server or panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssuingCard {
    pub id: String,
    #[serde(default = "card_object")]
    pub object: String,
    pub brand: String,
    pub cancellation_reason: Option<CancellationReason>,
    /// Stripe always embeds the cardholder object here.
    pub cardholder: Cardholder,
    pub created: i64,
    pub currency: String,
    pub exp_month: u8,
    pub exp_year: u16,
    pub last4: String,
    #[serde(default)]
    pub livemode: bool,
    #[serde(default)]
    pub metadata: Metadata,
    pub replaced_by: Option<String>,
    pub replacement_for: Option<String>,
    pub replacement_reason: Option<ReplacementReason>,
    /// Physical cards only: where the card goes, and how far it got.
    #[serde(default)]
    pub shipping: Option<Shipping>,
    #[serde(default)]
    pub spending_controls: SpendingControls,
    pub status: CardStatus,
    #[serde(rename = "type")]
    pub kind: CardType,
    #[serde(default)]
    pub wallets: Option<Wallets>,
}

fn card_object() -> String {
    "issuing.card".to_owned()
}

impl IssuingCard {
    /// `08/2030`.
    pub fn expiry(&self) -> String {
        format!("{:02}/{}", self.exp_month, self.exp_year)
    }
}

open_enum!(ShippingService { Standard = "standard", Express = "express", Priority = "priority" });

open_enum!(
    /// Where a physical card is on its way. `pending` until it leaves; then `shipped`, and
    /// `delivered`, `returned` or `failure`.
    ShippingStatus {
        Pending = "pending",
        Submitted = "submitted",
        Shipped = "shipped",
        Delivered = "delivered",
        Returned = "returned",
        Failure = "failure",
        Canceled = "canceled",
    }
);

/// Stripe's shipping test helpers (`/v1/test_helpers/issuing/cards/{card}/shipping/{step}`),
/// each moving a shipment to one status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShippingStep {
    Submit,
    Ship,
    Deliver,
    Return,
    Fail,
}

impl ShippingStep {
    pub const ALL: [ShippingStep; 5] = [
        Self::Submit,
        Self::Ship,
        Self::Deliver,
        Self::Return,
        Self::Fail,
    ];

    /// The last part of the helper's path.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::Ship => "ship",
            Self::Deliver => "deliver",
            Self::Return => "return",
            Self::Fail => "fail",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|step| step.as_str() == s)
    }

    /// Where the shipment is after it.
    pub fn target(self) -> ShippingStatus {
        match self {
            Self::Submit => ShippingStatus::Submitted,
            Self::Ship => ShippingStatus::Shipped,
            Self::Deliver => ShippingStatus::Delivered,
            Self::Return => ShippingStatus::Returned,
            Self::Fail => ShippingStatus::Failure,
        }
    }

    /// Whether a shipment at `from` can take this step (the sandbox's reading of Stripe: see
    /// `docs/sandbox.md`): forward along pending → submitted → shipped → delivered, returned
    /// once shipped, failed before delivery.
    pub fn allowed_from(self, from: &ShippingStatus) -> bool {
        use ShippingStatus::*;
        match self {
            Self::Submit => *from == Pending,
            Self::Ship => matches!(from, Pending | Submitted),
            Self::Deliver => *from == Shipped,
            Self::Return => matches!(from, Shipped | Delivered),
            Self::Fail => matches!(from, Pending | Submitted | Shipped),
        }
    }
}

/// A physical card's `shipping`. Every field Stripe sends is here (`null` where unset), so the
/// sandbox answers in Stripe's full shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shipping {
    pub address: Address,
    #[serde(default)]
    pub address_validation: Option<Value>,
    #[serde(default)]
    pub business_name: Option<String>,
    #[serde(default)]
    pub carrier: Option<String>,
    #[serde(default)]
    pub customs: Option<Value>,
    /// When the carrier expects to deliver it (unix seconds).
    #[serde(default)]
    pub eta: Option<i64>,
    pub name: String,
    #[serde(default)]
    pub phone_number: Option<String>,
    #[serde(default)]
    pub require_signature: Option<bool>,
    pub service: ShippingService,
    #[serde(default)]
    pub status: Option<ShippingStatus>,
    #[serde(default)]
    pub tracking_number: Option<String>,
    #[serde(default)]
    pub tracking_url: Option<String>,
    #[serde(rename = "type", default = "individual_shipment")]
    pub kind: String,
}

fn individual_shipment() -> String {
    "individual".to_owned()
}

impl Shipping {
    /// A shipment as a new card's: to `name` at `address`, not yet sent, no carrier yet.
    pub fn pending(name: String, address: Address, service: ShippingService) -> Self {
        Self {
            address,
            address_validation: Some(serde_json::json!({
                "mode": "disabled", "normalized_address": null, "result": null
            })),
            business_name: None,
            carrier: None,
            customs: None,
            eta: None,
            name,
            phone_number: None,
            require_signature: None,
            service,
            status: Some(ShippingStatus::Pending),
            tracking_number: None,
            tracking_url: None,
            kind: individual_shipment(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wallets {
    pub apple_pay: Option<WalletStatus>,
    pub google_pay: Option<WalletStatus>,
    pub primary_account_identifier: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalletStatus {
    pub eligible: bool,
    pub ineligible_reason: Option<String>,
}

/// A card network as cardholders know it, whatever the API's spelling: `visa` / `Visa` →
/// `Visa`, `mastercard` / `MasterCard` → `Mastercard`, `amex` → `American Express`.
pub fn brand_name(brand: &str) -> String {
    match brand.to_ascii_lowercase().as_str() {
        "amex" | "american_express" | "american express" => "American Express".to_owned(),
        "jcb" => "JCB".to_owned(),
        "mastercard" => "Mastercard".to_owned(),
        "visa" => "Visa".to_owned(),
        "unionpay" => "UnionPay".to_owned(),
        "diners" => "Diners Club".to_owned(),
        _ => {
            let mut name = brand.to_owned();
            if let Some(first) = name.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            name
        }
    }
}

#[cfg(test)]
mod brand_tests {
    use super::brand_name;

    #[test]
    fn networks_are_spelt_as_their_owners_spell_them() {
        assert_eq!(brand_name("MasterCard"), "Mastercard");
        assert_eq!(brand_name("mastercard"), "Mastercard");
        assert_eq!(brand_name("Visa"), "Visa");
        assert_eq!(brand_name("amex"), "American Express");
        assert_eq!(brand_name("discover"), "Discover");
    }
}
