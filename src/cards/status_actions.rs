use issuing_model::{CancellationReason, CardStatus, CardUpdate, IssuingCard};
use leptos::prelude::*;

use crate::api::ApiClient;
use crate::i18n::{t, Label};
use crate::ui::Modal;

/// Freeze, unfreeze and cancel. Cancel asks for a reason in a modal dialog (which keeps focus
/// inside it and returns it afterwards) and says it cannot be undone. A canceled card offers
/// nothing more.
#[component]
pub fn StatusActions(
    account: String,
    card: RwSignal<IssuingCard>,
    /// Where the page says what happened.
    outcome: RwSignal<Option<super::detail::Outcome>>,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let message = outcome;
    let reason = RwSignal::new("lost".to_owned());
    let dialog = Modal::new();

    let account = StoredValue::new(account);
    let api = StoredValue::new(api);
    let apply = Action::new_local(move |(update, done): &(CardUpdate, Label)| {
        let (update, done) = (update.clone(), *done);
        let (api, account, id) = (
            api.get_value(),
            account.get_value(),
            card.get_untracked().id,
        );
        async move {
            match api.update_card(&account, &id, &update).await {
                Ok(updated) => {
                    // A canceled card's own notice says it all: no second message.
                    let canceled = updated.status == CardStatus::Canceled;
                    card.set(updated);
                    message.set((!canceled).then_some(Ok(done)));
                }
                Err(e) => message.set(Some(Err(e))),
            }
        }
    });
    let busy = apply.pending();
    let change = move |update: CardUpdate, done: Label| {
        message.set(None);
        apply.dispatch((update, done));
    };
    let set_status = move |status: CardStatus, done: Label| {
        change(
            CardUpdate {
                status: Some(status),
                ..CardUpdate::default()
            },
            done,
        )
    };
    let open_dialog = move |_| dialog.open();
    let close_dialog = move || dialog.close();
    let confirm_cancel = move |_| {
        let why = if reason.get_untracked() == "stolen" {
            CancellationReason::Stolen
        } else {
            CancellationReason::Lost
        };
        close_dialog();
        change(
            CardUpdate {
                status: Some(CardStatus::Canceled),
                cancellation_reason: Some(why),
                ..CardUpdate::default()
            },
            |t| t.done_canceled,
        );
    };

    view! {
        <div class="ia-actions" aria-label=move || t().status_actions role="group">
            {move || match card.get().status {
                CardStatus::Canceled => ().into_any(),
                status => {
                    let active = status == CardStatus::Active;
                    view! {
                        <button
                            type="button"
                            class="ia-button ia-button-secondary"
                            data-action=if active { "freeze" } else { "unfreeze" }
                            disabled=move || busy.get()
                            on:click=move |_| if active {
                                set_status(CardStatus::Inactive, |t| t.done_frozen)
                            } else {
                                set_status(CardStatus::Active, |t| t.done_active)
                            }
                        >
                            {move || if active { t().freeze } else { t().unfreeze }}
                        </button>
                        <button
                            type="button"
                            class="ia-button ia-button-danger-outline"
                            data-action="cancel"
                            disabled=move || busy.get()
                            on:click=open_dialog
                        >
                            {move || t().cancel_card_open}
                        </button>
                    }
                    .into_any()
                }
            }}
            <dialog node_ref=dialog.0 class="ia-dialog" aria-labelledby="cancel-title">
                <h2 id="cancel-title">{move || t().cancel_title}</h2>
                <p>{move || t().cancel_warning}</p>
                <label class="ia-field">
                    <span>{move || t().reason}</span>
                    <select name="cancellation_reason" on:change=move |ev| reason.set(event_target_value(&ev))>
                        <option value="lost">{move || t().reason_lost}</option>
                        <option value="stolen">{move || t().reason_stolen}</option>
                    </select>
                </label>
                <div class="ia-dialog-buttons">
                    <button type="button" class="ia-button ia-button-secondary" data-action="keep" on:click=move |_| close_dialog()>
                        {move || t().keep_card}
                    </button>
                    <button type="button" class="ia-button ia-button-danger" data-action="confirm-cancel" on:click=confirm_cancel>
                        {move || t().cancel_card}
                    </button>
                </div>
            </dialog>
        </div>
    }
}
