//! How long Stripe's decision on a purchase takes for a card with a year of history (about
//! three purchases a day) and four limits, as the sandbox, the simulator and the what-if run it.
//! Prints figures; asserts nothing about time. `cargo xtask bench` runs it.

use std::hint::black_box;
use std::time::Instant;

use issuing_model::rules::authorization::{decide, Purchase, Spend};
use issuing_model::{CardPresence, Cardholder, IssuingCard};

const DAY: i64 = 86_400;
const ROUNDS: usize = 20_000;

fn main() {
    let card: IssuingCard = serde_json::from_value(serde_json::json!({
        "id": "ic_1", "brand": "Visa", "cancellation_reason": null, "created": 1,
        "currency": "eur", "exp_month": 12, "exp_year": 2030, "last4": "4242",
        "replaced_by": null, "replacement_for": null, "replacement_reason": null,
        "status": "active", "type": "virtual",
        "cardholder": { "id": "ich_1", "created": 1, "email": null, "name": "Aiko",
            "phone_number": null, "status": "active", "type": "individual" },
        "spending_controls": {
            "blocked_categories": ["betting_casino_gambling"],
            "spending_limits": [
                { "amount": 50_000, "interval": "per_authorization" },
                { "amount": 2_000_000, "interval": "daily" },
                { "amount": 8_000_000, "interval": "monthly" },
                { "amount": 1_500_000, "interval": "weekly", "categories": ["taxicabs_limousines"] },
            ],
        },
    }))
    .expect("a card");
    let holder: Cardholder = card.cardholder.clone();
    let now = 1_792_972_800;
    let categories = [
        "bakeries",
        "taxicabs_limousines",
        "eating_places_restaurants",
    ];
    let history: Vec<Spend> = (0..365 * 3)
        .map(|i| Spend {
            amount: 1_000 + (i % 7) * 250,
            category: categories[i as usize % 3].into(),
            at: now - 365 * DAY + i * DAY / 3,
        })
        .collect();
    let purchase = Purchase {
        amount: 2_500,
        category: "taxicabs_limousines".into(),
        country: Some("DE".into()),
        presence: CardPresence::NotPresent,
        at: now,
    };
    let started = Instant::now();
    let mut approved = 0;
    for _ in 0..ROUNDS {
        if decide(
            black_box(&card),
            &holder,
            black_box(&purchase),
            &history,
            &[],
        )
        .is_ok()
        {
            approved += 1;
        }
    }
    let each = started.elapsed().as_secs_f64() / ROUNDS as f64;
    println!(
        "decide: {:.1} µs per purchase against {} past purchases and 4 limits ({ROUNDS} rounds, {approved} approved)",
        each * 1e6,
        history.len()
    );
}
