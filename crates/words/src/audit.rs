//! An audit entry in words: its kind, a one-line summary, the spending controls' before →
//! after in the same words as the editor's review, and its outcome. Shared by the panel's
//! Activity and History and the server's CSV export.

use issuing_model::api::{AuditChange, AuditEntry, CardState};
use issuing_model::money::format_amount;
use issuing_model::{CardStatus, CardType, ShippingStatus, SpendingControlsUpdate};

use crate::controls::{describe_changes, ControlChange};
use crate::{category_label, Locale};

pub struct EntryInWords {
    pub kind: String,
    pub summary: String,
    /// Field by field, for spending controls; empty for other changes.
    pub changes: Vec<ControlChange>,
    pub outcome: String,
}

fn status_word(status: &CardStatus, locale: Locale) -> String {
    let t = locale.texts();
    match status {
        CardStatus::Active => t.status_active.to_owned(),
        CardStatus::Inactive => t.status_frozen.to_owned(),
        CardStatus::Canceled => t.status_canceled.to_owned(),
        CardStatus::Other(s) => s.clone(),
    }
}

/// What the controls went from and to: as Stripe answered if it did, else as asked.
fn control_changes(
    before: &CardState,
    after: Option<&CardState>,
    asked: Option<&SpendingControlsUpdate>,
    locale: Locale,
) -> Vec<ControlChange> {
    let update = match (after, asked) {
        (Some(after), _) => SpendingControlsUpdate::setting_all(&after.spending_controls),
        (None, Some(asked)) => asked.clone(),
        (None, None) => return Vec::new(),
    };
    describe_changes(&before.spending_controls, &update, &before.currency, locale)
}

pub fn entry_in_words(entry: &AuditEntry, locale: Locale) -> EntryInWords {
    let t = locale.texts();
    let (summary, changes) = match &entry.change {
        AuditChange::CardUpdate {
            requested,
            before,
            after,
        } => {
            let changes = match before {
                Some(before) if requested.spending_controls.is_some() => control_changes(
                    before,
                    after.as_ref(),
                    requested.spending_controls.as_ref(),
                    locale,
                ),
                _ => Vec::new(),
            };
            let summary = match &requested.status {
                Some(to) => {
                    let to = status_word(to, locale);
                    let mut line = match before {
                        Some(before) => {
                            (t.audit_status_change)(&status_word(&before.status, locale), &to)
                        }
                        None => (t.audit_status_to)(&to),
                    };
                    if let Some(reason) = &requested.cancellation_reason {
                        let reason = match reason.as_str() {
                            "lost" => t.reason_lost.to_owned(),
                            "stolen" => t.reason_stolen.to_owned(),
                            other => other.to_owned(),
                        };
                        line = format!("{line}{}{}", t.list_separator, (t.audit_reason)(&reason));
                    }
                    line
                }
                None if changes.is_empty() && after.is_some() => {
                    t.audit_controls_unchanged.to_owned()
                }
                None => t.audit_controls_changed.to_owned(),
            };
            (summary, changes)
        }
        AuditChange::TokenGrant { requested, .. } => (
            (t.audit_token_granted)(&format_amount(requested.max_amount, &requested.currency)),
            Vec::new(),
        ),
        AuditChange::TokenCharge { requested, .. } => (
            (t.audit_token_charged)(&format_amount(requested.amount, &requested.currency)),
            Vec::new(),
        ),
        AuditChange::PurchaseSimulation {
            requested,
            approved,
            currency,
            ..
        } => {
            // The card's currency comes from Stripe's answer; refused before it, the
            // merchant's if the request named one, else the bare number.
            let amount = match (
                currency,
                &requested.merchant_currency,
                requested.merchant_amount,
            ) {
                (Some(currency), _, _) => format_amount(requested.amount, currency),
                (None, Some(currency), Some(amount)) => format_amount(amount, currency),
                _ => requested.amount.to_string(),
            };
            let mut line =
                (t.audit_purchase)(&amount, &category_label(&requested.category, locale));
            if let Some(approved) = approved {
                let word = if *approved {
                    t.audit_purchase_approved
                } else {
                    t.audit_purchase_declined
                };
                line = format!("{line}{}{word}", t.list_separator);
            }
            (line, Vec::new())
        }
        AuditChange::CardholderCreate { requested, .. } => {
            ((t.audit_cardholder_created)(&requested.name), Vec::new())
        }
        AuditChange::CardholderUpdate { requested } => {
            let fields: Vec<String> = requested
                .fields()
                .into_iter()
                .map(t.cardholder_field)
                .collect();
            (
                (t.audit_cardholder_edited)(&fields.join(t.list_separator)),
                Vec::new(),
            )
        }
        AuditChange::CardIssue { requested, .. } => {
            let line = match (&requested.replacement_for, &requested.replacement_reason) {
                (Some(old), reason) => (t.audit_card_replaced)(
                    old,
                    &(t.replacement_reason)(reason.as_ref().map_or("", |r| r.as_str())),
                ),
                (None, _) => (t.audit_card_issued)(match requested.kind {
                    CardType::Physical => t.physical_card,
                    _ => t.virtual_card,
                }),
            };
            (line, Vec::new())
        }
        AuditChange::CardShipping {
            step,
            before,
            after,
        } => {
            let word = |s: &ShippingStatus| (t.shipping_status)(s.as_str());
            let line = match (before, after) {
                (Some(from), Some(to)) => (t.audit_shipping_moved)(&word(from), &word(to)),
                _ => (t.audit_shipping_to)(&word(&step.target())),
            };
            (line, Vec::new())
        }
    };
    EntryInWords {
        kind: (t.audit_kind_label)(entry.kind.as_str()),
        summary,
        changes,
        outcome: (t.audit_outcome_label)(entry.outcome.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use issuing_model::api::{AuditAnswer, AuditOperator, AuditOutcome, SimulatePurchase};
    use issuing_model::{
        CardUpdate, Category, SpendingControls, SpendingControlsUpdate, SpendingInterval,
        SpendingLimit,
    };

    fn entry(change: AuditChange, outcome: AuditOutcome) -> AuditEntry {
        AuditEntry {
            id: "aud_1".into(),
            created: 0,
            operator: AuditOperator {
                id: "op".into(),
                name: "Op".into(),
            },
            account: "acct_1".into(),
            kind: change.kind(),
            object_id: "ic_1".into(),
            change,
            idempotency_key: None,
            outcome,
            answer: AuditAnswer::default(),
        }
    }

    fn card(status: CardStatus, daily: Option<i64>) -> CardState {
        CardState {
            status,
            currency: "eur".into(),
            spending_controls: SpendingControls {
                spending_limits: daily.map(|amount| {
                    vec![SpendingLimit {
                        amount,
                        categories: None,
                        interval: SpendingInterval::Daily,
                    }]
                }),
                ..SpendingControls::default()
            },
            cancellation_reason: None,
        }
    }

    #[test]
    fn a_controls_change_reads_as_the_editors_review_in_both_languages() {
        let change = AuditChange::CardUpdate {
            requested: CardUpdate {
                spending_controls: Some(SpendingControlsUpdate::default()),
                ..CardUpdate::default()
            },
            before: Some(card(CardStatus::Active, None)),
            after: Some(card(CardStatus::Active, Some(5_000))),
        };
        let done = entry(change, AuditOutcome::Succeeded);
        let en = entry_in_words(&done, Locale::En);
        assert_eq!(en.summary, "Changed the spending controls");
        assert_eq!(en.changes.len(), 1, "only what changed");
        assert_eq!(en.changes[0].after, "€50.00 per day");
        assert_eq!(en.outcome, "Done");
        let ja = entry_in_words(&done, Locale::Ja);
        assert_eq!(ja.summary, "利用制限を変更");
        assert_eq!(ja.changes[0].after, "1日あたり €50.00");
    }

    #[test]
    fn a_refused_cancel_says_what_was_asked_and_why() {
        let change = AuditChange::CardUpdate {
            requested: CardUpdate {
                status: Some(CardStatus::Canceled),
                cancellation_reason: Some("lost".parse().unwrap()),
                ..CardUpdate::default()
            },
            before: Some(card(CardStatus::Inactive, None)),
            after: None,
        };
        let refused = entry(change, AuditOutcome::Refused);
        let en = entry_in_words(&refused, Locale::En);
        assert_eq!(en.summary, "Status: Frozen → Canceled, reason: Lost");
        assert_eq!(en.outcome, "Refused");
        assert_eq!(en.kind, "Card status");
    }

    #[test]
    fn a_simulated_purchase_names_its_amount_category_and_decision() {
        let change = AuditChange::PurchaseSimulation {
            requested: SimulatePurchase {
                amount: 3_000,
                merchant_amount: None,
                merchant_currency: None,
                category: Category::from("bakeries"),
                country: "DE".into(),
                card_present: true,
                merchant_name: None,
                capture: false,
            },
            authorization: Some("iauth_1".into()),
            approved: Some(false),
            currency: Some("eur".into()),
        };
        let words = entry_in_words(&entry(change, AuditOutcome::Succeeded), Locale::En);
        assert_eq!(
            words.summary,
            "Simulated a purchase of €30.00 (Bakeries), declined"
        );
    }

    #[test]
    fn lifecycle_entries_say_what_was_issued_edited_or_shipped() {
        use issuing_model::{CardCreate, CardholderUpdate, ReplacementReason, ShippingStep};
        let replace = AuditChange::CardIssue {
            requested: CardCreate {
                cardholder: "ich_1".into(),
                currency: "usd".into(),
                kind: CardType::Physical,
                status: None,
                spending_controls: None,
                shipping: None,
                replacement_for: Some("ic_old".into()),
                replacement_reason: Some(ReplacementReason::Lost),
                metadata: Default::default(),
            },
            card: Some("ic_new".into()),
        };
        let e = entry(replace, AuditOutcome::Succeeded);
        assert_eq!(e.kind.as_str(), "card_replace");
        assert_eq!(
            entry_in_words(&e, Locale::En).summary,
            "Replaced ic_old (lost)"
        );
        assert_eq!(
            entry_in_words(&e, Locale::Ja).summary,
            "ic_old を再発行（紛失）"
        );
        let edit = AuditChange::CardholderUpdate {
            requested: CardholderUpdate {
                email: Some("a@b.co".into()),
                billing: Some(Default::default()),
                ..Default::default()
            },
        };
        let words = entry_in_words(&entry(edit, AuditOutcome::Succeeded), Locale::En);
        assert_eq!(words.summary, "Edited: email, billing address");
        let ship = AuditChange::CardShipping {
            step: ShippingStep::Deliver,
            before: Some(ShippingStatus::Shipped),
            after: Some(ShippingStatus::Delivered),
        };
        let words = entry_in_words(&entry(ship, AuditOutcome::Succeeded), Locale::Ja);
        assert_eq!(words.summary, "配送：発送済み → 配達済み");
        assert_eq!(words.kind, "配送");
    }
}
