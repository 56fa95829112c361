//! The cardholder list's search and filters. Stripe filters by `status`, `type` and exact
//! `email` or `phone_number`; people search by part of a name, an email or a number, so the
//! server scans Stripe's list with [`CardholderQuery::matches`] (see the server's
//! `api/cardholders.rs`).

use serde::{Deserialize, Serialize};

use crate::rules::{Rule, Violation};
use crate::{Cardholder, CardholderId, CardholderStatus, CardholderType};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
// A parameter the server does not know is refused (as Stripe does), never silently ignored.
#[serde(deny_unknown_fields)]
pub struct CardholderQuery {
    /// Part of a name, an email or a phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CardholderStatus>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<CardholderType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starting_after: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ending_before: Option<String>,
}

pub const CARDHOLDER_PAGE_SIZE: u8 = 25;

impl CardholderQuery {
    pub fn search(&self) -> Option<&str> {
        self.q.as_deref().map(str::trim).filter(|q| !q.is_empty())
    }

    /// Whether `holder` is one the search asks for: the text in their name, email or phone
    /// number (ignoring case; a number ignoring spaces, dashes and `+`).
    pub fn matches(&self, holder: &Cardholder) -> bool {
        let Some(q) = self.search() else {
            return true;
        };
        let q_lower = q.to_lowercase();
        let in_text = |t: Option<&str>| t.is_some_and(|t| t.to_lowercase().contains(&q_lower));
        let digits = |t: &str| -> String { t.chars().filter(char::is_ascii_digit).collect() };
        let q_digits = digits(q);
        let looks_like_number = q_digits.len() >= 3
            && q.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')' | '.'));
        in_text(Some(&holder.name))
            || in_text(holder.email.as_deref())
            || (looks_like_number
                && holder
                    .phone_number
                    .as_deref()
                    .is_some_and(|p| digits(p).contains(&q_digits)))
    }

    /// Stripe's own filters, for `GET /v1/issuing/cardholders` (the search is the server's).
    pub fn to_stripe_filters(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if let Some(s) = &self.status {
            q.push(("status", s.to_string()));
        }
        if let Some(k) = &self.kind {
            q.push(("type", k.to_string()));
        }
        q
    }

    pub fn page_size(&self) -> u8 {
        self.limit.unwrap_or(CARDHOLDER_PAGE_SIZE)
    }

    /// The server's parameter names, for URLs.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        let mut add = |k: &'static str, v: Option<String>| {
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                q.push((k, v));
            }
        };
        add("q", self.search().map(str::to_owned));
        add("status", self.status.as_ref().map(ToString::to_string));
        add("type", self.kind.as_ref().map(ToString::to_string));
        add("limit", self.limit.map(|n| n.to_string()));
        add("starting_after", self.starting_after.clone());
        add("ending_before", self.ending_before.clone());
        q
    }

    pub fn first_page(&self) -> Self {
        Self {
            starting_after: None,
            ending_before: None,
            ..self.clone()
        }
    }

    pub fn check(&self) -> Result<(), Violation> {
        Violation::first(self.validate())
    }

    pub fn validate(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        if let Some(s) = self.status.as_ref().filter(|s| !s.is_known()) {
            found.push(Violation::new("status", Rule::UnknownStatus(s.to_string())));
        }
        if let Some(k) = self.kind.as_ref().filter(|k| !k.is_known()) {
            found.push(Violation::new(
                "type",
                Rule::UnknownCardholderType(k.to_string()),
            ));
        }
        if let Some(n) = self.limit.filter(|n| !(1..=100).contains(n)) {
            found.push(Violation::new("limit", Rule::PageSize(n)));
        }
        for (param, cursor) in [
            ("starting_after", &self.starting_after),
            ("ending_before", &self.ending_before),
        ] {
            if let Some(Err(e)) = cursor.as_deref().map(str::parse::<CardholderId>) {
                found.push(Violation::new(param, Rule::NotAnId(e)));
            }
        }
        if self.starting_after.is_some() && self.ending_before.is_some() {
            found.push(Violation::new("ending_before", Rule::BothCursors));
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holder(name: &str, email: &str, phone: &str) -> Cardholder {
        serde_json::from_value(serde_json::json!({
            "id": "ich_1", "created": 1, "email": email, "name": name,
            "phone_number": phone, "status": "active", "type": "individual"
        }))
        .unwrap()
    }

    #[test]
    fn a_search_finds_part_of_a_name_an_email_or_a_number() {
        let yamada = holder("山田 太郎", "Taro.Yamada@example.jp", "+14155550123");
        for (q, found) in [
            ("山田", true),
            ("太郎", true),
            ("taro.yamada", true),
            ("EXAMPLE.JP", true),
            ("415 555", true),
            ("(415) 555-0123", true),
            ("suzuki", false),
            ("999", false),
            ("  ", true),
        ] {
            let query = CardholderQuery {
                q: Some(q.into()),
                ..Default::default()
            };
            assert_eq!(query.matches(&yamada), found, "{q}");
        }
    }

    #[test]
    fn bad_filters_are_named() {
        let q = CardholderQuery {
            status: Some("gone".parse().unwrap()),
            limit: Some(0),
            starting_after: Some("ic_1".into()),
            ..Default::default()
        };
        let params: Vec<_> = q.validate().into_iter().map(|v| v.param).collect();
        assert_eq!(params, ["status", "limit", "starting_after"]);
    }
}
