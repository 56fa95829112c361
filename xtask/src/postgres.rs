//! A throwaway PostgreSQL cluster for the server's storage tests: made under `target/pg` with
//! `initdb`, listening on a free loopback port only, with no durability (these are tests), and
//! stopped with the stage (or by itself after `LIFETIME_SECS`, should xtask be killed).
//! PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process::{output, run_checked, wait_for_port, Children};

/// The cluster stops by itself after this long.
const LIFETIME_SECS: &str = "3000";

/// The newest installed server's `bin/` (Debian keeps it off `PATH`).
fn bin_dir() -> Result<PathBuf, String> {
    let versions = std::fs::read_dir("/usr/lib/postgresql").map_err(|_| {
        "PostgreSQL's server is not installed (cargo xtask setup installs Debian's postgresql)"
            .to_owned()
    })?;
    versions
        .filter_map(Result::ok)
        .filter_map(|e| Some((e.file_name().to_str()?.parse::<u32>().ok()?, e.path())))
        .filter(|(_, path)| path.join("bin/initdb").is_file())
        .max_by_key(|(version, _)| *version)
        .map(|(_, path)| path.join("bin"))
        .ok_or_else(|| "no PostgreSQL server with initdb under /usr/lib/postgresql".to_owned())
}

/// `cmd` as the `postgres` user when we are root; as ourselves otherwise.
fn as_postgres(program: &Path, root: bool) -> Command {
    if root {
        let mut cmd = Command::new("setpriv");
        cmd.args([
            "--reuid=postgres",
            "--regid=postgres",
            "--clear-groups",
            "--",
        ])
        .arg(program);
        cmd
    } else {
        Command::new(program)
    }
}

/// Starts a fresh cluster and returns a superuser URL of its `postgres` database.
pub fn start(target: &Path, children: &Children) -> Result<String, String> {
    let bin = bin_dir()?;
    let root = output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let dir = target.join("pg");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    if root {
        run_checked(
            Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&dir),
        )?;
    }
    let data = dir.join("data");
    run_checked(
        as_postgres(&bin.join("initdb"), root)
            .arg("-D")
            .arg(&data)
            .args([
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C",
            ])
            .stdout(std::process::Stdio::null()),
    )
    .map_err(|e| {
        format!(
            "{e} (the postgres user must be able to reach {}: check the folders' permissions)",
            dir.display()
        )
    })?;
    let port = free_port()?;
    let mut server = as_postgres(Path::new("timeout"), root);
    server
        .args(["-s", "INT", LIFETIME_SECS])
        .arg(bin.join("postgres"))
        .arg("-D")
        .arg(&data)
        .args(["-p", &port.to_string()])
        .args(["-c", "listen_addresses=127.0.0.1"])
        .arg("-c")
        .arg(format!("unix_socket_directories={}", dir.display()))
        // Throwaway: speed over durability.
        .args([
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "full_page_writes=off",
        ])
        .args(["-c", "max_connections=300"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    children.spawn("postgres (test cluster)", &mut server)?;
    wait_for_port(port, 60, children)?;
    Ok(format!("postgres://postgres@127.0.0.1:{port}/postgres"))
}

fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free loopback port: {e}"))
}
