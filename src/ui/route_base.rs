use leptos::prelude::*;

/// The URL path the panel's routes live under (`""` on its own page, e.g. `/dashboard/issuing`
/// when embedded).
#[derive(Clone, Debug, Default)]
pub struct RouteBase(pub String);

/// A link target for the app route `path`: leptos_router's `<A>` leaves absolute paths as they
/// are, so the base is added here. (Navigation through `use_navigate` adds it by itself.)
pub fn href(path: impl AsRef<str>) -> String {
    let base = use_context::<RouteBase>().unwrap_or_default().0;
    format!("{base}{}", path.as_ref())
}
