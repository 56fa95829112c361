//! Deterministic seed data: connected accounts with Issuing programs in the US, the UK and the
//! euro area, their cardholders (some Japanese) and cards in every status and type with varied
//! spending controls, plus one large account to measure with. Ids and timestamps come from a
//! fixed generator, so every start gives the same sandbox.

use std::collections::BTreeMap;

use issuing_model::{
    Account, Address, Billing, BusinessProfile, CancellationReason, CardPresence, CardStatus,
    CardType, Cardholder, CardholderStatus, CardholderType, Category, Individual, IssuingCard,
    ReplacementReason, Requirements, Shipping, ShippingService, ShippingStatus, SpendingControls,
    SpendingInterval, SpendingLimit, WalletStatus, Wallets,
};

use crate::rng::Rng;
use crate::shipping::carrier_in;

/// 2026-01-05T00:00:00Z: the seed's accounts are created on and after this day.
const SEED_EPOCH: i64 = 1_767_571_200;
const DAY: i64 = 86_400;
/// The default size of the large account.
pub const DEFAULT_LARGE_ACCOUNT_CARDS: usize = 10_000;

/// The large account's id (used by benchmarks and tests that need many cards).
pub const LARGE_ACCOUNT: &str = "acct_1SbxUSFleetHub";

struct SeedAccount {
    id: &'static str,
    name: &'static str,
    country: &'static str,
    currency: &'static str,
    email: &'static str,
    city: (&'static str, &'static str, &'static str),
    people: &'static [&'static str],
    /// `None`: the large account's size, from the configuration.
    cards: Option<usize>,
}

/// The seeded accounts tests use by name.
pub const US_ACCOUNT: &str = "acct_1SbxUSNorthwnd";
pub const UK_ACCOUNT: &str = "acct_1SbxGBThamesCo";
pub const EURO_ACCOUNT: &str = "acct_1SbxDESakuraLg";

const ACCOUNTS: &[SeedAccount] = &[
    SeedAccount {
        id: US_ACCOUNT,
        name: "Northwind Field Services",
        country: "US",
        currency: "usd",
        email: "ops@northwind.example",
        city: ("Portland", "OR", "97204"),
        people: &[
            "Olivia Johnson",
            "Liam Smith",
            "Emma Williams",
            "Noah Brown",
            "Ava Jones",
            "Mason Garcia",
            "Sophia Miller",
            "Haruto Sato",
            "Isabella Rodriguez",
            "Yui Suzuki",
        ],
        cards: Some(36),
    },
    SeedAccount {
        id: UK_ACCOUNT,
        name: "Thames Courier Co.",
        country: "GB",
        currency: "gbp",
        email: "finance@thames-courier.example",
        city: ("London", "", "SE1 9SG"),
        people: &[
            "Oliver Taylor",
            "Amelia Evans",
            "George Thomas",
            "Isla Roberts",
            "Harry Walker",
            "Emily Wright",
            "Ren Nakamura",
        ],
        cards: Some(24),
    },
    SeedAccount {
        id: EURO_ACCOUNT,
        name: "Sakura Logistik GmbH",
        country: "DE",
        currency: "eur",
        email: "buchhaltung@sakura-logistik.example",
        city: ("Düsseldorf", "", "40213"),
        people: &[
            "田中 美咲",
            "渡辺 健二",
            "Yuki Yamamoto",
            "伊藤 浩",
            "Lukas Müller",
            "Anna Schmidt",
            "Felix Schneider",
            "小林 さくら",
            "Lea Fischer",
        ],
        cards: Some(30),
    },
    SeedAccount {
        id: LARGE_ACCOUNT,
        name: "FleetHub Mobility",
        country: "US",
        currency: "usd",
        email: "cards@fleethub.example",
        city: ("Austin", "TX", "78701"),
        people: &[],
        cards: None,
    },
];

const FIRST_NAMES: &[&str] = &[
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "Takumi",
    "Aoi",
    "Sota",
    "Hina",
    "Carlos",
    "Lucia",
    "Wei",
    "Priya",
    "Omar",
    "Zoe",
];
const LAST_NAMES: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Tanaka",
    "Takahashi",
    "Kato",
    "Nguyen",
    "Patel",
    "Kim",
    "Lopez",
    "Clark",
    "Lewis",
    "Young",
    "Hall",
    "Allen",
];

/// The seeded objects, as plain data: the store indexes them (`state.rs`).
pub struct Seed {
    pub accounts: Vec<Account>,
    /// Each account's cardholders and cards.
    pub issuing: BTreeMap<String, (Vec<Cardholder>, Vec<IssuingCard>)>,
}

/// Everything, with the large account holding `large_account_cards` cards.
pub fn seed(large_account_cards: usize) -> Seed {
    let mut accounts = Vec::new();
    let mut issuing = BTreeMap::new();
    for (i, a) in ACCOUNTS.iter().enumerate() {
        let created = SEED_EPOCH + i as i64 * DAY;
        accounts.push(account(a, created));
        let mut rng = Rng::new(0x5EED_0000 + i as u64);
        let card_count = a.cards.unwrap_or(large_account_cards);
        let people: Vec<String> = if a.people.is_empty() {
            (0..(card_count / 40).clamp(20, 400))
                .map(|_| format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)))
                .collect()
        } else {
            a.people.iter().map(|p| p.to_string()).collect()
        };
        let cardholders: Vec<Cardholder> = people
            .iter()
            .enumerate()
            .map(|(n, name)| cardholder(&mut rng, a, name, created + DAY + n as i64 * 3_600))
            .collect();
        let cards = cards(&mut rng, a, &cardholders, card_count, created + 2 * DAY);
        issuing.insert(a.id.to_owned(), (cardholders, cards));
    }
    accounts.sort_by_key(|a| std::cmp::Reverse(a.created));
    Seed { accounts, issuing }
}

fn account(a: &SeedAccount, created: i64) -> Account {
    Account {
        id: a.id.to_owned(),
        object: "account".to_owned(),
        business_profile: Some(BusinessProfile {
            name: Some(a.name.to_owned()),
            url: None,
            support_email: Some(a.email.to_owned()),
        }),
        capabilities: BTreeMap::from([
            ("card_issuing".to_owned(), "active".to_owned()),
            ("card_payments".to_owned(), "active".to_owned()),
            ("transfers".to_owned(), "active".to_owned()),
        ]),
        charges_enabled: true,
        country: Some(a.country.to_owned()),
        created: Some(created),
        default_currency: Some(a.currency.to_owned()),
        email: Some(a.email.to_owned()),
        metadata: BTreeMap::new(),
    }
}

fn cardholder(rng: &mut Rng, a: &SeedAccount, name: &str, created: i64) -> Cardholder {
    let local: String = name
        .split_whitespace()
        .last()
        .unwrap_or("holder")
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_lowercase();
    let local = if local.is_empty() {
        format!("holder{}", rng.below(10_000))
    } else {
        local
    };
    let domain = a.email.split('@').nth(1).unwrap_or("example.com");
    Cardholder {
        id: rng.id("ich_1Sbx"),
        object: "issuing.cardholder".to_owned(),
        billing: Billing {
            address: Address {
                city: Some(a.city.0.to_owned()),
                country: Some(a.country.to_owned()),
                line1: Some(format!("{} Market Street", 1 + rng.below(900))),
                line2: None,
                postal_code: Some(a.city.2.to_owned()),
                state: (!a.city.1.is_empty()).then(|| a.city.1.to_owned()),
            },
        },
        company: None,
        created,
        individual: Some(legal_name(name)),
        preferred_locales: None,
        requirements: Requirements {
            disabled_reason: None,
            past_due: Some(Vec::new()),
        },
        email: Some(format!("{local}.{}@{domain}", rng.below(100))),
        livemode: false,
        metadata: BTreeMap::new(),
        name: name.to_owned(),
        phone_number: Some(phone_number(a.country, created)),
        spending_controls: None,
        status: if rng.chance(0.05) {
            CardholderStatus::Inactive
        } else {
            CardholderStatus::Active
        },
        kind: CardholderType::Individual,
    }
}

/// An individual's legal name in Latin letters, as Stripe wants it, whatever script their
/// name on the card is in.
fn legal_name(name: &str) -> Individual {
    let (first, last) = match name {
        "田中 美咲" => ("Misaki", "Tanaka"),
        "渡辺 健二" => ("Kenji", "Watanabe"),
        "伊藤 浩" => ("Hiroshi", "Ito"),
        "小林 さくら" => ("Sakura", "Kobayashi"),
        _ => name.split_once(' ').unwrap_or((name, name)),
    };
    Individual {
        first_name: Some(first.to_owned()),
        last_name: Some(last.to_owned()),
        ..Individual::default()
    }
}

/// Card `n`'s spending controls: a rotation of the shapes operators actually use.
fn controls(n: usize, a: &SeedAccount) -> SpendingControls {
    let major = 100; // usd, gbp and eur all have two decimals
    let limit = |amount: i64, interval: SpendingInterval, categories: Option<Vec<Category>>| {
        SpendingLimit {
            amount: amount * major,
            interval,
            categories,
        }
    };
    let cats = |names: &[&str]| Some(names.iter().map(|c| Category::from(*c)).collect::<Vec<_>>());
    let mut c = SpendingControls {
        spending_limits_currency: Some(a.currency.to_owned()),
        spending_limits: Some(vec![]),
        ..SpendingControls::default()
    };
    match n % 6 {
        0 => {}
        1 => c.spending_limits = Some(vec![limit(500, SpendingInterval::Daily, None)]),
        2 => {
            c.spending_limits = Some(vec![
                limit(250, SpendingInterval::PerAuthorization, None),
                limit(2_000, SpendingInterval::Monthly, None),
            ])
        }
        3 => {
            c.blocked_categories = cats(&[
                "betting_casino_gambling",
                "government_licensed_online_casions_online_gambling_us_region_only",
            ]);
            c.spending_limits = Some(vec![limit(1_000, SpendingInterval::Weekly, None)]);
        }
        4 => {
            c.allowed_categories = cats(&[
                "eating_places_restaurants",
                "fast_food_restaurants",
                "taxicabs_limousines",
                "hotels_motels_and_resorts",
            ]);
            c.spending_limits = Some(vec![limit(
                150,
                SpendingInterval::Daily,
                cats(&["eating_places_restaurants", "fast_food_restaurants"]),
            )]);
        }
        _ => {
            c.allowed_merchant_countries = Some(vec![a.country.to_owned()]);
            c.blocked_card_presences = Some(vec![CardPresence::NotPresent]);
            c.spending_limits = Some(vec![limit(10_000, SpendingInterval::Yearly, None)]);
        }
    }
    c
}

fn cards(
    rng: &mut Rng,
    a: &SeedAccount,
    cardholders: &[Cardholder],
    count: usize,
    first_created: i64,
) -> Vec<IssuingCard> {
    // Spread over most of 2026 for the large account (ending in October, so no card is dated
    // after today), five hours apart for the small ones.
    let step = if count > 1_000 { 2_500 } else { 3_600 * 5 };
    let mut cards: Vec<IssuingCard> = Vec::with_capacity(count);
    for n in 0..count {
        // The first six cards cover every status and type combination.
        let status = match n {
            0 | 3 => CardStatus::Active,
            1 | 4 => CardStatus::Inactive,
            2 | 5 => CardStatus::Canceled,
            _ => match rng.below(10) {
                0..=6 => CardStatus::Active,
                7 | 8 => CardStatus::Inactive,
                _ => CardStatus::Canceled,
            },
        };
        let kind = if n < 6 {
            if n < 3 {
                CardType::Virtual
            } else {
                CardType::Physical
            }
        } else if rng.chance(0.6) {
            CardType::Virtual
        } else {
            CardType::Physical
        };
        let cancellation_reason = (status == CardStatus::Canceled).then(|| {
            rng.pick(&[
                CancellationReason::Lost,
                CancellationReason::Stolen,
                CancellationReason::Lost,
                CancellationReason::DesignRejected,
            ])
            .clone()
        });
        let holder = if n < cardholders.len() {
            &cardholders[n]
        } else {
            rng.pick(cardholders)
        };
        let physical = kind == CardType::Physical;
        let card = IssuingCard {
            id: rng.id("ic_1Sbx"),
            object: "issuing.card".to_owned(),
            brand: if rng.chance(0.8) {
                "Visa"
            } else {
                "MasterCard"
            }
            .to_owned(),
            cancellation_reason,
            cardholder: holder.clone(),
            created: first_created + n as i64 * step,
            currency: a.currency.to_owned(),
            exp_month: 1 + rng.below(12) as u8,
            exp_year: 2027 + rng.below(5) as u16,
            last4: format!("{:04}", rng.below(10_000)),
            livemode: false,
            metadata: if n % 4 == 0 {
                BTreeMap::from([("cost_center".to_owned(), format!("CC-{}", 100 + n % 7))])
            } else {
                BTreeMap::new()
            },
            replaced_by: None,
            replacement_for: None,
            replacement_reason: None,
            shipping: physical.then(|| shipping(holder, a)),
            spending_controls: controls(n, a),
            status,
            kind,
            wallets: Some(Wallets {
                apple_pay: Some(WalletStatus {
                    eligible: true,
                    ineligible_reason: None,
                }),
                google_pay: Some(WalletStatus {
                    eligible: true,
                    ineligible_reason: None,
                }),
                primary_account_identifier: None,
            }),
        };
        // A lost or stolen card is replaced by a new one for the same person.
        let replace = matches!(
            card.cancellation_reason,
            Some(CancellationReason::Lost | CancellationReason::Stolen)
        ) && n + 1 < count
            && n % 3 == 2;
        let replaced_id = card.id.clone();
        cards.push(card);
        if replace {
            let mut new = cards.last().expect("just pushed").clone();
            new.id = rng.id("ic_1Sbx");
            new.created += step / 2;
            new.status = CardStatus::Active;
            new.cancellation_reason = None;
            new.last4 = format!("{:04}", rng.below(10_000));
            new.exp_year = new.exp_year.saturating_add(1).min(2032);
            new.replacement_for = Some(replaced_id.clone());
            new.replacement_reason = Some(
                match cards.last().and_then(|c| c.cancellation_reason.clone()) {
                    Some(CancellationReason::Stolen) => ReplacementReason::Stolen,
                    _ => ReplacementReason::Lost,
                },
            );
            cards.last_mut().expect("just pushed").replaced_by = Some(new.id.clone());
            cards.push(new);
        }
        if cards.len() >= count {
            break;
        }
    }
    cards
}

/// A made-up number in the account's country, from the cardholder's creation time (so the seed's
/// random sequence, and every id after it, stays as it was).
fn phone_number(country: &str, created: i64) -> String {
    let prefix = match country {
        "GB" => "+44207",
        "US" => "+1415",
        _ => "+4930",
    };
    format!("{prefix}{:07}", created.rem_euclid(10_000_000))
}

/// Delivered long ago: no tracking left to show, as Stripe's delivered shipments have none.
fn shipping(holder: &Cardholder, a: &SeedAccount) -> Shipping {
    Shipping {
        status: Some(ShippingStatus::Delivered),
        carrier: Some(carrier_in(a.country).to_owned()),
        phone_number: holder.phone_number.clone(),
        ..Shipping::pending(
            holder.name.clone(),
            holder.billing.address.clone(),
            ShippingService::Standard,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_in_the_seed_is_dated_after_today() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let seed = seed(DEFAULT_LARGE_ACCOUNT_CARDS);
        for (account, (cardholders, cards)) in &seed.issuing {
            let newest = cards.iter().map(|c| c.created).max().unwrap();
            assert!(
                newest < now,
                "{account} has a card created at {newest}, after now ({now})"
            );
            assert!(cardholders.iter().all(|h| h.created < now), "{account}");
        }
        assert!(seed
            .accounts
            .iter()
            .all(|a| a.created.is_some_and(|c| c < now)));
    }
}
