//! Stripe's rules for `POST /v1/issuing/cardholders[/{id}]`, and what a cardholder still
//! owes Stripe before their cards may be used.

use crate::dates::{civil_from_days, days_from_civil};
use crate::rules::address::check_address;
use crate::rules::{Rule, Violation};
use crate::wire::cardholder::{
    Cardholder, CardholderCreate, CardholderStatus, CardholderType, CardholderUpdate, Dob,
    Individual, IndividualParams, CARDHOLDER_LOCALES,
};

/// The longest name Stripe prints on a card.
pub const MAX_NAME_CHARS: usize = 24;
/// Stripe issues no card to anyone younger.
pub const MIN_AGE: i32 = 13;

/// A name as printed on cards: letters of any script, spaces, and `. , - '`; no digits or
/// other signs; at most [`MAX_NAME_CHARS`].
pub fn check_card_name(name: &str) -> Option<Violation> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Some(Violation::new("name", Rule::Missing("name".into())));
    }
    if let Some(c) = trimmed
        .chars()
        .find(|c| !(c.is_alphabetic() || is_name_punctuation(*c)))
    {
        return Some(Violation::new("name", Rule::NameCharacter(c)));
    }
    let count = trimmed.chars().count();
    (count > MAX_NAME_CHARS).then(|| {
        Violation::new(
            "name",
            Rule::NameTooLong {
                max: MAX_NAME_CHARS,
                given: count,
            },
        )
    })
}

fn is_name_punctuation(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '.' | ',' | '-' | '\'')
}

/// A legal first or last name: Latin letters (accents allowed) and `. , - '` and spaces.
fn check_legal_name(param: &str, value: &str) -> Option<Violation> {
    if value.trim().is_empty() {
        return Some(Violation::new(param, Rule::Missing(param.into())));
    }
    value
        .chars()
        .find(|c| !(is_latin_letter(*c) || is_name_punctuation(*c) && *c != '\u{3000}'))
        .map(|c| Violation::new(param, Rule::LatinLettersOnly(c)))
}

/// ASCII letters and the Latin-1, Latin Extended-A and -B letters (é, ß, ł, ș…).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (c.is_alphabetic() && ('\u{00C0}'..='\u{024F}').contains(&c))
}

/// `someone@example.com`: one `@`, something before it, a dotted domain after, no spaces.
pub fn check_email(value: &str) -> Option<Violation> {
    let ok = value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            && domain.split('.').count() >= 2
            && domain.split('.').all(|part| !part.is_empty())
    }) && !value.chars().any(char::is_whitespace)
        && value.len() <= 254;
    (!ok).then(|| Violation::new("email", Rule::NotAnEmail(value.into())))
}

/// The number in E.164 (`+14155550123`): spaces, dashes, dots and parentheses are dropped;
/// `None` if what is left is not `+` and 8 to 15 digits.
pub fn normalize_phone(value: &str) -> Option<String> {
    let kept: String = value
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    let digits = kept.strip_prefix('+')?;
    let ok = (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    ok.then_some(kept)
}

fn check_phone(value: &str) -> Option<Violation> {
    normalize_phone(value)
        .is_none()
        .then(|| Violation::new("phone_number", Rule::NotAPhoneNumber(value.into())))
}

/// A real date of birth, at least [`MIN_AGE`] years before `today` (unix seconds).
fn check_dob(dob: &Dob, today: i64) -> Option<Violation> {
    let not_a_date = || Some(Violation::new("individual[dob]", Rule::NotADate));
    let (Some(year), Some(month), Some(day)) = (dob.year, dob.month, dob.day) else {
        return not_a_date();
    };
    let year = i64::from(year);
    if year < 1900 || civil_from_days(days_from_civil(year, month, day)) != (year, month, day) {
        return not_a_date();
    }
    let (y, m, d) = civil_from_days(today.div_euclid(86_400));
    let age = y - year - i64::from((m, d) < (month, day));
    (age < i64::from(MIN_AGE))
        .then(|| Violation::new("individual[dob]", Rule::TooYoung { min_age: MIN_AGE }))
}

fn check_individual(individual: &IndividualParams, today: i64, found: &mut Vec<Violation>) {
    for (param, value) in [
        ("individual[first_name]", &individual.first_name),
        ("individual[last_name]", &individual.last_name),
    ] {
        if let Some(value) = value {
            found.extend(check_legal_name(param, value));
        }
    }
    if let Some(dob) = &individual.dob {
        found.extend(check_dob(dob, today));
    }
}

fn check_locales(locales: &[String], found: &mut Vec<Violation>) {
    for (i, locale) in locales.iter().enumerate() {
        if !CARDHOLDER_LOCALES.contains(&locale.as_str()) {
            found.push(Violation::new(
                format!("preferred_locales[{i}]"),
                Rule::UnknownLocale(locale.clone()),
            ));
        }
    }
}

/// An operator sets `active` or `inactive`; `blocked` is Stripe's.
fn check_status(status: &CardholderStatus, found: &mut Vec<Violation>) {
    if !matches!(
        status,
        CardholderStatus::Active | CardholderStatus::Inactive
    ) {
        found.push(Violation::new(
            "status",
            Rule::CardholderStatusNotSettable(status.to_string()),
        ));
    }
}

fn check_contact(email: Option<&str>, phone: Option<&str>, found: &mut Vec<Violation>) {
    // An empty value clears the field on Stripe.
    found.extend(email.filter(|e| !e.is_empty()).and_then(check_email));
    found.extend(phone.filter(|p| !p.is_empty()).and_then(check_phone));
}

impl CardholderCreate {
    /// Every rule the new cardholder breaks, as of `today` (unix seconds).
    pub fn validate(&self, today: i64) -> Vec<Violation> {
        let mut found = Vec::new();
        if !self.kind.is_known() {
            found.push(Violation::new(
                "type",
                Rule::UnknownCardholderType(self.kind.to_string()),
            ));
        }
        found.extend(check_card_name(&self.name));
        check_contact(
            self.email.as_deref(),
            self.phone_number.as_deref(),
            &mut found,
        );
        found.extend(check_address("billing[address]", &self.billing.address));
        if let Some(individual) = &self.individual {
            if self.kind == CardholderType::Company {
                found.push(Violation::new("individual", Rule::IndividualOnCompany));
            }
            check_individual(individual, today, &mut found);
        }
        if let Some(status) = &self.status {
            check_status(status, &mut found);
        }
        if let Some(controls) = &self.spending_controls {
            found.extend(controls.validate(&Default::default(), ""));
        }
        check_locales(&self.preferred_locales, &mut found);
        found
    }
}

impl CardholderUpdate {
    /// Every rule the update breaks, for `holder` as it is now.
    pub fn validate(&self, holder: &Cardholder, today: i64) -> Vec<Violation> {
        let mut found = Vec::new();
        if *self == Self::default() {
            found.push(Violation::new("status", Rule::NothingToUpdate));
        }
        check_contact(
            self.email.as_deref(),
            self.phone_number.as_deref(),
            &mut found,
        );
        if let Some(billing) = &self.billing {
            found.extend(check_address("billing[address]", &billing.address));
        }
        if let Some(individual) = &self.individual {
            if holder.kind == CardholderType::Company {
                found.push(Violation::new("individual", Rule::IndividualOnCompany));
            }
            check_individual(individual, today, &mut found);
        }
        if let Some(status) = &self.status {
            check_status(status, &mut found);
        }
        if holder.status == CardholderStatus::Blocked && *self != Self::default() {
            found.push(Violation::new("status", Rule::CardholderBlocked));
        }
        if let Some(controls) = &self.spending_controls {
            let current = holder.spending_controls.clone().unwrap_or_default();
            let currency = current.spending_limits_currency.clone().unwrap_or_default();
            found.extend(controls.validate(&current, &currency));
        }
        if let Some(locales) = &self.preferred_locales {
            check_locales(locales, &mut found);
        }
        found
    }
}

/// What Stripe needs before an individual's cards may be activated: their legal first and
/// last names (`individual.first_name`, `individual.last_name`).
pub fn past_due(kind: &CardholderType, individual: Option<&Individual>) -> Vec<String> {
    if *kind != CardholderType::Individual {
        return Vec::new();
    }
    let given = |v: Option<&String>| v.is_some_and(|s| !s.trim().is_empty());
    let mut due = Vec::new();
    if !given(individual.and_then(|i| i.first_name.as_ref())) {
        due.push("individual.first_name".to_owned());
    }
    if !given(individual.and_then(|i| i.last_name.as_ref())) {
        due.push("individual.last_name".to_owned());
    }
    due
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::address::{Address, Billing};

    /// 2026-12-05.
    const TODAY: i64 = 1_796_428_800;

    fn create() -> CardholderCreate {
        CardholderCreate {
            kind: CardholderType::Individual,
            name: "山田 太郎".into(),
            email: Some("taro.yamada@example.jp".into()),
            phone_number: Some("+81 90-1234-5678".into()),
            billing: Billing {
                address: Address {
                    line1: Some("1-1 Marunouchi".into()),
                    city: Some("Chiyoda-ku".into()),
                    postal_code: Some("100-0005".into()),
                    country: Some("JP".into()),
                    ..Default::default()
                },
            },
            individual: Some(IndividualParams {
                first_name: Some("Taro".into()),
                last_name: Some("Yamada".into()),
                dob: Some(Dob::new(1988, 2, 29)),
            }),
            status: Some(CardholderStatus::Active),
            spending_controls: None,
            metadata: Default::default(),
            preferred_locales: vec!["en".into()],
        }
    }

    fn params(found: Vec<Violation>) -> Vec<String> {
        found.into_iter().map(|v| v.param).collect()
    }

    #[test]
    fn a_japanese_name_on_the_card_with_latin_legal_names_is_accepted() {
        assert_eq!(create().validate(TODAY), vec![]);
    }

    #[test]
    fn names_with_digits_signs_or_over_24_letters_are_refused() {
        for (name, rule) in [
            ("R2-D2", Rule::NameCharacter('2')),
            ("Ann & Bob", Rule::NameCharacter('&')),
            ("  ", Rule::Missing("name".into())),
            (
                "Maximiliana Alexandrina Featherstonehaugh",
                Rule::NameTooLong { max: 24, given: 41 },
            ),
        ] {
            let mut c = create();
            c.name = name.into();
            assert_eq!(
                c.validate(TODAY),
                vec![Violation::new("name", rule)],
                "{name}"
            );
        }
    }

    #[test]
    fn legal_names_must_be_in_latin_letters() {
        let mut c = create();
        c.individual.as_mut().unwrap().first_name = Some("太郎".into());
        c.individual.as_mut().unwrap().last_name = Some("O'Brien-Núñez".into());
        assert_eq!(
            c.validate(TODAY),
            vec![Violation::new(
                "individual[first_name]",
                Rule::LatinLettersOnly('太')
            )]
        );
    }

    #[test]
    fn contact_details_and_dates_of_birth_are_checked() {
        let mut c = create();
        c.email = Some("taro@".into());
        c.phone_number = Some("090-1234-5678".into());
        c.individual.as_mut().unwrap().dob = Some(Dob::new(1989, 2, 29));
        assert_eq!(
            params(c.validate(TODAY)),
            ["email", "phone_number", "individual[dob]"]
        );
        let mut young = create();
        young.individual.as_mut().unwrap().dob = Some(Dob::new(2013, 12, 6));
        assert_eq!(
            young.validate(TODAY),
            vec![Violation::new(
                "individual[dob]",
                Rule::TooYoung { min_age: 13 }
            )]
        );
        // Thirteen today is old enough.
        young.individual.as_mut().unwrap().dob = Some(Dob::new(2013, 12, 5));
        assert_eq!(young.validate(TODAY), vec![]);
    }

    #[test]
    fn phone_numbers_are_kept_in_e164() {
        assert_eq!(
            normalize_phone("+1 (415) 555-0123").as_deref(),
            Some("+14155550123")
        );
        assert_eq!(normalize_phone("+0 415"), None);
        assert_eq!(normalize_phone("4155550123"), None);
    }

    #[test]
    fn blocked_is_not_an_operators_to_set_and_companies_have_no_individual() {
        let mut c = create();
        c.status = Some(CardholderStatus::Blocked);
        c.kind = CardholderType::Company;
        c.preferred_locales = vec!["ja".into()];
        assert_eq!(
            params(c.validate(TODAY)),
            ["individual", "status", "preferred_locales[0]"]
        );
    }

    #[test]
    fn individuals_owe_their_legal_names_before_cards_are_activated() {
        assert_eq!(
            past_due(&CardholderType::Individual, None),
            ["individual.first_name", "individual.last_name"]
        );
        let named = Individual {
            first_name: Some("Taro".into()),
            last_name: Some("Yamada".into()),
            ..Default::default()
        };
        assert!(past_due(&CardholderType::Individual, Some(&named)).is_empty());
        assert!(past_due(&CardholderType::Company, None).is_empty());
    }
}
