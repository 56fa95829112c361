//! Stripe's webhook signatures: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]`, where each
//! `v1` is HMAC-SHA256 keyed with the whole endpoint secret (`whsec_…`) over `"<t>.<raw body>"`.
//! Only `v1` counts (test mode's `v0` is ignored, so a downgrade is impossible), every `v1` is a
//! candidate (secrets roll), and the comparison is constant-time.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Stripe's default: reject a signature more than five minutes old.
pub const DEFAULT_TOLERANCE_SECS: i64 = 300;

/// Why a `Stripe-Signature` header does not prove the body came from Stripe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureError {
    /// No `t=` with a unix time in it.
    NoTimestamp,
    /// No `v1=` signature at all.
    NoSignature,
    /// No `v1` matches this body with this secret.
    Mismatch,
    /// Signed `age` seconds ago, beyond the tolerance.
    TooOld { age: i64 },
    /// Signed `ahead` seconds in the future, beyond the tolerance: no clock drifts that far,
    /// and accepting it would let a captured request be replayed until then.
    TooNew { ahead: i64 },
}

impl std::fmt::Display for SignatureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoTimestamp => f.write_str("The Stripe-Signature header has no timestamp (t=)."),
            Self::NoSignature => {
                f.write_str("The Stripe-Signature header has no v1 signature.")
            }
            Self::Mismatch => f.write_str(
                "No signature matches the payload: it was not signed with this endpoint's secret, or the body was changed.",
            ),
            Self::TooOld { age } => write!(
                f,
                "The signature is {age} s old, beyond the {DEFAULT_TOLERANCE_SECS} s tolerance: a replay is refused."
            ),
            Self::TooNew { ahead } => write!(
                f,
                "The signature is dated {ahead} s in the future, beyond the {DEFAULT_TOLERANCE_SECS} s tolerance: it is refused."
            ),
        }
    }
}

impl std::error::Error for SignatureError {}

fn mac(secret: &str, timestamp: i64, payload: &[u8]) -> Hmac<Sha256> {
    // HMAC takes a key of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(payload);
    mac
}

/// The hex `v1` signature of `payload` at `timestamp`.
pub fn sign(secret: &str, timestamp: i64, payload: &[u8]) -> String {
    let bytes = mac(secret, timestamp, payload).finalize().into_bytes();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The header Stripe would send: `t=<timestamp>,v1=<signature>`.
pub fn header(secret: &str, timestamp: i64, payload: &[u8]) -> String {
    format!("t={timestamp},v1={}", sign(secret, timestamp, payload))
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Checks `header` against the raw `payload`; `tolerance` of 0 skips the age check. Returns the
/// signed timestamp. A timestamp may be off by the tolerance either way (clocks drift), no more.
pub fn verify(
    header: &str,
    payload: &[u8],
    secret: &str,
    now: i64,
    tolerance: i64,
) -> Result<i64, SignatureError> {
    let mut timestamp = None;
    let mut candidates = Vec::new();
    for part in header.split(',') {
        let Some((key, value)) = part.trim().split_once('=') else {
            continue;
        };
        match key {
            "t" => timestamp = value.parse::<i64>().ok(),
            "v1" => candidates.push(value),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(SignatureError::NoTimestamp)?;
    if candidates.is_empty() {
        return Err(SignatureError::NoSignature);
    }
    let expected = mac(secret, timestamp, payload);
    let matches = candidates.iter().any(|candidate| {
        from_hex(candidate).is_some_and(|bytes| expected.clone().verify_slice(&bytes).is_ok())
    });
    if !matches {
        return Err(SignatureError::Mismatch);
    }
    // Saturating: a forged `t` near i64's ends must be refused, not overflow.
    let age = now.saturating_sub(timestamp);
    if tolerance > 0 && age > tolerance {
        return Err(SignatureError::TooOld { age });
    }
    if tolerance > 0 && age.saturating_neg() > tolerance {
        return Err(SignatureError::TooNew {
            ahead: age.saturating_neg(),
        });
    }
    Ok(timestamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_test_secret";
    const BODY: &[u8] = br#"{"id":"evt_1","object":"event"}"#;
    const T: i64 = 1_700_000_000;

    #[test]
    fn known_vector() {
        // HMAC-SHA256 of "1700000000.{body}" keyed with "whsec_test_secret", computed with
        // Python's hmac module: an independent check that we sign what Stripe signs.
        assert_eq!(
            sign(SECRET, T, BODY),
            "0c8670ed117751cc551a20e35839447075c42800ea3cf3e8a2fbda99cd1e6edd"
        );
    }

    #[test]
    fn a_valid_signature_passes_and_returns_its_time() {
        let h = header(SECRET, T, BODY);
        assert_eq!(verify(&h, BODY, SECRET, T + 10, 300), Ok(T));
    }

    #[test]
    fn the_wrong_secret_or_a_tampered_body_fails() {
        let h = header(SECRET, T, BODY);
        assert_eq!(
            verify(&h, BODY, "whsec_other", T, 300),
            Err(SignatureError::Mismatch)
        );
        let tampered = br#"{"id":"evt_2","object":"event"}"#;
        assert_eq!(
            verify(&h, tampered, SECRET, T, 300),
            Err(SignatureError::Mismatch)
        );
        // Re-signing the same body at another time is not the same signature.
        let moved = format!("t={},v1={}", T + 1, sign(SECRET, T, BODY));
        assert_eq!(
            verify(&moved, BODY, SECRET, T, 300),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn a_stale_timestamp_fails_unless_tolerance_is_zero() {
        let h = header(SECRET, T, BODY);
        assert_eq!(
            verify(&h, BODY, SECRET, T + 301, 300),
            Err(SignatureError::TooOld { age: 301 })
        );
        assert_eq!(verify(&h, BODY, SECRET, T + 300, 300), Ok(T));
        assert_eq!(verify(&h, BODY, SECRET, T + 10_000, 0), Ok(T));
    }

    #[test]
    fn a_timestamp_beyond_the_tolerance_in_the_future_fails_too() {
        let h = header(SECRET, T, BODY);
        assert_eq!(verify(&h, BODY, SECRET, T - 300, 300), Ok(T));
        assert_eq!(
            verify(&h, BODY, SECRET, T - 301, 300),
            Err(SignatureError::TooNew { ahead: 301 })
        );
    }

    #[test]
    fn any_of_several_v1_values_may_match_and_v0_never_counts() {
        let good = sign(SECRET, T, BODY);
        let rolled = format!("t={T},v1={},v1={good}", sign("whsec_old", T, BODY));
        assert_eq!(verify(&rolled, BODY, SECRET, T, 300), Ok(T));
        let only_v0 = format!("t={T},v0={good}");
        assert_eq!(
            verify(&only_v0, BODY, SECRET, T, 300),
            Err(SignatureError::NoSignature)
        );
    }

    #[test]
    fn malformed_headers_fail() {
        let good = sign(SECRET, T, BODY);
        assert_eq!(
            verify(&format!("v1={good}"), BODY, SECRET, T, 300),
            Err(SignatureError::NoTimestamp)
        );
        assert_eq!(
            verify(&format!("t=soon,v1={good}"), BODY, SECRET, T, 300),
            Err(SignatureError::NoTimestamp)
        );
        assert_eq!(
            verify("", BODY, SECRET, T, 300),
            Err(SignatureError::NoTimestamp)
        );
        assert_eq!(
            verify(&format!("t={T},v1=zz{}", &good[2..]), BODY, SECRET, T, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(&format!("t={T},v1={}", &good[1..]), BODY, SECRET, T, 300),
            Err(SignatureError::Mismatch)
        );
    }

    proptest::proptest! {
        /// Any header and body (garbage, huge or negative timestamps, many v1 parts) are
        /// checked without a panic, and only the right signature passes.
        #[test]
        fn any_header_is_checked_without_a_panic(
            header in proptest::prelude::any::<String>(),
            t in proptest::prelude::any::<i64>(),
            body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..256),
            now in proptest::prelude::any::<i64>(),
        ) {
            let _ = verify(&header, &body, SECRET, now, 300);
            let forged = format!("t={t},v1={}", "0".repeat(64));
            proptest::prop_assert!(verify(&forged, &body, SECRET, now, 300).is_err());
            let _ = verify(&format!("t={t},v1=zz,v1="), &body, SECRET, now, 0);
            // Signed at any time at all, checked at any other: refused or passed, no overflow.
            let _ = verify(&super::header(SECRET, t, &body), &body, SECRET, now, 300);
        }

        /// What Stripe signs verifies, within the tolerance, for any body and time.
        #[test]
        fn a_signed_body_verifies_and_a_changed_one_does_not(
            body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512),
            t in 0i64..4_000_000_000,
            drift in -300i64..=300,
        ) {
            let signed = header(SECRET, t, &body);
            proptest::prop_assert_eq!(verify(&signed, &body, SECRET, t + drift, 300), Ok(t));
            let mut changed = body.clone();
            changed.push(b'!');
            proptest::prop_assert!(verify(&signed, &changed, SECRET, t, 300).is_err());
            proptest::prop_assert!(verify(&signed, &body, "whsec_other", t, 300).is_err());
        }
    }
}
