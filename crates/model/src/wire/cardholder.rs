//! `issuing.cardholder`: the object, and what creating or updating one takes
//! (`POST /v1/issuing/cardholders[/{id}]`; their rules are in `rules::cardholder`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::form::FormBuilder;
use crate::wire::address::Billing;
use crate::{open_enum, Metadata, SpendingControls, SpendingControlsUpdate};

open_enum!(
    /// `blocked` is Stripe's alone to set, and final; an operator sets `active` or `inactive`.
    CardholderStatus { Active = "active", Blocked = "blocked", Inactive = "inactive" }
);

open_enum!(CardholderType { Individual = "individual", Company = "company" });

/// Languages Stripe may write to a cardholder in (`preferred_locales`).
pub const CARDHOLDER_LOCALES: [&str; 5] = ["de", "en", "es", "fr", "it"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cardholder {
    pub id: String,
    #[serde(default = "cardholder_object")]
    pub object: String,
    #[serde(default)]
    pub billing: Billing,
    #[serde(default)]
    pub company: Option<Company>,
    pub created: i64,
    pub email: Option<String>,
    #[serde(default)]
    pub individual: Option<Individual>,
    #[serde(default)]
    pub livemode: bool,
    #[serde(default)]
    pub metadata: Metadata,
    /// As printed on their cards.
    pub name: String,
    pub phone_number: Option<String>,
    #[serde(default)]
    pub preferred_locales: Option<Vec<String>>,
    #[serde(default)]
    pub requirements: Requirements,
    #[serde(default)]
    pub spending_controls: Option<SpendingControls>,
    pub status: CardholderStatus,
    #[serde(rename = "type")]
    pub kind: CardholderType,
}

fn cardholder_object() -> String {
    "issuing.cardholder".to_owned()
}

impl Cardholder {
    /// Whether a card of theirs may be activated: nothing Stripe needs is past due.
    pub fn can_activate_cards(&self) -> bool {
        self.requirements
            .past_due
            .as_deref()
            .unwrap_or(&[])
            .is_empty()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    pub tax_id_provided: bool,
}

/// An individual cardholder's own details. Their names are in Latin letters (Stripe's rule),
/// whatever script `Cardholder::name` is written in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Individual {
    #[serde(default)]
    pub card_issuing: Option<Value>,
    #[serde(default)]
    pub dob: Option<Dob>,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub verification: Option<Value>,
}

/// A date of birth. Stripe sends each part as `null` when it has none; a create or update
/// gives all three.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dob {
    #[serde(default)]
    pub day: Option<u32>,
    #[serde(default)]
    pub month: Option<u32>,
    #[serde(default)]
    pub year: Option<i32>,
}

impl Dob {
    pub fn new(year: i32, month: u32, day: u32) -> Self {
        Self {
            day: Some(day),
            month: Some(month),
            year: Some(year),
        }
    }
}

/// What Stripe still needs before the cardholder's cards may be used.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirements {
    #[serde(default)]
    pub disabled_reason: Option<String>,
    /// Fields by their parameter path (`individual.first_name`).
    #[serde(default)]
    pub past_due: Option<Vec<String>>,
}

/// `individual` as a create or update sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndividualParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dob: Option<Dob>,
}

impl IndividualParams {
    fn push_form(&self, form: &mut FormBuilder) {
        if let Some(first) = &self.first_name {
            form.push("individual[first_name]", first);
        }
        if let Some(last) = &self.last_name {
            form.push("individual[last_name]", last);
        }
        if let Some(dob) = &self.dob {
            let parts = [("day", dob.day), ("month", dob.month)];
            for (part, value) in parts {
                if let Some(value) = value {
                    form.push(format!("individual[dob][{part}]"), value.to_string());
                }
            }
            if let Some(year) = dob.year {
                form.push("individual[dob][year]", year.to_string());
            }
        }
    }
}

/// `POST /v1/issuing/cardholders`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardholderCreate {
    #[serde(rename = "type")]
    pub kind: CardholderType,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    pub billing: Billing,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual: Option<IndividualParams>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CardholderStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spending_controls: Option<SpendingControlsUpdate>,
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preferred_locales: Vec<String>,
}

impl CardholderCreate {
    /// The form body Stripe expects.
    pub fn to_form(&self) -> FormBuilder {
        let mut form = FormBuilder::new();
        form.push("type", self.kind.as_str());
        form.push("name", &self.name);
        push_contact(&mut form, &self.email, &self.phone_number);
        self.billing
            .address
            .push_form(&mut form, "billing[address]");
        if let Some(individual) = &self.individual {
            individual.push_form(&mut form);
        }
        if let Some(status) = &self.status {
            form.push("status", status.as_str());
        }
        if let Some(controls) = &self.spending_controls {
            controls.push_form(&mut form, "spending_controls");
        }
        push_metadata(&mut form, &self.metadata);
        if !self.preferred_locales.is_empty() {
            form.list("preferred_locales", &self.preferred_locales);
        }
        form
    }
}

/// `POST /v1/issuing/cardholders/{id}`: fields left `None` stay as they are. A cardholder's
/// name and type cannot change on Stripe.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardholderUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing: Option<Billing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual: Option<IndividualParams>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CardholderStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spending_controls: Option<SpendingControlsUpdate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_locales: Option<Vec<String>>,
}

impl CardholderUpdate {
    /// The parameters it sets, in Stripe's names.
    pub fn fields(&self) -> Vec<&'static str> {
        [
            ("email", self.email.is_some()),
            ("phone_number", self.phone_number.is_some()),
            ("billing", self.billing.is_some()),
            ("individual", self.individual.is_some()),
            ("status", self.status.is_some()),
            ("spending_controls", self.spending_controls.is_some()),
            ("preferred_locales", self.preferred_locales.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
        .collect()
    }

    pub fn to_form(&self) -> FormBuilder {
        let mut form = FormBuilder::new();
        push_contact(&mut form, &self.email, &self.phone_number);
        if let Some(billing) = &self.billing {
            billing.address.push_form(&mut form, "billing[address]");
        }
        if let Some(individual) = &self.individual {
            individual.push_form(&mut form);
        }
        if let Some(status) = &self.status {
            form.push("status", status.as_str());
        }
        if let Some(controls) = &self.spending_controls {
            controls.push_form(&mut form, "spending_controls");
        }
        if let Some(locales) = &self.preferred_locales {
            form.list("preferred_locales", locales);
        }
        form
    }
}

fn push_contact(form: &mut FormBuilder, email: &Option<String>, phone: &Option<String>) {
    if let Some(email) = email {
        form.push("email", email);
    }
    if let Some(phone) = phone {
        form.push("phone_number", phone);
    }
}

pub(crate) fn push_metadata(form: &mut FormBuilder, metadata: &Metadata) {
    for (key, value) in metadata {
        form.push(format!("metadata[{key}]"), value);
    }
}
