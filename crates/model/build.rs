//! Stripe's own fixtures live in `../shared` beside the checkout, which a user's clone does not
//! have: then the tests that need them are compiled as ignored, with the reason, so the test
//! run counts and names them instead of passing them silently.

use std::path::Path;

const FIXTURES: &str = "../../../shared/stripe-fixtures";

fn main() {
    println!("cargo::rustc-check-cfg=cfg(no_stripe_fixtures)");
    println!("cargo::rerun-if-changed=build.rs");
    // Set by `cargo xtask` (present / absent): a change reruns this script, so fixtures that
    // appear are picked up too.
    println!("cargo::rerun-if-env-changed=IA_STRIPE_FIXTURES");
    if Path::new(FIXTURES).is_dir() {
        // Seen again if they change or go. (Watching the folder above the checkout instead
        // would scan the whole of it, `target/` included, and rebuild on every build. Outside
        // xtask, fixtures that appear later need `cargo clean -p issuing-model`.)
        println!("cargo::rerun-if-changed={FIXTURES}");
    } else {
        println!("cargo::rustc-cfg=no_stripe_fixtures");
    }
}
