//! `cargo xtask test`: native tests, then wasm-bindgen tests in headless Chromium against a real
//! server and sandbox, then end-to-end tests in Chromium against a release build.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::process::{cargo, run_checked, wait_for_port, Children};
use crate::tally::{run_counting, Tally};

/// Port of the server the wasm tests call; compiled into them as `IA_TEST_API_BASE`.
const WASM_TEST_API_PORT: u16 = 48787;
/// Every test server stops by itself after this, even if xtask is killed.
const TEST_SERVER_LIFETIME_SECS: &str = "2400";

#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
enum Stage {
    Lint,
    Native,
    Wasm,
    E2e,
}

#[derive(clap::Args)]
pub struct Options {
    /// Run only this stage (repeatable); all four by default.
    #[arg(long = "stage", value_enum)]
    stages: Vec<Stage>,
    /// Port of the server the wasm tests call.
    #[arg(long, env = "IA_TEST_API_PORT", default_value_t = WASM_TEST_API_PORT)]
    wasm_api_port: u16,
}

pub fn run(options: Options) -> Result<(), String> {
    crate::setup::run()?;
    let root = crate::root();
    let children = Children::default();
    children.kill_on_signal()?;
    let mut total = Tally::default();
    let mut summary = Vec::new();
    let stages = match options.stages.as_slice() {
        [] => &[Stage::Lint, Stage::Native, Stage::Wasm, Stage::E2e][..],
        chosen => chosen,
    };
    for stage in stages {
        let started = Instant::now();
        println!("\n==> test stage: {stage:?}");
        let tally = match stage {
            Stage::Lint => Ok(lint(&root)),
            Stage::Native => native(&root, &children),
            Stage::Wasm => wasm(&root, options.wasm_api_port, &children),
            Stage::E2e => e2e(&root),
        }
        .unwrap_or_else(|e| {
            println!("  !! {e}");
            Tally {
                failed: 1,
                ..Tally::default()
            }
        });
        children.kill_all();
        summary.push(format!(
            "stage {:<6} {} passed, {} failed, {} ignored ({:.0} s)",
            format!("{stage:?}").to_lowercase(),
            tally.passed,
            tally.failed,
            tally.ignored,
            started.elapsed().as_secs_f64()
        ));
        total.add(tally);
    }
    println!();
    for line in &summary {
        println!("{line}");
    }
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed > 0 {
        Err(format!("{} test(s) failed", total.failed))
    } else {
        Ok(())
    }
}

/// Formatting and both clippies (native crates, and the panel for wasm), warnings as errors:
/// each check counts as one test, so CI keeps them clean.
fn lint(root: &Path) -> Tally {
    let checks: [&[&str]; 3] = [
        &["fmt", "--all", "--check"],
        &[
            "clippy",
            "--workspace",
            "--exclude",
            "issuing-admin",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &[
            "clippy",
            "-p",
            "issuing-admin",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    ];
    let mut tally = Tally::default();
    for args in checks {
        match run_checked(cargo().current_dir(root).args(args)) {
            Ok(()) => tally.passed += 1,
            Err(e) => {
                println!("  !! {e}");
                tally.failed += 1;
            }
        }
    }
    tally
}

fn native(root: &Path, children: &Children) -> Result<Tally, String> {
    // Stripe's fixtures come from ../shared, which a user's clone does not have: their tests
    // are then ignored (named at the end of the stage), and our own samples prove the contract.
    if !root.join("../shared/stripe-fixtures").is_dir() {
        println!(
            "  no ../shared/stripe-fixtures beside this checkout: the Stripe-fixture contract \
             tests are ignored; crates/model/tests/samples_contract.rs proves the same contract"
        );
    }
    // The server's storage tests run on SQLite and on this PostgreSQL.
    let postgres = crate::postgres::start(&crate::cargo_target(), children)?;
    // The panel's tests need a browser: they run in the wasm stage.
    // --no-fail-fast: a failing suite must not hide the results of the ones after it.
    run_counting(
        cargo()
            .current_dir(root)
            .args([
                "test",
                "--no-fail-fast",
                "--workspace",
                "--exclude",
                "issuing-admin",
                "--exclude",
                "e2e",
            ])
            .env("IA_TEST_POSTGRES_URL", postgres),
    )
}

fn wasm(root: &Path, api_port: u16, children: &Children) -> Result<Tally, String> {
    run_checked(cargo().current_dir(root).args([
        "build",
        "--quiet",
        "--package",
        "issuing-server",
    ]))?;
    let server = crate::cargo_target().join("debug/issuing-server");
    let tmp = scratch(root, "wasm")?;
    children.spawn(
        "issuing-server (for wasm tests)",
        Command::new(server)
            .args([
                "--sandbox",
                "--port",
                &api_port.to_string(),
                "--allow-origin",
                "loopback",
            ])
            .args(["--max-lifetime-secs", TEST_SERVER_LIFETIME_SECS])
            .env(
                "DATABASE_URL",
                format!("sqlite://{}", tmp.join("issuing-admin.sqlite3").display()),
            )
            .env_remove("STRIPE_SECRET_KEY")
            .env_remove("STRIPE_PUBLISHABLE_KEY"),
    )?;
    wait_for_port(api_port, 60, children)?;
    let tally = run_counting(
        cargo()
            .current_dir(root)
            .args([
                "test",
                "--no-fail-fast",
                "--package",
                "issuing-admin",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("IA_TEST_API_BASE", format!("http://127.0.0.1:{api_port}"))
            .env("CHROMEDRIVER", chromedriver())
            .env(
                "WASM_BINDGEN_TEST_TIMEOUT",
                std::env::var("WASM_BINDGEN_TEST_TIMEOUT").unwrap_or_else(|_| "300".into()),
            )
            .env("TMPDIR", &tmp),
    );
    let _ = std::fs::remove_dir_all(&tmp);
    tally
}

/// An empty `target/tmp/<stage>` for the stage's `TMPDIR`: Chromium leaves a profile of
/// about 130 MB in it per browser session (chromedriver is stopped, not asked to clean up),
/// and the stage removes it when done.
fn scratch(root: &Path, stage: &str) -> Result<std::path::PathBuf, String> {
    let dir = root.join("target/tmp").join(stage);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

fn e2e(root: &Path) -> Result<Tally, String> {
    crate::dist::build(root)?;
    // The byte budget of the release build, counted as one check of the stage.
    let mut budget = Tally::default();
    match crate::budget::check(&root.join("dist")) {
        Ok(total) => {
            println!(
                "  ok  first load {total} bytes (budget {})",
                crate::budget::FIRST_LOAD_BUDGET
            );
            budget.passed += 1;
        }
        Err(e) => {
            println!("  !! {e}");
            budget.failed += 1;
        }
    }
    let tmp = scratch(root, "e2e")?;
    let tally = run_counting(
        cargo()
            .current_dir(root)
            .args([
                "test",
                "--no-fail-fast",
                "--package",
                "e2e",
                "--",
                "--test-threads=1",
            ])
            .env("IA_DIST", root.join("dist"))
            .env("IA_AXE", crate::setup::axe_script())
            .env("CHROMEDRIVER", chromedriver())
            .env("TMPDIR", &tmp)
            .env_remove("STRIPE_SECRET_KEY")
            .env_remove("STRIPE_PUBLISHABLE_KEY"),
    );
    let _ = std::fs::remove_dir_all(&tmp);
    let mut tally = tally?;
    tally.add(budget);
    Ok(tally)
}

pub fn chromedriver() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
}
