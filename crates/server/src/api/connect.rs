//! The two secrets behind Stripe's Connect embedded components. Both are made only for an
//! account the operator may see; a card is checked against Stripe (it must be that account's)
//! before a key is made for it. Card numbers never pass through here: Stripe's iframes fetch
//! them with the key.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::Json;
use issuing_model::connect::{
    AccountSessionRequest, ClientSecret, EphemeralKeyRequest, EphemeralKeySecret,
};
use issuing_model::{AccountSession, EphemeralKey, ErrorType, IssuingCard, StripeError};

use super::auth::CurrentOperator;
use super::cards::check_card_id;
use super::{json_body, ApiError};
use crate::AppState;

/// `POST /api/account_session` `{ account }`: the client secret for `fetchClientSecret`.
/// The components' features follow the operator's rights: only editors manage cards and
/// spend controls inside them.
pub async fn account_session(
    State(state): State<Arc<AppState>>,
    operator: CurrentOperator,
    body: Bytes,
) -> Result<Json<ClientSecret>, ApiError> {
    let request: AccountSessionRequest = json_body(&body)?;
    operator.may_see(&request.account)?;
    let edit = operator.0.can_edit().to_string();
    let mut form = vec![("account".to_owned(), request.account.clone())];
    for component in ["issuing_card", "issuing_cards_list"] {
        let p = format!("components[{component}]");
        form.push((format!("{p}[enabled]"), "true".into()));
        for (feature, on) in [
            ("card_management", edit.as_str()),
            ("spend_control_management", edit.as_str()),
            ("cardholder_management", "false"),
            ("card_spend_dispute_management", "false"),
        ] {
            form.push((format!("{p}[features][{feature}]"), on.to_owned()));
        }
    }
    let session: AccountSession = state
        .stripe
        .post_form(None, "/v1/account_sessions", &form, None)
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
    body: Bytes,
) -> Result<Json<EphemeralKeySecret>, ApiError> {
    operator.may_reveal_card_numbers()?;
    let request: EphemeralKeyRequest = json_body(&body)?;
    let Some(nonce) = request.nonce.filter(|n| !n.trim().is_empty()) else {
        return Err(ApiError::bad_request(
            StripeError::invalid_param(
                "nonce",
                "Missing required param: nonce (the card component makes one for each key).",
            )
            .with_code("parameter_missing"),
        ));
    };
    let card = request.issuing_card;
    check_card_id(&card, "issuing_card")?;
    operator.may_see(&request.account)?;
    // Not trusted from the browser: Stripe must have this card under this account.
    let _: IssuingCard = state
        .stripe
        .get(
            Some(&request.account),
            &format!("/v1/issuing/cards/{card}"),
            &[],
        )
        .await?;
    let key: EphemeralKey = state
        .stripe
        .post_form(
            Some(&request.account),
            "/v1/ephemeral_keys",
            &[
                ("issuing_card".to_owned(), card),
                ("nonce".to_owned(), nonce),
            ],
            None,
        )
        .await?;
    let secret = key.secret.ok_or_else(|| {
        ApiError::new(
            axum::http::StatusCode::BAD_GATEWAY,
            StripeError::new(
                ErrorType::ApiError,
                "Stripe made the key but sent no secret.",
            ),
        )
    })?;
    tracing::info!(operator = %operator.0.id, account = %request.account, "ephemeral key made");
    Ok(Json(EphemeralKeySecret { secret }))
}
