//! The sandbox's in-memory Stripe state.

use std::sync::RwLock;

use issuing_model::Account;

use crate::seed;

/// Everything the sandbox knows, behind one lock: requests are short and the state is small
/// enough that finer locking would buy nothing.
pub struct Store {
    inner: RwLock<Data>,
}

pub(crate) struct Data {
    /// Connected accounts, newest first (the order Stripe lists them in).
    pub accounts: Vec<Account>,
}

impl Store {
    /// The deterministic seed: the same accounts on every start.
    pub fn seeded() -> Self {
        Self {
            inner: RwLock::new(Data {
                accounts: seed::accounts(),
            }),
        }
    }

    pub(crate) fn read(&self) -> std::sync::RwLockReadGuard<'_, Data> {
        // A panic while holding the lock cannot leave `Data` half-written (every write
        // replaces whole values), so a poisoned lock is still safe to use.
        self.inner.read().unwrap_or_else(|e| e.into_inner())
    }
}
