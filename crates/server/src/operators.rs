//! Operators: who may call `/api`, which accounts they see, whether they may change anything.
//! In sandbox mode a few are seeded and chosen at sign-in; in live mode they come from a file
//! of static tokens, or from the host dashboard's own sign-in as short-lived signed tokens
//! (`host_tokens.rs`), or both.

use std::path::Path;
use std::sync::Arc;

use crate::host_tokens::HostTokens;

use issuing_model::{AccountAccess, OperatorProfile, Role};
use serde::Deserialize;

/// An operator with the bearer token that identifies them.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "OperatorEntry")]
pub struct Operator {
    pub profile: OperatorProfile,
    pub token: String,
}

/// One entry of the operators file: `reveal_card_numbers` may be left out, and then follows
/// the role (editors may, read-only operators may not).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OperatorEntry {
    id: String,
    name: String,
    role: Role,
    accounts: AccountAccess,
    reveal_card_numbers: Option<bool>,
    token: String,
}

impl From<OperatorEntry> for Operator {
    fn from(e: OperatorEntry) -> Self {
        Self {
            profile: OperatorProfile {
                reveal_card_numbers: e.reveal_card_numbers.unwrap_or(e.role == Role::Editor),
                id: e.id,
                name: e.name,
                role: e.role,
                accounts: e.accounts,
            },
            token: e.token,
        }
    }
}

#[derive(Clone, Default)]
pub struct Operators {
    list: Vec<Operator>,
    host_tokens: Option<Arc<HostTokens>>,
}

impl std::fmt::Debug for Operators {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Operators")
            .field("list", &self.list.len())
            .field("host_tokens", &self.host_tokens.is_some())
            .finish()
    }
}

impl Operators {
    pub fn new(list: Vec<Operator>) -> Self {
        Self {
            list,
            host_tokens: None,
        }
    }

    /// Also takes tokens the host signs for its signed-in operators.
    pub fn with_host_tokens(mut self, host_tokens: HostTokens) -> Self {
        self.host_tokens = Some(Arc::new(host_tokens));
        self
    }

    /// Whether anyone at all can be an operator.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty() && self.host_tokens.is_none()
    }

    /// The operator a bearer token names at `now`: a host token if it has a JWT's shape and
    /// host tokens are taken, else one of the static tokens.
    pub fn authenticate(&self, token: &str, now: i64) -> Option<OperatorProfile> {
        if let Some(host_tokens) = &self.host_tokens {
            if HostTokens::looks_like_one(token) {
                return host_tokens
                    .verify(token, now)
                    .inspect_err(|why| tracing::info!(%why, "host token refused"))
                    .ok();
            }
        }
        self.by_token(token).map(|o| o.profile.clone())
    }

    /// The sandbox's operators: one who sees everything, one limited to the UK account, one
    /// who may only look, and a support agent who may only look but may reveal card numbers.
    pub fn sandbox() -> Self {
        let op = |id: &str, name: &str, role, accounts| Operator {
            profile: OperatorProfile {
                id: id.to_owned(),
                name: name.to_owned(),
                reveal_card_numbers: role == Role::Editor,
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
            {
                let mut dana = op(
                    "op_dana",
                    "Dana Okafor (support: read-only, may show card numbers)",
                    Role::ReadOnly,
                    AccountAccess::All,
                );
                dana.profile.reveal_card_numbers = true;
                dana
            },
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revealing_card_numbers_follows_the_role_unless_the_file_says_otherwise() {
        let list: Vec<Operator> = serde_json::from_str(
            r#"[
              { "id": "op_e", "name": "E", "role": "editor", "accounts": { "kind": "all" }, "token": "t1" },
              { "id": "op_r", "name": "R", "role": "read_only", "accounts": { "kind": "all" }, "token": "t2" },
              { "id": "op_s", "name": "S", "role": "read_only", "accounts": { "kind": "all" },
                "reveal_card_numbers": true, "token": "t3" }
            ]"#,
        )
        .unwrap();
        let reveal: Vec<bool> = list.iter().map(|o| o.profile.reveal_card_numbers).collect();
        assert_eq!(reveal, [true, false, true]);
        let typo = serde_json::from_str::<Vec<Operator>>(
            r#"[{ "id": "x", "name": "X", "role": "editor", "accounts": { "kind": "all" },
                 "reveal_card_number": false, "token": "t" }]"#,
        );
        assert!(
            typo.is_err(),
            "a misspelt right is an error, not silently the default"
        );
    }
}
