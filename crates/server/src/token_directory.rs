//! Token ids the server has seen, by account. Stripe's preview API retrieves a granted token by
//! id but (as far as its published SDKs show) cannot list them, so against real Stripe the server
//! lists what it knows: tokens granted through it, named in a webhook, or looked up by id.

use std::collections::HashMap;
use std::sync::Mutex;

/// Ids kept per account (the oldest are forgotten first).
const PER_ACCOUNT: usize = 500;

#[derive(Default)]
pub struct TokenDirectory {
    ids: Mutex<HashMap<String, Vec<String>>>,
}

impl TokenDirectory {
    /// Notes `id` under `account`, as the newest.
    pub fn remember(&self, account: &str, id: &str) {
        let mut ids = self.ids.lock().unwrap_or_else(|e| e.into_inner());
        let list = ids.entry(account.to_owned()).or_default();
        list.retain(|known| known != id);
        list.insert(0, id.to_owned());
        list.truncate(PER_ACCOUNT);
    }

    /// The ids known under `account`, newest first.
    pub fn known(&self, account: &str) -> Vec<String> {
        let ids = self.ids.lock().unwrap_or_else(|e| e.into_inner());
        ids.get(account).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_once_each_and_per_account() {
        let directory = TokenDirectory::default();
        directory.remember("acct_a", "spt_1");
        directory.remember("acct_a", "spt_2");
        directory.remember("acct_a", "spt_1");
        directory.remember("acct_b", "spt_3");
        assert_eq!(directory.known("acct_a"), ["spt_1", "spt_2"]);
        assert_eq!(directory.known("acct_b"), ["spt_3"]);
        assert!(directory.known("acct_c").is_empty());
    }
}
