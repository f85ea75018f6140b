#!/usr/bin/env bash
# Prints the wasm module's size raw and gzipped and the page's transfer size, and fails when the
# gzipped module is over the budget in bench/size-budget.txt. Needs scripts/build.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=www/pkg/certscope_wasm_bg.wasm
[ -f "$wasm" ] || { echo "[size] $wasm is missing: run scripts/build.sh first" >&2; exit 1; }
gz() { gzip -9c "$1" | wc -c; }
budget=$(grep -v '^[[:space:]]*#' bench/size-budget.txt | grep -E '^[0-9]+$' | tail -1)
raw=$(wc -c <"$wasm")
zipped=$(gz "$wasm")
printf '[size] wasm module: %s bytes raw, %s bytes gzipped (budget %s)\n' "$raw" "$zipped" "$budget"
full=www/pkg/full/certscope_wasm_bg.wasm
if [ -f "$full" ]; then
  printf '[size] module with the encrypted and dsa features, loaded only for PKCS#12, encrypted keys and DSA: %s bytes raw, %s bytes gzipped\n' \
    "$(wc -c <"$full")" "$(gz "$full")"
fi

# The page as a first visit loads it: the document, its scripts, style and renderer, the
# worker, the glue and the module.
page_raw=0 page_gz=0
for file in www/index.html www/style.css www/report.css www/app.js www/client.js www/render.js www/asn1view.js www/worker.js \
  www/pkg/certscope_wasm.js "$wasm"; do
  page_raw=$((page_raw + $(wc -c <"$file")))
  page_gz=$((page_gz + $(gz "$file")))
done
printf '[size] page transfer (first visit): %s bytes raw, %s bytes gzipped\n' "$page_raw" "$page_gz"

if [ "$zipped" -gt "$budget" ]; then
  printf '[size] FAILED: the gzipped module (%s bytes) is over the budget of %s bytes in bench/size-budget.txt\n' \
    "$zipped" "$budget" >&2
  exit 1
fi
printf '[size] within budget: %s bytes to spare\n' "$((budget - zipped))"
