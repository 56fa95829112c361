//! `cargo xtask dev`: the platform server (sandbox unless keys are set) and `trunk serve`
//! proxying `/api` to it. Ctrl-C stops both.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::process::{run_checked, wait_for_port, Children};

/// The server port `Trunk.toml`'s `[[proxy]]` points at.
const DEFAULT_API_PORT: u16 = 8787;
const DEFAULT_PORT: u16 = 8080;

pub struct Options {
    port: u16,
    api_port: u16,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Self, String> {
        for pair in args.chunks(2) {
            if !matches!(pair[0].as_str(), "--port" | "--api-port") {
                return Err(format!("unknown option `{}` for dev", pair[0]));
            }
        }
        Ok(Self {
            port: crate::port_option(args, "--port", "IA_PORT", DEFAULT_PORT)?,
            api_port: crate::port_option(args, "--api-port", "IA_API_PORT", DEFAULT_API_PORT)?,
        })
    }
}

pub fn run(options: Options) -> Result<(), String> {
    crate::setup::run()?;
    let root = crate::root();
    let children = Children::default();
    children.kill_on_signal()?;

    println!("\n==> building the platform server");
    run_checked(
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .current_dir(&root)
            .args(["build", "--quiet", "--package", "issuing-server"]),
    )?;
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
    children.spawn(
        "issuing-server",
        Command::new(root.join("target/debug/issuing-server"))
            .args(["--port", &options.api_port.to_string()]),
    )?;
    wait_for_port(options.api_port, 60, &children)?;

    println!("==> starting trunk serve on 127.0.0.1:{}", options.port);
    let mut trunk = Command::new("trunk");
    trunk
        .current_dir(&root)
        .env("PATH", crate::setup::path_with_tools())
        .args(["serve", "--offline", "--port", &options.port.to_string()]);
    if options.api_port != DEFAULT_API_PORT {
        // Trunk.toml's [[proxy]] targets the default port, and Trunk would add a second proxy
        // for the same path: point a copy of the config at the chosen port instead.
        let config = proxied_config(&root, options.api_port)?;
        trunk.arg("--config").arg(config);
    }
    children.spawn("trunk serve", &mut trunk)?;
    // The first build of the panel takes a while; trunk listens once it is done.
    wait_for_port(options.port, 900, &children)?;
    println!(
        "\n    Panel:  http://127.0.0.1:{}/\n    API:    http://127.0.0.1:{}/api\n\n    Ctrl-C stops both.\n",
        options.port, options.api_port
    );
    loop {
        if let Some((name, status)) = children.exited() {
            children.kill_all();
            return Err(format!("{name} stopped ({status}); stopped the rest too"));
        }
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// `Trunk.toml` with its `/api` proxy moved to `api_port` and its paths made absolute, written
/// under `target/` (Trunk resolves paths against the config file's folder).
fn proxied_config(root: &Path, api_port: u16) -> Result<PathBuf, String> {
    let original = std::fs::read_to_string(root.join("Trunk.toml"))
        .map_err(|e| format!("cannot read Trunk.toml: {e}"))?;
    let default_backend = format!("http://127.0.0.1:{DEFAULT_API_PORT}/api/");
    if !original.contains(&default_backend) {
        return Err(format!("Trunk.toml no longer proxies to {default_backend}"));
    }
    let at = |p: &str| format!("\"{}\"", root.join(p).display());
    let config = original
        .replace(
            &default_backend,
            &format!("http://127.0.0.1:{api_port}/api/"),
        )
        .replace(
            "target = \"index.html\"",
            &format!("target = {}", at("index.html")),
        )
        .replace("dist = \"dist\"", &format!("dist = {}", at("dist")))
        .replace(
            "watch = [\"src\", \"style\", \"index.html\", \"crates/model/src\"]",
            &format!(
                "watch = [{}, {}, {}, {}]",
                at("src"),
                at("style"),
                at("index.html"),
                at("crates/model/src")
            ),
        );
    let dir = root.join("target/xtask");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join("Trunk.toml");
    std::fs::write(&path, config).map_err(|e| e.to_string())?;
    Ok(path)
}
