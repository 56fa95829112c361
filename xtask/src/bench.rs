//! `cargo xtask bench`: benchmarks that print figures (nothing here asserts a timing).

use std::process::Command;

use crate::process::run_checked;

pub fn run() -> Result<(), String> {
    run_checked(
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .current_dir(crate::root())
            .args([
                "bench",
                "--package",
                "issuing-server",
                "--bench",
                "card_list",
            ]),
    )
}
