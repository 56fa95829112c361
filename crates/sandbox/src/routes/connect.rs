//! `POST /v1/account_sessions` and `POST /v1/ephemeral_keys`: the two secrets behind Stripe's
//! Connect embedded components, with Stripe's rules (a session is made by the platform for one
//! account; a key needs a `Stripe-Version`, a card of the scoped account and a nonce).

use std::sync::Arc;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use issuing_http::{ApiError, ApiResult};
use issuing_model::wire::connect::AssociatedObject;
use issuing_model::{AccountSession, EphemeralKey, ErrorType, StripeError};
use serde_json::{json, Map, Value};

use crate::form::FormValue;
use crate::params::{accepts, boolean, missing_param, text, unknown_param, Form, Params, Scope};
use crate::rng::{now, unguessable_id};
use crate::state::{KeyRecord, SessionRecord};
use crate::{stripe_defaults, AppState};

/// How long a client secret lasts (Stripe: about half an hour).
pub const SESSION_LIFETIME_SECS: i64 = 30 * 60;
/// How long an ephemeral key lasts: short, it only has to reach the component.
pub const KEY_LIFETIME_SECS: i64 = 10 * 60;

fn bad(param: &str, message: impl Into<String>) -> ApiError {
    ApiError::bad_request(StripeError::invalid_param(param, message))
}

/// `components[<name>][enabled]` and `components[<name>][features][<feature>]`, as JSON.
fn components(params: &Params) -> Result<Map<String, Value>, ApiError> {
    let Some(given) = params.get("components").and_then(FormValue::as_map) else {
        return Err(missing_param("components"));
    };
    let mut out = Map::new();
    for (name, value) in given {
        let prefix = format!("components[{name}]");
        // Every component Stripe's sessions have, with its features (all booleans).
        let Some(allowed) = stripe_defaults::component_features(name) else {
            return Err(unknown_param(&prefix));
        };
        let map = value
            .as_map()
            .ok_or_else(|| bad(&prefix, format!("Invalid {prefix}: expected a hash.")))?;
        let mut enabled = None;
        let mut features = Map::new();
        for (key, v) in map {
            match key.as_str() {
                "enabled" => enabled = Some(boolean(v, &format!("{prefix}[enabled]"))?),
                "features" => {
                    let fmap = v.as_map().ok_or_else(|| {
                        bad(
                            &format!("{prefix}[features]"),
                            "Invalid features: expected a hash.",
                        )
                    })?;
                    for (feature, fv) in fmap {
                        let param = format!("{prefix}[features][{feature}]");
                        if !allowed.contains(&feature.as_str()) {
                            return Err(unknown_param(&param));
                        }
                        features.insert(feature.clone(), Value::Bool(boolean(fv, &param)?));
                    }
                }
                other => {
                    let param = format!("{prefix}[{other}]");
                    return Err(unknown_param(&param));
                }
            }
        }
        let enabled = enabled.ok_or_else(|| missing_param(&format!("{prefix}[enabled]")))?;
        for feature in &allowed {
            features
                .entry(feature.to_string())
                .or_insert(Value::Bool(false));
        }
        out.insert(
            name.clone(),
            json!({ "enabled": enabled, "features": features }),
        );
    }
    Ok(out)
}

accepts!(
    SessionParams: "account", "components", "expand",
);
accepts!(
    KeyParams: "issuing_card", "nonce", "expand",
);

pub async fn create_account_session(
    State(state): State<Arc<AppState>>,
    Scope(scope): Scope,
    Form(params, ..): Form<SessionParams>,
) -> ApiResult<AccountSession> {
    if scope.is_some() {
        return Err(ApiError::bad_request(StripeError::new(
            ErrorType::InvalidRequestError,
            "Account sessions are created by the platform: send this request without a Stripe-Account header.",
        )));
    }
    let account = text(&params, "account")?.ok_or_else(|| missing_param("account"))?;
    let components = components(&params)?;
    let mut data = state.store.write();
    if !data.accounts.iter().any(|a| a.id == account) {
        return Err(ApiError::missing_object("account", account));
    }
    let spend_controls = components
        .get("issuing_card")
        .and_then(|c| c.pointer("/features/spend_control_management"))
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let session = AccountSession {
        object: "account_session".into(),
        account: account.to_owned(),
        client_secret: unguessable_id("accs_secret__"),
        expires_at: now() + SESSION_LIFETIME_SECS,
        livemode: false,
        components: components.into_iter().collect(),
    };
    data.account_sessions.insert(
        session.client_secret.clone(),
        SessionRecord {
            account: account.to_owned(),
            expires_at: session.expires_at,
            spend_controls,
        },
    );
    data.applied_writes += 1;
    Ok(Json(session))
}

pub async fn create_ephemeral_key(
    State(state): State<Arc<AppState>>,
    Scope(scope): Scope,
    headers: HeaderMap,
    Form(params, ..): Form<KeyParams>,
) -> ApiResult<EphemeralKey> {
    if headers
        .get("stripe-version")
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v.trim().is_empty())
    {
        return Err(ApiError::bad_request(StripeError::new(
            ErrorType::InvalidRequestError,
            "Stripe-Version header is required when creating ephemeral keys.",
        )));
    }
    let card = text(&params, "issuing_card")?.ok_or_else(|| missing_param("issuing_card"))?;
    let nonce = text(&params, "nonce")?
        .filter(|n| !n.is_empty())
        .ok_or_else(|| missing_param("nonce"))?;
    let mut data = state.store.write();
    let Some(account) = scope.filter(|a| {
        data.issuing
            .get(a)
            .is_some_and(|issuing| issuing.card(card).is_some())
    }) else {
        return Err(ApiError::missing_object("issuing_card", card));
    };
    let created = now();
    let key = EphemeralKey {
        id: unguessable_id("ephkey_"),
        object: "ephemeral_key".into(),
        secret: Some(unguessable_id("ek_test_")),
        created,
        expires: created + KEY_LIFETIME_SECS,
        livemode: false,
        associated_objects: vec![AssociatedObject {
            id: card.to_owned(),
            kind: "issuing.card".into(),
        }],
    };
    data.ephemeral_keys.insert(
        key.secret.clone().unwrap_or_default(),
        KeyRecord {
            account,
            card: card.to_owned(),
            nonce: nonce.to_owned(),
            expires: key.expires,
        },
    );
    data.applied_writes += 1;
    Ok(Json(key))
}
