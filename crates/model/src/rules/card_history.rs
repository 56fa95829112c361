//! A card's purchases read with Stripe's rules, in the browser: what each limit has counted so
//! far, why a purchase was declined (named in the operator's words), and what a draft of the
//! controls would have done to the recent ones. All of it goes through [`decide`], the one
//! implementation the sandbox answers with.

use super::authorization::{decide, interval_start, spent_against, Decline, Purchase, Spend};
use super::authorization::{DeclineReason, Owner};
use crate::{
    CardPresence, CardStatus, CardholderStatus, IssuingAuthorization, IssuingCard,
    SpendingControls, SpendingLimit,
};

/// The cardholder's authorizations (every card of theirs), oldest first, and which of their
/// cards are this card's replacement chain (it and the cards it replaced).
#[derive(Debug, Clone, PartialEq)]
pub struct CardHistory {
    pub chain: Vec<String>,
    authorizations: Vec<IssuingAuthorization>,
    /// Whether every authorization was fetched (a very long history may be cut).
    pub complete: bool,
}

/// What a draft would have changed over a window of the card's purchases, newest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WhatIf {
    /// Purchases the draft was asked about (approved, or declined by a spending control).
    pub considered: usize,
    /// Approved then, declined under the draft, and why.
    pub would_decline: Vec<(IssuingAuthorization, Decline)>,
    /// Declined by a spending control then, approved under the draft.
    pub would_approve: Vec<IssuingAuthorization>,
}

/// A limit and what is counted against it now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitUse {
    pub owner: Owner,
    pub limit: SpendingLimit,
    /// In the limit's currency; `None` for `per_authorization`, which has no interval.
    pub spent: Option<i64>,
    /// When the interval began (Unix seconds; `i64::MIN` for `all_time`).
    pub since: Option<i64>,
}

impl LimitUse {
    /// What is left before the limit declines (never below zero).
    pub fn left(&self) -> i64 {
        (self.limit.amount - self.spent.unwrap_or(0)).max(0)
    }
}

impl CardHistory {
    /// `authorizations` as Stripe lists them (newest first; several may share a second).
    pub fn new(
        chain: Vec<String>,
        mut authorizations: Vec<IssuingAuthorization>,
        complete: bool,
    ) -> Self {
        authorizations.reverse();
        // Stable: within a second, Stripe's order (reversed) stays.
        authorizations.sort_by_key(|a| a.created);
        Self {
            chain,
            authorizations,
            complete,
        }
    }

    fn on_card(&self, auth: &IssuingAuthorization) -> bool {
        self.chain.contains(&auth.card.id)
    }

    /// The card's own authorizations (its replacement chain's), newest first.
    pub fn of_card(&self) -> impl Iterator<Item = &IssuingAuthorization> {
        self.authorizations.iter().rev().filter(|a| self.on_card(a))
    }

    pub fn find(&self, id: &str) -> Option<&IssuingAuthorization> {
        self.authorizations.iter().find(|a| a.id == id)
    }

    /// Every limit on the card and its cardholder, with what it has counted at `now`.
    pub fn limit_uses(&self, card: &IssuingCard, now: i64) -> Vec<LimitUse> {
        let of_card: Vec<Spend> = self.of_card().map(IssuingAuthorization::spend).collect();
        let of_holder: Vec<Spend> = self
            .authorizations
            .iter()
            .map(IssuingAuthorization::spend)
            .collect();
        let uses = |owner, controls: &SpendingControls, spend: &[Spend]| {
            controls
                .limits()
                .iter()
                .map(|limit| {
                    let since = interval_start(&limit.interval, now);
                    LimitUse {
                        owner,
                        limit: limit.clone(),
                        spent: since.map(|_| spent_against(limit, spend, now)),
                        since,
                    }
                })
                .collect::<Vec<_>>()
        };
        let mut all = uses(Owner::Card, &card.spending_controls, &of_card);
        if let Some(controls) = &card.cardholder.spending_controls {
            all.extend(uses(Owner::Cardholder, controls, &of_holder));
        }
        all
    }

    /// Why `auth` was declined, decided again with the card's controls as they are now over
    /// the spend before it: the control at fault, where they still decline it — and, where
    /// Stripe named the control (`reason_message`), only if it names the same one: controls
    /// changed since must not explain an older decline.
    pub fn explain(&self, card: &IssuingCard, auth: &IssuingAuthorization) -> Option<Decline> {
        let declined = auth.decline()?;
        if declined.reason != DeclineReason::SpendingControls.as_str() {
            return None;
        }
        let position = self.authorizations.iter().position(|a| a.id == auth.id)?;
        let before = &self.authorizations[..position];
        let of_card: Vec<Spend> = before
            .iter()
            .filter(|a| self.on_card(a))
            .map(IssuingAuthorization::spend)
            .collect();
        let of_holder: Vec<Spend> = before.iter().map(IssuingAuthorization::spend).collect();
        let again = decide(
            &as_if_active(card, &card.spending_controls),
            &active_holder(card),
            &purchase_of(auth),
            &of_card,
            &of_holder,
        );
        again.err().filter(|d| {
            d.reason == DeclineReason::SpendingControls
                && declined
                    .reason_message
                    .as_ref()
                    .is_none_or(|said| *said == d.to_string())
        })
    }

    /// What `draft` (the card's controls after an edit) would have done to the card's
    /// purchases since `since`, replayed in order: a purchase the draft declines adds no spend,
    /// one it lets through adds what was asked. Declines for other reasons (a status) stay.
    pub fn what_if(&self, card: &IssuingCard, draft: &SpendingControls, since: i64) -> WhatIf {
        let hypothetical = as_if_active(card, draft);
        let holder = active_holder(card);
        let (mut of_card, mut of_holder) = (Vec::new(), Vec::new());
        let mut out = WhatIf::default();
        for auth in &self.authorizations {
            let on_card = self.on_card(auth);
            let replayed = on_card && auth.created >= since && decided_by_controls(auth);
            let spend = if replayed {
                out.considered += 1;
                let decision = decide(
                    &hypothetical,
                    &holder,
                    &purchase_of(auth),
                    &of_card,
                    &of_holder,
                );
                match (decision, auth.approved) {
                    (Err(decline), true) => {
                        out.would_decline.push((auth.clone(), decline));
                        None
                    }
                    (Ok(()), false) => {
                        out.would_approve.push(auth.clone());
                        Some(Spend {
                            amount: auth.requested(),
                            ..auth.spend()
                        })
                    }
                    (Ok(()), true) => Some(auth.spend()),
                    (Err(_), false) => None,
                }
            } else {
                Some(auth.spend())
            };
            if let Some(spend) = spend.filter(|s| s.amount > 0) {
                if on_card {
                    of_card.push(spend.clone());
                }
                of_holder.push(spend);
            }
        }
        out.would_decline.reverse();
        out.would_approve.reverse();
        out
    }
}

/// Whether the card's controls had a say: approved, or declined by a spending control (a
/// status decline would be one whatever the controls).
fn decided_by_controls(auth: &IssuingAuthorization) -> bool {
    auth.approved
        || auth
            .decline()
            .is_some_and(|d| d.reason == DeclineReason::SpendingControls.as_str())
}

/// The purchase an authorization asked for, as the decision reads it.
pub fn purchase_of(auth: &IssuingAuthorization) -> Purchase {
    Purchase {
        amount: auth.requested(),
        category: auth.merchant_data.category.clone(),
        country: auth.merchant_data.country.clone(),
        presence: auth
            .card_presence
            .clone()
            .unwrap_or(CardPresence::NotPresent),
        at: auth.created,
    }
}

/// The card with `controls`, as if active then: only the controls are in question.
fn as_if_active(card: &IssuingCard, controls: &SpendingControls) -> IssuingCard {
    let mut card = card.clone();
    card.status = CardStatus::Active;
    card.spending_controls = controls.clone();
    // Expiry is a status too: a purchase approved then was before it.
    card.exp_year = card.exp_year.max(9999);
    card
}

fn active_holder(card: &IssuingCard) -> crate::Cardholder {
    let mut holder = card.cardholder.clone();
    holder.status = CardholderStatus::Active;
    holder
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SpendingInterval, SpendingLimit};
    use serde_json::json;

    const DAY: i64 = 86_400;
    /// 2026-11-18, 00:00 UTC.
    const MIDNIGHT: i64 = 1_794_960_000;

    fn card(id: &str, daily: Option<i64>) -> IssuingCard {
        let limits = daily.map(|amount| {
            vec![json!({ "amount": amount, "interval": "daily", "categories": null })]
        });
        serde_json::from_value(json!({
            "id": id, "brand": "Visa", "cancellation_reason": null, "created": 1,
            "currency": "eur", "exp_month": 12, "exp_year": 2027, "last4": "4242",
            "replaced_by": null, "replacement_for": null, "replacement_reason": null,
            "status": "active", "type": "virtual",
            "cardholder": { "id": "ich_1", "created": 1, "email": null, "name": "Aiko",
                "phone_number": null, "status": "active", "type": "individual" },
            "spending_controls": { "spending_limits": limits },
        }))
        .unwrap()
    }

    fn auth(
        id: &str,
        card_id: &str,
        amount: i64,
        at: i64,
        declined: Option<&str>,
    ) -> IssuingAuthorization {
        let approved = declined.is_none();
        serde_json::from_value(json!({
            "id": id, "amount": if approved { amount } else { 0 }, "approved": approved,
            "authorization_method": "online", "card": card(card_id, None),
            "card_presence": "not_present", "cardholder": "ich_1", "created": at,
            "currency": "eur", "merchant_amount": amount, "merchant_currency": "eur",
            "merchant_data": { "category": "bakeries", "category_code": "5462", "city": null,
                "country": "DE", "name": "Bäckerei", "network_id": "1" },
            "request_history": [{ "amount": amount, "approved": approved, "created": at,
                "currency": "eur", "merchant_amount": amount, "merchant_currency": "eur",
                "reason": declined.unwrap_or("spending_controls"), "reason_message": null }],
            "status": if approved { "pending" } else { "closed" },
        }))
        .unwrap()
    }

    fn daily(amount: i64) -> SpendingControls {
        SpendingControls {
            spending_limits: Some(vec![SpendingLimit {
                amount,
                interval: SpendingInterval::Daily,
                categories: None,
            }]),
            ..SpendingControls::default()
        }
    }

    /// €30 approved, €30 declined by the €50 daily limit, an hour apart; newest first.
    fn two_purchases() -> (IssuingCard, CardHistory) {
        let card = card("ic_1", Some(5_000));
        let list = vec![
            auth(
                "iauth_2",
                "ic_1",
                3_000,
                MIDNIGHT + 3_600,
                Some("spending_controls"),
            ),
            auth("iauth_1", "ic_1", 3_000, MIDNIGHT, None),
        ];
        (card, CardHistory::new(vec!["ic_1".into()], list, true))
    }

    #[test]
    fn the_limit_counts_the_approved_spend_of_its_interval() {
        let (card, history) = two_purchases();
        let uses = history.limit_uses(&card, MIDNIGHT + 7_200);
        assert_eq!(uses.len(), 1);
        assert_eq!((uses[0].spent, uses[0].left()), (Some(3_000), 2_000));
        assert_eq!(uses[0].since, Some(MIDNIGHT));
        // The next day starts from nothing.
        let tomorrow = history.limit_uses(&card, MIDNIGHT + DAY);
        assert_eq!(tomorrow[0].spent, Some(0));
    }

    #[test]
    fn a_decline_is_explained_by_the_control_that_still_declines_it() {
        let (card, history) = two_purchases();
        let declined = history.find("iauth_2").unwrap().clone();
        let why = history
            .explain(&card, &declined)
            .expect("still over the limit");
        assert!(
            why.to_string().contains("daily spending limit of €50.00"),
            "{why}"
        );
        // Raised to €100, the controls no longer decline it: nothing to name.
        let raised = IssuingCard {
            spending_controls: daily(10_000),
            ..card
        };
        assert_eq!(history.explain(&raised, &declined), None);
    }

    #[test]
    fn a_decline_under_other_controls_is_not_explained_by_the_present_ones() {
        let (card, history) = two_purchases();
        let mut declined = history.find("iauth_2").unwrap().clone();
        // Stripe's message says what declined it then; the card's controls now agree.
        let now = history.explain(&card, &declined).unwrap().to_string();
        declined.request_history[0].reason_message = Some(now.clone());
        let first = history.find("iauth_1").unwrap().clone();
        let with = |d: &IssuingAuthorization| {
            CardHistory::new(vec!["ic_1".into()], vec![d.clone(), first.clone()], true)
        };
        assert!(with(&declined).explain(&card, &declined).is_some());
        // Declined by a €20 limit since raised to €50: the €50 limit is not why.
        let mut older = declined.clone();
        older.request_history[0].reason_message = Some(now.replace("€50.00", "€20.00"));
        assert_eq!(with(&older).explain(&card, &older), None);
    }

    #[test]
    fn a_raised_limit_would_have_let_the_decline_through() {
        let (card, history) = two_purchases();
        let what = history.what_if(&card, &daily(10_000), MIDNIGHT - 30 * DAY);
        assert_eq!(what.considered, 2);
        assert!(what.would_decline.is_empty());
        assert_eq!(what.would_approve.len(), 1);
        assert_eq!(what.would_approve[0].id, "iauth_2");
    }

    #[test]
    fn a_lowered_limit_declines_what_passed_and_frees_nothing() {
        let (card, history) = two_purchases();
        let what = history.what_if(&card, &daily(2_000), MIDNIGHT - 30 * DAY);
        assert_eq!(what.would_decline.len(), 1);
        assert_eq!(what.would_decline[0].0.id, "iauth_1");
        assert!(what.would_decline[0].1.to_string().contains("€20.00"));
        assert!(what.would_approve.is_empty());
    }

    #[test]
    fn a_purchase_the_draft_declines_leaves_room_for_the_next() {
        // €40 then €30 on a €50 daily limit: the second was declined. A €35 draft declines the
        // first, so the second fits.
        let card = card("ic_1", Some(5_000));
        let list = vec![
            auth(
                "iauth_2",
                "ic_1",
                3_000,
                MIDNIGHT + 60,
                Some("spending_controls"),
            ),
            auth("iauth_1", "ic_1", 4_000, MIDNIGHT, None),
        ];
        let history = CardHistory::new(vec!["ic_1".into()], list, true);
        let what = history.what_if(&card, &daily(3_500), MIDNIGHT - DAY);
        assert_eq!(what.would_decline[0].0.id, "iauth_1");
        assert_eq!(what.would_approve[0].id, "iauth_2");
    }

    #[test]
    fn the_chain_counts_and_other_cards_and_status_declines_do_not() {
        // The card replaced ic_0: its spend counts. The cardholder's other card ic_9 does not
        // count against the card's limit; a decline for an inactive card stays one.
        let card = IssuingCard {
            replacement_for: Some("ic_0".into()),
            ..card("ic_1", Some(5_000))
        };
        let list = vec![
            auth(
                "iauth_4",
                "ic_1",
                1_000,
                MIDNIGHT + 300,
                Some("card_inactive"),
            ),
            auth("iauth_3", "ic_1", 2_500, MIDNIGHT + 200, None),
            auth("iauth_2", "ic_9", 4_000, MIDNIGHT + 100, None),
            auth("iauth_1", "ic_0", 2_000, MIDNIGHT, None),
        ];
        let history = CardHistory::new(vec!["ic_1".into(), "ic_0".into()], list, true);
        assert_eq!(
            history.limit_uses(&card, MIDNIGHT + 400)[0].spent,
            Some(4_500)
        );
        assert_eq!(history.of_card().count(), 3);
        let what = history.what_if(&card, &daily(4_000), MIDNIGHT - DAY);
        // ic_0's €20 + €25 is over €40: the card's own purchase would be declined.
        assert_eq!(what.considered, 2);
        assert_eq!(what.would_decline.len(), 1);
        assert_eq!(what.would_decline[0].0.id, "iauth_3");
        assert!(what.would_approve.is_empty());
    }

    #[test]
    fn purchases_before_the_window_count_but_are_not_replayed() {
        let (card, history) = two_purchases();
        let what = history.what_if(&card, &daily(10_000), MIDNIGHT + 60);
        assert_eq!(what.considered, 1);
        assert_eq!(what.would_approve.len(), 1);
        let tight = history.what_if(&card, &daily(2_000), MIDNIGHT + 60);
        // The earlier €30 stays approved (outside the window) and still counts.
        assert!(tight.would_decline.is_empty() && tight.would_approve.is_empty());
    }
}
