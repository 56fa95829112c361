//! What happens to an account's Issuing records when a card is used: an authorization decided
//! as Stripe decides it (the model's `decide`), then captured, reversed, expired, incremented or
//! refunded. No HTTP and no events here: the test-helper routes and the seed both use it.
//!
//! Spend counted against limits is the model's `IssuingAuthorization::counted_spend`.

use issuing_model::rules::authorization::{decide, Decline, Purchase, Spend};
use issuing_model::{
    AuthorizationMethod, AuthorizationStatus, CardPresence, Cardholder, IssuingAuthorization,
    IssuingCard, IssuingTransaction, MerchantData, RequestHistory, TransactionType,
};

use crate::state::AccountIssuing;

/// A purchase as the network presents it: `amount` in the card's currency, `merchant_amount`
/// in the merchant's.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub card: String,
    pub amount: i64,
    pub merchant_amount: i64,
    pub merchant_currency: String,
    pub merchant_data: MerchantData,
    pub method: AuthorizationMethod,
    pub wallet: Option<String>,
    pub at: i64,
    pub id: String,
}

/// Whether the card was in the shop: chip, contactless and swipe are; keyed-in and online not.
pub fn presence(method: &AuthorizationMethod) -> CardPresence {
    match method {
        AuthorizationMethod::Chip
        | AuthorizationMethod::Contactless
        | AuthorizationMethod::Swipe => CardPresence::Present,
        _ => CardPresence::NotPresent,
    }
}

/// The card and every card it replaced, following `replacement_for`.
fn chain(issuing: &AccountIssuing, card: &str) -> Vec<String> {
    let mut ids = vec![card.to_owned()];
    let mut next = issuing.card(card).and_then(|c| c.replacement_for.clone());
    while let Some(id) = next {
        if ids.contains(&id) {
            break;
        }
        next = issuing.card(&id).and_then(|c| c.replacement_for.clone());
        ids.push(id);
    }
    ids
}

/// The spend counted against the card's limits (its replacement chain) and its cardholder's.
pub fn history(issuing: &AccountIssuing, card: &str) -> (Vec<Spend>, Vec<Spend>) {
    let ids = chain(issuing, card);
    let holder = issuing.card(card).map(|c| c.cardholder.id.clone());
    let mut of_card = Vec::new();
    let mut of_holder = Vec::new();
    for auth in issuing.authorizations.iter().filter(|a| a.approved) {
        if ids.contains(&auth.card.id) {
            of_card.push(auth.spend());
        }
        if holder.is_some() && auth.cardholder == holder {
            of_holder.push(auth.spend());
        }
    }
    (of_card, of_holder)
}

/// The card and its cardholder as they are now (the cardholder's own record, for its controls).
fn card_and_holder(issuing: &AccountIssuing, card: &str) -> Option<(IssuingCard, Cardholder)> {
    let card = issuing.card(card)?.clone();
    let holder = issuing
        .cardholders
        .iter()
        .find(|h| h.id == card.cardholder.id)
        .cloned()
        .unwrap_or_else(|| card.cardholder.clone());
    Some((card, holder))
}

/// Decides `attempt` and records the authorization (approved and pending, or declined and
/// closed). `None` if the card is not this account's.
pub fn authorize(issuing: &mut AccountIssuing, attempt: Attempt) -> Option<IssuingAuthorization> {
    let (card, holder) = card_and_holder(issuing, &attempt.card)?;
    let purchase = Purchase {
        amount: attempt.amount,
        category: attempt.merchant_data.category.clone(),
        country: attempt.merchant_data.country.clone(),
        presence: presence(&attempt.method),
        at: attempt.at,
    };
    let (of_card, of_holder) = history(issuing, &card.id);
    let decision = decide(&card, &holder, &purchase, &of_card, &of_holder);
    let approved = decision.is_ok();
    let history = vec![request(&attempt, &card.currency, &decision)];
    let auth = IssuingAuthorization {
        id: attempt.id,
        object: "issuing.authorization".into(),
        amount: attempt.amount,
        approved,
        authorization_method: attempt.method.clone(),
        card_presence: Some(purchase.presence.clone()),
        cardholder: Some(card.cardholder.id.clone()),
        created: attempt.at,
        currency: card.currency.clone(),
        livemode: false,
        merchant_amount: attempt.merchant_amount,
        merchant_currency: attempt.merchant_currency.clone(),
        merchant_data: attempt.merchant_data,
        metadata: Default::default(),
        request_history: history,
        status: if approved {
            AuthorizationStatus::Pending
        } else {
            AuthorizationStatus::Closed
        },
        transactions: Vec::new(),
        balance_transactions: Vec::new(),
        wallet: attempt.wallet,
        card,
    };
    issuing.authorizations.insert(0, auth.clone());
    Some(auth)
}

fn request(attempt: &Attempt, currency: &str, decision: &Result<(), Decline>) -> RequestHistory {
    RequestHistory {
        amount: attempt.amount,
        approved: decision.is_ok(),
        created: attempt.at,
        currency: currency.to_owned(),
        merchant_amount: attempt.merchant_amount,
        merchant_currency: attempt.merchant_currency.clone(),
        reason: match decision {
            Ok(()) => "card_active".to_owned(),
            Err(decline) => decline.reason.as_str().to_owned(),
        },
        reason_message: decision.as_ref().err().map(ToString::to_string),
        amount_details: None,
        authorization_code: decision
            .is_ok()
            .then(|| format!("{:06}", attempt.at.rem_euclid(1_000_000))),
        network_risk_score: None,
        requested_at: Some(attempt.at),
    }
}

/// Why a pending authorization cannot be changed, in Stripe's words.
pub fn not_pending(auth: &IssuingAuthorization) -> String {
    format!(
        "This authorization is {} and can no longer be changed.",
        auth.status.as_str()
    )
}

fn pending_mut<'a>(
    issuing: &'a mut AccountIssuing,
    id: &str,
) -> Result<Option<&'a mut IssuingAuthorization>, String> {
    let Some(auth) = issuing.authorizations.iter_mut().find(|a| a.id == id) else {
        return Ok(None);
    };
    if auth.status != AuthorizationStatus::Pending {
        return Err(not_pending(auth));
    }
    Ok(Some(auth))
}

/// Captures `amount` (default: all of it) of a pending authorization as a transaction, and
/// closes it unless told not to. `Ok(None)`: no such authorization.
pub fn capture(
    issuing: &mut AccountIssuing,
    id: &str,
    amount: Option<i64>,
    close: bool,
    at: i64,
    transaction_id: String,
) -> Result<Option<(IssuingAuthorization, IssuingTransaction)>, String> {
    let Some(auth) = pending_mut(issuing, id)? else {
        return Ok(None);
    };
    let amount = amount.unwrap_or(auth.amount);
    if amount < 1 {
        return Err("The capture amount must be a positive integer.".into());
    }
    // The merchant's amount follows in the same proportion.
    let merchant_amount = if auth.amount == 0 {
        0
    } else {
        auth.merchant_amount * amount / auth.amount
    };
    let transaction = IssuingTransaction {
        id: transaction_id,
        object: "issuing.transaction".into(),
        amount: -amount,
        authorization: Some(auth.id.clone()),
        card: auth.card.id.clone(),
        cardholder: auth.cardholder.clone(),
        created: at,
        currency: auth.currency.clone(),
        livemode: false,
        merchant_amount: -merchant_amount,
        merchant_currency: auth.merchant_currency.clone(),
        merchant_data: auth.merchant_data.clone(),
        metadata: Default::default(),
        kind: TransactionType::Capture,
        wallet: auth.wallet.clone(),
    };
    auth.transactions.push(transaction.clone());
    if close {
        auth.status = AuthorizationStatus::Closed;
    }
    let auth = auth.clone();
    issuing.transactions.insert(0, transaction.clone());
    Ok(Some((auth, transaction)))
}

/// Releases `amount` (default: all that is left) of a pending authorization; all of it
/// reverses the authorization.
pub fn reverse(
    issuing: &mut AccountIssuing,
    id: &str,
    amount: Option<i64>,
) -> Result<Option<IssuingAuthorization>, String> {
    let Some(auth) = pending_mut(issuing, id)? else {
        return Ok(None);
    };
    let amount = amount.unwrap_or(auth.amount);
    if amount < 1 || amount > auth.amount {
        return Err(format!(
            "The reverse amount must be between 1 and the authorized amount ({}).",
            auth.amount
        ));
    }
    auth.amount -= amount;
    if auth.amount == 0 {
        auth.status = AuthorizationStatus::Reversed;
    }
    Ok(Some(auth.clone()))
}

/// Lets a pending authorization lapse, as the network does after some days.
pub fn expire(
    issuing: &mut AccountIssuing,
    id: &str,
) -> Result<Option<IssuingAuthorization>, String> {
    let Some(auth) = pending_mut(issuing, id)? else {
        return Ok(None);
    };
    auth.status = AuthorizationStatus::Expired;
    Ok(Some(auth.clone()))
}

/// Asks for `more` on a pending authorization (a tip, a longer stay): decided like a new
/// purchase, with the authorization's own hold not counted twice; on approval the amount grows.
pub fn increment(
    issuing: &mut AccountIssuing,
    id: &str,
    more: i64,
    at: i64,
) -> Result<Option<IssuingAuthorization>, String> {
    if more < 1 {
        return Err("The increment amount must be a positive integer.".into());
    }
    let Some(current) = pending_mut(issuing, id)?.map(|a| a.clone()) else {
        return Ok(None);
    };
    let Some((card, holder)) = card_and_holder(issuing, &current.card.id) else {
        return Ok(None);
    };
    let purchase = Purchase {
        amount: current.amount + more,
        category: current.merchant_data.category.clone(),
        country: current.merchant_data.country.clone(),
        presence: presence(&current.authorization_method),
        at,
    };
    let (mut of_card, mut of_holder) = history(issuing, &card.id);
    // The hold being raised is part of the new amount, not spend beside it.
    for list in [&mut of_card, &mut of_holder] {
        if let Some(i) = list
            .iter()
            .position(|s| s.at == current.created && s.amount == current.amount)
        {
            list.remove(i);
        }
    }
    let decision = decide(&card, &holder, &purchase, &of_card, &of_holder);
    let merchant_more = if current.amount == 0 {
        more
    } else {
        current.merchant_amount * more / current.amount
    };
    let attempt = Attempt {
        card: card.id.clone(),
        amount: current.amount + more,
        merchant_amount: current.merchant_amount + merchant_more,
        merchant_currency: current.merchant_currency.clone(),
        merchant_data: current.merchant_data.clone(),
        method: current.authorization_method.clone(),
        wallet: current.wallet.clone(),
        at,
        id: current.id.clone(),
    };
    let entry = request(&attempt, &current.currency, &decision);
    let Some(auth) = issuing.authorizations.iter_mut().find(|a| a.id == id) else {
        return Ok(None);
    };
    auth.request_history.push(entry);
    if decision.is_ok() {
        auth.amount = attempt.amount;
        auth.merchant_amount = attempt.merchant_amount;
    }
    Ok(Some(auth.clone()))
}

/// Refunds `amount` (default: all of it) of a capture as a new transaction.
pub fn refund(
    issuing: &mut AccountIssuing,
    id: &str,
    amount: Option<i64>,
    at: i64,
    refund_id: String,
) -> Result<Option<IssuingTransaction>, String> {
    let Some(capture) = issuing.transactions.iter().find(|t| t.id == id).cloned() else {
        return Ok(None);
    };
    if capture.kind != TransactionType::Capture {
        return Err("Only a capture can be refunded.".into());
    }
    let refunded = issuing.refunded.get(&capture.id).copied().unwrap_or(0);
    let left = -capture.amount - refunded;
    let amount = amount.unwrap_or(left);
    if amount < 1 || amount > left {
        return Err(format!(
            "The refund amount must be between 1 and what is left to refund ({left})."
        ));
    }
    let merchant_amount = if capture.amount == 0 {
        0
    } else {
        capture.merchant_amount * amount / capture.amount
    };
    let mut refund = capture.clone();
    refund.id = refund_id;
    refund.amount = amount;
    refund.merchant_amount = -merchant_amount;
    refund.created = at;
    refund.kind = TransactionType::Refund;
    issuing.transactions.insert(0, refund.clone());
    *issuing.refunded.entry(capture.id).or_default() += amount;
    Ok(Some(refund))
}
