//! Reading Stripe-style parameters (query strings and form bodies) and the account scope.

use std::collections::BTreeMap;
use std::marker::PhantomData;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use axum::http::StatusCode;
use issuing_http::ApiError;
use issuing_model::{ErrorType, StripeError};

use crate::form::FormValue;
use crate::AppState;

/// Parameters by name, parsed from bracket notation.
pub type Params = BTreeMap<String, FormValue>;

/// The top-level parameters an endpoint takes; any other is refused by name, as Stripe does.
pub trait Accepts {
    const PARAMS: &'static [&'static str];
}

/// Declares what an endpoint takes: `accepts!(RetrieveParams: "expand");`.
macro_rules! accepts {
    ($(#[$doc:meta])* $name:ident: $($param:expr),* $(,)?) => {
        $(#[$doc])*
        pub struct $name;
        impl $crate::params::Accepts for $name {
            const PARAMS: &'static [&'static str] = &[$($param),*];
        }
    };
}
pub(crate) use accepts;

accepts!(
    /// A retrieve: nothing but `expand`.
    ExpandOnly: "expand",
);

accepts!(
    /// A plain list: a page, and `expand`.
    PageOnly: "limit", "starting_after", "ending_before", "expand",
);

/// A form body (the only body Stripe takes), parsed, holding only what `A` accepts.
pub struct Form<A>(pub Params, pub PhantomData<A>);

impl<A: Accepts, S: Send + Sync> FromRequest<S> for Form<A> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let content_type = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let body = Bytes::from_request(request, state).await?;
        if !body.is_empty() && !content_type.starts_with("application/x-www-form-urlencoded") {
            return Err(ApiError::invalid_request(format!(
                "Invalid request: the body must be application/x-www-form-urlencoded (got '{content_type}')."
            )));
        }
        let params = parse_pairs(&body)?;
        only(&params, A::PARAMS)?;
        Ok(Form(params, PhantomData))
    }
}

/// A query string, parsed, holding only what `A` accepts.
pub struct QueryParams<A>(pub Params, pub PhantomData<A>);

impl<A: Accepts, S: Send + Sync> FromRequestParts<S> for QueryParams<A> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let params = parse_pairs(parts.uri.query().unwrap_or("").as_bytes())?;
        only(&params, A::PARAMS)?;
        Ok(QueryParams(params, PhantomData))
    }
}

fn parse_pairs(bytes: &[u8]) -> Result<Params, ApiError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(bytes).into_owned().collect();
    match FormValue::parse(&pairs).map_err(ApiError::bad_request)? {
        FormValue::Map(m) => Ok(m),
        FormValue::Value(_) => Ok(Params::new()),
    }
}

/// Refuses any parameter not in `allowed`, naming it as Stripe does.
fn only(params: &Params, allowed: &[&str]) -> Result<(), ApiError> {
    match params.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(unknown) => Err(unknown_param(unknown)),
        None => Ok(()),
    }
}

/// Stripe's answer to a parameter it does not take, named in full (`components[x][y]`).
pub fn unknown_param(param: &str) -> ApiError {
    ApiError::bad_request(
        StripeError::invalid_param(param, format!("Received unknown parameter: {param}"))
            .with_code("parameter_unknown"),
    )
}

/// Stripe's answer to a required parameter that is not there.
pub fn missing_param(param: &str) -> ApiError {
    ApiError::bad_request(
        StripeError::invalid_param(param, format!("Missing required param: {param}."))
            .with_code("parameter_missing"),
    )
}

/// A hash of strings (`metadata[key]=value`), named `name` in errors.
pub fn string_map(value: &FormValue, name: &str) -> Result<issuing_model::Metadata, ApiError> {
    let bad = || {
        ApiError::bad_request(StripeError::invalid_param(
            name,
            format!("Invalid {name}: expected a hash of strings."),
        ))
    };
    value
        .as_map()
        .ok_or_else(bad)?
        .iter()
        .map(|(k, v)| Ok((k.clone(), v.as_str().ok_or_else(bad)?.to_owned())))
        .collect()
}

/// A `metadata` update as Stripe takes it: `metadata=` clears every key, `metadata[k]=` one key,
/// `metadata[k]=v` sets one; the rest is kept.
pub struct MetadataPatch {
    clear_all: bool,
    changes: Vec<(String, Option<String>)>,
}

/// Stripe's limits: 50 keys, keys up to 40 characters, values up to 500.
const METADATA_KEYS: usize = 50;
const METADATA_KEY_CHARS: usize = 40;
const METADATA_VALUE_CHARS: usize = 500;

impl MetadataPatch {
    pub fn parse(value: &FormValue) -> Result<Self, ApiError> {
        if value.as_str() == Some("") {
            return Ok(Self {
                clear_all: true,
                changes: Vec::new(),
            });
        }
        let map = value.as_map().ok_or_else(|| {
            ApiError::bad_request(StripeError::invalid_param(
                "metadata",
                "Invalid metadata: expected a hash of strings, or an empty string to clear it.",
            ))
        })?;
        let mut changes = Vec::new();
        for (key, v) in map {
            let param = format!("metadata[{key}]");
            let text = v.as_str().ok_or_else(|| {
                ApiError::bad_request(StripeError::invalid_param(
                    &param,
                    format!("Invalid {param}: expected a string."),
                ))
            })?;
            if key.chars().count() > METADATA_KEY_CHARS {
                return Err(ApiError::bad_request(StripeError::invalid_param(
                    &param,
                    format!("Metadata keys can be at most {METADATA_KEY_CHARS} characters long."),
                )));
            }
            if text.chars().count() > METADATA_VALUE_CHARS {
                return Err(ApiError::bad_request(StripeError::invalid_param(
                    &param,
                    format!(
                        "Metadata values can be at most {METADATA_VALUE_CHARS} characters long."
                    ),
                )));
            }
            changes.push((key.clone(), (!text.is_empty()).then(|| text.to_owned())));
        }
        Ok(Self {
            clear_all: false,
            changes,
        })
    }

    /// `current` with the patch applied, or Stripe's refusal if it would hold too many keys.
    pub fn apply(
        &self,
        current: &issuing_model::Metadata,
    ) -> Result<issuing_model::Metadata, ApiError> {
        let mut next = if self.clear_all {
            Default::default()
        } else {
            current.clone()
        };
        for (key, value) in &self.changes {
            match value {
                Some(v) => {
                    next.insert(key.clone(), v.clone());
                }
                None => {
                    next.remove(key);
                }
            }
        }
        if next.len() > METADATA_KEYS {
            return Err(ApiError::bad_request(StripeError::invalid_param(
                "metadata",
                format!("Metadata can have at most {METADATA_KEYS} keys."),
            )));
        }
        Ok(next)
    }
}

/// A nested hash parameter (`usage_limits[…]`) holding only `allowed` keys.
pub fn hash<'a>(
    params: &'a Params,
    name: &str,
    allowed: &[&str],
) -> Result<Option<&'a Params>, ApiError> {
    let Some(value) = params.get(name) else {
        return Ok(None);
    };
    let map = value.as_map().ok_or_else(|| {
        ApiError::bad_request(StripeError::invalid_param(
            name,
            format!("Invalid {name}: expected a hash."),
        ))
    })?;
    if let Some(unknown) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(unknown_param(&format!("{name}[{unknown}]")));
    }
    Ok(Some(map))
}

/// A boolean value (`true` or `false`, nothing else), named `param` in errors.
pub fn boolean(value: &FormValue, param: &str) -> Result<bool, ApiError> {
    match value.as_str() {
        Some("true") => Ok(true),
        Some("false") => Ok(false),
        _ => Err(ApiError::bad_request(StripeError::invalid_param(
            param,
            format!("Invalid boolean: {param} must be true or false."),
        ))),
    }
}

/// An optional top-level boolean parameter.
pub fn flag(params: &Params, name: &str) -> Result<Option<bool>, ApiError> {
    params.get(name).map(|v| boolean(v, name)).transpose()
}

/// A single string parameter.
pub fn text<'a>(params: &'a Params, name: &str) -> Result<Option<&'a str>, ApiError> {
    match params.get(name) {
        None => Ok(None),
        // `""` unsets a parameter on Stripe; where it cannot be unset, Stripe says so.
        Some(FormValue::Value(v)) if v.is_empty() => Err(empty_param(name)),
        Some(FormValue::Value(v)) => Ok(Some(v)),
        Some(FormValue::Map(_)) => Err(ApiError::bad_request(StripeError::invalid_param(
            name,
            format!("Invalid {name}: expected a string."),
        ))),
    }
}

/// Stripe's answer to `""` for a parameter that cannot be unset.
pub fn empty_param(param: &str) -> ApiError {
    ApiError::bad_request(
        StripeError::invalid_param(
            param,
            format!(
                "You passed an empty string for '{param}'. We assume empty values are an attempt \
                 to unset a parameter; however '{param}' cannot be unset. You should remove \
                 '{param}' from your request or supply a non-empty value."
            ),
        )
        .with_code("parameter_invalid_empty"),
    )
}

/// An integer parameter within `range`.
pub fn integer(
    params: &Params,
    name: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Result<Option<i64>, ApiError> {
    let Some(raw) = text(params, name)? else {
        return Ok(None);
    };
    match raw.parse::<i64>() {
        Ok(n) if range.contains(&n) => Ok(Some(n)),
        _ => Err(ApiError::bad_request(
            StripeError::invalid_param(
                name,
                format!(
                    "Invalid {name}: must be an integer between {} and {} (got '{raw}').",
                    range.start(),
                    range.end()
                ),
            )
            .with_code("parameter_invalid_integer"),
        )),
    }
}

/// The connected account a request acts for (`Stripe-Account`), or the platform itself.
pub struct Scope(pub Option<String>);

impl FromRequestParts<Arc<AppState>> for Scope {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, ApiError> {
        let Some(value) = parts.headers.get("stripe-account") else {
            return Ok(Scope(None));
        };
        let id = value.to_str().unwrap_or_default().trim().to_owned();
        let known = state.store.read().accounts.iter().any(|a| a.id == id);
        if !known {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                StripeError::new(
                    ErrorType::InvalidRequestError,
                    format!(
                        "The provided key does not have access to account '{id}' (or that account does not exist). \
                         Application access may have been revoked."
                    ),
                )
                .with_code("account_invalid"),
            ));
        }
        Ok(Scope(Some(id)))
    }
}
