//! Stripe's rules for `POST /v1/issuing/cards`: what the parameters must be on their own
//! ([`CardCreate::validate`]), then given the cardholder, the account's program and the card
//! being replaced ([`CardCreate::validate_for`]).

use crate::ids::{CardId, CardholderId};
use crate::rules::address::check_address;
use crate::rules::tokens::is_currency;
use crate::rules::{Rule, Violation};
use crate::wire::card_create::CardCreate;
use crate::{CardStatus, CardType, Cardholder, CardholderStatus, IssuingCard, ReplacementReason};

impl CardCreate {
    /// Every rule the parameters break on their own.
    pub fn validate(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        if self.cardholder.is_empty() {
            found.push(Violation::new(
                "cardholder",
                Rule::Missing("cardholder".into()),
            ));
        } else if let Err(e) = self.cardholder.parse::<CardholderId>() {
            found.push(Violation::new("cardholder", Rule::NotAnId(e)));
        }
        if self.currency.is_empty() {
            found.push(Violation::new("currency", Rule::Missing("currency".into())));
        } else if !is_currency(&self.currency) {
            found.push(Violation::new(
                "currency",
                Rule::NotACurrency(self.currency.clone()),
            ));
        }
        if !self.kind.is_known() {
            found.push(Violation::new(
                "type",
                Rule::UnknownCardType(self.kind.to_string()),
            ));
        }
        if let Some(status) = &self.status {
            if !matches!(status, CardStatus::Active | CardStatus::Inactive) {
                found.push(Violation::new(
                    "status",
                    Rule::NewCardStatus(status.to_string()),
                ));
            }
        }
        if let Some(controls) = &self.spending_controls {
            found.extend(controls.validate(&Default::default(), &self.currency));
        }
        match (&self.kind, &self.shipping) {
            (CardType::Physical, None) => {
                found.push(Violation::new("shipping", Rule::Missing("shipping".into())))
            }
            (CardType::Virtual, Some(_)) => {
                found.push(Violation::new("shipping", Rule::ShippingForVirtual))
            }
            (_, Some(shipping)) => {
                if shipping.name.trim().is_empty() {
                    found.push(Violation::new(
                        "shipping[name]",
                        Rule::Missing("shipping[name]".into()),
                    ));
                }
                found.extend(check_address("shipping[address]", &shipping.address));
                if let Some(service) = shipping.service.as_ref().filter(|s| !s.is_known()) {
                    found.push(Violation::new(
                        "shipping[service]",
                        Rule::UnknownShippingService(service.to_string()),
                    ));
                }
            }
            _ => {}
        }
        if let Some(card) = &self.replacement_for {
            if let Err(e) = card.parse::<CardId>() {
                found.push(Violation::new("replacement_for", Rule::NotAnId(e)));
            }
        }
        match &self.replacement_reason {
            Some(reason) if !is_settable_reason(reason) => found.push(Violation::new(
                "replacement_reason",
                Rule::UnknownReplacementReason(reason.to_string()),
            )),
            Some(_) if self.replacement_for.is_none() => found.push(Violation::new(
                "replacement_reason",
                Rule::ReplacementReasonWithoutCard,
            )),
            _ => {}
        }
        found
    }

    /// The rules that need the world: the cardholder it is for, the account's Issuing
    /// currency, and the card it replaces (if `replacement_for` is given and found).
    pub fn validate_for(
        &self,
        holder: &Cardholder,
        program_currency: &str,
        replaced: Option<&IssuingCard>,
    ) -> Vec<Violation> {
        let mut found = Vec::new();
        if holder.status == CardholderStatus::Blocked {
            found.push(Violation::new("cardholder", Rule::CardholderBlocked));
        }
        if !self.currency.is_empty() && self.currency != program_currency {
            found.push(Violation::new(
                "currency",
                Rule::NotProgramCurrency {
                    given: self.currency.clone(),
                    program: program_currency.to_owned(),
                },
            ));
        }
        if self.status == Some(CardStatus::Active) && !holder.can_activate_cards() {
            found.push(Violation::new(
                "status",
                Rule::RequirementsPastDue(holder.requirements.past_due.clone().unwrap_or_default()),
            ));
        }
        if let Some(old) = replaced {
            if old.cardholder.id != holder.id {
                found.push(Violation::new(
                    "replacement_for",
                    Rule::ReplacementForOtherCardholder,
                ));
            } else if let Some(by) = &old.replaced_by {
                found.push(Violation::new(
                    "replacement_for",
                    Rule::AlreadyReplaced(by.clone()),
                ));
            }
        }
        found
    }
}

/// Stripe sets `fulfillment_error` itself; an operator gives one of the other four.
fn is_settable_reason(reason: &ReplacementReason) -> bool {
    matches!(
        reason,
        ReplacementReason::Damaged
            | ReplacementReason::Expired
            | ReplacementReason::Lost
            | ReplacementReason::Stolen
    )
}

/// Whether replacing a card for `reason` cancels it at once (lost or stolen: it must not be
/// used again); a damaged or expired card works until its replacement is activated.
pub fn replacement_cancels_at_once(reason: &ReplacementReason) -> bool {
    matches!(reason, ReplacementReason::Lost | ReplacementReason::Stolen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::address::Address;
    use crate::wire::card::ShippingService;
    use crate::wire::card_create::ShippingParams;

    fn virtual_card() -> CardCreate {
        CardCreate {
            cardholder: "ich_1Holder".into(),
            currency: "usd".into(),
            kind: CardType::Virtual,
            status: None,
            spending_controls: None,
            shipping: None,
            replacement_for: None,
            replacement_reason: None,
            metadata: Default::default(),
        }
    }

    fn shipping() -> ShippingParams {
        ShippingParams {
            name: "Olivia Johnson".into(),
            address: Address {
                line1: Some("1 Market Street".into()),
                city: Some("Portland".into()),
                state: Some("OR".into()),
                postal_code: Some("97204".into()),
                country: Some("US".into()),
                line2: None,
            },
            service: Some(ShippingService::Express),
        }
    }

    fn params(found: Vec<Violation>) -> Vec<String> {
        found.into_iter().map(|v| v.param).collect()
    }

    #[test]
    fn physical_cards_need_shipping_and_virtual_ones_refuse_it() {
        assert_eq!(virtual_card().validate(), vec![]);
        let mut physical = virtual_card();
        physical.kind = CardType::Physical;
        assert_eq!(
            physical.validate(),
            vec![Violation::new("shipping", Rule::Missing("shipping".into()))]
        );
        physical.shipping = Some(shipping());
        assert_eq!(physical.validate(), vec![]);
        let mut with_shipping = virtual_card();
        with_shipping.shipping = Some(shipping());
        assert_eq!(params(with_shipping.validate()), ["shipping"]);
    }

    #[test]
    fn a_replacement_reason_needs_the_card_it_replaces() {
        let mut c = virtual_card();
        c.replacement_reason = Some(ReplacementReason::Lost);
        assert_eq!(
            c.validate(),
            vec![Violation::new(
                "replacement_reason",
                Rule::ReplacementReasonWithoutCard
            )]
        );
        c.replacement_for = Some("ic_1Old".into());
        assert_eq!(c.validate(), vec![]);
        c.replacement_reason = Some(ReplacementReason::FulfillmentError);
        assert_eq!(params(c.validate()), ["replacement_reason"]);
    }

    #[test]
    fn bad_ids_currencies_and_statuses_are_named() {
        let mut c = virtual_card();
        c.cardholder = "ic_1NotAHolder".into();
        c.currency = "US dollars".into();
        c.status = Some(CardStatus::Canceled);
        assert_eq!(params(c.validate()), ["cardholder", "currency", "status"]);
    }
}
