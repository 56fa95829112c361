//! What the platform server and the Stripe sandbox share on the HTTP side: every failure is an
//! [`ApiError`] answered in Stripe's error shape, and request input comes through extractors
//! ([`JsonBody`], [`Query`], [`Path`]) whose rejection is such an error, naming the parameter
//! at fault. Handlers then do only their job. A server on loopback answers only requests
//! addressed to loopback ([`loopback_hosts_only`]).

mod error;
mod extract;
mod host_guard;

pub use error::{too_large_in_stripe_shape, unknown_route, ApiError, ApiResult};
pub use extract::{decode_query, JsonBody, NoParams, Path, Query};
pub use host_guard::{loopback_hosts_only, AllowedHosts};
