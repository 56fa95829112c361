//! `cargo xtask bench`: benchmarks that print figures (nothing here asserts a timing).

use crate::process::{cargo, run_checked, Children};

pub fn run() -> Result<(), String> {
    let root = crate::root();
    for (package, bench) in [("issuing-server", "card_list"), ("issuing-model", "decide")] {
        run_checked(cargo().current_dir(&root).args([
            "bench",
            "--package",
            package,
            "--bench",
            bench,
        ]))?;
    }
    // Storage on SQLite, and on a throwaway PostgreSQL (stopped when this is done).
    let children = Children::default();
    let postgres = crate::postgres::start(&crate::cargo_target(), &children)?;
    run_checked(
        cargo()
            .current_dir(&root)
            .args(["bench", "--package", "issuing-server", "--bench", "storage"])
            .env("IA_TEST_POSTGRES_URL", postgres),
    )?;
    children.kill_all();
    // The card page in Chromium needs the release build of the panel and the browser tools.
    crate::setup::run()?;
    crate::dist::build(&root)?;
    let floor = crate::bench_floor::build(&root)?;
    // Under load, and the first load's bytes (of the release build just made).
    run_checked(cargo().current_dir(&root).args([
        "bench",
        "--package",
        "issuing-server",
        "--bench",
        "load",
    ]))?;
    // The panel beside the vanilla-JS card list (bench/vanilla) and the bare Leptos one
    // (bench/leptos-floor), then the card page.
    run_checked(
        cargo()
            .current_dir(&root)
            .args(["bench", "--package", "e2e", "--bench", "browser"])
            .env("IA_DIST", root.join("dist"))
            .env("IA_LEPTOS_FLOOR", floor)
            .env("CHROMEDRIVER", crate::test::chromedriver())
            .env_remove("STRIPE_SECRET_KEY")
            .env_remove("STRIPE_PUBLISHABLE_KEY"),
    )?;
    run_checked(
        cargo()
            .current_dir(&root)
            .args(["bench", "--package", "e2e", "--bench", "card_page"])
            .env("IA_DIST", root.join("dist"))
            .env("CHROMEDRIVER", crate::test::chromedriver())
            .env_remove("STRIPE_SECRET_KEY")
            .env_remove("STRIPE_PUBLISHABLE_KEY"),
    )
}
