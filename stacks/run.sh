#!/usr/bin/env bash
# The stacks differential harness: every TLS stack's own answer on the corpus.
#
#   stacks/run.sh            regenerate tests/data/stacks/results.json.gz from the installed stacks
#   stacks/run.sh --check    regenerate into a temporary file and fail if any stack's answer
#                            (accepted or not, per chain and side) differs from the committed one
#   stacks/run.sh --corpus   also generate the corpus first: the chains already in it are kept,
#                            new variations get new keys (the profiles must then be re-checked)
#
# Installs the missing Debian packages (openssl, golang-go, default-jdk-headless, gnutls-bin,
# libnss3-tools, the -dev packages of the C drivers), builds the drivers of stacks/drivers/
# into target/stacks/ (rustls-webpki from crates.io, pinned by stacks/drivers/rustls/Cargo.lock)
# and runs them over tests/data/stacks/corpus.json.gz. See stacks/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
mode=write
case "${1:-}" in
  --check) mode=check ;;
  --corpus) mode=corpus ;;
  "") ;;
  *) echo "usage: stacks/run.sh [--check|--corpus]" >&2; exit 2 ;;
esac

packages=(openssl libssl-dev golang-go default-jdk-headless gnutls-bin libgnutls28-dev
          libnss3-tools libnss3-dev libwolfssl-dev libmbedtls-dev gcc python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

build=$root/target/stacks
mkdir -p "$build"
drivers=$root/stacks/drivers
cflags=(-O1 -Wall -Werror)
gcc "${cflags[@]}" -o "$build/openssl-driver" "$drivers/openssl.c" -lssl -lcrypto
gcc "${cflags[@]}" -o "$build/gnutls-driver" "$drivers/gnutls.c" -lgnutls
gcc "${cflags[@]}" -I/usr/include/nss -I/usr/include/nspr -o "$build/nss-driver" "$drivers/nss.c" -lnss3 -lnspr4
gcc "${cflags[@]}" -o "$build/wolfssl-driver" "$drivers/wolfssl.c" -lwolfssl
gcc "${cflags[@]}" -o "$build/mbedtls-driver" "$drivers/mbedtls.c" -lmbedx509 -lmbedcrypto
(cd "$drivers" && GO111MODULE=off GOCACHE="$build/go-cache" go build -o "$build/go-driver" go-driver.go)
javac -nowarn -d "$build" --add-exports java.base/sun.security.util=ALL-UNNAMED "$drivers/JavaDriver.java" 2>/dev/null
cargo build --quiet --release --locked --manifest-path "$drivers/rustls/Cargo.toml" --target-dir "$build/rustls-target"
cp "$build/rustls-target/release/stacks-rustls-driver" "$build/rustls-driver"

# The harness's own TLS server identity (wolfSSL's client cases need a server): not under test.
if [ ! -e "$build/corpus/server-cert.der" ]; then
  mkdir -p "$build/corpus"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=harness.invalid \
    -days 36500 -keyout "$build/server-key.pem" -outform DER -out "$build/corpus/server-cert.der" 2>/dev/null
  openssl pkey -in "$build/server-key.pem" -outform DER -out "$build/corpus/server-key.der"
fi

data=$root/tests/data/stacks
mkdir -p "$data"
if [ "$mode" = corpus ]; then
  python3 stacks/gen_corpus.py --seed 20 --keep "$data/corpus.json.gz" --out "$data/corpus.json.gz"
fi
if [ "$mode" = check ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  python3 stacks/run.py "$data/corpus.json.gz" "$build" "$tmp/results.json.gz"
  python3 stacks/compare.py "$data/results.json.gz" "$tmp/results.json.gz"
else
  python3 stacks/run.py "$data/corpus.json.gz" "$build" "$data/results.json.gz"
  echo "wrote tests/data/stacks/results.json.gz" >&2
fi
