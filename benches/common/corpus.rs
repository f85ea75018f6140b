//! The benchmark corpus that `bench/gen-corpus.sh` writes to `bench/corpus/`, read from disk.
//!
//! Shared by the benchmark targets (`#[path]`-included); not part of the library.

use std::fs;
use std::path::{Path, PathBuf};

/// The key types of the corpus, in the order the generator writes them.
pub const KEY_TYPES: [&str; 5] = ["rsa2048", "rsa4096", "p256", "p384", "ed25519"];

/// One key type's chain: root, intermediate and every leaf, as DER.
pub struct TypeCorpus {
    /// The key type's directory name (`rsa2048`, `p256`, ...).
    pub key_type: &'static str,
    /// The self-signed root.
    pub root: Vec<u8>,
    /// The intermediate the root issued.
    pub intermediate: Vec<u8>,
    /// The leaves the intermediate issued.
    pub leaves: Vec<Vec<u8>>,
}

/// The corpus directory; generated on demand when missing.
pub fn directory() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench");
    let corpus = root.join("corpus");
    if !corpus.join("manifest.json").exists() {
        eprintln!("[bench] no corpus yet: running bench/gen-corpus.sh");
        let status = std::process::Command::new(root.join("gen-corpus.sh"))
            .status()
            .expect("bench/gen-corpus.sh runs (it needs openssl)");
        assert!(status.success(), "bench/gen-corpus.sh failed");
    }
    corpus
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn sorted_der_files(directory: &Path, prefix: &str) -> Vec<Vec<u8>> {
    let mut names: Vec<PathBuf> = fs::read_dir(directory)
        .unwrap_or_else(|e| panic!("{}: {e}", directory.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            name.starts_with(prefix) && name.ends_with(".der")
        })
        .collect();
    names.sort();
    names.iter().map(|path| read(path)).collect()
}

/// Every key type's root, intermediate and leaves.
pub fn by_key_type() -> Vec<TypeCorpus> {
    let corpus = directory();
    KEY_TYPES
        .iter()
        .map(|key_type| {
            let dir = corpus.join(key_type);
            TypeCorpus {
                key_type,
                root: read(&dir.join("root.der")),
                intermediate: read(&dir.join("intermediate.der")),
                leaves: sorted_der_files(&dir, "leaf-"),
            }
        })
        .collect()
}

/// Debian's system roots, as the generator copied them.
pub fn system_roots() -> Vec<Vec<u8>> {
    sorted_der_files(&directory().join("system"), "")
}
