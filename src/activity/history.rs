//! The card page's History: the trail of this card, fetched again after each change made on
//! the page (the status actions, the editor, the simulator), refused ones included.

use issuing_model::api::{AuditQuery, AUDIT_PAGE_SIZE};
use issuing_model::IssuingCard;
use leptos::prelude::*;

use super::entries::AuditList;
use crate::i18n::t;
use crate::routes::Page;

#[component]
pub fn ChangeHistory(
    account: String,
    card: RwSignal<IssuingCard>,
    /// Bumped by the page whenever something was done to the card.
    #[prop(into)]
    changed: Signal<usize>,
) -> impl IntoView {
    let first = move || AuditQuery {
        account: account.parse().ok(),
        object: Some(card.with_untracked(|c| c.id.clone())),
        limit: Some(AUDIT_PAGE_SIZE),
        ..AuditQuery::default()
    };
    let query = RwSignal::new(first());
    // Something new is at the top: back to the first page.
    Effect::new(move |seen: Option<usize>| {
        let now = changed.get();
        let paged =
            query.with_untracked(|q| q.starting_after.is_some() || q.ending_before.is_some());
        if seen.is_some_and(|s| s != now) && paged {
            query.update(|q| {
                q.starting_after = None;
                q.ending_before = None;
            });
        }
        now
    });
    let activity = move || {
        let account = query.with(|q| {
            q.account
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default()
        });
        Page::Activity { account: &account }.href()
    };
    view! {
        <section class="ia-history" aria-labelledby="history-title">
            <h2 id="history-title">{move || t().history_title}</h2>
            <AuditList query=query changed=changed empty=|| t().history_empty show_object=false />
            <p><a href=activity data-link="activity">{move || t().all_activity}</a></p>
        </section>
    }
}
