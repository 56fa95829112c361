//! The audit trail in the panel: an account's Activity page (filters, pages, CSV export) and a
//! card's History section. Both list entries the same way ([`entries::AuditList`]): who, when,
//! what in words — the spending controls' before → after as the editor's review says it — and
//! what Stripe answered.

mod entries;
mod export;
mod history;
mod page;

pub use history::ChangeHistory;
pub use page::ActivityPage;
