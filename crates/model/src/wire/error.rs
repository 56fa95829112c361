use std::fmt;

use serde::{Deserialize, Serialize};

/// Stripe's error body: `{ "error": { "type", "code", "message", "param", "doc_url" } }`.
///
/// The platform server answers the panel in this same shape, so one type carries an error from
/// Stripe (or the sandbox) through the server to the field the panel marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StripeError {
    pub error: ErrorBody,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    #[serde(rename = "type")]
    pub kind: ErrorType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Stripe may send `null` here; read as empty (`Display` then says the type).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,
}

fn null_as_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

/// The `type` of a Stripe error. Unknown types are kept as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorType {
    ApiError,
    CardError,
    IdempotencyError,
    InvalidRequestError,
    Other(String),
}

impl ErrorType {
    pub fn as_str(&self) -> &str {
        match self {
            Self::ApiError => "api_error",
            Self::CardError => "card_error",
            Self::IdempotencyError => "idempotency_error",
            Self::InvalidRequestError => "invalid_request_error",
            Self::Other(other) => other,
        }
    }
}

// By hand, as a plain string: serde's `untagged` variant would buffer every error through its
// generic `Content` (kilobytes of the panel's wasm, issue 20).
impl Serialize for ErrorType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ErrorType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let kind = String::deserialize(d)?;
        Ok(match kind.as_str() {
            "api_error" => Self::ApiError,
            "card_error" => Self::CardError,
            "idempotency_error" => Self::IdempotencyError,
            "invalid_request_error" => Self::InvalidRequestError,
            _ => Self::Other(kind),
        })
    }
}

impl StripeError {
    pub fn new(kind: ErrorType, message: impl Into<String>) -> Self {
        Self {
            error: ErrorBody {
                kind,
                code: None,
                message: message.into(),
                param: None,
                doc_url: None,
            },
        }
    }

    /// A 400-class `invalid_request_error` about one parameter. No `code`: Stripe gives one
    /// only where its list has it (`parameter_invalid_integer`, …); add it with `with_code`.
    pub fn invalid_param(param: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorType::InvalidRequestError, message).with_param(param)
    }

    /// A 404 `resource_missing`, worded as Stripe words it.
    pub fn resource_missing(param: &str, id: &str) -> Self {
        Self::new(
            ErrorType::InvalidRequestError,
            format!("No such {}: '{id}'", param.replace('_', " ")),
        )
        .with_code("resource_missing")
        .with_param(param)
    }

    /// An `api_error`, for failures that are not the caller's fault.
    pub fn api(message: impl Into<String>) -> Self {
        Self::new(ErrorType::ApiError, message)
    }

    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.error.code = Some(code.into());
        self
    }

    pub fn with_param(mut self, param: impl Into<String>) -> Self {
        self.error.param = Some(param.into());
        self
    }
}

impl fmt::Display for StripeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.error.message)?;
        if let Some(param) = &self.error.param {
            write!(f, " (parameter: {param})")?;
        }
        Ok(())
    }
}

impl std::error::Error for StripeError {}
