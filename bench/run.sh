#!/usr/bin/env bash
# The benchmark command: builds the wasm (scripts/build.sh), prints its size against the budget,
# generates the corpus when missing, installs this folder's npm packages from the lockfile, then
# runs the Node comparison, the page benchmark in Chromium and the native Criterion benchmarks.
# Everything runs at the lowest priority; the load average is printed next to every figure.
#
# Usage: bench/run.sh [--quick]   (--quick: fewer runs and Criterion's quick mode)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=()
criterion=()
if [ "${1:-}" = "--quick" ]; then quick=(--quick); criterion=(--quick); fi
nice_run() { nice -n 19 "$@"; }

echo "==> load: $(uptime)"
echo "==> wasm build and size"
nice_run scripts/build.sh
scripts/size-check.sh
nice_run bench/size-floor.sh

[ -f bench/corpus/manifest.json ] || { echo "==> corpus"; nice_run bench/gen-corpus.sh; }

stamp=bench/node_modules/.certscope-lock-sha256
sum=$(sha256sum bench/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
  echo "==> npm packages"
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
  echo "$sum" >"$stamp"
fi
[ -d tests/e2e/node_modules ] || (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)

echo "==> Node: certscope (wasm) against the JavaScript libraries"
nice_run node bench/node-bench.mjs "${quick[@]}"

echo "==> page: time to first report in Chromium"
nice_run node bench/page-bench.mjs "${quick[@]}"

echo "==> native: Criterion (load: $(uptime | sed 's/.*load/load/'))"
targets=(--bench parse --bench chain --bench limits)
nice_run cargo bench --locked -p certscope "${targets[@]}" -- "${criterion[@]}"
echo "==> done (load: $(uptime | sed 's/.*load/load/'))"
