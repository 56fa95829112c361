//! The rules for Shared Payment Tokens: granting one (test mode) and charging it.

use crate::api::GrantTokenRequest;
use crate::money::MAX_AMOUNT;
use crate::rules::{Rule, Violation};
use crate::wire::payments::{DeactivatedReason, GrantedToken};

/// The payment methods Stripe's test mode takes by name (`pm_card_visa`, …).
pub const TEST_PAYMENT_METHODS: &[(&str, &str, &str)] = &[
    ("pm_card_visa", "visa", "4242"),
    ("pm_card_mastercard", "mastercard", "4444"),
    ("pm_card_amex", "amex", "8431"),
    ("pm_card_jcb", "jcb", "0505"),
];

impl GrantTokenRequest {
    /// The first problem, as the server and the sandbox answer it.
    pub fn check(&self, now: i64) -> Result<(), Violation> {
        Violation::first(self.validate(now))
    }

    /// Every problem at once, named at the Stripe parameter it would be refused at.
    pub fn validate(&self, now: i64) -> Vec<Violation> {
        let mut found = Vec::new();
        if !test_payment_method_ids().any(|id| id == self.payment_method) {
            found.push(Violation::new(
                "payment_method",
                Rule::NotATestPaymentMethod(self.payment_method.clone()),
            ));
        }
        if !is_currency(&self.currency) {
            found.push(Violation::new(
                "usage_limits[currency]",
                Rule::NotACurrency(self.currency.clone()),
            ));
        }
        if !(1..=MAX_AMOUNT).contains(&self.max_amount) {
            // In the currency's own terms (¥1 to ¥99,999,999; €0.01 to €999,999.99).
            let currency = if is_currency(&self.currency) {
                self.currency.as_str()
            } else {
                "usd"
            };
            found.push(Violation::new(
                "usage_limits[max_amount]",
                Rule::MaxAmountOutOfRange {
                    currency: currency.to_owned(),
                },
            ));
        }
        if self.expires_at.is_some_and(|at| at <= now) {
            found.push(Violation::new(
                "usage_limits[expires_at]",
                Rule::ExpiryNotInFuture,
            ));
        }
        found
    }
}

/// The ids of [`TEST_PAYMENT_METHODS`].
pub fn test_payment_method_ids() -> impl Iterator<Item = &'static str> {
    TEST_PAYMENT_METHODS.iter().map(|(id, _, _)| *id)
}

/// A currency Stripe takes, by its lowercase ISO code.
pub fn is_currency(code: &str) -> bool {
    crate::money::STRIPE_CURRENCIES.binary_search(&code).is_ok()
}

/// Where a token stands now: `expires_at` counts even before Stripe marks it expired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenState {
    Active,
    Deactivated(DeactivatedReason),
}

impl GrantedToken {
    pub fn state(&self, now: i64) -> TokenState {
        if let Some(reason) = &self.deactivated_reason {
            return TokenState::Deactivated(reason.clone());
        }
        if self.deactivated_at.is_some() {
            return TokenState::Deactivated(DeactivatedReason::Resolved);
        }
        match self.usage_limits.as_ref().and_then(|l| l.expires_at) {
            Some(at) if at <= now => TokenState::Deactivated(DeactivatedReason::Expired),
            _ => TokenState::Active,
        }
    }
}

/// Why `amount` in `currency` cannot be charged to `token` at `now`, if it cannot. The token
/// itself is named at `shared_payment_granted_token`.
pub fn check_charge(
    token: &GrantedToken,
    amount: i64,
    currency: &str,
    now: i64,
) -> Result<(), Violation> {
    if let TokenState::Deactivated(reason) = token.state(now) {
        return Err(Violation::new(
            "shared_payment_granted_token",
            Rule::TokenClosed(reason),
        ));
    }
    // A token with no limits takes any currency and amount; the PaymentIntent's rules remain.
    if let Some(limits) = &token.usage_limits {
        if currency != limits.currency {
            return Err(Violation::new(
                "currency",
                Rule::WrongCurrency {
                    token: limits.currency.clone(),
                    given: currency.to_owned(),
                },
            ));
        }
    }
    if amount < 1 {
        return Err(Violation::new("amount", Rule::ChargeNotPositive));
    }
    if let (Some(limits), Some(left)) = (&token.usage_limits, token.remaining()) {
        if amount > left {
            return Err(Violation::new(
                "amount",
                Rule::OverRemaining {
                    amount,
                    left,
                    max: limits.max_amount,
                    currency: limits.currency.clone(),
                },
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::payments::{AmountValue, UsageDetails, UsageLimits};

    const NOW: i64 = 1_800_000_000;

    fn token(max: i64, captured: i64, expires_at: Option<i64>) -> GrantedToken {
        GrantedToken {
            id: "spt_1".into(),
            object: "shared_payment.granted_token".into(),
            created: NOW - 60,
            deactivated_at: None,
            deactivated_reason: None,
            livemode: false,
            payment_method_details: None,
            usage_details: Some(UsageDetails {
                amount_captured: Some(AmountValue {
                    currency: "jpy".into(),
                    value: captured,
                }),
            }),
            usage_limits: Some(UsageLimits {
                currency: "jpy".into(),
                max_amount: max,
                expires_at,
            }),
            shared_metadata: None,
            agent_details: None,
        }
    }

    #[test]
    fn a_token_without_limits_takes_any_currency_and_amount_until_deactivated() {
        let mut open = token(0, 500, None);
        open.usage_limits = None;
        assert_eq!(open.remaining(), None);
        assert_eq!(
            open.currency(),
            Some("jpy"),
            "the currency it was charged in"
        );
        assert_eq!(check_charge(&open, 1_000_000, "eur", NOW), Ok(()));
        assert_eq!(
            check_charge(&open, 0, "eur", NOW).unwrap_err().param,
            "amount"
        );
        open.deactivated_reason = Some(DeactivatedReason::Revoked);
        assert!(check_charge(&open, 1, "eur", NOW).is_err());
        let read: GrantedToken = serde_json::from_value(serde_json::json!({
            "id": "spt_1", "created": 1, "deactivated_at": null, "deactivated_reason": null,
            "usage_limits": null
        }))
        .unwrap();
        assert_eq!(read.usage_limits, None);
    }

    #[test]
    fn within_the_limits_a_charge_passes() {
        assert_eq!(
            check_charge(&token(10_000, 3_000, None), 7_000, "jpy", NOW),
            Ok(())
        );
    }

    #[test]
    fn over_what_is_left_is_refused_with_yen_shown_whole() {
        let err = check_charge(&token(10_000, 3_000, None), 7_001, "jpy", NOW).unwrap_err();
        assert_eq!(err.param, "amount");
        assert_eq!(
            err.message(),
            "¥7,001 is more than what is left on this token (¥7,000 of ¥10,000)."
        );
    }

    #[test]
    fn another_currency_zero_or_an_expired_token_is_refused() {
        let t = token(10_000, 0, Some(NOW + 10));
        assert_eq!(
            check_charge(&t, 100, "usd", NOW).unwrap_err().param,
            "currency"
        );
        assert_eq!(check_charge(&t, 0, "jpy", NOW).unwrap_err().param, "amount");
        let expired = check_charge(&t, 100, "jpy", NOW + 10).unwrap_err();
        assert_eq!(expired.param, "shared_payment_granted_token");
        assert!(
            expired.message().contains("expired"),
            "{}",
            expired.message()
        );
    }

    #[test]
    fn a_revoked_token_says_so() {
        let mut t = token(10_000, 0, None);
        t.deactivated_at = Some(NOW - 1);
        t.deactivated_reason = Some(DeactivatedReason::Revoked);
        let err = check_charge(&t, 100, "jpy", NOW).unwrap_err();
        assert!(err.message().contains("revoked"), "{}", err.message());
        assert_eq!(
            t.state(NOW),
            TokenState::Deactivated(DeactivatedReason::Revoked)
        );
    }

    #[test]
    fn a_grant_names_every_bad_field() {
        let request = GrantTokenRequest {
            payment_method: "pm_card_unknown".into(),
            currency: "JPY".into(),
            max_amount: 0,
            expires_at: Some(NOW),
        };
        let params: Vec<String> = request.validate(NOW).into_iter().map(|v| v.param).collect();
        assert_eq!(
            params,
            [
                "payment_method",
                "usage_limits[currency]",
                "usage_limits[max_amount]",
                "usage_limits[expires_at]"
            ]
        );
        let good = GrantTokenRequest {
            payment_method: "pm_card_visa".into(),
            currency: "jpy".into(),
            max_amount: 10_000,
            expires_at: Some(NOW + 3600),
        };
        assert!(good.validate(NOW).is_empty());
    }
}
