//! The card list's filters and page, as the panel keeps them in its URL and the server passes
//! them on to `GET /v1/issuing/cards`.

use serde::{Deserialize, Serialize};

use crate::{CardStatus, CardType};

/// Filters and cursor for one page of cards. Empty fields are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
// A parameter the server does not know is refused (as Stripe does), never silently ignored.
#[serde(deny_unknown_fields)]
pub struct CardListQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CardStatus>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<CardType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder: Option<String>,
    /// Part of a cardholder's name: the server finds them (Stripe cannot), then their cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last4: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp_month: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp_year: Option<u16>,
    /// Unix seconds, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_gte: Option<i64>,
    /// Unix seconds, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_lte: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starting_after: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ending_before: Option<String>,
}

pub const DEFAULT_PAGE_SIZE: u8 = 25;

impl CardListQuery {
    /// The panel's and the server's own parameter names (`created_gte`, not `created[gte]`),
    /// for URLs.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        let mut add = |k: &'static str, v: Option<String>| {
            if let Some(v) = v {
                q.push((k, v));
            }
        };
        add("status", self.status.as_ref().map(ToString::to_string));
        add("type", self.kind.as_ref().map(ToString::to_string));
        add("cardholder", self.cardholder.clone());
        add("cardholder_name", self.cardholder_name.clone());
        add("last4", self.last4.clone());
        add("exp_month", self.exp_month.map(|m| m.to_string()));
        add("exp_year", self.exp_year.map(|y| y.to_string()));
        add("created_gte", self.created_gte.map(|t| t.to_string()));
        add("created_lte", self.created_lte.map(|t| t.to_string()));
        add("limit", self.limit.map(|n| n.to_string()));
        add("starting_after", self.starting_after.clone());
        add("ending_before", self.ending_before.clone());
        q
    }

    /// Reads `to_pairs` back (e.g. from a URL), with `get` returning a parameter's value.
    /// Values that do not parse are dropped: a hand-edited URL shows the unfiltered list.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Self {
        let text = |k: &str| {
            get(k)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        Self {
            status: text("status").map(|s| s.parse().unwrap_or_else(|n| match n {})),
            kind: text("type").map(|s| s.parse().unwrap_or_else(|n| match n {})),
            cardholder: text("cardholder"),
            cardholder_name: text("cardholder_name"),
            last4: text("last4"),
            exp_month: text("exp_month").and_then(|v| v.parse().ok()),
            exp_year: text("exp_year").and_then(|v| v.parse().ok()),
            created_gte: text("created_gte").and_then(|v| v.parse().ok()),
            created_lte: text("created_lte").and_then(|v| v.parse().ok()),
            limit: text("limit").and_then(|v| v.parse().ok()),
            starting_after: text("starting_after"),
            ending_before: text("ending_before"),
        }
    }

    /// The same filters on their first page.
    pub fn first_page(&self) -> Self {
        Self {
            starting_after: None,
            ending_before: None,
            ..self.clone()
        }
    }

    /// The query for `GET /v1/issuing/cards`: the same pairs in Stripe's names, with the
    /// page size always given.
    pub fn to_stripe_query(&self) -> Vec<(&'static str, String)> {
        let mut q = vec![("limit", self.limit.unwrap_or(DEFAULT_PAGE_SIZE).to_string())];
        q.extend(
            self.to_pairs()
                .into_iter()
                .filter(|(k, _)| !matches!(*k, "limit" | "cardholder_name"))
                .map(|(k, v)| {
                    let stripe_name = match k {
                        "created_gte" => "created[gte]",
                        "created_lte" => "created[lte]",
                        other => other,
                    };
                    (stripe_name, v)
                }),
        );
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_query_maps_to_stripes_parameter_names() {
        let q = CardListQuery {
            status: Some(CardStatus::Active),
            kind: Some(CardType::Virtual),
            last4: Some("4242".into()),
            created_gte: Some(10),
            created_lte: Some(20),
            limit: Some(50),
            starting_after: Some("ic_123".into()),
            ..Default::default()
        };
        assert!(q.validate().is_empty());
        let keys: Vec<_> = q.to_stripe_query().into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            [
                "limit",
                "status",
                "type",
                "last4",
                "created[gte]",
                "created[lte]",
                "starting_after"
            ]
        );
    }

    #[test]
    fn url_pairs_round_trip() {
        let q = CardListQuery {
            status: Some(CardStatus::Inactive),
            kind: Some(CardType::Physical),
            cardholder: Some("ich_1".into()),
            created_gte: Some(5),
            limit: Some(10),
            ending_before: Some("ic_9".into()),
            ..Default::default()
        };
        let pairs = q.to_pairs();
        let back = CardListQuery::from_lookup(|k| {
            pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone())
        });
        assert_eq!(back, q);
        assert_eq!(back.first_page().ending_before, None);
    }
}
