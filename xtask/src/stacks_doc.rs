//! `docs/stacks.md`: certscope's per-stack answers beside the real TLS stacks' recorded answers
//! (the comparison `tests/stacks.rs` checks).

#[path = "../../tests/common/stacks_comparison.rs"]
mod stacks_comparison;

use crate::Generated;

/// `docs/stacks.md`.
pub fn generate() -> Result<Generated, String> {
    Ok(Generated {
        path: stacks_comparison::DOC,
        contents: stacks_comparison::doc(&crate::root())?,
    })
}
