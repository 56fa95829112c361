//! Every page of the panel in one place: the paths the router matches (`path!` in `app.rs`
//! must stay beside these), the links to them, and their parameters read back typed.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::ui::href;

/// A page of the panel, with what its path carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page<'a> {
    Accounts,
    Cards {
        account: &'a str,
    },
    Card {
        account: &'a str,
        card: &'a str,
    },
    Cardholders {
        account: &'a str,
    },
    Cardholder {
        account: &'a str,
        cardholder: &'a str,
    },
    Tokens {
        account: &'a str,
    },
    Activity {
        account: &'a str,
    },
    Events,
}

impl Page<'_> {
    /// The path inside the panel (what `use_navigate` takes: it adds the base itself).
    pub fn path(&self) -> String {
        match self {
            Page::Accounts => "/accounts".to_owned(),
            Page::Cards { account } => format!("/accounts/{}/cards", encode(account)),
            Page::Card { account, card } => {
                format!("/accounts/{}/cards/{}", encode(account), encode(card))
            }
            Page::Cardholders { account } => format!("/accounts/{}/cardholders", encode(account)),
            Page::Cardholder {
                account,
                cardholder,
            } => format!(
                "/accounts/{}/cardholders/{}",
                encode(account),
                encode(cardholder)
            ),
            Page::Tokens { account } => format!("/accounts/{}/tokens", encode(account)),
            Page::Activity { account } => format!("/accounts/{}/activity", encode(account)),
            Page::Events => "/events".to_owned(),
        }
    }

    /// A link target, under the panel's base path.
    pub fn href(&self) -> String {
        href(self.path())
    }
}

/// Ids come from Stripe or the URL: escaped, a path segment stays one segment.
fn encode(segment: &str) -> String {
    js_sys::encode_uri_component(segment).into()
}

/// The `:account` of the current route (tracked).
pub fn use_account() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("account").unwrap_or_default())
}

/// The `:account` and `:card` of the current route (tracked).
pub fn use_card() -> Memo<(String, String)> {
    let params = use_params_map();
    Memo::new(move |_| {
        let p = params.read();
        (
            p.get("account").unwrap_or_default(),
            p.get("card").unwrap_or_default(),
        )
    })
}
