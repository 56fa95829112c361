//! Where Previous and Next lead from a page of a Stripe list, in its cursor terms: one rule
//! for every paginated list of the panel.

/// A page to go to: the items before `id`, or after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cursor {
    EndingBefore(String),
    StartingAfter(String),
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
