//! Small widgets shared by every feature.

mod states;

pub use states::{ErrorState, LoadingState};
