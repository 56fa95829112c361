//! A physical card's way to its holder, as Stripe's shipping test helpers move it:
//! `pending` → (`submitted` →) `shipped` → `delivered`, or `returned`, or `failure`. Which
//! carrier and how long each service takes are the sandbox's choices (`docs/sandbox.md`).

use issuing_model::rules::{Rule, Violation};
use issuing_model::{IssuingCard, ShippingService, ShippingStatus, ShippingStep as Step};

use crate::rng::unguessable_id;

/// The carrier Stripe uses in the card's country.
pub fn carrier_in(country: &str) -> &'static str {
    match country {
        "GB" => "royal_mail",
        "US" => "usps",
        "ES" => "correos",
        _ => "dhl",
    }
}

/// Days from shipping to delivery, by service.
fn transit_days(service: &ShippingService) -> i64 {
    match service {
        ShippingService::Priority => 2,
        ShippingService::Express => 4,
        _ => 7,
    }
}

/// Moves `card`'s shipment one `step` at `now`, or says why it cannot move.
pub fn advance(card: &mut IssuingCard, step: Step, now: i64) -> Result<(), Violation> {
    let Some(shipping) = card.shipping.as_mut() else {
        return Err(Violation::new("card", Rule::NotPhysical));
    };
    let from = shipping.status.clone().unwrap_or(ShippingStatus::Pending);
    if !step.allowed_from(&from) {
        return Err(Violation::new(
            "card",
            Rule::ShippingTransition {
                from: from.to_string(),
                to: step.target().to_string(),
            },
        ));
    }
    if step == Step::Ship {
        let country = shipping.address.country.clone().unwrap_or_default();
        let carrier = carrier_in(&country);
        let tracking = unguessable_id("").to_ascii_uppercase();
        shipping.carrier = Some(carrier.to_owned());
        shipping.tracking_url = Some(format!(
            "https://tracking.sandbox.invalid/{carrier}/{tracking}"
        ));
        shipping.tracking_number = Some(tracking);
        shipping.eta = Some(now + transit_days(&shipping.service) * 86_400);
    }
    shipping.status = Some(step.target());
    Ok(())
}
