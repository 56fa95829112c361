//! Sixty days of believable use on the seeded cards, so every page has something real to show:
//! everyday purchases in the account's country and some abroad, each decided by the same rules
//! as a live one (so the seed's controls produce real declines), then mostly captured, a few
//! reversed, left pending or expired, and some refunds. Deterministic, dated before the seed
//! ends (late October 2026), and light enough to build at every start.

use issuing_model::{AuthorizationMethod, CardStatus, Category, MerchantData};

use crate::ledger::{self, Attempt};
use crate::rng::Rng;
use crate::state::AccountIssuing;

const DAY: i64 = 86_400;
/// 2026-10-26T00:00:00Z: the history ends the day before.
const HISTORY_END: i64 = 1_792_972_800;
const DAYS: i64 = 60;
/// The large account keeps its start-up quick: only its newest cards get a history.
const MAX_CARDS: usize = 60;

/// A kind of purchase people make: its category, amount range in major units, how they pay,
/// and shop names.
struct Kind(
    &'static str,
    (i64, i64),
    AuthorizationMethod,
    &'static [&'static str],
);

const PURCHASES: &[Kind] = &[
    Kind(
        "eating_places_restaurants",
        (12, 90),
        AuthorizationMethod::Chip,
        &["Trattoria Roma", "Sakura Dining", "The Riverside Grill"],
    ),
    Kind(
        "fast_food_restaurants",
        (5, 20),
        AuthorizationMethod::Contactless,
        &["Burger Corner", "Noodle Bar 88"],
    ),
    Kind(
        "taxicabs_limousines",
        (9, 60),
        AuthorizationMethod::Online,
        &["City Cabs", "Metro Taxi"],
    ),
    Kind(
        "hotels_motels_and_resorts",
        (90, 420),
        AuthorizationMethod::KeyedIn,
        &["Hotel Central", "Harbour Inn"],
    ),
    Kind(
        "grocery_stores_supermarkets",
        (8, 120),
        AuthorizationMethod::Contactless,
        &["FreshMart", "Green Grocer"],
    ),
    Kind(
        "service_stations",
        (30, 95),
        AuthorizationMethod::Chip,
        &["Fuel Stop", "Autohof Nord"],
    ),
    Kind(
        "airlines_air_carriers",
        (120, 900),
        AuthorizationMethod::Online,
        &["SkyLine Air", "EuroWings Travel"],
    ),
    Kind(
        "computer_software_stores",
        (9, 240),
        AuthorizationMethod::Online,
        &["CloudSoft", "DevTools Store"],
    ),
    Kind(
        "bakeries",
        (3, 15),
        AuthorizationMethod::Contactless,
        &["Bäckerei Schmidt", "Le Petit Four"],
    ),
    Kind(
        "betting_casino_gambling",
        (20, 100),
        AuthorizationMethod::Online,
        &["Lucky Spin Online"],
    ),
];

/// Abroad: another country, its currency and a fixed rate to the card's (units per card unit).
const ABROAD: &[(&str, &str)] = &[
    ("FR", "eur"),
    ("US", "usd"),
    ("GB", "gbp"),
    ("JP", "jpy"),
    ("NL", "eur"),
];

fn rate(from: &str, to: &str) -> f64 {
    let in_usd = |c: &str| match c {
        "eur" => 1.08,
        "gbp" => 1.27,
        "jpy" => 0.0067,
        _ => 1.0,
    };
    in_usd(from) / in_usd(to)
}

/// The minor units of one major unit.
fn minor(currency: &str) -> i64 {
    if currency == "jpy" {
        1
    } else {
        100
    }
}

/// Adds the history to one account's cards (`seed` picks the random sequence).
pub fn add(issuing: &mut AccountIssuing, country: &str, seed: u64) {
    let mut rng = Rng::new(seed);
    let start = HISTORY_END - DAYS * DAY;
    let mut attempts = Vec::new();
    for card in issuing.cards.iter().take(MAX_CARDS) {
        // Active cards are used; an inactive or canceled one now and then still is tried.
        let per_day = match card.status {
            CardStatus::Active => 0.5,
            _ => 0.03,
        };
        for day in 0..DAYS {
            let day_start = start + day * DAY;
            if day_start < card.created || !rng.chance(per_day) {
                continue;
            }
            // Gambling is rare; everything else alike.
            let Kind(category, (low, high), method, names) = loop {
                let p = rng.pick(PURCHASES);
                if p.0 != "betting_casino_gambling" || rng.chance(0.15) {
                    break p;
                }
            };
            let abroad = rng.chance(0.15);
            let (merchant_country, merchant_currency) = if abroad {
                let (c, cur) = *rng.pick(ABROAD);
                (c.to_owned(), cur.to_owned())
            } else {
                (country.to_owned(), card.currency.clone())
            };
            let major = low + rng.below((high - low + 1) as u64) as i64;
            let cents = rng.below(100) as i64;
            let amount =
                major * minor(&card.currency) + cents * i64::from(minor(&card.currency) > 1);
            let merchant_amount = if merchant_currency == card.currency {
                amount
            } else {
                let converted = amount as f64 / minor(&card.currency) as f64
                    * rate(&card.currency, &merchant_currency);
                ((converted * minor(&merchant_currency) as f64).round() as i64).max(1)
            };
            let category = Category::from(*category);
            let at = day_start + 7 * 3_600 + rng.below(14 * 3_600) as i64;
            attempts.push(Attempt {
                card: card.id.clone(),
                amount,
                merchant_amount,
                merchant_currency,
                merchant_data: MerchantData {
                    category_code: category.mcc().unwrap_or("5399").to_owned(),
                    category,
                    city: None,
                    country: Some(merchant_country),
                    name: Some(rng.pick(names).to_string()),
                    network_id: "1234567890".to_owned(),
                    postal_code: None,
                    state: None,
                    tax_id: None,
                    terminal_id: None,
                    url: None,
                },
                method: method.clone(),
                wallet: None,
                at,
                id: rng.id("iauth_1Sbx"),
            });
        }
    }
    // In time order, so each decision sees the spend before it, as Stripe's did.
    attempts.sort_by_key(|a| a.at);
    for attempt in attempts {
        let at = attempt.at;
        let Some(auth) = ledger::authorize(issuing, attempt) else {
            continue;
        };
        if !auth.approved {
            continue;
        }
        let roll = rng.below(100);
        let recent = HISTORY_END - at < 3 * DAY;
        let settled_at = at + 3_600 * (2 + rng.below(30) as i64);
        match roll {
            // The hotel or taxi hold released instead of charged.
            0..=4 => {
                let _ = ledger::reverse(issuing, &auth.id, None);
            }
            // Never settled: expired after a week, or still pending if it is recent.
            5..=7 if !recent => {
                let _ = ledger::expire(issuing, &auth.id);
            }
            5..=7 => {}
            _ if recent && roll < 40 => {}
            _ => {
                let id = rng.id("ipi_1Sbx");
                if let Ok(Some((_, capture))) =
                    ledger::capture(issuing, &auth.id, None, true, settled_at, id)
                {
                    if rng.chance(0.04) {
                        let part = (-capture.amount / 2).max(1);
                        let id = rng.id("ipi_1Sbx");
                        let _ = ledger::refund(
                            issuing,
                            &capture.id,
                            Some(part),
                            settled_at + 2 * DAY,
                            id,
                        );
                    }
                }
            }
        }
    }
    issuing.sort_purchases_newest_first();
}
