//! Entry point for `trunk serve` / `trunk build`: the panel as the whole page.

fn main() {
    issuing_admin::start_standalone();
}
