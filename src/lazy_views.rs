//! Views whose code is fetched when first shown. In the release build of `cargo xtask dist`
//! (the `split` feature) each is a Leptos `#[lazy]` function, cut by `wasm_split_cli_support`
//! into a wasm chunk of its own: the first load carries the shell and the card list, not
//! every page (issue 20). Every other build (`trunk serve`, the wasm tests) keeps one module,
//! and these are plain async functions.
//!
//! Each builds its view untracked: a `Suspend` runs its future again when a signal read in it
//! changes, which would build the component afresh and lose its state (a bulk run's outcome).

use leptos::prelude::*;
use leptos_router::LazyRoute;

/// A route whose view is the component `$page`.
macro_rules! lazy_page {
    ($route:ident, $load:ident, $page:path) => {
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_: Self) -> AnyView {
                $load().await
            }
        }

        #[cfg_attr(feature = "split", leptos::lazy)]
        pub async fn $load() -> AnyView {
            untrack(|| $page().into_any())
        }
    };
}

lazy_page!(AccountsRoute, accounts_page, crate::accounts::AccountsPage);
lazy_page!(CardRoute, card_page, crate::cards::CardDetailPage);
lazy_page!(
    CardholdersRoute,
    cardholders_page,
    crate::cardholders::CardholdersPage
);
lazy_page!(
    CardholderRoute,
    cardholder_page,
    crate::cardholders::CardholderPage
);
lazy_page!(TokensRoute, tokens_page, crate::tokens::TokensPage);
lazy_page!(ActivityRoute, activity_page, crate::activity::ActivityPage);
lazy_page!(EventsRoute, events_page, crate::events::EventsPage);

/// The component `$view` with its props, as a future of its view: show it with
/// `Suspend::new(…)`.
macro_rules! lazy_part {
    ($load:ident, $view:path, $props:ty) => {
        #[cfg_attr(feature = "split", leptos::lazy)]
        pub async fn $load(props: $props) -> AnyView {
            untrack(|| $view(props).into_any())
        }
    };
}

/// The sign-in page: an operator signed in (the usual case) never needs its code.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn sign_in_page() -> AnyView {
    untrack(|| crate::session::SignInPage().into_any())
}

lazy_part!(
    bulk_bar,
    crate::cards::bulk::BulkBar,
    crate::cards::bulk::BulkBarProps
);
lazy_part!(
    stripe_cards_list,
    crate::connect::IssuingCardsList,
    crate::connect::IssuingCardsListProps
);
