#!/usr/bin/env bash
# Short runs of every fuzz target (FUZZ_SECONDS each, default 60, two at a time), for CI. Installs cargo-fuzz
# and the nightly toolchain when missing. Exits non-zero when any target finds something.
set -uo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-60}
# The instrumented build is kept between runs outside the checkout (a fresh checkout would
# otherwise rebuild every dependency with nightly); cargo rebuilds whatever changed.
export FUZZ_TARGET_DIR=${FUZZ_TARGET_DIR:-$HOME/.cache/certscope/fuzz-target}
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install --locked cargo-fuzz || cargo install cargo-fuzz
fi
# cargo-fuzz has no --locked: check here that fuzz/Cargo.lock is current, so the build uses it as
# committed rather than resolving afresh.
cargo metadata --locked --format-version 1 >/dev/null ||
  { echo "fuzz/Cargo.lock is stale: cargo update -w --manifest-path fuzz/Cargo.toml"; exit 1; }
targets=$(cargo +nightly fuzz list)
python3 seed.py $targets
# Build every target first (one cargo at a time), then run them two at a time, one per core,
# started a few seconds apart so their log rows do not land at once.
cargo +nightly fuzz build --sanitizer none --debug-assertions --target-dir "$FUZZ_TARGET_DIR" || exit 1
failed=0
set -- $targets
while [ $# -gt 0 ]; do
  ./run.sh "$1" "$seconds" &
  first=$!
  second=
  if [ $# -gt 1 ]; then
    sleep 5
    ./run.sh "$2" "$seconds" &
    second=$!
  fi
  wait "$first" || failed=1
  [ -z "$second" ] || wait "$second" || failed=1
  shift $(($# > 1 ? 2 : 1))
done
exit $failed
