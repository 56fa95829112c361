//! Types shared by the panel (wasm), the platform server and the Stripe sandbox: Stripe's
//! objects, the rules for changing them, their form encoding, and money.
//!
//! Everything here is plain Rust with no I/O, so it builds for `wasm32-unknown-unknown` and is
//! tested natively in milliseconds.

mod open_enum;

pub mod account;
pub mod api;
pub mod card;
pub mod card_query;
pub mod card_update;
pub mod category;
pub mod connect;
pub mod controls_draft;
pub mod country;
pub mod describe;
pub mod error;
pub mod form;
pub mod ids;
pub mod list;
pub mod metadata;
pub mod money;
pub mod operator;
pub mod payments;
pub mod spending;
pub mod tokens;
#[cfg(feature = "signature")]
pub mod webhook_signature;

pub use account::{Account, BusinessProfile};
pub use card::{
    CancellationReason, CardStatus, CardType, Cardholder, CardholderStatus, CardholderType,
    IssuingCard, ReplacementReason, WalletStatus, Wallets,
};
pub use card_query::CardListQuery;
pub use card_update::CardUpdate;
pub use category::Category;
pub use connect::{AccountSession, EphemeralKey};
pub use error::{ErrorBody, ErrorType, StripeError};
pub use ids::{AccountId, CardId, CardholderId, EventId, IdError, PaymentIntentId, TokenId};
pub use list::List;
pub use metadata::Metadata;
pub use operator::{AccountAccess, OperatorProfile, Role};
pub use payments::{
    DeactivatedReason, Event, GrantedToken, PaymentIntent, PaymentIntentStatus, WebhookEndpoint,
};
pub use spending::{
    CardPresence, SpendingControls, SpendingControlsUpdate, SpendingInterval, SpendingLimit,
    Violation,
};
