//! Spending controls and dates in words, for people: `€500.00 per day`, `1日あたり €500.00`,
//! `Jan 7, 2026`, `2026年1月7日`. Plain Rust, so it is tested natively and shared by every view.

use crate::money::{format_amount, Locale};
use crate::{Category, SpendingInterval, SpendingLimit};

/// `€500.00 per day` / `1日あたり €500.00`.
pub fn limit_phrase(limit: &SpendingLimit, currency: &str, locale: Locale) -> String {
    let amount = format_amount(limit.amount, currency, locale);
    let interval = &limit.interval;
    match locale {
        Locale::En => match interval {
            SpendingInterval::PerAuthorization => format!("{amount} per transaction"),
            SpendingInterval::Daily => format!("{amount} per day"),
            SpendingInterval::Weekly => format!("{amount} per week"),
            SpendingInterval::Monthly => format!("{amount} per month"),
            SpendingInterval::Yearly => format!("{amount} per year"),
            SpendingInterval::AllTime => format!("{amount} in total"),
            SpendingInterval::Other(other) => format!("{amount} per {other}"),
        },
        Locale::Ja => match interval {
            SpendingInterval::PerAuthorization => format!("1回あたり {amount}"),
            SpendingInterval::Daily => format!("1日あたり {amount}"),
            SpendingInterval::Weekly => format!("1週間あたり {amount}"),
            SpendingInterval::Monthly => format!("1か月あたり {amount}"),
            SpendingInterval::Yearly => format!("1年あたり {amount}"),
            SpendingInterval::AllTime => format!("累計 {amount}"),
            SpendingInterval::Other(other) => format!("{other} あたり {amount}"),
        },
    }
}

/// `Bakeries, Florists` / `ベーカリー、花屋`: readable labels, in the order given.
pub fn category_labels(categories: &[Category], locale: Locale) -> String {
    categories
        .iter()
        .map(|c| c.label_in(locale))
        .collect::<Vec<_>>()
        .join(list_separator(locale))
}

/// How the language separates items of a list: `, ` / `、`.
pub fn list_separator(locale: Locale) -> &'static str {
    match locale {
        Locale::En => ", ",
        Locale::Ja => "、",
    }
}

/// One line for a table cell: every limit, or a word for none.
pub fn limits_summary(limits: &[SpendingLimit], currency: &str, locale: Locale) -> String {
    if limits.is_empty() {
        return match locale {
            Locale::En => "No limits".to_owned(),
            Locale::Ja => "上限なし".to_owned(),
        };
    }
    let parts: Vec<String> = limits
        .iter()
        .map(|l| {
            let phrase = limit_phrase(l, currency, locale);
            match (&l.categories, locale) {
                (Some(c), Locale::En) if !c.is_empty() => {
                    format!("{phrase} ({} categories)", c.len())
                }
                (Some(c), Locale::Ja) if !c.is_empty() => {
                    format!("{phrase}（{}カテゴリ）", c.len())
                }
                _ => phrase,
            }
        })
        .collect();
    parts.join(list_separator(locale))
}

/// `YYYY-MM-DD` (UTC), the value of an `<input type=date>`.
pub fn iso_date(unix: i64) -> String {
    let (y, m, d) = civil_from_days(unix.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Unix seconds at the start (UTC) of `YYYY-MM-DD`, if it is a real date.
pub fn parse_iso_date(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    let days = days_from_civil(y, m, d);
    (civil_from_days(days) == (y, m, d)).then_some(days * 86_400)
}

// Howard Hinnant's algorithms: days since 1970-01-01 <-> proleptic Gregorian dates.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(amount: i64, interval: SpendingInterval) -> SpendingLimit {
        SpendingLimit {
            amount,
            interval,
            categories: None,
        }
    }

    #[test]
    fn limits_read_as_phrases_in_both_languages() {
        let daily = limit(50_000, SpendingInterval::Daily);
        assert_eq!(limit_phrase(&daily, "eur", Locale::En), "€500.00 per day");
        assert_eq!(limit_phrase(&daily, "eur", Locale::Ja), "1日あたり €500.00");
        let per_tx = limit(25_000, SpendingInterval::PerAuthorization);
        assert_eq!(
            limit_phrase(&per_tx, "usd", Locale::En),
            "$250.00 per transaction"
        );
        let summary = limits_summary(
            &[per_tx, limit(200_000, SpendingInterval::Monthly)],
            "usd",
            Locale::En,
        );
        assert_eq!(summary, "$250.00 per transaction, $2,000.00 per month");
        assert_eq!(limits_summary(&[], "gbp", Locale::Ja), "上限なし");
    }

    #[test]
    fn dates_in_both_languages_and_back() {
        assert_eq!(iso_date(951_782_400), "2000-02-29");
        assert_eq!(parse_iso_date("2000-02-29"), Some(951_782_400));
        assert_eq!(parse_iso_date("2026-02-30"), None);
        assert_eq!(parse_iso_date("yesterday"), None);
        for t in [0, 86_399, 1_767_744_000, 4_102_444_800] {
            assert_eq!(parse_iso_date(&iso_date(t)), Some(t - t.rem_euclid(86_400)));
        }
    }
}
