//! Spending controls as an operator edits them: amounts as typed, lists as chosen. A draft turns
//! into the smallest [`SpendingControlsUpdate`] that makes the card look like it, checked by the
//! same rules the server and the sandbox apply ([`SpendingControlsUpdate::validate`]).

use crate::describe::{category_labels as labels, limit_phrase, list_separator};
use crate::money::{parse_amount, to_major_input, Locale};
use crate::spending::{SpendingControlsUpdate, Violation};
use crate::{Category, SpendingControls, SpendingInterval, SpendingLimit};

/// One limit being edited. `amount` is the text in the field, in major units (`500`, `500.00`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitDraft {
    pub amount: String,
    pub interval: SpendingInterval,
    /// Empty: the limit applies to every category.
    pub categories: Vec<Category>,
}

impl LimitDraft {
    /// A new limit row: no amount yet, per day, every category.
    pub fn blank() -> Self {
        Self {
            amount: String::new(),
            interval: SpendingInterval::Daily,
            categories: Vec::new(),
        }
    }
}

/// The editable part of a card's spending controls. Card presences are kept as they are (the
/// editor does not offer them), so a save never touches them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlsDraft {
    pub limits: Vec<LimitDraft>,
    pub allowed_categories: Vec<Category>,
    pub blocked_categories: Vec<Category>,
    pub allowed_merchant_countries: Vec<String>,
    pub blocked_merchant_countries: Vec<String>,
}

const PREFIX: &str = "spending_controls";

fn list<T: Clone>(v: &Option<Vec<T>>) -> Vec<T> {
    SpendingControls::list(v).to_vec()
}

impl ControlsDraft {
    pub fn from_controls(controls: &SpendingControls, currency: &str) -> Self {
        Self {
            limits: controls
                .limits()
                .iter()
                .map(|l| LimitDraft {
                    amount: to_major_input(l.amount, currency),
                    interval: l.interval.clone(),
                    categories: list(&l.categories),
                })
                .collect(),
            allowed_categories: list(&controls.allowed_categories),
            blocked_categories: list(&controls.blocked_categories),
            allowed_merchant_countries: list(&controls.allowed_merchant_countries),
            blocked_merchant_countries: list(&controls.blocked_merchant_countries),
        }
    }

    /// The update that turns `current` into this draft, naming only the fields that change
    /// (`is_empty()` when nothing does), or every rule it breaks, each at its Stripe `param`.
    pub fn to_update(
        &self,
        current: &SpendingControls,
        currency: &str,
    ) -> Result<SpendingControlsUpdate, Vec<Violation>> {
        let mut found = Vec::new();
        let limits: Vec<SpendingLimit> = self
            .limits
            .iter()
            .enumerate()
            .map(|(i, l)| SpendingLimit {
                amount: match parse_amount(&l.amount, currency) {
                    Ok(amount) => amount,
                    Err(e) => {
                        found.push(
                            Violation::new(
                                format!("{PREFIX}[spending_limits][{i}][amount]"),
                                e.to_string(),
                            )
                            .ja(e.message_in(Locale::Ja)),
                        );
                        // A stand-in that passes, so the rules still check the rest of the row.
                        1
                    }
                },
                interval: l.interval.clone(),
                categories: (!l.categories.is_empty()).then(|| l.categories.clone()),
            })
            .collect();
        fn changed<T: Clone + PartialEq>(draft: &[T], current: &Option<Vec<T>>) -> Option<Vec<T>> {
            (draft != SpendingControls::list(current)).then(|| draft.to_vec())
        }
        let limits_changed = limits.len() != current.limits().len()
            || limits.iter().zip(current.limits()).any(|(new, old)| {
                new.amount != old.amount
                    || new.interval != old.interval
                    || new.categories.as_deref().unwrap_or(&[])
                        != SpendingControls::list(&old.categories)
            });
        let update = SpendingControlsUpdate {
            spending_limits: limits_changed.then_some(limits),
            allowed_categories: changed(&self.allowed_categories, &current.allowed_categories),
            blocked_categories: changed(&self.blocked_categories, &current.blocked_categories),
            allowed_merchant_countries: changed(
                &self.allowed_merchant_countries,
                &current.allowed_merchant_countries,
            ),
            blocked_merchant_countries: changed(
                &self.blocked_merchant_countries,
                &current.blocked_merchant_countries,
            ),
            allowed_card_presences: None,
            blocked_card_presences: None,
        };
        for v in update.validate(current, currency) {
            if !found.iter().any(|f| f.param == v.param) {
                found.push(v);
            }
        }
        if found.is_empty() {
            Ok(update)
        } else {
            Err(found)
        }
    }
}

/// One line of the review before saving: a field, what it was and what it will be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlChange {
    /// Stripe's name for the field (`allowed_merchant_countries`).
    pub field: &'static str,
    /// The field in words, in the review's language.
    pub label: &'static str,
    pub before: String,
    pub after: String,
}

/// What `update` changes on `current`, in words, field by field (fields it leaves are absent).
pub fn describe_changes(
    current: &SpendingControls,
    update: &SpendingControlsUpdate,
    currency: &str,
    locale: Locale,
) -> Vec<ControlChange> {
    let after = current.apply(update);
    let ja = locale == Locale::Ja;
    let none = || if ja { "なし" } else { "None" }.to_owned();
    let labels = |c: &[Category]| labels(c, locale);
    let limits = |c: &SpendingControls| {
        let phrases: Vec<String> = c
            .limits()
            .iter()
            .map(|l| match SpendingControls::list(&l.categories) {
                [] => limit_phrase(l, currency, locale),
                only if ja => format!(
                    "{}（{}のみ）",
                    limit_phrase(l, currency, locale),
                    labels(only)
                ),
                only => format!(
                    "{} (only {})",
                    limit_phrase(l, currency, locale),
                    labels(only)
                ),
            })
            .collect();
        if phrases.is_empty() {
            none()
        } else {
            phrases.join(if ja { "；" } else { "; " })
        }
    };
    let categories = |v: &Option<Vec<Category>>| match SpendingControls::list(v) {
        [] => none(),
        list => labels(list),
    };
    let countries = |v: &Option<Vec<String>>| match SpendingControls::list(v) {
        [] => none(),
        list => list.join(list_separator(locale)),
    };
    let mut changes = Vec::new();
    let label = |field: &str| {
        let (en, ja) = match field {
            "spending_limits" => ("Spending limits", "利用上限"),
            "allowed_categories" => ("Allowed categories", "許可するカテゴリ"),
            "blocked_categories" => ("Blocked categories", "ブロックするカテゴリ"),
            "allowed_merchant_countries" => ("Allowed merchant countries", "許可する加盟店の国"),
            _ => ("Blocked merchant countries", "ブロックする加盟店の国"),
        };
        locale.pick(en, ja)
    };
    let mut push = |field: &'static str, before: String, after: String| {
        if before != after {
            changes.push(ControlChange {
                field,
                label: label(field),
                before,
                after,
            });
        }
    };
    if update.spending_limits.is_some() {
        push("spending_limits", limits(current), limits(&after));
    }
    for (field, set, before, now) in [
        (
            "allowed_categories",
            update.allowed_categories.is_some(),
            &current.allowed_categories,
            &after.allowed_categories,
        ),
        (
            "blocked_categories",
            update.blocked_categories.is_some(),
            &current.blocked_categories,
            &after.blocked_categories,
        ),
    ] {
        if set {
            push(field, categories(before), categories(now));
        }
    }
    for (field, set, before, now) in [
        (
            "allowed_merchant_countries",
            update.allowed_merchant_countries.is_some(),
            &current.allowed_merchant_countries,
            &after.allowed_merchant_countries,
        ),
        (
            "blocked_merchant_countries",
            update.blocked_merchant_countries.is_some(),
            &current.blocked_merchant_countries,
            &after.blocked_merchant_countries,
        ),
    ] {
        if set {
            push(field, countries(before), countries(now));
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn controls() -> SpendingControls {
        SpendingControls {
            spending_limits: Some(vec![SpendingLimit {
                amount: 25_000,
                interval: SpendingInterval::PerAuthorization,
                categories: None,
            }]),
            blocked_categories: Some(vec!["gambling".into()]),
            spending_limits_currency: Some("eur".into()),
            ..Default::default()
        }
    }

    #[test]
    fn an_untouched_draft_changes_nothing() {
        let draft = ControlsDraft::from_controls(&controls(), "eur");
        assert_eq!(draft.limits[0].amount, "250.00");
        assert!(draft.to_update(&controls(), "eur").unwrap().is_empty());
    }

    #[test]
    fn the_review_and_the_rules_speak_japanese() {
        let mut draft = ControlsDraft::from_controls(&controls(), "eur");
        draft.limits[0].categories = vec!["bakeries".into(), "florists".into()];
        draft.allowed_merchant_countries = vec!["JP".into(), "DE".into()];
        let update = draft.to_update(&controls(), "eur").unwrap();
        let changes = describe_changes(&controls(), &update, "eur", Locale::Ja);
        let lines: Vec<_> = changes
            .iter()
            .map(|c| (c.field, c.label, c.before.as_str(), c.after.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (
                    "spending_limits",
                    "利用上限",
                    "1回あたり €250.00",
                    "1回あたり €250.00（パン屋、生花店のみ）"
                ),
                (
                    "allowed_merchant_countries",
                    "許可する加盟店の国",
                    "なし",
                    "JP、DE"
                ),
            ]
        );
        draft.limits[0].amount = "2.5055".into();
        draft.blocked_merchant_countries = vec!["usa".into()];
        let broken = draft.to_update(&controls(), "eur").unwrap_err();
        let ja: Vec<_> = broken.iter().map(|v| v.message_in(Locale::Ja)).collect();
        assert_eq!(ja[0], "この通貨の小数点以下は 2 桁までです。");
        assert!(
            ja.iter().any(|m| m.contains("「usa」は ISO 3166-1")),
            "{ja:?}"
        );
        assert!(
            ja.iter()
                .any(|m| m.starts_with("許可する国とブロックする国")),
            "{ja:?}"
        );
        // English stays what Stripe says.
        assert_eq!(
            broken[0].message_in(Locale::En),
            "This currency has at most 2 decimal places."
        );
    }

    #[test]
    fn the_update_names_only_what_changed() {
        let mut draft = ControlsDraft::from_controls(&controls(), "eur");
        draft.limits.push(LimitDraft {
            amount: "500".into(),
            ..LimitDraft::blank()
        });
        draft.allowed_merchant_countries = vec!["DE".into()];
        let update = draft.to_update(&controls(), "eur").unwrap();
        assert_eq!(
            update.spending_limits.as_deref().map(|l| l[1].amount),
            Some(50_000)
        );
        assert_eq!(update.allowed_merchant_countries, Some(vec!["DE".into()]));
        assert_eq!(update.blocked_categories, None, "unchanged, so not sent");
        let changes = describe_changes(&controls(), &update, "eur", Locale::En);
        assert_eq!(
            changes,
            [
                ControlChange {
                    field: "spending_limits",
                    label: "Spending limits",
                    before: "€250.00 per transaction".into(),
                    after: "€250.00 per transaction; €500.00 per day".into(),
                },
                ControlChange {
                    field: "allowed_merchant_countries",
                    label: "Allowed merchant countries",
                    before: "None".into(),
                    after: "DE".into(),
                },
            ]
        );
    }

    #[test]
    fn removing_everything_clears_the_fields() {
        let mut draft = ControlsDraft::from_controls(&controls(), "eur");
        draft.limits.clear();
        draft.blocked_categories.clear();
        let update = draft.to_update(&controls(), "eur").unwrap();
        assert_eq!(update.spending_limits, Some(vec![]));
        assert_eq!(update.blocked_categories, Some(vec![]));
        let after = controls().apply(&update);
        assert!(after.limits().is_empty() && after.blocked_categories.is_none());
    }

    #[test]
    fn typing_errors_and_rule_breaks_are_named_at_their_params() {
        let mut draft = ControlsDraft::from_controls(&controls(), "eur");
        draft.limits[0].amount = "12.345".into();
        draft.limits.push(LimitDraft {
            amount: "abc".into(),
            ..LimitDraft::blank()
        });
        draft.limits.push(LimitDraft {
            amount: "0".into(),
            ..LimitDraft::blank()
        });
        draft.allowed_categories = vec!["bakeries".into()];
        let params: Vec<String> = draft
            .to_update(&controls(), "eur")
            .unwrap_err()
            .into_iter()
            .map(|v| v.param)
            .collect();
        assert_eq!(
            params,
            [
                "spending_controls[spending_limits][0][amount]",
                "spending_controls[spending_limits][1][amount]",
                "spending_controls[spending_limits][2][amount]",
                "spending_controls[allowed_categories]",
            ]
        );
    }

    #[test]
    fn a_zero_decimal_currency_takes_whole_amounts() {
        let mut draft = ControlsDraft::from_controls(&SpendingControls::default(), "jpy");
        draft.limits.push(LimitDraft {
            amount: "5000".into(),
            ..LimitDraft::blank()
        });
        let update = draft
            .to_update(&SpendingControls::default(), "jpy")
            .unwrap();
        assert_eq!(update.spending_limits.unwrap()[0].amount, 5000);
        draft.limits[0].amount = "50.5".into();
        assert!(draft
            .to_update(&SpendingControls::default(), "jpy")
            .is_err());
    }
}
