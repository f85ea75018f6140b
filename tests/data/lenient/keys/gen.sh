#!/usr/bin/env bash
# Keys in the encodings certscope must read: OpenSSL's legacy encrypted PEM (Proc-Type/DEK-Info,
# password "secret"), DSA keys in every form, EC keys with explicit curve parameters. Made from
# rsa.pem and dsa.pkcs8.pem (the subject keys of ../corpus/gen.py too) with `openssl`; the
# legacy PEM IVs and the DSA signature are random, so a rerun changes bytes, not meaning.
# oracle.txt records what `openssl pkey` says of each (its version on the first line).
set -euo pipefail
cd "$(dirname "$0")"
pass=pass:secret
# Single DES is in OpenSSL 3's legacy provider (without it `-des` writes the key unencrypted).
legacy=(-provider default -provider legacy)
for cipher in des des3 aes128 aes192 aes256; do
  openssl rsa "${legacy[@]}" -in rsa.pem -traditional "-$cipher" -passout "$pass" \
    -out "rsa-legacy-$cipher.pem" 2>/dev/null
  grep -q "^Proc-Type: 4,ENCRYPTED" "rsa-legacy-$cipher.pem"
done
openssl ec -in <(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 2>/dev/null) \
  -aes256 -passout "$pass" -out ec-legacy-aes256.pem 2>/dev/null
openssl dsa -in dsa.pkcs8.pem -des3 -passout "$pass" -out dsa-legacy-des3.pem 2>/dev/null
# DSA: OpenSSL's DSA PRIVATE KEY (PEM and DER), PKCS#8, the public key, a self-signed
# certificate with the key.
openssl dsa -in dsa.pkcs8.pem -out dsa.pem 2>/dev/null
openssl dsa -in dsa.pkcs8.pem -outform DER -out dsa.der 2>/dev/null
openssl pkey -in dsa.pkcs8.pem -pubout -out dsa.pub.pem
openssl req -x509 -key dsa.pkcs8.pem -subj "/O=certscope lenient fixtures/CN=dsa" -days 3650 \
  -set_serial 7 -out dsa-cert.pem
# EC with explicit parameters (SEC 1 C.2), for the named curves certscope knows and one it does
# not (brainpoolP256r1), as SEC1, PKCS#8 and public key.
for curve in P-256 P-384 P-521 secp256k1 brainpoolP256r1; do
  name=$(echo "$curve" | tr 'A-Z' 'a-z' | tr -d '-')
  openssl genpkey -algorithm EC -pkeyopt "ec_paramgen_curve:$curve" -out "/tmp/$name.pem"
  openssl ec -in "/tmp/$name.pem" -param_enc explicit -out "ec-explicit-$name.sec1.pem" 2>/dev/null
  openssl pkcs8 -topk8 -nocrypt -in "ec-explicit-$name.sec1.pem" -out "ec-explicit-$name.pkcs8.pem"
  openssl ec -in "/tmp/$name.pem" -param_enc explicit -pubout -out "ec-explicit-$name.pub.pem" 2>/dev/null
  rm -f "/tmp/$name.pem"
done
# PEM labels: an EC SubjectPublicKeyInfo under RSA PUBLIC KEY (openssl pkey reads it as the EC
# key it is; openssl rsa -RSAPublicKey_in says "Not an RSA key"), and an RSA PUBLIC KEY block
# that holds what its label says (PKCS#1 RSAPublicKey).
openssl ec -in ec-legacy-aes256.pem -passin "$pass" -pubout 2>/dev/null |
  sed 's/PUBLIC KEY-----/RSA PUBLIC KEY-----/' >ec-rsa-label.pub.pem
openssl rsa -in rsa.pem -RSAPublicKey_out -out rsa-pkcs1.pub.pem 2>/dev/null
{
  openssl version
  for file in *.pem *.der; do
    case $file in *.der) form=DER ;; *) form=PEM ;; esac
    case $file in
      *cert.pem) out=$(openssl x509 -in "$file" -noout -text | grep -E 'Public-Key:|Subject:') ;;
      *.pub.pem) out=$(openssl pkey -pubin -in "$file" -noout -text | head -1) ;;
      *) out=$(openssl pkey "${legacy[@]}" -inform "$form" -in "$file" -passin "$pass" -noout -text | head -1) ;;
    esac
    echo "== $file"
    echo "$out" | sed 's/^ *//'
  done
} >oracle.txt
