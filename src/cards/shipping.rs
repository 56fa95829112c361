//! A physical card's way to its holder: each step of the shipment, where it is now, the
//! carrier, tracking number and expected delivery; in test mode, editors move it with Stripe's
//! shipping test helpers (only the moves that can happen from where it is are offered).

use issuing_model::{IssuingCard, ShippingStatus, ShippingStep};
use leptos::prelude::*;

use crate::api::{ApiClient, ApiError};
use crate::i18n::{date, t, use_locale};

/// The usual road, in order; `returned` and `failure` end it off the road.
const ROAD: [ShippingStatus; 4] = [
    ShippingStatus::Pending,
    ShippingStatus::Submitted,
    ShippingStatus::Shipped,
    ShippingStatus::Delivered,
];

#[component]
pub fn ShippingTimeline(
    account: String,
    card: RwSignal<IssuingCard>,
    /// Offer the test helpers (test mode, an editor, a card not canceled).
    can_move: Signal<bool>,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let step = Action::new_local(move |step: &ShippingStep| {
        let (api, account, step) = (api.clone(), account.clone(), *step);
        let id = card.with_untracked(|c| c.id.clone());
        async move { api.shipping_step(&account, &id, step).await }
    });
    let failed = RwSignal::new(None::<ApiError>);
    Effect::new(move |_| match step.value().get() {
        Some(Ok(updated)) => {
            failed.set(None);
            card.set(updated);
        }
        Some(Err(e)) => failed.set(Some(e)),
        None => {}
    });
    let status = move || {
        card.with(|c| {
            c.shipping
                .as_ref()
                .map(|s| s.status.clone().unwrap_or(ShippingStatus::Pending))
        })
    };
    let road = move || {
        let now = status().unwrap_or(ShippingStatus::Pending);
        let reached = ROAD.iter().position(|s| *s == now);
        let off_road = reached.is_none();
        let mut steps: Vec<(ShippingStatus, &'static str)> = ROAD
            .iter()
            .enumerate()
            .filter(|(_, s)| **s != ShippingStatus::Submitted || now == ShippingStatus::Submitted)
            .map(|(i, s)| {
                let state = match reached {
                    Some(r) if i < r => "done",
                    Some(r) if i == r => "current",
                    // Off the road (returned, failed): what it reached before is unknown.
                    _ if off_road && *s == ShippingStatus::Pending => "done",
                    _ => "upcoming",
                };
                (s.clone(), state)
            })
            .collect();
        if off_road {
            steps.push((now, "current"));
        }
        steps
    };
    let details = move || {
        card.with(|c| {
            c.shipping.as_ref().map(|s| {
                let (t, locale) = (t(), use_locale());
                let carrier = s.carrier.clone().map(|c| (t.carrier_name)(&c));
                view! {
                    <dl class="ia-facts">
                        <dt>{t.ship_to_name}</dt><dd>{s.name.clone()}</dd>
                        <dt>{t.shipping_address}</dt><dd>{s.address.one_line()}</dd>
                        <dt>{t.shipping_service}</dt><dd>{(t.shipping_service_name)(s.service.as_str())}</dd>
                        {carrier.map(|c| view! { <dt>{t.carrier}</dt><dd>{c}</dd> })}
                        {s.tracking_number.clone().map(|n| view! { <dt>{t.tracking_number}</dt><dd class="ia-mono" data-fact="tracking">{n}</dd> })}
                        {s.eta.map(|eta| view! { <dt>{t.expected_delivery}</dt><dd>{date(eta, locale)}</dd> })}
                    </dl>
                }
            })
        })
    };
    let buttons = move || {
        let now = status()?;
        let pending = step.pending().get();
        can_move.get().then(|| {
            ShippingStep::ALL
                .into_iter()
                .filter(|s| s.allowed_from(&now))
                .map(|s| {
                    view! {
                        <button type="button" class="ia-button ia-button-secondary" data-shipping=s.as_str()
                            disabled=pending on:click=move |_| { step.dispatch(s); }>
                            {move || (t().shipping_step)(s.as_str())}
                        </button>
                    }
                })
                .collect_view()
        })
    };
    move || {
        status().map(|_| {
            view! {
                <section class="ia-shipping" aria-labelledby="shipping-title">
                    <h2 id="shipping-title">{move || t().shipping}</h2>
                    <ol class="ia-timeline">
                        {move || road().into_iter().map(|(s, state)| {
                            let code = s.as_str().to_owned();
                            view! {
                                <li data-step=code data-state=state aria-current=(state == "current").then_some("step")>
                                    {move || (t().shipping_status)(s.as_str())}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                    {details}
                    {move || can_move.get().then(|| view! {
                        <div class="ia-actions" role="group" aria-labelledby="shipping-helpers">
                            <span id="shipping-helpers" class="ia-muted">{move || t().test_helpers}</span>
                            {buttons}
                        </div>
                    })}
                    <p class="ia-field-error" role="alert">{move || failed.get().map(|e| e.text())}</p>
                </section>
            }
        })
    }
}
