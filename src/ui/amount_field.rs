//! An amount the test forms ask for (a token to grant or charge, a purchase to simulate), with
//! its message: the server's last refusal, or, once the operator has typed or submitted, why
//! the typed amount cannot be sent. Typing clears the refusal, so the message is always about
//! what is in the field now.

use leptos::prelude::*;

use crate::api::ApiError;

/// The currencies the test forms offer (a token's, a simulated merchant's).
pub const CURRENCIES: &[&str] = &["jpy", "usd", "eur", "gbp"];

#[derive(Clone, Copy)]
pub struct AmountField {
    pub text: RwSignal<String>,
    touched: RwSignal<bool>,
    refused: RwSignal<Option<ApiError>>,
}

impl Default for AmountField {
    fn default() -> Self {
        Self::new()
    }
}

impl AmountField {
    pub fn new() -> Self {
        Self {
            text: RwSignal::new(String::new()),
            touched: RwSignal::new(false),
            refused: RwSignal::new(None),
        }
    }

    /// What the field says (tracked), given the form's own check of it.
    pub fn message<T>(self, checked: Memo<Result<T, String>>) -> Option<String>
    where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        self.refused
            .get()
            .map(|e| e.text())
            .or_else(|| self.touched.get().then(|| checked.get().err()).flatten())
    }

    /// Submitting shows what is wrong even in an untouched field.
    pub fn submitted(self) {
        self.touched.set(true);
    }

    /// Sent again: the last refusal no longer stands.
    pub fn sending(self) {
        self.refused.set(None);
    }

    /// The server refused: the typed amount stays, for the operator to correct.
    pub fn refuse(self, error: ApiError) {
        self.refused.set(Some(error));
    }

    /// Done: an empty field again, with nothing to say.
    pub fn reset(self) {
        self.text.set(String::new());
        self.touched.set(false);
    }
}

#[component]
pub fn AmountInput(
    field: AmountField,
    id: &'static str,
    name: &'static str,
    /// The element with the field's message.
    described_by: &'static str,
    #[prop(into)] invalid: Signal<bool>,
) -> impl IntoView {
    view! {
        <input
            id=id
            name=name
            inputmode="decimal"
            autocomplete="off"
            prop:value=move || field.text.get()
            aria-invalid=move || invalid.get().to_string()
            aria-describedby=described_by
            on:input=move |ev| {
                field.text.set(event_target_value(&ev));
                field.touched.set(true);
                field.refused.set(None);
            }
        />
    }
}
