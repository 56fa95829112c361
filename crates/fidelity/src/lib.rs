//! Checks what the sandbox answers and what the server sends against Stripe's own types: the
//! shapes in `../shared/stripe-shapes/json/` (converted from the stripe-node SDK, which Stripe
//! generates from its OpenAPI spec; read that folder's README).
//!
//! A small checker of our own rather than a JSON Schema crate: the shapes use OpenAPI's
//! `nullable` and `x-open-enum`, which JSON Schema validators do not know, requests arrive
//! form-encoded rather than as JSON, and a mismatch must read as Stripe's field path.
//!
//! A user's clone has no `../shared`: then [`shapes`] is `None`, the checks other crates' tests
//! call pass quietly, and this crate's own tests are compiled as ignored with the reason.
//!
//! Where Stripe's docs allow what its types lack, the docs win, and each case is named here:
//! - `seller_details[network_id|external_id]` on the granted-token test helper (preview docs);
//! - the `shared_payment.granted_token.*` event types (preview docs; unverified on live Stripe);
//! - `payment_method_data[shared_payment_granted_token]` with no `payment_method_data[type]`
//!   (preview docs), and an ephemeral key's `associated_objects` (Stripe's API reference);
//! - `""` clearing a card's or cardholder's merchant-country and card-presence lists ("Provide an
//!   empty value to unset this control") and, by our assumption (docs/sandbox.md), its category
//!   lists and spending limits, which the docs leave unsaid.

mod object;
mod params;
mod spec;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

pub use params::Tree;
pub use spec::Spec;

/// The current API version, which the server pins and the sandbox answers in.
pub const CURRENT_VERSION: &str = "2026-07-29.dahlia";
/// The preview version the server names for Shared Payment Tokens.
pub const PREVIEW_VERSION: &str = "2026-04-22.preview";

/// Event types from Stripe's preview docs, which its types do not list yet.
pub const DOCUMENTED_EVENT_TYPES: &[&str] = &[
    "shared_payment.granted_token.used",
    "shared_payment.granted_token.deactivated",
];

/// Where the shapes are, beside the checkout.
pub fn shapes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/stripe-shapes/json")
}

/// Why the fidelity tests are skipped in a clone without `../shared`.
pub const ABSENT: &str = "needs ../shared/stripe-shapes (Stripe's types), absent from this clone";

pub struct Shapes {
    /// 2026-07-29.dahlia with the Issuing resources (the one to check against first).
    pub current: Spec,
    /// 2026-07-29.dahlia as a whole, for what the Issuing file leaves out.
    pub current_all: Spec,
    pub preview: Spec,
    pub error_codes: HashSet<String>,
}

/// The shapes, loaded once per test binary; `None` where `../shared` is absent.
pub fn shapes() -> Option<&'static Shapes> {
    static SHAPES: OnceLock<Option<Shapes>> = OnceLock::new();
    SHAPES
        .get_or_init(|| {
            let dir = shapes_dir();
            dir.is_dir()
                .then(|| Shapes::load(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())))
        })
        .as_ref()
}

impl Shapes {
    pub fn load(dir: &Path) -> Result<Self, String> {
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"))
        };
        let spec = |name: &str| Spec::parse(&read(name)?).map_err(|e| format!("{name}: {e}"));
        let codes: Vec<String> =
            serde_json::from_str(&read("error_codes.dahlia.json")?).map_err(|e| e.to_string())?;
        Ok(Self {
            current: spec("dahlia-issuing.json")?,
            current_all: spec("dahlia.json")?,
            preview: spec("preview.json")?,
            error_codes: codes.into_iter().collect(),
        })
    }

    /// Each way an answer's body differs from Stripe's: an object (by its `object`), a list of
    /// them, or an error.
    pub fn object_mismatches(&self, value: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.check_any(value, "", &mut out);
        out
    }

    fn check_any(&self, value: &Value, path: &str, out: &mut Vec<String>) {
        if let Some(error) = value.get("error") {
            self.check_error(value, error, out);
            return;
        }
        let kind = value.get("object").and_then(Value::as_str).unwrap_or("");
        if kind == "list" {
            self.check_list(value, path, out);
            return;
        }
        let Some((spec, root)) = self.root_of(kind) else {
            out.push(format!("{path}: no Stripe shape for object {kind:?}"));
            return;
        };
        let Some(schema) = spec.named(root) else {
            out.push(format!("{path}: {} has no {root}", spec.version));
            return;
        };
        let before = out.len();
        object::check(spec, schema, value, path, out);
        let mut found = out.split_off(before);
        // The docs show what the types lack: an ephemeral key's associated objects (Stripe's
        // API reference); an event's object is checked against its own shape, below.
        // An event's `previous_attributes` holds whatever changed: a free-form hash.
        let skipped: &[String] = match kind {
            "ephemeral_key" => &[object::join(path, "associated_objects:")],
            "event" => &[
                object::join(path, "data.object"),
                object::join(path, "data.previous_attributes."),
            ],
            _ => &[],
        };
        found.retain(|m| !skipped.iter().any(|s| m.starts_with(s.as_str())));
        out.extend(found);
        if kind == "event" {
            self.check_event(value, path, out);
        }
    }

    /// Which version's shape an object is checked against.
    fn root_of(&self, object: &str) -> Option<(&Spec, &'static str)> {
        Some(match object {
            "account" => (&self.current, "Account"),
            "account_session" => (&self.current, "AccountSession"),
            "ephemeral_key" => (&self.current, "EphemeralKey"),
            "event" => (&self.current, "EventBase"),
            "issuing.card" => (&self.current, "Card"),
            "issuing.cardholder" => (&self.current, "Cardholder"),
            "issuing.authorization" => (&self.current, "Authorization"),
            "issuing.transaction" => (&self.current, "Transaction"),
            "webhook_endpoint" => (&self.current, "WebhookEndpoint"),
            // The PaymentIntents the panel makes spend a token: the preview version's.
            "payment_intent" => (&self.preview, "PaymentIntent"),
            "shared_payment.granted_token" => (&self.preview, "GrantedToken"),
            _ => return None,
        })
    }

    fn check_list(&self, value: &Value, path: &str, out: &mut Vec<String>) {
        let Some(fields) = value.as_object() else {
            return;
        };
        for name in ["data", "has_more", "url"] {
            if !fields.contains_key(name) {
                out.push(format!("{path}.{name}: missing from the list"));
            }
        }
        for name in fields.keys() {
            if !["object", "data", "has_more", "url"].contains(&name.as_str()) {
                out.push(format!("{path}.{name}: a field Stripe's lists do not have"));
            }
        }
        for (i, item) in value["data"].as_array().into_iter().flatten().enumerate() {
            self.check_any(item, &format!("{path}data[{i}]"), out);
        }
    }

    /// The event's own shape is checked above; here its object, in full, and its type, where
    /// the preview docs name ones the types lack.
    fn check_event(&self, event: &Value, path: &str, out: &mut Vec<String>) {
        let kind = event["type"].as_str().unwrap_or("");
        if DOCUMENTED_EVENT_TYPES.contains(&kind) {
            out.retain(|m| !m.starts_with(&object::join(path, "type:")));
        }
        let inner = &event["data"]["object"];
        if inner.is_object() {
            self.check_any(inner, &object::join(path, "data.object"), out);
        }
        if let Some(version) = event["api_version"].as_str() {
            if version != CURRENT_VERSION && version != PREVIEW_VERSION {
                out.push(format!(
                    "{path}: api_version {version}, not the current one"
                ));
            }
        }
    }

    fn check_error(&self, body: &Value, error: &Value, out: &mut Vec<String>) {
        if body.as_object().is_some_and(|b| b.len() != 1) {
            out.push("(the error body): fields beside `error`".into());
        }
        let known = [
            "type",
            "code",
            "message",
            "param",
            "doc_url",
            "decline_code",
            "request_log_url",
            "advice_code",
            "charge",
            "payment_intent",
            "payment_method",
            "payment_method_type",
            "setup_intent",
            "source",
            "network_advice_code",
            "network_decline_code",
        ];
        for name in error.as_object().into_iter().flat_map(|e| e.keys()) {
            if !known.contains(&name.as_str()) {
                out.push(format!("error.{name}: a field Stripe's errors do not have"));
            }
        }
        let kinds = [
            "api_error",
            "card_error",
            "idempotency_error",
            "invalid_request_error",
        ];
        match error["type"].as_str() {
            Some(kind) if kinds.contains(&kind) => {}
            other => out.push(format!("error.type: {other:?} is not one of Stripe's")),
        }
        if let Some(code) = error["code"].as_str() {
            if !self.error_codes.contains(code) {
                out.push(format!(
                    "error.code: {code:?} is not one of Stripe's error codes"
                ));
            }
        }
    }

    /// Each way a request differs from what Stripe takes at `method path` in `version` (the
    /// account's default, the current one, where none is named).
    pub fn request_mismatches(
        &self,
        method: &str,
        path: &str,
        version: Option<&str>,
        pairs: &[(String, String)],
    ) -> Vec<String> {
        let spec = match version {
            None | Some(CURRENT_VERSION) => &self.current,
            Some(PREVIEW_VERSION) => &self.preview,
            Some(other) => return vec![format!("Stripe-Version {other}, not one the server pins")],
        };
        let Some(params) = spec
            .params_of(method, path)
            .or_else(|| extra_operation(method, path))
        else {
            return vec![format!("{method} {path}: Stripe has no such endpoint")];
        };
        let Some(schema) = spec
            .named(params)
            .or_else(|| self.current_all.named(params))
        else {
            // Operations that take nothing but `expand` (the shipping test helpers) have no
            // parameter type in the extract: a request sending nothing else is what they take.
            if pairs.iter().all(|(k, _)| k.starts_with("expand")) {
                return Vec::new();
            }
            return vec![format!("{params}: no shape in {}", spec.version)];
        };
        let tree = match Tree::parse(pairs) {
            Ok(tree) => tree,
            Err(e) => return vec![e],
        };
        let allow = params::Allowances {
            extra: |param| {
                param == "seller_details"
                    || ["seller_details[network_id]", "seller_details[external_id]"]
                        .contains(&param)
            },
            // The preview docs charge a token with no `type` beside it.
            unrequired: |param| param == "payment_method_data[type]",
            emptyable: |param| {
                let Some(control) = param.strip_prefix("spending_controls[") else {
                    return false;
                };
                [
                    "allowed_merchant_countries]",
                    "blocked_merchant_countries]",
                    "allowed_card_presences]",
                    "blocked_card_presences]",
                    "allowed_categories]",
                    "blocked_categories]",
                    "spending_limits]",
                ]
                .contains(&control)
            },
        };
        let mut out = Vec::new();
        params::check(spec, schema, &tree, "", &allow, &mut out);
        out
    }
}

/// Endpoints Stripe has that the SDK's operation list files elsewhere.
fn extra_operation(method: &str, path: &str) -> Option<&'static str> {
    // The SDK retrieves an account by id through `/v1/account`'s `retrieve(id)`.
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    (method.eq_ignore_ascii_case("GET") && matches!(segments[..], ["v1", "accounts", _]))
        .then_some("AccountRetrieveParams")
}

/// Panics, listing the mismatches, if `value` is not as Stripe would send it. Passes where the
/// shapes are absent.
pub fn assert_stripe_shaped(value: &Value) {
    let Some(shapes) = shapes() else { return };
    let found = shapes.object_mismatches(value);
    assert!(
        found.is_empty(),
        "not as Stripe sends it:\n  {}\nin {value:#}",
        found.join("\n  ")
    );
}

/// Panics, listing the mismatches, if the request is not one Stripe takes. Passes where the
/// shapes are absent.
pub fn assert_stripe_request(
    method: &str,
    path: &str,
    version: Option<&str>,
    pairs: &[(String, String)],
) {
    let Some(shapes) = shapes() else { return };
    let found = shapes.request_mismatches(method, path, version, pairs);
    assert!(
        found.is_empty(),
        "{method} {path} is not a request Stripe takes:\n  {}\nsent: {pairs:?}",
        found.join("\n  ")
    );
}
