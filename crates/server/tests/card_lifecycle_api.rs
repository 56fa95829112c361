//! Cardholders and the card lifecycle through `/api`: search, create and edit cardholders,
//! issue, ship and replace cards, find cards by the cardholder's name, export them — editors
//! only, every write in the audit trail, every request to Stripe in Stripe's shape.

mod support;

use issuing_model::api::{AuditEntry, AuditKind, AuditOutcome};
use issuing_model::{CardStatus, Cardholder, IssuingCard, List, ShippingStatus, StripeError};
use reqwest::StatusCode;
use serde_json::json;
use support::{expect, Api};

const US: &str = "acct_1SbxUSNorthwnd";

fn yamada() -> serde_json::Value {
    json!({
        "type": "individual",
        "name": "山田 太郎",
        "email": "taro.yamada@example.jp",
        "phone_number": "+14155550123",
        "billing": { "address": {
            "line1": "1 Market Street", "city": "San Francisco", "state": "CA",
            "postal_code": "94105", "country": "US"
        }},
        "individual": { "first_name": "Taro", "last_name": "Yamada",
                        "dob": { "day": 29, "month": 2, "year": 1988 } },
    })
}

fn physical(holder: &str) -> serde_json::Value {
    json!({
        "cardholder": holder, "currency": "usd", "type": "physical", "status": "active",
        "shipping": { "name": "Taro Yamada", "service": "express", "address": {
            "line1": "1 Market Street", "city": "San Francisco", "state": "CA",
            "postal_code": "94105", "country": "US"
        }},
    })
}

async fn audit(api: &Api, token: &str, object: &str) -> Vec<AuditEntry> {
    let list: List<AuditEntry> = expect(
        api.get(token, &format!("/api/audit?account={US}&object={object}"))
            .await,
        StatusCode::OK,
    )
    .await;
    list.data
}

#[tokio::test]
async fn an_editor_creates_finds_and_edits_a_cardholder_and_each_write_is_audited() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let holders = format!("/api/accounts/{US}/cardholders");
    let holder: Cardholder =
        expect(api.post(&aiko, &holders, yamada()).await, StatusCode::OK).await;
    assert_eq!(holder.name, "山田 太郎");
    for q in ["%E5%B1%B1%E7%94%B0", "TARO.YAMADA", "415%20555"] {
        let found: List<Cardholder> = expect(
            api.get(&aiko, &format!("{holders}?q={q}")).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(found.data.len(), 1, "{q}");
        assert_eq!(found.data[0].id, holder.id, "{q}");
    }
    let edited: Cardholder = expect(
        api.post(
            &aiko,
            &format!("{holders}/{}", holder.id),
            json!({ "email": "taro@example.jp", "status": "inactive" }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(edited.email.as_deref(), Some("taro@example.jp"));
    let entries = audit(&api, &aiko, &holder.id).await;
    let kinds: Vec<_> = entries.iter().map(|e| (e.kind, e.outcome)).collect();
    assert_eq!(
        kinds,
        [
            (AuditKind::CardholderUpdate, AuditOutcome::Succeeded),
            (AuditKind::CardholderCreate, AuditOutcome::Succeeded)
        ]
    );
    assert!(entries.iter().all(|e| e.answer.request_id.is_some()));
}

#[tokio::test]
async fn bad_cardholders_and_read_only_operators_are_refused_with_nothing_sent() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let chloe = api.token("op_chloe").await;
    let holders = format!("/api/accounts/{US}/cardholders");
    let writes = api.applied_writes().await;
    let mut bad = yamada();
    bad["billing"]["address"]["postal_code"] = json!("9410");
    let error: StripeError = expect(
        api.post(&aiko, &holders, bad).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        error.error.param.as_deref(),
        Some("billing[address][postal_code]")
    );
    let mut bad = yamada();
    bad["name"] = json!("R2-D2");
    let error: StripeError = expect(
        api.post(&aiko, &holders, bad).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(error.error.param.as_deref(), Some("name"));
    let _: StripeError = expect(
        api.post(&chloe, &holders, yamada()).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(api.applied_writes().await, writes);
    let entries = audit(&api, &aiko, US).await;
    assert_eq!(entries.len(), 3);
    assert!(entries.iter().all(|e| e.outcome == AuditOutcome::Refused));
}

#[tokio::test]
async fn a_physical_card_is_issued_shipped_replaced_found_by_name_and_exported() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let holder: Cardholder = expect(
        api.post(&aiko, &format!("/api/accounts/{US}/cardholders"), yamada())
            .await,
        StatusCode::OK,
    )
    .await;
    let cards = format!("/api/accounts/{US}/cards");
    let card: IssuingCard = expect(
        api.post(&aiko, &cards, physical(&holder.id)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(card.status, CardStatus::Active);
    for (step, status) in [
        ("ship", ShippingStatus::Shipped),
        ("deliver", ShippingStatus::Delivered),
    ] {
        let moved: IssuingCard = expect(
            api.post(
                &aiko,
                &format!("{cards}/{}/shipping/{step}", card.id),
                json!({}),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(moved.shipping.unwrap().status, Some(status));
    }
    let error: StripeError = expect(
        api.post(
            &aiko,
            &format!("{cards}/{}/shipping/teleport", card.id),
            json!({}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(error.error.param.as_deref(), Some("step"));

    let mut replacement = physical(&holder.id);
    replacement["replacement_for"] = json!(card.id);
    replacement["replacement_reason"] = json!("lost");
    replacement["status"] = json!("inactive");
    let new: IssuingCard = expect(
        api.post(&aiko, &cards, replacement.clone()).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(new.replacement_for.as_deref(), Some(card.id.as_str()));
    // Refused here, before Stripe: the card was replaced already.
    let error: StripeError = expect(
        api.post(&aiko, &cards, replacement).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(error.error.param.as_deref(), Some("replacement_for"));

    // Both cards, found by part of the cardholder's name, newest first, a page at a time.
    let found = api
        .cards(&aiko, US, "cardholder_name=%E5%A4%AA%E9%83%8E&limit=1")
        .await;
    assert_eq!(found.data[0].id, new.id);
    assert!(found.has_more);
    let next = api
        .cards(
            &aiko,
            US,
            &format!(
                "cardholder_name=%E5%A4%AA%E9%83%8E&limit=1&starting_after={}",
                new.id
            ),
        )
        .await;
    assert_eq!(next.data[0].id, card.id);
    assert_eq!(next.data[0].status, CardStatus::Canceled);
    assert!(!next.has_more);

    // A bad step is a bad address, not a change: nothing to audit. The replacement that was
    // made is filed under the new card.
    let replaced = audit(&api, &aiko, &new.id).await;
    assert_eq!(replaced[0].kind, AuditKind::CardReplace);
    assert_eq!(replaced[0].outcome, AuditOutcome::Succeeded);
    let kinds: Vec<_> = audit(&api, &aiko, &card.id)
        .await
        .iter()
        .map(|e| (e.kind, e.outcome))
        .collect();
    assert_eq!(
        kinds,
        [
            // Refused before it was a change: filed under the card it was to replace.
            (AuditKind::CardReplace, AuditOutcome::Refused),
            (AuditKind::CardShipping, AuditOutcome::Succeeded),
            (AuditKind::CardShipping, AuditOutcome::Succeeded),
            (AuditKind::CardIssue, AuditOutcome::Succeeded),
        ]
    );

    let csv = api
        .get(
            &aiko,
            &format!("{cards}/export?cardholder_name=%E5%B1%B1%E7%94%B0&locale=ja"),
        )
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    let bytes = csv.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<_> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("カード,カード保有者"), "{text}");
    assert!(lines[1].contains(&new.id) && lines[1].contains("山田 太郎"));
    assert!(
        lines[2].contains("解約済み") && lines[2].contains("配達済み"),
        "{text}"
    );
}

#[tokio::test]
async fn the_whole_card_list_exports_page_after_page() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let account = stripe_sandbox::LARGE_ACCOUNT;
    let csv = api
        .get(
            &aiko,
            &format!("/api/accounts/{account}/cards/export?status=active"),
        )
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await.unwrap();
    let mut active = 0;
    let mut after: Option<String> = None;
    loop {
        let cursor = after
            .map(|a| format!("&starting_after={a}"))
            .unwrap_or_default();
        let page = api
            .cards(&aiko, account, &format!("status=active&limit=100{cursor}"))
            .await;
        active += page.data.len();
        after = page.data.last().map(|c| c.id.clone());
        if !page.has_more {
            break;
        }
    }
    assert!(active > 100, "{active}");
    assert_eq!(text.lines().count(), active + 1);
}
