//! A live feed whose reader falls behind a burst never loses events silently: the stream ends
//! with its reason, and the reader resumes after the last event it got, until it has them all.

mod support;

use std::collections::HashSet;
use std::time::Duration;

use futures_util::StreamExt;
use issuing_model::webhook_signature;
use reqwest::StatusCode;
use serde_json::json;
use support::{Api, UK};

const BURST: usize = 3_000;

/// One message of the stream: its `event:` name, `id:` and `data:`.
struct Message {
    kind: String,
    id: Option<String>,
    data: String,
}

fn parse(raw: &str) -> Message {
    let field = |name: &str| {
        raw.lines()
            .filter_map(|l| l.strip_prefix(name))
            .map(str::trim_start)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let id = field("id:");
    Message {
        kind: field("event:"),
        id: (!id.is_empty()).then_some(id),
        data: field("data:"),
    }
}

/// Opens a stream (resuming after `last`) and reads it to its end, or until `quiet` passes
/// with nothing new.
async fn read_stream(api: &Api, token: &str, last: Option<&str>, quiet: Duration) -> Vec<Message> {
    let ticket = api.ticket(token).await;
    let mut url = api.url(&format!("/api/events/stream?ticket={ticket}"));
    if let Some(last) = last {
        url.push_str(&format!("&last_event_id={last}"));
    }
    let response = api.http.get(url).send().await.unwrap();
    read_messages(response, quiet).await
}

/// The stream's messages (not its keep-alive comments) until it ends or `quiet` passes.
async fn read_messages(mut response: reqwest::Response, quiet: Duration) -> Vec<Message> {
    assert_eq!(response.status(), StatusCode::OK);
    let (mut buffer, mut messages) = (String::new(), Vec::new());
    while let Ok(Ok(Some(chunk))) = tokio::time::timeout(quiet, response.chunk()).await {
        buffer.push_str(std::str::from_utf8(&chunk).unwrap());
        while let Some(end) = buffer.find("\n\n") {
            let raw: String = buffer.drain(..end + 2).collect();
            if !raw.trim().is_empty() && !raw.starts_with(':') {
                messages.push(parse(&raw));
            }
        }
    }
    messages
}

#[tokio::test]
async fn a_reader_that_falls_behind_a_burst_is_told_and_resumes_losing_nothing() {
    let api = Api::start().await;
    let token = api.token("op_aiko").await;
    let secret = api.server.webhook_secret().unwrap().to_owned();

    // A stream opened and then not read while 3,000 events arrive.
    let ticket = api.ticket(&token).await;
    let slow = api
        .http
        .get(api.url(&format!("/api/events/stream?ticket={ticket}")))
        .send()
        .await
        .unwrap();
    let ids: Vec<String> = (0..BURST).map(|i| format!("evt_burst{i:05}")).collect();
    futures_util::stream::iter(ids.iter().cloned())
        .map(|id| {
            let (api, secret) = (&api, &secret);
            async move {
                let body = serde_json::to_vec(&json!({
                    "id": id, "object": "event", "account": UK, "api_version": "2025-08-27.basil",
                    "created": 1_790_000_000, "livemode": false,
                    "type": "issuing_card.updated",
                    // A card-sized payload, as Stripe's events are.
                    "data": { "object": { "id": "ic_burst", "object": "issuing.card",
                                          "padding": "x".repeat(1500) } }
                }))
                .unwrap();
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_secs() as i64;
                let answer = api
                    .http
                    .post(api.url("/api/webhooks/stripe"))
                    .header("content-type", "application/json")
                    .header(
                        "Stripe-Signature",
                        webhook_signature::header(secret, t, &body),
                    )
                    .body(body)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(answer.status(), StatusCode::OK);
            }
        })
        .buffer_unordered(16)
        .collect::<Vec<()>>()
        .await;

    // Now the slow reader reads what it was sent; where it ends, it resumes as the panel does.
    let mut seen = HashSet::new();
    let mut ends = Vec::new();
    let mut last: Option<String> = None;
    let first = read_messages(slow, Duration::from_secs(1)).await;
    let mut round = first;
    for _ in 0..20 {
        for message in &round {
            match message.kind.as_str() {
                "end" => ends.push(message.data.clone()),
                _ => {
                    seen.insert(message.id.clone().unwrap_or_default());
                    last = message.id.clone().or(last.take());
                }
            }
        }
        if ids.iter().all(|id| seen.contains(id)) {
            break;
        }
        round = read_stream(&api, &token, last.as_deref(), Duration::from_secs(1)).await;
    }
    let missing = ids.iter().filter(|id| !seen.contains(*id)).count();
    assert_eq!(
        missing, 0,
        "{missing} of {BURST} events never reached the reader (stream ends: {ends:?})"
    );
    // A stream that ended said why.
    for reason in &ends {
        assert!(
            reason.contains("lagged") || reason.contains("catching_up"),
            "{reason}"
        );
    }
    println!("stream ends while catching up: {ends:?}");
}
