//! Spending controls in words: `€500.00 per day` / `1日あたり €500.00`, a table cell's summary,
//! and the review of a change before it is saved.

use issuing_model::money::format_amount;
use issuing_model::{Category, SpendingControls, SpendingControlsUpdate, SpendingLimit};

use crate::{category_labels, Locale};

/// `€500.00 per day` / `1日あたり €500.00`.
pub fn limit_phrase(limit: &SpendingLimit, currency: &str, locale: Locale) -> String {
    let amount = format_amount(limit.amount, currency);
    (locale.texts().limit_phrase)(&amount, limit.interval.as_str())
}

/// One line for a table cell: every limit, or a word for none.
pub fn limits_summary(limits: &[SpendingLimit], currency: &str, locale: Locale) -> String {
    let t = locale.texts();
    if limits.is_empty() {
        return t.no_limits.to_owned();
    }
    let parts: Vec<String> = limits
        .iter()
        .map(|l| {
            let phrase = limit_phrase(l, currency, locale);
            match SpendingControls::list(&l.categories) {
                [] => phrase,
                some => (t.limit_in_categories)(&phrase, some.len()),
            }
        })
        .collect();
    parts.join(t.list_separator)
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
    let t = locale.texts();
    let after = current.apply(update);
    let none = || t.none_set.to_owned();
    let limits = |c: &SpendingControls| {
        let phrases: Vec<String> = c
            .limits()
            .iter()
            .map(|l| {
                let phrase = limit_phrase(l, currency, locale);
                match SpendingControls::list(&l.categories) {
                    [] => phrase,
                    only => (t.limit_only_in)(&phrase, &category_labels(only, locale)),
                }
            })
            .collect();
        if phrases.is_empty() {
            none()
        } else {
            phrases.join(t.phrase_separator)
        }
    };
    let categories = |v: &Option<Vec<Category>>| match SpendingControls::list(v) {
        [] => none(),
        list => category_labels(list, locale),
    };
    let countries = |v: &Option<Vec<String>>| match SpendingControls::list(v) {
        [] => none(),
        list => list.join(t.list_separator),
    };
    let mut changes = Vec::new();
    let mut push = |field: &'static str, label: &'static str, before: String, after: String| {
        if before != after {
            changes.push(ControlChange {
                field,
                label,
                before,
                after,
            });
        }
    };
    if update.spending_limits.is_some() {
        push(
            "spending_limits",
            t.spending_limits,
            limits(current),
            limits(&after),
        );
    }
    // Each list, if the update sets it: Stripe's name, its label, and before and after in words.
    let lists = [
        (
            "allowed_categories",
            t.allowed_categories,
            update.allowed_categories.is_some(),
            categories(&current.allowed_categories),
            categories(&after.allowed_categories),
        ),
        (
            "blocked_categories",
            t.blocked_categories,
            update.blocked_categories.is_some(),
            categories(&current.blocked_categories),
            categories(&after.blocked_categories),
        ),
        (
            "allowed_merchant_countries",
            t.allowed_countries,
            update.allowed_merchant_countries.is_some(),
            countries(&current.allowed_merchant_countries),
            countries(&after.allowed_merchant_countries),
        ),
        (
            "blocked_merchant_countries",
            t.blocked_countries,
            update.blocked_merchant_countries.is_some(),
            countries(&current.blocked_merchant_countries),
            countries(&after.blocked_merchant_countries),
        ),
    ];
    for (field, label, set, before, now) in lists {
        if set {
            push(field, label, before, now);
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use issuing_model::controls_draft::{ControlsDraft, LimitDraft};
    use issuing_model::SpendingInterval;

    use super::*;
    use crate::InWords;

    fn limit(amount: i64, interval: SpendingInterval) -> SpendingLimit {
        SpendingLimit {
            amount,
            interval,
            categories: None,
        }
    }

    #[test]
    fn limits_read_as_phrases_in_both_languages() {
        let daily = limit(50_000, SpendingInterval::Daily);
        assert_eq!(limit_phrase(&daily, "eur", Locale::En), "€500.00 per day");
        assert_eq!(limit_phrase(&daily, "eur", Locale::Ja), "1日あたり €500.00");
        let per_tx = limit(25_000, SpendingInterval::PerAuthorization);
        assert_eq!(
            limit_phrase(&per_tx, "usd", Locale::En),
            "$250.00 per transaction"
        );
        let summary = limits_summary(
            &[per_tx, limit(200_000, SpendingInterval::Monthly)],
            "usd",
            Locale::En,
        );
        assert_eq!(summary, "$250.00 per transaction, $2,000.00 per month");
        assert_eq!(limits_summary(&[], "gbp", Locale::Ja), "上限なし");
    }

    fn controls() -> SpendingControls {
        SpendingControls {
            spending_limits: Some(vec![SpendingLimit {
                amount: 25_000,
                interval: SpendingInterval::PerAuthorization,
                categories: None,
            }]),
            blocked_categories: Some(vec!["betting_casino_gambling".into()]),
            spending_limits_currency: Some("eur".into()),
            ..Default::default()
        }
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
        let ja: Vec<_> = broken.iter().map(|v| v.in_words(Locale::Ja)).collect();
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
            broken[0].in_words(Locale::En),
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
}
