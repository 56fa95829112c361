//! `cargo xtask dev`: the platform server (sandbox unless keys are set) and `trunk serve`
//! proxying `/api` to it. Ctrl-C stops both.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::process::{cargo, run_checked, wait_for_port, wait_for_port_saying, Children};

#[derive(clap::Args)]
pub struct Options {
    /// The panel's port (`trunk serve`).
    #[arg(long, env = "IA_PORT", default_value_t = 8080)]
    port: u16,
    /// The platform server's port; trunk proxies `/api` to it.
    #[arg(long, env = "IA_API_PORT", default_value_t = 8787)]
    api_port: u16,
}

/// Refuses a port something else already listens on, before anything is started: checking
/// after the start would find the other process answering there and carry on.
fn ensure_free(port: u16, what: &str, flag: &str, env: &str) -> Result<(), String> {
    std::net::TcpListener::bind(("127.0.0.1", port))
        .map(drop)
        .map_err(|e| {
            format!(
                "port {port} on 127.0.0.1 is already in use ({e}), so the {what} cannot start.\n       \
                 Stop whatever listens there, or choose another port: {flag} N (or {env}=N)."
            )
        })
}

pub fn run(options: Options) -> Result<(), String> {
    ensure_free(
        options.api_port,
        "platform server",
        "--api-port",
        "IA_API_PORT",
    )?;
    ensure_free(options.port, "panel (trunk serve)", "--port", "IA_PORT")?;
    crate::setup::run()?;
    let root = crate::root();
    let children = Children::default();
    children.kill_on_signal()?;
    // Whatever ends the run, an error on the way included, stops everything it started (the
    // Ctrl-C handler holds a handle too, so dropping ours alone would leave them running).
    let result = serve(&options, &root, &children);
    children.kill_all();
    result
}

fn serve(options: &Options, root: &Path, children: &Children) -> Result<(), String> {
    let root = root.to_path_buf();

    println!("\n==> building the platform server");
    run_checked(cargo().current_dir(&root).args([
        "build",
        "--quiet",
        "--package",
        "issuing-server",
    ]))?;
    let live = std::env::var("STRIPE_SECRET_KEY").is_ok_and(|k| !k.is_empty());
    println!(
        "==> starting the platform server on 127.0.0.1:{} ({})",
        options.api_port,
        if live {
            "live mode: real Stripe"
        } else {
            "sandbox mode: local Stripe"
        }
    );
    // Its records (events, tokens, the audit trail) persist between runs, unless
    // DATABASE_URL says where else to keep them.
    let mut server = Command::new(crate::cargo_target().join("debug/issuing-server"));
    server.args(["--port", &options.api_port.to_string()]);
    if !live {
        // The server never picks the sandbox by itself: dev asks for it by name.
        server.arg("--sandbox");
    }
    if std::env::var_os("DATABASE_URL").is_none() {
        let dir = crate::cargo_target().join("dev");
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        server.env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.join("issuing-admin.sqlite3").display()),
        );
    }
    children.spawn("issuing-server", &mut server)?;
    wait_for_port(options.api_port, 60, children)?;

    println!("==> starting trunk serve on 127.0.0.1:{}", options.port);
    let mut trunk = Command::new("trunk");
    trunk
        .current_dir(&root)
        .env("PATH", crate::setup::path_with_tools())
        // Trunk reads this as its own `--no-color` flag, which takes `true`.
        .env("NO_COLOR", "true")
        .args(["serve", "--offline", "--port", &options.port.to_string()])
        // Its own folder: the debug build (with Trunk's reload script) never lands in `dist/`,
        // where the release build the server and the end-to-end tests serve lives.
        .arg("--dist")
        .arg(crate::cargo_target().join("dev/dist"))
        // `/api` goes to the server on whichever port it was given.
        .arg("--proxy-backend")
        .arg(format!("http://127.0.0.1:{}/api/", options.api_port));
    children.spawn_filtered("trunk serve", &mut trunk, trunk_line_is_noise)?;
    println!(
        "==> building the panel (Rust to WebAssembly). The first build compiles every crate \
         and takes two to three minutes on two cores; later rebuilds take seconds."
    );
    // The first build of the panel takes a while; trunk listens once it is done.
    let started = std::time::Instant::now();
    wait_for_port_saying(options.port, 900, children, |waited| {
        println!("    … still building the panel ({} s)", waited.as_secs());
    })?;
    println!(
        "\n    Panel ready after {} s:  http://127.0.0.1:{}/\n    API:    http://127.0.0.1:{}/api\n\n    Ctrl-C stops both.\n",
        started.elapsed().as_secs(),
        options.port,
        options.api_port
    );
    loop {
        if let Some((name, status)) = children.exited() {
            children.kill_all();
            return Err(format!("{name} stopped ({status}); stopped the rest too"));
        }
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// Trunk's lines that only repeat what xtask says once, plainly: the addresses it serves on
/// (including host names like `http://vm.:8080` that lead nowhere useful).
fn trunk_line_is_noise(line: &str) -> bool {
    line.contains("http://")
        || line.contains("https://")
        || line.contains("serving static assets")
        || line.contains("server listening at")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_port_is_refused_with_its_number_and_how_to_choose_another() {
        let taken = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = taken.local_addr().unwrap().port();
        let error = ensure_free(port, "platform server", "--api-port", "IA_API_PORT").unwrap_err();
        assert!(error.contains(&format!("port {port}")), "{error}");
        assert!(
            error.contains("--api-port N") && error.contains("IA_API_PORT=N"),
            "{error}"
        );
        drop(taken);
        // A free port passes. Another process may take a just-freed port in between, so a few
        // fresh ones are tried; one is enough.
        let accepted = (0..5).any(|_| {
            let port = std::net::TcpListener::bind(("127.0.0.1", 0))
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            ensure_free(port, "platform server", "--api-port", "IA_API_PORT").is_ok()
        });
        assert!(accepted, "free ports are refused too");
    }

    #[test]
    fn only_trunks_address_lines_are_dropped() {
        assert!(trunk_line_is_noise("INFO 🏠 http://vm.:8080/"));
        assert!(trunk_line_is_noise("INFO    serving static assets at -> /"));
        assert!(trunk_line_is_noise("INFO 📡 server listening at:"));
        assert!(!trunk_line_is_noise(
            "ERROR ❌ error[E0308]: mismatched types"
        ));
        assert!(!trunk_line_is_noise("INFO ✅ success"));
    }
}
