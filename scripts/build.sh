#!/usr/bin/env bash
# Builds the wasm module and its JavaScript glue into www/pkg, and prints their sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
# Two modules from the same crate: www/pkg/ without the `encrypted` and `dsa` features (what
# every visit downloads) and www/pkg/full/ with them (PKCS#12, encrypted keys and DSA
# signatures), which the page and the web component load only when an input needs it. Cargo
# keeps both builds, so each is rebuilt only when the code changes.
rm -rf www/pkg
bindgen() {
  wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir "$1" \
    target/wasm32-unknown-unknown/wasm-release/certscope_wasm.wasm
}
cargo build --locked --profile wasm-release --target wasm32-unknown-unknown -p certscope-wasm --no-default-features
bindgen www/pkg
cargo build --locked --profile wasm-release --target wasm32-unknown-unknown -p certscope-wasm
bindgen www/pkg/full
for wasm in www/pkg/certscope_wasm_bg.wasm www/pkg/full/certscope_wasm_bg.wasm; do
  printf '[build] wasm module %s: %s bytes raw, %s bytes gzipped\n' "$wasm" "$(wc -c <"$wasm")" "$(gzip -9c "$wasm" | wc -c)"
done

# The Mozilla root store as a static file the page fetches only when the user asks for it, so
# the roots never weigh on the wasm module. The CLI (built with the mozilla-roots feature, in
# the dev profile the native tests already built) writes it with a manifest naming its source;
# the result is kept in target/roots/ and rebuilt only when Cargo.lock or the writer changes.
roots=target/roots
stamp=$(cat Cargo.lock cli/src/roots.rs | sha256sum | cut -d' ' -f1)
if [ "$(cat "$roots/stamp" 2>/dev/null)" != "$stamp" ]; then
  # --workspace --bins: the features `cargo test --workspace` and `cargo xtask generate` build the
  # CLI with, so the test tier compiles the core for it once.
  cargo build --locked --quiet --workspace --bins
  mkdir -p "$roots"
  target/debug/certscope roots --mozilla --out "$roots/mozilla.pem" --manifest "$roots/index.json"
  echo "$stamp" >"$roots/stamp"
fi
mkdir -p www/pkg/roots
cp "$roots/mozilla.pem" "$roots/index.json" www/pkg/roots/
printf '[build] Mozilla roots: %s bytes (%s)\n' "$(wc -c <www/pkg/roots/mozilla.pem)" "$(cat www/pkg/roots/index.json)"

# The npm package: the page's client, worker, web component, renderer and stylesheet, and both
# modules, in the same layout as www/ (pkg/ and pkg/full/), so every file is copied unchanged;
# plus the entry points, types and README from npm/.
rm -rf pkg-npm
mkdir -p pkg-npm/pkg/full
cp www/pkg/certscope_wasm.js www/pkg/certscope_wasm.d.ts www/pkg/certscope_wasm_bg.wasm pkg-npm/pkg/
cp www/pkg/full/certscope_wasm.js www/pkg/full/certscope_wasm_bg.wasm pkg-npm/pkg/full/
cp www/client.js www/worker.js www/cert-scope.js www/render.js www/report.css pkg-npm/
cp npm/index.js npm/node.js npm/index.d.ts npm/cert-scope.d.ts npm/README.md npm/package.json pkg-npm/
# The package's version is the crate's, set by npm itself.
version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
(cd pkg-npm && npm pkg set version="$version")
printf '[build] npm package in pkg-npm/ (certscope %s)\n' "$version"
