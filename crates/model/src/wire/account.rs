use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Metadata;

/// A connected account (`object: "account"`), reduced to what an issuing operator needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: String,
    #[serde(default = "account_object")]
    pub object: String,
    #[serde(default)]
    pub business_profile: Option<BusinessProfile>,
    /// Capability name to status (`active`, `inactive`, `pending`); `card_issuing` among them.
    #[serde(default)]
    pub capabilities: BTreeMap<String, String>,
    #[serde(default)]
    pub charges_enabled: bool,
    pub country: Option<String>,
    pub created: Option<i64>,
    pub default_currency: Option<String>,
    pub email: Option<String>,
    #[serde(default)]
    pub metadata: Metadata,
}

fn account_object() -> String {
    "account".to_owned()
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessProfile {
    pub name: Option<String>,
    pub url: Option<String>,
    pub support_email: Option<String>,
}

impl Account {
    /// The name an operator recognises: the business name, else the email, else the id.
    pub fn display_name(&self) -> &str {
        self.business_profile
            .as_ref()
            .and_then(|p| p.name.as_deref())
            .or(self.email.as_deref())
            .unwrap_or(&self.id)
    }

    /// Whether the account may issue cards (its `card_issuing` capability is active).
    pub fn issuing_active(&self) -> bool {
        self.capabilities.get("card_issuing").map(String::as_str) == Some("active")
    }
}
