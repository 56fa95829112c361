//! Stripe's rules for a spending controls update.

use crate::country::is_country_code;
use crate::money::MAX_AMOUNT;
use crate::rules::{ControlList, Rule, Violation};
use crate::{Category, SpendingControls, SpendingControlsUpdate};

const PREFIX: &str = "spending_controls";

impl SpendingControlsUpdate {
    /// Checks the update on its own (amounts, intervals, codes), then the controls it would
    /// leave on the card (`current`, whose amounts are in `currency`), where allowed and
    /// blocked lists must not both be set. Every violation is returned, so an editor can mark
    /// each field at once.
    pub fn validate(&self, current: &SpendingControls, currency: &str) -> Vec<Violation> {
        let mut found = Vec::new();
        for (i, limit) in SpendingControls::list(&self.spending_limits)
            .iter()
            .enumerate()
        {
            let param = format!("{PREFIX}[spending_limits][{i}]");
            if limit.amount <= 0 {
                found.push(Violation::new(
                    format!("{param}[amount]"),
                    Rule::LimitNotPositive,
                ));
            } else if limit.amount > MAX_AMOUNT {
                found.push(Violation::new(
                    format!("{param}[amount]"),
                    Rule::LimitTooLarge {
                        currency: currency.to_owned(),
                    },
                ));
            }
            if !limit.interval.is_known() {
                found.push(Violation::new(
                    format!("{param}[interval]"),
                    Rule::UnknownInterval(limit.interval.to_string()),
                ));
            }
            for (j, c) in SpendingControls::list(&limit.categories).iter().enumerate() {
                check_category(c, &format!("{param}[categories][{j}]"), &mut found);
            }
        }
        for (field, list) in [
            ("allowed_categories", &self.allowed_categories),
            ("blocked_categories", &self.blocked_categories),
        ] {
            for (j, c) in SpendingControls::list(list).iter().enumerate() {
                check_category(c, &format!("{PREFIX}[{field}][{j}]"), &mut found);
            }
        }
        for (field, list) in [
            (
                "allowed_merchant_countries",
                &self.allowed_merchant_countries,
            ),
            (
                "blocked_merchant_countries",
                &self.blocked_merchant_countries,
            ),
        ] {
            for (j, code) in SpendingControls::list(list).iter().enumerate() {
                if !is_country_code(code) {
                    found.push(Violation::new(
                        format!("{PREFIX}[{field}][{j}]"),
                        Rule::NotACountry(code.clone()),
                    ));
                }
            }
        }
        for (field, list) in [
            ("allowed_card_presences", &self.allowed_card_presences),
            ("blocked_card_presences", &self.blocked_card_presences),
        ] {
            for (j, p) in SpendingControls::list(list).iter().enumerate() {
                if !p.is_known() {
                    found.push(Violation::new(
                        format!("{PREFIX}[{field}][{j}]"),
                        Rule::UnknownCardPresence(p.to_string()),
                    ));
                }
            }
        }
        let after = current.apply(self);
        for (allowed, blocked, blocked_set, list) in [
            (
                SpendingControls::list(&after.allowed_categories).len(),
                SpendingControls::list(&after.blocked_categories).len(),
                self.blocked_categories.is_some(),
                ControlList::Categories,
            ),
            (
                SpendingControls::list(&after.allowed_merchant_countries).len(),
                SpendingControls::list(&after.blocked_merchant_countries).len(),
                self.blocked_merchant_countries.is_some(),
                ControlList::MerchantCountries,
            ),
            (
                SpendingControls::list(&after.allowed_card_presences).len(),
                SpendingControls::list(&after.blocked_card_presences).len(),
                self.blocked_card_presences.is_some(),
                ControlList::CardPresences,
            ),
        ] {
            if allowed > 0 && blocked > 0 {
                // Name the side this update set, so the editor marks the field the user touched.
                let blamed = if blocked_set { "blocked" } else { "allowed" };
                found.push(Violation::new(
                    format!("{PREFIX}[{blamed}_{}]", list.suffix()),
                    Rule::AllowedAndBlocked(list),
                ));
            }
        }
        found
    }
}

/// A category sent must be one of Stripe's (the list is closed on input); one Stripe sends
/// that we do not know yet still reads and round-trips (see `Category`).
fn check_category(c: &Category, param: &str, found: &mut Vec<Violation>) {
    if !c.is_known() {
        found.push(Violation::new(
            param,
            Rule::UnknownCategory(c.as_str().to_owned()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SpendingLimit;

    fn limit(amount: i64, interval: &str) -> SpendingLimit {
        SpendingLimit {
            amount,
            categories: None,
            interval: interval.parse().unwrap(),
        }
    }

    fn params(v: &[Violation]) -> Vec<&str> {
        v.iter().map(|v| v.param.as_str()).collect()
    }

    #[test]
    fn a_sound_update_has_no_violations() {
        let update = SpendingControlsUpdate {
            spending_limits: Some(vec![
                limit(50_000, "daily"),
                limit(25_000, "per_authorization"),
            ]),
            blocked_categories: Some(vec!["betting_casino_gambling".into()]),
            allowed_merchant_countries: Some(vec!["DE".into(), "JP".into()]),
            ..Default::default()
        };
        assert_eq!(update.validate(&SpendingControls::default(), "eur"), vec![]);
    }

    #[test]
    fn bad_amounts_and_intervals_name_their_params() {
        let update = SpendingControlsUpdate {
            spending_limits: Some(vec![
                limit(0, "daily"),
                limit(100_000_000, "weekly"),
                limit(5, "hourly"),
            ]),
            ..Default::default()
        };
        assert_eq!(
            params(&update.validate(&SpendingControls::default(), "eur")),
            [
                "spending_controls[spending_limits][0][amount]",
                "spending_controls[spending_limits][1][amount]",
                "spending_controls[spending_limits][2][interval]",
            ]
        );
    }

    #[test]
    fn allowed_and_blocked_together_are_refused_even_across_the_card_and_the_update() {
        let current = SpendingControls {
            allowed_categories: Some(vec!["taxicabs_limousines".into()]),
            ..Default::default()
        };
        let update = SpendingControlsUpdate {
            blocked_categories: Some(vec!["betting_casino_gambling".into()]),
            ..Default::default()
        };
        assert_eq!(
            params(&update.validate(&current, "eur")),
            ["spending_controls[blocked_categories]"]
        );
        // Clearing the allowed list in the same update makes it valid.
        let update = SpendingControlsUpdate {
            allowed_categories: Some(vec![]),
            ..update
        };
        assert_eq!(update.validate(&current, "eur"), vec![]);
    }

    #[test]
    fn country_codes_must_be_iso_alpha_2() {
        let update = SpendingControlsUpdate {
            blocked_merchant_countries: Some(vec![
                "US".into(),
                "XX".into(),
                "usa".into(),
                "gb".into(),
            ]),
            ..Default::default()
        };
        assert_eq!(
            params(&update.validate(&SpendingControls::default(), "eur")),
            [
                "spending_controls[blocked_merchant_countries][1]",
                "spending_controls[blocked_merchant_countries][2]",
                "spending_controls[blocked_merchant_countries][3]",
            ]
        );
    }

    #[test]
    fn only_stripes_categories_may_be_sent_though_unknown_ones_still_read() {
        let update = SpendingControlsUpdate {
            allowed_categories: Some(vec![
                "bakeries".into(),
                "quantum_teleport_services".into(),
                "Bad Category".into(),
            ]),
            ..Default::default()
        };
        assert_eq!(
            params(&update.validate(&SpendingControls::default(), "eur")),
            [
                "spending_controls[allowed_categories][1]",
                "spending_controls[allowed_categories][2]"
            ]
        );
        // A category Stripe added after our list still reads, and is sent back unchanged.
        let received: SpendingControls =
            serde_json::from_str(r#"{"allowed_categories":["quantum_teleport_services"]}"#)
                .unwrap();
        assert_eq!(
            serde_json::to_value(&received).unwrap()["allowed_categories"][0],
            "quantum_teleport_services"
        );
    }

    #[test]
    fn apply_replaces_set_fields_clears_empty_ones_and_keeps_the_rest() {
        let current = SpendingControls {
            blocked_categories: Some(vec!["betting_casino_gambling".into()]),
            allowed_merchant_countries: Some(vec!["US".into()]),
            spending_limits: Some(vec![limit(1000, "daily")]),
            spending_limits_currency: Some("usd".into()),
            ..Default::default()
        };
        let after = current.apply(&SpendingControlsUpdate {
            blocked_categories: Some(vec![]),
            spending_limits: Some(vec![limit(2000, "weekly")]),
            ..Default::default()
        });
        assert_eq!(after.blocked_categories, None);
        assert_eq!(
            after.allowed_merchant_countries,
            Some(vec!["US".to_owned()])
        );
        assert_eq!(after.limits(), [limit(2000, "weekly")]);
        assert_eq!(after.spending_limits_currency.as_deref(), Some("usd"));
    }
}
