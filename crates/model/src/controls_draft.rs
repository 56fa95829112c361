//! Spending controls as an operator edits them: amounts as typed, lists as chosen. A draft turns
//! into the smallest [`SpendingControlsUpdate`] that makes the card look like it, checked by the
//! same rules the server and the sandbox apply ([`SpendingControlsUpdate::validate`]).

use crate::money::{parse_amount, to_major_input};
use crate::rules::{Rule, Violation};
use crate::SpendingControlsUpdate;
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
                        found.push(Violation::new(
                            format!("{PREFIX}[spending_limits][{i}][amount]"),
                            Rule::Amount(e),
                        ));
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
            blocked_categories: Some(vec!["betting_casino_gambling".into()]),
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
