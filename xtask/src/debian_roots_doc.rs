//! `docs/lints-debian-roots.md`: certscope's error-severity findings on Debian's system roots,
//! each with the reason it is genuine (the report `tests/lint_debian_roots.rs` checks).

#[path = "../../tests/common/debian_roots_report.rs"]
mod debian_roots_report;

use crate::Generated;

/// `docs/lints-debian-roots.md`.
pub fn generate() -> Result<Generated, String> {
    let report = debian_roots_report::report(&crate::root())?;
    Ok(Generated {
        path: "docs/lints-debian-roots.md",
        contents: report.doc,
    })
}
