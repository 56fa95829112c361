//! An address as a form holds it (billing, shipping), and its fields, each with its error.

use issuing_model::Address;
use leptos::prelude::*;

use crate::ui::{FormErrors, TextField};

#[derive(Clone, Copy)]
pub struct AddressDraft {
    pub line1: RwSignal<String>,
    pub line2: RwSignal<String>,
    pub city: RwSignal<String>,
    pub state: RwSignal<String>,
    pub postal_code: RwSignal<String>,
    pub country: RwSignal<String>,
}

/// What was typed, trimmed; `None` if nothing.
pub(super) fn given(value: String) -> Option<String> {
    let value = value.trim().to_owned();
    (!value.is_empty()).then_some(value)
}

impl AddressDraft {
    /// The form showing `address`, or `country` alone when it has none.
    pub fn of(address: &Address, country: &str) -> Self {
        let text = |v: &Option<String>| RwSignal::new(v.clone().unwrap_or_default());
        Self {
            line1: text(&address.line1),
            line2: text(&address.line2),
            city: text(&address.city),
            state: text(&address.state),
            postal_code: text(&address.postal_code),
            country: RwSignal::new(
                address
                    .country
                    .clone()
                    .unwrap_or_else(|| country.to_owned()),
            ),
        }
    }

    /// The address as typed (tracked).
    pub fn get(&self) -> Address {
        Address {
            line1: given(self.line1.get()),
            line2: given(self.line2.get()),
            city: given(self.city.get()),
            state: given(self.state.get()),
            postal_code: given(self.postal_code.get()),
            country: given(self.country.get().to_ascii_uppercase()),
        }
    }
}

/// The six fields of an address whose parameters are under `prefix` (`billing[address]`).
#[component]
pub fn AddressFields(
    prefix: &'static str,
    draft: AddressDraft,
    errors: FormErrors,
) -> impl IntoView {
    // Parameter names are static strings: one set per prefix the panel uses.
    let names: [&'static str; 6] = match prefix {
        "shipping[address]" => [
            "shipping[address][line1]",
            "shipping[address][line2]",
            "shipping[address][city]",
            "shipping[address][state]",
            "shipping[address][postal_code]",
            "shipping[address][country]",
        ],
        _ => [
            "billing[address][line1]",
            "billing[address][line2]",
            "billing[address][city]",
            "billing[address][state]",
            "billing[address][postal_code]",
            "billing[address][country]",
        ],
    };
    view! {
        <div class="ia-form-row">
            <TextField param=names[0] label=|t| t.address_line1 value=draft.line1 errors=errors autocomplete="address-line1" />
            <TextField param=names[1] label=|t| t.address_line2 value=draft.line2 errors=errors autocomplete="address-line2" />
        </div>
        <div class="ia-form-row">
            <TextField param=names[2] label=|t| t.city value=draft.city errors=errors autocomplete="address-level2" />
            <TextField param=names[3] label=|t| t.state value=draft.state errors=errors autocomplete="address-level1" />
            <TextField param=names[4] label=|t| t.postal_code value=draft.postal_code errors=errors autocomplete="postal-code" />
            <TextField param=names[5] label=|t| t.country value=draft.country errors=errors autocomplete="country"
                hint=|t| t.country_hint />
        </div>
    }
}
