//! What a card was used for: its purchases, newest first, each approved or declined with the
//! reason in the operator's words.

mod explain;
mod list;

pub use explain::explain;
pub use list::CardPurchases;
