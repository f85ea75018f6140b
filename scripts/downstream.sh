#!/usr/bin/env bash
# A downstream crate's own wasm-bindgen-test suite (examples/downstream-wasm-test), under Node:
# proves the `certscope` crate can be used from other people's wasm tests (no exports, no JS glue).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
CARGO_TARGET_DIR="$PWD/target" cargo test --locked \
  --manifest-path examples/downstream-wasm-test/Cargo.toml --target wasm32-unknown-unknown
