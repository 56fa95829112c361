//! Operators: who may call `/api`, which accounts they see, whether they may change anything.
//! In sandbox mode a few are seeded and chosen at sign-in; in live mode they come from a file.

use std::path::Path;

use issuing_model::{AccountAccess, OperatorProfile, Role};
use serde::Deserialize;

/// An operator with the bearer token that identifies them.
#[derive(Debug, Clone, Deserialize)]
pub struct Operator {
    #[serde(flatten)]
    pub profile: OperatorProfile,
    pub token: String,
}

#[derive(Debug, Clone, Default)]
pub struct Operators {
    list: Vec<Operator>,
}

impl Operators {
    pub fn new(list: Vec<Operator>) -> Self {
        Self { list }
    }

    /// The sandbox's operators: one who sees everything, one limited to the UK account, and
    /// one who may only look.
    pub fn sandbox() -> Self {
        let op = |id: &str, name: &str, role, accounts| Operator {
            profile: OperatorProfile {
                id: id.to_owned(),
                name: name.to_owned(),
                role,
                accounts,
            },
            token: format!("sandbox_token_{id}"),
        };
        Self::new(vec![
            op(
                "op_aiko",
                "Aiko Tanaka (all accounts)",
                Role::Editor,
                AccountAccess::All,
            ),
            op(
                "op_ben",
                "Ben Clarke (Thames Courier only)",
                Role::Editor,
                AccountAccess::Only(vec!["acct_1SbxGBThamesCo".to_owned()]),
            ),
            op(
                "op_chloe",
                "Chloé Martin (read-only)",
                Role::ReadOnly,
                AccountAccess::All,
            ),
        ])
    }

    /// Live mode: a JSON list of `{ id, name, role, accounts, token }`.
    pub fn from_file(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read operators file {}: {e}", path.display()))?;
        let list: Vec<Operator> = serde_json::from_str(&text)
            .map_err(|e| format!("operators file {} is not valid: {e}", path.display()))?;
        if list.iter().any(|o| o.token.len() < 24) {
            return Err("every operator token must be at least 24 characters".into());
        }
        Ok(Self::new(list))
    }

    pub fn by_token(&self, token: &str) -> Option<&Operator> {
        // Compare every token in full so timing does not reveal how much of one matched.
        self.list
            .iter()
            .find(|o| constant_time_eq(o.token.as_bytes(), token.as_bytes()))
    }

    pub fn by_id(&self, id: &str) -> Option<&Operator> {
        self.list.iter().find(|o| o.profile.id == id)
    }

    pub fn profiles(&self) -> Vec<OperatorProfile> {
        self.list.iter().map(|o| o.profile.clone()).collect()
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
