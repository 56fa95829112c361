//! Money in the minor unit, never through floats: `5000` is $50.00 but ¥5,000.

use std::fmt;

/// Currencies with no minor unit (Stripe's list).
const ZERO_DECIMAL: &[&str] = &[
    "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv",
    "xaf", "xof", "xpf",
];
/// Currencies with three decimal places.
const THREE_DECIMAL: &[&str] = &["bhd", "jod", "kwd", "omr", "tnd"];

/// The languages the panel speaks. Both group thousands with `,` and use `.` for decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Ja,
}

impl Locale {
    /// The BCP 47 tag: `en`, `ja`.
    pub fn tag(self) -> &'static str {
        self.pick("en", "ja")
    }

    /// `ja`, `ja-JP`, `JA_jp` → Japanese; `en`, `en-GB` → English; anything else: none of ours.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "ja" => Some(Self::Ja),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The English or the Japanese of a fixed text.
    pub fn pick<T>(self, en: T, ja: T) -> T {
        match self {
            Self::En => en,
            Self::Ja => ja,
        }
    }
}

/// Digits after the decimal point in `currency` (ISO code, any case).
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

/// `format_amount(50000, "eur", Locale::En)` → `€500.00`; `(5000, "jpy", _)` → `¥5,000`;
/// `(1500, "kwd", _)` → `KWD 1.500`.
pub fn format_amount(amount: i64, currency: &str, _locale: Locale) -> String {
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
    TooManyDecimals { allowed: u32 },
    TooLarge,
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
        }
    }
}

impl MoneyError {
    /// The message in `locale` (`Display` is English).
    pub fn message_in(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.to_string(),
            Locale::Ja => match self {
                Self::Empty => "金額を入力してください。".to_owned(),
                Self::NotANumber => {
                    "金額は 500 や 500.00 のように数字で入力してください。".to_owned()
                }
                Self::Negative => "金額にマイナスは使えません。".to_owned(),
                Self::TooManyDecimals { allowed: 0 } => {
                    "この通貨には小数点以下の単位がありません。整数で入力してください。".to_owned()
                }
                Self::TooManyDecimals { allowed } => {
                    format!("この通貨の小数点以下は {allowed} 桁までです。")
                }
                Self::TooLarge => "金額が大きすぎます。".to_owned(),
            },
        }
    }
}

impl std::error::Error for MoneyError {}

/// What a person typed, in major units (`500`, `500.5`, `1,234.56`, `€500`), to the minor unit.
pub fn parse_amount(input: &str, currency: &str) -> Result<i64, MoneyError> {
    let digits = minor_digits(currency);
    let mut text: String = input
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && !matches!(c, '$' | '€' | '£' | '¥' | '￥'))
        .collect();
    let code = currency.to_ascii_uppercase();
    if let Some(rest) = text.strip_prefix(code.as_str()) {
        text = rest.to_owned();
    }
    if text.is_empty() {
        return Err(MoneyError::Empty);
    }
    if text.starts_with('-') {
        return Err(MoneyError::Negative);
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, f),
        None => (text.as_str(), ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
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
        assert_eq!(format_amount(50_000, "eur", Locale::En), "€500.00");
        assert_eq!(format_amount(25_000, "usd", Locale::En), "$250.00");
        assert_eq!(
            format_amount(123_456_789, "gbp", Locale::Ja),
            "£1,234,567.89"
        );
        assert_eq!(format_amount(5_000, "jpy", Locale::Ja), "¥5,000");
        assert_eq!(format_amount(10_000, "JPY", Locale::En), "¥10,000");
        assert_eq!(format_amount(1_500, "kwd", Locale::En), "KWD 1.500");
        assert_eq!(format_amount(5, "usd", Locale::En), "$0.05");
        assert_eq!(format_amount(-1_999, "usd", Locale::En), "-$19.99");
        assert_eq!(format_amount(0, "krw", Locale::En), "KRW 0");
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
        assert_eq!(parse_amount("1.2.3", "usd"), Err(MoneyError::NotANumber));
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
}
