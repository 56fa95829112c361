//! Hostile input across every `/api` route, table-driven: malformed JSON, wrong types, huge and
//! negative numbers, huge bodies, deep nesting, odd Unicode, ids with path tricks, bad cursors
//! and limits, bad currencies, wrong content types, bad idempotency keys, other operators'
//! accounts and read-only writes. Every answer is a 4xx in Stripe's error shape with a message
//! of sane length, none is a 5xx, and the sandbox applies no write at all.

mod support;

use reqwest::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use support::{Api, EURO, UK};

const US: &str = "acct_1SbxUSNorthwnd";
/// The most an error message may be: long enough to explain, short enough that echoed input
/// (a megabyte of id, a pasted novel) never comes back whole.
const MESSAGE_CAP: usize = 600;

/// One malformed request.
struct Probe {
    what: String,
    method: Method,
    path: String,
    body: Option<(&'static str, Vec<u8>)>,
    who: Who,
    headers: Vec<(HeaderName, HeaderValue)>,
}

#[derive(Clone, Copy)]
enum Who {
    Editor,
    OneAccountEditor,
    ReadOnly,
    Nobody,
    Forged,
}

impl Probe {
    fn new(what: impl Into<String>, method: Method, path: impl Into<String>) -> Self {
        Self {
            what: what.into(),
            method,
            path: path.into(),
            body: None,
            who: Who::Editor,
            headers: Vec::new(),
        }
    }

    fn json(mut self, body: &Value) -> Self {
        self.body = Some(("application/json", serde_json::to_vec(body).unwrap()));
        self
    }

    fn raw(mut self, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        self.body = Some((content_type, body.into()));
        self
    }

    fn by(mut self, who: Who) -> Self {
        self.who = who;
        self
    }

    fn header(mut self, name: &'static str, value: HeaderValue) -> Self {
        self.headers.push((HeaderName::from_static(name), value));
        self
    }
}

/// Each write route with a body it would take, and the ids it names (real ones where a real
/// one is needed to get past the first check).
struct Writes {
    card: String,
    holder: String,
    token: String,
}

impl Writes {
    fn routes(&self) -> Vec<(String, Value)> {
        let (card, holder, token) = (&self.card, &self.holder, &self.token);
        vec![
            (
                format!("/api/accounts/{US}/cards/{card}"),
                json!({ "status": "inactive" }),
            ),
            (
                format!("/api/accounts/{US}/cards"),
                json!({ "cardholder": holder, "currency": "usd", "type": "virtual" }),
            ),
            (
                format!("/api/accounts/{US}/cardholders"),
                json!({ "type": "individual", "name": "Jo Doe", "email": "jo@example.com",
                        "billing": { "address": { "line1": "1 Main St", "city": "Portland",
                        "state": "OR", "postal_code": "97204", "country": "US" } } }),
            ),
            (
                format!("/api/accounts/{US}/cardholders/{holder}"),
                json!({ "email": "jo@example.com" }),
            ),
            (
                format!("/api/accounts/{EURO}/tokens"),
                json!({ "payment_method": "pm_card_visa", "currency": "eur",
                        "max_amount": 1000, "expires_at": null }),
            ),
            (
                format!("/api/accounts/{EURO}/tokens/{token}/charges"),
                json!({ "amount": 100, "currency": "eur" }),
            ),
            (
                format!("/api/accounts/{US}/cards/{card}/purchases"),
                json!({ "amount": 100, "category": "bakeries", "country": "US",
                        "card_present": false }),
            ),
        ]
    }
}

/// Every way a JSON body can be wrong before its fields are even read.
fn broken_bodies() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let deep = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
    vec![
        ("no body", "application/json", Vec::new()),
        (
            "truncated JSON",
            "application/json",
            b"{\"status\":".to_vec(),
        ),
        ("a JSON array", "application/json", b"[]".to_vec()),
        ("JSON null", "application/json", b"null".to_vec()),
        (
            "a JSON string",
            "application/json",
            b"\"inactive\"".to_vec(),
        ),
        (
            "not UTF-8",
            "application/json",
            vec![b'{', 0xff, 0xfe, b'}'],
        ),
        (
            "a lone surrogate",
            "application/json",
            br#"{"status":"\ud800"}"#.to_vec(),
        ),
        ("nesting 20,000 deep", "application/json", deep.into_bytes()),
        (
            "JSON as text/plain",
            "text/plain",
            br#"{"status":"inactive"}"#.to_vec(),
        ),
        (
            "a form body",
            "application/x-www-form-urlencoded",
            b"status=inactive".to_vec(),
        ),
        (
            "4 MB of JSON",
            "application/json",
            format!("{{\"metadata\":{{\"a\":\"{}\"}}}}", "x".repeat(4 << 20)).into_bytes(),
        ),
    ]
}

/// Values no field of ours takes where a number, a string or an object is due.
fn wrong_values() -> Vec<(&'static str, Value)> {
    vec![
        ("a huge number", json!(1e300)),
        ("2^64 - 1", json!(u64::MAX)),
        ("-2^63", json!(i64::MIN)),
        ("a negative number", json!(-5)),
        ("a fraction", json!(1.5)),
        ("an object", json!({ "$gt": "" })),
        ("a NUL and CR/LF", json!("acct_1\u{0}\r\nX-Injected: 1")),
        ("right-to-left override", json!("\u{202e}evitcani")),
        ("10,000 characters", json!("x".repeat(10_000))),
    ]
}

/// The same write with one field of its body replaced by each wrong value.
fn with_wrong_fields(path: &str, body: &Value) -> Vec<Probe> {
    let Value::Object(fields) = body else {
        return Vec::new();
    };
    let mut probes = Vec::new();
    for (field, _) in fields {
        for (what, value) in wrong_values() {
            let mut bad = body.clone();
            bad[field] = value;
            probes.push(
                Probe::new(format!("{path}: {field} = {what}"), Method::POST, path).json(&bad),
            );
        }
    }
    probes
}

/// Ids in the path that are not ids: traversal, encoded separators, control characters,
/// another kind's prefix, a megabyte of id.
fn tricky_ids(prefix: &str) -> Vec<String> {
    vec![
        format!("{prefix}..%2F..%2Fv1%2Faccounts"),
        format!("{prefix}1%00"),
        format!("{prefix}1%0D%0AX-Injected:%201"),
        format!("{prefix}1%3Fexpand%5B%5D%3Dnumber"),
        format!("{prefix}%E2%80%AE1"),
        "%2e%2e".to_owned(),
        "ch_1".to_owned(),
        format!("{prefix}{}", "a".repeat(5000)),
    ]
}

fn probes(writes: &Writes) -> Vec<Probe> {
    let mut probes = Vec::new();
    let (card, holder, token) = (&writes.card, &writes.holder, &writes.token);

    for (path, body) in writes.routes() {
        for (what, content_type, bytes) in broken_bodies() {
            probes.push(
                Probe::new(format!("{path}: {what}"), Method::POST, &path).raw(content_type, bytes),
            );
        }
        probes.extend(with_wrong_fields(&path, &body));
        // Who may not write here.
        for who in [
            Who::ReadOnly,
            Who::Nobody,
            Who::Forged,
            Who::OneAccountEditor,
        ] {
            probes.push(
                Probe::new(
                    format!("{path}: by someone who may not"),
                    Method::POST,
                    &path,
                )
                .json(&body)
                .by(who),
            );
        }
        // Idempotency keys Stripe would not take.
        for (what, key) in [
            ("an empty key", HeaderValue::from_static("")),
            (
                "a key of 300 characters",
                HeaderValue::from_str(&"k".repeat(300)).unwrap(),
            ),
            (
                "a key with non-ASCII bytes",
                HeaderValue::from_bytes("キー".as_bytes()).unwrap(),
            ),
        ] {
            probes.push(
                Probe::new(format!("{path}: {what}"), Method::POST, &path)
                    .json(&body)
                    .header("idempotency-key", key),
            );
        }
    }

    // Ids in the path.
    for id in tricky_ids("acct_") {
        probes.push(Probe::new(
            format!("account id {id:.40}"),
            Method::GET,
            format!("/api/accounts/{id}/cards"),
        ));
        probes.push(
            Probe::new(
                format!("account id {id:.40} in a write"),
                Method::POST,
                format!("/api/accounts/{id}/cards/{card}"),
            )
            .json(&json!({ "status": "inactive" })),
        );
    }
    for id in tricky_ids("ic_") {
        probes.push(
            Probe::new(
                format!("card id {id:.40}"),
                Method::POST,
                format!("/api/accounts/{US}/cards/{id}"),
            )
            .json(&json!({ "status": "inactive" })),
        );
    }
    for id in tricky_ids("ich_") {
        probes.push(Probe::new(
            format!("cardholder id {id:.40}"),
            Method::GET,
            format!("/api/accounts/{US}/cardholders/{id}"),
        ));
    }
    for id in tricky_ids("spt_") {
        probes.push(Probe::new(
            format!("token id {id:.40}"),
            Method::GET,
            format!("/api/accounts/{EURO}/tokens/{id}"),
        ));
    }

    // Lists: cursors, limits and filters out of range.
    for list in [
        "cards",
        "cardholders",
        "authorizations",
        "transactions",
        "tokens",
    ] {
        for query in [
            "limit=0",
            "limit=101",
            "limit=-1",
            "limit=abc",
            "limit=99999999999999999999",
            "starting_after=nope",
            "ending_before=ic_..%2F",
            "starting_after=ic_1&ending_before=ic_2",
        ] {
            probes.push(Probe::new(
                format!("{list}?{query}"),
                Method::GET,
                format!("/api/accounts/{US}/{list}?{query}"),
            ));
        }
    }
    for query in [
        "status=melted",
        "type=plastic",
        "created[gte]=yesterday",
        "cardholder=ich_..",
        "cardholder_name=%00",
    ] {
        probes.push(Probe::new(
            format!("cards?{query}"),
            Method::GET,
            format!("/api/accounts/{US}/cards?{query}"),
        ));
    }
    for query in [
        "account=acct_%0D%0A",
        "kind=everything",
        "from=yesterday",
        "limit=1000",
        "object=ic_1%00",
    ] {
        probes.push(Probe::new(
            format!("audit?{query}"),
            Method::GET,
            format!("/api/audit?{query}"),
        ));
    }

    // Test helpers and the rest of /api.
    for step in ["teleport", "SHIP", "ship%00", "..%2F"] {
        probes.push(
            Probe::new(
                format!("shipping step {step}"),
                Method::POST,
                format!("/api/accounts/{US}/cards/{card}/shipping/{step}"),
            )
            .json(&json!({})),
        );
    }
    for currency in ["xyz", "EURO", "", "e", "€"] {
        probes.push(
            Probe::new(
                format!("grant in {currency:?}"),
                Method::POST,
                format!("/api/accounts/{EURO}/tokens"),
            )
            .json(
                &json!({ "payment_method": "pm_card_visa", "currency": currency,
                           "max_amount": 1000, "expires_at": null }),
            ),
        );
        probes.push(
            Probe::new(
                format!("charge in {currency:?}"),
                Method::POST,
                format!("/api/accounts/{EURO}/tokens/{token}/charges"),
            )
            .json(&json!({ "amount": 100, "currency": currency })),
        );
    }
    for body in [
        json!({ "account": "acct_1\r\n" }),
        json!({ "account": 1 }),
        json!({}),
        json!({ "account": "acct_1SbxUSFleetHub" }),
    ] {
        probes.push(
            Probe::new(
                format!("account session {body}"),
                Method::POST,
                "/api/account_session",
            )
            .json(&body)
            .by(Who::OneAccountEditor),
        );
    }
    for body in [
        json!({ "account": UK, "issuing_card": "ic_1\u{0}", "nonce": "n" }),
        json!({ "account": US, "issuing_card": card, "nonce": "" }),
        json!({ "account": US, "issuing_card": card, "nonce": "n".repeat(10_000) }),
        json!({ "account": US, "issuing_card": card }),
    ] {
        probes.push(Probe::new("ephemeral key", Method::POST, "/api/ephemeral_keys").json(&body));
    }
    for body in [
        json!({ "operator": "op_nobody" }),
        json!({ "operator": "op_aiko\u{0}" }),
        json!({ "operator": ["op_aiko"] }),
        json!({}),
    ] {
        probes.push(
            Probe::new(format!("sign in as {body}"), Method::POST, "/api/sign_in")
                .json(&body)
                .by(Who::Nobody),
        );
    }
    for ticket in ["", "nope", "%00", &"t".repeat(5000)] {
        probes.push(
            Probe::new(
                format!("stream ticket {ticket:.20}"),
                Method::GET,
                format!("/api/events/stream?ticket={ticket}"),
            )
            .by(Who::Nobody),
        );
    }
    probes.push(
        Probe::new(
            "stream resumed from a bad id",
            Method::GET,
            "/api/events/stream?last_event_id=evt_%0D%0A",
        )
        .by(Who::Nobody),
    );
    for (what, signature) in [
        ("no signature", None),
        ("a made-up signature", Some("t=1,v1=00")),
        ("a signature of garbage", Some("t=,v1=,=,,")),
    ] {
        let mut probe = Probe::new(
            format!("webhook with {what}"),
            Method::POST,
            "/api/webhooks/stripe",
        )
        .raw(
            "application/json",
            br#"{"id":"evt_1","type":"issuing_card.updated","object":"event"}"#.to_vec(),
        )
        .by(Who::Nobody);
        if let Some(signature) = signature {
            probe = probe.header(
                "stripe-signature",
                HeaderValue::from_bytes(signature.as_bytes()).unwrap(),
            );
        }
        probes.push(probe);
    }
    let _ = holder;
    probes
}

#[tokio::test]
async fn every_malformed_request_is_a_stripe_shaped_4xx_and_changes_nothing() {
    let api = Api::start().await;
    let editor = api.token("op_aiko").await;
    let tokens = [
        editor.clone(),
        api.token("op_ben").await,
        api.token("op_chloe").await,
    ];
    let writes = Writes {
        card: api.cards(&editor, US, "limit=1").await.data[0]
            .id
            .to_string(),
        holder: {
            let list: Value = api
                .get(&editor, &format!("/api/accounts/{US}/cardholders?limit=1"))
                .await
                .json()
                .await
                .unwrap();
            list["data"][0]["id"].as_str().unwrap().to_owned()
        },
        token: "spt_1NotARealOne".to_owned(),
    };
    let applied_before = api.applied_writes().await;
    let probes = probes(&writes);
    assert!(probes.len() >= 150, "only {} probes", probes.len());

    let mut wrong = Vec::new();
    for probe in &probes {
        let mut request = api.http.request(probe.method.clone(), api.url(&probe.path));
        request = match probe.who {
            Who::Editor => request.bearer_auth(&tokens[0]),
            Who::OneAccountEditor => request.bearer_auth(&tokens[1]),
            Who::ReadOnly => request.bearer_auth(&tokens[2]),
            Who::Forged => request.bearer_auth("sandbox_token_op_root"),
            Who::Nobody => request,
        };
        if let Some((content_type, body)) = &probe.body {
            request = request
                .header(CONTENT_TYPE, *content_type)
                .body(body.clone());
        }
        for (name, value) in &probe.headers {
            request = request.header(name.clone(), value.clone());
        }
        let answer = request.send().await.expect("the server answers");
        let status = answer.status();
        let text = answer.text().await.unwrap_or_default();
        let body: Option<Value> = serde_json::from_str(&text).ok();
        let message = body
            .as_ref()
            .and_then(|b| b["error"]["message"].as_str())
            .unwrap_or_default()
            .to_owned();
        let stripe_shaped = body
            .as_ref()
            .is_some_and(|b| b["error"]["type"].is_string() && !message.is_empty());
        if !status.is_client_error() || !stripe_shaped || message.chars().count() > MESSAGE_CAP {
            wrong.push(format!(
                "{} {} ({}): {status} {:.300}",
                probe.method,
                probe.path.chars().take(120).collect::<String>(),
                probe.what,
                text
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} probes were answered wrongly:\n{}",
        wrong.len(),
        probes.len(),
        wrong.join("\n")
    );
    assert_eq!(
        api.applied_writes().await,
        applied_before,
        "a malformed request changed something in Stripe"
    );
    // The server is still fine after all that.
    let after = api.get(&editor, "/api/accounts").await;
    assert_eq!(after.status(), StatusCode::OK);
}
