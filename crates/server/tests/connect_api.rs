//! The secrets behind the Connect components, over real HTTP against the sandbox: an account
//! session only for a visible account, and an ephemeral key only for a card Stripe has under
//! that account, with a nonce, made with a Stripe-Version. The sandbox's card iframe accepts
//! the key only for its own card and nonce.

mod support;

use issuing_model::api::{ClientSecret, EphemeralKeySecret};
use issuing_model::StripeError;
use reqwest::StatusCode;
use serde_json::json;
use stripe_sandbox::SandboxConfig;
use support::{expect, Api, EURO, UK};

#[tokio::test]
async fn an_account_session_is_made_only_for_an_account_the_operator_may_see() {
    let api = Api::start().await;
    let ben = api.token("op_ben").await;
    let session = account_session(&api, &ben, UK).await;
    assert_eq!(session.account, UK);
    assert!(session.client_secret.starts_with("accs_secret__"));
    let refused: StripeError = expect(
        api.post(&ben, "/api/account_session", json!({ "account": EURO }))
            .await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(refused.error.param.as_deref(), Some("account"));
}

#[tokio::test]
async fn only_operators_with_the_right_may_have_a_key_that_reveals_card_numbers() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let card = first_card(&api, &aiko, EURO).await;
    let before = api.applied_writes().await;
    let body = json!({ "account": EURO, "issuing_card": card, "nonce": "n-read-only" });

    // Read-only by default: no key, so Stripe's card component cannot show the numbers.
    let chloe = api.token("op_chloe").await;
    let refused: StripeError = expect(
        api.post(&chloe, "/api/ephemeral_keys", body.clone()).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(refused.error.code.as_deref(), Some("permission_denied"));
    assert_eq!(refused.error.param.as_deref(), Some("issuing_card"));
    assert_eq!(api.applied_writes().await, before, "no key was made");

    // The right is its own: Dana may not edit, but may reveal numbers.
    let dana = api.token("op_dana").await;
    let key: EphemeralKeySecret = expect(
        api.post(&dana, "/api/ephemeral_keys", body).await,
        StatusCode::OK,
    )
    .await;
    assert!(key.secret.starts_with("ek_"), "{}", key.secret);
    let me: issuing_model::OperatorProfile =
        expect(api.get(&dana, "/api/me").await, StatusCode::OK).await;
    assert!(me.reveal_card_numbers && !me.can_edit());
}

/// `operator`'s AccountSession for `account`, which the server must grant.
async fn account_session(api: &Api, operator: &str, account: &str) -> ClientSecret {
    expect(
        api.post(
            operator,
            "/api/account_session",
            json!({ "account": account }),
        )
        .await,
        StatusCode::OK,
    )
    .await
}

async fn first_card(api: &Api, token: &str, account: &str) -> String {
    api.cards(token, account, "limit=1").await.data[0]
        .id
        .clone()
}

#[tokio::test]
async fn a_key_for_another_accounts_card_is_refused_and_nothing_is_made() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let euro_card = first_card(&api, &aiko, EURO).await;
    let ben = api.token("op_ben").await;
    let before = api.applied_writes().await;

    // Ben may see the UK account, so he names it; the card is the euro account's.
    let refused: StripeError = expect(
        api.post(
            &ben,
            "/api/ephemeral_keys",
            json!({ "account": UK, "issuing_card": euro_card, "nonce": "n1" }),
        )
        .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(refused.error.code.as_deref(), Some("resource_missing"));
    // Naming the card's own account does not help: he may not see it.
    expect::<StripeError>(
        api.post(
            &ben,
            "/api/ephemeral_keys",
            json!({ "account": EURO, "issuing_card": euro_card, "nonce": "n1" }),
        )
        .await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(api.applied_writes().await, before, "no key was made");
}

#[tokio::test]
async fn no_nonce_no_key_and_a_malformed_card_id_is_named() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let card = first_card(&api, &aiko, EURO).await;
    for body in [
        json!({ "account": EURO, "issuing_card": card }),
        json!({ "account": EURO, "issuing_card": card, "nonce": "" }),
    ] {
        let refused: StripeError = expect(
            api.post(&aiko, "/api/ephemeral_keys", body).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(refused.error.param.as_deref(), Some("nonce"));
    }
    let refused: StripeError = expect(
        api.post(
            &aiko,
            "/api/ephemeral_keys",
            json!({ "account": EURO, "issuing_card": "card_<script>", "nonce": "n" }),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(refused.error.param.as_deref(), Some("issuing_card"));
}

#[tokio::test]
async fn a_key_opens_its_own_card_in_the_sandbox_frame_and_no_other() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let cards = api.cards(&aiko, EURO, "limit=2").await.data;
    let session = account_session(&api, &aiko, EURO).await;
    let key: EphemeralKeySecret = expect(
        api.post(
            &aiko,
            "/api/ephemeral_keys",
            json!({ "account": EURO, "issuing_card": cards[0].id, "nonce": "nonce-1" }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert!(key.secret.starts_with("ek_test_"));
    let frame = |card: &str, nonce: &str| {
        let url = format!(
            "{}/_sandbox/connect/issuing_card?client_secret={}&ephemeral_key={}&card={card}&nonce={nonce}",
            api.server.sandbox_url().unwrap(),
            session.client_secret,
            key.secret
        );
        async move { reqwest::get(url).await.unwrap().text().await.unwrap() }
    };
    let page = frame(&cards[0].id, "nonce-1").await;
    assert!(page.contains("Show numbers"), "{page}");
    // Like Stripe's, the frame speaks the Connect instance's locale.
    let japanese = reqwest::get(format!(
        "{}/_sandbox/connect/issuing_card?client_secret={}&ephemeral_key={}&card={}&nonce=nonce-1&locale=ja",
        api.server.sandbox_url().unwrap(),
        session.client_secret,
        key.secret,
        cards[0].id
    ))
    .await
    .unwrap()
    .text()
    .await
    .unwrap();
    assert!(
        japanese.contains(r#"<html lang="ja">"#) && japanese.contains("番号を表示"),
        "{japanese}"
    );
    for (card, nonce) in [(&cards[1].id, "nonce-1"), (&cards[0].id, "nonce-2")] {
        let page = frame(card, nonce).await;
        assert!(!page.contains("Show numbers"), "{page}");
        assert!(page.contains("was not made for this card"), "{page}");
    }
}

#[tokio::test]
async fn the_sandbox_wants_a_stripe_version_for_ephemeral_keys() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let card = first_card(&api, &aiko, EURO).await;
    let response = reqwest::Client::new()
        .post(format!(
            "{}/v1/ephemeral_keys",
            api.server.sandbox_url().unwrap()
        ))
        .bearer_auth(stripe_sandbox::DEFAULT_SECRET_KEY)
        .header("Stripe-Account", EURO)
        .form(&[("issuing_card", card.as_str()), ("nonce", "n")])
        .send()
        .await
        .unwrap();
    let refused: StripeError = expect(response, StatusCode::BAD_REQUEST).await;
    assert!(refused.error.message.contains("Stripe-Version"));
}

/// The session's features follow the operator's rights (an editor manages cards, spend
/// controls, cardholders and disputes inside Stripe's components; a read-only operator none),
/// and Stripe's own user authentication in the list is off only where the server is set so.
#[tokio::test]
async fn a_sessions_features_follow_the_operators_rights_and_the_servers_setting() {
    for disable in [false, true] {
        let mut config = issuing_server::ServerConfig::local_sandbox(SandboxConfig {
            large_account_cards: 10,
            ..Default::default()
        });
        config.disable_stripe_user_authentication = disable;
        let api = Api::with(config).await;
        for (operator, manage) in [("op_aiko", true), ("op_chloe", false)] {
            let token = api.token(operator).await;
            account_session(&api, &token, UK).await;
            let sent = last_session_request(&api);
            let param = |name: &str| {
                sent.iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.as_str())
            };
            let manage = manage.to_string();
            for component in ["issuing_card", "issuing_cards_list"] {
                for feature in [
                    "card_management",
                    "spend_control_management",
                    "cardholder_management",
                    "card_spend_dispute_management",
                ] {
                    let name = format!("components[{component}][features][{feature}]");
                    assert_eq!(param(&name), Some(manage.as_str()), "{operator}: {name}");
                }
            }
            let disabled = disable.to_string();
            assert_eq!(
                param(
                    "components[issuing_cards_list][features][disable_stripe_user_authentication]"
                ),
                Some(disabled.as_str())
            );
            // Stripe's card component has no such feature.
            assert_eq!(
                param("components[issuing_card][features][disable_stripe_user_authentication]"),
                None
            );
        }
    }
}

/// The params of the last AccountSession the server asked the sandbox for (each request taken
/// is checked against Stripe's types here, as the support's drop does for the rest).
fn last_session_request(api: &Api) -> Vec<(String, String)> {
    let requests = api.server.sandbox().unwrap().take_requests();
    for request in &requests {
        stripe_fidelity::assert_stripe_request(
            &request.method,
            &request.path,
            request.version.as_deref(),
            &request.params,
        );
    }
    requests
        .into_iter()
        .rev()
        .find(|r| r.path == "/v1/account_sessions")
        .expect("an AccountSession was asked for")
        .params
}

/// The stand-in's frames wear the instance's appearance and fonts, dropping what could break
/// out of a CSS value or load from elsewhere; `showObjectIds` shows Stripe's ids; and
/// `logout()` (the POST its hidden frame sends) ends the session: its secret is refused after.
#[tokio::test]
async fn the_stand_in_frames_wear_the_look_they_are_given_and_logout_ends_the_session() {
    let api = Api::start().await;
    let aiko = api.token("op_aiko").await;
    let session = account_session(&api, &aiko, EURO).await;
    let sandbox = api.server.sandbox_url().unwrap();
    let appearance = json!({
        "colorPrimary": "#0a7d5a",
        "fontFamily": "\"Acme Sans\", sans-serif",
        "spacingUnit": "12px",
        "colorText": "red; } body { display: none",
        "colorDanger": "url(https://elsewhere.example/x.png)",
        "notAVariable": "blue",
    });
    let fonts = json!([
        { "cssSrc": "https://fonts.example/acme.css" },
        { "cssSrc": "javascript:alert(1)" },
        { "family": "Acme Mono", "src": "url(https://fonts.example/mono.woff2)", "weight": "600" },
        { "family": "Bad", "src": "url(x); } body { display: none" },
    ]);
    let list = |extra: &[(&str, String)]| {
        let mut query = vec![("client_secret", session.client_secret.clone())];
        query.extend(extra.iter().cloned());
        let url = reqwest::Url::parse_with_params(
            &format!("{sandbox}/_sandbox/connect/issuing_cards_list"),
            &query,
        )
        .unwrap();
        async move { reqwest::get(url).await.unwrap().text().await.unwrap() }
    };
    let page = list(&[
        ("appearance", appearance.to_string()),
        ("fonts", fonts.to_string()),
        ("show_object_ids", "1".into()),
    ])
    .await;
    for wanted in [
        "--primary: #0a7d5a;",
        "--font: \"Acme Sans\", sans-serif;",
        "--space: 12px;",
        r#"<link rel="stylesheet" href="https://fonts.example/acme.css">"#,
        r#"@font-face { font-family: "Acme Mono"; src: url(https://fonts.example/mono.woff2); font-weight: 600; }"#,
        "<th>ID</th>",
        r#"<td class="id">ic_"#,
    ] {
        assert!(page.contains(wanted), "{wanted} in {page}");
    }
    for unwanted in [
        "display: none",
        "elsewhere.example",
        "javascript:",
        "notAVariable",
        "blue",
    ] {
        assert!(!page.contains(unwanted), "{unwanted} left out of {page}");
    }
    let plain = list(&[]).await;
    assert!(!plain.contains("<th>ID</th>") && !plain.contains("fonts.example"));

    // logout(): the frame it opens posts the secret; the session is over.
    let frame = reqwest::get(format!("{sandbox}/_sandbox/connect/logout"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(frame.contains("stripe-sandbox-logout"), "{frame}");
    let ended = reqwest::Client::new()
        .post(format!("{sandbox}/_sandbox/connect/logout"))
        .form(&[("client_secret", &session.client_secret)])
        .send()
        .await
        .unwrap();
    assert_eq!(ended.status(), StatusCode::NO_CONTENT);
    let after = list(&[]).await;
    assert!(
        after.contains("This account session is not valid or has expired."),
        "{after}"
    );
}
