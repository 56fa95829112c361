//! The signed-in operator: sign-in (sandbox operators), the token kept across reloads, and
//! sign-out.

mod sign_in;
mod store;

pub use sign_in::SignInPage;
pub use store::{Auth, Session};
