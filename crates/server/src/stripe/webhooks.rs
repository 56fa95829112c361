//! Webhook endpoints: where Stripe sends events.

use issuing_model::form::FormBuilder;
use issuing_model::WebhookEndpoint;

use super::{Stripe, StripeResult};

impl Stripe {
    /// An endpoint at `url` for every event, the connected accounts' included.
    pub async fn create_webhook_endpoint(&self, url: &str) -> StripeResult<WebhookEndpoint> {
        let mut form = FormBuilder::new();
        form.push("url", url)
            .push("enabled_events[]", "*")
            .push("connect", "true");
        self.client
            .post_form(None, "/v1/webhook_endpoints", form.pairs(), None)
            .await
            .map(|answered| answered.value)
    }
}
