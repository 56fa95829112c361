//! `cargo xtask bench`: benchmarks that print figures (nothing here asserts a timing).

use crate::process::{cargo, run_checked};

pub fn run() -> Result<(), String> {
    run_checked(cargo().current_dir(crate::root()).args([
        "bench",
        "--package",
        "issuing-server",
        "--bench",
        "card_list",
    ]))
}
