//! What the server refuses to start with: the sandbox is chosen by name, never a fallback, and
//! never reachable beyond loopback or given real operators.

use std::process::Command;

use issuing_server::{RunningServer, ServerConfig};
use stripe_sandbox::SandboxConfig;

/// The binary with only `env`'s Stripe keys in its environment and a database under target/.
fn server(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let db = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("startup-{}.sqlite3", std::process::id()));
    Command::new(env!("CARGO_BIN_EXE_issuing-server"))
        .args(args)
        .args(["--port", "0", "--max-lifetime-secs", "1"])
        .env_remove("STRIPE_SECRET_KEY")
        .env_remove("STRIPE_PUBLISHABLE_KEY")
        .env_remove("IA_OPERATORS_FILE")
        .env_remove("IA_HOST")
        .envs(env.iter().copied())
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .output()
        .expect("the server binary runs")
}

#[test]
fn with_neither_keys_nor_sandbox_the_server_refuses_to_start_and_says_why() {
    let out = server(&[], &[]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("no Stripe keys") && said.contains("--sandbox"),
        "{said}"
    );
}

#[test]
fn a_misspelt_key_is_not_quietly_the_sandbox() {
    let out = server(&[], &[("STRIPE_SECRET_KY", "sk_test_typo")]);
    assert!(!out.status.success());
}

#[test]
fn sandbox_with_keys_is_refused() {
    let out = server(
        &["--sandbox"],
        &[
            ("STRIPE_SECRET_KEY", "sk_test_1"),
            ("STRIPE_PUBLISHABLE_KEY", "pk_test_1"),
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--sandbox and Stripe keys"));
}

#[test]
fn sandbox_mode_starts_when_asked_for() {
    let out = server(&["--sandbox"], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("sandbox mode"));
}

#[tokio::test]
async fn sandbox_mode_never_takes_real_operators() {
    let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("startup-operators.json");
    std::fs::write(
        &file,
        r#"[{"id":"op_real","name":"Real","role":"editor","accounts":{"kind":"all"},"token":"a_real_operators_token_0123456789"}]"#,
    )
    .unwrap();
    let mut config = ServerConfig::local_sandbox(SandboxConfig::default());
    config.operators_file = Some(file);
    let err = RunningServer::start(config).await.err().expect("refused");
    assert!(err.to_string().contains("IA_OPERATORS_FILE"), "{err}");
}

#[tokio::test]
async fn sandbox_mode_listens_on_loopback_only() {
    let mut config = ServerConfig::local_sandbox(SandboxConfig::default());
    config.listen = ([0, 0, 0, 0], 0).into();
    let err = RunningServer::start(config).await.err().expect("refused");
    assert!(err.to_string().contains("loopback"), "{err}");
}
