use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use reactive_stores::Field;

use crate::i18n::t;

/// One choice: the value sent to Stripe and the words a person reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    /// Shown after the label, smaller, and searched too (a category's `5993 · cigar_stores…`).
    pub hint: Option<String>,
}

/// How many matches the list shows at once; typing narrows it.
const SHOWN: usize = 40;

fn next_id() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A searchable multi-select (the ARIA combobox pattern), or a single choice with `single`:
/// chips for what is chosen, a search box, and a list of matches moved through with the arrow
/// keys and toggled with Enter. A chosen value missing from `choices` (a category Stripe added
/// later) shows as it is.
#[component]
pub fn MultiSelect(
    #[prop(into)] label: Signal<String>,
    /// Names the widget for styling, tests and error routing (`data-field`).
    field: String,
    #[prop(into)] choices: Signal<Arc<Vec<Choice>>>,
    /// What is chosen: a field of the form's store.
    selected: Field<Vec<String>>,
    #[prop(into)] error: Signal<Option<String>>,
    /// One value at most: picking another replaces it (a purchase's one category).
    #[prop(optional)]
    single: bool,
) -> impl IntoView {
    let id = format!("ia-ms-{}", next_id());
    let (input_id, list_id, error_id) = (id.clone(), format!("{id}-list"), format!("{id}-error"));
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);

    let label_of = move |value: &str| {
        choices.with(|choices| {
            choices
                .iter()
                .find(|c| c.value == value)
                .map_or_else(|| value.to_owned(), |c| c.label.clone())
        })
    };
    let matches = Memo::new({
        move |_| {
            let q = query.get().trim().to_lowercase();
            choices
                .get()
                .iter()
                .filter(|c| {
                    q.is_empty()
                        || c.label.to_lowercase().contains(&q)
                        || c.value.to_lowercase().contains(&q)
                        || c.hint
                            .as_ref()
                            .is_some_and(|h| h.to_lowercase().contains(&q))
                })
                .take(SHOWN)
                .cloned()
                .collect::<Vec<_>>()
        }
    });
    let toggle = move |value: String| {
        selected.update(|s| match s.iter().position(|v| *v == value) {
            Some(i) => {
                s.remove(i);
            }
            None => {
                if single {
                    s.clear();
                    open.set(false);
                }
                s.push(value);
                // Picked: the search is done, ready for the next one.
                query.set(String::new());
                active.set(0);
            }
        })
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = matches.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = (*a + 1).min(count - 1));
            }
            "ArrowUp" => {
                ev.prevent_default();
                active.update(|a| *a = a.saturating_sub(1));
            }
            "Enter" => {
                // Enter picks; it must never submit the surrounding form.
                ev.prevent_default();
                if let Some(c) = matches.with_untracked(|m| m.get(active.get_untracked()).cloned())
                {
                    toggle(c.value);
                }
            }
            "Escape" if open.get_untracked() => {
                ev.prevent_default();
                open.set(false);
            }
            "Backspace" if query.with_untracked(String::is_empty) => {
                selected.update(|s| {
                    s.pop();
                });
            }
            _ => {}
        }
    };
    let option_id = {
        let list_id = list_id.clone();
        move |i: usize| format!("{list_id}-{i}")
    };
    let active_descendant = {
        let option_id = option_id.clone();
        move || {
            (open.get() && active.get() < matches.with(Vec::len)).then(|| option_id(active.get()))
        }
    };
    let chip_label = label_of;
    let described_by = {
        let error_id = error_id.clone();
        move || error.with(Option::is_some).then(|| error_id.clone())
    };

    view! {
        <div class="ia-field ia-multi" data-field=field class:ia-invalid=move || error.with(Option::is_some)>
            <label for=input_id.clone()>{move || label.get()}</label>
            <ul class="ia-chips" aria-label=move || (t().chosen)(&label.get())>
                {move || {
                    selected
                        .get()
                        .into_iter()
                        .map(|value| {
                            let text = chip_label(&value);
                            let remove = value.clone();
                            view! {
                                <li class="ia-chip" data-value=value.clone()>
                                    {text.clone()}
                                    <button
                                        type="button"
                                        class="ia-chip-remove"
                                        aria-label={
                                            let text = text.clone();
                                            move || (t().remove_item)(&text)
                                        }
                                        on:click=move |_| toggle(remove.clone())
                                    >
                                        "×"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <input
                id=input_id
                type="search"
                role="combobox"
                autocomplete="off"
                placeholder=move || t().search_to_add
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || open.get().to_string()
                aria-activedescendant=active_descendant
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=described_by
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    active.set(0);
                    open.set(true);
                }
                on:focus=move |_| open.set(true)
                on:blur=move |_| open.set(false)
                on:keydown=on_keydown
            />
            <ul id=list_id role="listbox" aria-multiselectable=(!single).to_string() aria-label=move || label.get() class="ia-options" hidden=move || !open.get()>
                {move || {
                    let chosen = selected.get();
                    let found = matches.get();
                    if found.is_empty() {
                        return view! { <li class="ia-muted">{t().no_match}</li> }.into_any();
                    }
                    found
                        .into_iter()
                        .enumerate()
                        .map(|(i, c)| {
                            let is_chosen = chosen.contains(&c.value);
                            let value = c.value.clone();
                            let code = c.hint.clone().or_else(|| (!c.label.contains(&c.value)).then(|| c.value.clone()));
                            view! {
                                <li
                                    id=option_id(i)
                                    role="option"
                                    data-value=c.value.clone()
                                    aria-selected=is_chosen.to_string()
                                    class:ia-active=move || active.get() == i
                                    // Keep focus in the search box, so the list stays open.
                                    on:mousedown=|ev| ev.prevent_default()
                                    on:click=move |_| toggle(value.clone())
                                >
                                    <span class="ia-check" aria-hidden="true">{if is_chosen { "✓" } else { "" }}</span>
                                    {c.label}
                                    {code.map(|code| view! { <span class="ia-muted ia-mono">{code}</span> })}
                                </li>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </ul>
            {move || error.get().map(|e| view! { <p id=error_id.clone() class="ia-field-error" role="alert">{e}</p> })}
        </div>
    }
}
