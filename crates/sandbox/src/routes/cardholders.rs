//! `GET /v1/issuing/cardholders`, `GET /v1/issuing/cardholders/{id}`, and creating and
//! updating cardholders (`POST` on both), with Stripe's rules from the model.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use issuing_http::{ApiError, ApiResult};
use issuing_model::rules::cardholder::{normalize_phone, past_due};
use issuing_model::rules::Violation;
use issuing_model::{
    Cardholder, CardholderStatus, Company, Individual, List, Requirements, SpendingControls,
    StripeError,
};

use crate::created::CreatedRange;
use crate::issuing_forms::{cardholder_create, cardholder_update};
use crate::pagination::{paginate_refs, PageParams};
use crate::params::{accepts, text, Form, MetadataPatch, QueryParams, Scope};
use crate::rng::{now, unguessable_id};
use crate::state::Data;
use crate::webhooks::{emit, emit_update};
use crate::AppState;

accepts!(
    CreateParams: "name", "type", "email", "phone_number", "billing", "individual", "status",
    "spending_controls", "metadata", "preferred_locales", "expand",
);

accepts!(
    /// No `name` or `type`: Stripe does not change them.
    UpdateParams: "email", "phone_number", "billing", "individual", "status",
    "spending_controls", "metadata", "preferred_locales", "expand",
);

accepts!(
    ListParams: "limit", "starting_after", "ending_before", "email", "status", "type",
    "phone_number", "created", "expand",
);

pub async fn list(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    QueryParams(params, ..): QueryParams<ListParams>,
) -> ApiResult<List<Cardholder>> {
    let email = text(&params, "email")?;
    let status = text(&params, "status")?;
    if let Some(s) = status.filter(|s| !matches!(*s, "active" | "inactive" | "blocked")) {
        return Err(ApiError::bad_request(StripeError::invalid_param(
            "status",
            format!("Invalid status: must be one of active, inactive or blocked (got '{s}')."),
        )));
    }
    let kind = text(&params, "type")?;
    let phone = text(&params, "phone_number")?;
    let created = CreatedRange::parse(&params)?;
    let page = PageParams::from_params(&params)?;
    let data = state.store.read();
    let holders: Vec<&Cardholder> = account
        .and_then(|a| data.issuing.get(&a))
        .map(|issuing| {
            issuing
                .cardholders
                .iter()
                .filter(|h| email.is_none_or(|e| h.email.as_deref() == Some(e)))
                .filter(|h| status.is_none_or(|s| h.status.as_str() == s))
                .filter(|h| kind.is_none_or(|k| h.kind.as_str() == k))
                .filter(|h| phone.is_none_or(|p| h.phone_number.as_deref() == Some(p)))
                .filter(|h| created.contains(h.created))
                .collect()
        })
        .unwrap_or_default();
    paginate_refs(&holders, |h| &h.id, &page, "/v1/issuing/cardholders").map(Json)
}

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
) -> ApiResult<Cardholder> {
    let data = state.store.read();
    account
        .and_then(|a| data.issuing.get(&a))
        .and_then(|issuing| issuing.cardholders.iter().find(|h| h.id == id))
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::not_found("issuing_cardholder", &id))
}

fn refused(v: Violation) -> ApiError {
    ApiError::bad_request(v.into())
}

/// The account's Issuing currency: what its cards and its cardholders' limits are in.
pub(crate) fn program_currency(data: &Data, account: &str) -> String {
    data.accounts
        .iter()
        .find(|a| a.id == account)
        .and_then(|a| a.default_currency.clone())
        .unwrap_or_else(|| "usd".to_owned())
}

fn requirements(holder: &Cardholder) -> Requirements {
    let due = past_due(&holder.kind, holder.individual.as_ref());
    Requirements {
        disabled_reason: (!due.is_empty()).then(|| "requirements.past_due".to_owned()),
        past_due: Some(due),
    }
}

fn phone(given: Option<String>) -> Option<String> {
    given
        .filter(|p| !p.is_empty())
        .map(|p| normalize_phone(&p).unwrap_or(p))
}

pub async fn create(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Form(mut params, ..): Form<CreateParams>,
) -> ApiResult<Cardholder> {
    let Some(account) = account else {
        return Err(ApiError::invalid_request(
            "Cardholders belong to a connected account: send its Stripe-Account header.",
        ));
    };
    let metadata = params
        .remove("metadata")
        .map(|m| MetadataPatch::parse(&m))
        .transpose()?;
    let form = cardholder_create(&params).map_err(ApiError::bad_request)?;
    let now = now();
    Violation::first(form.params.validate(now)).map_err(refused)?;
    let mut data = state.store.write();
    let currency = program_currency(&data, &account);
    let p = form.params;
    let individual = p.individual.map(|i| Individual {
        dob: i.dob,
        first_name: i.first_name,
        last_name: i.last_name,
        ..Individual::default()
    });
    let mut holder = Cardholder {
        id: unguessable_id("ich_"),
        object: "issuing.cardholder".to_owned(),
        billing: p.billing,
        company: (p.kind == issuing_model::CardholderType::Company).then(Company::default),
        created: now,
        email: p.email.filter(|e| !e.is_empty()),
        individual,
        livemode: false,
        metadata: match metadata {
            Some(patch) => patch.apply(&Default::default())?,
            None => Default::default(),
        },
        name: p.name.trim().to_owned(),
        phone_number: phone(p.phone_number),
        preferred_locales: (!p.preferred_locales.is_empty()).then_some(p.preferred_locales),
        requirements: Requirements::default(),
        spending_controls: Some(
            SpendingControls {
                spending_limits_currency: Some(form.limits_currency.unwrap_or(currency)),
                ..SpendingControls::default()
            }
            .apply(&p.spending_controls.unwrap_or_default()),
        ),
        status: p.status.unwrap_or(CardholderStatus::Active),
        kind: p.kind,
    };
    holder.requirements = requirements(&holder);
    let issuing = data
        .issuing
        .entry(account.clone())
        .or_insert_with(|| crate::state::AccountIssuing::new(Vec::new(), Vec::new()));
    issuing.add_newest_cardholder(holder.clone());
    data.applied_writes += 1;
    emit(
        &state,
        &mut data,
        "issuing_cardholder.created",
        Some(&account),
        serde_json::to_value(&holder).unwrap_or_default(),
    );
    Ok(Json(holder))
}

pub async fn update(
    State(state): State<Arc<AppState>>,
    Scope(account): Scope,
    Path(id): Path<String>,
    Form(mut params, ..): Form<UpdateParams>,
) -> ApiResult<Cardholder> {
    let metadata = params
        .remove("metadata")
        .map(|m| MetadataPatch::parse(&m))
        .transpose()?;
    let update = cardholder_update(&params).map_err(ApiError::bad_request)?;
    let mut data = state.store.write();
    let issuing = account
        .as_ref()
        .and_then(|a| data.issuing.get_mut(a))
        .ok_or_else(|| ApiError::not_found("issuing_cardholder", &id))?;
    let holder = issuing
        .cardholders
        .iter_mut()
        .find(|h| h.id == id)
        .ok_or_else(|| ApiError::not_found("issuing_cardholder", &id))?;
    let before = serde_json::to_value(&*holder).unwrap_or_default();
    // Metadata alone is an update too.
    if metadata.is_none() || update != Default::default() {
        Violation::first(update.validate(holder, now())).map_err(refused)?;
    }
    let mut next = holder.clone();
    if let Some(patch) = metadata {
        next.metadata = patch.apply(&next.metadata)?;
    }
    if let Some(email) = update.email {
        next.email = (!email.is_empty()).then_some(email);
    }
    if let Some(given) = update.phone_number {
        next.phone_number = phone(Some(given));
    }
    if let Some(billing) = update.billing {
        next.billing = billing;
    }
    if let Some(i) = update.individual {
        let mut individual = next.individual.unwrap_or_default();
        individual.first_name = i.first_name.or(individual.first_name);
        individual.last_name = i.last_name.or(individual.last_name);
        individual.dob = i.dob.or(individual.dob);
        next.individual = Some(individual);
    }
    if let Some(status) = update.status {
        next.status = status;
    }
    if let Some(controls) = &update.spending_controls {
        next.spending_controls = Some(next.spending_controls.unwrap_or_default().apply(controls));
    }
    if let Some(locales) = update.preferred_locales {
        next.preferred_locales = (!locales.is_empty()).then_some(locales);
    }
    next.requirements = requirements(&next);
    *holder = next.clone();
    // Cards carry their cardholder expanded, as Stripe answers them.
    for card in issuing.cards.iter_mut().filter(|c| c.cardholder.id == id) {
        card.cardholder = next.clone();
    }
    data.applied_writes += 1;
    let after = serde_json::to_value(&next).unwrap_or_default();
    emit_update(
        &state,
        &mut data,
        "issuing_cardholder.updated",
        account.as_deref(),
        &before,
        after,
    );
    Ok(Json(next))
}
