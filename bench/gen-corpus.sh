#!/usr/bin/env bash
# Generates the benchmark corpus with openssl into bench/corpus/ (not committed: it is rebuilt
# by this script, which run.sh calls when the corpus is missing).
#
# Per key type (rsa2048, rsa4096, p256, p384, ed25519): one root, one intermediate under it and
# LEAVES_PER_TYPE leaves under the intermediate (default 200, so 1,000 leaves), every
# certificate of a chain using that key type. Leaves carry realistic extensions: 3 to 8 SANs
# (DNS, some IP and e-mail), EKU, KU, AKI/SKI, AIA (OCSP and caIssuers), CRL distribution point,
# certificate policies. Everything a leaf says (names, SAN count, serial, EKU choice, validity
# length) is drawn from bash's PRNG seeded with SEED (default 20261126); key material comes from
# openssl and is fresh each run, so leaves are drawn from a small pool of keys per type (key
# generation, RSA-4096 above all, would otherwise dominate).
#
# Also splits Debian's system roots (/etc/ssl/certs/ca-certificates.crt) into corpus/system/.
#
# Output: corpus/<type>/{root,intermediate}.der, corpus/<type>/leaf-NNNN.der, corpus/system/*.der,
# corpus/manifest.json (seed, counts, and the files of each chain).
set -euo pipefail
cd "$(dirname "$0")"
SEED=${SEED:-20261126}
LEAVES_PER_TYPE=${LEAVES_PER_TYPE:-200}
KEYS_PER_TYPE=${KEYS_PER_TYPE:-3}
TYPES=(rsa2048 rsa4096 p256 p384 ed25519)
out=corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out/system"
RANDOM=$SEED

genkey() { # type file
  case $1 in
    rsa2048) openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$2" ;;
    rsa4096) openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:4096 -out "$2" ;;
    p256) openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:named_curve -out "$2" ;;
    p384) openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -pkeyopt ec_param_enc:named_curve -out "$2" ;;
    ed25519) openssl genpkey -quiet -algorithm ed25519 -out "$2" ;;
  esac
}
digest() { # type -> digest option (none for Ed25519, which hashes internally)
  case $1 in
    p384) echo -sha384 ;;
    ed25519) ;;
    *) echo -sha256 ;;
  esac
}

cat >"$work/openssl.cnf" <<'CNF'
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[root]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[intermediate]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, digitalSignature, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
extendedKeyUsage = serverAuth, clientAuth
authorityInfoAccess = OCSP;URI:http://ocsp.bench-root.test, caIssuers;URI:http://pki.bench-root.test/root.der
crlDistributionPoints = URI:http://crl.bench-root.test/root.crl
certificatePolicies = 2.23.140.1.2.1, 2.23.140.1.2.2
[leaf]
basicConstraints = critical, CA:false
keyUsage = critical, $ENV::CS_KU
extendedKeyUsage = $ENV::CS_EKU
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = $ENV::CS_SAN
authorityInfoAccess = OCSP;URI:http://ocsp.bench-ca.test, caIssuers;URI:http://pki.bench-ca.test/$ENV::CS_TYPE.der
crlDistributionPoints = URI:http://crl.bench-ca.test/$ENV::CS_TYPE.crl
certificatePolicies = 2.23.140.1.2.$ENV::CS_POLICY, 1.3.6.1.4.1.44947.1.1.1
CNF
export CS_KU=x CS_EKU=x CS_SAN=x CS_TYPE=x CS_POLICY=1
conf=(-config "$work/openssl.cnf")
words=(alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november
  oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu)
orgs=("Example Corp" "Bench Industries" "Nordwind GmbH" "Atelier Lumiere SARL" "Sakura KK")

manifest="$work/manifest"
: >"$manifest"
for type in "${TYPES[@]}"; do
  dir=$out/$type
  mkdir -p "$dir"
  printf '[corpus] %s: keys\n' "$type" >&2
  genkey "$type" "$work/$type-root.key"
  genkey "$type" "$work/$type-int.key"
  for k in $(seq 1 "$KEYS_PER_TYPE"); do genkey "$type" "$work/$type-leaf$k.key"; done
  # shellcheck disable=SC2046
  openssl req "${conf[@]}" -new -x509 -key "$work/$type-root.key" $(digest "$type") \
    -subj "/C=US/O=Bench Trust $type/CN=Bench Root $type" -days 7300 -set_serial "$((RANDOM * 32768 + RANDOM))" \
    -extensions root -out "$work/$type-root.pem"
  # shellcheck disable=SC2046
  openssl req "${conf[@]}" -new -key "$work/$type-int.key" -CA "$work/$type-root.pem" \
    -CAkey "$work/$type-root.key" $(digest "$type") \
    -subj "/C=US/O=Bench Trust $type/CN=Bench Issuing CA $type" -days 3650 \
    -set_serial "$((RANDOM * 32768 + RANDOM))" -extensions intermediate -out "$work/$type-int.pem"
  openssl x509 -in "$work/$type-root.pem" -outform DER -out "$dir/root.der"
  openssl x509 -in "$work/$type-int.pem" -outform DER -out "$dir/intermediate.der"
  printf '[corpus] %s: %d leaves\n' "$type" "$LEAVES_PER_TYPE" >&2
  case $type in
    rsa*) ku_default="digitalSignature, keyEncipherment" ;;
    *) ku_default="digitalSignature" ;;
  esac
  for i in $(seq -f '%04g' 1 "$LEAVES_PER_TYPE"); do
    w1=${words[RANDOM % 26]}
    w2=${words[RANDOM % 26]}
    org=${orgs[RANDOM % 5]}
    host="$w1-$i.$w2.example.test"
    sans="DNS:$host, DNS:www.$host"
    extra=$((1 + RANDOM % 6))
    for s in $(seq 1 "$extra"); do
      case $((RANDOM % 4)) in
        0) sans+=", IP:10.$((RANDOM % 256)).$((RANDOM % 256)).$((RANDOM % 256))" ;;
        1) sans+=", email:admin@$w2.example.test" ;;
        *) sans+=", DNS:${words[RANDOM % 26]}$s.$w2.example.test" ;;
      esac
    done
    case $((RANDOM % 3)) in
      0) CS_EKU="serverAuth" ;;
      *) CS_EKU="serverAuth, clientAuth" ;;
    esac
    CS_KU=$ku_default CS_SAN=$sans CS_TYPE=$type CS_POLICY=$((1 + RANDOM % 2))
    export CS_KU CS_EKU CS_SAN CS_TYPE CS_POLICY
    # shellcheck disable=SC2046
    openssl req "${conf[@]}" -new -key "$work/$type-leaf$((1 + RANDOM % KEYS_PER_TYPE)).key" \
      -CA "$work/$type-int.pem" -CAkey "$work/$type-int.key" $(digest "$type") \
      -subj "/C=US/ST=California/L=San Francisco/O=$org/OU=Bench $w1/CN=$host" \
      -days $((90 + RANDOM % 308)) -set_serial "$((RANDOM * 32768 + RANDOM))$((RANDOM))" \
      -extensions leaf -outform DER -out "$dir/leaf-$i.der"
  done
  printf '%s\n' "$type" >>"$manifest"
done

# Debian's system roots, one DER file each.
awk -v dir="$work/sys" 'BEGIN { system("mkdir -p " dir) }
  /-----BEGIN CERTIFICATE-----/ { n++; file = sprintf("%s/%03d.pem", dir, n) }
  file { print > file }
  /-----END CERTIFICATE-----/ { close(file); file = "" }' /etc/ssl/certs/ca-certificates.crt
for pem in "$work"/sys/*.pem; do
  openssl x509 -in "$pem" -outform DER -out "$out/system/$(basename "$pem" .pem).der"
done

{
  printf '{\n  "seed": %s,\n  "leaves_per_type": %s,\n  "types": [' "$SEED" "$LEAVES_PER_TYPE"
  sep=''
  for type in "${TYPES[@]}"; do printf '%s"%s"' "$sep" "$type"; sep=', '; done
  printf '],\n  "system_roots": %s\n}\n' "$(ls "$out/system" | wc -l)"
} >"$out/manifest.json"
printf '[corpus] %s leaves, %s system roots in bench/corpus/\n' \
  "$(ls "$out"/*/leaf-*.der | wc -l)" "$(ls "$out/system" | wc -l)" >&2
