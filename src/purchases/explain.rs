//! Why Stripe declined a purchase, in the operator's words, and how it stands now. Stripe says
//! which rule (`reason`) and, for a spending control, names it only in English
//! (`reason_message`): the card's history decides it again with Stripe's rules (the model's
//! `decide`) over the purchases before it, to name the control in the operator's language.

use issuing_model::money::format_amount;
use issuing_model::rules::card_history::CardHistory;
use issuing_model::{AuthorizationStatus, IssuingAuthorization, IssuingCard, TransactionType};
use issuing_words::{reason_words, InWords, Locale};

/// `auth`'s outcome in `locale`; with the history, a spending-control decline names the
/// control that still declines it.
pub fn explain(
    auth: &IssuingAuthorization,
    card: &IssuingCard,
    history: Option<&CardHistory>,
    locale: Locale,
) -> String {
    let Some(declined) = auth.decline() else {
        return locale.texts().purchase_approved.to_owned();
    };
    history
        .and_then(|h| h.explain(card, auth))
        .map(|d| d.in_words(locale))
        .unwrap_or_else(|| reason_words(&declined.reason, locale))
}

/// Stripe's own words for a decline the panel cannot name in the operator's (the controls
/// changed since, or the history is still on its way): its `reason_message`, in English.
pub fn stripe_words(
    auth: &IssuingAuthorization,
    card: &IssuingCard,
    history: Option<&CardHistory>,
) -> Option<String> {
    let message = auth.decline()?.reason_message.clone()?;
    let named = history.is_some_and(|h| h.explain(card, auth).is_some());
    (!named).then_some(message)
}

/// Where the money stands: held, settled (and refunded), reversed or expired. `None` for a
/// decline, which held nothing.
pub fn standing(auth: &IssuingAuthorization, locale: Locale) -> Option<String> {
    let t = locale.texts();
    if !auth.approved {
        return None;
    }
    let total = |kind: TransactionType| {
        auth.transactions
            .iter()
            .filter(|x| x.kind == kind)
            .map(|x| x.amount.abs())
            .sum::<i64>()
    };
    let (captured, refunded) = (
        total(TransactionType::Capture),
        total(TransactionType::Refund),
    );
    let money = |amount| format_amount(amount, &auth.currency);
    let mut parts = Vec::new();
    if captured > 0 {
        parts.push((t.purchase_captured)(&money(captured)));
    }
    if refunded > 0 {
        parts.push((t.purchase_refunded)(&money(refunded)));
    }
    if parts.is_empty() {
        parts.push(
            match auth.status {
                AuthorizationStatus::Reversed => t.purchase_reversed,
                AuthorizationStatus::Expired => t.purchase_expired,
                _ => t.purchase_pending,
            }
            .to_owned(),
        );
    }
    Some(parts.join(t.list_separator))
}
