//! One `StripeConnect` instance per connected account for the whole panel, shared by every
//! component on its pages (a card page with the card and Stripe's list makes one instance and
//! one AccountSession, not two). The panel's config is fetched once; an account's client secret
//! is asked for while the script loads, not after; every instance is logged out when the panel
//! signs out or is unmounted (the owner the hub was made under is cleaned up).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use issuing_model::api::ClientConfig;
use js_sys::Promise;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;

use super::bindings::{Appearance, ConnectInstance, ConnectOptions, DisplayOptions, InitParams};
use super::loader::{load_connect_script, ConnectError};
use crate::api::ApiClient;

type Started<T> = Shared<LocalBoxFuture<'static, Result<T, ConnectError>>>;

struct Hub {
    api: ApiClient,
    /// The host's `fonts` and `displayOptions`, the same for every instance.
    options: ConnectOptions,
    config: Started<ClientConfig>,
    instances: RefCell<HashMap<String, Started<ConnectInstance>>>,
    /// The `fetchClientSecret` callbacks Stripe holds: freed with the hub, never before.
    callbacks: RefCell<Vec<Closure<dyn FnMut() -> Promise>>>,
    /// Logged out (the panel signed out or left): an instance still starting is not made.
    closed: Cell<bool>,
}

/// The panel's Connect instances, in context.
#[derive(Clone)]
pub struct ConnectHub(SendWrapper<Rc<Hub>>);

impl ConnectHub {
    /// A hub calling `api`, for the current owner: when it is cleaned up (sign-out, unmount),
    /// every instance it started is logged out. The host's [`ConnectOptions`] come from context.
    pub fn new(api: ApiClient) -> Self {
        let config_api = api.clone();
        let config = async move {
            config_api
                .config()
                .await
                .map_err(|e| ConnectError::Init(e.to_string()))
        }
        .boxed_local()
        .shared();
        let hub = Self(SendWrapper::new(Rc::new(Hub {
            api,
            options: use_context::<ConnectOptions>().unwrap_or_default(),
            config,
            instances: RefCell::default(),
            callbacks: RefCell::default(),
            closed: Cell::new(false),
        })));
        let leaving = hub.clone();
        on_cleanup(move || leaving.log_out());
        hub
    }

    /// The hub in context, or one of this component's own (a component mounted on its own).
    pub fn use_hub() -> Self {
        use_context::<Self>().unwrap_or_else(|| Self::new(expect_context::<ApiClient>()))
    }

    /// What `update` passes on besides the appearance and locale.
    pub fn display(&self) -> DisplayOptions {
        self.0.options.display
    }

    /// The instance for `account`, started once (with `appearance` and `locale` of the first
    /// component that asks) and shared after.
    pub async fn instance(
        &self,
        account: &str,
        appearance: Appearance,
        locale: &str,
    ) -> Result<ConnectInstance, ConnectError> {
        let started = {
            let mut instances = self.0.instances.borrow_mut();
            instances
                .entry(account.to_owned())
                .or_insert_with(|| self.start(account.to_owned(), appearance, locale.to_owned()))
                .clone()
        };
        let result = started.await;
        if result.is_err() {
            // A failed start is forgotten: the next component (or a retry) starts afresh.
            self.0.instances.borrow_mut().remove(account);
        }
        result
    }

    fn start(
        &self,
        account: String,
        appearance: Appearance,
        locale: String,
    ) -> Started<ConnectInstance> {
        let hub = self.clone();
        // Asked for now, while the script loads: Stripe's first `fetchClientSecret` gets it.
        let first_secret = new_secret(self.0.api.clone(), account.clone())
            .boxed_local()
            .shared();
        let eager = first_secret.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = eager.await;
        });
        async move {
            let config = hub.0.config.clone().await?;
            load_connect_script(&config.connect_script_url).await?;
            if hub.0.closed.get() {
                // The panel left while the script loaded: no instance for Stripe to keep (with
                // a callback freed with the hub) and nothing left to log out.
                return Err(ConnectError::Init("the panel has left".into()));
            }
            let callback = hub.client_secret_callback(account, first_secret);
            let params = InitParams {
                publishable_key: config.publishable_key,
                appearance,
                locale,
                fonts: hub.0.options.fonts.clone(),
                display: hub.0.options.display,
            };
            let instance = ConnectInstance::init(&params, callback.as_ref().unchecked_ref())
                .map_err(js_error)?;
            hub.0.callbacks.borrow_mut().push(callback);
            Ok(instance)
        }
        .boxed_local()
        .shared()
    }

    /// `fetchClientSecret` for `account`: the secret asked for early the first time, a new
    /// session every time after (Stripe asks again when one has expired).
    fn client_secret_callback(
        &self,
        account: String,
        first: Shared<LocalBoxFuture<'static, Result<String, String>>>,
    ) -> Closure<dyn FnMut() -> Promise> {
        let api = self.0.api.clone();
        let mut first = Some(first);
        Closure::new(move || {
            let (api, account, first) = (api.clone(), account.clone(), first.take());
            future_to_promise(async move {
                let secret = match first {
                    Some(first) => first.await,
                    None => new_secret(api, account).await,
                };
                secret
                    .map(|s| JsValue::from_str(&s))
                    .map_err(|e| js_sys::Error::new(&e).into())
            })
        })
    }

    /// `logout()` on every instance started; the hub holds no instance after, and starts none.
    fn log_out(&self) {
        self.0.closed.set(true);
        let started: Vec<_> = self.0.instances.borrow_mut().drain().collect();
        for (_, instance) in started {
            if let Some(Ok(instance)) = instance.peek() {
                let _ = instance.logout();
            }
        }
    }
}

/// A new AccountSession's client secret for `account`, or why there is none (said to Stripe).
async fn new_secret(api: ApiClient, account: String) -> Result<String, String> {
    api.account_session(&account)
        .await
        .map(|s| s.client_secret)
        .map_err(|e| format!("No account session for {account}: {e}"))
}

/// A JS exception from Stripe's script, as the panel's error.
pub(super) fn js_error(e: JsValue) -> ConnectError {
    ConnectError::Init(
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "unknown error".into()),
    )
}
