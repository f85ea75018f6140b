#!/bin/sh
# Generates the input fixtures. Usage: gen.sh [OUTPUT_DIR] (default: this folder).
#
# Deterministic outputs (gen.py: certificates, CSRs, CRLs, keys, PKCS#7) are checked by
# check.sh. The RSA key is made once and committed (RSA key generation cannot be seeded).
# The outputs below this line use random salts and IVs, so they differ at every run and are
# listed in NONDETERMINISTIC for check.sh to skip.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
mkdir -p "$out"
[ -f "$here/rsa.key.pem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$here/rsa.key.pem"
python3 "$here/gen.py" "$out"

# PKCS#7 with certificates and a CRL (openssl crl2pkcs7 is deterministic).
openssl crl2pkcs7 -in "$out/crl.pem" -certfile "$out/ca.pem" -outform DER -out "$out/bundle-crl.p7b"

# PKCS#12, password "fixture": modern (PBES2, PBKDF2-HMAC-SHA-256, AES-256-CBC, HMAC-SHA-256 MAC)
# and legacy (RC2-40 for the certificates, 3DES for the key, SHA-1 MAC).
openssl pkcs12 -export -passout pass:fixture -inkey "$out/ec.pkcs8.pem" -in "$out/ec-leaf.pem" \
  -certfile "$out/ca.pem" -name "ec leaf" -out "$out/modern.p12"
if openssl pkcs12 -export -legacy -passout pass:fixture -inkey "$out/ec.pkcs8.pem" -in "$out/ec-leaf.pem" \
  -certfile "$out/ca.pem" -out "$out/legacy-rc2.p12" 2>/dev/null; then :; else
  # Without OpenSSL's legacy provider RC2 is unavailable; 3DES still gives the legacy PBE.
  openssl pkcs12 -export -passout pass:fixture -inkey "$out/ec.pkcs8.pem" -in "$out/ec-leaf.pem" \
    -certfile "$out/ca.pem" -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES -macalg sha1 \
    -out "$out/legacy-rc2.p12"
fi
openssl pkcs12 -export -passout pass:fixture -inkey "$here/rsa.key.pem" -in "$out/ca.pem" \
  -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES -macalg sha1 -out "$out/legacy-3des.p12"
# A hostile iteration count (10,000,000) for the limit test.
openssl pkcs12 -export -passout pass:fixture -in "$out/ca.pem" -nokeys -iter 10000000 -noiter 2>/dev/null \
  -out "$out/many-iterations.p12" || true

# Encrypted PKCS#8, password "fixture": PBES2 (AES-256-CBC, PBKDF2-HMAC-SHA-256) and legacy PBE.
openssl pkcs8 -topk8 -in "$out/ec.pkcs8.pem" -passout pass:fixture -v2 aes-256-cbc -v2prf hmacWithSHA256 \
  -out "$out/ec.encrypted.pem"
openssl pkcs8 -topk8 -in "$out/rsa.pkcs1.pem" -passout pass:fixture -v1 PBE-SHA1-3DES \
  -outform DER -out "$out/rsa.encrypted-legacy.der"

# PKCS#12 with the empty password, as many tools export by default.
openssl pkcs12 -export -passout pass: -inkey "$out/ed25519.pkcs8.pem" -in "$out/ed-leaf.pem" \
  -out "$out/empty-password.p12"

# Encrypted PKCS#8 with scrypt (N=16384, r=8, p=1), password "fixture".
openssl pkcs8 -topk8 -in "$out/ec.pkcs8.pem" -passout pass:fixture -scrypt -out "$out/ec.encrypted-scrypt.pem"
