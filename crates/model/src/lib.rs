//! Types shared by the panel (wasm), the platform server and the Stripe sandbox.
//!
//! Everything here is plain Rust with no I/O, so it builds for `wasm32-unknown-unknown` and is
//! tested natively in milliseconds.

pub mod account;
pub mod error;
pub mod list;
pub mod metadata;

pub use account::{Account, BusinessProfile};
pub use error::{ErrorBody, ErrorType, StripeError};
pub use list::List;
pub use metadata::Metadata;
