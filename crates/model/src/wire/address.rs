//! A postal address, as Stripe sends it (any part may be `null`) and takes it (`line1`, `city`,
//! `postal_code` and `country` required: see `rules::address`).

use serde::{Deserialize, Serialize};

use crate::form::FormBuilder;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub line1: Option<String>,
    #[serde(default)]
    pub line2: Option<String>,
    #[serde(default)]
    pub postal_code: Option<String>,
    #[serde(default)]
    pub state: Option<String>,
}

impl Address {
    /// `prefix[line1]=…` and so on, for the parts that are given.
    pub fn push_form(&self, form: &mut FormBuilder, prefix: &str) {
        for (part, value) in self.parts() {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                form.push(format!("{prefix}[{part}]"), value);
            }
        }
    }

    /// Each part with Stripe's name, in the order a form shows them.
    pub fn parts(&self) -> [(&'static str, Option<&str>); 6] {
        [
            ("line1", self.line1.as_deref()),
            ("line2", self.line2.as_deref()),
            ("city", self.city.as_deref()),
            ("state", self.state.as_deref()),
            ("postal_code", self.postal_code.as_deref()),
            ("country", self.country.as_deref()),
        ]
    }

    /// One line for lists: "1 Market Street, San Francisco CA 94105, US".
    pub fn one_line(&self) -> String {
        let place = [
            self.city.as_deref(),
            self.state.as_deref(),
            self.postal_code.as_deref(),
        ]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
        [
            self.line1.as_deref(),
            self.line2.as_deref(),
            Some(place.as_str()),
            self.country.as_deref(),
        ]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// A cardholder's `billing`: their address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Billing {
    #[serde(default)]
    pub address: Address,
}
