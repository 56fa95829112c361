//! The checker itself: it must catch each kind of difference from Stripe, or the fidelity
//! checks elsewhere would pass by saying nothing.

#![cfg_attr(no_stripe_shapes, allow(dead_code, unused_imports))]

use serde_json::{json, Value};
use stripe_fidelity::{shapes, Shapes, CURRENT_VERSION, PREVIEW_VERSION};

fn loaded() -> &'static Shapes {
    shapes().expect(stripe_fidelity::ABSENT)
}

fn card() -> Value {
    json!({
        "id": "ic_1", "object": "issuing.card", "brand": "Visa", "cancellation_reason": null,
        "cardholder": {
            "id": "ich_1", "object": "issuing.cardholder", "billing": { "address": {
                "city": "Berlin", "country": "DE", "line1": "Unter den Linden 1", "line2": null,
                "postal_code": "10117", "state": null } },
            "company": null, "created": 1, "email": null, "individual": null, "livemode": false,
            "metadata": {}, "name": "Aiko", "phone_number": null, "preferred_locales": null,
            "requirements": { "disabled_reason": null, "past_due": [] },
            "spending_controls": null, "status": "active", "type": "individual"
        },
        "created": 1, "currency": "eur", "exp_month": 1, "exp_year": 2030, "last4": "4242",
        "latest_fraud_warning": null, "lifecycle_controls": null, "livemode": false,
        "metadata": {}, "personalization_design": null, "replaced_by": null,
        "replacement_for": null, "replacement_reason": null, "second_line": null,
        "shipping": null,
        "spending_controls": {
            "allowed_card_presences": null, "allowed_categories": null,
            "allowed_merchant_countries": null, "blocked_card_presences": null,
            "blocked_categories": null, "blocked_merchant_countries": null,
            "spending_limits": [], "spending_limits_currency": null
        },
        "status": "active", "type": "virtual", "wallets": null
    })
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
#[cfg_attr(
    no_stripe_shapes,
    ignore = "needs ../shared/stripe-shapes (Stripe's types), absent from this clone"
)]
fn a_complete_card_passes_and_each_kind_of_difference_is_named() {
    let shapes = loaded();
    assert_eq!(shapes.object_mismatches(&card()), Vec::<String>::new());

    let mut missing = card();
    missing
        .as_object_mut()
        .unwrap()
        .remove("lifecycle_controls");
    let mut extra = card();
    extra["nickname"] = json!("x");
    let mut null = card();
    null["brand"] = Value::Null;
    let mut closed = card();
    closed["cancellation_reason"] = json!("misplaced");
    let mut nested = card();
    nested["cardholder"]["requirements"]["past_due"] = json!(7);
    for (value, expected) in [
        (missing, "lifecycle_controls: missing"),
        (extra, "nickname: a field Stripe does not have"),
        (null, "brand: null"),
        (closed, "cancellation_reason: \"misplaced\" is not one of"),
        (nested, "cardholder.requirements.past_due"),
    ] {
        let found = shapes.object_mismatches(&value);
        assert!(
            found.len() == 1 && found[0].starts_with(expected),
            "{expected}: {found:?}"
        );
    }
}

#[test]
#[cfg_attr(
    no_stripe_shapes,
    ignore = "needs ../shared/stripe-shapes (Stripe's types), absent from this clone"
)]
fn lists_errors_and_events_are_checked_too() {
    let shapes = loaded();
    let mut bad_card = card();
    bad_card.as_object_mut().unwrap().remove("wallets");
    let list = json!({ "object": "list", "data": [card(), bad_card], "has_more": false, "url": "/v1/issuing/cards" });
    assert_eq!(
        shapes.object_mismatches(&list),
        ["data[1].wallets: missing (Stripe always sends it)"]
    );
    let error = json!({ "error": { "type": "invalid_request_error", "code": "parameter_invalid", "message": "x" } });
    assert_eq!(
        shapes.object_mismatches(&error),
        ["error.code: \"parameter_invalid\" is not one of Stripe's error codes"]
    );
    let event = json!({
        "id": "evt_1", "object": "event", "api_version": "2025-08-27.basil", "created": 1,
        "data": { "object": card() }, "livemode": false, "pending_webhooks": 1,
        "request": { "id": null, "idempotency_key": null }, "type": "issuing_card.updated"
    });
    assert_eq!(
        shapes.object_mismatches(&event),
        [": api_version 2025-08-27.basil, not the current one"]
    );
    let mut inside = event.clone();
    inside["api_version"] = json!(CURRENT_VERSION);
    inside["data"]["object"]["cancellation_reason"] = json!("misplaced");
    let found = shapes.object_mismatches(&inside);
    assert!(
        found.len() == 1 && found[0].starts_with("data.object.cancellation_reason"),
        "{found:?}"
    );
}

#[test]
#[cfg_attr(
    no_stripe_shapes,
    ignore = "needs ../shared/stripe-shapes (Stripe's types), absent from this clone"
)]
fn requests_are_held_to_the_parameters_stripe_takes() {
    let shapes = loaded();
    let check = |method: &str, path: &str, version: Option<&str>, form: &[(&str, &str)]| {
        shapes.request_mismatches(method, path, version, &pairs(form))
    };
    let update = "/v1/issuing/cards/ic_1";
    assert!(check(
        "POST",
        update,
        Some(CURRENT_VERSION),
        &[
            ("spending_controls[spending_limits][0][amount]", "5000"),
            ("spending_controls[spending_limits][0][interval]", "daily"),
            ("spending_controls[allowed_merchant_countries]", ""),
            ("metadata[team]", "ops"),
        ],
    )
    .is_empty());
    for (form, expected) in [
        (
            &[("nickname", "x")][..],
            "nickname: a parameter Stripe does not take",
        ),
        (
            &[("spending_controls[spending_limits][0][amount]", "5000")][..],
            "spending_controls[spending_limits][0][interval]: required but not sent",
        ),
        (
            &[(
                "spending_controls[allowed_categories][0]",
                "bakeries_and_pastries",
            )][..],
            "spending_controls[allowed_categories][0]: \"bakeries_and_pastries\" is not one of",
        ),
        (
            &[("cancellation_reason", "misplaced")][..],
            "cancellation_reason: \"misplaced\" is not one of",
        ),
        (
            &[("spending_controls[spending_limits]", "x")][..],
            "spending_controls[spending_limits]: \"x\" is not a array",
        ),
    ] {
        let found = check("POST", update, None, form);
        assert!(
            found.len() == 1 && found[0].starts_with(expected),
            "{expected}: {found:?}"
        );
    }
    assert_eq!(
        check(
            "GET",
            "/v1/shared_payment/granted_tokens",
            Some(PREVIEW_VERSION),
            &[]
        ),
        ["GET /v1/shared_payment/granted_tokens: Stripe has no such endpoint"]
    );
    assert_eq!(
        check("GET", "/v1/issuing/cards", Some("2025-08-27.basil"), &[]),
        ["Stripe-Version 2025-08-27.basil, not one the server pins"]
    );
    // What the preview docs show, although the types lack it.
    assert!(check(
        "POST",
        "/v1/test_helpers/shared_payment/granted_tokens",
        Some(PREVIEW_VERSION),
        &[
            ("payment_method", "pm_card_visa"),
            ("usage_limits[currency]", "eur"),
            ("usage_limits[max_amount]", "100"),
            ("seller_details[external_id]", "acct_1"),
        ],
    )
    .is_empty());
    assert_eq!(
        check(
            "POST",
            "/v1/payment_intents",
            Some(PREVIEW_VERSION),
            &[
                ("amount", "100"),
                ("currency", "eur"),
                ("shared_payment_granted_token", "spt_1")
            ],
        ),
        ["shared_payment_granted_token: a parameter Stripe does not take"]
    );
}

/// The closed lists the panel, server and sandbox keep are Stripe's.
#[test]
#[cfg_attr(
    no_stripe_shapes,
    ignore = "needs ../shared/stripe-shapes (Stripe's types), absent from this clone"
)]
fn the_category_and_event_type_lists_we_keep_are_stripes() {
    let shapes = loaded();
    let enumerated = |name: &str, key: &str| -> Vec<String> {
        let schema = shapes.current.named(name).unwrap();
        let mut values: Vec<String> = schema[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        values.sort();
        values
    };
    let mut ours: Vec<String> = issuing_model::Category::known()
        .map(str::to_owned)
        .collect();
    ours.sort();
    assert_eq!(
        ours,
        enumerated(
            "Issuing.CardUpdateParams.SpendingControls.AllowedCategory",
            "enum"
        )
    );
    let mut events = enumerated("WebhookEndpointCreateParams.EnabledEvent", "x-open-enum");
    events.extend(
        stripe_fidelity::DOCUMENTED_EVENT_TYPES
            .iter()
            .map(|e| e.to_string()),
    );
    events.sort();
    let sandbox: Vec<String> = stripe_sandbox::EVENT_TYPES
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(sandbox, events);
}
