//! Types shared by the panel (wasm), the platform server and the Stripe sandbox, by vocabulary:
//!
//! - [`wire`]: Stripe's objects and parameters, as Stripe sends and takes them;
//! - [`api`]: the platform's own `/api` contract between the panel and the server;
//! - [`rules`]: Stripe's rules for what we send, returning typed [`Violation`]s;
//! - [`ids`]: typed Stripe ids that check their prefix;
//! - [`money`], [`dates`], [`country`], [`form`]: amounts, calendar dates, country codes and
//!   Stripe's form encoding;
//! - [`controls_draft`]: spending controls as an operator edits them.
//!
//! Nothing here speaks a person's language: `issuing-words` does. Everything is plain Rust
//! with no I/O, so it builds for `wasm32-unknown-unknown` and is tested natively in
//! milliseconds.

mod open_enum;

pub mod api;
pub mod controls_draft;
pub mod country;
pub mod dates;
pub mod form;
pub mod ids;
pub mod money;
pub mod rules;
#[cfg(feature = "signature")]
pub mod webhook_signature;
pub mod wire;

pub use api::{AccountAccess, CardListQuery, OperatorProfile, Role};
pub use ids::{AccountId, CardId, CardholderId, EventId, IdError, PaymentIntentId, TokenId};
pub use rules::{ControlList, Rule, Violation};
pub use wire::account::{Account, BusinessProfile};
pub use wire::address::{Address, Billing};
pub use wire::authorization::{
    AuthorizationMethod, AuthorizationStatus, IssuingAuthorization, IssuingTransaction,
    MerchantData, RequestHistory, TransactionType,
};
pub use wire::card::{
    CancellationReason, CardStatus, CardType, IssuingCard, ReplacementReason, Shipping,
    ShippingService, ShippingStatus, ShippingStep, WalletStatus, Wallets,
};
pub use wire::card_create::{CardCreate, ShippingParams};
pub use wire::card_update::CardUpdate;
pub use wire::cardholder::{
    Cardholder, CardholderCreate, CardholderStatus, CardholderType, CardholderUpdate, Company, Dob,
    Individual, IndividualParams, Requirements,
};
pub use wire::category::Category;
pub use wire::connect::{AccountSession, EphemeralKey};
pub use wire::error::{ErrorBody, ErrorType, StripeError};
pub use wire::list::List;
pub use wire::metadata::Metadata;
pub use wire::payments::{
    DeactivatedReason, Event, GrantedToken, PaymentIntent, PaymentIntentStatus, WebhookEndpoint,
};
pub use wire::spending::{
    CardPresence, SpendingControls, SpendingControlsUpdate, SpendingInterval, SpendingLimit,
};
