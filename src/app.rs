//! The application shell: header, sign-in gate, routes, and the app-wide session in context.

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes, A};
use leptos_router::{path, Lazy};

use issuing_model::AccountAccess;

use crate::api::ApiClient;
use crate::cards::CardsPage;
use crate::i18n::{self, t, I18n, Locale};
use crate::lazy_views::{
    self, AccountsRoute, ActivityRoute, CardRoute, CardholderRoute, CardholdersRoute, EventsRoute,
    TokensRoute,
};
use crate::routes::Page;
use crate::session::{Auth, Session};
use crate::ui::rate_limit_notice::RateLimitNotice;
use crate::ui::{LoadingState, RouteBase};

#[component]
pub fn App() -> impl IntoView {
    view! { <Panel server=ApiClient::same_origin() /> }
}

/// The panel, talking to `server`. Embedded in a host page it takes the host's `auth`, routes
/// under `base` (so the host's own links are left alone), and can open on one `account`.
#[component]
pub fn Panel(
    server: ApiClient,
    #[prop(optional)] auth: Auth,
    #[prop(optional, into)] base: String,
    #[prop(optional_no_strip)] account: Option<String>,
    /// `en` or `ja`; otherwise the browser's languages decide.
    #[prop(optional_no_strip)]
    locale: Option<String>,
) -> impl IntoView {
    // An embedder may provide the language itself, to switch it from outside (`setLocale`).
    let i18n = use_context::<I18n>().unwrap_or_else(|| {
        let remember = matches!(auth, Auth::SignIn);
        I18n::provide(i18n::start_in(locale.as_deref(), remember), remember)
    });
    let session = Session::new(server, auth);
    provide_context(session);
    provide_context(RouteBase(base.clone()));
    // In a host page the host owns the page's banner and main landmarks; the panel is a region.
    let hosted = session.is_hosted();
    // Who a resumed token belongs to.
    Effect::new(move |_| {
        if let (Some(api), None) = (session.api(), session.operator.get_untracked()) {
            leptos::task::spawn_local(session.find_operator(api));
        }
    });
    let home = StoredValue::new(account.map(|a| Page::Cards { account: &a }.path()));
    let pages = move || match session.api() {
        None if session.is_hosted() => view! {
            <LoadingState label=t().waiting_for_host />
        }
        .into_any(),
        None => Suspend::new(lazy_views::sign_in_page()).into_any(),
        Some(api) => {
            // One Connect instance per account for the whole signed-in panel, logged out on
            // sign-out and unmount (this owner's cleanup).
            provide_context(crate::connect::ConnectHub::new(api.clone()));
            provide_context(api);
            view! {
                <Routes fallback=|| view! { <p class="ia-empty">{move || t().page_not_found}</p> }>
                    // The host's account, else the operator's only account, else the list.
                    // (Reactive: a resumed sign-in learns who the operator is after the page.)
                    <Route path=path!("/") view=move || move || {
                        let only = session.operator.get().and_then(|o| match o.accounts {
                            AccountAccess::Only(ids) if ids.len() == 1 => Some(Page::Cards { account: &ids[0] }.path()),
                            _ => None,
                        });
                        match home.get_value().or(only) {
                            Some(path) => view! { <Redirect path=path /> }.into_any(),
                            None => Suspend::new(lazy_views::accounts_page()).into_any(),
                        }
                    } />
                    <Route path=path!("/accounts") view={Lazy::<AccountsRoute>::new()} />
                    <Route path=path!("/accounts/:account/cards") view=CardsPage />
                    <Route path=path!("/accounts/:account/cards/:card") view={Lazy::<CardRoute>::new()} />
                    <Route path=path!("/accounts/:account/cardholders") view={Lazy::<CardholdersRoute>::new()} />
                    <Route path=path!("/accounts/:account/cardholders/:cardholder") view={Lazy::<CardholderRoute>::new()} />
                    <Route path=path!("/accounts/:account/tokens") view={Lazy::<TokensRoute>::new()} />
                    <Route path=path!("/accounts/:account/activity") view={Lazy::<ActivityRoute>::new()} />
                    <Route path=path!("/events") view={Lazy::<EventsRoute>::new()} />
                </Routes>
            }
            .into_any()
        }
    };
    view! {
        <Router base=base>
            <div class="ia-shell" lang=move || i18n::tag(i18n.locale.get())>
                <header class="ia-header" role=hosted.then_some("none")>
                    <span class="ia-brand">{move || t().brand}</span>
                    {move || session.operator.get().is_some().then(|| view! {
                        <nav class="ia-nav" aria-label=move || t().nav_sections>
                            <A href=Page::Accounts.href()>{move || t().nav_accounts}</A>
                            <A href=Page::Events.href()>{move || t().nav_events}</A>
                        </nav>
                    })}
                    <span class="ia-spacer"></span>
                    <LanguageSwitch />
                    {move || session.operator.get().map(|op| view! {
                        <span class="ia-operator">{op.name}</span>
                        {(!session.is_hosted()).then(|| view! {
                            <button type="button" class="ia-button ia-button-secondary" data-action="sign-out" on:click=move |_| session.sign_out()>
                                {move || t().sign_out}
                            </button>
                        })}
                    })}
                </header>
                <RateLimitNotice />
                {if hosted {
                    view! { <div class="ia-main" role="region" aria-label=move || t().brand>{pages}</div> }.into_any()
                } else {
                    view! { <main class="ia-main">{pages}</main> }.into_any()
                }}
            </div>
        </Router>
    }
}

/// English or Japanese, switched in place (no reload).
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <select
            class="ia-language"
            name="language"
            aria-label=move || t().language
            on:change=move |ev| {
                if let Some(locale) = i18n::parse(&event_target_value(&ev)) {
                    i18n.locale.set(locale);
                }
            }
        >
            <option value="en" selected=move || i18n.locale.get() == Locale::En>{Locale::En.endonym()}</option>
            <option value="ja" lang="ja" selected=move || i18n.locale.get() == Locale::Ja>{Locale::Ja.endonym()}</option>
        </select>
    }
}
