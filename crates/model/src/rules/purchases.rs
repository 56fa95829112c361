//! The purchase lists' filters and a simulated purchase, checked as Stripe checks them.

use crate::api::{PurchaseQuery, SimulatePurchase};
use crate::country::is_country_code;
use crate::ids::{CardId, CardholderId};
use crate::rules::tokens::is_currency;
use crate::rules::{Rule, Violation};
use crate::{AuthorizationStatus, TransactionType};

impl PurchaseQuery {
    /// The first rule the query breaks, as the server answers it.
    pub fn check(&self) -> Result<(), Violation> {
        Violation::first(self.validate())
    }

    pub fn validate(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        let mut bad = |param: &str, rule: Rule| found.push(Violation::new(param, rule));
        if let Some(Err(e)) = self.card.as_deref().map(str::parse::<CardId>) {
            bad("card", Rule::NotAnId(e));
        }
        if let Some(Err(e)) = self.cardholder.as_deref().map(str::parse::<CardholderId>) {
            bad("cardholder", Rule::NotAnId(e));
        }
        if let Some(s) = self.status.as_deref() {
            if !s.parse::<AuthorizationStatus>().is_ok_and(|s| s.is_known()) {
                bad("status", Rule::UnknownAuthorizationStatus(s.to_owned()));
            }
        }
        if let Some(k) = self.kind.as_deref() {
            if !k.parse::<TransactionType>().is_ok_and(|k| k.is_known()) {
                bad("type", Rule::UnknownTransactionType(k.to_owned()));
            }
        }
        if let (Some(from), Some(to)) = (self.created_gte, self.created_lte) {
            if from > to {
                bad("created[gte]", Rule::DateRangeReversed);
            }
        }
        if let Some(n) = self.limit.filter(|n| !(1..=100).contains(n)) {
            bad("limit", Rule::PageSize(n));
        }
        if self.starting_after.is_some() && self.ending_before.is_some() {
            bad("ending_before", Rule::BothCursors);
        }
        found
    }
}

impl SimulatePurchase {
    /// The first rule the purchase breaks, as the server answers it.
    pub fn check(&self) -> Result<(), Violation> {
        Violation::first(self.validate())
    }

    /// Every rule it breaks, named at Stripe's parameter, so the simulator marks each field.
    pub fn validate(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        let mut bad = |param: &str, rule: Rule| found.push(Violation::new(param, rule));
        if self.amount < 1 {
            bad("amount", Rule::ChargeNotPositive);
        }
        if !self.category.is_known() {
            bad(
                "merchant_data[category]",
                Rule::UnknownCategory(self.category.as_str().to_owned()),
            );
        }
        if !is_country_code(&self.country) {
            bad(
                "merchant_data[country]",
                Rule::NotACountry(self.country.clone()),
            );
        }
        match (self.merchant_amount, self.merchant_currency.as_deref()) {
            (None, None) => {}
            (Some(amount), Some(currency)) => {
                if amount < 1 {
                    bad("merchant_amount", Rule::ChargeNotPositive);
                }
                if !is_currency(currency) {
                    bad("merchant_currency", Rule::NotACurrency(currency.to_owned()));
                }
            }
            (Some(_), None) => bad("merchant_currency", Rule::MerchantAmountAndCurrency),
            (None, Some(_)) => bad("merchant_amount", Rule::MerchantAmountAndCurrency),
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn purchase() -> SimulatePurchase {
        SimulatePurchase {
            amount: 3_000,
            merchant_amount: None,
            merchant_currency: None,
            category: "bakeries".into(),
            country: "DE".into(),
            card_present: false,
            merchant_name: None,
            capture: false,
        }
    }

    #[test]
    fn a_sound_purchase_passes_and_each_fault_is_named_at_stripes_parameter() {
        assert_eq!(purchase().validate(), vec![]);
        let mut bad = purchase();
        bad.amount = 0;
        bad.category = "teleports".into();
        bad.country = "Germany".into();
        bad.merchant_amount = Some(100);
        let params: Vec<String> = bad.validate().into_iter().map(|v| v.param).collect();
        assert_eq!(
            params,
            [
                "amount",
                "merchant_data[category]",
                "merchant_data[country]",
                "merchant_currency"
            ]
        );
        let card: CardId = "ic_1abc".parse().unwrap();
        let form = purchase().to_form(&card);
        let keys: Vec<&str> = form.pairs().iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "card",
                "amount",
                "merchant_data[category]",
                "merchant_data[country]",
                "authorization_method"
            ]
        );
    }

    #[test]
    fn list_filters_are_stripes() {
        let query = PurchaseQuery {
            card: Some("card_1".into()),
            status: Some("frozen".into()),
            kind: Some("capture".into()),
            limit: Some(0),
            ..Default::default()
        };
        let params: Vec<String> = query.validate().into_iter().map(|v| v.param).collect();
        assert_eq!(params, ["card", "status", "limit"]);
        let ok = PurchaseQuery {
            card: Some("ic_1abc".into()),
            status: Some("pending".into()),
            created_gte: Some(5),
            ..Default::default()
        };
        assert!(ok.validate().is_empty());
        let keys: Vec<&str> = ok.to_stripe_query().into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["limit", "card", "status", "created[gte]"]);
    }
}
