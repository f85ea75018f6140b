#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already there.
# Usage: scripts/setup.sh build   (Rust wasm target + wasm-bindgen-cli)
#        scripts/setup.sh test    (the above + Chromium, chromedriver, npm packages)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"
log() { printf '[setup] %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen version pinned in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  log "installing wasm-bindgen-cli $want (found: ${have:-none})"
  # --locked first (the tool's own lockfile); if the registry this machine reaches lacks a
  # version that lockfile names, resolve the tool's dependencies afresh instead.
  cargo install --locked wasm-bindgen-cli --version "$want" ||
    { log "the locked install failed; installing with freshly resolved dependencies";
      cargo install wasm-bindgen-cli --version "$want"; }
fi

if [ "$what" = "test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing chromium and chromium-driver from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # npm packages from each committed lockfile; a stamp of the lockfile's hash skips the
  # install when nothing changed.
  for dir in tests/e2e tests/npm; do
    stamp="$dir/node_modules/.certscope-lock-sha256"
    sum=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
      log "installing npm packages in $dir"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
      echo "$sum" >"$stamp"
    fi
  done
fi
