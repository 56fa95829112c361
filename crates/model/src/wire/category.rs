//! Merchant categories (MCC groups) for spending controls: 295 known values, and room for the
//! ones Stripe adds later. Their labels, in both languages, are words: `issuing-words` has them.

use serde::{Deserialize, Serialize};

/// Stripe's list, alphabetical, `value<TAB>mcc`: the four-digit merchant category code (MCC)
/// Stripe's docs give each category; `miscellaneous` has no single code. It includes Stripe's
/// own misspelling `government_licensed_online_casions_online_gambling_us_region_only`, which
/// is the real value.
const KNOWN: &str = include_str!("categories.tsv");

fn row(value: &str) -> Option<&'static str> {
    KNOWN
        .lines()
        .find_map(|line| line.strip_prefix(value)?.strip_prefix('\t'))
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
        KNOWN.lines().filter_map(|l| l.split('\t').next())
    }

    pub fn is_known(&self) -> bool {
        row(&self.0).is_some()
    }

    /// The four-digit merchant category code behind the category (`cigar_stores_and_stands`
    /// → `5993`), where Stripe gives one.
    pub fn mcc(&self) -> Option<&'static str> {
        row(&self.0).filter(|m| !m.is_empty())
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
    fn every_known_category_but_one_has_its_code() {
        for value in Category::known() {
            let category = Category::from(value);
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
        assert_eq!(
            Category::from("cigar_stores_and_stands").mcc(),
            Some("5993")
        );
        assert_eq!(Category::from("brand_new_thing").mcc(), None);
        // One value is a prefix of another: the tab makes the match exact.
        assert!(!Category::from("miscellaneous_").is_known());
    }
}
