//! Merchant categories (MCC groups) for spending controls: 295 known values, and room for the
//! ones Stripe adds later.

use serde::{Deserialize, Serialize};

/// Stripe's list, alphabetical, one per line — including its own misspelling
/// `government_licensed_online_casions_online_gambling_us_region_only`, which is the real value.
const KNOWN: &str = include_str!("categories.txt");
/// Japanese labels, `code<TAB>label`, one per known category (checked by a test).
const JAPANESE: &str = include_str!("categories_ja.tsv");

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
            crate::money::Locale::En => self.label(),
        }
    }

    /// A readable English label: `fast_food_restaurants` → "Fast food restaurants".
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
    fn labels_read_as_words() {
        assert_eq!(
            Category::from("fast_food_restaurants").label(),
            "Fast food restaurants"
        );
        assert_eq!(Category::from("brand_new_thing").label(), "Brand new thing");
    }
}
