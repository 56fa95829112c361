//! Issuing: a connected account's cards, and what they were used for.

use issuing_model::api::{PurchaseQuery, SimulatePurchase};
use issuing_model::form::FormBuilder;
use issuing_model::{
    AccountId, CardId, CardListQuery, CardUpdate, IssuingAuthorization, IssuingCard,
    IssuingTransaction, List,
};

use super::{Answered, Stripe, StripeResult};

impl Stripe {
    /// One page of `account`'s cards, filtered as `query` says.
    pub async fn cards(
        &self,
        account: &AccountId,
        query: &CardListQuery,
    ) -> StripeResult<List<IssuingCard>> {
        self.client
            .get(
                Some(account.as_str()),
                "/v1/issuing/cards",
                &query.to_stripe_query(),
            )
            .await
    }

    pub async fn card(&self, account: &AccountId, card: &CardId) -> StripeResult<IssuingCard> {
        self.client
            .get(
                Some(account.as_str()),
                &format!("/v1/issuing/cards/{card}"),
                &[],
            )
            .await
    }

    /// Applies `update` (spending controls, status); `key` makes a retried call safe.
    pub async fn update_card(
        &self,
        account: &AccountId,
        card: &CardId,
        update: &CardUpdate,
        key: Option<&str>,
    ) -> StripeResult<Answered<IssuingCard>> {
        let form: FormBuilder = update.to_form();
        self.client
            .post_form(
                Some(account.as_str()),
                &format!("/v1/issuing/cards/{card}"),
                form.pairs(),
                key,
            )
            .await
    }

    /// One page of `account`'s authorizations.
    pub async fn authorizations(
        &self,
        account: &AccountId,
        query: &PurchaseQuery,
    ) -> StripeResult<List<IssuingAuthorization>> {
        self.client
            .get(
                Some(account.as_str()),
                "/v1/issuing/authorizations",
                &query.to_stripe_query(),
            )
            .await
    }

    /// One page of `account`'s transactions.
    pub async fn transactions(
        &self,
        account: &AccountId,
        query: &PurchaseQuery,
    ) -> StripeResult<List<IssuingTransaction>> {
        self.client
            .get(
                Some(account.as_str()),
                "/v1/issuing/transactions",
                &query.to_stripe_query(),
            )
            .await
    }

    /// A purchase on `card` through Stripe's test helper (test mode only).
    pub async fn simulate_purchase(
        &self,
        account: &AccountId,
        card: &CardId,
        purchase: &SimulatePurchase,
        key: Option<&str>,
    ) -> StripeResult<Answered<IssuingAuthorization>> {
        let form = purchase.to_form(card);
        self.client
            .post_form(
                Some(account.as_str()),
                "/v1/test_helpers/issuing/authorizations",
                form.pairs(),
                key,
            )
            .await
    }

    /// Captures all of a pending authorization (test helper).
    pub async fn capture_authorization(
        &self,
        account: &AccountId,
        authorization: &str,
        key: Option<&str>,
    ) -> StripeResult<Answered<IssuingAuthorization>> {
        self.client
            .post_form(
                Some(account.as_str()),
                &format!("/v1/test_helpers/issuing/authorizations/{authorization}/capture"),
                &[],
                key,
            )
            .await
    }
}
