//! Views whose code is fetched when first shown. In the release build of `cargo xtask dist`
//! (the `split` feature) each is a Leptos `#[lazy]` function, cut by `wasm_split_cli_support`
//! into a wasm chunk: the first load carries the shell and the card list, not every page
//! (issue 20). Every other build (`trunk serve`, the wasm tests) keeps one module, and these
//! are plain async functions.
//!
//! Each builds its view untracked: a `Suspend` runs its future again when a signal read in it
//! changes, which would build the component afresh and lose its state (a bulk run's outcome).

use leptos::prelude::*;
use leptos_router::LazyRoute;

/// The one place `#[lazy]` is written. Leptos names a chunk after the name it is given and
/// where the attribute is written, so the views given the same `$chunk` share one chunk.
macro_rules! lazy_fn {
    ($chunk:ident, $load:ident($($arg:ident: $ty:ty),*) $body:block) => {
        #[cfg_attr(feature = "split", leptos::lazy($chunk))]
        pub async fn $load($($arg: $ty),*) -> AnyView $body
    };
}

/// A route whose view is the component `$page`, in the chunk `$chunk`.
macro_rules! lazy_page {
    ($route:ident, $load:ident, $page:path, $chunk:ident) => {
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_: Self) -> AnyView {
                $load().await
            }
        }

        lazy_fn!($chunk, $load() { untrack(|| $page().into_any()) });
    };
}

/// The component `$view` with its props, as a future of its view (in the chunk `$chunk`):
/// show it with `Suspend::new(…)`.
macro_rules! lazy_part {
    ($load:ident, $view:path, $props:ty, $chunk:ident) => {
        lazy_fn!($chunk, $load(props: $props) { untrack(|| $view(props).into_any()) });
    };
}

// The chunks, by what an operator opens together. A chunk per view made the code two views
// share a chunk of its own, one per subset of views: 98 files, 80 of them for the card page.
lazy_fn!(start, sign_in_page() {
    untrack(|| crate::session::SignInPage().into_any())
});
lazy_page!(
    AccountsRoute,
    accounts_page,
    crate::accounts::AccountsPage,
    start
);
lazy_page!(CardRoute, card_page, crate::cards::CardDetailPage, card);
lazy_part!(
    stripe_cards_list,
    crate::connect::IssuingCardsList,
    crate::connect::IssuingCardsListProps,
    card
);
lazy_part!(
    bulk_bar,
    crate::cards::bulk::BulkBar,
    crate::cards::bulk::BulkBarProps,
    bulk
);
lazy_page!(
    CardholdersRoute,
    cardholders_page,
    crate::cardholders::CardholdersPage,
    people
);
lazy_page!(
    CardholderRoute,
    cardholder_page,
    crate::cardholders::CardholderPage,
    people
);
lazy_page!(TokensRoute, tokens_page, crate::tokens::TokensPage, records);
lazy_page!(
    ActivityRoute,
    activity_page,
    crate::activity::ActivityPage,
    records
);
lazy_page!(EventsRoute, events_page, crate::events::EventsPage, records);
