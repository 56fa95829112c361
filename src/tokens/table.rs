//! The tokens an account received: status in words, limits, what is left, and a live expiry.

use issuing_model::money::format_amount;
use issuing_model::rules::TokenState;
use issuing_model::wire::card::brand_name;
use issuing_model::{DeactivatedReason, GrantedToken};
use issuing_words::countdown;
use leptos::prelude::*;

use crate::i18n::{t, use_locale, Label};

/// The token's state as a badge whose text says it all (colour only repeats it): active,
/// partly used (still active), used up, or deactivated and why.
#[component]
pub fn TokenBadge(state: TokenState, used: bool) -> impl IntoView {
    let (status, label): (&str, Label) = match &state {
        TokenState::Active if used => ("used", |t| t.token_partly_used),
        TokenState::Active => ("active", |t| t.token_active),
        TokenState::Deactivated(DeactivatedReason::Consumed) => ("consumed", |t| t.token_used_up),
        TokenState::Deactivated(DeactivatedReason::Revoked) => ("revoked", |t| t.token_revoked),
        TokenState::Deactivated(DeactivatedReason::Expired) => ("expired", |t| t.token_expired),
        TokenState::Deactivated(DeactivatedReason::Resolved) => ("resolved", |t| t.token_resolved),
        TokenState::Deactivated(DeactivatedReason::Other(_)) => {
            ("deactivated", |t| t.token_deactivated)
        }
    };
    let class = if matches!(status, "active" | "used") {
        "ia-badge ia-badge-active"
    } else {
        "ia-badge ia-badge-canceled"
    };
    view! { <span class=class data-status=status>{move || label(t())}</span> }
}

/// `Visa •••• 4242`, from the limited details Stripe shares.
pub fn payment_method_label(token: &GrantedToken) -> String {
    let details = token.payment_method_details.as_ref();
    let card = details.and_then(|d| d.get("card"));
    match card {
        Some(card) => {
            let brand = card["brand"].as_str().unwrap_or("card");
            format!(
                "{} •••• {}",
                brand_name(brand),
                card["last4"].as_str().unwrap_or("????")
            )
        }
        None => details
            .and_then(|d| d["type"].as_str())
            .unwrap_or("—")
            .to_owned(),
    }
}

#[component]
pub fn TokensTable(
    tokens: Vec<GrantedToken>,
    now: ReadSignal<i64>,
    selected: RwSignal<Option<String>>,
    /// What opens under the selected token's row (its charge form, or why it has none).
    opened: ViewFn,
) -> impl IntoView {
    view! {
        <div class="ia-table-scroll">
        <table class="ia-table ia-tokens">
            <caption class="ia-visually-hidden">{move || t().tokens_title}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || t().col_token}</th>
                    <th scope="col">{move || t().payment_method}</th>
                    <th scope="col">{move || t().status}</th>
                    <th scope="col" class="ia-num">{move || t().col_limit}</th>
                    <th scope="col" class="ia-num">{move || t().col_charged}</th>
                    <th scope="col" class="ia-num">{move || t().col_left}</th>
                    <th scope="col">{move || t().expires}</th>
                    <th scope="col"><span class="ia-visually-hidden">{move || t().col_actions}</span></th>
                </tr>
            </thead>
            <tbody>
                {tokens.into_iter().map(|token| {
                    let currency = token.currency().unwrap_or_default().to_owned();
                    let money = move |a| format_amount(a, &currency);
                    let charged = token.captured();
                    // A token with no limits has no maximum, nothing "left" and no expiry.
                    let limits = token.usage_limits.clone();
                    let max = limits.as_ref().map_or_else(|| "—".to_owned(), |l| money(l.max_amount));
                    let left = token.remaining().map_or_else(|| "—".to_owned(), money.clone());
                    let id = token.id.clone();
                    let expires_at = limits.and_then(|l| l.expires_at);
                    let state_token = token.clone();
                    // Nothing more can happen to a deactivated token: no charge, no countdown.
                    let live = {
                        let token = token.clone();
                        Memo::new(move |_| token.state(now.get()) == TokenState::Active)
                    };
                    let is_selected = {
                        let id = id.clone();
                        Memo::new(move |_| selected.get().as_deref() == Some(id.as_str()))
                    };
                    let choose = {
                        let id = id.clone();
                        Callback::new(move |()| selected.set(Some(id.clone())))
                    };
                    let opened = opened.clone();
                    view! {
                        <tr data-token=id.clone() class:ia-row-selected=is_selected>
                            <td><code>{id.clone()}</code></td>
                            <td class="ia-nowrap">{payment_method_label(&token)}</td>
                            <td>{move || view! { <TokenBadge state=state_token.state(now.get()) used={charged > 0} /> }}</td>
                            <td class="ia-num">{max}</td>
                            <td class="ia-num">{money(charged)}</td>
                            <td class="ia-num" data-field="left">{left}</td>
                            <td class="ia-nowrap" data-field="expires">{move || if live.get() { countdown(expires_at, now.get(), use_locale()) } else { "—".to_owned() }}</td>
                            <td>
                                {move || live.get().then(|| view! {
                                <button
                                    type="button"
                                    class="ia-button ia-button-secondary"
                                    data-action="select-token"
                                    aria-pressed=move || is_selected.get().to_string()
                                    on:click=move |_| choose.run(())
                                >
                                    {move || t().charge_open}
                                </button>
                                })}
                            </td>
                        </tr>
                        {move || is_selected.get().then(|| view! {
                            <tr class="ia-charge-row"><td colspan="8">{opened.run()}</td></tr>
                        })}
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}
