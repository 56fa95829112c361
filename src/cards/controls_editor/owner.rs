//! Whose spending controls the editor changes: a card's, or a cardholder's (which apply to
//! all their cards). The editor reads the controls and their currency through it and saves
//! through it; everything else about editing is the same.

use issuing_model::{
    CardUpdate, Cardholder, CardholderUpdate, IssuingCard, SpendingControls, SpendingControlsUpdate,
};
use leptos::prelude::*;

use crate::api::{ApiClient, ApiError};

#[derive(Clone, Copy)]
pub enum ControlsOwner {
    Card(RwSignal<IssuingCard>),
    /// `currency`: what their limits are in (Stripe's `spending_limits_currency`, else the
    /// account's).
    Cardholder {
        holder: RwSignal<Cardholder>,
        currency: Signal<String>,
    },
}

impl ControlsOwner {
    /// The controls as Stripe has them (tracked).
    pub fn controls(self) -> SpendingControls {
        match self {
            Self::Card(card) => card.with(|c| c.spending_controls.clone()),
            Self::Cardholder { holder, .. } => {
                holder.with(|h| h.spending_controls.clone().unwrap_or_default())
            }
        }
    }

    /// The currency of their amounts (tracked).
    pub fn currency(self) -> String {
        match self {
            Self::Card(card) => card.with(|c| c.currency.clone()),
            Self::Cardholder { holder, currency } => holder
                .with(|h| {
                    h.spending_controls
                        .as_ref()
                        .and_then(|c| c.spending_limits_currency.clone())
                })
                .unwrap_or_else(|| currency.get()),
        }
    }

    pub fn card(self) -> Option<RwSignal<IssuingCard>> {
        match self {
            Self::Card(card) => Some(card),
            Self::Cardholder { .. } => None,
        }
    }

    /// Saves `update`; the owner shows Stripe's answer.
    pub async fn save(
        self,
        api: &ApiClient,
        account: &str,
        update: SpendingControlsUpdate,
    ) -> Result<(), ApiError> {
        match self {
            Self::Card(card) => {
                let id = card.with_untracked(|c| c.id.clone());
                let change = CardUpdate {
                    spending_controls: Some(update),
                    ..CardUpdate::default()
                };
                card.set(api.update_card(account, &id, &change).await?);
            }
            Self::Cardholder { holder, .. } => {
                let id = holder.with_untracked(|h| h.id.clone());
                let change = CardholderUpdate {
                    spending_controls: Some(update),
                    ..CardholderUpdate::default()
                };
                holder.set(api.update_cardholder(account, &id, &change).await?);
            }
        }
        Ok(())
    }

    /// The controls and currency as Stripe has them now (after a refusal: they may have
    /// changed elsewhere).
    pub async fn fresh(self, api: &ApiClient, account: &str) -> Option<(SpendingControls, String)> {
        match self {
            Self::Card(card) => {
                let id = card.with_untracked(|c| c.id.clone());
                let fresh = api.card(account, &id).await.ok()?;
                Some((fresh.spending_controls, fresh.currency))
            }
            Self::Cardholder { holder, .. } => {
                let id = holder.with_untracked(|h| h.id.clone());
                let fresh = api.cardholder(account, &id).await.ok()?;
                let currency = self.currency_untracked();
                Some((fresh.spending_controls.unwrap_or_default(), currency))
            }
        }
    }

    fn currency_untracked(self) -> String {
        untrack(|| self.currency())
    }
}
