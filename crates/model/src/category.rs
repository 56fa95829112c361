//! Merchant categories (MCC groups) for spending controls: 295 known values, and room for the
//! ones Stripe adds later.

use serde::{Deserialize, Serialize};

/// Stripe's list, alphabetical, one per line — including its own misspelling
/// `government_licensed_online_casions_online_gambling_us_region_only`, which is the real value.
const KNOWN: &str = include_str!("categories.txt");
/// Japanese labels, `code<TAB>label`, one per known category (checked by a test).
const JAPANESE: &str = include_str!("categories_ja.tsv");
/// English labels with the four-digit merchant category code (MCC) Stripe's docs give each
/// category, `value<TAB>mcc<TAB>label`; `miscellaneous` has no single code.
const ENGLISH: &str = include_str!("categories_en.tsv");

fn english_row(value: &str) -> Option<(&'static str, &'static str)> {
    ENGLISH.lines().find_map(|line| {
        let mut cols = line.splitn(3, '\t');
        (cols.next()? == value).then_some(())?;
        Some((cols.next()?, cols.next()?))
    })
}

/// A merchant category as Stripe names it. Unknown names are kept, not refused: Stripe adds
/// categories, and a card carrying a new one must still load and save.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Category(pub String);

impl Category {
    pub fn new(name: impl Into<String>) -> Self {
        Self(name.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Every category Stripe documents, alphabetical.
    pub fn known() -> impl Iterator<Item = &'static str> {
        KNOWN.lines().map(str::trim).filter(|l| !l.is_empty())
    }

    pub fn is_known(&self) -> bool {
        Self::known().any(|k| k == self.0)
    }

    /// The label in `locale`: `fast_food_restaurants` → "Fast food restaurants" / "ファストフード店".
    /// A category Stripe added after this list falls back to its readable English label.
    pub fn label_in(&self, locale: crate::money::Locale) -> String {
        match locale {
            crate::money::Locale::Ja => JAPANESE
                .lines()
                .find_map(|line| line.strip_prefix(self.0.as_str())?.strip_prefix('\t'))
                .map_or_else(|| self.label(), str::to_owned),
            crate::money::Locale::En => {
                english_row(&self.0).map_or_else(|| self.label(), |(_, label)| label.to_owned())
            }
        }
    }

    /// The four-digit merchant category code behind the category (`cigar_stores_and_stands`
    /// → `5993`), where Stripe gives one.
    pub fn mcc(&self) -> Option<&'static str> {
        english_row(&self.0)
            .map(|(mcc, _)| mcc)
            .filter(|m| !m.is_empty())
    }

    /// A readable English label for a category not in our list: `fast_food_restaurants` →
    /// "Fast food restaurants".
    pub fn label(&self) -> String {
        let mut label = self.0.replace('_', " ");
        if let Some(first) = label.get(..1) {
            let upper = first.to_uppercase();
            label.replace_range(..1, &upper);
        }
        label
    }
}

impl From<&str> for Category {
    fn from(s: &str) -> Self {
        Self::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::Category;

    #[test]
    fn knows_stripes_295_categories_including_its_misspelling() {
        assert_eq!(Category::known().count(), 295);
        assert!(Category::from(
            "government_licensed_online_casions_online_gambling_us_region_only"
        )
        .is_known());
        assert!(!Category::from(
            "government_licensed_online_casinos_online_gambling_us_region_only"
        )
        .is_known());
        let mut sorted: Vec<_> = Category::known().collect();
        sorted.sort_unstable();
        assert!(
            sorted.iter().copied().eq(Category::known()),
            "the list stays alphabetical"
        );
    }

    #[test]
    fn every_known_category_has_one_japanese_label() {
        use crate::money::Locale;
        let codes: Vec<&str> = super::JAPANESE
            .lines()
            .map(|l| l.split('\t').next().unwrap())
            .collect();
        let known: Vec<&str> = Category::known().collect();
        assert_eq!(
            codes, known,
            "the Japanese list follows the known list exactly"
        );
        for code in Category::known() {
            let category = Category::from(code);
            let ja = category.label_in(Locale::Ja);
            assert!(!ja.is_empty() && ja != category.label(), "{code}");
        }
        assert_eq!(
            Category::from("fast_food_restaurants").label_in(Locale::Ja),
            "ファストフード店"
        );
        // One code is a prefix of another: the tab makes the match exact.
        assert_eq!(Category::from("florists").label_in(Locale::Ja), "生花店");
        assert_eq!(
            Category::from("brand_new_thing").label_in(Locale::Ja),
            "Brand new thing"
        );
    }

    #[test]
    fn every_known_category_has_a_proper_english_label_and_its_code() {
        use crate::money::Locale;
        let values: Vec<&str> = super::ENGLISH
            .lines()
            .map(|l| l.split('\t').next().unwrap())
            .collect();
        let known: Vec<&str> = Category::known().collect();
        assert_eq!(
            values, known,
            "the English list follows the known list exactly"
        );
        for value in Category::known() {
            let category = Category::from(value);
            let en = category.label_in(Locale::En);
            assert!(
                !en.contains('_') && en.starts_with(|c: char| c.is_ascii_uppercase()),
                "{value}: {en}"
            );
            if value != "miscellaneous" {
                let mcc = category
                    .mcc()
                    .unwrap_or_else(|| panic!("{value} has no code"));
                assert!(
                    mcc.len() == 4 && mcc.bytes().all(|b| b.is_ascii_digit()),
                    "{value}: {mcc}"
                );
            }
        }
        // Stripe's value keeps its typo; the label does not.
        let casinos =
            Category::from("government_licensed_online_casions_online_gambling_us_region_only");
        assert_eq!(
            casinos.label_in(Locale::En),
            "Government-licensed online casinos and gambling (US only)"
        );
        assert_eq!(
            Category::from("cigar_stores_and_stands").mcc(),
            Some("5993")
        );
        assert_eq!(
            Category::from("betting_casino_gambling").label_in(Locale::En),
            "Betting, casinos and gambling"
        );
        assert_eq!(
            Category::from("brand_new_thing").label_in(Locale::En),
            "Brand new thing"
        );
        assert_eq!(Category::from("brand_new_thing").mcc(), None);
    }

    #[test]
    fn labels_read_as_words() {
        assert_eq!(
            Category::from("fast_food_restaurants").label(),
            "Fast food restaurants"
        );
        assert_eq!(Category::from("brand_new_thing").label(), "Brand new thing");
    }
}
