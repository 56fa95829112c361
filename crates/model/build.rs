//! Stripe's own fixtures live in `../shared` beside the checkout, which a user's clone does not
//! have: then the tests that need them are compiled as ignored, with the reason, so the test
//! run counts and names them instead of passing them silently.

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(no_stripe_fixtures)");
    // The folder holding the checkout changes when `shared/` appears or goes.
    println!("cargo::rerun-if-changed=../../..");
    if !Path::new("../../../shared/stripe-fixtures").is_dir() {
        println!("cargo::rustc-cfg=no_stripe_fixtures");
    }
}
