//! `cargo xtask bench`: benchmarks that print figures (nothing here asserts a timing).

use crate::process::{cargo, run_checked};

pub fn run() -> Result<(), String> {
    for (package, bench) in [("issuing-server", "card_list"), ("issuing-model", "decide")] {
        run_checked(cargo().current_dir(crate::root()).args([
            "bench",
            "--package",
            package,
            "--bench",
            bench,
        ]))?;
    }
    Ok(())
}
