//! `cargo xtask setup | dev | test`: the project's two commands and the install they rely on.

mod bench;
mod dev;
mod process;
mod setup;
mod tally;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  setup            install what is missing (wasm target, trunk, wasm-bindgen-cli, chromium,
                   chromedriver, binaryen); skips what is already there
  dev              setup, then run the platform server (sandbox unless STRIPE_SECRET_KEY is set)
                   and `trunk serve`; Ctrl-C stops both
      --port N       panel port (env IA_PORT, default 8080)
      --api-port N   platform server port (env IA_API_PORT, default 8787)
  test             setup, then every test: native, wasm in headless Chromium, end-to-end
      --stage S      run only one stage: lint | native | wasm | e2e (repeatable)
      --wasm-api-port N  port of the server the wasm tests call (env IA_TEST_API_PORT)
  bench            print how fast the card list answers on the 10,000-card sandbox account
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        "setup" => setup::run(),
        "dev" => dev::Options::parse(rest).and_then(dev::run),
        "test" => test::Options::parse(rest).and_then(test::run),
        "bench" => bench::run(),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits inside the workspace")
        .to_path_buf()
}

/// The value of `--name N` or the environment variable, else the default.
pub fn port_option(args: &[String], flag: &str, env: &str, default: u16) -> Result<u16, String> {
    let raw = args
        .iter()
        .position(|a| a == flag)
        .map(|i| {
            args.get(i + 1)
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        })
        .transpose()?
        .or_else(|| std::env::var(env).ok());
    match raw {
        None => Ok(default),
        Some(v) => v
            .parse()
            .map_err(|_| format!("{flag} / {env}: `{v}` is not a port number")),
    }
}
