//! The panel's byte budget: what a browser downloads to start it (the loader, its snippets,
//! the main wasm and the stylesheet of `dist/`, uncompressed; not the chunks a page loads on
//! its first visit) may not grow past the budget. Issue 20
//! cuts the bundle; each cut lowers the budget, so nothing wins the bytes back unnoticed.

use std::path::Path;

/// Bytes of `dist/`'s `.js`, `.wasm` and `.css` (the example host page and the chunks aside):
/// 2,418,621 on 2026-12-05, 2,056,888 once views were erased (`.cargo/config.toml`), 938,389
/// once every page but the card list was split off (`cargo xtask dist`), 915,746 with all of
/// issue 21's Connect options and serde's untagged enums gone from the main module; a little
/// room above.
pub const FIRST_LOAD_BUDGET: u64 = 930_000;

/// A wasm chunk of `cargo xtask dist`, fetched when a page needs it (`split_<page>_….wasm`,
/// and `chunk_<n>.wasm` for code pages share).
pub fn is_chunk(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name.ends_with(".wasm") && (name.starts_with("split_") || name.starts_with("chunk_"))
}

/// `Ok` with the total when within the budget; the files and their sizes when not.
pub fn check(dist: &Path) -> Result<u64, String> {
    let mut files = Vec::new();
    let mut folders = vec![dist.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "host") {
                    folders.push(path);
                }
            } else if ["js", "wasm", "css"]
                .iter()
                .any(|ext| path.extension().is_some_and(|e| e == *ext))
                && !is_chunk(&path)
            {
                let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
                files.push((path, len));
            }
        }
    }
    let total: u64 = files.iter().map(|(_, len)| len).sum();
    if total <= FIRST_LOAD_BUDGET {
        return Ok(total);
    }
    files.sort_by_key(|(_, len)| std::cmp::Reverse(*len));
    let listed: Vec<String> = files
        .iter()
        .map(|(path, len)| format!("    {len:>10}  {}", path.display()))
        .collect();
    Err(format!(
        "the first load is {total} bytes, over its budget of {FIRST_LOAD_BUDGET}:\n{}",
        listed.join("\n")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_past_the_budget_are_listed_biggest_first() {
        let dir = std::env::temp_dir().join(format!("ia-budget-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("host")).unwrap();
        std::fs::write(dir.join("a.js"), vec![b'x'; 10]).unwrap();
        // Neither the host example nor the chunks pages load later count.
        std::fs::write(dir.join("host/big.js"), vec![b'x'; 3_000_000]).unwrap();
        std::fs::write(dir.join("split_card_page_1.wasm"), vec![0u8; 3_000_000]).unwrap();
        std::fs::write(dir.join("chunk_7.wasm"), vec![0u8; 3_000_000]).unwrap();
        assert_eq!(check(&dir), Ok(10));
        std::fs::write(dir.join("b.wasm"), vec![0u8; FIRST_LOAD_BUDGET as usize]).unwrap();
        let error = check(&dir).unwrap_err();
        assert!(error.contains("over its budget"), "{error}");
        assert!(error.find("b.wasm") < error.find("a.js"), "{error}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
