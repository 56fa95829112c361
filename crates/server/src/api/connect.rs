//! The two secrets behind Stripe's Connect embedded components. Both are made only for an
//! account the operator may see; a card is checked against Stripe (it must be that account's)
//! before a key is made for it. Card numbers never pass through here: Stripe's iframes fetch
//! them with the key.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use issuing_http::JsonBody;
use issuing_model::api::{
    AccountSessionRequest, ClientSecret, EphemeralKeyRequest, EphemeralKeySecret,
};

use super::auth::CurrentOperator;
use super::ApiError;
use crate::stripe::SessionFeatures;
use crate::AppState;

/// `POST /api/account_session` `{ account }`: the client secret for `fetchClientSecret`.
/// The components' features follow the operator's rights: only editors manage cards, spend
/// controls, cardholders and disputes inside them; Stripe's own user authentication in the
/// list is off only where the server is configured so.
pub async fn account_session(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    JsonBody(request): JsonBody<AccountSessionRequest>,
) -> Result<Json<ClientSecret>, ApiError> {
    operator.may_see(&request.account)?;
    let session = state
        .stripe
        .account_session(
            &request.account,
            SessionFeatures {
                manage: operator.0.can_edit(),
                disable_stripe_user_authentication: state.disable_stripe_user_authentication,
            },
        )
        .await?;
    Ok(Json(ClientSecret {
        account: session.account,
        client_secret: session.client_secret,
        expires_at: session.expires_at,
    }))
}

/// `POST /api/ephemeral_keys` `{ account, issuing_card, nonce }`: a key for the card
/// component, made with the pinned `Stripe-Version`; only its secret is returned. Only for
/// operators with the right to reveal card numbers: the key is what shows them.
pub async fn ephemeral_key(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    JsonBody(request): JsonBody<EphemeralKeyRequest>,
) -> Result<Json<EphemeralKeySecret>, ApiError> {
    operator.may_reveal_card_numbers()?;
    let Some(nonce) = request.nonce.as_deref().filter(|n| !n.trim().is_empty()) else {
        return Err(ApiError::missing_param(
            "nonce",
            "Missing required param: nonce (the card component makes one for each key).",
        ));
    };
    // Stripe.js makes nonces of a few dozen ASCII characters; anything else is not one.
    if nonce.len() > 255 || !nonce.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(ApiError::invalid_param(
            "nonce",
            "Invalid nonce: it is at most 255 printable ASCII characters, as the card component makes it.",
        ));
    }
    let (account, card) = (&request.account, &request.issuing_card);
    operator.may_see(account)?;
    // Not trusted from the browser: Stripe must have this card under this account.
    state.stripe.card(account, card).await?;
    let key = state.stripe.ephemeral_key(account, card, nonce).await?;
    let secret = key.secret.ok_or_else(|| {
        ApiError::api(
            StatusCode::BAD_GATEWAY,
            "Stripe made the key but sent no secret.",
        )
    })?;
    tracing::info!(operator = %operator.0.id, %account, "ephemeral key made");
    Ok(Json(EphemeralKeySecret { secret }))
}
