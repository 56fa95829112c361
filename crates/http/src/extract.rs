//! Extractors whose rejections are Stripe-shaped errors, as in axum's `error-handling` and
//! `customize-path-rejection` examples: a handler gets typed input or never runs.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::request::Parts;
use serde::de::value::MapDeserializer;
use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_path_to_error::{Path as FieldPath, Segment};

use crate::ApiError;

/// A JSON body. A body that is not JSON, or not of this endpoint's shape, is a 400 with no
/// parameter; a string a field does not take (an id of the wrong kind) is a 400 naming that
/// field, with the field's own words.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        // Only JSON said to be JSON: a `text/plain` body is what a cross-site form can send.
        let content_type = request
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let essence = content_type.split(';').next().unwrap_or_default().trim();
        if !(essence.eq_ignore_ascii_case("application/json") || essence.ends_with("+json")) {
            return Err(ApiError::new(
                axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
                issuing_model::StripeError::new(
                    issuing_model::ErrorType::InvalidRequestError,
                    "This endpoint takes a JSON body: send it with Content-Type: application/json.",
                ),
            ));
        }
        let bytes = Bytes::from_request(request, state).await?;
        decode_json(&bytes).map(JsonBody)
    }
}

/// The decoding behind [`JsonBody`], for bodies read some other way.
pub fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let wrong_shape = |e: serde_json::Error| {
        ApiError::invalid_request(format!(
            "The request body is not what this endpoint takes: {e}."
        ))
    };
    let value = serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| {
        let param = stripe_param(e.path());
        let inner = e.into_inner();
        let at_a_string = inner.is_data()
            && !param.is_empty()
            && serde_json::from_slice::<Value>(body)
                .ok()
                .and_then(|v| value_at(v, &param_segments(&param)))
                .is_some_and(|v| v.is_string());
        if at_a_string {
            ApiError::invalid_param(param, bare_message(&inner))
        } else {
            wrong_shape(inner)
        }
    })?;
    de.end().map_err(wrong_shape)?;
    Ok(value)
}

/// A query string, decoded into `T`.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        decode_query(parts.uri.query().unwrap_or("")).map(Query)
    }
}

/// The decoding behind [`Query`], for a query string read some other way.
pub fn decode_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    {
        // No parameter takes NUL, CR, LF or the like; one that has them is refused, not searched.
        for (name, value) in form_urlencoded::parse(query.as_bytes()) {
            if name.chars().chain(value.chars()).any(char::is_control) {
                return Err(ApiError::invalid_param(
                    name.chars().filter(|c| !c.is_control()).collect::<String>(),
                    format!(
                        "The value of {} has control characters (NUL, CR, LF…), which no parameter takes.",
                        name.escape_debug()
                    ),
                ));
            }
        }
        let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize(de).map_err(|e| {
            let inner = e.inner().to_string();
            // Stripe's words for a parameter it does not know.
            if let Some(name) = inner
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split('`').next())
            {
                return ApiError::invalid_param(
                    name,
                    format!("Received unknown parameter: {name}"),
                );
            }
            // A value a field does not take is named at its parameter, as Stripe does.
            let param = stripe_param(e.path());
            let message = format!("Invalid query: {inner}.");
            if param.is_empty() {
                ApiError::invalid_request(message)
            } else {
                ApiError::invalid_param(param, message)
            }
        })
    }
}

/// The query of a route that takes none: any parameter is an unknown one.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoParams {}

/// The route's path parameters, decoded by name into a struct (of typed ids): one that does
/// not parse is a 400 naming it (`card`), in its type's words.
pub struct Path<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        // Only a path that is not UTF-8 once decoded gets here.
        let raw = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|e| ApiError::invalid_request(e.body_text()))?;
        let params = MapDeserializer::<_, serde::de::value::Error>::new(raw.iter());
        serde_path_to_error::deserialize(params)
            .map(Path)
            .map_err(|e| {
                let param = stripe_param(e.path());
                ApiError::invalid_param(param, e.into_inner().to_string())
            })
    }
}

/// A serde path as Stripe names parameters: `a[b][0]`.
fn stripe_param(path: &FieldPath) -> String {
    let mut out = String::new();
    for segment in path.iter() {
        let part = match segment {
            Segment::Seq { index } => index.to_string(),
            Segment::Map { key } => key.clone(),
            Segment::Enum { variant } => variant.clone(),
            Segment::Unknown => continue,
        };
        if out.is_empty() {
            out = part;
        } else {
            out.push_str(&format!("[{part}]"));
        }
    }
    out
}

fn param_segments(param: &str) -> Vec<String> {
    param
        .split(['[', ']'])
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn value_at(mut value: Value, segments: &[String]) -> Option<Value> {
    for segment in segments {
        value = match value {
            Value::Object(mut map) => map.remove(segment)?,
            Value::Array(mut items) => {
                let i: usize = segment.parse().ok()?;
                (i < items.len()).then(|| items.swap_remove(i))?
            }
            _ => return None,
        };
    }
    Some(value)
}

/// serde_json's message without the position it appends (`… at line 1 column 9`).
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&position).unwrap_or(&full).to_owned()
}

#[cfg(test)]
mod tests {
    use issuing_model::{AccountId, CardId};
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Body {
        account: AccountId,
        issuing_card: CardId,
        status: Option<String>,
    }

    #[test]
    fn a_malformed_id_in_a_body_is_named_with_its_own_words() {
        let e =
            decode_json::<Body>(br#"{"account":"acct_1","issuing_card":"card_<x>"}"#).unwrap_err();
        assert_eq!(e.body.error.param.as_deref(), Some("issuing_card"));
        assert_eq!(e.body.error.message, "'card_<x>' is not a card id (ic_…).");
    }

    #[test]
    fn a_body_of_the_wrong_shape_names_no_parameter() {
        for body in [
            &br#"{"account":"acct_1","issuing_card":"ic_1","status":5}"#[..],
            b"not json",
            br#"{"account":"acct_1","issuing_card":"ic_1"} trailing"#,
        ] {
            let e = decode_json::<Body>(body).unwrap_err();
            assert_eq!(e.body.error.param, None);
            assert!(e
                .body
                .error
                .message
                .starts_with("The request body is not what this endpoint takes: "));
        }
    }

    #[test]
    fn nested_paths_are_named_as_stripe_names_parameters() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            cards: Vec<Body>,
        }
        let e = decode_json::<Outer>(
            br#"{"cards":[{"account":"acct_1","issuing_card":"ic_1"},{"account":"x","issuing_card":"ic_2"}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.body.error.param.as_deref(), Some("cards[1][account]"));
    }
}
