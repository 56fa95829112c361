//! An audit entry in words: its kind, a one-line summary, the spending controls' before →
//! after in the same words as the editor's review, and its outcome. Shared by the panel's
//! Activity and History and the server's CSV export.

use issuing_model::api::{AuditChange, AuditEntry, CardState};
use issuing_model::money::format_amount;
use issuing_model::{CardStatus, SpendingControlsUpdate};

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
    };
    EntryInWords {
        kind: (t.audit_kind_label)(entry.kind.as_str()),
        summary,
        changes,
        outcome: (t.audit_outcome_label)(entry.outcome.as_str()),
    }
}
