//! One error type for every HTTP answer that is not a success, and its one mapping to Stripe's
//! error JSON (`{ "error": { type, code, message, param } }`) with the status Stripe uses.

use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use issuing_model::{ErrorType, StripeError, Violation};

/// A Stripe error with the HTTP status it is sent with.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: Box<StripeError>,
}

/// What a handler answers: JSON, or a Stripe-shaped error.
pub type ApiResult<T> = Result<Json<T>, ApiError>;

impl ApiError {
    pub fn new(status: StatusCode, body: StripeError) -> Self {
        Self {
            status,
            body: Box::new(body),
        }
    }

    /// 400: the request is wrong as it stands.
    pub fn bad_request(body: StripeError) -> Self {
        Self::new(StatusCode::BAD_REQUEST, body)
    }

    /// 400 `invalid_request_error` with no parameter to blame (the body as a whole).
    pub fn invalid_request(message: impl Into<String>) -> Self {
        Self::bad_request(StripeError::new(ErrorType::InvalidRequestError, message))
    }

    /// 400 `parameter_invalid` at `param`.
    pub fn invalid_param(param: impl Into<String>, message: impl Into<String>) -> Self {
        Self::bad_request(StripeError::invalid_param(param, message))
    }

    /// 400 `parameter_missing` at `param`.
    pub fn missing_param(param: impl Into<String>, message: impl Into<String>) -> Self {
        Self::bad_request(StripeError::invalid_param(param, message).with_code("parameter_missing"))
    }

    /// 404 `resource_missing`, worded as Stripe words it: `No such issuing_card: 'ic_…'`.
    /// 400 `resource_missing` at `param`: what Stripe answers when an object a parameter names
    /// does not exist (the URL itself was fine, so not a 404).
    pub fn missing_object(param: &str, id: &str) -> Self {
        Self::bad_request(StripeError::resource_missing(param, id))
    }

    pub fn not_found(param: &str, id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            StripeError::resource_missing(param, id),
        )
    }

    /// 401: no credentials, or ones that are not accepted.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            StripeError::new(ErrorType::InvalidRequestError, message),
        )
    }

    /// 403: known caller, not allowed.
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            StripeError::new(ErrorType::InvalidRequestError, message),
        )
    }

    /// An `api_error` with `status`: a failure that is not the caller's fault.
    pub fn api(status: StatusCode, message: impl Into<String>) -> Self {
        Self::new(status, StripeError::api(message))
    }

    /// Stripe's answer to a URL it does not serve.
    pub fn unknown_route(method: &Method, path: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            StripeError::new(
                ErrorType::InvalidRequestError,
                format!("Unrecognized request URL ({method}: {path})."),
            ),
        )
    }

    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.body.error.code = Some(code.into());
        self
    }

    pub fn with_param(mut self, param: impl Into<String>) -> Self {
        self.body.error.param = Some(param.into());
        self
    }
}

/// A body that could not be read (over the size limit, a broken connection), with the status
/// axum chose for it.
/// A body that did not arrive in time (the server's body read timeout) is a 408.
impl From<axum::extract::rejection::BytesRejection> for ApiError {
    fn from(e: axum::extract::rejection::BytesRejection) -> Self {
        let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&e);
        while let Some(error) = cause {
            if error.is::<tower_http::timeout::TimeoutError>() {
                return Self::new(
                    StatusCode::REQUEST_TIMEOUT,
                    StripeError::new(
                        ErrorType::InvalidRequestError,
                        "The request's body did not arrive in time; send it again.",
                    ),
                );
            }
            cause = error.source();
        }
        Self::new(
            e.status(),
            StripeError::new(ErrorType::InvalidRequestError, e.body_text()),
        )
    }
}

/// A rule broken: 400 at the parameter the rule names.
impl From<Violation> for ApiError {
    fn from(v: Violation) -> Self {
        Self::bad_request(v.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = *self.body;
        body.error.message = cut_echoes(&body.error.message);
        (self.status, Json(body)).into_response()
    }
}

/// A word longer than this in a message is echoed input (an id, a value): it is cut.
const LONGEST_WORD: usize = 80;
/// What an echoed word keeps.
const WORD_KEPT: usize = 60;
/// The most a message says.
const LONGEST_MESSAGE: usize = 500;

/// Messages quote what was sent (`Invalid status 'x…'`); a megabyte sent is not a megabyte
/// answered. Each overlong word keeps its start (and its closing quote), the whole its first
/// sentences.
fn cut_echoes(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(LONGEST_MESSAGE + 8));
    for (i, word) in message.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.chars().count() <= LONGEST_WORD {
            out.push_str(word);
            continue;
        }
        out.extend(word.chars().take(WORD_KEPT));
        out.push('…');
        // Keep the quote and punctuation that closed it, so the sentence still reads.
        let tail: String = word
            .chars()
            .rev()
            .take_while(|c| matches!(c, '\'' | '"' | '`' | '.' | ',' | ':' | ';' | ')'))
            .collect();
        out.extend(tail.chars().rev());
    }
    if out.chars().count() > LONGEST_MESSAGE {
        out = out.chars().take(LONGEST_MESSAGE).collect();
        out.push('…');
    }
    out
}

/// A router's fallback: every unknown URL answered as Stripe answers one.
pub async fn unknown_route(method: Method, uri: Uri) -> ApiError {
    ApiError::unknown_route(&method, uri.path())
}

/// axum answers a body over its limit (2 MB) and a method a route does not take with plain
/// text (or nothing) before any handler runs; this gives those answers Stripe's error shape
/// like every other failure (a 405 keeps its `Allow` header).
pub async fn too_large_in_stripe_shape(response: Response) -> Response {
    let message = match response.status() {
        StatusCode::PAYLOAD_TOO_LARGE => "The request body is too large (the limit is 2 MB).",
        StatusCode::METHOD_NOT_ALLOWED => {
            "This URL does not take this method: see the Allow header for those it takes."
        }
        _ => return response,
    };
    let allow = response.headers().get(axum::http::header::ALLOW).cloned();
    let mut answer = ApiError::new(
        response.status(),
        StripeError::new(ErrorType::InvalidRequestError, message),
    )
    .into_response();
    if let Some(allow) = allow {
        answer
            .headers_mut()
            .insert(axum::http::header::ALLOW, allow);
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_input_is_cut_and_the_message_still_reads() {
        let long = "x".repeat(10_000);
        let cut = cut_echoes(&format!("Invalid status '{long}'. Try active."));
        assert_eq!(
            cut,
            format!("Invalid status '{}…'. Try active.", "x".repeat(59))
        );
        let spaced = "word ".repeat(1000);
        assert_eq!(cut_echoes(&spaced).chars().count(), LONGEST_MESSAGE + 1);
        let short = "No such issuing_card: 'ic_123'";
        assert_eq!(cut_echoes(short), short);
    }
}
