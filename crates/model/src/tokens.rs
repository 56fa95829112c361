//! The rules for Shared Payment Tokens, in one place for the panel (checked before sending),
//! the server (checked before Stripe) and the sandbox (Stripe's own refusals).

use crate::api::GrantTokenRequest;
use crate::money::{format_amount, Locale};
use crate::payments::{DeactivatedReason, GrantedToken};
use crate::spending::Violation;

/// The payment methods Stripe's test mode takes by name (`pm_card_visa`, …).
pub const TEST_PAYMENT_METHODS: &[(&str, &str, &str)] = &[
    ("pm_card_visa", "visa", "4242"),
    ("pm_card_mastercard", "mastercard", "4444"),
    ("pm_card_amex", "amex", "8431"),
    ("pm_card_jcb", "jcb", "0505"),
];

/// The largest amount Stripe takes, in the minor unit (eight digits).
pub const MAX_AMOUNT: i64 = 99_999_999;

impl GrantTokenRequest {
    /// The first problem, as the server and the sandbox answer it.
    pub fn check(&self, now: i64) -> Result<(), Violation> {
        Violation::first(self.validate(now))
    }

    /// Every problem at once, named at the Stripe parameter it would be refused at.
    pub fn validate(&self, now: i64) -> Vec<Violation> {
        let mut found = Vec::new();
        if !TEST_PAYMENT_METHODS
            .iter()
            .any(|(id, _, _)| *id == self.payment_method)
        {
            let names: Vec<&str> = TEST_PAYMENT_METHODS.iter().map(|(id, _, _)| *id).collect();
            found.push(
                Violation::new(
                    "payment_method",
                    format!(
                        "'{}' is not a test payment method; use one of {}.",
                        self.payment_method,
                        names.join(", ")
                    ),
                )
                .ja(format!(
                    "「{}」はテスト用の支払い方法ではありません。{} のいずれかを使ってください。",
                    self.payment_method,
                    names.join("、")
                )),
            );
        }
        if !is_currency(&self.currency) {
            found.push(
                Violation::new(
                    "usage_limits[currency]",
                    format!(
                        "'{}' is not a currency code: use three lowercase letters, like jpy.",
                        self.currency
                    ),
                )
                .ja(format!(
                    "「{}」は通貨コードではありません。jpy のように小文字3文字で入力してください。",
                    self.currency
                )),
            );
        }
        if !(1..=MAX_AMOUNT).contains(&self.max_amount) {
            // In the currency's own terms (¥1 to ¥99,999,999; €0.01 to €999,999.99).
            let currency = if is_currency(&self.currency) {
                self.currency.as_str()
            } else {
                "usd"
            };
            let money = |a, l| format_amount(a, currency, l);
            found.push(
                Violation::new(
                    "usage_limits[max_amount]",
                    format!(
                        "The maximum amount must be between {} and {}.",
                        money(1, Locale::En),
                        money(MAX_AMOUNT, Locale::En)
                    ),
                )
                .ja(format!(
                    "上限金額は {} から {} の間にしてください。",
                    money(1, Locale::Ja),
                    money(MAX_AMOUNT, Locale::Ja)
                )),
            );
        }
        if let Some(at) = self.expires_at {
            if at <= now {
                found.push(
                    Violation::new(
                        "usage_limits[expires_at]",
                        "The expiry must be in the future.",
                    )
                    .ja("有効期限は未来の日時にしてください。"),
                );
            }
        }
        found
    }
}

pub fn is_currency(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_lowercase())
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
        match self.usage_limits.expires_at {
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
        let (why, ja) = match reason {
            DeactivatedReason::Revoked => ("the agent revoked it", "エージェントが取り消しました"),
            DeactivatedReason::Expired => ("it expired", "有効期限が切れました"),
            DeactivatedReason::Consumed => ("its whole amount has been used", "全額が使われました"),
            DeactivatedReason::Resolved => ("it was resolved", "解決済みです"),
            DeactivatedReason::Other(_) => ("it was deactivated", "無効になりました"),
        };
        return Err(Violation::new(
            "shared_payment_granted_token",
            format!("This token can no longer be charged: {why}. Ask the agent for a new token."),
        )
        .ja(format!("このトークンにはもう請求できません（{ja}）。エージェントに新しいトークンを依頼してください。")));
    }
    let limits = &token.usage_limits;
    if currency != limits.currency {
        return Err(Violation::new(
            "currency",
            format!(
                "This token can only be charged in {}, not {}.",
                limits.currency.to_ascii_uppercase(),
                currency.to_ascii_uppercase()
            ),
        )
        .ja(format!(
            "このトークンに請求できるのは {} だけで、{} では請求できません。",
            limits.currency.to_ascii_uppercase(),
            currency.to_ascii_uppercase()
        )));
    }
    if amount < 1 {
        return Err(
            Violation::new("amount", "Enter an amount greater than zero.")
                .ja("0 より大きい金額を入力してください。"),
        );
    }
    let left = token.remaining();
    if amount > left {
        let money = |a| format_amount(a, &limits.currency, Locale::En);
        return Err(Violation::new(
            "amount",
            format!(
                "{} is more than what is left on this token ({} of {}).",
                money(amount),
                money(left),
                money(limits.max_amount)
            ),
        )
        .ja(format!(
            "{} はこのトークンの残高（{} のうち {}）を超えています。",
            money(amount),
            money(limits.max_amount),
            money(left)
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payments::{AmountValue, UsageDetails, UsageLimits};

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
            usage_limits: UsageLimits {
                currency: "jpy".into(),
                max_amount: max,
                expires_at,
            },
            shared_metadata: None,
            agent_details: None,
        }
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
            err.message,
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
        assert!(expired.message.contains("expired"), "{}", expired.message);
    }

    #[test]
    fn a_revoked_token_says_so() {
        let mut t = token(10_000, 0, None);
        t.deactivated_at = Some(NOW - 1);
        t.deactivated_reason = Some(DeactivatedReason::Revoked);
        let err = check_charge(&t, 100, "jpy", NOW).unwrap_err();
        assert!(err.message.contains("revoked"), "{}", err.message);
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

/// Time left until `expires_at`, as a person reads it: `in 4 min 12 s`, `in 2 h 5 min`,
/// `in 3 days`; `expired` once it has passed; `never` without an expiry. In Japanese:
/// `あと 4 分 12 秒`, `期限切れ`, `期限なし`.
pub fn countdown(expires_at: Option<i64>, now: i64, locale: Locale) -> String {
    let ja = locale == Locale::Ja;
    let Some(at) = expires_at else {
        return if ja { "期限なし" } else { "never" }.to_owned();
    };
    let left = at - now;
    let (h, m, s) = (left / 3_600, left % 3_600 / 60, left % 60);
    match (left, ja) {
        (..=0, false) => "expired".to_owned(),
        (..=0, true) => "期限切れ".to_owned(),
        (1..=59, false) => format!("in {left} s"),
        (1..=59, true) => format!("あと {left} 秒"),
        (60..=3_599, false) => format!("in {m} min {s} s"),
        (60..=3_599, true) => format!("あと {m} 分 {s} 秒"),
        (3_600..=86_399, false) => format!("in {h} h {m} min"),
        (3_600..=86_399, true) => format!("あと {h} 時間 {m} 分"),
        (_, true) => format!("あと {} 日", left / 86_400),
        (_, false) => match left / 86_400 {
            1 => "in 1 day".to_owned(),
            days => format!("in {days} days"),
        },
    }
}

#[cfg(test)]
mod countdown_tests {
    use super::countdown;
    use crate::money::Locale::{En, Ja};

    #[test]
    fn reads_like_a_person_would_say_it() {
        assert_eq!(countdown(None, 0, En), "never");
        assert_eq!(countdown(Some(100), 100, En), "expired");
        assert_eq!(countdown(Some(100), 58, En), "in 42 s");
        assert_eq!(countdown(Some(252), 0, En), "in 4 min 12 s");
        assert_eq!(countdown(Some(7_500), 0, En), "in 2 h 5 min");
        assert_eq!(countdown(Some(86_400 * 3 + 5), 0, En), "in 3 days");
        assert_eq!(countdown(Some(86_400), 0, En), "in 1 day");
        assert_eq!(countdown(None, 0, Ja), "期限なし");
        assert_eq!(countdown(Some(100), 100, Ja), "期限切れ");
        assert_eq!(countdown(Some(252), 0, Ja), "あと 4 分 12 秒");
        assert_eq!(countdown(Some(7_500), 0, Ja), "あと 2 時間 5 分");
        assert_eq!(countdown(Some(86_400 * 3 + 5), 0, Ja), "あと 3 日");
    }
}
