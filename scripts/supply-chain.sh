#!/usr/bin/env bash
# Supply-chain checks: cargo-deny (licences, bans incl. duplicate versions, sources; advisories
# when the RustSec database can be fetched) and npm audit for the test packages (when the
# registry's audit endpoint answers). Installs cargo-deny when missing. Exits non-zero on a
# policy failure or a reported vulnerability; an unreachable database is reported, not failed.
# See docs/supply-chain.md.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0

if ! cargo deny --version >/dev/null 2>&1; then
  cargo install --locked cargo-deny || cargo install cargo-deny || exit 1
fi

echo "==> cargo deny check licenses bans sources"
cargo deny --workspace check licenses bans sources || status=1

echo "==> cargo deny check advisories"
if timeout 20 git ls-remote https://github.com/rustsec/advisory-db HEAD >/dev/null 2>&1; then
  cargo deny --workspace check advisories || status=1
else
  echo "note: the RustSec advisory database (github.com/rustsec/advisory-db) is unreachable;"
  echo "      advisories NOT checked"
fi

for dir in tests/e2e tests/npm bench; do
  [ -f "$dir/package-lock.json" ] || continue
  echo "==> npm audit ($dir)"
  out=$(cd "$dir" && npm audit --json 2>/dev/null)
  code=$?
  if [ $code -eq 0 ]; then
    echo "no known vulnerabilities"
  elif printf '%s' "$out" | grep -q '"vulnerabilities"'; then
    printf '%s\n' "$out"
    status=1
  else
    echo "note: the npm audit endpoint did not answer; $dir NOT audited"
    printf '%s\n' "$out" | grep -m1 '"message"' || true
  fi
done
exit $status
