//! Host tokens: a JWT the host's backend signs for its signed-in operator. Every algorithm and
//! key source the server takes is accepted with the operator it names; everything else —
//! expired, not yet valid, too long-lived, wrong audience or issuer, `none`, another algorithm,
//! another key, tampered claims — is refused.

mod support;

use std::path::PathBuf;

use base64::Engine;
use issuing_model::{Account, AccountAccess, List, OperatorProfile, Role, StripeError};
use issuing_server::host_tokens::{HostKeys, HostTokenConfig, HostTokens, Refused};
use issuing_server::{ServerConfig, StripeMode};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::StatusCode;
use serde_json::{json, Value};
use stripe_sandbox::{RunningSandbox, SandboxConfig};
use support::{expect, Api, UK};

const NOW: i64 = 1_796_000_000;
const SECRET: &[u8] = b"a-secret-shared-with-the-host-0123456789";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn config(keys: HostKeys) -> HostTokens {
    HostTokens::load(&HostTokenConfig {
        keys,
        audience: "issuing-admin".into(),
        issuer: Some("https://dashboard.example".into()),
    })
    .unwrap()
}

fn claims() -> Value {
    json!({
        "sub": "u_42", "name": "Aiko Tanaka", "role": "editor",
        "accounts": ["acct_1SbxGBThamesCo"],
        "aud": "issuing-admin", "iss": "https://dashboard.example",
        "iat": NOW - 10, "exp": NOW + 900,
    })
}

fn sign(alg: Algorithm, kid: Option<&str>, key: &EncodingKey, claims: &Value) -> String {
    let mut header = Header::new(alg);
    header.kid = kid.map(str::to_owned);
    jsonwebtoken::encode(&header, claims, key).unwrap()
}

fn pem_key(name: &str, alg: Algorithm) -> EncodingKey {
    let pem = std::fs::read(fixture(name)).unwrap();
    match alg {
        Algorithm::RS256 => EncodingKey::from_rsa_pem(&pem).unwrap(),
        Algorithm::ES256 => EncodingKey::from_ec_pem(&pem).unwrap(),
        _ => EncodingKey::from_ed_pem(&pem).unwrap(),
    }
}

#[test]
fn each_key_source_and_algorithm_names_the_operator() {
    let hs = config(HostKeys::Secret(SECRET.to_vec()));
    let token = sign(
        Algorithm::HS256,
        None,
        &EncodingKey::from_secret(SECRET),
        &claims(),
    );
    let operator = hs.verify(&token, NOW).unwrap();
    assert_eq!(operator.id, "u_42");
    assert_eq!(operator.name, "Aiko Tanaka");
    assert_eq!(operator.role, Role::Editor);
    assert_eq!(
        operator.accounts,
        AccountAccess::Only(vec!["acct_1SbxGBThamesCo".into()])
    );
    assert!(operator.reveal_card_numbers, "editors may, unless told");

    for (public, private, alg) in [
        ("host-rsa.pub.pem", "host-rsa.key.pem", Algorithm::RS256),
        ("host-p256.pub.pem", "host-p256.key.pem", Algorithm::ES256),
        (
            "host-ed25519.pub.pem",
            "host-ed25519.key.pem",
            Algorithm::EdDSA,
        ),
    ] {
        let verifier = config(HostKeys::Pem(fixture(public)));
        let mut all = claims();
        all["accounts"] = json!("*");
        all["role"] = json!("read_only");
        let token = sign(alg, None, &pem_key(private, alg), &all);
        let operator = verifier
            .verify(&token, NOW)
            .unwrap_or_else(|e| panic!("{alg:?}: {e}"));
        assert_eq!(operator.accounts, AccountAccess::All);
        assert!(!operator.reveal_card_numbers);
    }

    let jwks = config(HostKeys::Jwks(fixture("host.jwks.json")));
    for (kid, private, alg) in [
        ("rsa-1", "host-rsa.key.pem", Algorithm::RS256),
        ("p256-1", "host-p256.key.pem", Algorithm::ES256),
    ] {
        let token = sign(alg, Some(kid), &pem_key(private, alg), &claims());
        assert!(jwks.verify(&token, NOW).is_ok(), "{kid}");
    }
}

/// `token` with its payload replaced by `claims` (the signature left as it was).
fn with_payload(token: &str, claims: &Value) -> String {
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    parts[1] = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(serde_json::to_vec(claims).unwrap());
    parts.join(".")
}

#[test]
fn every_other_token_is_refused() {
    let rsa = config(HostKeys::Pem(fixture("host-rsa.pub.pem")));
    let key = pem_key("host-rsa.key.pem", Algorithm::RS256);
    let rs = |claims: &Value| sign(Algorithm::RS256, None, &key, claims);
    let changed = |field: &str, value: Value| {
        let mut c = claims();
        if value.is_null() {
            c.as_object_mut().unwrap().remove(field);
        } else {
            c[field] = value;
        }
        c
    };
    let good = rs(&claims());
    assert!(rsa.verify(&good, NOW).is_ok());

    let public_pem = std::fs::read(fixture("host-rsa.pub.pem")).unwrap();
    let b64 = |v: &Value| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(serde_json::to_vec(v).unwrap())
    };
    let cases: Vec<(&str, String)> = vec![
        ("expired", rs(&changed("exp", json!(NOW - 120)))),
        ("not yet valid", rs(&changed("nbf", json!(NOW + 600)))),
        ("issued in the future", {
            let mut c = claims();
            c["iat"] = json!(NOW + 600);
            c["exp"] = json!(NOW + 900);
            rs(&c)
        }),
        (
            "lives more than an hour",
            rs(&changed("exp", json!(NOW + 7200))),
        ),
        ("no exp", rs(&changed("exp", Value::Null))),
        ("no iat", rs(&changed("iat", Value::Null))),
        ("wrong audience", rs(&changed("aud", json!("another-app")))),
        ("no audience", rs(&changed("aud", Value::Null))),
        (
            "wrong issuer",
            rs(&changed("iss", json!("https://evil.example"))),
        ),
        (
            "accounts neither * nor ids",
            rs(&changed("accounts", json!("all"))),
        ),
        (
            "an account id that is not one",
            rs(&changed("accounts", json!(["acct_../x"]))),
        ),
        ("an unknown role", rs(&changed("role", json!("admin")))),
        (
            "alg none",
            format!(
                "{}.{}.",
                b64(&json!({"alg": "none", "typ": "JWT"})),
                b64(&claims())
            ),
        ),
        (
            "HS256 signed with the RSA public key as the secret",
            sign(
                Algorithm::HS256,
                None,
                &EncodingKey::from_secret(&public_pem),
                &claims(),
            ),
        ),
        (
            "another key",
            sign(
                Algorithm::RS256,
                None,
                &pem_key("other-rsa.key.pem", Algorithm::RS256),
                &claims(),
            ),
        ),
        (
            "tampered claims (read-only made editor of every account)",
            with_payload(&good, &{
                let mut c = claims();
                c["accounts"] = json!("*");
                c
            }),
        ),
        ("not a JWT at all", "a.b.c".into()),
    ];
    for (what, token) in &cases {
        match rsa.verify(token, NOW) {
            Ok(operator) => panic!("{what} was accepted as {operator:?}"),
            Err(why) => println!("{what}: {why}"),
        }
    }
    assert_eq!(
        rsa.verify(&rs(&changed("exp", json!(NOW + 7200))), NOW),
        Err(Refused::TooLong(7210))
    );

    // A key set: a token naming no key, or one the set lacks, is refused.
    let jwks = config(HostKeys::Jwks(fixture("host.jwks.json")));
    assert_eq!(jwks.verify(&good, NOW), Err(Refused::UnknownKey));
    let unknown_kid = sign(Algorithm::RS256, Some("rsa-9"), &key, &claims());
    assert_eq!(jwks.verify(&unknown_kid, NOW), Err(Refused::UnknownKey));
    // The P-256 key's kid on an RSA signature: the key's algorithm decides.
    let confused = sign(Algorithm::RS256, Some("p256-1"), &key, &claims());
    assert!(jwks.verify(&confused, NOW).is_err());
}

#[test]
fn a_short_secret_or_a_file_without_keys_refuses_to_load() {
    assert!(HostTokens::load(&HostTokenConfig {
        keys: HostKeys::Secret(b"short".to_vec()),
        audience: "issuing-admin".into(),
        issuer: None,
    })
    .is_err());
    assert!(HostTokens::load(&HostTokenConfig {
        keys: HostKeys::Pem(fixture("README.md")),
        audience: "issuing-admin".into(),
        issuer: None,
    })
    .is_err());
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

#[tokio::test]
async fn a_live_server_takes_the_hosts_tokens_as_its_operators() {
    let stripe = RunningSandbox::start(SandboxConfig::default(), ([127, 0, 0, 1], 0).into())
        .await
        .unwrap();
    let mut config = ServerConfig::local_sandbox(SandboxConfig::default());
    config.stripe = StripeMode::Live {
        api_base: stripe.url(),
        secret_key: stripe_sandbox::DEFAULT_SECRET_KEY.into(),
        publishable_key: stripe_sandbox::DEFAULT_PUBLISHABLE_KEY.into(),
    };
    // No operators file: the host's sign-in is the only way in.
    config.host_tokens = Some(HostTokenConfig {
        keys: HostKeys::Secret(SECRET.to_vec()),
        audience: "issuing-admin".into(),
        issuer: None,
    });
    let api = Api::with(config).await;
    let now = unix_now();
    let token = |claims: &Value| {
        sign(
            Algorithm::HS256,
            None,
            &EncodingKey::from_secret(SECRET),
            claims,
        )
    };
    let mut ben = claims();
    ben.as_object_mut().unwrap().remove("iss");
    ben["iat"] = json!(now);
    ben["exp"] = json!(now + 600);

    let me: OperatorProfile = expect(api.get(&token(&ben), "/api/me").await, StatusCode::OK).await;
    assert_eq!((me.id.as_str(), me.name.as_str()), ("u_42", "Aiko Tanaka"));
    let accounts: List<Account> =
        expect(api.get(&token(&ben), "/api/accounts").await, StatusCode::OK).await;
    assert!(
        accounts.data.iter().all(|a| a.id == UK),
        "only the token's accounts"
    );

    // Refused tokens are a 401 in Stripe's shape: the panel asks the host for another.
    let mut expired = ben.clone();
    expired["iat"] = json!(now - 7200);
    expired["exp"] = json!(now - 3600);
    for refused in [
        token(&expired),
        with_payload(&token(&ben), &{
            let mut all = ben.clone();
            all["accounts"] = json!("*");
            all
        }),
    ] {
        let error: StripeError =
            expect(api.get(&refused, "/api/me").await, StatusCode::UNAUTHORIZED).await;
        assert_eq!(error.error.code.as_deref(), Some("authentication_required"));
    }

    // A read-only operator of the host may look, not change.
    let mut reader = ben.clone();
    reader["role"] = json!("read_only");
    let card = api
        .cards(&token(&reader), UK, "limit=1")
        .await
        .data
        .remove(0);
    let error: StripeError = expect(
        api.post(
            &token(&reader),
            &format!("/api/accounts/{UK}/cards/{}", card.id),
            json!({ "status": "inactive" }),
        )
        .await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(error.error.code.as_deref(), Some("permission_denied"));
}

#[tokio::test]
async fn the_sandbox_mints_host_tokens_for_the_embedding_example() {
    let api = Api::start().await;
    let minted: issuing_model::api::SignedIn = expect(
        api.http
            .post(api.url("/api/sandbox/host_token"))
            .json(&json!({ "operator": "op_ben" }))
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    assert!(HostTokens::looks_like_one(&minted.token), "a signed token");
    let me: OperatorProfile = expect(api.get(&minted.token, "/api/me").await, StatusCode::OK).await;
    assert_eq!(me.id, "op_ben");
    // Its claims cannot be changed: op_ben stays limited to his account.
    let forged = with_payload(
        &minted.token,
        &json!({
            "sub": "op_ben", "name": "Ben", "role": "editor", "accounts": "*",
            "aud": "issuing-admin", "iat": unix_now(), "exp": unix_now() + 600,
        }),
    );
    let _: StripeError = expect(api.get(&forged, "/api/me").await, StatusCode::UNAUTHORIZED).await;
}
