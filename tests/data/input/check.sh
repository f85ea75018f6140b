#!/bin/sh
# Regenerates the fixtures into a scratch folder and fails if any deterministic output differs
# from the committed one. Outputs with random salts or IVs (PKCS#12, encrypted keys) are
# skipped: they are checked by the tests instead.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$here/gen.sh" "$scratch" >/dev/null 2>&1
status=0
for file in "$scratch"/*; do
  name=$(basename "$file")
  case "$name" in
    *.p12 | *.encrypted*) continue ;;
  esac
  if ! cmp -s "$file" "$here/$name"; then
    echo "differs after regeneration: $name"
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "fixtures regenerate without a diff"
exit "$status"
