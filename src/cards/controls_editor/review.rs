use issuing_model::{SpendingControls, SpendingControlsUpdate, Violation};
use issuing_words::describe_changes;
use leptos::prelude::*;

use crate::i18n::{t, use_locale};

/// What saving will change, field by field (before → after), kept current as the operator
/// types; or why it cannot be saved yet.
#[component]
pub(super) fn ChangesReview(
    controls: Memo<SpendingControls>,
    currency: Memo<String>,
    outcome: Memo<Result<SpendingControlsUpdate, Vec<Violation>>>,
) -> impl IntoView {
    move || match outcome.get() {
        Err(problems) => {
            let n = problems.len();
            view! {
                <p class="ia-review ia-review-blocked" role="status">
                    {(t().fields_to_fix)(n)}
                </p>
            }
            .into_any()
        }
        Ok(update) if update.is_empty() => view! {
            <p class="ia-review ia-hint" role="status">{t().no_changes_yet}</p>
        }
        .into_any(),
        Ok(update) => {
            let changes = controls
                .with(|c| currency.with(|cur| describe_changes(c, &update, cur, use_locale())));
            view! {
                <table class="ia-review ia-diff">
                    <caption>{t().review_caption}</caption>
                    <thead>
                        <tr><th scope="col">{t().review_control}</th><th scope="col">{t().review_now}</th><th scope="col">{t().review_after}</th></tr>
                    </thead>
                    <tbody>
                        {changes
                            .into_iter()
                            .map(|c| view! {
                                <tr data-field=c.field>
                                    <th scope="row">{c.label}</th>
                                    <td><del>{c.before}</del></td>
                                    <td><ins>{c.after}</ins></td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        }
    }
}
