//! The contract of `fixtures_contract.rs`, proved on the repo's own hand-written samples
//! (`tests/samples/`), so a clone with no `../shared` beside it still proves it.

use issuing_model::{
    Account, AccountSession, CardStatus, Cardholder, EphemeralKey, Event, GrantedToken,
    IssuingCard, List, PaymentIntent, PaymentIntentStatus, SpendingInterval,
};
use serde_json::Value;

mod contract;
use contract::assert_round_trips;

fn sample(name: &str) -> Value {
    let path = format!("{}/tests/samples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    serde_json::from_str(&text).expect("samples are JSON")
}

#[test]
fn an_account_and_a_list_of_accounts_round_trip() {
    let account: Account = assert_round_trips(&sample("account"));
    assert_eq!(account.display_name(), "Koi Noodle Bar");
    assert_eq!(account.default_currency.as_deref(), Some("jpy"));
    let list = serde_json::json!({
        "object": "list", "url": "/v1/accounts", "has_more": true,
        "data": [sample("account")],
    });
    let typed: List<Account> = assert_round_trips(&list);
    assert!(typed.has_more);
}

#[test]
fn a_card_round_trips_with_its_cardholder_limits_and_wallets() {
    let card: IssuingCard = assert_round_trips(&sample("issuing.card"));
    assert_eq!(card.status, CardStatus::Inactive);
    assert_eq!(card.expiry(), "11/2029");
    assert_eq!(card.cardholder.name, "Ren Takahashi");
    let limits = card.spending_controls.limits();
    assert_eq!(limits.len(), 2);
    assert_eq!(limits[1].interval, SpendingInterval::Monthly);
    // `null` reads as "not set", unlike an empty list.
    assert!(card.spending_controls.allowed_categories.is_none());
}

#[test]
fn a_cardholder_round_trips() {
    let holder: Cardholder = assert_round_trips(&sample("issuing.cardholder"));
    assert_eq!(holder.spending_controls.map(|c| c.limits().len()), Some(1));
}

#[test]
fn a_card_with_values_stripe_adds_later_still_round_trips() {
    let mut card = sample("issuing.card");
    card["status"] = "suspended_for_review".into();
    card["spending_controls"]["spending_limits"][0]["interval"] = "fortnightly".into();
    let typed: IssuingCard = assert_round_trips(&card);
    assert!(!typed.status.is_known());
}

#[test]
fn connect_objects_round_trip() {
    let session: AccountSession = assert_round_trips(&sample("account_session"));
    assert!(session.components.contains_key("issuing_cards_list"));
    let key: EphemeralKey = assert_round_trips(&sample("ephemeral_key"));
    assert!(key.secret.is_none());
    assert_eq!(key.associated_objects[0].kind, "issuing.card");
}

#[test]
fn payment_objects_round_trip() {
    let intent: PaymentIntent = assert_round_trips(&sample("payment_intent"));
    assert_eq!(intent.status, PaymentIntentStatus::Succeeded);
    let event: Event = assert_round_trips(&sample("event"));
    assert_eq!(event.kind, "shared_payment.granted_token.used");
    let token: GrantedToken = assert_round_trips(&sample("shared_payment.granted_token"));
    assert_eq!(token.remaining(), Some(7_000));
}
