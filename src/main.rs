//! Entry point of the bundle Trunk builds: the panel as the whole page, or (in a host page)
//! `<issuing-admin>` and `mount` for the host to use.

fn main() {
    issuing_admin::start();
}
