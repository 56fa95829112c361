//! The Connect bindings against a test double of `window.StripeConnect` that records every
//! call (so no script is loaded), with the real platform server behind the callbacks: the tag
//! names and setters, the ephemeral-key answer's exact shape, rejection on a server error, prop
//! changes, and cleanup on unmount.

mod support;

use issuing_admin::connect::{
    ConnectElement, ConnectInstance, ConnectOptions, CustomFont, DisplayOptions, FontSource,
    InitParams, IssuingCard, IssuingCardsList,
};
use issuing_admin::i18n::{I18n, Locale};
use js_sys::{Function, Object, Promise, Reflect};
use leptos::mount::mount_to;
use leptos::prelude::*;
use support::{signed_in_api, wait_for, wait_until};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

use support::connect_double::{calls, double_and_a_uk_card, install_double, uk_card_ids};
use support::UK;

fn last(name: &str) -> Option<JsValue> {
    calls()
        .into_iter()
        .rev()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v)
}

/// The double installed, and `<IssuingCard>` of the UK account's first card mounted with no
/// right to reveal numbers: the page's root, Stripe's element, the mount.
async fn mount_a_uk_card() -> (web_sys::HtmlElement, web_sys::Element, impl Drop) {
    let (api, card, root) = double_and_a_uk_card().await;
    let mounted = mount_to(root.clone(), move || {
        provide_context(api.clone());
        view! { <IssuingCard account=UK.to_owned() card=card.clone() /> }
    });
    let element = wait_for(&root, "[data-tag=issuing-card]").await;
    (root, element, mounted)
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &key.into()).unwrap()
}

async fn call(function: &JsValue, arg: &JsValue) -> Result<JsValue, JsValue> {
    let promise: Promise = function
        .unchecked_ref::<Function>()
        .call1(&JsValue::NULL, arg)
        .unwrap()
        .unchecked_into();
    JsFuture::from(promise).await
}

#[wasm_bindgen_test]
async fn without_the_right_to_reveal_numbers_the_card_gets_no_key_callback() {
    let (_root, element, _mounted) = mount_a_uk_card().await;
    assert!(
        last("setDefaultCard").is_some(),
        "the card itself is set up"
    );
    assert!(
        last("setFetchEphemeralKey").is_none()
            && get(&element, "_setFetchEphemeralKey").is_undefined(),
        "no way to fetch a key, so Stripe's component cannot show the numbers"
    );
}

fn key_request(card: &str, nonce: &str) -> JsValue {
    let request = Object::new();
    Reflect::set(&request, &"issuingCard".into(), &card.into()).unwrap();
    Reflect::set(&request, &"nonce".into(), &nonce.into()).unwrap();
    request.into()
}

#[wasm_bindgen_test]
async fn the_card_component_is_set_up_and_its_callbacks_answer_as_stripe_expects() {
    install_double();
    let api = signed_in_api("op_aiko").await;
    let cards = uk_card_ids(&api, 2).await;
    let card = RwSignal::new(cards[0].clone());
    let root = support::fresh_container();
    let context = api.clone();
    let mounted = mount_to(root.clone(), move || {
        provide_context(context.clone());
        view! { <IssuingCard account=UK.to_owned() card=card show_spend_controls=true reveal_numbers=true /> }
    });
    let element = wait_for(&root, "[data-tag=issuing-card]").await;

    // init got our key, a client-secret callback and the panel's theme.
    let params = last("init").expect("init was called");
    assert_eq!(
        get(&params, "publishableKey").as_string().as_deref(),
        Some("pk_test_sandbox")
    );
    assert_eq!(get(&params, "locale").as_string().as_deref(), Some("en"));
    let secret = call(&get(&params, "fetchClientSecret"), &JsValue::UNDEFINED)
        .await
        .expect("a client secret");
    assert!(secret.as_string().unwrap().starts_with("accs_secret__"));
    assert_eq!(
        last("create").and_then(|t| t.as_string()).as_deref(),
        Some("issuing-card")
    );
    assert_eq!(
        last("setDefaultCard").and_then(|c| c.as_string()),
        Some(cards[0].clone())
    );
    assert_eq!(
        last("setShowSpendControls").and_then(|v| v.as_bool()),
        Some(true)
    );
    assert_eq!(
        last("setCardSwitching").and_then(|v| v.as_bool()),
        Some(false)
    );

    // The key callback answers { issuingCard, nonce, ephemeralKeySecret } and nothing else.
    let fetch_key = get(&element, "_setFetchEphemeralKey");
    let answer = call(&fetch_key, &key_request(&cards[0], "nonce-42"))
        .await
        .expect("a key");
    let keys: Vec<String> = Object::keys(answer.unchecked_ref::<Object>())
        .iter()
        .map(|k| k.as_string().unwrap())
        .collect();
    assert_eq!(keys, ["issuingCard", "nonce", "ephemeralKeySecret"]);
    assert_eq!(
        get(&answer, "issuingCard").as_string(),
        Some(cards[0].clone())
    );
    assert_eq!(
        get(&answer, "nonce").as_string().as_deref(),
        Some("nonce-42")
    );
    assert!(get(&answer, "ephemeralKeySecret")
        .as_string()
        .unwrap()
        .starts_with("ek_test_"));

    // A server refusal rejects with a readable Error; it does not hang.
    let refused = call(&fetch_key, &key_request("ic_NotACardOfThisAccount", "n"))
        .await
        .expect_err("rejected");
    let message = String::from(refused.unchecked_ref::<js_sys::Error>().message());
    assert!(
        message.contains("No ephemeral key for card ic_NotACardOfThisAccount"),
        "{message}"
    );
    let malformed = call(&fetch_key, &JsValue::from_str("not an object"))
        .await
        .expect_err("rejected");
    assert!(
        String::from(malformed.unchecked_ref::<js_sys::Error>().message()).contains("issuingCard")
    );

    // A new card prop reaches the element's setter.
    card.set(cards[1].clone());
    wait_until("the setter gets the new card", || {
        last("setDefaultCard").and_then(|c| c.as_string()) == Some(cards[1].clone())
    })
    .await;

    // Unmounting removes the element and frees the Rust callbacks Stripe held.
    drop(mounted);
    assert!(!element.is_connected(), "the element left the page");
    let stale = fetch_key
        .unchecked_ref::<Function>()
        .call1(&JsValue::NULL, &key_request(&cards[0], "n"));
    assert!(
        stale.is_err(),
        "a released callback cannot be called any more"
    );
}

/// Stripe's setters take `undefined` as "not set": a program that goes away is cleared on the
/// element, not kept as the last filter.
#[wasm_bindgen_test]
async fn a_setter_given_nothing_clears_what_was_set() {
    install_double();
    let api = signed_in_api("op_aiko").await;
    let program = RwSignal::new(Some("iprg_first".to_owned()));
    let root = support::fresh_container();
    let _mounted = mount_to(root.clone(), move || {
        provide_context(api.clone());
        view! { <IssuingCardsList account=UK.to_owned() issuing_program=program /> }
    });
    let element = wait_for(&root, "[data-tag=issuing-cards-list]").await;
    let set_to = || get(&element, "_setIssuingProgram");
    assert_eq!(set_to().as_string().as_deref(), Some("iprg_first"));

    program.set(None);
    wait_until("the program is cleared", || {
        Reflect::has(&element, &"_setIssuingProgram".into()).unwrap() && set_to().is_undefined()
    })
    .await;

    program.set(Some("iprg_second".to_owned()));
    wait_until("a new program is set", || {
        set_to().as_string().as_deref() == Some("iprg_second")
    })
    .await;
}

/// `setOnLoadError` gets `{ error: { type, message } }`: each of connect-js' types is said in
/// its own words (with what to do), Stripe's message after them, the type on the element.
#[wasm_bindgen_test]
async fn each_load_error_type_is_said_in_its_own_words() {
    let (root, element, _mounted) = mount_a_uk_card().await;
    let listener = get(&element, "_setOnLoadError");
    let mut said = std::collections::HashSet::new();
    for kind in [
        "api_connection_error",
        "authentication_error",
        "account_session_create_error",
        "invalid_request_error",
        "rate_limit_error",
        "render_error",
        "api_error",
        "a_type_from_the_future",
    ] {
        let event = Object::new();
        let error = Object::new();
        Reflect::set(&error, &"type".into(), &kind.into()).unwrap();
        Reflect::set(&error, &"message".into(), &"detail 42".into()).unwrap();
        Reflect::set(&event, &"error".into(), &error).unwrap();
        Reflect::set(&event, &"elementTagName".into(), &"issuing-card".into()).unwrap();
        listener
            .unchecked_ref::<Function>()
            .call1(&JsValue::NULL, &event)
            .unwrap();
        let alert = wait_for(&root, &format!("[role=alert][data-load-error={kind}]")).await;
        let text = alert.text_content().unwrap();
        let words = text
            .strip_suffix(" (Stripe: detail 42)")
            .unwrap_or_else(|| panic!("Stripe's message after ours: {text}"));
        assert!(
            said.insert(words.to_owned()),
            "{kind} has words of its own: {words}"
        );
    }
    // The unknown type is said generically, like `api_error`'s neighbours are not.
    assert_eq!(said.len(), 8);
}

/// Stripe's `appearance.variables` come from the panel's `--ia-*` properties where the
/// component sits: colours, font, and lengths in pixels within Stripe's ranges (a spacing unit
/// of 8 to 20 px, a radius of at most 24 px; `rem` at the root's font size).
#[wasm_bindgen_test]
async fn the_panels_theme_reaches_stripes_appearance_within_its_ranges() {
    let (api, card, root) = double_and_a_uk_card().await;
    let style = root.style();
    for (name, value) in [
        ("--ia-color-primary", "#0a7d5a"),
        ("--ia-color-surface", "#101112"),
        ("--ia-color-text", "#eeeeee"),
        ("--ia-color-muted", "#999999"),
        ("--ia-color-danger", "#ff5555"),
        ("--ia-color-border", "#333333"),
        ("--ia-color-primary-text", "#000000"),
        ("--ia-font", "Inter, sans-serif"),
        ("--ia-space", "1.5rem"),
        ("--ia-radius", "40px"),
    ] {
        style.set_property(name, value).unwrap();
    }
    let _mounted = mount_to(root.clone(), move || {
        provide_context(api.clone());
        view! { <IssuingCard account=UK.to_owned() card=card.clone() /> }
    });
    wait_for(&root, "[data-tag=issuing-card]").await;
    // Other tests of this page start instances too: this one is known by its background.
    let variables = calls()
        .into_iter()
        .filter(|(name, _)| name == "init")
        .map(|(_, params)| get(&get(&params, "appearance"), "variables"))
        .find(|v| get(v, "colorBackground").as_string().as_deref() == Some("#101112"))
        .expect("init got the panel's theme");
    let variable = |key: &str| get(&variables, key).as_string();
    for (key, value) in [
        ("colorPrimary", "#0a7d5a"),
        ("colorText", "#eeeeee"),
        ("colorSecondaryText", "#999999"),
        ("colorDanger", "#ff5555"),
        ("colorBorder", "#333333"),
        ("buttonPrimaryColorText", "#000000"),
        ("fontFamily", "Inter, sans-serif"),
        // 1.5rem is 24 px at the browser's 16 px: Stripe's largest unit is 20 px.
        ("spacingUnit", "20px"),
        ("borderRadius", "24px"),
    ] {
        assert_eq!(variable(key).as_deref(), Some(value), "{key}");
    }
}

/// Every setter binding passes its value, and `None` as `undefined` (Stripe's "not set").
#[wasm_bindgen_test]
fn every_setter_sets_and_clears() {
    install_double();
    let params = InitParams {
        publishable_key: "pk_test_setters".into(),
        appearance: Default::default(),
        locale: "en".into(),
        fonts: Vec::new(),
        display: Default::default(),
    };
    let nothing = Function::new_no_args("return Promise.resolve('')");
    let instance = ConnectInstance::init(&params, &nothing).unwrap();
    let element: ConnectElement = instance.create("issuing-card").unwrap();
    let listener = Function::new_no_args("");
    let value = |setter: &str| {
        let key = format!("_{setter}");
        assert!(
            Reflect::has(&element, &key.as_str().into()).unwrap(),
            "{setter} was called"
        );
        get(&element, &key)
    };
    element.set_default_card(Some("ic_set"));
    element.set_card_switching(Some(true));
    element.set_show_spend_controls(Some(false));
    element.set_issuing_program(Some("iprg_set"));
    element.set_fetch_ephemeral_key(Some(&listener));
    element.set_on_load_error(Some(&listener));
    element.set_on_loader_start(Some(&listener));
    assert_eq!(
        value("setDefaultCard").as_string().as_deref(),
        Some("ic_set")
    );
    assert_eq!(value("setCardSwitching").as_bool(), Some(true));
    assert_eq!(value("setShowSpendControls").as_bool(), Some(false));
    assert_eq!(
        value("setIssuingProgram").as_string().as_deref(),
        Some("iprg_set")
    );
    for setter in ["setFetchEphemeralKey", "setOnLoadError", "setOnLoaderStart"] {
        assert_eq!(value(setter), JsValue::from(listener.clone()), "{setter}");
    }
    element.set_default_card(None);
    element.set_card_switching(None);
    element.set_show_spend_controls(None);
    element.set_issuing_program(None);
    element.set_fetch_ephemeral_key(None);
    element.set_on_load_error(None);
    element.set_on_loader_start(None);
    for setter in [
        "setDefaultCard",
        "setCardSwitching",
        "setShowSpendControls",
        "setIssuingProgram",
        "setFetchEphemeralKey",
        "setOnLoadError",
        "setOnLoaderStart",
    ] {
        assert!(value(setter).is_undefined(), "{setter} cleared");
    }
}

/// The host's `fonts` and `showObjectIds` and the theme's `--ia-overlays` reach `init`, and
/// a language switch passes the appearance, locale and display options on to `update`.
#[wasm_bindgen_test]
async fn the_hosts_fonts_display_options_and_overlays_reach_init_and_update() {
    let (api, card, root) = double_and_a_uk_card().await;
    root.style()
        .set_property("--ia-overlays", "drawer")
        .unwrap();
    let options = ConnectOptions {
        fonts: vec![
            FontSource::Css {
                css_src: "https://fonts.example/marker-42.css".into(),
            },
            FontSource::Custom(CustomFont {
                family: "Acme Mono".into(),
                src: "url(https://fonts.example/mono.woff2)".into(),
                weight: Some("600".into()),
                display: None,
                style: None,
                unicode_range: None,
            }),
        ],
        display: DisplayOptions {
            show_object_ids: Some(true),
        },
    };
    let i18n = StoredValue::new(None::<I18n>);
    let _mounted = mount_to(root.clone(), move || {
        provide_context(api.clone());
        provide_context(options.clone());
        i18n.set_value(Some(I18n::provide(Locale::En, false)));
        view! { <IssuingCard account=UK.to_owned() card=card.clone() /> }
    });
    wait_for(&root, "[data-tag=issuing-card]").await;
    let params = calls()
        .into_iter()
        .filter(|(name, _)| name == "init")
        .map(|(_, params)| params)
        .find(|p| {
            js_sys::JSON::stringify(&get(p, "fonts"))
                .map(String::from)
                .is_ok_and(|f| f.contains("marker-42"))
        })
        .expect("init got the host's fonts");
    assert_eq!(
        String::from(js_sys::JSON::stringify(&get(&params, "fonts")).unwrap()),
        r#"[{"cssSrc":"https://fonts.example/marker-42.css"},{"family":"Acme Mono","src":"url(https://fonts.example/mono.woff2)","weight":"600"}]"#
    );
    assert_eq!(
        get(&get(&params, "displayOptions"), "showObjectIds").as_bool(),
        Some(true)
    );
    assert_eq!(
        get(&get(&params, "appearance"), "overlays")
            .as_string()
            .as_deref(),
        Some("drawer")
    );

    i18n.get_value().unwrap().locale.set(Locale::Ja);
    wait_until("update gets the language and the options", || {
        calls().into_iter().any(|(name, options)| {
            name == "update"
                && get(&options, "locale").as_string().as_deref() == Some("ja")
                && get(&get(&options, "displayOptions"), "showObjectIds").as_bool() == Some(true)
                && get(&get(&options, "appearance"), "overlays")
                    .as_string()
                    .as_deref()
                    == Some("drawer")
        })
    })
    .await;
}

/// Our loader shows, and the box is busy, until Stripe's component starts its own loader.
#[wasm_bindgen_test]
async fn the_panels_loader_gives_way_when_stripes_starts() {
    let (root, element, _mounted) = mount_a_uk_card().await;
    let state = |css: &str| root.query_selector(css).unwrap().is_some();
    assert!(
        state("[data-component=issuing-card][aria-busy=true] .ia-loading"),
        "the element is on the page, but Stripe has not started drawing it"
    );
    get(&element, "_setOnLoaderStart")
        .unchecked_ref::<Function>()
        .call1(&JsValue::NULL, &JsValue::UNDEFINED)
        .unwrap();
    wait_until("our loader is gone", || {
        state("[data-component=issuing-card][aria-busy=false]") && !state(".ia-loading")
    })
    .await;
}
