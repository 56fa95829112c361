//! A postal address Stripe will take for billing or shipping: `line1`, `city`, `postal_code`
//! and `country` given, the country a real ISO code, and the postal code of that country's
//! form where we know it (US, GB, JP and the euro-area countries we issue in). The US also
//! needs its two-letter state.

use crate::country::is_country_code;
use crate::rules::{Rule, Violation};
use crate::wire::address::Address;

/// Postal code forms by country: `9` a digit, `A` a letter, anything else itself.
const POSTAL_FORMS: &[(&str, &[&str])] = &[
    ("US", &["99999", "99999-9999"]),
    (
        "GB",
        &[
            "A9 9AA", "A99 9AA", "AA9 9AA", "AA99 9AA", "A9A 9AA", "AA9A 9AA",
        ],
    ),
    ("JP", &["999-9999", "9999999"]),
    ("DE", &["99999"]),
    ("FR", &["99999"]),
    ("IT", &["99999"]),
    ("ES", &["99999"]),
    ("NL", &["9999 AA", "9999AA"]),
    ("AT", &["9999"]),
    ("BE", &["9999"]),
    ("IE", &["A99 A9A9", "A99 AAAA"]),
];

fn fits(code: &str, form: &str) -> bool {
    code.chars().count() == form.chars().count()
        && code.chars().zip(form.chars()).all(|(c, f)| match f {
            '9' => c.is_ascii_digit(),
            'A' => c.is_ascii_alphabetic(),
            other => c == other,
        })
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// Every rule `address` breaks, each named under `prefix` (`billing[address]`).
pub fn check_address(prefix: &str, address: &Address) -> Vec<Violation> {
    let mut found = Vec::new();
    for (part, value) in [
        ("line1", &address.line1),
        ("city", &address.city),
        ("postal_code", &address.postal_code),
        ("country", &address.country),
    ] {
        if given(value).is_none() {
            let param = format!("{prefix}[{part}]");
            found.push(Violation::new(param.clone(), Rule::Missing(param)));
        }
    }
    let Some(country) = given(&address.country) else {
        return found;
    };
    if !is_country_code(country) {
        found.push(Violation::new(
            format!("{prefix}[country]"),
            Rule::NotACountry(country.to_owned()),
        ));
        return found;
    }
    if let (Some(code), Some((_, forms))) = (
        given(&address.postal_code),
        POSTAL_FORMS.iter().find(|(c, _)| *c == country),
    ) {
        if !forms.iter().any(|form| fits(code, form)) {
            found.push(Violation::new(
                format!("{prefix}[postal_code]"),
                Rule::PostalCode {
                    country: country.to_owned(),
                    given: code.to_owned(),
                },
            ));
        }
    }
    if country == "US" {
        match given(&address.state) {
            None => {
                let param = format!("{prefix}[state]");
                found.push(Violation::new(param.clone(), Rule::Missing(param)));
            }
            Some(state) if state.len() != 2 || !state.bytes().all(|b| b.is_ascii_uppercase()) => {
                found.push(Violation::new(
                    format!("{prefix}[state]"),
                    Rule::NotAState(state.to_owned()),
                ))
            }
            Some(_) => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(country: &str, postal_code: &str, state: Option<&str>) -> Address {
        Address {
            line1: Some("1 Main Street".into()),
            city: Some("Somewhere".into()),
            postal_code: Some(postal_code.into()),
            country: Some(country.into()),
            state: state.map(Into::into),
            line2: None,
        }
    }

    #[test]
    fn postal_codes_follow_their_countrys_form() {
        for (country, code, state) in [
            ("US", "94105", Some("CA")),
            ("US", "94105-1234", Some("CA")),
            ("GB", "SE1 9SG", None),
            ("GB", "EC1A 1BB", None),
            ("JP", "100-0005", None),
            ("DE", "40213", None),
            ("CH", "8001", None),
        ] {
            assert_eq!(
                check_address("a", &address(country, code, state)),
                vec![],
                "{country} {code}"
            );
        }
        let found = check_address("a", &address("US", "9410", Some("California")));
        let params: Vec<_> = found.iter().map(|v| v.param.as_str()).collect();
        assert_eq!(params, ["a[postal_code]", "a[state]"]);
    }

    #[test]
    fn missing_parts_and_unknown_countries_are_named() {
        let found = check_address("shipping[address]", &Address::default());
        let params: Vec<_> = found.iter().map(|v| v.param.as_str()).collect();
        assert_eq!(
            params,
            [
                "shipping[address][line1]",
                "shipping[address][city]",
                "shipping[address][postal_code]",
                "shipping[address][country]"
            ]
        );
        assert_eq!(
            check_address("a", &address("XX", "1", None)),
            vec![Violation::new("a[country]", Rule::NotACountry("XX".into()))]
        );
    }
}
