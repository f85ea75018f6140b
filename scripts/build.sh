#!/usr/bin/env bash
# Builds the wasm module and its JavaScript glue into www/pkg, and prints their sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
cargo build --release --target wasm32-unknown-unknown -p certscope-wasm
rm -rf www/pkg
wasm-bindgen --target web --out-dir www/pkg target/wasm32-unknown-unknown/release/certscope_wasm.wasm
wasm=www/pkg/certscope_wasm_bg.wasm
printf '[build] wasm module: %s bytes raw, %s bytes gzipped\n' "$(wc -c <"$wasm")" "$(gzip -9c "$wasm" | wc -c)"
