//! Time left on a shared payment token, as a person reads it.

use crate::Locale;

/// Time left until `expires_at`: `in 4 min 12 s`, `in 2 h 5 min`, `in 3 days`; `expired` once
/// it has passed; `never` without an expiry. In Japanese: `あと 4 分 12 秒`, `期限切れ`, `期限なし`.
pub fn countdown(expires_at: Option<i64>, now: i64, locale: Locale) -> String {
    let t = locale.texts();
    let Some(at) = expires_at else {
        return t.countdown_never.to_owned();
    };
    let left = at - now;
    let (h, m, s) = (left / 3_600, left % 3_600 / 60, left % 60);
    match left {
        ..=0 => t.countdown_expired.to_owned(),
        1..=59 => (t.countdown_seconds)(left),
        60..=3_599 => (t.countdown_minutes)(m, s),
        3_600..=86_399 => (t.countdown_hours)(h, m),
        _ => (t.countdown_days)(left / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::countdown;
    use crate::Locale::{En, Ja};

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
