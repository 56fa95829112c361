//! Connect: the platform's connected accounts, and the secrets behind the embedded components.

use issuing_model::form::FormBuilder;
use issuing_model::{Account, AccountId, AccountSession, CardId, EphemeralKey, List};

use super::{Stripe, StripeResult};

/// Stripe's largest page.
const PAGE: &str = "100";

/// What the card components may do in an AccountSession.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionFeatures {
    /// Manage cards, their spend controls, their cardholders and disputes on their spend
    /// (an editor's session; a read-only operator's shows only).
    pub manage: bool,
    /// The list without Stripe's own sign-in for the account's users: for accounts whose
    /// requirements the platform collects, where Stripe's authentication popup is blocked.
    pub disable_stripe_user_authentication: bool,
}

/// The components the panel embeds.
const COMPONENTS: [&str; 2] = ["issuing_card", "issuing_cards_list"];

impl Stripe {
    /// One page of the platform's connected accounts, after `after` (the first page if none).
    pub async fn accounts_page(&self, after: Option<&str>) -> StripeResult<List<Account>> {
        let mut query = vec![("limit", PAGE.to_owned())];
        if let Some(after) = after {
            query.push(("starting_after", after.to_owned()));
        }
        self.client.get(None, "/v1/accounts", &query).await
    }

    /// One connected account, as the platform sees it (its country and currencies).
    pub async fn account(&self, account: &AccountId) -> StripeResult<Account> {
        self.client
            .get(None, &format!("/v1/accounts/{account}"), &[])
            .await
    }

    /// An AccountSession for the card components of `account`, with `features`.
    pub async fn account_session(
        &self,
        account: &AccountId,
        features: SessionFeatures,
    ) -> StripeResult<AccountSession> {
        let manage = features.manage.to_string();
        let mut form = FormBuilder::new();
        form.push("account", account.as_str());
        for component in COMPONENTS {
            let p = format!("components[{component}]");
            form.push(format!("{p}[enabled]"), "true");
            for feature in [
                "card_management",
                "spend_control_management",
                "cardholder_management",
                "card_spend_dispute_management",
            ] {
                form.push(format!("{p}[features][{feature}]"), manage.as_str());
            }
        }
        form.push(
            "components[issuing_cards_list][features][disable_stripe_user_authentication]",
            features.disable_stripe_user_authentication.to_string(),
        );
        self.client
            .post_form(None, "/v1/account_sessions", form.pairs(), None)
            .await
            .map(|answered| answered.value)
    }

    /// An ephemeral key for one card of `account`, bound to the component's `nonce`.
    pub async fn ephemeral_key(
        &self,
        account: &AccountId,
        card: &CardId,
        nonce: &str,
    ) -> StripeResult<EphemeralKey> {
        let mut form = FormBuilder::new();
        form.push("issuing_card", card.as_str())
            .push("nonce", nonce);
        self.client
            .post_form(
                Some(account.as_str()),
                "/v1/ephemeral_keys",
                form.pairs(),
                None,
            )
            .await
            .map(|answered| answered.value)
    }
}
