//! Who is using the panel, and what they may see and do. The platform server decides; the
//! panel only shows it.

use serde::{Deserialize, Serialize};

/// What an operator may do within the accounts they see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// May change spending controls and card status.
    Editor,
    /// May look, not touch.
    ReadOnly,
}

/// Which connected accounts an operator may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "ids")]
pub enum AccountAccess {
    All,
    Only(Vec<String>),
}

/// An operator as the panel sees them (never with their token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorProfile {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub accounts: AccountAccess,
    /// May reveal full card numbers and CVCs in Stripe's card component: a right of its own
    /// (support staff may need it without editing anything), granted by the platform.
    #[serde(default)]
    pub reveal_card_numbers: bool,
}

impl OperatorProfile {
    pub fn can_see(&self, account: &str) -> bool {
        match &self.accounts {
            AccountAccess::All => true,
            AccountAccess::Only(ids) => ids.iter().any(|id| id == account),
        }
    }

    pub fn can_edit(&self) -> bool {
        self.role == Role::Editor
    }

    pub fn can_reveal_card_numbers(&self) -> bool {
        self.reveal_card_numbers
    }
}
