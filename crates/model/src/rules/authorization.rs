//! Whether Stripe approves a purchase on a card, and why not: one implementation for the sandbox
//! (which answers as Stripe), the panel's simulator and its what-if of a draft.
//!
//! The order is Stripe's: the card's status (and expiry), the cardholder's status, then the
//! card's spending controls and the cardholder's — categories, merchant countries, card
//! presences, and every spending limit. A limit over an interval sums the approved spend in that
//! interval (a category-scoped limit only its categories'); the interval starts on UTC calendar
//! boundaries (day, Monday, the 1st, January 1st): Stripe's docs do not say, so this is our
//! assumption (`docs/sandbox.md`).

use std::fmt;

use crate::dates::{civil_from_days, days_from_civil};
use crate::money::format_amount;
use crate::{
    CardPresence, CardStatus, Cardholder, CardholderStatus, Category, IssuingCard,
    SpendingControls, SpendingInterval, SpendingLimit,
};

/// What is being bought: `amount` is in the card's currency, as Stripe's authorization
/// `amount` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purchase {
    pub amount: i64,
    pub category: Category,
    /// ISO 3166-1 alpha-2, where the merchant's country is known.
    pub country: Option<String>,
    pub presence: CardPresence,
    /// Unix seconds.
    pub at: i64,
}

/// Spend already approved: what counts against a limit. For the card's limits, the spend of the
/// card and the cards it replaced; for the cardholder's, that of all their cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spend {
    pub amount: i64,
    pub category: Category,
    pub at: i64,
}

/// Stripe's `request_history[].reason` for a decline made by these rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeclineReason {
    CardInactive,
    CardCanceled,
    CardExpired,
    CardholderInactive,
    CardholderBlocked,
    SpendingControls,
}

impl DeclineReason {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CardInactive => "card_inactive",
            Self::CardCanceled => "card_canceled",
            Self::CardExpired => "card_expired",
            Self::CardholderInactive => "cardholder_inactive",
            Self::CardholderBlocked => "cardholder_blocked",
            Self::SpendingControls => "spending_controls",
        }
    }
}

/// Whose spending controls declined it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Card,
    Cardholder,
}

/// The control a purchase broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Broken {
    CategoryNotAllowed(Category),
    CategoryBlocked(Category),
    /// `None`: the merchant's country is not known, so it is not among the allowed ones.
    CountryNotAllowed(Option<String>),
    CountryBlocked(String),
    PresenceNotAllowed(CardPresence),
    PresenceBlocked(CardPresence),
    /// Over `limit`, with `spent` already counted in its interval.
    OverLimit {
        limit: SpendingLimit,
        currency: String,
        spent: i64,
    },
}

/// A declined purchase: Stripe's reason, and for `spending_controls` the control at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decline {
    pub reason: DeclineReason,
    pub control: Option<(Owner, Broken)>,
}

impl Decline {
    fn status(reason: DeclineReason) -> Self {
        Self {
            reason,
            control: None,
        }
    }

    fn control(owner: Owner, broken: Broken) -> Self {
        Self {
            reason: DeclineReason::SpendingControls,
            control: Some((owner, broken)),
        }
    }
}

/// Stripe's decision on `purchase`, given the spend already approved (`card_spend` across the
/// card's replacement chain, `cardholder_spend` across all the cardholder's cards).
pub fn decide(
    card: &IssuingCard,
    cardholder: &Cardholder,
    purchase: &Purchase,
    card_spend: &[Spend],
    cardholder_spend: &[Spend],
) -> Result<(), Decline> {
    match card.status {
        CardStatus::Inactive => return Err(Decline::status(DeclineReason::CardInactive)),
        CardStatus::Canceled => return Err(Decline::status(DeclineReason::CardCanceled)),
        _ => {}
    }
    if expired(card, purchase.at) {
        return Err(Decline::status(DeclineReason::CardExpired));
    }
    match cardholder.status {
        CardholderStatus::Inactive => {
            return Err(Decline::status(DeclineReason::CardholderInactive))
        }
        CardholderStatus::Blocked => return Err(Decline::status(DeclineReason::CardholderBlocked)),
        _ => {}
    }
    let card_currency = card
        .spending_controls
        .spending_limits_currency
        .clone()
        .unwrap_or_else(|| card.currency.clone());
    check_controls(
        &card.spending_controls,
        &card_currency,
        purchase,
        card_spend,
    )
    .map_err(|b| Decline::control(Owner::Card, b))?;
    if let Some(controls) = &cardholder.spending_controls {
        // Amounts in another currency would need Stripe's exchange rate: such limits are not
        // applied here (our assumption; the seed's cardholders spend in their card's currency).
        let currency = controls
            .spending_limits_currency
            .clone()
            .unwrap_or_else(|| card.currency.clone());
        let comparable = currency.eq_ignore_ascii_case(&card.currency);
        let mut usable = controls.clone();
        if !comparable {
            usable.spending_limits = None;
        }
        check_controls(&usable, &currency, purchase, cardholder_spend)
            .map_err(|b| Decline::control(Owner::Cardholder, b))?;
    }
    Ok(())
}

/// A card is good through the last second of its expiry month (UTC).
fn expired(card: &IssuingCard, at: i64) -> bool {
    let (year, month) = (i64::from(card.exp_year), u32::from(card.exp_month));
    if !(1..=12).contains(&month) {
        return false;
    }
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    at >= days_from_civil(next_year, next_month, 1) * DAY
}

fn check_controls(
    controls: &SpendingControls,
    currency: &str,
    purchase: &Purchase,
    spend: &[Spend],
) -> Result<(), Broken> {
    let category = &purchase.category;
    if let Some(allowed) = non_empty(&controls.allowed_categories) {
        if !allowed.contains(category) {
            return Err(Broken::CategoryNotAllowed(category.clone()));
        }
    }
    if SpendingControls::list(&controls.blocked_categories).contains(category) {
        return Err(Broken::CategoryBlocked(category.clone()));
    }
    let country = purchase.country.as_deref();
    if let Some(allowed) = non_empty(&controls.allowed_merchant_countries) {
        if !country.is_some_and(|c| allowed.iter().any(|a| a.eq_ignore_ascii_case(c))) {
            return Err(Broken::CountryNotAllowed(purchase.country.clone()));
        }
    }
    if let Some(c) = country {
        if SpendingControls::list(&controls.blocked_merchant_countries)
            .iter()
            .any(|b| b.eq_ignore_ascii_case(c))
        {
            return Err(Broken::CountryBlocked(c.to_owned()));
        }
    }
    if let Some(allowed) = non_empty(&controls.allowed_card_presences) {
        if !allowed.contains(&purchase.presence) {
            return Err(Broken::PresenceNotAllowed(purchase.presence.clone()));
        }
    }
    if SpendingControls::list(&controls.blocked_card_presences).contains(&purchase.presence) {
        return Err(Broken::PresenceBlocked(purchase.presence.clone()));
    }
    for limit in controls.limits() {
        if !applies(limit, category) {
            continue;
        }
        let spent = spent_against(limit, spend, purchase.at);
        if spent + purchase.amount > limit.amount {
            return Err(Broken::OverLimit {
                limit: limit.clone(),
                currency: currency.to_owned(),
                spent,
            });
        }
    }
    Ok(())
}

fn non_empty<T>(list: &Option<Vec<T>>) -> Option<&[T]> {
    list.as_deref().filter(|l| !l.is_empty())
}

/// Whether `limit` counts a purchase in `category`.
pub fn applies(limit: &SpendingLimit, category: &Category) -> bool {
    non_empty(&limit.categories).is_none_or(|cats| cats.contains(category))
}

/// What `spend` already counts against `limit` at `at`: the approved spend in its interval (in
/// its categories, if it names any). Nothing for `per_authorization`, which looks at one purchase.
pub fn spent_against(limit: &SpendingLimit, spend: &[Spend], at: i64) -> i64 {
    let Some(start) = interval_start(&limit.interval, at) else {
        return 0;
    };
    spend
        .iter()
        .filter(|s| s.at >= start && s.at <= at && applies(limit, &s.category))
        .map(|s| s.amount)
        .sum()
}

const DAY: i64 = 86_400;

/// When the interval holding `at` began (UTC calendar boundaries); `None` for
/// `per_authorization` (and an interval Stripe adds later, which is not counted).
pub fn interval_start(interval: &SpendingInterval, at: i64) -> Option<i64> {
    let days = at.div_euclid(DAY);
    let (year, month, _) = civil_from_days(days);
    Some(match interval {
        SpendingInterval::Daily => days * DAY,
        // 1970-01-01 was a Thursday: Monday is three days before.
        SpendingInterval::Weekly => (days - (days + 3).rem_euclid(7)) * DAY,
        SpendingInterval::Monthly => days_from_civil(year, month, 1) * DAY,
        SpendingInterval::Yearly => days_from_civil(year, 1, 1) * DAY,
        SpendingInterval::AllTime => i64::MIN,
        _ => return None,
    })
}

impl fmt::Display for Decline {
    /// Stripe's `reason_message`, in its English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((owner, broken)) = &self.control else {
            return f.write_str(match self.reason {
                DeclineReason::CardInactive => "The card is inactive.",
                DeclineReason::CardCanceled => "The card is canceled.",
                DeclineReason::CardExpired => "The card has expired.",
                DeclineReason::CardholderInactive => "The cardholder is inactive.",
                DeclineReason::CardholderBlocked => "The cardholder is blocked.",
                DeclineReason::SpendingControls => "A spending control declined it.",
            });
        };
        let whose = match owner {
            Owner::Card => "card",
            Owner::Cardholder => "cardholder",
        };
        match broken {
            Broken::CategoryNotAllowed(c) => {
                write!(
                    f,
                    "The merchant category {} is not allowed on this {whose}.",
                    c.as_str()
                )
            }
            Broken::CategoryBlocked(c) => {
                write!(
                    f,
                    "The merchant category {} is blocked on this {whose}.",
                    c.as_str()
                )
            }
            Broken::CountryNotAllowed(Some(c)) => {
                write!(f, "Merchants in {c} are not allowed on this {whose}.")
            }
            Broken::CountryNotAllowed(None) => write!(
                f,
                "The merchant's country is unknown, and this {whose} allows only some countries."
            ),
            Broken::CountryBlocked(c) => write!(f, "Merchants in {c} are blocked on this {whose}."),
            Broken::PresenceNotAllowed(p) | Broken::PresenceBlocked(p) => {
                write!(
                    f,
                    "Card-{} purchases are not allowed on this {whose}.",
                    p.as_str().replace('_', " ")
                )
            }
            Broken::OverLimit {
                limit,
                currency,
                spent,
            } => {
                let amount = format_amount(limit.amount, currency);
                match limit.interval {
                    SpendingInterval::PerAuthorization => write!(
                        f,
                        "The amount is over this {whose}'s limit of {amount} per authorization."
                    ),
                    ref interval => write!(
                        f,
                        "The {whose}'s {} spending limit of {amount} would be exceeded ({} spent).",
                        interval.as_str().replace('_', " "),
                        format_amount(*spent, currency)
                    ),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_iso_date;

    /// 2026-11-18 (a Wednesday) at 15:00 UTC.
    fn at(date: &str, hour: i64) -> i64 {
        parse_iso_date(date).unwrap() + hour * 3_600
    }

    fn card(controls: SpendingControls) -> IssuingCard {
        serde_json::from_value(serde_json::json!({
            "id": "ic_1", "brand": "Visa", "cancellation_reason": null, "created": 1,
            "currency": "eur", "exp_month": 12, "exp_year": 2027, "last4": "4242",
            "replaced_by": null, "replacement_for": null, "replacement_reason": null,
            "status": "active", "type": "virtual",
            "cardholder": { "id": "ich_1", "created": 1, "email": null, "name": "Aiko",
                "phone_number": null, "status": "active", "type": "individual" },
            "spending_controls": controls,
        }))
        .unwrap()
    }

    fn holder(card: &IssuingCard) -> Cardholder {
        card.cardholder.clone()
    }

    fn purchase(amount: i64, category: &str, at: i64) -> Purchase {
        Purchase {
            amount,
            category: category.into(),
            country: Some("DE".into()),
            presence: CardPresence::NotPresent,
            at,
        }
    }

    fn spend(amount: i64, category: &str, at: i64) -> Spend {
        Spend {
            amount,
            category: category.into(),
            at,
        }
    }

    fn limit(
        amount: i64,
        interval: SpendingInterval,
        categories: Option<&[&str]>,
    ) -> SpendingLimit {
        SpendingLimit {
            amount,
            interval,
            categories: categories.map(|c| c.iter().map(|&s| s.into()).collect()),
        }
    }

    fn limited(limits: Vec<SpendingLimit>) -> IssuingCard {
        card(SpendingControls {
            spending_limits: Some(limits),
            ..Default::default()
        })
    }

    fn decide_on(card: &IssuingCard, p: &Purchase, spent: &[Spend]) -> Result<(), Decline> {
        decide(card, &holder(card), p, spent, &[])
    }

    #[test]
    fn an_authorization_counts_what_is_held_then_what_was_captured() {
        let auth = |approved: bool, status: &str, amount: i64, captured: &[i64]| {
            let transactions: Vec<serde_json::Value> = captured
                .iter()
                .map(|c| serde_json::json!({
                    "id": "ipi_1", "amount": -c, "authorization": "iauth_1", "card": "ic_1",
                    "cardholder": "ich_1", "created": 2, "currency": "eur", "merchant_amount": -c,
                    "merchant_currency": "eur", "type": "capture",
                    "merchant_data": { "category": "bakeries", "category_code": "5462", "city": null,
                        "country": "DE", "name": null, "network_id": "1" },
                }))
                .collect();
            let auth: crate::IssuingAuthorization = serde_json::from_value(serde_json::json!({
                "id": "iauth_1", "amount": amount, "approved": approved,
                "authorization_method": "online", "card": card(SpendingControls::default()),
                "card_presence": "not_present", "cardholder": "ich_1", "created": 1,
                "currency": "eur", "merchant_amount": amount, "merchant_currency": "eur",
                "merchant_data": { "category": "bakeries", "category_code": "5462", "city": null,
                    "country": "DE", "name": null, "network_id": "1" },
                "status": status, "transactions": transactions,
            }))
            .unwrap();
            auth.counted_spend()
        };
        assert_eq!(auth(true, "pending", 3_000, &[]), 3_000);
        assert_eq!(
            auth(true, "pending", 3_000, &[1_000]),
            3_000,
            "a partial capture, still held"
        );
        assert_eq!(auth(true, "closed", 3_000, &[2_500]), 2_500);
        assert_eq!(auth(true, "reversed", 0, &[]), 0);
        assert_eq!(auth(true, "expired", 3_000, &[]), 0);
        assert_eq!(auth(false, "closed", 3_000, &[]), 0);
    }

    #[test]
    fn intervals_start_on_utc_calendar_boundaries() {
        let now = at("2026-11-18", 15);
        let start = |i| interval_start(&i, now).unwrap();
        assert_eq!(start(SpendingInterval::Daily), at("2026-11-18", 0));
        assert_eq!(
            start(SpendingInterval::Weekly),
            at("2026-11-16", 0),
            "Monday"
        );
        assert_eq!(start(SpendingInterval::Monthly), at("2026-11-01", 0));
        assert_eq!(start(SpendingInterval::Yearly), at("2026-01-01", 0));
        assert_eq!(start(SpendingInterval::AllTime), i64::MIN);
        assert_eq!(
            interval_start(&SpendingInterval::PerAuthorization, now),
            None
        );
        // A Monday is the first day of its own week; a Sunday the last of the one before.
        assert_eq!(
            interval_start(&SpendingInterval::Weekly, at("2026-11-16", 0)),
            Some(at("2026-11-16", 0))
        );
        assert_eq!(
            interval_start(&SpendingInterval::Weekly, at("2026-11-22", 23)),
            Some(at("2026-11-16", 0))
        );
    }

    #[test]
    fn each_interval_counts_only_its_own_window_at_the_edges() {
        let now = at("2026-11-18", 15);
        let cases = [
            (
                SpendingInterval::Daily,
                at("2026-11-18", 0),
                at("2026-11-18", 0) - 1,
            ),
            (
                SpendingInterval::Weekly,
                at("2026-11-16", 0),
                at("2026-11-16", 0) - 1,
            ),
            (
                SpendingInterval::Monthly,
                at("2026-11-01", 0),
                at("2026-11-01", 0) - 1,
            ),
            (
                SpendingInterval::Yearly,
                at("2026-01-01", 0),
                at("2026-01-01", 0) - 1,
            ),
        ];
        for (interval, first_second, before) in cases {
            let card = limited(vec![limit(5_000, interval.clone(), None)]);
            let inside = [spend(3_000, "bakeries", first_second)];
            let outside = [spend(3_000, "bakeries", before)];
            let p = purchase(3_000, "bakeries", now);
            let declined = decide_on(&card, &p, &inside).unwrap_err();
            assert_eq!(
                declined.reason,
                DeclineReason::SpendingControls,
                "{interval:?}"
            );
            assert!(
                matches!(
                    &declined.control,
                    Some((Owner::Card, Broken::OverLimit { spent: 3_000, .. }))
                ),
                "{interval:?}: {declined:?}"
            );
            assert_eq!(
                decide_on(&card, &p, &outside),
                Ok(()),
                "{interval:?} before its window"
            );
        }
        let all_time = limited(vec![limit(5_000, SpendingInterval::AllTime, None)]);
        let long_ago = [spend(3_000, "bakeries", at("2020-01-01", 0))];
        assert!(decide_on(&all_time, &purchase(3_000, "bakeries", now), &long_ago).is_err());
        // Exactly at the limit passes; a unit more does not.
        let daily = limited(vec![limit(5_000, SpendingInterval::Daily, None)]);
        let today = [spend(2_000, "bakeries", at("2026-11-18", 1))];
        assert_eq!(
            decide_on(&daily, &purchase(3_000, "bakeries", now), &today),
            Ok(())
        );
        assert!(decide_on(&daily, &purchase(3_001, "bakeries", now), &today).is_err());
    }

    #[test]
    fn per_authorization_looks_at_the_purchase_alone() {
        let card = limited(vec![limit(1_000, SpendingInterval::PerAuthorization, None)]);
        let now = at("2026-11-18", 15);
        let lots = [spend(90_000, "bakeries", now - 60)];
        assert_eq!(
            decide_on(&card, &purchase(1_000, "bakeries", now), &lots),
            Ok(())
        );
        let over = decide_on(&card, &purchase(1_001, "bakeries", now), &[]).unwrap_err();
        assert_eq!(
            over.to_string(),
            "The amount is over this card's limit of €10.00 per authorization."
        );
    }

    #[test]
    fn a_category_scoped_limit_counts_and_applies_to_its_categories_only() {
        let card = limited(vec![limit(
            5_000,
            SpendingInterval::Daily,
            Some(&["taxicabs_limousines"]),
        )]);
        let now = at("2026-11-18", 15);
        let spent = [
            spend(4_000, "taxicabs_limousines", now - 60),
            spend(9_000, "bakeries", now - 60),
        ];
        assert_eq!(
            decide_on(&card, &purchase(1_000, "taxicabs_limousines", now), &spent),
            Ok(())
        );
        assert!(decide_on(&card, &purchase(1_001, "taxicabs_limousines", now), &spent).is_err());
        assert_eq!(
            decide_on(&card, &purchase(50_000, "bakeries", now), &spent),
            Ok(())
        );
        let message = decide_on(&card, &purchase(2_000, "taxicabs_limousines", now), &spent)
            .unwrap_err()
            .to_string();
        assert_eq!(
            message,
            "The card's daily spending limit of €50.00 would be exceeded (€40.00 spent)."
        );
    }

    #[test]
    fn statuses_come_first_in_stripes_order() {
        let now = at("2026-11-18", 15);
        let p = purchase(100, "bakeries", now);
        let mut c = limited(vec![limit(1, SpendingInterval::PerAuthorization, None)]);
        c.status = CardStatus::Inactive;
        assert_eq!(
            decide_on(&c, &p, &[]).unwrap_err().reason,
            DeclineReason::CardInactive
        );
        c.status = CardStatus::Canceled;
        assert_eq!(
            decide_on(&c, &p, &[]).unwrap_err().reason,
            DeclineReason::CardCanceled
        );
        c.status = CardStatus::Active;
        c.exp_year = 2026;
        c.exp_month = 10;
        assert_eq!(
            decide_on(&c, &p, &[]).unwrap_err().reason,
            DeclineReason::CardExpired
        );
        c.exp_month = 11;
        let mut h = holder(&c);
        h.status = CardholderStatus::Blocked;
        assert_eq!(
            decide(&c, &h, &p, &[], &[]).unwrap_err().reason,
            DeclineReason::CardholderBlocked
        );
        h.status = CardholderStatus::Inactive;
        assert_eq!(
            decide(&c, &h, &p, &[], &[]).unwrap_err().reason,
            DeclineReason::CardholderInactive
        );
        h.status = CardholderStatus::Active;
        // Good through the last second of November; the card's limit is next.
        assert_eq!(
            decide(&c, &h, &p, &[], &[]).unwrap_err().reason,
            DeclineReason::SpendingControls
        );
        assert_eq!(
            decide_on(&c, &purchase(100, "bakeries", at("2026-12-01", 0)), &[])
                .unwrap_err()
                .reason,
            DeclineReason::CardExpired
        );
    }

    #[test]
    fn every_list_control_declines_with_the_control_named() {
        let now = at("2026-11-18", 15);
        let p = purchase(100, "bakeries", now);
        let with = |controls: SpendingControls| decide_on(&card(controls), &p, &[]).unwrap_err();
        let cases = [
            (
                SpendingControls {
                    allowed_categories: Some(vec!["florists".into()]),
                    ..Default::default()
                },
                Broken::CategoryNotAllowed("bakeries".into()),
            ),
            (
                SpendingControls {
                    blocked_categories: Some(vec!["bakeries".into()]),
                    ..Default::default()
                },
                Broken::CategoryBlocked("bakeries".into()),
            ),
            (
                SpendingControls {
                    allowed_merchant_countries: Some(vec!["FR".into()]),
                    ..Default::default()
                },
                Broken::CountryNotAllowed(Some("DE".into())),
            ),
            (
                SpendingControls {
                    blocked_merchant_countries: Some(vec!["de".into()]),
                    ..Default::default()
                },
                Broken::CountryBlocked("DE".into()),
            ),
            (
                SpendingControls {
                    allowed_card_presences: Some(vec![CardPresence::Present]),
                    ..Default::default()
                },
                Broken::PresenceNotAllowed(CardPresence::NotPresent),
            ),
            (
                SpendingControls {
                    blocked_card_presences: Some(vec![CardPresence::NotPresent]),
                    ..Default::default()
                },
                Broken::PresenceBlocked(CardPresence::NotPresent),
            ),
        ];
        for (controls, broken) in cases {
            assert_eq!(with(controls).control, Some((Owner::Card, broken)));
        }
        // Empty lists restrict nothing, as Stripe's `null` does not.
        let empty = SpendingControls {
            allowed_categories: Some(vec![]),
            allowed_merchant_countries: Some(vec![]),
            ..Default::default()
        };
        assert_eq!(decide_on(&card(empty), &p, &[]), Ok(()));
        // An unknown merchant country is not among the allowed ones.
        let mut unknown = p.clone();
        unknown.country = None;
        let only_fr = card(SpendingControls {
            allowed_merchant_countries: Some(vec!["FR".into()]),
            ..Default::default()
        });
        assert_eq!(
            decide_on(&only_fr, &unknown, &[]).unwrap_err().control,
            Some((Owner::Card, Broken::CountryNotAllowed(None)))
        );
    }

    #[test]
    fn the_cardholders_controls_apply_after_the_cards_over_all_their_cards() {
        let now = at("2026-11-18", 15);
        let c = limited(vec![limit(10_000, SpendingInterval::Daily, None)]);
        let mut h = holder(&c);
        h.spending_controls = Some(SpendingControls {
            spending_limits: Some(vec![limit(5_000, SpendingInterval::Daily, None)]),
            spending_limits_currency: Some("eur".into()),
            ..Default::default()
        });
        // This card spent little; the cardholder's other cards spent more.
        let card_spend = [spend(1_000, "bakeries", now - 60)];
        let holder_spend = [
            spend(1_000, "bakeries", now - 60),
            spend(3_500, "bakeries", now - 30),
        ];
        let p = purchase(1_000, "bakeries", now);
        let declined = decide(&c, &h, &p, &card_spend, &holder_spend).unwrap_err();
        assert!(
            matches!(
                &declined.control,
                Some((Owner::Cardholder, Broken::OverLimit { spent: 4_500, .. }))
            ),
            "{declined:?}"
        );
        assert!(declined
            .to_string()
            .starts_with("The cardholder's daily spending limit"));
        // The card's own limit is checked first.
        let big = purchase(20_000, "bakeries", now);
        assert_eq!(
            decide(&c, &h, &big, &card_spend, &holder_spend)
                .unwrap_err()
                .control
                .map(|c| c.0),
            Some(Owner::Card)
        );
        // A cardholder limit in another currency cannot be compared without Stripe's rates.
        h.spending_controls
            .as_mut()
            .unwrap()
            .spending_limits_currency = Some("usd".into());
        assert_eq!(decide(&c, &h, &p, &card_spend, &holder_spend), Ok(()));
    }
}
