//! Spending controls: what a card has, what an update changes, and Stripe's rules for both.

use serde::{Deserialize, Serialize};

use crate::country::is_country_code;
use crate::open_enum;
use crate::Category;

open_enum!(
    /// The window a spending limit counts over.
    SpendingInterval {
        PerAuthorization = "per_authorization",
        Daily = "daily",
        Weekly = "weekly",
        Monthly = "monthly",
        Yearly = "yearly",
        AllTime = "all_time",
    }
);

open_enum!(CardPresence { Present = "present", NotPresent = "not_present" });

/// The largest amount Stripe accepts, in the minor unit (eight digits).
pub const MAX_AMOUNT: i64 = 99_999_999;

/// A card's (or cardholder's) spending controls as Stripe returns them. Stripe sends `null`
/// for an unset list, sometimes `[]`: both mean "not set" (see [`SpendingControls::list`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendingControls {
    #[serde(default)]
    pub allowed_categories: Option<Vec<Category>>,
    #[serde(default)]
    pub blocked_categories: Option<Vec<Category>>,
    #[serde(default)]
    pub allowed_merchant_countries: Option<Vec<String>>,
    #[serde(default)]
    pub blocked_merchant_countries: Option<Vec<String>>,
    #[serde(default)]
    pub allowed_card_presences: Option<Vec<CardPresence>>,
    #[serde(default)]
    pub blocked_card_presences: Option<Vec<CardPresence>>,
    #[serde(default)]
    pub spending_limits: Option<Vec<SpendingLimit>>,
    /// Always the card's currency on a card; not an update parameter.
    #[serde(default)]
    pub spending_limits_currency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendingLimit {
    /// In the minor unit of the card's currency.
    pub amount: i64,
    /// `None` (or empty): the limit applies to every category.
    #[serde(default)]
    pub categories: Option<Vec<Category>>,
    pub interval: SpendingInterval,
}

impl SpendingControls {
    /// A list field as a slice: `null` and `[]` alike are empty.
    pub fn list<T>(field: &Option<Vec<T>>) -> &[T] {
        field.as_deref().unwrap_or(&[])
    }

    pub fn limits(&self) -> &[SpendingLimit] {
        Self::list(&self.spending_limits)
    }

    /// The controls after `update`: fields it sets replace ours, the rest stay.
    pub fn apply(&self, update: &SpendingControlsUpdate) -> SpendingControls {
        fn set<T: Clone>(current: &Option<Vec<T>>, new: &Option<Vec<T>>) -> Option<Vec<T>> {
            match new {
                None => current.clone(),
                Some(v) if v.is_empty() => None,
                Some(v) => Some(v.clone()),
            }
        }
        SpendingControls {
            allowed_categories: set(&self.allowed_categories, &update.allowed_categories),
            blocked_categories: set(&self.blocked_categories, &update.blocked_categories),
            allowed_merchant_countries: set(
                &self.allowed_merchant_countries,
                &update.allowed_merchant_countries,
            ),
            blocked_merchant_countries: set(
                &self.blocked_merchant_countries,
                &update.blocked_merchant_countries,
            ),
            allowed_card_presences: set(
                &self.allowed_card_presences,
                &update.allowed_card_presences,
            ),
            blocked_card_presences: set(
                &self.blocked_card_presences,
                &update.blocked_card_presences,
            ),
            spending_limits: match &update.spending_limits {
                None => self.spending_limits.clone(),
                Some(v) => Some(v.clone()),
            },
            spending_limits_currency: self.spending_limits_currency.clone(),
        }
    }
}

/// A change to spending controls. For each field: `None` leaves it as it is, `Some(vec![])`
/// clears it, `Some(values)` replaces it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendingControlsUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_categories: Option<Vec<Category>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_categories: Option<Vec<Category>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_merchant_countries: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_merchant_countries: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_card_presences: Option<Vec<CardPresence>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_card_presences: Option<Vec<CardPresence>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spending_limits: Option<Vec<SpendingLimit>>,
}

/// One rule broken, with the parameter Stripe would name. `message` is English, as Stripe
/// and the server answer (it names parameters); the panel shows `message_in` its own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub param: String,
    pub message: String,
    /// The panel's English, where it differs from the API's (field labels, not parameters).
    pub message_en: Option<String>,
    /// The same in Japanese, for the rules a person can break in the panel.
    pub message_ja: Option<String>,
}

impl Violation {
    pub fn new(param: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            param: param.into(),
            message: message.into(),
            message_en: None,
            message_ja: None,
        }
    }

    /// The panel's English wording, where the API's names parameters.
    pub fn en(mut self, message: impl Into<String>) -> Self {
        self.message_en = Some(message.into());
        self
    }

    /// The Japanese wording.
    pub fn ja(mut self, message: impl Into<String>) -> Self {
        self.message_ja = Some(message.into());
        self
    }

    /// The message in `locale`, in the panel's words; the API's English where no other
    /// wording exists (an answer from Stripe).
    pub fn message_in(&self, locale: crate::money::Locale) -> &str {
        match (locale, &self.message_en, &self.message_ja) {
            (crate::money::Locale::Ja, _, Some(ja)) => ja,
            (crate::money::Locale::En, Some(en), _) => en,
            _ => &self.message,
        }
    }
}

impl Violation {
    /// The first of `found` as an error, or none: an API answers one parameter at a time.
    pub fn first(found: Vec<Violation>) -> Result<(), Violation> {
        match found.into_iter().next() {
            Some(v) => Err(v),
            None => Ok(()),
        }
    }
}

impl From<Violation> for crate::StripeError {
    fn from(v: Violation) -> Self {
        crate::StripeError::invalid_param(v.param, v.message)
    }
}

const PREFIX: &str = "spending_controls";

impl SpendingControlsUpdate {
    /// Checks the update on its own (amounts, intervals, codes), then the controls it would
    /// leave on the card (`current`, whose amounts are in `currency`), where allowed and
    /// blocked lists must not both be set. Every violation is returned, so an editor can mark
    /// each field at once.
    pub fn validate(&self, current: &SpendingControls, currency: &str) -> Vec<Violation> {
        use crate::money::{format_amount, Locale};
        let mut found = Vec::new();
        for (i, limit) in SpendingControls::list(&self.spending_limits)
            .iter()
            .enumerate()
        {
            let param = format!("{PREFIX}[spending_limits][{i}]");
            if limit.amount <= 0 {
                found.push(
                    Violation::new(
                        format!("{param}[amount]"),
                        "The spending limit amount must be a positive integer.",
                    )
                    .en("Enter a limit greater than zero.")
                    .ja("0 より大きい上限を入力してください。"),
                );
            } else if limit.amount > MAX_AMOUNT {
                let most = |l| format_amount(MAX_AMOUNT, currency, l);
                found.push(
                    Violation::new(
                        format!("{param}[amount]"),
                        format!("The spending limit amount must be at most {MAX_AMOUNT} (in the currency's smallest unit)."),
                    )
                    .en(format!("A limit can be at most {}.", most(Locale::En)))
                    .ja(format!("上限は {} までです。", most(Locale::Ja))),
                );
            }
            if !limit.interval.is_known() {
                found.push(Violation::new(
                    format!("{param}[interval]"),
                    format!(
                        "Invalid interval '{}': must be one of per_authorization, daily, weekly, monthly, yearly or all_time.",
                        limit.interval
                    ),
                ).ja(format!("期間「{}」は無効です。per_authorization、daily、weekly、monthly、yearly、all_time のいずれかにしてください。", limit.interval)));
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
                        format!("'{code}' is not an ISO 3166-1 alpha-2 country code (e.g. US, GB, DE, JP)."),
                    ).ja(format!("「{code}」は ISO 3166-1 の2文字の国コードではありません（例：US、GB、DE、JP）。")));
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
                        format!("Invalid card presence '{p}': must be present or not_present."),
                    ).ja(format!("カードの提示方法「{p}」は無効です。present か not_present にしてください。")));
                }
            }
        }
        let after = current.apply(self);
        for (allowed, blocked, what) in [
            (
                SpendingControls::list(&after.allowed_categories).len(),
                SpendingControls::list(&after.blocked_categories).len(),
                "categories",
            ),
            (
                SpendingControls::list(&after.allowed_merchant_countries).len(),
                SpendingControls::list(&after.blocked_merchant_countries).len(),
                "merchant_countries",
            ),
            (
                SpendingControls::list(&after.allowed_card_presences).len(),
                SpendingControls::list(&after.blocked_card_presences).len(),
                "card_presences",
            ),
        ] {
            if allowed > 0 && blocked > 0 {
                // Name the side this update set, so the editor marks the field the user touched.
                let blamed = if self.field_is_set(&format!("blocked_{what}")) {
                    "blocked"
                } else {
                    "allowed"
                };
                found.push(Violation::new(
                    format!("{PREFIX}[{blamed}_{what}]"),
                    format!("You cannot set both allowed_{what} and blocked_{what}: clear one of them first."),
                ).en(match what {
                    "categories" => "Allowed categories and blocked categories cannot both be set: clear one of them first.",
                    "merchant_countries" => "Allowed countries and blocked countries cannot both be set: clear one of them first.",
                    _ => "Allowed and blocked card presences cannot both be set: clear one of them first.",
                }).ja(match what {
                    "categories" => "許可するカテゴリとブロックするカテゴリは同時に設定できません。どちらかを空にしてください。",
                    "merchant_countries" => "許可する国とブロックする国は同時に設定できません。どちらかを空にしてください。",
                    _ => "許可とブロックは同時に設定できません。どちらかを空にしてください。",
                }));
            }
        }
        found
    }

    fn field_is_set(&self, field: &str) -> bool {
        match field {
            "blocked_categories" => self.blocked_categories.is_some(),
            "blocked_merchant_countries" => self.blocked_merchant_countries.is_some(),
            "blocked_card_presences" => self.blocked_card_presences.is_some(),
            _ => false,
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Categories are not checked against our list (Stripe adds new ones); only their form.
fn check_category(c: &Category, param: &str, found: &mut Vec<Violation>) {
    let well_formed = !c.as_str().is_empty()
        && c.as_str()
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !well_formed {
        found.push(
            Violation::new(
                param,
                format!("Invalid merchant category '{}'.", c.as_str()),
            )
            .ja(format!("加盟店カテゴリ「{}」は無効です。", c.as_str())),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            blocked_categories: Some(vec!["gambling".into()]),
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
            blocked_categories: Some(vec!["gambling".into()]),
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
    fn unknown_but_well_formed_categories_pass_and_malformed_ones_do_not() {
        let update = SpendingControlsUpdate {
            allowed_categories: Some(vec![
                "quantum_teleport_services".into(),
                "Bad Category".into(),
            ]),
            ..Default::default()
        };
        assert_eq!(
            params(&update.validate(&SpendingControls::default(), "eur")),
            ["spending_controls[allowed_categories][1]"]
        );
    }

    #[test]
    fn apply_replaces_set_fields_clears_empty_ones_and_keeps_the_rest() {
        let current = SpendingControls {
            blocked_categories: Some(vec!["gambling".into()]),
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
