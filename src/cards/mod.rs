//! Issued cards: the list of an account's cards and one card in detail.

mod badge;
pub mod bulk;
pub mod controls_editor;
pub mod detail;
mod filters;
mod list;
mod shipping;
mod status_actions;
mod table;

pub use badge::StatusBadge;
pub use detail::CardDetailPage;
pub use list::CardsPage;
pub use table::CardsTable;
