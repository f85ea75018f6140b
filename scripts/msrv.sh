#!/usr/bin/env bash
# The minimum supported Rust version: builds every member and target of the workspace with the
# toolchain named by `rust-version` in Cargo.toml (installed through rustup when missing), from
# the committed Cargo.lock. Its own target directory, so the main build is not invalidated.
set -euo pipefail
cd "$(dirname "$0")/.."
msrv=$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$msrv" ] || { echo "msrv: no rust-version in Cargo.toml"; exit 1; }
rustup toolchain list | grep -q "^$msrv" || rustup toolchain install "$msrv" --profile minimal
echo "==> cargo +$msrv check --workspace --all-targets --locked"
cargo "+$msrv" check --workspace --all-targets --locked --quiet --target-dir target/msrv
