//! Issuing: a connected account's cards.

use issuing_model::form::FormBuilder;
use issuing_model::{AccountId, CardId, CardListQuery, CardUpdate, IssuingCard, List};

use super::{Stripe, StripeResult};

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
    ) -> StripeResult<IssuingCard> {
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
}
