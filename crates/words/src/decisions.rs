//! Stripe's decision on a purchase in the panel's words: why it was declined, naming the control
//! (its category label, the limit as the editor phrases it), in either language.

use issuing_model::money::format_amount;
use issuing_model::rules::authorization::{Broken, Decline, DeclineReason, Owner};
use issuing_model::CardPresence;

use crate::categories::category_label;
use crate::controls::limit_phrase;
use crate::{InWords, Locale};

impl InWords for Decline {
    fn in_words(&self, locale: Locale) -> String {
        let t = locale.texts();
        let Some((owner, broken)) = &self.control else {
            return reason_words(self.reason.as_str(), locale);
        };
        let whose = match owner {
            Owner::Card => t.decline_on_card,
            Owner::Cardholder => t.decline_on_cardholder,
        };
        match broken {
            Broken::CategoryNotAllowed(c) => {
                (t.decline_category_not_allowed)(&category_label(c, locale), whose)
            }
            Broken::CategoryBlocked(c) => {
                (t.decline_category_blocked)(&category_label(c, locale), whose)
            }
            Broken::CountryNotAllowed(Some(c)) => (t.decline_country_not_allowed)(c, whose),
            Broken::CountryNotAllowed(None) => (t.decline_country_unknown)(whose),
            Broken::CountryBlocked(c) => (t.decline_country_blocked)(c, whose),
            Broken::PresenceNotAllowed(p) | Broken::PresenceBlocked(p) => {
                (t.decline_presence)(*p == CardPresence::Present, whose)
            }
            Broken::OverLimit {
                limit,
                currency,
                spent,
            } => (t.decline_over_limit)(
                &limit_phrase(limit, currency, locale),
                &format_amount(*spent, currency),
                whose,
            ),
        }
    }
}

/// A decline Stripe gave for `reason` (its `request_history[].reason`), where the control at
/// fault is not known.
pub fn reason_words(reason: &str, locale: Locale) -> String {
    let t = locale.texts();
    let known = [
        (DeclineReason::CardInactive, t.decline_card_inactive),
        (DeclineReason::CardCanceled, t.decline_card_canceled),
        (DeclineReason::CardExpired, t.decline_card_expired),
        (
            DeclineReason::CardholderInactive,
            t.decline_cardholder_inactive,
        ),
        (
            DeclineReason::CardholderBlocked,
            t.decline_cardholder_blocked,
        ),
        (DeclineReason::SpendingControls, t.decline_spending_controls),
    ];
    known
        .iter()
        .find(|(r, _)| r.as_str() == reason)
        .map(|(_, words)| words.to_string())
        .unwrap_or_else(|| (t.decline_other)(reason))
}

#[cfg(test)]
mod tests {
    use super::*;
    use issuing_model::{SpendingInterval, SpendingLimit};

    fn over(interval: SpendingInterval) -> Decline {
        Decline {
            reason: DeclineReason::SpendingControls,
            control: Some((
                Owner::Card,
                Broken::OverLimit {
                    limit: SpendingLimit {
                        amount: 5_000,
                        categories: None,
                        interval,
                    },
                    currency: "eur".into(),
                    spent: 3_000,
                },
            )),
        }
    }

    #[test]
    fn a_decline_names_its_control_in_both_languages() {
        let daily = over(SpendingInterval::Daily);
        assert_eq!(
            daily.in_words(Locale::En),
            "Declined: over the card's limit of €50.00 per day (€30.00 already spent)"
        );
        assert_eq!(
            daily.in_words(Locale::Ja),
            "拒否：カードの上限（1日あたり €50.00）を超えます（使用済み €30.00）"
        );
        let blocked = Decline {
            reason: DeclineReason::SpendingControls,
            control: Some((
                Owner::Cardholder,
                Broken::CategoryBlocked("bakeries".into()),
            )),
        };
        assert_eq!(
            blocked.in_words(Locale::En),
            "Declined: Bakeries is blocked for the cardholder"
        );
        let inactive = Decline {
            reason: DeclineReason::CardInactive,
            control: None,
        };
        assert_eq!(
            inactive.in_words(Locale::En),
            "Declined: the card is inactive"
        );
        assert_eq!(inactive.in_words(Locale::Ja), "拒否：カードが無効です");
        assert_eq!(
            reason_words("webhook_declined", Locale::En),
            "Declined by Stripe (webhook_declined)"
        );
    }
}
