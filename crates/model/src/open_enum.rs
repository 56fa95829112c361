//! Stripe's "open" enums: a known set of values today, more tomorrow. A value we do not know
//! yet is kept as `Other(String)` and written back unchanged, so a new status or category
//! from Stripe never breaks decoding.

/// Declares an open enum serialized as its snake_case string.
#[macro_export]
macro_rules! open_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value Stripe sent that this version does not know; kept as it is.
            Other(String),
        }

        impl $name {
            /// Every known value, in declaration order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)+
                    $name::Other(s) => s,
                }
            }

            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Other(_))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(match s {
                    $($text => $name::$variant,)+
                    other => $name::Other(other.to_owned()),
                })
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok(s.parse().unwrap_or_else(|never| match never {}))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    open_enum!(Colour { Red = "red", DeepBlue = "deep_blue" });

    #[test]
    fn known_values_parse_and_unknown_ones_round_trip() {
        let known: Colour = serde_json::from_str("\"deep_blue\"").unwrap();
        assert_eq!(known, Colour::DeepBlue);
        let unknown: Colour = serde_json::from_str("\"ultraviolet\"").unwrap();
        assert_eq!(unknown, Colour::Other("ultraviolet".into()));
        assert!(!unknown.is_known());
        assert_eq!(serde_json::to_string(&unknown).unwrap(), "\"ultraviolet\"");
        assert_eq!(Colour::KNOWN.len(), 2);
    }
}
