//! Stripe's Connect embedded components, wrapped so the rest of the panel never touches
//! JavaScript: the script loader, typed bindings, the two callbacks (in Rust) and Leptos
//! components. Card numbers and CVCs render only inside Stripe's iframes; nothing here ever
//! sees them.

mod bindings;
mod callbacks;
mod components;
mod hub;
mod loader;

pub use bindings::{
    ConnectElement, ConnectInstance, ConnectOptions, CustomFont, DisplayOptions, FontSource,
    InitParams, LoadErrorType, Overlays,
};
pub use callbacks::fetch_ephemeral_key;
pub use components::{IssuingCard, IssuingCardsList, IssuingCardsListProps};
pub use hub::ConnectHub;
pub use loader::{is_loaded, load_connect_script, ConnectError};
