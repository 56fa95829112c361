//! The sandbox's in-memory Stripe state.

use std::collections::{BTreeMap, HashMap};
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use issuing_model::{
    Account, Cardholder, Event, GrantedToken, IssuingAuthorization, IssuingCard,
    IssuingTransaction, PaymentIntent, WebhookEndpoint,
};

use crate::{seed, seed_history};

/// Everything the sandbox knows, behind one lock: requests are short, and one lock makes each
/// update atomic with its idempotency record.
pub struct Store {
    inner: RwLock<Data>,
}

pub(crate) struct Data {
    /// Connected accounts, newest first (the order Stripe lists them in).
    pub accounts: Vec<Account>,
    /// Issuing objects of each connected account, by account id.
    pub issuing: BTreeMap<String, AccountIssuing>,
    /// Idempotency records by (account scope, key).
    pub idempotency: HashMap<(String, String), IdempotencyRecord>,
    /// Writes actually applied (replays and refusals not counted), for tests to check.
    pub applied_writes: u64,
    /// Account sessions by client secret.
    pub account_sessions: HashMap<String, SessionRecord>,
    /// Issuing ephemeral keys by secret.
    pub ephemeral_keys: HashMap<String, KeyRecord>,
    /// Shared payment tokens granted to the platform or its accounts, newest first.
    pub granted_tokens: Vec<Scoped<GrantedToken>>,
    /// PaymentIntents by id.
    pub payment_intents: HashMap<String, Scoped<PaymentIntent>>,
    /// Where events are delivered (each with its signing secret).
    pub webhook_endpoints: Vec<WebhookEndpoint>,
    /// Every event, oldest first.
    pub events: Vec<Event>,
}

/// An object and the account it lives in (`None`: the platform itself).
#[derive(Clone)]
pub struct Scoped<T> {
    pub account: Option<String>,
    pub object: T,
}

/// An account session the stand-in Connect script may act with until `expires_at`.
pub struct SessionRecord {
    pub account: String,
    pub expires_at: i64,
    /// `spend_control_management` on `issuing_card`: the component may show limits.
    pub spend_controls: bool,
}

/// An ephemeral key: good for one card, one nonce, one account, until `expires`.
pub struct KeyRecord {
    pub account: String,
    pub card: String,
    pub nonce: String,
    pub expires: i64,
}

/// One account's cardholders and cards, newest first, with an index by id, and what the cards
/// were used for (authorizations and transactions, newest first).
pub struct AccountIssuing {
    pub cardholders: Vec<Cardholder>,
    pub cards: Vec<IssuingCard>,
    card_index: HashMap<String, usize>,
    pub authorizations: Vec<IssuingAuthorization>,
    pub transactions: Vec<IssuingTransaction>,
    /// How much of each capture has been refunded, by the capture's id.
    pub refunded: HashMap<String, i64>,
}

impl AccountIssuing {
    pub fn new(cardholders: Vec<Cardholder>, cards: Vec<IssuingCard>) -> Self {
        let mut data = Self {
            cardholders,
            cards,
            card_index: HashMap::new(),
            authorizations: Vec::new(),
            transactions: Vec::new(),
            refunded: HashMap::new(),
        };
        data.sort_newest_first();
        data
    }

    pub fn sort_newest_first(&mut self) {
        // Ties on `created` fall back to the id, so the order (and cursors) are stable.
        self.cards
            .sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id)));
        self.cardholders
            .sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id)));
        self.card_index = self
            .cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
    }

    /// Authorizations and transactions newest first (ties by id, for stable cursors).
    pub fn sort_purchases_newest_first(&mut self) {
        self.authorizations
            .sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id)));
        self.transactions
            .sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id)));
    }

    /// A card made now: first in the list (Stripe lists objects of the same second in the
    /// order they were made, newest first; their random ids say nothing of it).
    pub fn add_newest_card(&mut self, card: IssuingCard) {
        self.cards.insert(0, card);
        self.card_index = self
            .cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
    }

    pub fn add_newest_cardholder(&mut self, holder: Cardholder) {
        self.cardholders.insert(0, holder);
    }

    pub fn card(&self, id: &str) -> Option<&IssuingCard> {
        self.card_index.get(id).map(|&i| &self.cards[i])
    }

    pub fn card_mut(&mut self, id: &str) -> Option<&mut IssuingCard> {
        self.card_index.get(id).map(|&i| &mut self.cards[i])
    }
}

/// A request made with an `Idempotency-Key`: in flight, or finished with the answer to replay.
#[derive(Clone)]
pub enum IdempotencyRecord {
    InFlight {
        fingerprint: String,
    },
    Done {
        fingerprint: String,
        status: u16,
        body: Vec<u8>,
    },
}

impl IdempotencyRecord {
    pub fn fingerprint(&self) -> &str {
        match self {
            Self::InFlight { fingerprint } | Self::Done { fingerprint, .. } => fingerprint,
        }
    }
}

impl Store {
    /// The deterministic seed, with `large_account_cards` cards in the large account.
    pub fn seeded(large_account_cards: usize) -> Self {
        let seed = seed::seed(large_account_cards);
        let countries: HashMap<String, String> = seed
            .accounts
            .iter()
            .map(|a| (a.id.clone(), a.country.clone().unwrap_or_default()))
            .collect();
        Self {
            inner: RwLock::new(Data {
                accounts: seed.accounts,
                issuing: seed
                    .issuing
                    .into_iter()
                    .enumerate()
                    .map(|(i, (id, (holders, cards)))| {
                        let mut issuing = AccountIssuing::new(holders, cards);
                        let country = countries.get(&id).map_or("", String::as_str);
                        seed_history::add(&mut issuing, country, 0x0415_7000 + i as u64);
                        (id, issuing)
                    })
                    .collect(),
                idempotency: HashMap::new(),
                applied_writes: 0,
                account_sessions: HashMap::new(),
                ephemeral_keys: HashMap::new(),
                granted_tokens: Vec::new(),
                payment_intents: HashMap::new(),
                webhook_endpoints: Vec::new(),
                events: Vec::new(),
            }),
        }
    }

    // A panic while holding the lock cannot leave `Data` half-written (each write replaces
    // whole values after validation), so a poisoned lock is still safe to use.
    pub(crate) fn read(&self) -> RwLockReadGuard<'_, Data> {
        self.inner.read().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn write(&self) -> RwLockWriteGuard<'_, Data> {
        self.inner.write().unwrap_or_else(|e| e.into_inner())
    }
}
