//! `POST /v1/webhook_endpoints` and `GET /v1/webhook_endpoints`: where events go. Made by the
//! platform; the answer that makes one is the only one that shows its signing secret.

use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use issuing_http::{ApiError, ApiResult};
use issuing_model::{ErrorType, List, StripeError, WebhookEndpoint};

use crate::pagination::{paginate, PageParams};
use crate::params::{
    accepts, flag, missing_param, text, Form, PageOnly, Params, QueryParams, Scope,
};
use crate::rng::{now, unguessable_id};
use crate::AppState;

fn platform_only(scope: &Option<String>) -> Result<(), ApiError> {
    match scope {
        None => Ok(()),
        Some(_) => Err(ApiError::bad_request(StripeError::new(
            ErrorType::InvalidRequestError,
            "Webhook endpoints are managed by the platform: send this request without a Stripe-Account header.",
        ))),
    }
}

fn enabled_events(params: &Params) -> Result<Vec<String>, ApiError> {
    let Some(value) = params.get("enabled_events") else {
        return Err(missing_param("enabled_events"));
    };
    let items = value
        .as_list("enabled_events")
        .map_err(ApiError::bad_request)?;
    let events: Vec<String> = items
        .into_iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect();
    if events.is_empty() {
        return Err(missing_param("enabled_events"));
    }
    if let Some((i, unknown)) = events.iter().enumerate().find(|(_, e)| !is_event_type(e)) {
        return Err(ApiError::bad_request(StripeError::invalid_param(
            format!("enabled_events[{i}]"),
            format!("Invalid enabled_events[{i}]: '{unknown}' is not an event type Stripe sends (or '*')."),
        )));
    }
    Ok(events)
}

/// Every event type Stripe's types list for an endpoint (`*` among them), and the
/// `shared_payment.granted_token.*` types from the preview docs: `event_types.txt`.
pub const EVENT_TYPES: &str = include_str!("../event_types.txt");

fn is_event_type(name: &str) -> bool {
    EVENT_TYPES.lines().any(|known| known == name)
}

accepts!(
    CreateParams: "url", "enabled_events", "connect", "description", "api_version", "metadata",
    "expand",
);

pub async fn create(
    State(state): State<Arc<AppState>>,
    Scope(scope): Scope,
    Form(params, ..): Form<CreateParams>,
) -> ApiResult<WebhookEndpoint> {
    platform_only(&scope)?;
    let url = text(&params, "url")?.ok_or_else(|| missing_param("url"))?;
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(ApiError::bad_request(StripeError::invalid_param(
            "url",
            format!("Invalid URL: '{url}' must be an http or https URL."),
        )));
    }
    let enabled_events = enabled_events(&params)?;
    // Accepted for Stripe's shape; every endpoint here gets every account's events.
    flag(&params, "connect")?;
    let endpoint = WebhookEndpoint {
        id: unguessable_id("we_"),
        object: "webhook_endpoint".into(),
        api_version: text(&params, "api_version")?.map(str::to_owned),
        application: None,
        created: now(),
        description: text(&params, "description")?.map(str::to_owned),
        enabled_events,
        livemode: false,
        metadata: Default::default(),
        secret: Some(unguessable_id("whsec_")),
        status: "enabled".into(),
        url: url.to_owned(),
    };
    let mut data = state.store.write();
    data.webhook_endpoints.insert(0, endpoint.clone());
    data.applied_writes += 1;
    Ok(Json(endpoint))
}

pub async fn list(
    State(state): State<Arc<AppState>>,
    Scope(scope): Scope,
    QueryParams(params, ..): QueryParams<PageOnly>,
) -> ApiResult<List<WebhookEndpoint>> {
    platform_only(&scope)?;
    let page = PageParams::from_params(&params)?;
    let endpoints: Vec<WebhookEndpoint> = state
        .store
        .read()
        .webhook_endpoints
        .iter()
        .map(|e| WebhookEndpoint {
            secret: None,
            ..e.clone()
        })
        .collect();
    paginate(&endpoints, |e| &e.id, &page, "/v1/webhook_endpoints").map(Json)
}
