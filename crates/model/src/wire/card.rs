//! `issuing.card` and `issuing.cardholder`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::SpendingControls;
use crate::{open_enum, Metadata};

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

open_enum!(CardholderStatus { Active = "active", Blocked = "blocked", Inactive = "inactive" });

open_enum!(CardholderType { Company = "company", Individual = "individual" });

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
    /// Kept whole: the panel only displays it, and it carries many nested optional fields.
    #[serde(default)]
    pub shipping: Option<Value>,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cardholder {
    pub id: String,
    #[serde(default = "cardholder_object")]
    pub object: String,
    #[serde(default)]
    pub billing: Option<Value>,
    pub created: i64,
    pub email: Option<String>,
    #[serde(default)]
    pub livemode: bool,
    #[serde(default)]
    pub metadata: Metadata,
    pub name: String,
    pub phone_number: Option<String>,
    #[serde(default)]
    pub spending_controls: Option<SpendingControls>,
    pub status: CardholderStatus,
    #[serde(rename = "type")]
    pub kind: CardholderType,
}

fn cardholder_object() -> String {
    "issuing.cardholder".to_owned()
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
