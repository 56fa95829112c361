//! Writes whose outcome is unknown keep their idempotency key. A write that failed on the way
//! (the network, the server or Stripe away or busy) may still have been applied; when the
//! operator sends the same unchanged draft again, it goes with the same key, so it is applied
//! at most once. A write that got an answer either way (done, or refused for what it asked)
//! lets its key go: the next one is a new write.

use std::cell::RefCell;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Unsettled writes remembered at once; the oldest is forgotten first.
const REMEMBERED: usize = 64;

thread_local! {
    /// (fingerprint of path and body, key), oldest first.
    static UNSETTLED: RefCell<Vec<(u64, String)>> = const { RefCell::new(Vec::new()) };
}

fn fingerprint(path: &str, body: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    (path, body).hash(&mut hasher);
    hasher.finish()
}

/// The key to send this write with: the one it was last sent with if that attempt is
/// unsettled, else a fresh one (remembered until [`settle`]).
pub fn key_for(path: &str, body: &str) -> String {
    let print = fingerprint(path, body);
    UNSETTLED.with_borrow_mut(|unsettled| {
        if let Some((_, key)) = unsettled.iter().find(|(p, _)| *p == print) {
            return key.clone();
        }
        let key = crate::api::idempotency_key();
        if unsettled.len() == REMEMBERED {
            unsettled.remove(0);
        }
        unsettled.push((print, key.clone()));
        key
    })
}

/// After an attempt: `unknown` keeps the key for a retry, anything else lets it go.
pub fn settle(path: &str, body: &str, unknown: bool) {
    if unknown {
        return;
    }
    let print = fingerprint(path, body);
    UNSETTLED.with_borrow_mut(|unsettled| unsettled.retain(|(p, _)| *p != print));
}

/// The key a retry of this write would reuse, if its last attempt is unsettled.
pub fn pending_key(path: &str, body: &str) -> Option<String> {
    let print = fingerprint(path, body);
    UNSETTLED.with_borrow(|unsettled| {
        unsettled
            .iter()
            .find(|(p, _)| *p == print)
            .map(|(_, key)| key.clone())
    })
}
