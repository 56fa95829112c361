//! The ephemeral-key callback Stripe's card components call, in Rust: it returns a Promise
//! that settles with what Stripe expects, or rejects with a readable `Error` (never hangs).
//! (`fetchClientSecret` is the hub's: `hub.rs`.)

use js_sys::Promise;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use crate::api::ApiClient;

fn reject(message: String) -> JsValue {
    js_sys::Error::new(&message).into()
}

/// What the component passes: `{ issuingCard, nonce }`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct KeyRequest {
    issuing_card: String,
    nonce: String,
}

/// What it must get back: `{ issuingCard, nonce, ephemeralKeySecret }`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct KeyAnswer {
    issuing_card: String,
    nonce: String,
    ephemeral_key_secret: String,
}

/// `fetchEphemeralKey`: posts the card and nonce to the platform server, which checks the card
/// is `account`'s and asks Stripe for a key bound to both.
pub fn fetch_ephemeral_key(
    api: ApiClient,
    account: String,
) -> Closure<dyn FnMut(JsValue) -> Promise> {
    Closure::new(move |args: JsValue| {
        let (api, account) = (api.clone(), account.clone());
        future_to_promise(async move {
            let request: KeyRequest = serde_wasm_bindgen::from_value(args).map_err(|e| {
                reject(format!(
                    "fetchEphemeralKey expects {{ issuingCard, nonce }}: {e}"
                ))
            })?;
            let key = api
                .ephemeral_key(&account, &request.issuing_card, &request.nonce)
                .await
                .map_err(|e| {
                    reject(format!(
                        "No ephemeral key for card {}: {e}",
                        request.issuing_card
                    ))
                })?;
            let answer = KeyAnswer {
                issuing_card: request.issuing_card,
                nonce: request.nonce,
                ephemeral_key_secret: key.secret,
            };
            serde_wasm_bindgen::to_value(&answer).map_err(|e| reject(e.to_string()))
        })
    })
}
