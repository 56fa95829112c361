//! The languages we speak.

/// English or Japanese. Both group thousands with `,` and use `.` for decimals.
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

    /// The language's name in itself, for a language switcher: `English`, `日本語`.
    pub fn endonym(self) -> &'static str {
        self.pick("English", "日本語")
    }

    /// One of two values, by language.
    pub fn pick<T>(self, en: T, ja: T) -> T {
        match self {
            Self::En => en,
            Self::Ja => ja,
        }
    }

    /// The catalogue in this language.
    pub fn texts(self) -> &'static crate::Texts {
        self.pick(&crate::EN, &crate::JA)
    }
}

#[cfg(test)]
mod tests {
    use super::Locale;

    #[test]
    fn tags_name_a_language_whatever_their_region_or_case() {
        assert_eq!(Locale::from_tag("ja-JP"), Some(Locale::Ja));
        assert_eq!(Locale::from_tag("JA_jp"), Some(Locale::Ja));
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("de"), None);
        assert_eq!(Locale::Ja.tag(), "ja");
    }
}
