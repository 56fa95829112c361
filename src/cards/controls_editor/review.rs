use issuing_model::controls_draft::describe_changes;
use issuing_model::money::Locale;
use issuing_model::{IssuingCard, SpendingControlsUpdate, Violation};
use leptos::prelude::*;

/// What saving will change, field by field (before → after), kept current as the operator
/// types; or why it cannot be saved yet.
#[component]
pub(super) fn ChangesReview(
    card: RwSignal<IssuingCard>,
    outcome: Memo<Result<SpendingControlsUpdate, Vec<Violation>>>,
) -> impl IntoView {
    move || match outcome.get() {
        Err(problems) => {
            let n = problems.len();
            view! {
                <p class="ia-review ia-review-blocked" role="status">
                    {if n == 1 { "1 field needs fixing before saving.".to_owned() } else { format!("{n} fields need fixing before saving.") }}
                </p>
            }
            .into_any()
        }
        Ok(update) if update.is_empty() => view! {
            <p class="ia-review ia-hint" role="status">"No changes yet."</p>
        }
        .into_any(),
        Ok(update) => {
            let changes = card
                .with(|c| describe_changes(&c.spending_controls, &update, &c.currency, Locale::En));
            view! {
                <table class="ia-review ia-diff">
                    <caption>"What saving will change"</caption>
                    <thead>
                        <tr><th scope="col">"Control"</th><th scope="col">"Now"</th><th scope="col">"After saving"</th></tr>
                    </thead>
                    <tbody>
                        {changes
                            .into_iter()
                            .map(|c| view! {
                                <tr data-field=c.field.to_lowercase().replace(' ', "_")>
                                    <th scope="row">{c.field}</th>
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
