//! The card list's filters, checked as Stripe checks them.

use crate::ids::{CardId, CardholderId};
use crate::rules::{Rule, Violation};
use crate::CardListQuery;

impl CardListQuery {
    /// The first rule the query breaks, as the server answers it.
    pub fn check(&self) -> Result<(), Violation> {
        Violation::first(self.validate())
    }

    /// Stripe's rules for these parameters, named as Stripe names them.
    pub fn validate(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        let mut bad = |param: &str, rule: Rule| found.push(Violation::new(param, rule));
        if let Some(s) = self.status.as_ref().filter(|s| !s.is_known()) {
            bad("status", Rule::UnknownStatus(s.to_string()));
        }
        if let Some(k) = self.kind.as_ref().filter(|k| !k.is_known()) {
            bad("type", Rule::UnknownCardType(k.to_string()));
        }
        if let Some(l) = self.last4.as_deref() {
            if l.len() != 4 || !l.bytes().all(|b| b.is_ascii_digit()) {
                bad("last4", Rule::NotLast4(l.to_owned()));
            }
        }
        if let Some(m) = self.exp_month.filter(|m| !(1..=12).contains(m)) {
            bad("exp_month", Rule::ExpMonth(m));
        }
        if let Some(y) = self.exp_year.filter(|y| !(2000..=2100).contains(y)) {
            bad("exp_year", Rule::ExpYear(y));
        }
        if let Some(Err(e)) = self.cardholder.as_deref().map(str::parse::<CardholderId>) {
            bad("cardholder", Rule::NotAnId(e));
        }
        if let (Some(from), Some(to)) = (self.created_gte, self.created_lte) {
            if from > to {
                bad("created[gte]", Rule::DateRangeReversed);
            }
        }
        if let Some(n) = self.limit.filter(|n| !(1..=100).contains(n)) {
            bad("limit", Rule::PageSize(n));
        }
        for (param, cursor) in [
            ("starting_after", &self.starting_after),
            ("ending_before", &self.ending_before),
        ] {
            if let Some(Err(e)) = cursor.as_deref().map(str::parse::<CardId>) {
                bad(param, Rule::NotAnId(e));
            }
        }
        if self.starting_after.is_some() && self.ending_before.is_some() {
            bad("ending_before", Rule::BothCursors);
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_filters_name_their_params() {
        let q = CardListQuery {
            status: Some("frozen".parse().unwrap()),
            last4: Some("42".into()),
            cardholder: Some("acct_1".into()),
            created_gte: Some(30),
            created_lte: Some(20),
            limit: Some(0),
            starting_after: Some("ic_1".into()),
            ending_before: Some("x".into()),
            ..Default::default()
        };
        let params: Vec<_> = q.validate().into_iter().map(|v| v.param).collect();
        assert_eq!(
            params,
            [
                "status",
                "last4",
                "cardholder",
                "created[gte]",
                "limit",
                "ending_before",
                "ending_before"
            ]
        );
    }
}
