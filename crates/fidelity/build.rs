//! Stripe's types live in `../shared` beside the checkout, which a user's clone does not have:
//! then this crate's own tests are compiled as ignored, with the reason, so the run names them.
//! (The checks other crates' tests call pass quietly instead: they have nothing to check against.)

use std::path::Path;

const SHAPES: &str = "../../../shared/stripe-shapes/json";

fn main() {
    println!("cargo::rustc-check-cfg=cfg(no_stripe_shapes)");
    println!("cargo::rerun-if-changed=build.rs");
    // Set by `cargo xtask` (present / absent), so shapes that come or go rerun this script.
    println!("cargo::rerun-if-env-changed=IA_STRIPE_SHAPES");
    if Path::new(SHAPES).is_dir() {
        println!("cargo::rerun-if-changed={SHAPES}");
    } else {
        println!("cargo::rustc-cfg=no_stripe_shapes");
    }
}
