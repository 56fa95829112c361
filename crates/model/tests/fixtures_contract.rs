//! Contract tests: Stripe's own example objects (`shared/stripe-fixtures`) must deserialize into
//! our types and serialize back without losing a field we model. Stripe's fixtures are not ours
//! to copy into the repo: where they are missing (a user's clone) these tests are ignored, with
//! the reason (see `build.rs`), and `samples_contract.rs` proves the same contract on our own
//! samples.

use issuing_model::{
    Account, AccountSession, CardStatus, Cardholder, EphemeralKey, Event, GrantedToken,
    IssuingCard, List, PaymentIntent, StripeError,
};
use serde_json::Value;

mod contract;
use contract::assert_round_trips;

fn fixtures_dir() -> String {
    format!(
        "{}/../../../shared/stripe-fixtures",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn load(file: &str) -> Value {
    let path = format!("{}/{file}", fixtures_dir());
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("read {path}: {e} (shared/ must sit beside the checkout)"));
    serde_json::from_str(&text).expect("fixtures are JSON")
}

fn beta_resource(name: &str) -> Value {
    load("fixtures3.beta.json")["resources"][name].clone()
}

fn resource(name: &str) -> Value {
    load("fixtures3.json")["resources"][name].clone()
}

#[test]
#[cfg_attr(
    no_stripe_fixtures,
    ignore = "needs ../shared/stripe-fixtures beside the checkout"
)]
fn account_fixture_round_trips() {
    let account: Account = assert_round_trips(&resource("account"));
    assert!(account.id.starts_with("acct_"));
    assert_eq!(account.country.as_deref(), Some("US"));
    assert_eq!(account.display_name(), "site@stripe.com");
}

#[test]
#[cfg_attr(
    no_stripe_fixtures,
    ignore = "needs ../shared/stripe-fixtures beside the checkout"
)]
fn list_of_accounts_round_trips() {
    let list = serde_json::json!({
        "object": "list", "url": "/v1/accounts", "has_more": false,
        "data": [resource("account")],
    });
    let typed: List<Account> = assert_round_trips(&list);
    assert_eq!(typed.data.len(), 1);
}

#[test]
fn stripe_error_keeps_param_and_unknown_type() {
    let body = serde_json::json!({"error": {
        "type": "brand_new_error", "code": "parameter_invalid_integer",
        "message": "Invalid integer: abc", "param": "spending_controls[spending_limits][0][amount]",
        "doc_url": "https://stripe.com/docs/error-codes/parameter-invalid-integer"
    }});
    let err: StripeError = assert_round_trips(&body);
    assert_eq!(
        err.error.param.as_deref(),
        Some("spending_controls[spending_limits][0][amount]")
    );
    assert!(err.to_string().contains("Invalid integer"));
}

#[test]
#[cfg_attr(
    no_stripe_fixtures,
    ignore = "needs ../shared/stripe-fixtures beside the checkout"
)]
fn issuing_card_fixture_round_trips_with_its_embedded_cardholder() {
    let card: IssuingCard = assert_round_trips(&resource("issuing.card"));
    assert_eq!(card.status, CardStatus::Active);
    assert_eq!(card.expiry(), "08/2030");
    assert!(card.cardholder.id.starts_with("ich_"));
    // Stripe's fixture has `null` lists: they read as empty.
    assert!(card.spending_controls.limits().is_empty());
    assert!(card.spending_controls.allowed_categories.is_none());
}

#[test]
#[cfg_attr(
    no_stripe_fixtures,
    ignore = "needs ../shared/stripe-fixtures beside the checkout"
)]
fn cardholder_fixture_round_trips() {
    let cardholder: Cardholder = assert_round_trips(&resource("issuing.cardholder"));
    assert!(cardholder.spending_controls.is_some());
}

#[test]
#[cfg_attr(
    no_stripe_fixtures,
    ignore = "needs ../shared/stripe-fixtures beside the checkout"
)]
fn a_card_with_values_stripe_adds_later_still_round_trips() {
    let mut card = resource("issuing.card");
    card["status"] = "suspended_for_review".into();
    card["spending_controls"]["blocked_categories"] = serde_json::json!(["interplanetary_travel"]);
    card["spending_controls"]["spending_limits"] =
        serde_json::json!([{"amount": 500, "interval": "fortnightly", "categories": null}]);
    let typed: IssuingCard = assert_round_trips(&card);
    assert!(!typed.status.is_known());
}

#[test]
#[cfg_attr(
    no_stripe_fixtures,
    ignore = "needs ../shared/stripe-fixtures beside the checkout"
)]
fn connect_fixtures_round_trip() {
    let session: AccountSession = assert_round_trips(&resource("account_session"));
    assert!(session.client_secret.starts_with("accs_secret_"));
    assert!(session.components.contains_key("issuing_card"));
    let key: EphemeralKey = assert_round_trips(&resource("ephemeral_key"));
    assert!(key.secret.is_none(), "the fixture carries no secret");
}

#[test]
#[cfg_attr(
    no_stripe_fixtures,
    ignore = "needs ../shared/stripe-fixtures beside the checkout"
)]
fn payment_fixtures_round_trip() {
    let intent: PaymentIntent = assert_round_trips(&resource("payment_intent"));
    assert!(intent.id.starts_with("pi_"));
    let event: Event = assert_round_trips(&resource("event"));
    assert!(event.id.starts_with("evt_"));
    let token: GrantedToken = assert_round_trips(&beta_resource("shared_payment.granted_token"));
    assert_eq!(token.remaining(), Some(803_901_331 - 111_972_721));
    assert!(token.is_active());
}
