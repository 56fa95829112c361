//! `<IssuingCard>` and `<IssuingCardsList>`: Stripe's components as Leptos components. Each
//! mounts its element when the script is ready, passes prop changes to Stripe's setters, and
//! removes the element and releases its Rust callbacks when unmounted (or when the account
//! changes, which needs a new session).

use std::any::Any;
use std::rc::Rc;

use js_sys::Function;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::bindings::{Appearance, ConnectElement, ConnectInstance, LoadErrorType, Overlays};
use super::callbacks::fetch_ephemeral_key;
use super::hub::{js_error, ConnectHub};
use super::loader::ConnectError;
use crate::api::ApiClient;
use crate::i18n::{self, t, use_i18n, Label};

/// An element on the page with everything it needs to stay alive.
struct Mounted {
    element: ConnectElement,
    instance: ConnectInstance,
    /// The Rust closures Stripe holds: freed with the element, never before.
    _callbacks: Vec<Box<dyn Any>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.element.remove();
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Status {
    Loading,
    Ready,
    Failed(ConnectError),
}

/// The panel's theme, read from its CSS custom properties where the component sits (inside
/// a host page's shadow root too), for Stripe's `appearance`.
fn theme(at: &web_sys::Element) -> Appearance {
    let style = web_sys::window().and_then(|w| w.get_computed_style(at).ok().flatten());
    let read = |name: &str| {
        let value = style.as_ref()?.get_property_value(name).ok()?;
        let value = value.trim().to_owned();
        (!value.is_empty()).then_some(value)
    };
    // A length as Stripe takes it, in pixels: `12px`, or `0.75rem` at the root's font size.
    let root_font_px = || {
        let root = web_sys::window()?.document()?.document_element()?;
        let size = web_sys::window()?
            .get_computed_style(&root)
            .ok()??
            .get_property_value("font-size")
            .ok()?;
        size.trim().strip_suffix("px")?.parse::<f64>().ok()
    };
    let pixels = |name: &str| {
        let value = read(name)?;
        if let Some(px) = value.strip_suffix("px") {
            return px.trim().parse::<f64>().ok();
        }
        let rem = value.strip_suffix("rem")?.trim().parse::<f64>().ok()?;
        Some(rem * root_font_px().unwrap_or(16.0))
    };
    Appearance {
        overlays: read("--ia-overlays").and_then(|o| Overlays::from_wire(&o)),
        color_primary: read("--ia-color-primary"),
        color_background: read("--ia-color-surface"),
        color_text: read("--ia-color-text"),
        color_secondary_text: read("--ia-color-muted"),
        color_danger: read("--ia-color-danger"),
        color_border: read("--ia-color-border"),
        button_primary_color_text: read("--ia-color-primary-text"),
        font_family: read("--ia-font"),
        spacing_unit: pixels("--ia-space"),
        border_radius: pixels("--ia-radius"),
    }
}

/// Creates `tag` from the panel's instance for `account` (started by the first component that
/// needs it) and listens to its load errors and loader.
async fn start(
    hub: &ConnectHub,
    account: &str,
    tag: &str,
    status: RwSignal<Status>,
    at: &web_sys::Element,
    locale: &str,
) -> Result<Mounted, ConnectError> {
    let instance = hub.instance(account, theme(at), locale).await?;
    let element = instance.create(tag).map_err(js_error)?;
    // `({ error: { type, message }, elementTagName })`: each type its own words.
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let error = js_sys::Reflect::get(&event, &"error".into()).unwrap_or(JsValue::UNDEFINED);
        let field = |name: &str| {
            js_sys::Reflect::get(&error, &name.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        let kind = field("type").map_or(LoadErrorType::Api, |k| LoadErrorType::from_wire(&k));
        let message = field("message").filter(|m| !m.trim().is_empty());
        status.set(Status::Failed(ConnectError::Component { kind, message }));
    });
    element.set_on_load_error(Some(on_error.as_ref().unchecked_ref()));
    // Ours shows until the component shows its own loader (its iframe is blank before).
    let on_loader_start = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        status.set(Status::Ready);
    });
    element.set_on_loader_start(Some(on_loader_start.as_ref().unchecked_ref()));
    Ok(Mounted {
        element,
        instance,
        _callbacks: vec![Box::new(on_error), Box::new(on_loader_start)],
    })
}

/// Mounts `tag` for `account` into `host`, remounting when the account changes; `setup`
/// applies the props (and may hand over more callbacks) before the element is shown.
fn use_connect_element(
    host: NodeRef<Div>,
    tag: &'static str,
    account: Signal<String>,
    setup: impl Fn(&ConnectElement, &str, &mut Vec<Box<dyn Any>>) + 'static,
) -> (StoredValue<Option<Mounted>, LocalStorage>, RwSignal<Status>) {
    let hub = ConnectHub::use_hub();
    let display = hub.display();
    let mounted = StoredValue::new_local(None::<Mounted>);
    let status = RwSignal::new(Status::Loading);
    let generation = StoredValue::new(0u32);
    let setup = Rc::new(setup);
    let i18n = use_i18n();
    Effect::new(move |_| {
        let account = account.get();
        // Started in the language of the moment; later switches go through `update` below.
        let locale = i18n::tag(i18n.locale.get_untracked());
        let Some(host) = host.get() else { return };
        mounted.set_value(None);
        status.set(Status::Loading);
        generation.update_value(|g| *g += 1);
        let this_run = generation.get_value();
        let (hub, setup) = (hub.clone(), setup.clone());
        leptos::task::spawn_local(async move {
            let result = start(&hub, &account, tag, status, &host, locale).await;
            // A newer account (or an unmount) took over while this one was starting.
            if generation.try_get_value() != Some(this_run) {
                return;
            }
            match result {
                Ok(mut m) => {
                    setup(&m.element, &account, &mut m._callbacks);
                    let _ = host.append_child(&m.element);
                    mounted.set_value(Some(m));
                    // Still loading: `setOnLoaderStart` (or a load error) says what comes next.
                }
                Err(e) => status.set(Status::Failed(e)),
            }
        });
    });
    // Stripe re-renders its components in the new language, no remount needed.
    Effect::new(move |first: Option<()>| {
        let locale = i18n::tag(i18n.locale.get());
        if first.is_some() {
            if let Some(host) = host.get_untracked() {
                mounted.with_value(|m| {
                    if let Some(m) = m {
                        m.instance.update_options(&theme(&host), locale, display);
                    }
                });
            }
        }
    });
    on_cleanup(move || {
        generation.try_update_value(|g| *g += 1);
        mounted.try_update_value(|m| *m = None);
    });
    (mounted, status)
}

/// The component's box: our loader until Stripe's starts (busy meanwhile), or the load error
/// in words, then Stripe's element in `host`.
fn connect_box(
    tag: &'static str,
    status: RwSignal<Status>,
    loading: Label,
    host: NodeRef<Div>,
) -> impl IntoView {
    let state = move || {
        match status.get() {
        Status::Loading => view! {
            <p class="ia-loading" role="status"><span class="ia-spinner" aria-hidden="true"></span>{move || loading(t())}</p>
        }
        .into_any(),
        Status::Ready => ().into_any(),
        Status::Failed(error) => {
            let kind = error.load_error_type().map(|k| k.as_wire().to_owned());
            view! {
                <p class="ia-field-error" role="alert" data-load-error=kind>{move || error.text(t())}</p>
            }
            .into_any()
        }
    }
    };
    let busy = move || (status.get() == Status::Loading).to_string();
    view! {
        <div class="ia-connect" data-component=tag aria-busy=busy>
            {state}
            <div node_ref=host></div>
        </div>
    }
}

fn with_element(
    mounted: StoredValue<Option<Mounted>, LocalStorage>,
    apply: impl FnOnce(&ConnectElement),
) {
    mounted.with_value(|m| {
        if let Some(m) = m {
            apply(&m.element);
        }
    });
}

/// Stripe's card component: the card with its number and CVC behind "Show numbers", in
/// Stripe's iframe. The ephemeral-key callback is ours, in Rust.
#[component]
pub fn IssuingCard(
    #[prop(into)] account: Signal<String>,
    #[prop(into)] card: Signal<String>,
    #[prop(into, optional)] show_spend_controls: Signal<bool>,
    #[prop(into, optional)] card_switching: Signal<bool>,
    /// Whether the operator may reveal the number and CVC: without it, no key callback is
    /// given, and Stripe's component shows the card without them.
    #[prop(optional)]
    reveal_numbers: bool,
) -> impl IntoView {
    let host = NodeRef::<Div>::new();
    let api = expect_context::<ApiClient>();
    let (mounted, status) = use_connect_element(
        host,
        "issuing-card",
        account,
        move |element, account, callbacks| {
            if reveal_numbers {
                let key = fetch_ephemeral_key(api.clone(), account.to_owned());
                element.set_fetch_ephemeral_key(Some(key.as_ref().unchecked_ref::<Function>()));
                callbacks.push(Box::new(key));
            }
            element.set_default_card(Some(&card.get_untracked()));
            element.set_show_spend_controls(Some(show_spend_controls.get_untracked()));
            element.set_card_switching(Some(card_switching.get_untracked()));
        },
    );
    Effect::new(move |_| {
        let id = card.get();
        with_element(mounted, |e| e.set_default_card(Some(&id)));
    });
    Effect::new(move |_| {
        let on = show_spend_controls.get();
        with_element(mounted, |e| e.set_show_spend_controls(Some(on)));
    });
    Effect::new(move |_| {
        let on = card_switching.get();
        with_element(mounted, |e| e.set_card_switching(Some(on)));
    });
    connect_box("issuing-card", status, |t| t.loading_stripe_card, host)
}

/// Stripe's list of an account's cards.
#[component]
pub fn IssuingCardsList(
    #[prop(into)] account: Signal<String>,
    #[prop(into, optional)] show_spend_controls: Signal<bool>,
    #[prop(into, optional)] issuing_program: Signal<Option<String>>,
    /// As for [`IssuingCard`]: the key callback only for operators who may reveal numbers.
    #[prop(optional)]
    reveal_numbers: bool,
) -> impl IntoView {
    let host = NodeRef::<Div>::new();
    let api = expect_context::<ApiClient>();
    let (mounted, status) = use_connect_element(
        host,
        "issuing-cards-list",
        account,
        move |element, account, callbacks| {
            if reveal_numbers {
                let key = fetch_ephemeral_key(api.clone(), account.to_owned());
                element.set_fetch_ephemeral_key(Some(key.as_ref().unchecked_ref::<Function>()));
                callbacks.push(Box::new(key));
            }
            element.set_show_spend_controls(Some(show_spend_controls.get_untracked()));
            element.set_issuing_program(issuing_program.get_untracked().as_deref());
        },
    );
    Effect::new(move |_| {
        let on = show_spend_controls.get();
        with_element(mounted, |e| e.set_show_spend_controls(Some(on)));
    });
    // A program that goes away is cleared, not kept as the last filter.
    Effect::new(move |_| {
        let program = issuing_program.get();
        with_element(mounted, |e| e.set_issuing_program(program.as_deref()));
    });
    connect_box(
        "issuing-cards-list",
        status,
        |t| t.loading_stripe_cards,
        host,
    )
}
