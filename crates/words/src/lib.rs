//! Every word issuing-admin shows a person, in English and Japanese, each beside its
//! translation: the panel's catalogue ([`Texts`]), Stripe's rules and money errors in the
//! panel's words ([`InWords`]), spending controls as phrases, category labels, the token
//! countdown, and the sandbox's stand-in Connect frames.
//!
//! The model (`issuing-model`) speaks no language: its `Display`s are Stripe's English, what an
//! API answers. This crate is plain Rust, used by the panel (wasm) and the sandbox.

mod audit;
mod catalogue;
mod categories;
mod controls;
mod countdown;
mod decisions;
mod locale;
mod rules;

pub use audit::{entry_in_words, EntryInWords};
pub use catalogue::{Texts, EN, JA};
pub use categories::{category_label, category_labels};
pub use controls::{describe_changes, limit_phrase, limits_summary, ControlChange};
pub use countdown::countdown;
pub use decisions::reason_words;
pub use locale::Locale;
pub use rules::InWords;
