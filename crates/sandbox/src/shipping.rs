//! A physical card's way to its holder, as Stripe's shipping test helpers move it:
//! `pending` → (`submitted` →) `shipped` → `delivered`, or `returned`, or `failure`. Which
//! carrier and how long each service takes are the sandbox's choices (`docs/sandbox.md`).

use issuing_model::rules::{Rule, Violation};
use issuing_model::{IssuingCard, ShippingService, ShippingStatus};

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

/// The shipping test helpers, by the last part of their path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Submit,
    Ship,
    Deliver,
    Return,
    Fail,
}

impl Step {
    pub fn from_path(part: &str) -> Option<Self> {
        Some(match part {
            "submit" => Self::Submit,
            "ship" => Self::Ship,
            "deliver" => Self::Deliver,
            "return" => Self::Return,
            "fail" => Self::Fail,
            _ => return None,
        })
    }

    fn target(self) -> ShippingStatus {
        match self {
            Self::Submit => ShippingStatus::Submitted,
            Self::Ship => ShippingStatus::Shipped,
            Self::Deliver => ShippingStatus::Delivered,
            Self::Return => ShippingStatus::Returned,
            Self::Fail => ShippingStatus::Failure,
        }
    }

    /// Whether a shipment at `from` can take this step.
    fn allowed_from(self, from: &ShippingStatus) -> bool {
        use ShippingStatus::*;
        match self {
            Self::Submit => *from == Pending,
            Self::Ship => matches!(from, Pending | Submitted),
            Self::Deliver => *from == Shipped,
            Self::Return => matches!(from, Shipped | Delivered),
            Self::Fail => matches!(from, Pending | Submitted | Shipped),
        }
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
