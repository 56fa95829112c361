//! The panel's language. Every string it shows is a field of [`Texts`], the catalogue in
//! `issuing-words` (English beside Japanese). The language is a signal in context: switching
//! re-renders in place, with no reload, and it is written only to the panel's own root
//! (`lang`), never to the host page's `<html>` or cookies. Dates and amounts in words come
//! from the browser's `Intl`.

mod dates;
mod money_words;

use leptos::prelude::*;

use crate::ui::local_storage as storage;

pub use dates::{date, local_time};
pub use issuing_words::{InWords, Locale, Texts, EN, JA};
pub use money_words::amount_in_words;

/// The BCP 47 tag of `locale`.
pub fn tag(locale: Locale) -> &'static str {
    locale.tag()
}

/// `ja`, `ja-JP` → Japanese; `en`, `en-GB` → English; anything else: none of ours.
pub fn parse(tag: &str) -> Option<Locale> {
    Locale::from_tag(tag)
}

/// Where the standalone panel remembers the operator's choice (an embedded one stores
/// nothing in its host's page).
const SAVED_KEY: &str = "issuing-admin.locale";

/// The language to start in: the option if it names one of ours, then (standalone) the
/// operator's last choice, then the browser's preferences in order, then English.
pub fn start_in(option: Option<&str>, remember: bool) -> Locale {
    let saved = || {
        storage()
            .and_then(|s| s.get_item(SAVED_KEY).ok().flatten())
            .and_then(|tag| parse(&tag))
    };
    match option.and_then(parse) {
        Some(locale) => locale,
        None => remember
            .then(saved)
            .flatten()
            .unwrap_or_else(|| choose(None)),
    }
}

/// The option if it names one of ours, then the browser's preferences in order, then English.
pub fn choose(option: Option<&str>) -> Locale {
    if let Some(locale) = option.and_then(parse) {
        return locale;
    }
    let preferred = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_string())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    preferred
        .iter()
        .find_map(|tag| parse(tag))
        .unwrap_or(Locale::En)
}

/// The panel's language, in context.
#[derive(Clone, Copy)]
pub struct I18n {
    pub locale: RwSignal<Locale>,
}

/// A string of the catalogue, picked out where the language is not known yet:
/// `|t| t.done_frozen`.
pub type Label = fn(&Texts) -> &'static str;

impl I18n {
    /// The strings of this panel's language (tracked). Needs no context, so it also works
    /// in event handlers and timers.
    pub fn texts(self) -> &'static Texts {
        texts_of(self.locale.get())
    }

    /// Puts the language in context; with `remember`, each switch is saved for next time.
    pub fn provide(initial: Locale, remember: bool) -> Self {
        let i18n = Self {
            locale: RwSignal::new(initial),
        };
        provide_context(i18n);
        if remember {
            Effect::new(move |first: Option<()>| {
                let locale = i18n.locale.get();
                if first.is_some() {
                    if let Some(s) = storage() {
                        let _ = s.set_item(SAVED_KEY, tag(locale));
                    }
                }
            });
        }
        i18n
    }
}

/// The current language (tracked), English outside a panel.
pub fn use_locale() -> Locale {
    use_context::<I18n>().map_or(Locale::En, |i| i.locale.get())
}

/// The panel's language, for handlers that run outside the render tree.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or(I18n {
        locale: RwSignal::new(Locale::En),
    })
}

/// The strings of the current language (tracked): `move || t().accounts_title`.
pub fn t() -> &'static Texts {
    texts_of(use_locale())
}

pub fn texts_of(locale: Locale) -> &'static Texts {
    locale.texts()
}
