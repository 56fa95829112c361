//! Counting tests from cargo's (and wasm-bindgen-test-runner's) own result lines.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub passed: u32,
    pub failed: u32,
    pub ignored: u32,
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.ignored += other.ignored;
    }

    /// Reads `test result: ok. 3 passed; 0 failed; 1 ignored; ...`.
    pub fn parse_line(line: &str) -> Option<Tally> {
        let rest = line.trim().strip_prefix("test result: ")?;
        let mut tally = Tally::default();
        for part in rest.split(';') {
            let mut words = part.split_whitespace().rev();
            let (Some(kind), Some(count)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(n) = count.parse::<u32>() else {
                continue;
            };
            match kind {
                "passed" => tally.passed = n,
                "failed" => tally.failed = n,
                "ignored" => tally.ignored = n,
                _ => {}
            }
        }
        Some(tally)
    }
}

/// Runs a test command, echoing its output, and sums its result lines. A command that fails
/// without a failing test (a build error, a crash) counts as one failure so it cannot pass.
pub fn run_counting(cmd: &mut Command) -> Result<Tally, String> {
    println!("  $ {}", crate::process::describe(cmd));
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{}`: {e}", crate::process::describe(cmd)))?;
    let mut tally = Tally::default();
    let mut saw_result = false;
    let mut ignored = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(test) = ignored_test(&line) {
                ignored.push(test.to_owned());
            }
            if let Some(t) = Tally::parse_line(&line) {
                saw_result = true;
                tally.add(t);
            }
        }
    }
    // Named again at the end, where they are seen: an ignored test checks nothing.
    for test in &ignored {
        println!("  ignored: {test}");
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() && tally.failed == 0 {
        tally.failed = 1;
        println!("  !! the command failed ({status}) without reporting a failing test");
    } else if !saw_result {
        println!("  !! the command reported no test results");
        tally.failed += 1;
    }
    Ok(tally)
}

/// `test name ... ignored, reason` → `name ... ignored, reason`.
fn ignored_test(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("test ")?;
    rest.contains(" ... ignored").then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::{ignored_test, Tally};

    #[test]
    fn an_ignored_test_is_named_with_its_reason() {
        assert_eq!(
            ignored_test("test account_fixture_round_trips ... ignored, needs ../shared"),
            Some("account_fixture_round_trips ... ignored, needs ../shared")
        );
        assert_eq!(ignored_test("test a ... ok"), None);
        assert_eq!(ignored_test("test result: ok. 1 passed"), None);
    }

    #[test]
    fn reads_cargo_and_wasm_bindgen_result_lines() {
        let t = Tally::parse_line(
            "test result: ok. 12 passed; 0 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.02s",
        );
        assert_eq!(
            t,
            Some(Tally {
                passed: 12,
                failed: 0,
                ignored: 2
            })
        );
        let t = Tally::parse_line("test result: FAILED. 1 passed; 3 failed; 0 ignored");
        assert_eq!(
            t,
            Some(Tally {
                passed: 1,
                failed: 3,
                ignored: 0
            })
        );
        assert_eq!(Tally::parse_line("running 3 tests"), None);
    }
}
