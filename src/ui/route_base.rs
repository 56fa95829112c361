use leptos::prelude::*;

/// The URL path the panel's routes live under (`""` on its own page, e.g. `/dashboard/issuing`
/// when embedded).
#[derive(Clone, Debug, Default)]
pub struct RouteBase(pub String);

/// A link target for the app route `path`, under the panel's base path. Plain `<a href>` with
/// it is routed client-side by the router (which catches same-origin clicks under its base);
/// leptos_router's `<A>` would leave an absolute path without the base, and needs a router
/// around it, which components shown on their own (tests) do not have. Navigation through
/// `use_navigate` adds the base by itself.
pub fn href(path: impl AsRef<str>) -> String {
    let base = use_context::<RouteBase>().unwrap_or_default().0;
    format!("{base}{}", path.as_ref())
}
