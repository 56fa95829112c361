//! Stripe's rules for what we send it, in one implementation for the panel (checked before
//! sending), the server (checked before Stripe) and the sandbox (Stripe's own refusals).
//!
//! A broken rule is a [`Violation`]: the parameter Stripe would name, and the [`Rule`] with
//! the values that broke it. Its `Display` is Stripe's English, what an API answers; people
//! read it in their own language through `issuing-words`. The model holds no other words.

mod address;
pub mod authorization;
mod card_create;
pub mod card_history;
mod card_query;
mod card_update;
pub mod cardholder;
mod purchases;
mod spending;
mod tokens;

use std::fmt;

use crate::ids::IdError;
use crate::money::{format_amount, MoneyError, MAX_AMOUNT};
use crate::wire::payments::DeactivatedReason;

pub use address::check_address;
pub use card_create::replacement_cancels_at_once;
pub use tokens::{
    check_charge, is_currency, test_payment_method_ids, TokenState, TEST_PAYMENT_METHODS,
};

/// One rule broken, at the parameter Stripe would name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub param: String,
    pub rule: Rule,
}

/// The pair of lists of spending controls that cannot both be set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ControlList {
    Categories,
    MerchantCountries,
    CardPresences,
}

impl ControlList {
    /// The part of the parameter names after `allowed_` / `blocked_`.
    pub fn suffix(self) -> &'static str {
        match self {
            Self::Categories => "categories",
            Self::MerchantCountries => "merchant_countries",
            Self::CardPresences => "card_presences",
        }
    }
}

/// Every rule we check, with what broke it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// A spending limit of zero or less.
    LimitNotPositive,
    /// A spending limit above [`MAX_AMOUNT`], in `currency`.
    LimitTooLarge {
        currency: String,
    },
    UnknownInterval(String),
    NotACountry(String),
    UnknownCardPresence(String),
    /// A category name that is not of Stripe's form (lower case, digits, `_`).
    UnknownCategory(String),
    /// Allowed and blocked lists both set, after the update.
    AllowedAndBlocked(ControlList),
    /// An amount as typed, which is not one.
    Amount(MoneyError),
    UnknownStatus(String),
    UnknownCardType(String),
    NotLast4(String),
    ExpMonth(u8),
    ExpYear(u16),
    NotAnId(IdError),
    DateRangeReversed,
    PageSize(u8),
    BothCursors,
    NothingToUpdate,
    UnknownCancellationReason(String),
    CancellationWithoutCancel,
    CardCanceled,
    NotATestPaymentMethod(String),
    NotACurrency(String),
    /// A token's maximum outside 1 to [`MAX_AMOUNT`], in `currency` (a valid code).
    MaxAmountOutOfRange {
        currency: String,
    },
    ExpiryNotInFuture,
    /// The token can no longer be charged, for this reason.
    TokenClosed(DeactivatedReason),
    WrongCurrency {
        token: String,
        given: String,
    },
    ChargeNotPositive,
    OverRemaining {
        amount: i64,
        left: i64,
        max: i64,
        currency: String,
    },
    /// What Stripe answered, in its own words.
    UnknownAuthorizationStatus(String),
    UnknownTransactionType(String),
    /// A merchant's amount needs its currency, and the other way round.
    MerchantAmountAndCurrency,
    /// A required parameter (its name) not given, or blank.
    Missing(String),
    /// A sign or digit in a name printed on cards.
    NameCharacter(char),
    NameTooLong {
        max: usize,
        given: usize,
    },
    /// A legal name with a letter outside the Latin alphabet.
    LatinLettersOnly(char),
    NotAnEmail(String),
    NotAPhoneNumber(String),
    NotADate,
    TooYoung {
        min_age: i32,
    },
    UnknownLocale(String),
    /// `blocked` (or an unknown status) asked for a cardholder.
    CardholderStatusNotSettable(String),
    UnknownCardholderType(String),
    IndividualOnCompany,
    CardholderBlocked,
    PostalCode {
        country: String,
        given: String,
    },
    NotAState(String),
    /// A new card asked to be neither active nor inactive.
    NewCardStatus(String),
    ShippingForVirtual,
    UnknownShippingService(String),
    UnknownReplacementReason(String),
    ReplacementReasonWithoutCard,
    /// A card currency other than the account's Issuing program's.
    NotProgramCurrency {
        given: String,
        program: String,
    },
    /// A card activated while the cardholder still owes these fields.
    RequirementsPastDue(Vec<String>),
    ReplacementForOtherCardholder,
    /// The card was already replaced, by this card.
    AlreadyReplaced(String),
    /// A shipping test helper on a virtual card.
    NotPhysical,
    /// More cardholders have the name searched for than a card search reads.
    TooManyCardholders {
        max: usize,
    },
    /// A shipment moved where it cannot go from where it is.
    ShippingTransition {
        from: String,
        to: String,
    },
    Stripe(String),
}

impl Violation {
    pub fn new(param: impl Into<String>, rule: Rule) -> Self {
        Self {
            param: param.into(),
            rule,
        }
    }

    /// Stripe's English for it.
    pub fn message(&self) -> String {
        self.rule.to_string()
    }

    /// The first of `found` as an error, or none: an API answers one parameter at a time.
    pub fn first(found: Vec<Violation>) -> Result<(), Violation> {
        match found.into_iter().next() {
            Some(v) => Err(v),
            None => Ok(()),
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.rule.fmt(f)
    }
}

impl Rule {
    /// Stripe's error `code` for this refusal, where its list of codes has one.
    pub fn code(&self) -> Option<&'static str> {
        match self {
            Self::AllowedAndBlocked(_) | Self::BothCursors => Some("parameters_exclusive"),
            Self::OverRemaining { .. } => Some("amount_too_large"),
            Self::Missing(_) => Some("parameter_missing"),
            Self::NotAnEmail(_) => Some("email_invalid"),
            Self::PostalCode { .. } => Some("postal_code_invalid"),
            _ => None,
        }
    }
}

impl From<Violation> for crate::StripeError {
    fn from(v: Violation) -> Self {
        let code = v.rule.code();
        let error = crate::StripeError::invalid_param(v.param, v.rule.to_string());
        match code {
            Some(code) => error.with_code(code),
            None => error,
        }
    }
}

/// The deactivated reason as Stripe's message says it.
fn closed_because(reason: &DeactivatedReason) -> &'static str {
    match reason {
        DeactivatedReason::Revoked => "the agent revoked it",
        DeactivatedReason::Expired => "it expired",
        DeactivatedReason::Consumed => "its whole amount has been used",
        DeactivatedReason::Resolved => "it was resolved",
        DeactivatedReason::Other(_) => "it was deactivated",
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::LimitNotPositive => {
                f.write_str("The spending limit amount must be a positive integer.")
            }
            Self::LimitTooLarge { .. } => write!(
                f,
                "The spending limit amount must be at most {MAX_AMOUNT} (in the currency's smallest unit)."
            ),
            Self::UnknownInterval(given) => write!(
                f,
                "Invalid interval '{given}': must be one of per_authorization, daily, weekly, monthly, yearly or all_time."
            ),
            Self::NotACountry(code) => write!(
                f,
                "'{code}' is not an ISO 3166-1 alpha-2 country code (e.g. US, GB, DE, JP)."
            ),
            Self::UnknownCardPresence(given) => write!(
                f,
                "Invalid card presence '{given}': must be present or not_present."
            ),
            Self::UnknownCategory(given) => write!(f, "Invalid merchant category '{given}'."),
            Self::AllowedAndBlocked(list) => {
                let what = list.suffix();
                write!(
                    f,
                    "You cannot set both allowed_{what} and blocked_{what}: clear one of them first."
                )
            }
            Self::Amount(e) => e.fmt(f),
            Self::UnknownStatus(given) => write!(
                f,
                "Invalid status '{given}': must be active, inactive or canceled."
            ),
            Self::UnknownCardType(given) => {
                write!(f, "Invalid type '{given}': must be physical or virtual.")
            }
            Self::NotLast4(given) => write!(f, "'{given}' is not the last four digits of a card."),
            Self::ExpMonth(m) => write!(f, "Invalid exp_month {m}: must be between 1 and 12."),
            Self::ExpYear(y) => write!(f, "Invalid exp_year {y}: must be a four-digit year."),
            Self::NotAnId(e) => e.fmt(f),
            Self::DateRangeReversed => f.write_str("The start of the date range is after its end."),
            Self::PageSize(n) => write!(f, "Invalid limit {n}: must be between 1 and 100."),
            Self::BothCursors => f.write_str("Give starting_after or ending_before, not both."),
            Self::NothingToUpdate => f.write_str(
                "Nothing to update: give spending_controls, status or cancellation_reason.",
            ),
            Self::UnknownCancellationReason(given) => write!(
                f,
                "Invalid cancellation_reason '{given}': must be lost or stolen."
            ),
            Self::CancellationWithoutCancel => {
                f.write_str("cancellation_reason can only be given with status=canceled.")
            }
            Self::CardCanceled => {
                f.write_str("This card is canceled; a canceled card cannot be changed.")
            }
            Self::NotATestPaymentMethod(given) => write!(
                f,
                "'{given}' is not a test payment method; use one of {}.",
                tokens::test_payment_method_ids().collect::<Vec<_>>().join(", ")
            ),
            Self::NotACurrency(given) => write!(
                f,
                "'{given}' is not a currency Stripe takes: use its three-letter code in lowercase, like jpy."
            ),
            Self::MaxAmountOutOfRange { currency } => write!(
                f,
                "The maximum amount must be between {} and {}.",
                format_amount(1, currency),
                format_amount(MAX_AMOUNT, currency)
            ),
            Self::ExpiryNotInFuture => f.write_str("The expiry must be in the future."),
            Self::TokenClosed(reason) => write!(
                f,
                "This token can no longer be charged: {}. Ask the agent for a new token.",
                closed_because(reason)
            ),
            Self::WrongCurrency { token, given } => write!(
                f,
                "This token can only be charged in {}, not {}.",
                token.to_ascii_uppercase(),
                given.to_ascii_uppercase()
            ),
            Self::ChargeNotPositive => f.write_str("Enter an amount greater than zero."),
            Self::UnknownAuthorizationStatus(given) => write!(
                f,
                "Invalid status '{given}': must be pending, closed, reversed or expired."
            ),
            Self::UnknownTransactionType(given) => {
                write!(f, "Invalid type '{given}': must be capture or refund.")
            }
            Self::MerchantAmountAndCurrency => f.write_str(
                "Give the merchant's amount and its currency together, or neither.",
            ),
            Self::OverRemaining {
                amount,
                left,
                max,
                currency,
            } => write!(
                f,
                "{} is more than what is left on this token ({} of {}).",
                format_amount(*amount, currency),
                format_amount(*left, currency),
                format_amount(*max, currency)
            ),
            Self::Missing(param) => write!(f, "Missing required param: {param}."),
            Self::NameCharacter(c) => write!(
                f,
                "The name cannot contain numbers or special characters ('{c}'): it is printed on cards."
            ),
            Self::NameTooLong { max, given } => write!(
                f,
                "The name is {given} characters long; at most {max} fit on a card."
            ),
            Self::LatinLettersOnly(c) => write!(
                f,
                "This field accepts Latin letters, spaces, periods, commas, hyphens and apostrophes only ('{c}')."
            ),
            Self::NotAnEmail(given) => write!(f, "Invalid email address: {given}"),
            Self::NotAPhoneNumber(given) => write!(
                f,
                "Invalid phone number '{given}': give it in international format, like +14155550123."
            ),
            Self::NotADate => f.write_str("Invalid date of birth: no such date."),
            Self::TooYoung { min_age } => {
                write!(f, "Cardholders must be at least {min_age} years old.")
            }
            Self::UnknownLocale(given) => write!(
                f,
                "Invalid preferred locale '{given}': must be one of de, en, es, fr or it."
            ),
            Self::CardholderStatusNotSettable(given) => write!(
                f,
                "Invalid status '{given}': a cardholder can be set active or inactive."
            ),
            Self::UnknownCardholderType(given) => write!(
                f,
                "Invalid type '{given}': must be individual or company."
            ),
            Self::IndividualOnCompany => f.write_str(
                "individual can only be given for cardholders of type individual.",
            ),
            Self::CardholderBlocked => f.write_str(
                "This cardholder is blocked: they cannot be changed or issued new cards.",
            ),
            Self::PostalCode { country, given } => {
                write!(f, "'{given}' is not a valid postal code in {country}.")
            }
            Self::NotAState(given) => write!(
                f,
                "'{given}' is not a state: use its two-letter code, like CA."
            ),
            Self::NewCardStatus(given) => write!(
                f,
                "Invalid status '{given}': a new card is active or inactive."
            ),
            Self::ShippingForVirtual => {
                f.write_str("shipping can only be given for physical cards.")
            }
            Self::UnknownShippingService(given) => write!(
                f,
                "Invalid shipping service '{given}': must be standard, express or priority."
            ),
            Self::UnknownReplacementReason(given) => write!(
                f,
                "Invalid replacement_reason '{given}': must be damaged, expired, lost or stolen."
            ),
            Self::ReplacementReasonWithoutCard => {
                f.write_str("replacement_reason can only be given with replacement_for.")
            }
            Self::NotProgramCurrency { given, program } => write!(
                f,
                "This account issues cards in {}, not {}.",
                program.to_ascii_uppercase(),
                given.to_ascii_uppercase()
            ),
            Self::RequirementsPastDue(fields) => write!(
                f,
                "The card cannot be activated until the cardholder's {} are provided.",
                fields.join(", ")
            ),
            Self::ReplacementForOtherCardholder => f.write_str(
                "A replacement card must be issued to the cardholder of the card it replaces.",
            ),
            Self::AlreadyReplaced(by) => write!(f, "This card has already been replaced by {by}."),
            Self::NotPhysical => f.write_str("This card is virtual: it is not shipped."),
            Self::TooManyCardholders { max } => write!(
                f,
                "More than {max} cardholders have this in their name: give more of it."
            ),
            Self::ShippingTransition { from, to } => write!(
                f,
                "The card's shipment is {from}; it cannot be marked {to}."
            ),
            Self::Stripe(message) => f.write_str(message),
        }
    }
}
