//! Stripe's objects and parameters as they travel over the wire, in Stripe's names and
//! shapes (`../shared/stripe-shapes`), with the little behaviour that belongs to the data
//! itself (a controls update applied, a card update as a form).

pub mod account;
pub mod address;
pub mod authorization;
pub mod card;
pub mod card_create;
pub mod card_update;
pub mod cardholder;
pub mod category;
pub mod connect;
pub mod error;
pub mod list;
pub mod metadata;
pub mod payments;
pub mod spending;
