//! `cargo xtask dist`: the release build of the panel in `dist/`, its pages split into wasm
//! chunks loaded on their first visit (issue 20). Trunk builds the page, the styles and the
//! wasm (with the `split` feature, and relocations kept so the wasm can be cut); the wasm is
//! then cut by `wasm_split_cli_support` (Leptos' `#[lazy]` split points), run through
//! wasm-bindgen and wasm-opt again, and put in place of Trunk's, the page's integrity hashes
//! following. `trunk build --release` alone still gives a working panel in one module.

use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha384};

use crate::process::run_checked;

/// The main module and the JS that loads it, as Trunk names them (`Trunk.toml`: no hashes).
const MAIN_JS: &str = "issuing-admin.js";
const MAIN_WASM: &str = "issuing-admin_bg.wasm";

/// What the loader of the chunks is called, beside the main JS (it imports `./issuing-admin.js`).
const LINK_JS: &str = "__wasm_split.js";

/// wasm-opt as `index.html` asks Trunk to run it.
const WASM_OPT: &[&str] = &[
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
];

pub fn run() -> Result<(), String> {
    crate::setup::run()?;
    build(&crate::root())
}

/// Builds `root/dist`.
pub fn build(root: &Path) -> Result<(), String> {
    let tools = crate::setup::path_with_tools();
    run_checked(
        Command::new("trunk")
            .current_dir(root)
            .env("PATH", &tools)
            // Added to `.cargo/config.toml`'s flags for the target: the linker keeps the
            // relocations the split needs.
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
                "-Clink-args=--emit-relocs",
            )
            .args(["build", "--release", "--offline", "--features", "split"]),
    )?;
    let linked = crate::cargo_target().join("wasm32-unknown-unknown/release/issuing-admin.wasm");
    let work = crate::cargo_target().join("tmp/split");
    let _ = std::fs::remove_dir_all(&work);
    let bindgen = work.join("bindgen");
    std::fs::create_dir_all(&bindgen).map_err(|e| format!("cannot create {work:?}: {e}"))?;

    println!("  $ split {}", linked.display());
    let input = std::fs::read(&linked).map_err(|e| format!("cannot read {linked:?}: {e}"))?;
    let main = work.join("main.wasm");
    let main_module = format!("./{MAIN_JS}");
    let link_name = format!("./{LINK_JS}");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = &work;
        options.main_out_path = &main;
        options.main_module = &main_module;
        options.link_name = &link_name;
        options
    })
    .map_err(|e| format!("splitting the wasm failed: {e:?}"))?;

    run_checked(
        Command::new("wasm-bindgen")
            .env("PATH", &tools)
            .args(["--target", "web", "--no-typescript", "--keep-lld-exports"])
            .arg("--out-dir")
            .arg(&bindgen)
            .args(["--out-name", "issuing-admin"])
            .arg(&main),
    )?;
    let mut wasm: Vec<PathBuf> = vec![bindgen.join(MAIN_WASM)];
    wasm.extend(split.split_modules.iter().cloned());
    optimise(&wasm, &tools)?;

    let dist = root.join("dist");
    let copy = |from: &Path, name: &str| {
        std::fs::copy(from, dist.join(name))
            .map(drop)
            .map_err(|e| format!("cannot copy {from:?} into dist: {e}"))
    };
    copy(&bindgen.join(MAIN_JS), MAIN_JS)?;
    copy(&bindgen.join(MAIN_WASM), MAIN_WASM)?;
    copy(&work.join(LINK_JS), LINK_JS)?;
    // The JS snippets the module imports (`src/embed/element.js`), as this wasm-bindgen wrote them.
    let _ = std::fs::remove_dir_all(dist.join("snippets"));
    copy_dir(&bindgen.join("snippets"), &dist.join("snippets"))?;
    for chunk in &split.split_modules {
        let name = chunk
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        copy(chunk, name)?;
    }
    rehash_integrity(&dist.join("index.html"), &dist, &[MAIN_JS, MAIN_WASM])?;
    preload_link_module(&dist.join("index.html"), &dist)?;
    println!(
        "  ok  dist/: the main module and {} chunks loaded on demand",
        split.split_modules.len()
    );
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {to:?}: {e}"))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("cannot read {from:?}: {e}"))?;
    for entry in entries.flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .map_err(|e| format!("cannot copy {:?}: {e}", entry.path()))?;
        }
    }
    Ok(())
}

/// wasm-opt over every module, two at a time (the machine has two cores).
pub(crate) fn optimise(files: &[PathBuf], tools: &std::ffi::OsStr) -> Result<(), String> {
    for pair in files.chunks(2) {
        let mut running = Vec::new();
        for file in pair {
            let child = Command::new("wasm-opt")
                .env("PATH", tools)
                .args(WASM_OPT)
                .arg(file)
                .arg("-o")
                .arg(file)
                .stderr(std::process::Stdio::piped())
                .spawn()
                .map_err(|e| format!("cannot start wasm-opt: {e}"))?;
            running.push((file, child));
        }
        for (file, child) in running {
            let output = child
                .wait_with_output()
                .map_err(|e| format!("wasm-opt: {e}"))?;
            // The split keeps a names subsection binaryen does not know (and drops): not news.
            let said: Vec<&str> = std::str::from_utf8(&output.stderr)
                .unwrap_or_default()
                .lines()
                .filter(|l| !l.contains("unknown name subsection"))
                .collect();
            if !said.is_empty() {
                eprintln!("{}", said.join("\n"));
            }
            if !output.status.success() {
                let status = output.status;
                return Err(format!("wasm-opt failed on {} ({status})", file.display()));
            }
        }
    }
    Ok(())
}

/// Trunk's `integrity="sha384-…"` for each of `files` replaced by the hash of the file now
/// in `dist` (Trunk hashed the module it built, which the split replaced).
fn rehash_integrity(page: &Path, dist: &Path, files: &[&str]) -> Result<(), String> {
    let mut html =
        std::fs::read_to_string(page).map_err(|e| format!("cannot read {page:?}: {e}"))?;
    for name in files {
        let bytes =
            std::fs::read(dist.join(name)).map_err(|e| format!("cannot read {name}: {e}"))?;
        html = with_integrity(&html, name, &sri_sha384(&bytes))
            .ok_or_else(|| format!("index.html has no integrity for /{name}"))?;
    }
    std::fs::write(page, html).map_err(|e| format!("cannot write {page:?}: {e}"))
}

/// The main JS imports the chunks' loader: the page asks for it at once, beside the main JS,
/// instead of after it (one round trip less before the panel starts).
fn preload_link_module(page: &Path, dist: &Path) -> Result<(), String> {
    let html = std::fs::read_to_string(page).map_err(|e| format!("cannot read {page:?}: {e}"))?;
    let bytes =
        std::fs::read(dist.join(LINK_JS)).map_err(|e| format!("cannot read {LINK_JS}: {e}"))?;
    let link = format!(
        r#"<link rel="modulepreload" href="/{LINK_JS}" crossorigin="anonymous" integrity="{}">"#,
        sri_sha384(&bytes)
    );
    let at = html.find("</head>").ok_or("index.html has no </head>")?;
    let html = format!("{}{link}{}", &html[..at], &html[at..]);
    std::fs::write(page, html).map_err(|e| format!("cannot write {page:?}: {e}"))
}

/// `sha384-<base64>`, as Subresource Integrity writes a hash.
fn sri_sha384(bytes: &[u8]) -> String {
    use base64::Engine;
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// `html` with the `integrity` of every tag whose `href` is `/<name>` set to `hash`; `None` if
/// no tag has one.
fn with_integrity(html: &str, name: &str, hash: &str) -> Option<String> {
    let href = format!("href=\"/{name}\"");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut found = false;
    while let Some(at) = rest.find(&href) {
        let tag_end = at + rest[at..].find('>')?;
        let tag = &rest[at..tag_end];
        let start = tag.find("integrity=\"")? + "integrity=\"".len();
        let end = start + tag[start..].find('"')?;
        out.push_str(&rest[..at + start]);
        out.push_str(hash);
        out.push_str(&rest[at + end..tag_end]);
        rest = &rest[tag_end..];
        found = true;
    }
    out.push_str(rest);
    found.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tag_naming_the_file_gets_the_new_hash_and_no_other() {
        let page = concat!(
            r#"<link rel="modulepreload" href="/issuing-admin.js" crossorigin="anonymous" integrity="sha384-old1">"#,
            r#"<link rel="preload" href="/issuing-admin_bg.wasm" integrity="sha384-old2" as="fetch">"#,
            r#"<link rel="stylesheet" href="/main.css" integrity="sha384-css"/>"#,
        );
        let out = with_integrity(page, MAIN_JS, "sha384-new").unwrap();
        assert!(out.contains(
            r#"href="/issuing-admin.js" crossorigin="anonymous" integrity="sha384-new">"#
        ));
        assert!(
            out.contains("sha384-old2") && out.contains("sha384-css"),
            "{out}"
        );
        assert_eq!(with_integrity(page, "missing.js", "x"), None);
    }

    #[test]
    fn the_hash_is_written_as_browsers_check_it() {
        // `echo -n abc | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            sri_sha384(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }
}
