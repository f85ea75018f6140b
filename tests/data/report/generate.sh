#!/usr/bin/env bash
# Regenerates the report fixtures: certificates covering every extension the report decodes.
#
# Usage: tests/data/report/generate.sh   (from anywhere; needs openssl 3)
#
# Deterministic: the keys are committed (keys/, test keys only, never trusted anywhere), dates
# and serials are fixed, and every signature is deterministic (RSA PKCS#1 v1.5, and RSASSA-PSS
# with a zero-length salt), so a rerun must produce no diff. Run
# `CERTSCOPE_BLESS=1 cargo test -p certscope --test report` afterwards to refresh the golden
# JSON reports.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CERTSCOPE_CA_DIR="$work"

key() { # NAME ALGORITHM-ARGS...: creates keys/NAME.key once
  local name="$1"; shift
  [ -f "keys/$name.key" ] || openssl genpkey "$@" -out "keys/$name.key" 2>/dev/null
}
key root -algorithm RSA -pkeyopt rsa_keygen_bits:2048
key intermediate -algorithm RSA -pkeyopt rsa_keygen_bits:2048
key leaf-ec -algorithm EC -pkeyopt ec_paramgen_curve:P-256
key leaf-rsa -algorithm RSA -pkeyopt rsa_keygen_bits:2048
key leaf-ed25519 -algorithm ED25519

# issue NAME KEY SUBJECT ISSUER SERIAL START END SECTION [openssl ca options...]
# ISSUER is a fixture name, or "self" for a self-signed certificate.
issue() {
  local name="$1" key="$2" subject="$3" issuer="$4" serial="$5" start="$6" end="$7"
  local section="$8"
  shift 8
  openssl req -new -config ca.cnf -key "keys/$key.key" -subj "/CN=unused" \
    -out "$work/$name.csr" 2>/dev/null
  : > "$work/index.txt"
  echo "$serial" > "$work/serial"
  local signer=(-cert "$issuer.pem" -keyfile "keys/$issuer.key")
  [ "$issuer" = self ] && signer=(-selfsign -keyfile "keys/$key.key")
  local extensions=()
  [ "$section" = none ] || extensions=(-extfile extensions.cnf -extensions "$section")
  openssl ca -batch -config ca.cnf -notext -utf8 -multivalue-rdn -preserveDN \
    -in "$work/$name.csr" -out "$name.pem" -subj "$subject" "${signer[@]}" \
    -startdate "$start" -enddate "$end" "${extensions[@]}" "$@" 2>"$work/$name.log" \
    || { cat "$work/$name.log" >&2; exit 1; }
}

issue root root "/C=US/O=Certscope Fixtures/CN=Certscope Fixture Root" self \
  1000 20240101000000Z 20500101000000Z root
issue intermediate intermediate "/C=US/O=Certscope Fixtures/OU=Issuing/CN=Certscope Fixture Intermediate" root \
  2000 20240601000000Z 20340601000000Z intermediate
issue leaf-tls leaf-ec "/C=US/ST=California/L=San Francisco/O=Exämple Org/CN=leaf.example.com+serialNumber=42" intermediate \
  0123456789abcdef0123 20250101000000Z 20260101000000Z leaf_tls
issue precert leaf-rsa "/C=US/O=Example Org/CN=precert.example.com" intermediate \
  3000 20250101000000Z 20260101000000Z precert
issue ocsp-responder leaf-ed25519 "/C=US/O=Certscope Fixtures/CN=Certscope Fixture OCSP Responder" intermediate \
  3001 20250101000000Z 20250401000000Z ocsp_responder
issue pss-leaf leaf-rsa "/C=US/O=Example Org/CN=Signer/emailAddress=signer@example.com" intermediate \
  3002 20250101000000Z 20260101000000Z pss_leaf \
  -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:0 -sigopt rsa_mgf1_md:sha256
issue broken leaf-ec "/CN=broken.example.com" intermediate \
  3003 20250101000000Z 20260101000000Z broken
issue v1 leaf-rsa "/CN=Version One" self \
  01 20250101000000Z 20260101000000Z none
echo "fixtures written to $here" >&2
