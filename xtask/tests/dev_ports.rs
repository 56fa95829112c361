//! `cargo xtask dev` with its API port already taken: it says which port and how to choose
//! another, and stops at once, before starting (or leaving behind) anything.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn a_taken_api_port_stops_dev_before_anything_starts() {
    let taken = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let api_port = taken.local_addr().unwrap().port();
    let free = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = free.local_addr().unwrap().port();
    drop(free);
    let mut child = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args([
            "dev",
            "--port",
            &port.to_string(),
            "--api-port",
            &api_port.to_string(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("dev kept going with port {api_port} taken");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let output = child.wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!status.success());
    assert!(said.contains(&format!("port {api_port}")), "{said}");
    assert!(said.contains("--api-port N"), "{said}");
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(!printed.contains("trunk"), "nothing was started: {printed}");
    // Nothing listens on the panel's port: trunk was never started.
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err());
}
