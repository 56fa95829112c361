//! Connected accounts: the platform's businesses that issue cards.

mod page;
mod table;

pub use page::AccountsPage;
pub use table::AccountsTable;
