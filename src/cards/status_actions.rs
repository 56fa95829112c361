use issuing_model::{CancellationReason, CardStatus, CardUpdate, IssuingCard};
use leptos::html::Dialog;
use leptos::prelude::*;

use crate::api::ApiClient;

/// Freeze, unfreeze and cancel. Cancel asks for a reason in a modal dialog (which keeps focus
/// inside it and returns it afterwards) and says it cannot be undone. A canceled card offers
/// nothing more.
#[component]
pub fn StatusActions(account: String, card: RwSignal<IssuingCard>) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<Result<String, String>>);
    let reason = RwSignal::new("lost".to_owned());
    let dialog = NodeRef::<Dialog>::new();

    let account = StoredValue::new(account);
    let api = StoredValue::new(api);
    let change = move |update: CardUpdate, done: &'static str| {
        busy.set(true);
        message.set(None);
        let (api, account, id) = (
            api.get_value(),
            account.get_value(),
            card.get_untracked().id,
        );
        leptos::task::spawn_local(async move {
            match api.update_card(&account, &id, &update).await {
                Ok(updated) => {
                    card.set(updated);
                    message.set(Some(Ok(done.to_owned())));
                }
                Err(e) => message.set(Some(Err(e.to_string()))),
            }
            busy.set(false);
        });
    };
    let set_status = move |status: CardStatus, done: &'static str| {
        change(
            CardUpdate {
                status: Some(status),
                ..CardUpdate::default()
            },
            done,
        )
    };
    let open_dialog = move |_| {
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close_dialog = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
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
            "The card is canceled.",
        );
    };

    view! {
        <div class="ia-actions" aria-label="Card status actions" role="group">
            {move || match card.get().status {
                CardStatus::Canceled => view! {
                    <p class="ia-muted">"This card is canceled. It cannot be changed any more."</p>
                }
                .into_any(),
                status => {
                    let active = status == CardStatus::Active;
                    view! {
                        <button
                            type="button"
                            class="ia-button ia-button-secondary"
                            data-action=if active { "freeze" } else { "unfreeze" }
                            disabled=move || busy.get()
                            on:click=move |_| if active {
                                set_status(CardStatus::Inactive, "The card is frozen: it declines every payment until unfrozen.")
                            } else {
                                set_status(CardStatus::Active, "The card is active again.")
                            }
                        >
                            {if active { "Freeze card" } else { "Unfreeze card" }}
                        </button>
                        <button
                            type="button"
                            class="ia-button ia-button-danger"
                            data-action="cancel"
                            disabled=move || busy.get()
                            on:click=open_dialog
                        >
                            "Cancel card…"
                        </button>
                    }
                    .into_any()
                }
            }}
            {move || message.get().map(|m| match m {
                Ok(text) => view! { <p class="ia-confirmation" role="status">{text}</p> }.into_any(),
                Err(text) => view! { <p class="ia-field-error" role="alert">{text}</p> }.into_any(),
            })}
            <dialog node_ref=dialog class="ia-dialog" aria-labelledby="cancel-title">
                <h2 id="cancel-title">"Cancel this card?"</h2>
                <p>"Canceling cannot be undone: the card stops working for good."</p>
                <label class="ia-field">
                    <span>"Reason"</span>
                    <select name="cancellation_reason" on:change=move |ev| reason.set(event_target_value(&ev))>
                        <option value="lost">"Lost"</option>
                        <option value="stolen">"Stolen"</option>
                    </select>
                </label>
                <div class="ia-dialog-buttons">
                    <button type="button" class="ia-button ia-button-secondary" data-action="keep" on:click=move |_| close_dialog()>
                        "Keep card"
                    </button>
                    <button type="button" class="ia-button ia-button-danger" data-action="confirm-cancel" on:click=confirm_cancel>
                        "Cancel card"
                    </button>
                </div>
            </dialog>
        </div>
    }
}
