//! Stripe's rules and money errors in the panel's words, in either language.

use issuing_model::money::{example_amount, format_amount, minor_digits, to_major_input};
use issuing_model::money::{MoneyError, MAX_AMOUNT};
use issuing_model::rules::{test_payment_method_ids, ControlList, Rule, Violation};

use crate::Locale;

/// What a person reads about a fault, in `locale`.
pub trait InWords {
    fn in_words(&self, locale: Locale) -> String;
}

impl InWords for Violation {
    fn in_words(&self, locale: Locale) -> String {
        self.rule.in_words(locale)
    }
}

impl InWords for Rule {
    fn in_words(&self, locale: Locale) -> String {
        let t = locale.texts();
        match self {
            Rule::LimitNotPositive => t.rule_limit_not_positive.to_owned(),
            Rule::LimitTooLarge { currency } => {
                (t.rule_limit_too_large)(&format_amount(MAX_AMOUNT, currency))
            }
            Rule::UnknownInterval(v) => (t.rule_unknown_interval)(v),
            Rule::NotACountry(code) => (t.rule_not_a_country)(code),
            Rule::UnknownCardPresence(p) => (t.rule_unknown_card_presence)(p),
            Rule::UnknownCategory(c) => (t.rule_unknown_category)(c),
            Rule::AllowedAndBlocked(list) => match list {
                ControlList::Categories => t.rule_allowed_and_blocked_categories,
                ControlList::MerchantCountries => t.rule_allowed_and_blocked_countries,
                ControlList::CardPresences => t.rule_allowed_and_blocked_presences,
            }
            .to_owned(),
            Rule::Amount(e) => e.in_words(locale),
            Rule::UnknownStatus(s) => (t.rule_unknown_status)(s),
            Rule::UnknownCardType(k) => (t.rule_unknown_card_type)(k),
            Rule::NotLast4(l) => (t.rule_not_last4)(l),
            Rule::ExpMonth(m) => (t.rule_exp_month)(*m),
            Rule::ExpYear(y) => (t.rule_exp_year)(*y),
            Rule::NotAnId(e) => (t.rule_not_an_id)(&e.value, e.prefix),
            Rule::DateRangeReversed => t.rule_date_range_reversed.to_owned(),
            Rule::PageSize(n) => (t.rule_page_size)(*n),
            Rule::BothCursors => t.rule_both_cursors.to_owned(),
            Rule::NothingToUpdate => t.rule_nothing_to_update.to_owned(),
            Rule::UnknownCancellationReason(r) => (t.rule_unknown_cancellation_reason)(r),
            Rule::CancellationWithoutCancel => t.rule_cancellation_without_cancel.to_owned(),
            Rule::CardCanceled => t.rule_card_canceled.to_owned(),
            Rule::NotATestPaymentMethod(v) => (t.rule_not_a_test_payment_method)(
                v,
                &test_payment_method_ids().collect::<Vec<_>>(),
            ),
            Rule::NotACurrency(c) => (t.rule_not_a_currency)(c),
            Rule::UnknownAuthorizationStatus(s) => (t.rule_unknown_authorization_status)(s),
            Rule::UnknownTransactionType(k) => (t.rule_unknown_transaction_type)(k),
            Rule::MerchantAmountAndCurrency => t.rule_merchant_amount_and_currency.to_owned(),
            Rule::MaxAmountOutOfRange { currency } => (t.rule_max_amount_out_of_range)(
                &format_amount(1, currency),
                &format_amount(MAX_AMOUNT, currency),
            ),
            Rule::ExpiryNotInFuture => t.rule_expiry_not_in_future.to_owned(),
            Rule::TokenClosed(reason) => (t.rule_token_closed)(reason.as_str()),
            Rule::WrongCurrency { token, given } => {
                (t.rule_wrong_currency)(&token.to_ascii_uppercase(), &given.to_ascii_uppercase())
            }
            Rule::ChargeNotPositive => t.rule_charge_not_positive.to_owned(),
            Rule::OverRemaining {
                amount,
                left,
                max,
                currency,
            } => (t.rule_over_remaining)(
                &format_amount(*amount, currency),
                &format_amount(*left, currency),
                &format_amount(*max, currency),
            ),
            Rule::Missing(_) => t.rule_missing.to_owned(),
            Rule::NameCharacter(c) => (t.rule_name_character)(*c),
            Rule::NameTooLong { max, given } => (t.rule_name_too_long)(*max, *given),
            Rule::LatinLettersOnly(c) => (t.rule_latin_letters_only)(*c),
            Rule::NotAnEmail(e) => (t.rule_not_an_email)(e),
            Rule::NotAPhoneNumber(p) => (t.rule_not_a_phone_number)(p),
            Rule::NotADate => t.rule_not_a_date.to_owned(),
            Rule::TooYoung { min_age } => (t.rule_too_young)(*min_age),
            Rule::UnknownLocale(l) => (t.rule_unknown_locale)(l),
            Rule::CardholderStatusNotSettable(s) => (t.rule_cardholder_status_not_settable)(s),
            Rule::UnknownCardholderType(k) => (t.rule_unknown_cardholder_type)(k),
            Rule::IndividualOnCompany => t.rule_individual_on_company.to_owned(),
            Rule::CardholderBlocked => t.rule_cardholder_blocked.to_owned(),
            Rule::PostalCode { country, given } => (t.rule_postal_code)(country, given),
            Rule::NotAState(s) => (t.rule_not_a_state)(s),
            Rule::NewCardStatus(s) => (t.rule_new_card_status)(s),
            Rule::ShippingForVirtual => t.rule_shipping_for_virtual.to_owned(),
            Rule::UnknownShippingService(s) => (t.rule_unknown_shipping_service)(s),
            Rule::UnknownReplacementReason(r) => (t.rule_unknown_replacement_reason)(r),
            Rule::ReplacementReasonWithoutCard => t.rule_replacement_reason_without_card.to_owned(),
            Rule::NotProgramCurrency { given, program } => (t.rule_not_program_currency)(
                &program.to_ascii_uppercase(),
                &given.to_ascii_uppercase(),
            ),
            Rule::RequirementsPastDue(fields) => (t.rule_requirements_past_due)(&fields.join(", ")),
            Rule::ReplacementForOtherCardholder => {
                t.rule_replacement_for_other_cardholder.to_owned()
            }
            Rule::AlreadyReplaced(by) => (t.rule_already_replaced)(by),
            Rule::NotPhysical => t.rule_not_physical.to_owned(),
            Rule::TooManyCardholders { max } => (t.rule_too_many_cardholders)(*max),
            Rule::ShippingTransition { from, to } => (t.rule_shipping_transition)(from, to),
            // Stripe's answer has no other words than its own.
            Rule::Stripe(message) => message.clone(),
        }
    }
}

impl InWords for MoneyError {
    fn in_words(&self, locale: Locale) -> String {
        let t = locale.texts();
        match self {
            MoneyError::Empty => t.money_empty.to_owned(),
            MoneyError::NotANumber => t.money_not_a_number.to_owned(),
            MoneyError::Negative => t.money_negative.to_owned(),
            MoneyError::TooManyDecimals { allowed: 0 } => t.money_whole_only.to_owned(),
            MoneyError::TooManyDecimals { allowed } => (t.money_too_many_decimals)(*allowed),
            MoneyError::TooLarge => t.money_too_large.to_owned(),
            MoneyError::Ambiguous { whole, currency } => (t.money_ambiguous)(
                &format_amount(*whole, currency),
                &to_major_input(*whole, currency),
                &example_amount(minor_digits(currency), false),
                &example_amount(minor_digits(currency), true),
            ),
            MoneyError::DecimalComma { suggestion } => (t.money_decimal_comma)(suggestion),
            MoneyError::BadGrouping => t.money_bad_grouping.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use issuing_model::money::parse_amount;

    use super::*;
    use crate::Locale::{En, Ja};

    #[test]
    fn an_ambiguous_amount_says_how_to_write_it_in_japanese_too() {
        let error = parse_amount("1,250", "eur").unwrap_err();
        assert!(error.in_words(Ja).starts_with("€1,250.00 のことですか？"));
    }

    #[test]
    fn the_panels_english_for_money_is_stripes() {
        // The panel's English and the model's `Display` are written apart: they must agree.
        let errors = [
            MoneyError::Empty,
            MoneyError::NotANumber,
            MoneyError::Negative,
            MoneyError::TooManyDecimals { allowed: 0 },
            MoneyError::TooManyDecimals { allowed: 3 },
            MoneyError::TooLarge,
            parse_amount("1.250", "eur").unwrap_err(),
            parse_amount("12,50", "usd").unwrap_err(),
            MoneyError::BadGrouping,
        ];
        for e in errors {
            assert_eq!(e.in_words(En), e.to_string());
            assert_ne!(e.in_words(Ja), e.to_string(), "{e}");
        }
    }

    /// One of every rule, with values that break it.
    fn every_rule() -> Vec<Rule> {
        use issuing_model::{CardId, DeactivatedReason};
        vec![
            Rule::LimitNotPositive,
            Rule::LimitTooLarge {
                currency: "jpy".into(),
            },
            Rule::UnknownInterval("hourly".into()),
            Rule::NotACountry("usa".into()),
            Rule::UnknownCardPresence("maybe".into()),
            Rule::UnknownCategory("bakeries_and_pastries".into()),
            Rule::AllowedAndBlocked(ControlList::Categories),
            Rule::AllowedAndBlocked(ControlList::MerchantCountries),
            Rule::AllowedAndBlocked(ControlList::CardPresences),
            Rule::Amount(MoneyError::Negative),
            Rule::UnknownStatus("frozen".into()),
            Rule::UnknownCardType("metal".into()),
            Rule::NotLast4("42".into()),
            Rule::ExpMonth(13),
            Rule::ExpYear(99),
            Rule::NotAnId("x".parse::<CardId>().unwrap_err()),
            Rule::DateRangeReversed,
            Rule::PageSize(0),
            Rule::BothCursors,
            Rule::NothingToUpdate,
            Rule::UnknownCancellationReason("bored".into()),
            Rule::CancellationWithoutCancel,
            Rule::CardCanceled,
            Rule::NotATestPaymentMethod("pm_x".into()),
            Rule::NotACurrency("JPY".into()),
            Rule::UnknownAuthorizationStatus("frozen".into()),
            Rule::UnknownTransactionType("chargeback".into()),
            Rule::MerchantAmountAndCurrency,
            Rule::MaxAmountOutOfRange {
                currency: "jpy".into(),
            },
            Rule::ExpiryNotInFuture,
            Rule::TokenClosed(DeactivatedReason::Revoked),
            Rule::TokenClosed(DeactivatedReason::Other("new".into())),
            Rule::WrongCurrency {
                token: "jpy".into(),
                given: "usd".into(),
            },
            Rule::ChargeNotPositive,
            Rule::OverRemaining {
                amount: 7_001,
                left: 7_000,
                max: 10_000,
                currency: "jpy".into(),
            },
            Rule::Missing("billing[address][city]".into()),
            Rule::NameCharacter('&'),
            Rule::NameTooLong { max: 24, given: 30 },
            Rule::LatinLettersOnly('太'),
            Rule::NotAnEmail("taro@".into()),
            Rule::NotAPhoneNumber("090".into()),
            Rule::NotADate,
            Rule::TooYoung { min_age: 13 },
            Rule::UnknownLocale("ja".into()),
            Rule::CardholderStatusNotSettable("blocked".into()),
            Rule::UnknownCardholderType("robot".into()),
            Rule::IndividualOnCompany,
            Rule::CardholderBlocked,
            Rule::PostalCode {
                country: "US".into(),
                given: "9410".into(),
            },
            Rule::NotAState("California".into()),
            Rule::NewCardStatus("canceled".into()),
            Rule::ShippingForVirtual,
            Rule::UnknownShippingService("drone".into()),
            Rule::UnknownReplacementReason("bored".into()),
            Rule::ReplacementReasonWithoutCard,
            Rule::NotProgramCurrency {
                given: "jpy".into(),
                program: "usd".into(),
            },
            Rule::RequirementsPastDue(vec!["individual.first_name".into()]),
            Rule::ReplacementForOtherCardholder,
            Rule::AlreadyReplaced("ic_1New".into()),
            Rule::NotPhysical,
            Rule::TooManyCardholders { max: 50 },
            Rule::ShippingTransition {
                from: "delivered".into(),
                to: "shipped".into(),
            },
        ]
    }

    #[test]
    fn every_rule_has_japanese_and_the_panels_english_is_stripes_but_where_it_rewords() {
        // Where the panel names a field by its label, not its parameter.
        let reworded = |r: &Rule| {
            matches!(
                r,
                Rule::LimitNotPositive
                    | Rule::LimitTooLarge { .. }
                    | Rule::AllowedAndBlocked(_)
                    | Rule::Missing(_)
            )
        };
        for rule in every_rule() {
            let (en, ja) = (rule.in_words(En), rule.in_words(Ja));
            assert_ne!(ja, en, "{rule:?} has Japanese");
            if reworded(&rule) {
                assert_ne!(en, rule.to_string(), "{rule:?}");
            } else {
                assert_eq!(en, rule.to_string(), "{rule:?}");
            }
        }
        assert_eq!(
            Rule::LimitTooLarge {
                currency: "jpy".into()
            }
            .in_words(Ja),
            "上限は ¥99,999,999 までです。"
        );
        assert_eq!(
            Rule::NotAnId("acct_1".parse::<issuing_model::CardholderId>().unwrap_err())
                .in_words(Ja),
            "「acct_1」はカード保有者 ID（ich_…）ではありません。"
        );
        // The catalogue names each kind of id as the model's `IdError` does.
        use issuing_model::{AccountId, CardholderId, EventId, PaymentIntentId, TokenId};
        for e in [
            "x".parse::<AccountId>().unwrap_err(),
            "x".parse::<CardholderId>().unwrap_err(),
            "x".parse::<TokenId>().unwrap_err(),
            "x".parse::<PaymentIntentId>().unwrap_err(),
            "x".parse::<EventId>().unwrap_err(),
        ] {
            let rule = Rule::NotAnId(e);
            assert_eq!(rule.in_words(En), rule.to_string());
        }
        // Stripe's own answer stays as it came.
        let stripe = Rule::Stripe("No such card: 'ic_1'".into());
        assert_eq!(stripe.in_words(Ja), "No such card: 'ic_1'");
    }
}
