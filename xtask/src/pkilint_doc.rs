//! `docs/lints-vs-pkilint.md`: certscope beside pkilint's recorded findings on the lint
//! fixtures (the comparison `tests/lint_vs_pkilint.rs` checks).

#[path = "../../tests/common/pkilint_comparison.rs"]
mod pkilint_comparison;

use crate::Generated;

/// `docs/lints-vs-pkilint.md`.
pub fn generate() -> Result<Generated, String> {
    let comparison = pkilint_comparison::compare(&crate::root())?;
    Ok(Generated {
        path: "docs/lints-vs-pkilint.md",
        contents: comparison.doc,
    })
}
