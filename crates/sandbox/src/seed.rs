//! Deterministic seed data: connected accounts with Issuing programs in the US, the UK and the
//! euro area. Ids and timestamps are fixed so tests and screenshots are repeatable.

use std::collections::BTreeMap;

use issuing_model::{Account, BusinessProfile};

/// 2026-01-05T00:00:00Z: the seed's accounts are created on and after this day.
const SEED_EPOCH: i64 = 1_767_571_200;
const DAY: i64 = 86_400;

struct SeedAccount {
    id: &'static str,
    name: &'static str,
    country: &'static str,
    currency: &'static str,
    email: &'static str,
}

const ACCOUNTS: &[SeedAccount] = &[
    SeedAccount {
        id: "acct_1SbxUSNorthwnd",
        name: "Northwind Field Services",
        country: "US",
        currency: "usd",
        email: "ops@northwind.example",
    },
    SeedAccount {
        id: "acct_1SbxGBThamesCo",
        name: "Thames Courier Co.",
        country: "GB",
        currency: "gbp",
        email: "finance@thames-courier.example",
    },
    SeedAccount {
        id: "acct_1SbxDESakuraLg",
        name: "Sakura Logistik GmbH",
        country: "DE",
        currency: "eur",
        email: "buchhaltung@sakura-logistik.example",
    },
    SeedAccount {
        id: "acct_1SbxUSFleetHub",
        name: "FleetHub Mobility",
        country: "US",
        currency: "usd",
        email: "cards@fleethub.example",
    },
];

/// The connected accounts, newest first.
pub fn accounts() -> Vec<Account> {
    let mut accounts: Vec<Account> = ACCOUNTS
        .iter()
        .enumerate()
        .map(|(i, a)| Account {
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
            created: Some(SEED_EPOCH + i as i64 * DAY),
            default_currency: Some(a.currency.to_owned()),
            email: Some(a.email.to_owned()),
            metadata: BTreeMap::new(),
        })
        .collect();
    accounts.sort_by_key(|a| std::cmp::Reverse(a.created));
    accounts
}
