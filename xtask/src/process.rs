//! Running commands: printed before they run, and children that never outlive xtask.

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

/// Cargo: the one running xtask (`CARGO`), else the one on the `PATH`. It is told whether
/// Stripe's fixtures and types sit beside the checkout, so the build scripts that look for them
/// see them come and go (`crates/model/build.rs`, `crates/fidelity/build.rs`).
pub fn cargo() -> Command {
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    for (var, folder) in [
        ("IA_STRIPE_FIXTURES", "../shared/stripe-fixtures"),
        ("IA_STRIPE_SHAPES", "../shared/stripe-shapes/json"),
    ] {
        let present = crate::root().join(folder).is_dir();
        cargo.env(var, if present { "present" } else { "absent" });
    }
    cargo
}

/// Runs `cmd` to completion with inherited output; an error names the command.
pub fn run_checked(cmd: &mut Command) -> Result<(), String> {
    println!("  $ {}", describe(cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{}`: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)))
    }
}

/// Its stdout, if the command runs and succeeds.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Background children killed when dropped, and on Ctrl-C or SIGTERM.
#[derive(Clone, Default)]
pub struct Children {
    inner: Arc<Mutex<Vec<(String, Child)>>>,
}

impl Children {
    /// Kills every child when xtask is interrupted, then exits.
    pub fn kill_on_signal(&self) -> Result<(), String> {
        let children = self.clone();
        ctrlc::set_handler(move || {
            children.kill_all();
            std::process::exit(130);
        })
        .map_err(|e| format!("cannot install the Ctrl-C handler: {e}"))
    }

    /// Starts `cmd` in a process group of its own, so stopping it also stops what it started
    /// (trunk's cargo and wasm-bindgen), and a terminal's Ctrl-C reaches only xtask.
    pub fn spawn(&self, name: &str, cmd: &mut Command) -> Result<(), String> {
        println!("  $ {}", describe(cmd));
        let child = cmd
            .process_group(0)
            .spawn()
            .map_err(|e| format!("could not start {name}: {e}"))?;
        self.lock().push((name.to_owned(), child));
        Ok(())
    }

    /// As [`spawn`](Self::spawn), with the child's output passed on except the lines `noise`
    /// picks out.
    pub fn spawn_filtered(
        &self,
        name: &str,
        cmd: &mut Command,
        noise: fn(&str) -> bool,
    ) -> Result<(), String> {
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        self.spawn(name, cmd)?;
        let mut children = self.lock();
        let (_, child) = children.last_mut().expect("just spawned");
        let out: Vec<Box<dyn std::io::Read + Send>> = vec![
            Box::new(child.stdout.take().expect("piped")),
            Box::new(child.stderr.take().expect("piped")),
        ];
        for stream in out {
            std::thread::spawn(move || {
                use std::io::BufRead;
                for line in std::io::BufReader::new(stream)
                    .lines()
                    .map_while(Result::ok)
                {
                    if !noise(&line) {
                        println!("  {line}");
                    }
                }
            });
        }
        Ok(())
    }

    /// The first child that has exited, with its status.
    pub fn exited(&self) -> Option<(String, std::process::ExitStatus)> {
        self.lock()
            .iter_mut()
            .find_map(|(name, child)| Some((name.clone(), child.try_wait().ok()??)))
    }

    pub fn kill_all(&self) {
        for (_, child) in self.lock().iter_mut() {
            // The whole group: the child and whatever it started.
            let _ = Command::new("kill")
                .args(["-TERM", "--", &format!("-{}", child.id())])
                .stderr(Stdio::null())
                .status();
            let _ = child.kill();
            let _ = child.wait();
        }
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(String, Child)>> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Drop for Children {
    fn drop(&mut self) {
        // Only the last handle (not the signal handler's clone) cleans up.
        if Arc::strong_count(&self.inner) == 1 {
            self.kill_all();
        }
    }
}

/// Waits until something accepts connections on `127.0.0.1:port`, or `seconds` pass.
pub fn wait_for_port(port: u16, seconds: u64, children: &Children) -> Result<(), String> {
    wait_for_port_saying(port, seconds, children, |_| {})
}

/// As [`wait_for_port`], calling `still` every 20 s of waiting, to say what is going on.
pub fn wait_for_port_saying(
    port: u16,
    seconds: u64,
    children: &Children,
    still: impl Fn(std::time::Duration),
) -> Result<(), String> {
    let start = std::time::Instant::now();
    let deadline = start + std::time::Duration::from_secs(seconds);
    let mut next_word = 20;
    while std::time::Instant::now() < deadline {
        if start.elapsed().as_secs() >= next_word {
            still(start.elapsed());
            next_word += 20;
        }
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        if let Some((name, status)) = children.exited() {
            return Err(format!("{name} exited before it was ready ({status})"));
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    Err(format!(
        "nothing listened on 127.0.0.1:{port} after {seconds} s"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Running, as opposed to gone or a zombie waiting for its parent.
    fn alive(pid: &str) -> bool {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|stat| stat.rsplit(") ").next().map(|rest| !rest.starts_with('Z')))
            .unwrap_or(false)
    }

    #[test]
    fn stopping_a_child_stops_what_it_started_too() {
        let children = Children::default();
        let _signal_handler_like = children.clone();
        let file = std::env::temp_dir().join(format!("xtask-grandchild-{}", std::process::id()));
        children
            .spawn(
                "shell",
                Command::new("sh").args([
                    "-c",
                    &format!("sleep 300 & echo $! > {}; wait", file.display()),
                ]),
            )
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let pid = loop {
            if let Some(pid) = std::fs::read_to_string(&file)
                .ok()
                .filter(|p| p.ends_with('\n'))
            {
                break pid.trim().to_owned();
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the shell never started its child"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        assert!(alive(&pid));
        children.kill_all();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while alive(&pid) && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = std::fs::remove_file(&file);
        assert!(!alive(&pid), "the grandchild ({pid}) outlived its parent");
    }
}
