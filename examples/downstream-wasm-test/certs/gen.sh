#!/usr/bin/env bash
# Regenerates the example's test PKI: a private root CA and one device certificate for mTLS.
# Keys are throwaway; signatures differ on every run (ECDSA), names and extensions do not.
set -euo pipefail
cd "$(dirname "$0")"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout root.key \
  -subj "/O=Example Devices/CN=Example Devices Test Root" -days 7300 \
  -set_serial 0x1a2b3c4d5e6f -out root.pem \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -addext "subjectKeyIdentifier=hash" 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout device.key \
  -subj "/O=Example Devices/serialNumber=SN-0042/CN=sensor-0042" -out device.csr 2>/dev/null
cat > device.ext <<'EXT'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectAltName = URI:spiffe://devices.example/sensor/0042
authorityKeyIdentifier = keyid
subjectKeyIdentifier = hash
EXT
openssl x509 -req -in device.csr -CA root.pem -CAkey root.key -set_serial 0x42 \
  -days 730 -extfile device.ext -out device.pem 2>/dev/null
rm -f device.csr device.ext root.key device.key
