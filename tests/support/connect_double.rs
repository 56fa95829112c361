//! A recording double of `window.StripeConnect` (Stripe's Connect script), so no script is
//! loaded: `init`, `create`, `update`, `logout` and each setter push `[name, value]` onto
//! `window.__connect`.

use issuing_admin::api::ApiClient;
use issuing_model::CardListQuery;
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Installs the double: `init` and each setter push `[name, value]` onto `window.__connect`;
/// `create` returns a `<div data-tag=…>` that keeps the last value of each setter.
pub fn install_double() {
    Function::new_no_args(
        r#"
        window.__connect = [];
        const record = (name, value) => window.__connect.push([name, value]);
        window.StripeConnect = {
          init(params) {
            record("init", params);
            return {
              create(tag) {
                record("create", tag);
                const el = document.createElement("div");
                el.dataset.tag = tag;
                for (const setter of ["setDefaultCard", "setCardSwitching", "setShowSpendControls",
                    "setIssuingProgram", "setFetchEphemeralKey", "setOnLoadError", "setOnLoaderStart"]) {
                  el[setter] = (value) => { record(setter, value); el["_" + setter] = value; };
                }
                return el;
              },
              update(options) { record("update", options); },
              logout() { record("logout"); return Promise.resolve(); },
            };
          },
        };
        "#,
    )
    .call0(&JsValue::NULL)
    .unwrap();
}

pub fn calls() -> Vec<(String, JsValue)> {
    let log: Array = Reflect::get(&js_sys::global(), &"__connect".into())
        .unwrap()
        .unchecked_into();
    log.iter()
        .map(|entry| {
            let pair: Array = entry.unchecked_into();
            (pair.get(0).as_string().unwrap(), pair.get(1))
        })
        .collect()
}

/// How many times `name` was called.
pub fn count(name: &str) -> usize {
    calls().iter().filter(|(n, _)| n == name).count()
}

/// The ids of the UK account's first `n` cards.
pub async fn uk_card_ids(api: &ApiClient, n: u8) -> Vec<String> {
    let query = CardListQuery {
        limit: Some(n),
        ..Default::default()
    };
    let cards = api.cards(super::UK, &query).await.unwrap().data;
    cards.into_iter().map(|c| c.id).collect()
}

/// The double installed, Aiko signed in, the UK account's first card and a fresh container:
/// what every Connect test starts from.
pub async fn double_and_a_uk_card() -> (ApiClient, String, web_sys::HtmlElement) {
    install_double();
    let api = super::signed_in_api("op_aiko").await;
    let card = uk_card_ids(&api, 1).await.remove(0);
    (api, card, super::fresh_container())
}
