//! Typed client of the platform server's `/api`. Every failure becomes one [`ApiError`] that
//! says what went wrong in words an operator can act on.

use gloo_net::http::{Request, RequestBuilder, Response};
use issuing_model::api::{
    AccountSessionRequest, CardholderQuery, ChargeRequest, ClientConfig, ClientSecret,
    EphemeralKeyRequest, EphemeralKeySecret, GrantTokenRequest, SignInRequest, SignedIn,
    StreamTicket,
};
use issuing_model::{
    Account, CardCreate, CardListQuery, CardUpdate, Cardholder, CardholderCreate, CardholderUpdate,
    Event, GrantedToken, IssuingCard, List, OperatorProfile, PaymentIntent, ShippingStep,
    StripeError,
};
use serde::de::DeserializeOwned;

use crate::ui::rate_limit_notice::LONGEST_WAIT_SECS;

impl ApiError {
    /// The server does not accept the operator token (missing, wrong or signed out).
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, ApiError::Stripe(e) if e.error.code.as_deref() == Some("authentication_required"))
    }
}

/// Why a call to the platform server failed. It has no words of its own: [`ApiError::text`]
/// takes them from the catalogue, in the operator's language. `Display` is for logs and the
/// JS console only (the detail a developer needs).
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server (or Stripe through it) refused the request; `param` names the field at fault.
    Stripe(StripeError),
    /// The server could not be reached at all (the browser's reason).
    Network(String),
    /// The server answered with something that is not the expected JSON.
    Unexpected(String),
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Stripe(e) => write!(f, "{e}"),
            Self::Network(detail) => write!(f, "network: {detail}"),
            Self::Unexpected(detail) => write!(f, "unexpected answer: {detail}"),
        }
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// The message in the panel's words and language (tracked). What the panel knows how to
    /// say itself (signed out, no right, rate limited, Stripe away) it says; any other refusal
    /// keeps Stripe's message, which its API writes in English.
    pub fn text(&self) -> String {
        let t = crate::i18n::t();
        match self {
            Self::Stripe(e) => {
                let error = &e.error;
                match (error.code.as_deref(), &error.kind) {
                    (Some("authentication_required"), _) => t.err_signed_out.to_owned(),
                    (Some("permission_denied"), _) if error.param.as_deref() == Some("account") => {
                        t.err_no_access.to_owned()
                    }
                    (Some("permission_denied"), _) => t.err_read_only.to_owned(),
                    (Some("rate_limit"), _) => t.err_rate_limited.to_owned(),
                    (Some("resource_missing"), _) => t.err_not_found.to_owned(),
                    (_, issuing_model::ErrorType::ApiError) => t.err_stripe_unavailable.to_owned(),
                    // Stripe's `message` may be null: say what came, not nothing.
                    (code, _) if error.message.is_empty() => {
                        (t.server_unexpected)(code.unwrap_or("no message"))
                    }
                    _ => error.message.clone(),
                }
            }
            Self::Network(_) => t.server_unreachable.to_owned(),
            Self::Unexpected(e) => (t.server_unexpected)(e),
        }
    }

    /// Whether the same request could succeed if sent again: the network, the server or
    /// Stripe being away or busy, never a refusal of what was asked.
    pub fn retryable(&self) -> bool {
        match self {
            Self::Network(_) | Self::Unexpected(_) => true,
            Self::Stripe(e) => {
                e.error.code.as_deref() == Some("rate_limit")
                    || e.error.kind == issuing_model::ErrorType::ApiError
            }
        }
    }

    /// Whether a write that failed so may still have been applied: whatever could succeed if
    /// sent again (an attempt the server made before it gave up may have gone through), and
    /// the same write still in flight. A refusal of what was asked was not applied.
    pub fn outcome_unknown(&self) -> bool {
        self.retryable() || self.code() == Some("idempotency_key_in_use")
    }

    /// Stripe's error code (`resource_missing`, …), if the refusal has one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Stripe(e) => e.error.code.as_deref(),
            _ => None,
        }
    }

    /// The Stripe parameter the refusal names, if any.
    pub fn param(&self) -> Option<&str> {
        match self {
            Self::Stripe(e) => e.error.param.as_deref(),
            _ => None,
        }
    }
}

/// Where `/api` lives (the same origin by default, another base URL when embedded or
/// tested) and the operator token it sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiClient {
    base: String,
    token: Option<String>,
}

impl ApiClient {
    pub fn same_origin() -> Self {
        Self::new("")
    }

    /// `base` is prefixed to `/api/...`, e.g. `http://127.0.0.1:8787`.
    pub fn new(base: impl Into<String>) -> Self {
        Self {
            base: base.into().trim_end_matches('/').to_owned(),
            token: None,
        }
    }

    /// The same server, calling as the operator `token` identifies.
    pub fn with_token(&self, token: impl Into<String>) -> Self {
        Self {
            base: self.base.clone(),
            token: Some(token.into()),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}/api{path}", self.base)
    }

    async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        parse(&self.exchange(path, None, false).await?)
    }

    /// A POST of `body` as JSON. `once` for one that changes something: it gets an
    /// `Idempotency-Key`, so a retry by the server (or a proxy) can never apply it twice, and
    /// the same key again when the operator retries it unchanged after an unknown outcome.
    async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl serde::Serialize,
        once: bool,
    ) -> Result<T, ApiError> {
        let body = serde_json::to_string(body).map_err(|e| ApiError::Unexpected(e.to_string()))?;
        parse(&self.exchange(path, Some(body), once).await?)
    }

    /// The one way a request leaves the panel: a GET, or a POST of `body` (JSON), with the
    /// operator's token, and an idempotency key when `once`; the body of a 2xx answer. Not
    /// generic, so the request path exists once in the wasm rather than once per answer type
    /// (issue 20); each caller only parses.
    async fn exchange(
        &self,
        path: &str,
        body: Option<String>,
        once: bool,
    ) -> Result<Vec<u8>, ApiError> {
        if !once {
            return self.send_keyed(path, body, None).await;
        }
        let sent = body.clone().unwrap_or_default();
        let key = crate::unsettled_writes::key_for(path, &sent);
        let answer = self.send_keyed(path, body, Some(&key)).await;
        let unknown = answer.as_ref().err().is_some_and(ApiError::outcome_unknown);
        crate::unsettled_writes::settle(path, &sent, unknown);
        answer
    }

    /// `request` with the operator's token, if there is one.
    fn authorized(&self, request: RequestBuilder) -> RequestBuilder {
        match &self.token {
            Some(token) => request.header("Authorization", &format!("Bearer {token}")),
            None => request,
        }
    }

    /// Starts a GET of `path` now, for the panel's own GET of it in a moment to take (see
    /// `early_answers`): the request leaves before the work that leads to it is done.
    fn start_get(&self, path: &str) {
        let url = self.url(path);
        let request = self.authorized(Request::get(&url));
        // `fetch` itself, called now (gloo's `send` would call it at its first poll, later).
        let Some(answer) = request
            .build()
            .ok()
            .zip(web_sys::window())
            .map(|(request, window)| window.fetch_with_request(&request.into()))
        else {
            return;
        };
        crate::early_answers::ahead(url, self.token.clone(), answer);
    }

    async fn send_keyed(
        &self,
        path: &str,
        body: Option<String>,
        key: Option<&str>,
    ) -> Result<Vec<u8>, ApiError> {
        let url = self.url(path);
        let mut waited = 0;
        let mut early = match body {
            None => crate::early_answers::take(&url, self.token.as_deref()).await,
            Some(_) => None,
        };
        loop {
            // An early answer, unless it was rate limited: that is waited out as below.
            if let Some(response) = early.take().filter(|r| r.status() != 429) {
                return body_of(response).await;
            }
            let mut request = self.authorized(match body {
                None => Request::get(&url),
                Some(_) => Request::post(&url).header("Content-Type", "application/json"),
            });
            if let Some(key) = key {
                request = request.header("Idempotency-Key", key);
            }
            let sent = match &body {
                None => request.send().await,
                Some(body) => {
                    request
                        .body(body.clone())
                        .map_err(|e| ApiError::Unexpected(e.to_string()))?
                        .send()
                        .await
                }
            };
            let response = sent.map_err(|e| ApiError::Network(e.to_string()))?;
            // Rate limited: wait as long as the server says and send the same request again
            // (a write keeps its key), a few times; the shell says so meanwhile.
            let retry_after = (response.status() == 429)
                .then(|| response.headers().get("retry-after"))
                .flatten()
                .and_then(|s| s.trim().parse::<u32>().ok())
                .filter(|s| *s <= LONGEST_WAIT_SECS && waited < 3);
            match retry_after {
                Some(secs) => {
                    waited += 1;
                    crate::ui::rate_limit_notice::wait_out(secs.max(1)).await;
                }
                None => return body_of(response).await,
            }
        }
    }

    pub async fn accounts(&self) -> Result<List<Account>, ApiError> {
        self.get_json("/accounts").await
    }

    /// One page of an account's cards.
    pub async fn cards(
        &self,
        account: &str,
        query: &CardListQuery,
    ) -> Result<List<IssuingCard>, ApiError> {
        self.get_json(&cards_path(account, query)).await
    }

    /// Asks for that page now, for `cards` to take in a moment (on Next, while the router
    /// moves to the page's URL).
    pub fn start_cards(&self, account: &str, query: &CardListQuery) {
        self.start_get(&cards_path(account, query));
    }

    pub async fn card(&self, account: &str, card: &str) -> Result<IssuingCard, ApiError> {
        self.get_json(&format!(
            "/accounts/{}/cards/{}",
            encode(account),
            encode(card)
        ))
        .await
    }

    /// Changes a card (spending controls, status). One idempotency key per call, so the
    /// server's retries can never apply it twice.
    pub async fn update_card(
        &self,
        account: &str,
        card: &str,
        update: &CardUpdate,
    ) -> Result<IssuingCard, ApiError> {
        let path = format!("/accounts/{}/cards/{}", encode(account), encode(card));
        self.post(&path, update, true).await
    }

    /// One page of an account's authorizations (per card or cardholder, as `query` says).
    pub async fn authorizations(
        &self,
        account: &str,
        query: &issuing_model::api::PurchaseQuery,
    ) -> Result<List<issuing_model::IssuingAuthorization>, ApiError> {
        let qs = query_string(&query.to_pairs());
        self.get_json(&format!("/accounts/{}/authorizations{qs}", encode(account)))
            .await
    }

    /// A purchase on `card` through Stripe's test helper (test mode, editors).
    pub async fn simulate_purchase(
        &self,
        account: &str,
        card: &str,
        purchase: &issuing_model::api::SimulatePurchase,
    ) -> Result<issuing_model::IssuingAuthorization, ApiError> {
        let path = format!(
            "/accounts/{}/cards/{}/purchases",
            encode(account),
            encode(card)
        );
        self.post(&path, purchase, true).await
    }

    pub async fn tokens(&self, account: &str) -> Result<List<GrantedToken>, ApiError> {
        self.get_json(&format!("/accounts/{}/tokens", encode(account)))
            .await
    }

    /// One token by id (the server lists it from then on, even where Stripe has no list).
    pub async fn token(&self, account: &str, token: &str) -> Result<GrantedToken, ApiError> {
        self.get_json(&format!(
            "/accounts/{}/tokens/{}",
            encode(account),
            encode(token)
        ))
        .await
    }

    pub async fn grant_token(
        &self,
        account: &str,
        request: &GrantTokenRequest,
    ) -> Result<GrantedToken, ApiError> {
        self.post(
            &format!("/accounts/{}/tokens", encode(account)),
            request,
            true,
        )
        .await
    }

    pub async fn charge_token(
        &self,
        account: &str,
        token: &str,
        request: &ChargeRequest,
    ) -> Result<PaymentIntent, ApiError> {
        let path = format!(
            "/accounts/{}/tokens/{}/charges",
            encode(account),
            encode(token)
        );
        self.post(&path, request, true).await
    }

    /// One page of the audit trail (of the accounts this operator may see), newest first.
    pub async fn audit(
        &self,
        query: &issuing_model::api::AuditQuery,
    ) -> Result<List<issuing_model::api::AuditEntry>, ApiError> {
        let qs = query_string(&query.to_pairs());
        self.get_json(&format!("/audit{qs}")).await
    }

    /// Every entry `query` matches as CSV (UTF-8 with a BOM), in `locale`'s words.
    pub async fn audit_export(
        &self,
        query: &issuing_model::api::AuditQuery,
        locale: &str,
    ) -> Result<Vec<u8>, ApiError> {
        let mut pairs = query.to_pairs();
        pairs.push(("locale", locale.to_owned()));
        self.get_bytes(&format!("/audit/export{}", query_string(&pairs)))
            .await
    }

    /// Every card `query` matches (all pages) as CSV, in `locale`'s words.
    pub async fn cards_export(
        &self,
        account: &str,
        query: &CardListQuery,
        locale: &str,
    ) -> Result<Vec<u8>, ApiError> {
        let mut pairs = query.first_page().to_pairs();
        pairs.retain(|(k, _)| *k != "limit");
        pairs.push(("locale", locale.to_owned()));
        self.get_bytes(&format!(
            "/accounts/{}/cards/export{}",
            encode(account),
            query_string(&pairs)
        ))
        .await
    }

    /// A file from the server, as bytes (an error answer as the error it is).
    async fn get_bytes(&self, path: &str) -> Result<Vec<u8>, ApiError> {
        self.exchange(path, None, false).await
    }

    /// One page of an account's cardholders, searched and filtered as `query` says.
    pub async fn cardholders(
        &self,
        account: &str,
        query: &CardholderQuery,
    ) -> Result<List<Cardholder>, ApiError> {
        let qs = query_string(&query.to_pairs());
        self.get_json(&format!("/accounts/{}/cardholders{qs}", encode(account)))
            .await
    }

    pub async fn cardholder(&self, account: &str, id: &str) -> Result<Cardholder, ApiError> {
        self.get_json(&format!(
            "/accounts/{}/cardholders/{}",
            encode(account),
            encode(id)
        ))
        .await
    }

    pub async fn create_cardholder(
        &self,
        account: &str,
        create: &CardholderCreate,
    ) -> Result<Cardholder, ApiError> {
        let path = format!("/accounts/{}/cardholders", encode(account));
        self.post(&path, create, true).await
    }

    pub async fn update_cardholder(
        &self,
        account: &str,
        id: &str,
        update: &CardholderUpdate,
    ) -> Result<Cardholder, ApiError> {
        let path = format!("/accounts/{}/cardholders/{}", encode(account), encode(id));
        self.post(&path, update, true).await
    }

    /// Issues a card (or a replacement).
    pub async fn issue_card(
        &self,
        account: &str,
        create: &CardCreate,
    ) -> Result<IssuingCard, ApiError> {
        let path = format!("/accounts/{}/cards", encode(account));
        self.post(&path, create, true).await
    }

    /// Moves a physical card's shipment (test mode).
    pub async fn shipping_step(
        &self,
        account: &str,
        card: &str,
        step: ShippingStep,
    ) -> Result<IssuingCard, ApiError> {
        let path = format!(
            "/accounts/{}/cards/{}/shipping/{}",
            encode(account),
            encode(card),
            step.as_str()
        );
        self.post(&path, &(), true).await
    }

    /// [`Self::update_card`] with the caller's own idempotency key: a retry with the same key
    /// is the same change, never a second one (the bulk actions keep one per card).
    pub async fn update_card_once(
        &self,
        account: &str,
        card: &str,
        update: &CardUpdate,
        key: &str,
    ) -> Result<IssuingCard, ApiError> {
        let path = format!("/accounts/{}/cards/{}", encode(account), encode(card));
        let body =
            serde_json::to_string(update).map_err(|e| ApiError::Unexpected(e.to_string()))?;
        parse(&self.send_keyed(&path, Some(body), Some(key)).await?)
    }

    /// The recent events this operator may see, newest first.
    pub async fn events(&self) -> Result<List<Event>, ApiError> {
        self.get_json("/events").await
    }

    /// Where to open the live event stream: a single-use ticket stands in for the token,
    /// which `EventSource` cannot send as a header.
    /// `last`: the last event the feed showed, so the stream starts with what came after it.
    pub async fn event_stream_url(&self, last: Option<&str>) -> Result<String, ApiError> {
        let ticket: StreamTicket = self.post("/events/ticket", &(), false).await?;
        let mut url = format!(
            "{}?ticket={}",
            self.url("/events/stream"),
            encode(&ticket.ticket)
        );
        if let Some(last) = last {
            url.push_str(&format!("&last_event_id={}", encode(last)));
        }
        Ok(url)
    }

    pub async fn config(&self) -> Result<ClientConfig, ApiError> {
        self.get_json("/config").await
    }

    /// A client secret of an AccountSession for `account` (for `fetchClientSecret`).
    pub async fn account_session(&self, account: &str) -> Result<ClientSecret, ApiError> {
        let body = AccountSessionRequest {
            account: typed_id(account, "account")?,
        };
        self.post("/account_session", &body, false).await
    }

    /// An ephemeral key's secret for the card component's `{ issuingCard, nonce }`.
    pub async fn ephemeral_key(
        &self,
        account: &str,
        card: &str,
        nonce: &str,
    ) -> Result<EphemeralKeySecret, ApiError> {
        let body = EphemeralKeyRequest {
            account: typed_id(account, "account")?,
            issuing_card: typed_id(card, "issuing_card")?,
            nonce: Some(nonce.to_owned()),
        };
        self.post("/ephemeral_keys", &body, false).await
    }

    pub async fn operators(&self) -> Result<Vec<OperatorProfile>, ApiError> {
        self.get_json("/operators").await
    }

    pub async fn sign_in(&self, operator: &str) -> Result<SignedIn, ApiError> {
        let body = SignInRequest {
            operator: operator.to_owned(),
        };
        self.post("/sign_in", &body, false).await
    }

    /// Who the token belongs to; an error if it is no longer valid.
    pub async fn me(&self) -> Result<OperatorProfile, ApiError> {
        self.get_json("/me").await
    }
}

pub fn idempotency_key() -> String {
    format!(
        "panel-{:016x}{:016x}",
        (js_sys::Math::random() * u64::MAX as f64) as u64,
        (js_sys::Math::random() * u64::MAX as f64) as u64
    )
}

fn cards_path(account: &str, query: &CardListQuery) -> String {
    let qs = query_string(&query.to_pairs());
    format!("/accounts/{}/cards{qs}", encode(account))
}

/// The body of a 2xx answer, as bytes (a JSON body goes to serde as it came: no JS string in
/// between); any other answer as the error it is.
async fn body_of(response: Response) -> Result<Vec<u8>, ApiError> {
    if response.ok() {
        return response
            .binary()
            .await
            .map_err(|e| ApiError::Network(e.to_string()));
    }
    let status = response.status();
    match response.json::<StripeError>().await {
        Ok(body) => Err(ApiError::Stripe(body)),
        Err(_) => Err(ApiError::Unexpected(format!("HTTP {status}"))),
    }
}

fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|e| ApiError::Unexpected(e.to_string()))
}

/// An id checked before it is sent: a malformed one is refused here, at `param`, as the
/// server would refuse it.
fn typed_id<T: std::str::FromStr<Err = issuing_model::IdError>>(
    id: &str,
    param: &str,
) -> Result<T, ApiError> {
    id.parse().map_err(|e: issuing_model::IdError| {
        ApiError::Stripe(StripeError::invalid_param(param, e.to_string()))
    })
}

fn encode(part: &str) -> String {
    js_sys::encode_uri_component(part).into()
}

/// `?a=1&b=2` (empty when there is nothing to send).
pub fn query_string(pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    format!("?{}", joined.join("&"))
}
