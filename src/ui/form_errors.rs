//! Errors at their fields, for the panel's longer forms (cardholders, new cards): what the
//! model's rules say of the draft as it is typed, shown at a field once it was left or the
//! form was submitted, and the server's refusal at the field it names until that field changes.
//! Nothing typed is ever cleared by an error.

use std::collections::BTreeSet;

use issuing_model::Violation;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{use_locale, InWords};

#[derive(Clone, Copy)]
pub struct FormErrors {
    /// The draft's violations, by the parameter Stripe would name.
    found: Memo<Vec<Violation>>,
    touched: RwSignal<BTreeSet<String>>,
    submitted: RwSignal<bool>,
    /// The server's last refusal, and the parameter it named.
    refused: RwSignal<Option<ApiError>>,
}

impl FormErrors {
    pub fn new(found: Memo<Vec<Violation>>) -> Self {
        Self {
            found,
            touched: RwSignal::new(BTreeSet::new()),
            submitted: RwSignal::new(false),
            refused: RwSignal::new(None),
        }
    }

    /// What to say at the field for `param` (tracked).
    pub fn at(self, param: &str) -> Option<String> {
        if let Some(e) = self
            .refused
            .get()
            .filter(|e| e.param().is_some_and(|p| p == param))
        {
            return Some(e.text());
        }
        let shown = self.submitted.get() || self.touched.with(|t| t.contains(param));
        if !shown {
            return None;
        }
        self.found.with(|found| {
            found
                .iter()
                .find(|v| v.param == param || v.param.starts_with(&format!("{param}[")))
                .map(|v| v.in_words(use_locale()))
        })
    }

    /// A refusal the form has no field for (tracked), for a message above the button.
    pub fn general(self) -> Option<String> {
        let fields = self
            .found
            .with(|f| f.iter().map(|v| v.param.clone()).collect::<Vec<_>>());
        self.refused.get().and_then(|e| match e.param() {
            Some(p) if fields.iter().any(|f| f == p) || self.touched.with(|t| t.contains(p)) => {
                None
            }
            _ => Some(e.text()),
        })
    }

    /// The operator left the field for `param`: its problems may show now.
    pub fn touch(self, param: &str) {
        if !self.touched.with_untracked(|t| t.contains(param)) {
            self.touched.update(|t| {
                t.insert(param.to_owned());
            });
        }
    }

    /// The field changed: a refusal about it no longer stands.
    pub fn edited(self, param: &str) {
        if self
            .refused
            .with_untracked(|e| e.as_ref().and_then(|e| e.param()) == Some(param))
        {
            self.refused.set(None);
        }
    }

    /// Submitting shows every problem; true if there is none to fix first.
    pub fn submit(self) -> bool {
        self.submitted.set(true);
        self.refused.set(None);
        self.found.with_untracked(Vec::is_empty)
    }

    pub fn refuse(self, error: ApiError) {
        self.refused.set(Some(error));
    }

    pub fn has_errors(self) -> bool {
        self.submitted.get() && self.found.with(|f| !f.is_empty())
    }
}

/// A labelled text input whose message is its `param`'s in `errors`.
#[component]
pub fn TextField(
    /// Stripe's parameter name (`billing[address][city]`): the field's `name` and key.
    param: &'static str,
    label: crate::i18n::Label,
    value: RwSignal<String>,
    errors: FormErrors,
    #[prop(optional)] input_type: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<crate::i18n::Label>,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    let id = format!("f-{}", param.replace(['[', ']'], "-"));
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    let message = move || errors.at(param);
    view! {
        <div class="ia-field">
            <label for=id.clone()>{move || label(crate::i18n::t())}</label>
            <input
                id=id
                name=param
                type=input_type.unwrap_or("text")
                autocomplete=autocomplete
                disabled=disabled
                prop:value=move || value.get()
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=described
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    errors.edited(param);
                }
                on:blur=move |_| errors.touch(param)
            />
            {hint.map(|h| view! { <p id=hint_id class="ia-hint">{move || h(crate::i18n::t())}</p> })}
            <p id=error_id class="ia-field-error" role="alert">{message}</p>
        </div>
    }
}
