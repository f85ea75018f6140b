#!/usr/bin/env bash
# Proves the tests need nothing outside the repository: clones the committed HEAD into an empty
# temporary directory (no sibling checkouts or data directories, no build products beside it)
# and runs the native test suite there. Build products of dependencies are reused from this
# checkout's target directory.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
git clone --quiet --no-local "$top" "$dir/certscope"
cd "$dir/certscope"
echo "==> clone at $dir/certscope ($(git rev-parse --short HEAD)); beside it: $(ls -A "$dir" | tr '\n' ' ')"
CARGO_TARGET_DIR="$top/target" cargo test --workspace --locked --quiet
