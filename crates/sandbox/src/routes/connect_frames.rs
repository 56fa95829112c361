//! What Stripe serves from its own origins for the Connect components, played by the sandbox:
//! the stand-in script, and the iframes it shows. A card's iframe checks the account session
//! and the ephemeral key (card, nonce, account, expiry) before it offers "Show numbers"; the
//! numbers it reveals are made-up test numbers, computed here and never stored or sent to the
//! platform server.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{Html, IntoResponse};
use issuing_model::IssuingCard;
use issuing_words::{limit_phrase, Locale, Texts};

use crate::rng::now;
use crate::AppState;

const SCRIPT: &str = include_str!("../../assets/connect.js");

pub async fn script() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "application/javascript; charset=utf-8"),
            (CACHE_CONTROL, "no-cache"),
        ],
        SCRIPT,
    )
}

type Query_ = Query<HashMap<String, String>>;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The frames speak English or Japanese, as the Connect instance's `locale` asks. (Their
/// refusals are Stripe's, in English.)
fn lang_of(q: &HashMap<String, String>) -> Locale {
    q.get("locale")
        .and_then(|l| Locale::from_tag(l))
        .unwrap_or_default()
}

/// How the instance asked its components to look (`appearance`, `fonts`), as the frame's
/// stylesheet: each variable a CSS custom property, each font a stylesheet link or a face.
/// Values that could end the rule or reach elsewhere (`;`, braces, `<`, `\\`, `url(` outside a
/// font's `src`) are dropped, as Stripe drops what it cannot use.
#[derive(Default)]
struct Look {
    variables: String,
    fonts: String,
}

/// connect-js' appearance variables the frames draw with, and the property each sets.
const VARIABLES: [(&str, &str); 10] = [
    ("colorPrimary", "--primary"),
    ("colorBackground", "--background"),
    ("colorText", "--text"),
    ("colorSecondaryText", "--muted"),
    ("colorDanger", "--danger"),
    ("colorBorder", "--border"),
    ("buttonPrimaryColorText", "--button-text"),
    ("fontFamily", "--font"),
    ("spacingUnit", "--space"),
    ("borderRadius", "--radius"),
];

fn css_safe(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 200
        && !value.contains([';', '{', '}', '<', '>', '\\', '\n', '\r', '@'].as_slice())
        && !value.to_ascii_lowercase().contains("url(")
}

fn look_of(q: &HashMap<String, String>) -> Look {
    let mut look = Look::default();
    let parsed = |key: &str| {
        q.get(key)
            .and_then(|v| serde_json::from_str::<serde_json::Value>(v).ok())
    };
    if let Some(serde_json::Value::Object(variables)) = parsed("appearance") {
        for (name, property) in VARIABLES {
            if let Some(value) = variables.get(name).and_then(|v| v.as_str()) {
                if css_safe(value) {
                    look.variables.push_str(&format!("{property}: {value}; "));
                }
            }
        }
    }
    if let Some(serde_json::Value::Array(fonts)) = parsed("fonts") {
        for font in &fonts {
            let text = |k: &str| font.get(k).and_then(|v| v.as_str());
            if let Some(href) = text("cssSrc") {
                if href.starts_with("https://") || href.starts_with("http://") {
                    look.fonts.push_str(&format!(
                        r#"<link rel="stylesheet" href="{}">"#,
                        escape(href)
                    ));
                }
            } else if let (Some(family), Some(src)) = (text("family"), text("src")) {
                // `src` is a CSS value such as `url(https://…/inter.woff2)`: `url(` allowed.
                let src_ok = css_safe(&src.to_ascii_lowercase().replace("url(", ""));
                if css_safe(family) && !family.contains('"') && src_ok {
                    let mut face = format!("font-family: \"{family}\"; src: {src};");
                    for (key, property) in [
                        ("weight", "font-weight"),
                        ("style", "font-style"),
                        ("display", "font-display"),
                        ("unicodeRange", "unicode-range"),
                    ] {
                        if let Some(v) = text(key).filter(|v| css_safe(v)) {
                            face.push_str(&format!(" {property}: {v};"));
                        }
                    }
                    look.fonts
                        .push_str(&format!("<style>@font-face {{ {face} }}</style>"));
                }
            }
        }
    }
    look
}

/// `displayOptions.showObjectIds`: the frames show Stripe's ids.
fn shows_ids(q: &HashMap<String, String>) -> bool {
    q.get("show_object_ids").is_some_and(|v| v == "1")
}

fn page(lang: Locale, look: &Look, body: String) -> Html<String> {
    Html(format!(
        r#"<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Stripe sandbox</title>{fonts}
<style>
:root {{ --primary: #5433ff; --background: #fff; --text: #1a1f36; --muted: #5b6478; --danger: #b3261e;
  --border: #dde2ea; --button-text: #fff; --font: system-ui, sans-serif; --space: 8px; --radius: 6px; {variables}}}
body {{ font: 15px var(--font); margin: 0; padding: calc(2 * var(--space)); color: var(--text);
  background: var(--background); }}
.card {{ max-width: 360px; border-radius: calc(2 * var(--radius)); padding: calc(2 * var(--space)); color: #fff;
  background: linear-gradient(135deg, #5433ff, #20bdff); }}
.number {{ font: 20px ui-monospace, monospace; letter-spacing: 2px; margin: 14px 0; }}
.row {{ display: flex; gap: 24px; }}
.muted {{ opacity: .85; font-size: 12px; text-transform: uppercase; }}
.footer {{ color: var(--muted); }}
.id {{ font: 12px ui-monospace, monospace; color: var(--muted); }}
button, .button {{ font: inherit; display: inline-block; margin-top: calc(1.5 * var(--space)); padding: 6px 12px;
  border-radius: var(--radius); border: 1px solid var(--primary); background: var(--primary);
  color: var(--button-text); cursor: pointer; text-decoration: none; }}
.error {{ color: var(--danger); }}
table {{ border-collapse: collapse; }} td, th {{ text-align: left; padding: 4px 10px; border-top: 1px solid var(--border); }}
</style></head><body>{body}<p class="muted footer">{footer}</p></body></html>"#,
        lang = lang.tag(),
        fonts = look.fonts,
        variables = look.variables,
        footer = lang.texts().sandbox_footer,
    ))
}

fn card_kind(card: &IssuingCard, t: &Texts) -> &'static str {
    if card.kind == issuing_model::CardType::Virtual {
        t.virtual_card
    } else {
        t.physical_card
    }
}

fn refuse(message: &str) -> Html<String> {
    page(
        Locale::En,
        &Look::default(),
        format!(r#"<p class="error" role="alert">{}</p>"#, escape(message)),
    )
}

/// A test number with the card's last four digits that passes the Luhn check, and a CVC:
/// both derived from the card id, so the same card always shows the same numbers.
pub fn test_numbers(card: &IssuingCard) -> (String, String) {
    // FNV-1a: a stable hash without a dependency.
    let hash = card.id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let mut digits: Vec<u32> = "400000".chars().filter_map(|c| c.to_digit(10)).collect();
    let mut h = hash;
    for _ in 0..6 {
        digits.push((h % 10) as u32);
        h /= 10;
    }
    let last4: Vec<u32> = card.last4.chars().filter_map(|c| c.to_digit(10)).collect();
    digits.extend(if last4.len() == 4 { last4 } else { vec![0; 4] });
    // Digit 11 is the fifth from the right, which Luhn does not double: choose it to fit.
    digits[11] = 0;
    digits[11] = (10 - luhn_sum(&digits) % 10) % 10;
    let number = digits
        .chunks(4)
        .map(|c| {
            c.iter()
                .map(|d| char::from_digit(*d, 10).unwrap_or('0'))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ");
    let cvc = format!("{:03}", (hash >> 20) % 1000);
    (number, cvc)
}

/// The Luhn sum: every second digit from the right doubled (less 9 past 9).
fn luhn_sum(digits: &[u32]) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                (d * 2) % 10 + (d * 2) / 10
            } else {
                d
            }
        })
        .sum()
}

pub async fn issuing_card(State(state): State<Arc<AppState>>, Query(q): Query_) -> Html<String> {
    let get = |k: &str| q.get(k).map(String::as_str).unwrap_or("");
    let (secret, key, card_id, nonce) = (
        get("client_secret"),
        get("ephemeral_key"),
        get("card"),
        get("nonce"),
    );
    let data = state.store.read();
    let t = now();
    let Some(session) = data
        .account_sessions
        .get(secret)
        .filter(|s| s.expires_at > t)
    else {
        return refuse("This account session is not valid or has expired.");
    };
    // No key: the card masked, with nothing to reveal (the component had no key callback).
    let revealable = !key.is_empty();
    if revealable {
        let Some(grant) = data.ephemeral_keys.get(key).filter(|k| k.expires > t) else {
            return refuse("This ephemeral key is not valid or has expired.");
        };
        if grant.card != card_id || grant.nonce != nonce || grant.account != session.account {
            return refuse("The ephemeral key was not made for this card, nonce and account.");
        }
    }
    let Some(card) = data
        .issuing
        .get(&session.account)
        .and_then(|i| i.card(card_id))
    else {
        return refuse("No such card.");
    };
    let reveal = revealable && get("reveal") == "1";
    let lang = lang_of(&q);
    let t = lang.texts();
    let (number, cvc) = if reveal {
        test_numbers(card)
    } else {
        (format!("•••• •••• •••• {}", card.last4), "•••".to_owned())
    };
    let toggle = if !revealable {
        String::new()
    } else {
        let mut query: Vec<(String, String)> = q
            .iter()
            .filter(|(k, _)| k.as_str() != "reveal")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        query.push(("reveal".into(), if reveal { "0" } else { "1" }.into()));
        let href: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(query)
            .finish();
        format!(
            r#"<a class="button" id="toggle-numbers" href="?{}">{}</a>"#,
            escape(&href),
            if reveal {
                t.hide_numbers
            } else {
                t.show_numbers
            }
        )
    };
    let controls = if session.spend_controls && get("spend_controls") == "1" {
        let currency = card.currency.as_str();
        let items: String = card
            .spending_controls
            .limits()
            .iter()
            .map(|l| format!("<li>{}</li>", escape(&limit_phrase(l, currency, lang))))
            .collect();
        format!(
            "<h3>{}</h3><ul id=\"limits\">{}</ul>",
            t.spending_limits,
            if items.is_empty() {
                format!("<li>{}</li>", t.no_limits)
            } else {
                items
            }
        )
    } else {
        String::new()
    };
    let id = if shows_ids(&q) {
        format!(
            r#"<div class="id" id="object-id">{}</div>"#,
            escape(&card.id)
        )
    } else {
        String::new()
    };
    page(
        lang,
        &look_of(&q),
        format!(
            r#"{id}<div class="card"><div class="muted">{brand} · {kind}</div>
<div class="number" id="number">{number}</div>
<div class="row"><div><div class="muted">{expires}</div><div>{month:02}/{year}</div></div>
<div><div class="muted">CVC</div><div id="cvc">{cvc}</div></div></div>
<div style="margin-top:10px">{name}</div></div>{toggle}{controls}"#,
            brand = escape(&card.brand),
            kind = card_kind(card, t),
            expires = t.expires,
            month = card.exp_month,
            year = card.exp_year,
            name = escape(&card.cardholder.name),
        ),
    )
}

pub async fn issuing_cards_list(
    State(state): State<Arc<AppState>>,
    Query(q): Query_,
) -> Html<String> {
    let secret = q.get("client_secret").map(String::as_str).unwrap_or("");
    let lang = lang_of(&q);
    let t = lang.texts();
    let data = state.store.read();
    let Some(session) = data
        .account_sessions
        .get(secret)
        .filter(|s| s.expires_at > now())
    else {
        return refuse("This account session is not valid or has expired.");
    };
    let ids = shows_ids(&q);
    let rows: String = data
        .issuing
        .get(&session.account)
        .map(|i| {
            i.cards
                .iter()
                .take(50)
                .map(|c| {
                    let id = if ids {
                        format!(r#"<td class="id">{}</td>"#, escape(&c.id))
                    } else {
                        String::new()
                    };
                    format!(
                        "<tr>{id}<td>{}</td><td>•••• {}</td><td>{}</td><td>{}</td></tr>",
                        escape(&c.cardholder.name),
                        escape(&c.last4),
                        escape(c.status.as_str()),
                        card_kind(c, t)
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let id_head = if ids { "<th>ID</th>" } else { "" };
    let head = [t.cardholder, t.card, t.status, t.card_type]
        .map(|h| format!("<th>{h}</th>"))
        .concat();
    let look = look_of(&q);
    page(
        lang,
        &look,
        format!("<table><thead><tr>{id_head}{head}</tr></thead><tbody>{rows}</tbody></table>"),
    )
}

/// The frame the stand-in's `logout()` opens (hidden): it ends the session whose client secret
/// is in its fragment (never sent in a URL), from the sandbox's own origin, then tells the page.
pub async fn logout_frame() -> Html<&'static str> {
    Html(
        r#"<!doctype html><html><head><meta charset="utf-8"><title>Stripe sandbox sign-out</title></head><body><script>
const secret = decodeURIComponent(location.hash.slice(1));
const done = () => parent.postMessage("stripe-sandbox-logout", "*");
fetch(location.pathname, { method: "POST", body: new URLSearchParams({ client_secret: secret }) })
  .then(done, done);
</script></body></html>"#,
    )
}

/// `logout()`: the session's client secret is refused from now on (an unknown one: nothing to
/// end). Components then ask `fetchClientSecret` for a new session.
pub async fn logout(
    State(state): State<Arc<AppState>>,
    axum::extract::Form(form): axum::extract::Form<HashMap<String, String>>,
) -> axum::http::StatusCode {
    if let Some(secret) = form.get("client_secret") {
        let mut data = state.store.write();
        if let Some(session) = data.account_sessions.get_mut(secret) {
            session.expires_at = session.expires_at.min(now() - 1);
        }
    }
    axum::http::StatusCode::NO_CONTENT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_numbers_keep_the_last4_and_pass_luhn() {
        let card: IssuingCard = serde_json::from_value(serde_json::json!({
            "id": "ic_test123", "object": "issuing.card", "brand": "Visa", "last4": "4242",
            "exp_month": 1, "exp_year": 2030, "currency": "usd", "status": "active",
            "type": "virtual", "created": 1, "livemode": false, "metadata": {},
            "cardholder": { "id": "ich_1", "object": "issuing.cardholder", "name": "A", "status": "active", "type": "individual", "created": 1, "livemode": false, "metadata": {} },
            "spending_controls": {}
        }))
        .unwrap();
        let (number, cvc) = test_numbers(&card);
        let digits: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
        assert_eq!(digits.len(), 16);
        assert!(number.ends_with("4242"));
        let sum = luhn_sum(&digits);
        assert_eq!(sum % 10, 0, "{number} passes the Luhn check");
        assert_eq!(cvc.len(), 3);
        assert_eq!(test_numbers(&card), (number, cvc), "stable");
    }
}
