//! Shared Payment Tokens granted to a connected account, and the PaymentIntents that charge
//! them. A preview API: these calls send the preview `Stripe-Version`.

use issuing_model::api::{ChargeRequest, GrantTokenRequest};
use issuing_model::form::FormBuilder;
use issuing_model::{AccountId, GrantedToken, PaymentIntent, TokenId};

use super::{Answered, Stripe, StripeResult};

pub const PREVIEW_STRIPE_VERSION: &str = "2026-04-22.preview";

impl Stripe {
    pub async fn granted_token(
        &self,
        account: &AccountId,
        token: &TokenId,
    ) -> StripeResult<GrantedToken> {
        self.client
            .preview(PREVIEW_STRIPE_VERSION)
            .get(
                Some(account.as_str()),
                &format!("/v1/shared_payment/granted_tokens/{token}"),
                &[],
            )
            .await
    }

    /// What an agent does, as a test helper: a token for `account` as its seller.
    pub async fn grant_test_token(
        &self,
        account: &AccountId,
        request: &GrantTokenRequest,
        key: Option<&str>,
    ) -> StripeResult<Answered<GrantedToken>> {
        let mut form = FormBuilder::new();
        form.push("payment_method", &request.payment_method)
            .push("usage_limits[currency]", &request.currency)
            .push("usage_limits[max_amount]", request.max_amount.to_string())
            .push("seller_details[external_id]", account.as_str());
        if let Some(at) = request.expires_at {
            form.push("usage_limits[expires_at]", at.to_string());
        }
        self.client
            .preview(PREVIEW_STRIPE_VERSION)
            .post_form(
                Some(account.as_str()),
                "/v1/test_helpers/shared_payment/granted_tokens",
                form.pairs(),
                key,
            )
            .await
    }

    /// A confirmed PaymentIntent against `token`, recording which operator made it.
    pub async fn charge_token(
        &self,
        account: &AccountId,
        token: &TokenId,
        request: &ChargeRequest,
        operator: &str,
        key: Option<&str>,
    ) -> StripeResult<Answered<PaymentIntent>> {
        let mut form = FormBuilder::new();
        form.push("amount", request.amount.to_string())
            .push("currency", &request.currency)
            .push("confirm", "true")
            .push(
                "payment_method_data[shared_payment_granted_token]",
                token.as_str(),
            )
            .push("metadata[operator]", operator);
        self.client
            .preview(PREVIEW_STRIPE_VERSION)
            .post_form(
                Some(account.as_str()),
                "/v1/payment_intents",
                form.pairs(),
                key,
            )
            .await
    }
}
