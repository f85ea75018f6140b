#!/usr/bin/env bash
# Short runs of every fuzz target (FUZZ_SECONDS each, default 60), for CI. Installs cargo-fuzz
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
targets=$(cargo +nightly fuzz list)
python3 seed.py $targets
failed=0
for target in $targets; do
  ./run.sh "$target" "$seconds" || failed=1
done
exit $failed
