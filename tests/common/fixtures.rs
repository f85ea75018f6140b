//! The fixture files under `tests/data`, for the integration tests that walk all of them.
//! Included with `#[path]` by each test that uses it.

use std::path::{Path, PathBuf};

/// Every file under `tests/data` whose extension is one of `extensions`, sorted.
pub fn fixtures(extensions: &[&str]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("tests/data is readable") {
            let path = entry.expect("tests/data is readable").path();
            if path.is_dir() {
                pending.push(path);
            } else if path
                .extension()
                .is_some_and(|e| extensions.iter().any(|k| e == *k))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}
