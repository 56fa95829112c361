//! Shared Payment Tokens that AI agents granted a connected account: see them, charge them.

mod charge_form;
mod grant_form;
mod lookup_form;
mod page;
mod table;

pub use page::TokensPage;
