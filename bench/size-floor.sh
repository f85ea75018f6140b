#!/usr/bin/env bash
# Prints the size floor (bench/floor: x509-cert decoding and every signature algorithm certscope
# verifies, built as the page's module is) beside the page's module, raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
cargo build --quiet --release --locked --target wasm32-unknown-unknown \
  --manifest-path bench/floor/Cargo.toml --target-dir target/floor
out=target/floor/bindgen
wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir "$out" \
  target/floor/wasm32-unknown-unknown/release/certscope_size_floor.wasm
size() { printf '%s bytes raw, %s bytes gzipped' "$(wc -c <"$1")" "$(gzip -9c "$1" | wc -c)"; }
echo "[size] floor (decode + every signature algorithm): $(size "$out/certscope_size_floor_bg.wasm")"
[ ! -f www/pkg/certscope_wasm_bg.wasm ] || echo "[size] the page's module: $(size www/pkg/certscope_wasm_bg.wasm)"
