//! Where Previous and Next lead from a page of a Stripe list, in its cursor terms: one rule
//! for every paginated list of the panel.

/// A page to go to: the items before `id`, or after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cursor {
    EndingBefore(String),
    StartingAfter(String),
}

/// Previous and Next under a list, when there is anywhere to go: `go` gets the cursor of the
/// page asked for; `label` names the navigation (read in the current language).
#[leptos::component]
pub fn PagerNav(
    pager: Pager,
    label: fn() -> &'static str,
    #[prop(into)] go: leptos::prelude::Callback<Cursor>,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let Pager { previous, next } = pager;
    (previous.is_some() || next.is_some()).then(|| {
        let (no_previous, no_next) = (previous.is_none(), next.is_none());
        let to = move |cursor: &Option<Cursor>| {
            if let Some(cursor) = cursor.clone() {
                go.run(cursor);
            }
        };
        view! {
            <nav class="ia-pager" aria-label=label>
                <button type="button" class="ia-button ia-button-secondary" data-page="newer" disabled=no_previous on:click=move |_| to(&previous)>
                    {move || crate::i18n::t().previous}
                </button>
                <button type="button" class="ia-button ia-button-secondary" data-page="older" disabled=no_next on:click=move |_| to(&next)>
                    {move || crate::i18n::t().next}
                </button>
            </nav>
        }
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    pub previous: Option<Cursor>,
    pub next: Option<Cursor>,
}

impl Pager {
    /// For `page`, asked for with these cursors (`ending_before`, `starting_after` set or not);
    /// `id` names an item.
    pub fn of<T>(
        ending_before: bool,
        starting_after: bool,
        page: &issuing_model::List<T>,
        id: impl Fn(&T) -> &str,
    ) -> Self {
        Self::new(
            ending_before,
            starting_after,
            page.has_more,
            page.data.first().map(&id),
            page.data.last().map(&id),
        )
    }

    /// From the page asked for (`walking_back`: by `ending_before`; `started_after`: by
    /// `starting_after`), Stripe's `has_more`, and the ids of its first and last items.
    pub fn new(
        walking_back: bool,
        started_after: bool,
        has_more: bool,
        first: Option<&str>,
        last: Option<&str>,
    ) -> Self {
        let before = |id: &str| Cursor::EndingBefore(id.to_owned());
        let after = |id: &str| Cursor::StartingAfter(id.to_owned());
        if walking_back {
            // Walking back: `has_more` says whether there is more before this page.
            Self {
                previous: first.filter(|_| has_more).map(before),
                next: last.map(after),
            }
        } else {
            Self {
                previous: first.filter(|_| started_after).map(before),
                next: last.filter(|_| has_more).map(after),
            }
        }
    }
}
