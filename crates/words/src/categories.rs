//! Merchant categories by name: `fast_food_restaurants` → "Fast food restaurants" /
//! "ファストフード店".

use issuing_model::Category;

use crate::Locale;

/// `value<TAB>English<TAB>Japanese`, one row per category Stripe documents, in its order.
const LABELS: &str = include_str!("category_labels.tsv");

/// The label of `category` in `locale`. A category Stripe added after our list reads as its
/// name in words ("Brand new thing"), in either language.
pub fn category_label(category: &Category, locale: Locale) -> String {
    let value = category.as_str();
    LABELS
        .lines()
        .find_map(|line| {
            let mut cols = line.strip_prefix(value)?.strip_prefix('\t')?.split('\t');
            let (en, ja) = (cols.next()?, cols.next()?);
            Some(locale.pick(en, ja).to_owned())
        })
        .unwrap_or_else(|| readable(value))
}

/// `Bakeries, Florists` / `パン屋、生花店`: labels, in the order given.
pub fn category_labels(categories: &[Category], locale: Locale) -> String {
    categories
        .iter()
        .map(|c| category_label(c, locale))
        .collect::<Vec<_>>()
        .join(locale.texts().list_separator)
}

/// `fast_food_restaurants` → "Fast food restaurants".
fn readable(value: &str) -> String {
    let mut label = value.replace('_', " ");
    if let Some(first) = label.get(..1) {
        let upper = first.to_uppercase();
        label.replace_range(..1, &upper);
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Locale::{En, Ja};

    fn label(value: &str, locale: Locale) -> String {
        category_label(&Category::from(value), locale)
    }

    #[test]
    fn every_known_category_has_one_japanese_label() {
        let codes: Vec<&str> = LABELS
            .lines()
            .map(|l| l.split('\t').next().unwrap())
            .collect();
        let known: Vec<&str> = Category::known().collect();
        assert_eq!(
            codes, known,
            "the Japanese list follows the known list exactly"
        );
        for code in Category::known() {
            let ja = label(code, Ja);
            assert!(!ja.is_empty() && ja != readable(code), "{code}");
        }
        assert_eq!(label("fast_food_restaurants", Ja), "ファストフード店");
        // One code is a prefix of another: the tab makes the match exact.
        assert_eq!(label("florists", Ja), "生花店");
        assert_eq!(label("brand_new_thing", Ja), "Brand new thing");
    }

    #[test]
    fn every_known_category_has_a_proper_english_label() {
        for value in Category::known() {
            let en = label(value, En);
            assert!(
                !en.contains('_') && en.starts_with(|c: char| c.is_ascii_uppercase()),
                "{value}: {en}"
            );
        }
        // Stripe's value keeps its typo; the label does not.
        assert_eq!(
            label(
                "government_licensed_online_casions_online_gambling_us_region_only",
                En
            ),
            "Government-licensed online casinos and gambling (US only)"
        );
        assert_eq!(
            label("betting_casino_gambling", En),
            "Betting, casinos and gambling"
        );
        assert_eq!(label("brand_new_thing", En), "Brand new thing");
    }

    #[test]
    fn labels_read_as_words() {
        assert_eq!(readable("fast_food_restaurants"), "Fast food restaurants");
        assert_eq!(readable("brand_new_thing"), "Brand new thing");
    }
}
