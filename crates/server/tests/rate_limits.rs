//! Over the limit, sign-in, keys and writes are Stripe's 429 with `Retry-After`, nothing is
//! done, and after that time the same request goes through.

mod support;

use issuing_model::StripeError;
use issuing_server::rate_limits::{Quota, RateLimits};
use issuing_server::ServerConfig;
use reqwest::StatusCode;
use serde_json::json;
use stripe_sandbox::SandboxConfig;
use support::{expect, Api, UK};

async fn limited(burst: u32) -> Api {
    limited_to(burst, 60).await
}

async fn limited_to(burst: u32, per_minute: u32) -> Api {
    let mut config = ServerConfig::local_sandbox(SandboxConfig {
        large_account_cards: 10,
        ..Default::default()
    });
    let quota = Quota { burst, per_minute };
    config.rate_limits = RateLimits {
        sensitive: quota,
        writes: quota,
    };
    Api::with(config).await
}

/// Ben's sign-in, answered whatever the answer.
async fn ben_signs_in(api: &Api) -> reqwest::Response {
    api.http
        .post(api.url("/api/sign_in"))
        .json(&json!({ "operator": "op_ben" }))
        .send()
        .await
        .unwrap()
}

/// The 429's wait, checked to be Stripe's shape.
async fn refused(answer: reqwest::Response) -> u64 {
    let wait: u64 = answer.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let error: StripeError = expect(answer, StatusCode::TOO_MANY_REQUESTS).await;
    assert_eq!(error.error.code.as_deref(), Some("rate_limit"));
    assert!((1..=60).contains(&wait));
    wait
}

#[tokio::test]
async fn sign_in_past_the_limit_is_a_429_with_retry_after() {
    let api = limited(3).await;
    for _ in 0..3 {
        api.token("op_ben").await;
    }
    let wait = refused(ben_signs_in(&api).await).await;
    tokio::time::sleep(std::time::Duration::from_secs(wait)).await;
    api.token("op_ben").await;
}

/// One sign-in every three seconds: the wait said is the whole of it, not the seconds rounded
/// down, so the request sent again after it goes through.
#[tokio::test]
async fn the_wait_said_is_long_enough_when_requests_come_back_slowly() {
    let api = limited_to(1, 20).await;
    api.token("op_ben").await;
    let wait = refused(ben_signs_in(&api).await).await;
    assert_eq!(wait, 3);
    tokio::time::sleep(std::time::Duration::from_secs(wait)).await;
    assert_eq!(ben_signs_in(&api).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn writes_past_the_limit_change_nothing_until_retry_after() {
    let api = limited(4).await;
    let ben = api.token("op_ben").await;
    let card = api
        .cards(&ben, UK, "status=active&limit=1")
        .await
        .data
        .remove(0);
    let path = format!("/api/accounts/{UK}/cards/{}", card.id);
    for status in ["inactive", "active", "inactive", "active"] {
        let answer = api.post(&ben, &path, json!({ "status": status })).await;
        assert_eq!(answer.status(), StatusCode::OK);
    }
    let before = api.applied_writes().await;
    let wait = refused(api.post(&ben, &path, json!({ "status": "inactive" })).await).await;
    assert_eq!(api.applied_writes().await, before, "nothing applied");
    // Reading is not limited.
    assert_eq!(api.get(&ben, &path).await.status(), StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_secs(wait)).await;
    let answer = api.post(&ben, &path, json!({ "status": "inactive" })).await;
    assert_eq!(answer.status(), StatusCode::OK);
}
