//! Typed Stripe ids. Each checks its prefix (and that the rest is a plain token, so an id can
//! never smuggle a path or a query into a Stripe URL) when it is parsed or deserialized: a
//! value of one of these types is known to be well formed.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};

/// An id that is not of the kind expected; its `Display` names the kind and the prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdError {
    pub value: String,
    pub kind: &'static str,
    pub prefix: &'static str,
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not {} id ({}…).",
            self.value, self.kind, self.prefix
        )
    }
}

impl std::error::Error for IdError {}

/// Whether `id` is `prefix` followed by 1–64 ASCII letters and digits.
fn well_formed(id: &str, prefix: &str) -> bool {
    id.strip_prefix(prefix).is_some_and(|rest| {
        !rest.is_empty() && rest.len() <= 64 && rest.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

macro_rules! stripe_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal, $kind:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub const PREFIX: &'static str = $prefix;

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = IdError;

            fn from_str(s: &str) -> Result<Self, IdError> {
                if well_formed(s, $prefix) {
                    Ok(Self(s.to_owned()))
                } else {
                    Err(IdError { value: s.to_owned(), kind: $kind, prefix: $prefix })
                }
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = String::deserialize(d)?;
                raw.parse().map_err(serde::de::Error::custom)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }
    };
}

stripe_id!(
    /// A connected account, `acct_…`.
    AccountId, "acct_", "an account"
);
stripe_id!(
    /// An Issuing card, `ic_…`.
    CardId, "ic_", "a card"
);
stripe_id!(
    /// An Issuing cardholder, `ich_…`.
    CardholderId, "ich_", "a cardholder"
);
stripe_id!(
    /// A Shared Payment Token granted to the business, `spt_…`.
    TokenId, "spt_", "a shared payment token"
);
stripe_id!(
    /// A PaymentIntent, `pi_…`.
    PaymentIntentId, "pi_", "a payment intent"
);
stripe_id!(
    /// A webhook event, `evt_…`.
    EventId, "evt_", "an event"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_needs_its_prefix_and_a_plain_token_after_it() {
        assert!("ic_1SbxAbc".parse::<CardId>().is_ok());
        for bad in [
            "ic_",
            "ic_../etc",
            "ich_1",
            "",
            "ic_a b",
            &format!("ic_{}", "a".repeat(65)),
        ] {
            assert!(bad.parse::<CardId>().is_err(), "{bad}");
        }
        assert!("ich_1".parse::<CardholderId>().is_ok());
    }

    #[test]
    fn the_error_names_the_kind_and_the_prefix() {
        let e = "pi_123".parse::<TokenId>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "'pi_123' is not a shared payment token id (spt_…)."
        );
    }

    #[test]
    fn deserializing_checks_the_id_and_serializing_writes_it_back() {
        let id: AccountId = serde_json::from_str("\"acct_1\"").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"acct_1\"");
        let err = serde_json::from_str::<AccountId>("\"acct_..\"").unwrap_err();
        assert!(err
            .to_string()
            .starts_with("'acct_..' is not an account id (acct_…)."));
    }
}
