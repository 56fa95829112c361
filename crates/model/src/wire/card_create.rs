//! `POST /v1/issuing/cards`: a new card, physical or virtual, possibly replacing another (its
//! rules are in `rules::card_create`).

use serde::{Deserialize, Serialize};

use crate::form::FormBuilder;
use crate::wire::address::Address;
use crate::wire::card::ShippingService;
use crate::wire::cardholder::push_metadata;
use crate::{CardStatus, CardType, Metadata, ReplacementReason, SpendingControlsUpdate};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardCreate {
    pub cardholder: String,
    /// The account's Issuing currency (`usd`, `eur` or `gbp`).
    pub currency: String,
    #[serde(rename = "type")]
    pub kind: CardType,
    /// `inactive` unless given: a new card is activated when its holder has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CardStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spending_controls: Option<SpendingControlsUpdate>,
    /// Physical cards only, and required for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping: Option<ShippingParams>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement_for: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement_reason: Option<ReplacementReason>,
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
}

/// Where a physical card is sent, and how fast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingParams {
    pub name: String,
    pub address: Address,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ShippingService>,
}

impl CardCreate {
    /// The form body Stripe expects.
    pub fn to_form(&self) -> FormBuilder {
        let mut form = FormBuilder::new();
        form.push("cardholder", &self.cardholder);
        form.push("currency", &self.currency);
        form.push("type", self.kind.as_str());
        if let Some(status) = &self.status {
            form.push("status", status.as_str());
        }
        if let Some(controls) = &self.spending_controls {
            controls.push_form(&mut form, "spending_controls");
        }
        if let Some(shipping) = &self.shipping {
            form.push("shipping[name]", &shipping.name);
            shipping.address.push_form(&mut form, "shipping[address]");
            if let Some(service) = &shipping.service {
                form.push("shipping[service]", service.as_str());
            }
        }
        if let Some(card) = &self.replacement_for {
            form.push("replacement_for", card);
        }
        if let Some(reason) = &self.replacement_reason {
            form.push("replacement_reason", reason.as_str());
        }
        push_metadata(&mut form, &self.metadata);
        form
    }
}
