//! The live feed of Stripe webhook events the server accepted.

mod feed;
mod live;
mod page;

pub use feed::{concerns, local_time, summary, EventFeed};
pub use live::{merge, sleep, use_live_events, FeedStatus, LiveEvents};
pub use page::EventsPage;
