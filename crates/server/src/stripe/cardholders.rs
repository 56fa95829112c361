//! Issuing's people and new cards: cardholders (list, one, create, update), issuing a card,
//! and moving a physical card's shipment (test helpers, test mode only).

use issuing_model::{
    AccountId, CardCreate, CardId, Cardholder, CardholderCreate, CardholderId, CardholderUpdate,
    IssuingCard, List, ShippingStep,
};

use super::{Answered, Stripe, StripeResult};

impl Stripe {
    /// One page of `account`'s cardholders, with Stripe's own filters and cursor in `query`.
    pub async fn cardholders(
        &self,
        account: &AccountId,
        query: &[(&str, String)],
    ) -> StripeResult<List<Cardholder>> {
        self.client
            .get(Some(account.as_str()), "/v1/issuing/cardholders", query)
            .await
    }

    pub async fn cardholder(
        &self,
        account: &AccountId,
        id: &CardholderId,
    ) -> StripeResult<Cardholder> {
        self.client
            .get(
                Some(account.as_str()),
                &format!("/v1/issuing/cardholders/{id}"),
                &[],
            )
            .await
    }

    pub async fn create_cardholder(
        &self,
        account: &AccountId,
        create: &CardholderCreate,
        key: Option<&str>,
    ) -> StripeResult<Answered<Cardholder>> {
        self.client
            .post_form(
                Some(account.as_str()),
                "/v1/issuing/cardholders",
                create.to_form().pairs(),
                key,
            )
            .await
    }

    pub async fn update_cardholder(
        &self,
        account: &AccountId,
        id: &CardholderId,
        update: &CardholderUpdate,
        key: Option<&str>,
    ) -> StripeResult<Answered<Cardholder>> {
        self.client
            .post_form(
                Some(account.as_str()),
                &format!("/v1/issuing/cardholders/{id}"),
                update.to_form().pairs(),
                key,
            )
            .await
    }

    /// Issues a card (virtual or physical, possibly replacing another).
    pub async fn create_card(
        &self,
        account: &AccountId,
        create: &CardCreate,
        key: Option<&str>,
    ) -> StripeResult<Answered<IssuingCard>> {
        self.client
            .post_form(
                Some(account.as_str()),
                "/v1/issuing/cards",
                create.to_form().pairs(),
                key,
            )
            .await
    }

    /// Moves a physical card's shipment one `step` (a test helper).
    pub async fn shipping_step(
        &self,
        account: &AccountId,
        card: &CardId,
        step: ShippingStep,
        key: Option<&str>,
    ) -> StripeResult<Answered<IssuingCard>> {
        self.client
            .post_form(
                Some(account.as_str()),
                &format!(
                    "/v1/test_helpers/issuing/cards/{card}/shipping/{}",
                    step.as_str()
                ),
                &[],
                key,
            )
            .await
    }
}
