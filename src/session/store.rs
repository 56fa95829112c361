use issuing_model::OperatorProfile;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::api::ApiClient;
use crate::ui::local_storage as storage;

const TOKEN_KEY: &str = "issuing-admin.operator-token";

/// Where the operator's token comes from.
#[derive(Clone, Default)]
pub enum Auth {
    /// The panel's own sign-in (sandbox operators), remembered in `localStorage`.
    #[default]
    SignIn,
    /// The host page's: a token, and/or a function returning one (or a promise of one) that is
    /// asked again whenever the server refuses the current token. Nothing is stored.
    Host {
        token: Option<String>,
        refresh: Option<SendWrapper<js_sys::Function>>,
    },
}

/// The app-wide session: the server to call and, once signed in, as whom.
#[derive(Clone, Copy)]
pub struct Session {
    server: StoredValue<ApiClient>,
    token: RwSignal<Option<String>>,
    pub operator: RwSignal<Option<OperatorProfile>>,
    refresh: StoredValue<Option<SendWrapper<js_sys::Function>>>,
    hosted: bool,
}

impl Session {
    /// A session for `server`, resuming the token saved by an earlier visit (if any), or
    /// using the host page's token.
    pub fn new(server: ApiClient, auth: Auth) -> Self {
        let (token, refresh, hosted) = match auth {
            Auth::SignIn => (
                storage().and_then(|s| s.get_item(TOKEN_KEY).ok().flatten()),
                None,
                false,
            ),
            Auth::Host { token, refresh } => (token, refresh, true),
        };
        let session = Self {
            server: StoredValue::new(server),
            token: RwSignal::new(token),
            operator: RwSignal::new(None),
            refresh: StoredValue::new(refresh),
            hosted,
        };
        if session.hosted && session.token.get_untracked().is_none() {
            session.renew();
        }
        if !session.hosted {
            session.follow_other_tabs();
        }
        session
    }

    /// Signing out (or in as someone else) in another tab of the panel does the same here:
    /// the browser tells every other tab when the saved token changes.
    fn follow_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() != Some(TOKEN_KEY) {
                return;
            }
            let token = ev.new_value().filter(|t| !t.is_empty());
            if token != self.token.get_untracked() {
                // Someone else's profile, if anyone's: the shell asks the server who it is.
                self.operator.set(None);
                self.token.set(token);
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Asks the server who the token belongs to. A token it refuses signs out (or, when hosted,
    /// asks the host page for a new one); a failure that may pass (the network, the server) is
    /// asked again, less and less often, as long as the token is the same and nobody else
    /// has learnt the answer: until then the pages that depend on the operator's rights wait.
    pub async fn find_operator(self, api: ApiClient) {
        let token = self.token.get_untracked();
        let mut wait_ms = 1_000;
        loop {
            match api.me().await {
                Ok(me) => {
                    self.operator.try_set(Some(me));
                    return;
                }
                Err(e) if e.is_unauthorized() => return self.token_refused(),
                Err(e) if e.retryable() => {}
                Err(_) => return,
            }
            gloo_timers::future::TimeoutFuture::new(wait_ms).await;
            wait_ms = (wait_ms * 2).min(30_000);
            let same_token = self.token.try_get_untracked() == Some(token.clone());
            let still_unknown = self.operator.try_with_untracked(Option::is_none) == Some(true);
            if !(same_token && still_unknown) {
                return;
            }
        }
    }

    /// Whether the host page signs the operator in (no sign-in page, no sign-out button).
    pub fn is_hosted(&self) -> bool {
        self.hosted
    }

    /// The server without a token (sign-in calls).
    pub fn server(&self) -> ApiClient {
        self.server.get_value()
    }

    /// Whether the signed-in operator may reveal card numbers (tracked): `None` until the
    /// operator is known (a resumed sign-in learns it after the first page is drawn), so a
    /// page can wait rather than say "no" and change its mind.
    pub fn may_reveal_card_numbers(&self) -> Option<bool> {
        self.operator
            .with(|o| o.as_ref().map(|o| o.can_reveal_card_numbers()))
    }

    /// The client calling as the signed-in operator, if any (tracked).
    pub fn api(&self) -> Option<ApiClient> {
        self.token
            .get()
            .map(|t| self.server.get_value().with_token(t))
    }

    pub fn sign_in(&self, token: String, operator: OperatorProfile) {
        if !self.hosted {
            if let Some(s) = storage() {
                let _ = s.set_item(TOKEN_KEY, &token);
            }
        }
        self.operator.set(Some(operator));
        self.token.set(Some(token));
    }

    pub fn sign_out(&self) {
        if !self.hosted {
            if let Some(s) = storage() {
                let _ = s.remove_item(TOKEN_KEY);
            }
        }
        self.operator.set(None);
        self.token.set(None);
    }

    /// The server refused the token: sign out, or (hosted) ask the host for a new one.
    pub fn token_refused(&self) {
        self.sign_out();
        if self.hosted {
            self.renew();
        }
    }

    /// Asks the host's `getToken` for a token.
    fn renew(&self) {
        let Some(refresh) = self.refresh.get_value() else {
            return;
        };
        let token = self.token;
        leptos::task::spawn_local(async move {
            let Ok(value) = refresh.call0(&wasm_bindgen::JsValue::NULL) else {
                return;
            };
            let value = match value.dyn_into::<js_sys::Promise>() {
                Ok(promise) => JsFuture::from(promise).await.ok(),
                Err(value) => Some(value),
            };
            if let Some(t) = value.and_then(|v| v.as_string()).filter(|t| !t.is_empty()) {
                token.try_set(Some(t));
            }
        });
    }
}
