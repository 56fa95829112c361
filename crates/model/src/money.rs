//! Money in the minor unit, never through floats: `5000` is $50.00 but ¥5,000.

use std::fmt;

/// Currencies with no minor unit (Stripe's list).
const ZERO_DECIMAL: &[&str] = &[
    "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv",
    "xaf", "xof", "xpf",
];
/// Currencies with three decimal places.
const THREE_DECIMAL: &[&str] = &["bhd", "jod", "kwd", "omr", "tnd"];
/// Currencies whose usual notation writes a decimal comma (`12,50 €`) and groups with points
/// or spaces (`1.250,00`). Neither of the panel's languages writes a decimal comma, so for
/// these the currency's own notation is what makes `12,50` mean twelve and a half.
const DECIMAL_COMMA: &[&str] = &[
    "eur", "dkk", "nok", "sek", "isk", "pln", "czk", "huf", "ron", "bgn", "try", "rub", "uah",
    "brl", "ars", "clp", "cop", "pyg", "uyu", "idr", "vnd",
];

/// Whether people usually write `currency` with a decimal comma.
pub fn writes_decimal_comma(currency: &str) -> bool {
    DECIMAL_COMMA.contains(&currency.to_ascii_lowercase().as_str())
}

/// The largest amount Stripe accepts, in the minor unit (eight digits).
pub const MAX_AMOUNT: i64 = 99_999_999;

/// Digits after the decimal point in `currency` (ISO code, any case).
/// The currencies Stripe takes for charges (its supported presentment currencies), lowercase
/// and sorted: a three-letter code outside it (`xyz`) is refused, as Stripe refuses it.
pub const STRIPE_CURRENCIES: &[&str] = &[
    "aed", "afn", "all", "amd", "ang", "aoa", "ars", "aud", "awg", "azn", "bam", "bbd", "bdt",
    "bgn", "bhd", "bif", "bmd", "bnd", "bob", "brl", "bsd", "bwp", "byn", "bzd", "cad", "cdf",
    "chf", "clp", "cny", "cop", "crc", "cve", "czk", "djf", "dkk", "dop", "dzd", "egp", "etb",
    "eur", "fjd", "fkp", "gbp", "gel", "gip", "gmd", "gnf", "gtq", "gyd", "hkd", "hnl", "htg",
    "huf", "idr", "ils", "inr", "isk", "jmd", "jod", "jpy", "kes", "kgs", "khr", "kmf", "krw",
    "kwd", "kyd", "kzt", "lak", "lbp", "lkr", "lrd", "lsl", "mad", "mdl", "mga", "mkd", "mmk",
    "mnt", "mop", "mur", "mvr", "mwk", "mxn", "myr", "mzn", "nad", "ngn", "nio", "nok", "npr",
    "nzd", "omr", "pab", "pen", "pgk", "php", "pkr", "pln", "pyg", "qar", "ron", "rsd", "rub",
    "rwf", "sar", "sbd", "scr", "sek", "sgd", "shp", "sle", "sos", "srd", "std", "szl", "thb",
    "tjs", "tnd", "top", "try", "ttd", "twd", "tzs", "uah", "ugx", "usd", "uyu", "uzs", "vnd",
    "vuv", "wst", "xaf", "xcd", "xof", "xpf", "yer", "zar", "zmw",
];

pub fn minor_digits(currency: &str) -> u32 {
    let c = currency.to_ascii_lowercase();
    if ZERO_DECIMAL.contains(&c.as_str()) {
        0
    } else if THREE_DECIMAL.contains(&c.as_str()) {
        3
    } else {
        2
    }
}

fn symbol(currency: &str) -> Option<&'static str> {
    match currency.to_ascii_lowercase().as_str() {
        "usd" => Some("$"),
        "eur" => Some("€"),
        "gbp" => Some("£"),
        "jpy" => Some("¥"),
        _ => None,
    }
}

/// `format_amount(50000, "eur")` → `€500.00`; `(5000, "jpy")` → `¥5,000`; `(1500, "kwd")` →
/// `KWD 1.500`. Both of the panel's languages write amounts this way.
pub fn format_amount(amount: i64, currency: &str) -> String {
    let digits = minor_digits(currency);
    let scale = 10u64.pow(digits);
    let magnitude = amount.unsigned_abs();
    let (major, minor) = (magnitude / scale, magnitude % scale);
    let mut number = group_thousands(major);
    if digits > 0 {
        number.push('.');
        number.push_str(&format!("{minor:0width$}", width = digits as usize));
    }
    let sign = if amount < 0 { "-" } else { "" };
    match symbol(currency) {
        Some(s) => format!("{sign}{s}{number}"),
        None => format!("{sign}{} {number}", currency.to_ascii_uppercase()),
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Why typed text is not an amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    NotANumber,
    Negative,
    TooManyDecimals {
        allowed: u32,
    },
    TooLarge,
    /// `1,250` or `1.250` where both a thousands separator and a decimal mark make sense
    /// (a decimal-comma currency): `whole` is the thousands reading, in the minor unit.
    Ambiguous {
        whole: i64,
        currency: String,
    },
    /// `12,50` in a currency written with a decimal point: `suggestion` is `12.50`.
    DecimalComma {
        suggestion: String,
    },
    /// Separators that are not groups of three (`12,50,000`, `1,2`).
    BadGrouping,
}

/// `12.50` with `digits` decimals (`12` with none), the example the messages give, with a
/// decimal comma if `comma`.
pub fn example_amount(digits: u32, comma: bool) -> String {
    let mark = if comma { "," } else { "." };
    match digits {
        0 => "12".to_owned(),
        d => format!("12{mark}5{}", "0".repeat(d as usize - 1)),
    }
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("Enter an amount."),
            Self::NotANumber => f.write_str("Enter the amount as a number, like 500 or 500.00."),
            Self::Negative => f.write_str("The amount cannot be negative."),
            Self::TooManyDecimals { allowed: 0 } => {
                f.write_str("This currency has no decimal places: enter a whole amount.")
            }
            Self::TooManyDecimals { allowed } => {
                write!(f, "This currency has at most {allowed} decimal places.")
            }
            Self::TooLarge => f.write_str("The amount is too large."),
            Self::Ambiguous { whole, currency } => write!(
                f,
                "Did you mean {}? Write it as {} to be sure; for a part of a unit write the decimals in full, like {} or {}.",
                format_amount(*whole, currency),
                to_major_input(*whole, currency),
                example_amount(minor_digits(currency), false),
                example_amount(minor_digits(currency), true),
            ),
            Self::DecimalComma { suggestion } => {
                write!(f, "Use a point for decimals: {suggestion}.")
            }
            Self::BadGrouping => f.write_str(
                "Group thousands in threes, like 1,250,000, or leave the separators out.",
            ),
        }
    }
}

impl std::error::Error for MoneyError {}

/// What a person typed, in major units, to the minor unit: `500`, `500.5`, `1,234.56`, `€500`,
/// and in a decimal-comma currency also `12,50` and `1.234,56`. A separator is read as a
/// thousands separator only where the groups are well formed (`1,250,000`); one that could be
/// either (`1,250` in euros) is refused as [`MoneyError::Ambiguous`], never guessed.
pub fn parse_amount(input: &str, currency: &str) -> Result<i64, MoneyError> {
    let digits = minor_digits(currency);
    let code = currency.to_ascii_uppercase();
    let mut text: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '$' | '€' | '£' | '¥' | '￥'))
        .collect::<String>()
        .to_ascii_uppercase();
    if let Some(rest) = text.strip_prefix(code.as_str()) {
        text = rest.to_owned();
    }
    if let Some(rest) = text.strip_suffix(code.as_str()) {
        text = rest.to_owned();
    }
    if text.is_empty() {
        return Err(MoneyError::Empty);
    }
    if text.starts_with('-') {
        return Err(MoneyError::Negative);
    }
    if !text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return Err(MoneyError::NotANumber);
    }
    let (whole, fraction) = split_decimal(&text, currency)?;
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(&whole) || !all_digits(fraction) {
        return Err(MoneyError::NotANumber);
    }
    if fraction.len() > digits as usize {
        return Err(MoneyError::TooManyDecimals { allowed: digits });
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| MoneyError::TooLarge)?
    };
    let padded = format!("{fraction:0<width$}", width = digits as usize);
    let minor: i64 = if padded.is_empty() {
        0
    } else {
        padded.parse().map_err(|_| MoneyError::NotANumber)?
    };
    whole
        .checked_mul(10i64.pow(digits))
        .and_then(|w| w.checked_add(minor))
        .ok_or(MoneyError::TooLarge)
}

/// Splits digits and separators into the whole part (grouping removed) and the decimals.
fn split_decimal<'a>(text: &'a str, currency: &str) -> Result<(String, &'a str), MoneyError> {
    let comma_currency = writes_decimal_comma(currency);
    let count = |c: char| text.matches(c).count();
    let (commas, points) = (count(','), count('.'));
    // The decimal mark, if any: the last separator when both kinds appear; one kind alone is
    // a decimal mark only when it appears once and is not a well-formed thousands group.
    let mark = match (commas, points) {
        (0, 0) => None,
        (_, _) if commas > 0 && points > 0 => {
            let last = if text.rfind(',') > text.rfind('.') {
                ','
            } else {
                '.'
            };
            if count(last) > 1 {
                return Err(MoneyError::NotANumber);
            }
            Some(last)
        }
        (1, 0) | (0, 1) => {
            let sep = if commas == 1 { ',' } else { '.' };
            let (head, tail) = text.split_once(sep).unwrap_or((text, ""));
            let digits = minor_digits(currency);
            let three = tail.len() == 3 && (1..=3).contains(&head.len());
            // The operator's languages group with commas; decimal-comma currencies also group
            // with points. A point is always a decimal mark to them (too many decimals is
            // said as such), a comma only in a decimal-comma currency.
            let could_group = three && (sep == ',' || comma_currency);
            let could_decimal = sep == '.' || (comma_currency && digits > 0);
            match (could_group, could_decimal) {
                (true, true) if digits > 0 => {
                    let whole: i64 = format!("{head}{tail}")
                        .parse()
                        .map_err(|_| MoneyError::TooLarge)?;
                    return Err(MoneyError::Ambiguous {
                        whole: whole.saturating_mul(10i64.pow(digits)),
                        currency: currency.to_ascii_lowercase(),
                    });
                }
                (true, _) => None,
                (false, true) => Some(sep),
                (false, false) if digits > 0 && tail.len() != 3 => {
                    return Err(MoneyError::DecimalComma {
                        suggestion: format!("{head}.{tail}"),
                    });
                }
                (false, false) => return Err(MoneyError::BadGrouping),
            }
        }
        _ => None, // one kind, several times: thousands separators
    };
    let (whole, fraction) = match mark {
        Some(m) => text.rsplit_once(m).unwrap_or((text, "")),
        None => (text, ""),
    };
    let group = match mark {
        Some(',') => '.',
        Some(_) => ',',
        None if commas > 0 => ',',
        None => '.',
    };
    if whole.contains(group) {
        let mut groups = whole.split(group);
        let first = groups.next().unwrap_or("");
        if !(1..=3).contains(&first.len()) || groups.any(|g| g.len() != 3) {
            return Err(MoneyError::BadGrouping);
        }
    }
    Ok((whole.replace(group, ""), fraction))
}

/// The amount as a person would type it back, without symbol or grouping: `50000` usd → `500.00`.
pub fn to_major_input(amount: i64, currency: &str) -> String {
    let digits = minor_digits(currency);
    if digits == 0 {
        return amount.to_string();
    }
    let scale = 10i64.pow(digits);
    format!(
        "{}.{:0width$}",
        amount / scale,
        (amount % scale).abs(),
        width = digits as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_two_zero_and_three_decimal_currencies() {
        assert_eq!(format_amount(50_000, "eur"), "€500.00");
        assert_eq!(format_amount(25_000, "usd"), "$250.00");
        assert_eq!(format_amount(123_456_789, "gbp"), "£1,234,567.89");
        assert_eq!(format_amount(5_000, "jpy"), "¥5,000");
        assert_eq!(format_amount(10_000, "JPY"), "¥10,000");
        assert_eq!(format_amount(1_500, "kwd"), "KWD 1.500");
        assert_eq!(format_amount(5, "usd"), "$0.05");
        assert_eq!(format_amount(-1_999, "usd"), "-$19.99");
        assert_eq!(format_amount(0, "krw"), "KRW 0");
    }

    #[test]
    fn parses_what_people_type_into_the_minor_unit() {
        assert_eq!(parse_amount("500", "eur"), Ok(50_000));
        assert_eq!(parse_amount("500.5", "eur"), Ok(50_050));
        assert_eq!(parse_amount(" €1,234.56 ", "eur"), Ok(123_456));
        assert_eq!(parse_amount("¥5,000", "jpy"), Ok(5_000));
        assert_eq!(parse_amount("1.5", "kwd"), Ok(1_500));
        assert_eq!(parse_amount(".25", "usd"), Ok(25));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert_eq!(parse_amount("", "usd"), Err(MoneyError::Empty));
        assert_eq!(parse_amount("abc", "usd"), Err(MoneyError::NotANumber));
        assert_eq!(parse_amount("-5", "usd"), Err(MoneyError::Negative));
        assert_eq!(
            parse_amount("10.5", "jpy"),
            Err(MoneyError::TooManyDecimals { allowed: 0 })
        );
        assert_eq!(
            parse_amount("1.001", "usd"),
            Err(MoneyError::TooManyDecimals { allowed: 2 })
        );
        assert_eq!(
            parse_amount("99999999999999999999", "usd"),
            Err(MoneyError::TooLarge)
        );
    }

    #[test]
    fn reads_a_decimal_comma_where_the_currency_writes_one() {
        assert_eq!(parse_amount("12,50", "eur"), Ok(1_250));
        assert_eq!(parse_amount("12,5 €", "eur"), Ok(1_250));
        assert_eq!(parse_amount("1.234,56", "eur"), Ok(123_456));
        assert_eq!(parse_amount("1 234,56 EUR", "eur"), Ok(123_456));
        assert_eq!(parse_amount("1.250.000", "eur"), Ok(125_000_000));
        assert_eq!(parse_amount(",25", "eur"), Ok(25));
        assert_eq!(parse_amount("1,250.00", "eur"), Ok(125_000));
        assert_eq!(parse_amount("12.50", "eur"), Ok(1_250));
    }

    #[test]
    fn groups_thousands_only_when_well_formed() {
        assert_eq!(parse_amount("1,250", "usd"), Ok(125_000));
        assert_eq!(parse_amount("1,250,000.75", "usd"), Ok(125_000_075));
        assert_eq!(parse_amount("1,250", "kwd"), Ok(1_250_000));
        assert_eq!(parse_amount("5,000", "jpy"), Ok(5_000));
        assert_eq!(
            parse_amount("12,50,000", "usd"),
            Err(MoneyError::BadGrouping)
        );
        assert_eq!(
            parse_amount("1,2345.00", "usd"),
            Err(MoneyError::BadGrouping)
        );
        assert_eq!(parse_amount("12,50", "jpy"), Err(MoneyError::BadGrouping));
        assert_eq!(parse_amount("1.2.3", "usd"), Err(MoneyError::BadGrouping));
        assert_eq!(
            parse_amount("1,250,00", "eur"),
            Err(MoneyError::BadGrouping)
        );
    }

    #[test]
    fn refuses_a_separator_that_could_be_either_and_says_how_to_write_it() {
        let ambiguous = |text| parse_amount(text, "eur").unwrap_err();
        for text in ["1,250", "1.250"] {
            let error = ambiguous(text);
            assert_eq!(
                error,
                MoneyError::Ambiguous {
                    whole: 125_000,
                    currency: "eur".into()
                }
            );
            assert_eq!(
                error.to_string(),
                "Did you mean €1,250.00? Write it as 1250.00 to be sure; for a part of a unit write the decimals in full, like 12.50 or 12,50."
            );
        }
        let comma = parse_amount("12,50", "usd").unwrap_err();
        assert_eq!(
            comma,
            MoneyError::DecimalComma {
                suggestion: "12.50".into()
            }
        );
        assert_eq!(comma.to_string(), "Use a point for decimals: 12.50.");
    }

    #[test]
    fn input_round_trips_through_the_minor_unit() {
        for (amount, currency) in [(50_000, "eur"), (5_000, "jpy"), (1_500, "kwd"), (7, "usd")] {
            let typed = to_major_input(amount, currency);
            assert_eq!(
                parse_amount(&typed, currency),
                Ok(amount),
                "{typed} {currency}"
            );
        }
    }

    proptest::proptest! {
        /// Whatever the panel writes (a formatted amount, or the editor's own input text)
        /// reads back as the same amount, in every kind of currency.
        #[test]
        fn what_the_panel_writes_reads_back(
            amount in 0i64..10_000_000_000,
            currency in proptest::sample::select(vec!["eur", "usd", "jpy", "kwd", "gbp", "sek", "clp"]),
        ) {
            proptest::prop_assert_eq!(parse_amount(&format_amount(amount, currency), currency), Ok(amount));
            proptest::prop_assert_eq!(parse_amount(&to_major_input(amount, currency), currency), Ok(amount));
        }

        /// Whatever a person types (any text, huge numbers, odd Unicode) is an amount or a
        /// reason, never a panic; an amount read is never negative.
        #[test]
        fn anything_typed_is_read_or_refused_never_a_panic(
            input in proptest::prelude::any::<String>(),
            digits in "[0-9.,' -]{0,40}",
            currency in proptest::sample::select(vec!["eur", "usd", "jpy", "kwd", "xyz", ""]),
        ) {
            for text in [&input, &digits] {
                if let Ok(amount) = parse_amount(text, currency) {
                    proptest::prop_assert!(amount >= 0, "{text:?} read as {amount}");
                }
            }
        }
    }

    #[test]
    fn stripes_currencies_are_sorted_lowercase_codes_and_take_no_inventions() {
        assert!(
            STRIPE_CURRENCIES.windows(2).all(|w| w[0] < w[1]),
            "sorted, for binary search"
        );
        assert!(STRIPE_CURRENCIES
            .iter()
            .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_lowercase())));
        for code in ["usd", "eur", "gbp", "jpy", "kwd"] {
            assert!(crate::rules::is_currency(code), "{code}");
        }
        for code in ["xyz", "USD", "us", "dollar", ""] {
            assert!(!crate::rules::is_currency(code), "{code}");
        }
    }
}
