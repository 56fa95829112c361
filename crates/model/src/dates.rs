//! Calendar dates as `<input type=date>` writes them (`YYYY-MM-DD`, UTC), to and from Unix
//! seconds. Dates for people are formatted by the browser (`Intl`), in the panel.

/// `YYYY-MM-DD` (UTC), the value of an `<input type=date>`.
pub fn iso_date(unix: i64) -> String {
    let (y, m, d) = civil_from_days(unix.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DDTHH:MM:SSZ` (UTC, RFC 3339): a moment in a file meant for any program.
pub fn iso_datetime(unix: i64) -> String {
    let secs = unix.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        iso_date(unix),
        secs / 3_600,
        secs % 3_600 / 60,
        secs % 60
    )
}

/// The UTC calendar date of `unix`: (year, month, day).
pub fn civil_from_unix(unix: i64) -> (i64, u32, u32) {
    civil_from_days(unix.div_euclid(86_400))
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
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
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

pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
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

    #[test]
    fn dates_in_both_languages_and_back() {
        assert_eq!(iso_date(951_782_400), "2000-02-29");
        assert_eq!(parse_iso_date("2000-02-29"), Some(951_782_400));
        assert_eq!(parse_iso_date("2026-02-30"), None);
        assert_eq!(parse_iso_date("yesterday"), None);
        for t in [0, 86_399, 1_767_744_000, 4_102_444_800] {
            assert_eq!(parse_iso_date(&iso_date(t)), Some(t - t.rem_euclid(86_400)));
        }
        assert_eq!(iso_datetime(951_782_400 + 3_723), "2000-02-29T01:02:03Z");
        assert_eq!(iso_datetime(-1), "1969-12-31T23:59:59Z");
    }
}
