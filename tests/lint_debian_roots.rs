//! No false positive on Debian's system roots: every error-severity finding certscope reports
//! on the 142 roots of Debian's `ca-certificates` (`tests/data/debian-roots/`, the Mozilla
//! store) must be a genuine violation, explained in `tests/data/debian-roots/genuine.tsv` and
//! listed in `docs/lints-debian-roots.md` (written by `cargo xtask generate`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;

#[path = "common/debian_roots_report.rs"]
mod debian_roots_report;

#[test]
fn every_error_on_a_debian_root_is_a_listed_genuine_violation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let report = debian_roots_report::report(root).unwrap();
    assert_eq!(report.roots, 142);
    assert!(
        report.unexplained.is_empty(),
        "errors without an explanation in genuine.tsv: {:?}\n{}",
        report.unexplained,
        report.doc
    );
    let committed =
        std::fs::read_to_string(root.join("docs/lints-debian-roots.md")).unwrap_or_default();
    assert!(
        committed == report.doc,
        "docs/lints-debian-roots.md is stale: run `cargo xtask generate`"
    );
}
