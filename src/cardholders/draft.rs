//! A cardholder as the form holds it: one text per field, read into Stripe's parameters for a
//! new cardholder, or into the changes to an existing one (only what the operator changed, so
//! the audit trail says what was edited).

use issuing_model::{
    Address, Billing, Cardholder, CardholderCreate, CardholderStatus, CardholderType,
    CardholderUpdate, Dob, IndividualParams,
};
use leptos::prelude::*;

use super::address::{given, AddressDraft};

#[derive(Clone, Copy)]
pub struct HolderDraft {
    pub kind: RwSignal<String>,
    pub name: RwSignal<String>,
    pub email: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub address: AddressDraft,
    pub first_name: RwSignal<String>,
    pub last_name: RwSignal<String>,
    /// `YYYY-MM-DD`, as `<input type=date>` writes it.
    pub dob: RwSignal<String>,
    pub status: RwSignal<String>,
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

impl HolderDraft {
    /// An empty form for a new cardholder in `country`.
    pub fn new(country: &str) -> Self {
        Self::from_fields(Default::default(), country)
    }

    /// The form showing `holder` as Stripe has them.
    pub fn of(holder: &Cardholder) -> Self {
        let draft = Self::from_fields(holder.billing.address.clone(), "");
        draft.kind.set(holder.kind.to_string());
        draft.name.set(holder.name.clone());
        draft.email.set(text(&holder.email));
        draft.phone.set(text(&holder.phone_number));
        draft.status.set(holder.status.to_string());
        if let Some(i) = &holder.individual {
            draft.first_name.set(text(&i.first_name));
            draft.last_name.set(text(&i.last_name));
            if let Some(dob) = i.dob.and_then(dob_date) {
                draft.dob.set(dob);
            }
        }
        draft
    }

    fn from_fields(address: Address, country: &str) -> Self {
        Self {
            kind: RwSignal::new(CardholderType::Individual.to_string()),
            name: RwSignal::new(String::new()),
            email: RwSignal::new(String::new()),
            phone: RwSignal::new(String::new()),
            address: AddressDraft::of(&address, country),
            first_name: RwSignal::new(String::new()),
            last_name: RwSignal::new(String::new()),
            dob: RwSignal::new(String::new()),
            status: RwSignal::new(CardholderStatus::Active.to_string()),
        }
    }

    fn individual(self) -> Option<IndividualParams> {
        let dob = self.dob.get();
        let dob = given(dob).map(|d| date_dob(&d).unwrap_or_default());
        let params = IndividualParams {
            first_name: given(self.first_name.get()),
            last_name: given(self.last_name.get()),
            dob,
        };
        (params != IndividualParams::default()).then_some(params)
    }

    /// Stripe's parameters for a new cardholder (tracked).
    pub fn to_create(self) -> CardholderCreate {
        let kind: CardholderType = self.kind.get().parse().unwrap_or_else(|n| match n {});
        CardholderCreate {
            individual: (kind == CardholderType::Individual)
                .then(|| self.individual())
                .flatten(),
            kind,
            name: self.name.get().trim().to_owned(),
            email: given(self.email.get()),
            phone_number: given(self.phone.get()),
            billing: Billing {
                address: self.address.get(),
            },
            status: Some(self.status.get().parse().unwrap_or_else(|n| match n {})),
            spending_controls: None,
            metadata: Default::default(),
            preferred_locales: Vec::new(),
        }
    }

    /// What changed from `holder` (tracked): only those fields are sent.
    pub fn to_update(self, holder: &Cardholder) -> CardholderUpdate {
        let changed = |now: String, before: &Option<String>| {
            let now = now.trim().to_owned();
            (now != text(before)).then_some(now)
        };
        let address = self.address.get();
        let individual = self.individual();
        let before_individual = holder.individual.as_ref().map(|i| IndividualParams {
            first_name: i.first_name.clone(),
            last_name: i.last_name.clone(),
            dob: i.dob,
        });
        let status: CardholderStatus = self.status.get().parse().unwrap_or_else(|n| match n {});
        CardholderUpdate {
            email: changed(self.email.get(), &holder.email),
            phone_number: changed(self.phone.get(), &holder.phone_number),
            billing: (address != holder.billing.address).then_some(Billing { address }),
            individual: (individual != before_individual && individual.is_some())
                .then_some(individual)
                .flatten(),
            status: (status != holder.status).then_some(status),
            spending_controls: None,
            preferred_locales: None,
        }
    }
}

fn dob_date(dob: Dob) -> Option<String> {
    let (y, m, d) = (dob.year?, dob.month?, dob.day?);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// `YYYY-MM-DD` as a date of birth; the model's rule says if no such day exists.
fn date_dob(text: &str) -> Option<Dob> {
    let mut parts = text.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    Some(Dob::new(y as i32, m as u32, d as u32))
}
