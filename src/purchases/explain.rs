//! Why Stripe declined a purchase, in the operator's words. Stripe says which rule
//! (`reason`) and, for a spending control, names it only in English (`reason_message`): the
//! panel decides the purchase again with the same rules as Stripe (the model's `decide`) over
//! the card's earlier approved purchases, to name the control in the operator's language.

use issuing_model::rules::authorization::{decide, DeclineReason, Purchase};
use issuing_model::{CardPresence, IssuingAuthorization, IssuingCard};
use issuing_words::{reason_words, InWords, Locale};

/// `auth`'s outcome in `locale`; `earlier` are the card's purchases before it (Stripe's list
/// order says which: several can share a second).
pub fn explain(
    auth: &IssuingAuthorization,
    card: &IssuingCard,
    earlier: &[IssuingAuthorization],
    locale: Locale,
) -> String {
    let Some(declined) = auth.decline() else {
        return locale.texts().purchase_approved.to_owned();
    };
    if declined.reason == DeclineReason::SpendingControls.as_str() {
        let purchase = Purchase {
            amount: declined.amount,
            category: auth.merchant_data.category.clone(),
            country: auth.merchant_data.country.clone(),
            presence: auth
                .card_presence
                .clone()
                .unwrap_or(CardPresence::NotPresent),
            at: auth.created,
        };
        let spend: Vec<_> = earlier.iter().map(IssuingAuthorization::spend).collect();
        // Decided again with the card as it is now: if its controls still decline it, say which.
        if let Err(again) = decide(card, &card.cardholder, &purchase, &spend, &spend) {
            if again.reason == DeclineReason::SpendingControls {
                return again.in_words(locale);
            }
        }
    }
    reason_words(&declined.reason, locale)
}
