#!/usr/bin/env python3
"""Certificates the strict decoder refuses and the lenient path must read.

`python3 gen.py [DIR]` writes into DIR (default: this folder). Deterministic: the key is a
fixed Ed25519 key (Ed25519 signatures are deterministic) and the values below are fixed, so
rerunning gives the same bytes. The DER mutations are made on the element tree by the small
reader and writer below; the signatures of mutated certificates no longer verify, which does
not matter for decoding. `oracle.txt` records what `openssl x509` reads from each file.
"""
import datetime
import subprocess
import sys
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

here = Path(__file__).resolve().parent
out = Path(sys.argv[1]) if len(sys.argv) > 1 else here

UTC = datetime.timezone.utc
KEY = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
# UUID OIDs (X.667): arcs of 128 bits.
EKU_UUID = "2.25.329800735698586629295641978511506172918"
POLICY_UUID = "2.25.223663599306440405460458126262393512387"
EXTENSION_UUID = "2.25.113059749145936325402354257176981405696"
ATTRIBUTE_UUID = "2.25.987654321098765432109876543210"
SIGNATURE_UUID = "2.25.260276542659862290393113451425637105123"
KEY_UUID = "2.25.17767458734895423762304157234978234789"


def name(cn, extra=()):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "certscope lenient fixtures"),
                      *extra, x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def build(cn, not_before, not_after, serial=0x1234, extra_name=(), extensions=()):
    builder = (x509.CertificateBuilder().subject_name(name(cn, extra_name))
               .issuer_name(name("Lenient Fixture CA"))
               .public_key(KEY.public_key()).serial_number(serial)
               .not_valid_before(not_before).not_valid_after(not_after)
               .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
               .add_extension(x509.SubjectAlternativeName([x509.DNSName(f"{cn}.example")]),
                              critical=False))
    for ext, critical in extensions:
        builder = builder.add_extension(ext, critical=critical)
    return builder.sign(KEY, None).public_bytes(serialization.Encoding.DER)


# --- a minimal DER tree -------------------------------------------------------------------
def parse(data, offset=0):
    """(tag, content-or-children, end)."""
    tag = data[offset]
    length = data[offset + 1]
    position = offset + 2
    if length & 0x80:
        count = length & 0x7f
        length = int.from_bytes(data[position:position + count], "big")
        position += count
    end = position + length
    if tag & 0x20:
        children = []
        at = position
        while at < end:
            child = parse(data, at)
            children.append(child[:2])
            at = child[2]
        return tag, children, end
    return tag, data[position:end], end


def encode(node, long_length=False):
    tag, value = node
    content = b"".join(encode(c) for c in value) if isinstance(value, list) else value
    length = len(content)
    if long_length:
        header = bytes([tag, 0x84]) + length.to_bytes(4, "big")
    elif length < 0x80:
        header = bytes([tag, length])
    else:
        size = (length.bit_length() + 7) // 8
        header = bytes([tag, 0x80 | size]) + length.to_bytes(size, "big")
    return header + content


def tree(der):
    tag, children, _ = parse(der)
    return [tag, children]


def tbs(cert):
    return cert[1][0][1]


def mutate(der, change):
    cert = tree(der)
    cert[1] = [list(c) if isinstance(c, tuple) else c for c in cert[1]]
    fields = [list(f) for f in tbs(cert)]
    cert[1][0] = [cert[1][0][0], fields]
    result = change(cert, fields)
    return result if isinstance(result, bytes) else encode(cert)


def write(filename, data):
    (out / filename).write_bytes(data)


T2020 = datetime.datetime(2020, 1, 1, tzinfo=UTC)
T2049 = datetime.datetime(2049, 12, 31, tzinfo=UTC)

base = build("base", T2020, T2049)

# UUID OIDs in an extension's OID, in extendedKeyUsage, in certificatePolicies, in a name.
write("uuid-oids.der", build(
    "uuid", T2020, T2049,
    extra_name=[x509.NameAttribute(x509.ObjectIdentifier(ATTRIBUTE_UUID), "device-7")],
    extensions=[
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, x509.ObjectIdentifier(EKU_UUID)]), False),
        (x509.CertificatePolicies([x509.PolicyInformation(x509.ObjectIdentifier(POLICY_UUID), None)]), False),
        (x509.UnrecognizedExtension(x509.ObjectIdentifier(EXTENSION_UUID), b"\x05\x00"), False),
    ]))

# Dates before 1970: UTCTime 50-69 is 1950-1969 (RFC 5280 4.1.2.5.1).
write("utc-1965.der", build("sixties", datetime.datetime(1965, 3, 1, 12, 0, 0, tzinfo=UTC), T2049))
write("utc-1969-expired.der", build("expired", datetime.datetime(1950, 1, 1, tzinfo=UTC),
                                    datetime.datetime(1969, 12, 31, 23, 59, 59, tzinfo=UTC)))


def version_7(cert, fields):
    fields[0] = [0xa0, [(0x02, b"\x07")]]


def utc_without_seconds(cert, fields):
    validity = list(fields[4][1])
    validity[0] = (0x17, b"2001011200Z")
    fields[4] = [0x30, validity]


def utc_with_offset(cert, fields):
    validity = list(fields[4][1])
    validity[1] = (0x17, b"491231235959+0100")
    fields[4] = [0x30, validity]


def generalized_with_fraction(cert, fields):
    validity = list(fields[4][1])
    validity[1] = (0x18, b"20491231000000.5Z")
    fields[4] = [0x30, validity]


def serial_not_minimal(cert, fields):
    fields[1] = [0x02, b"\x00\x00\x12\x34"]


def explicit_critical_false(cert, fields):
    extensions = list(fields[7][1][0][1])
    san = list(extensions[1][1])
    extensions[1] = (0x30, [san[0], (0x01, b"\x00"), san[1]])
    fields[7] = [0xa3, [(0x30, extensions)]]


def boolean_true_01(cert, fields):
    extensions = list(fields[7][1][0][1])
    bc = list(extensions[0][1])
    extensions[0] = (0x30, [bc[0], (0x01, b"\x01"), bc[2]])
    fields[7] = [0xa3, [(0x30, extensions)]]


def long_lengths(cert, fields):
    tbs_node = (cert[1][0][0], [tuple(f) for f in fields])
    body = encode(tbs_node, long_length=True) + encode(cert[1][1]) + encode(cert[1][2])
    return bytes([0x30, 0x84]) + len(body).to_bytes(4, "big") + body


def time_invalid(cert, fields):
    validity = list(fields[4][1])
    validity[0] = (0x17, b"200230120000Z")
    fields[4] = [0x30, validity]


def spki_unused_bits(cert, fields):
    spki = list(fields[6][1])
    bits = spki[1]
    spki[1] = (0x03, b"\x03" + bits[1][1:])
    fields[6] = [0x30, spki]


def oid_der(dotted):
    arcs = [int(a) for a in dotted.split(".")]
    out = b""
    for arc in [40 * arcs[0] + arcs[1]] + arcs[2:]:
        chunk = [arc & 0x7f]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7f))
            arc >>= 7
        out += bytes(reversed(chunk))
    return out


def uuid_algorithms(cert, fields):
    # A signature algorithm and a public key algorithm named by UUID OIDs (X.667), in
    # tbsCertificate.signature, signatureAlgorithm and subjectPublicKeyInfo.algorithm.
    signature = (0x30, [(0x06, oid_der(SIGNATURE_UUID))])
    fields[2] = list(signature)
    cert[1][1] = signature
    spki = list(fields[6][1])
    spki[0] = (0x30, [(0x06, oid_der(KEY_UUID))])
    fields[6] = [0x30, spki]


for filename, change in [
    ("uuid-algorithms.der", uuid_algorithms),
    ("time-invalid.der", time_invalid),
    ("spki-unused-bits.der", spki_unused_bits),
    ("version-7.der", version_7),
    ("utc-no-seconds.der", utc_without_seconds),
    ("utc-offset.der", utc_with_offset),
    ("generalized-fraction.der", generalized_with_fraction),
    ("serial-not-minimal.der", serial_not_minimal),
    ("critical-false.der", explicit_critical_false),
    ("boolean-01.der", boolean_true_01),
    ("long-lengths.der", long_lengths),
]:
    write(filename, mutate(base, change))

# --- PKCS#12 with an empty password -------------------------------------------------------
def pkcs12_kdf(password, salt, purpose, iterations, size, v=64):
    """RFC 7292 B.2 with SHA-1; `password` already encoded (BMPString or zero bytes)."""
    import hashlib

    def stretch(data):
        if not data:
            return b""
        length = v * ((len(data) + v - 1) // v)
        return (data * (length // len(data) + 1))[:length]

    block = stretch(salt) + stretch(password)
    out = b""
    while len(out) < size:
        digest = hashlib.sha1(bytes([purpose]) * v + block).digest()
        for _ in range(iterations - 1):
            digest = hashlib.sha1(digest).digest()
        b = int.from_bytes((digest * (v // len(digest) + 1))[:v], "big")
        block = b"".join(
            ((int.from_bytes(block[j:j + v], "big") + b + 1) % (1 << (8 * v))).to_bytes(v, "big")
            for j in range(0, len(block), v))
        out += digest
    return out[:size]


def without_mac(pfx):
    node = tree(pfx)
    node[1] = node[1][:2]
    return encode(node)


def zero_length_mac(pfx):
    """The MAC as some tools compute it for no password: over a zero-length password (not the
    BMPString terminator), SHA-1, one iteration."""
    import hashlib
    import hmac

    node = tree(pfx)
    auth_safe = node[1][1][1][1][1][0][1]
    salt = bytes(range(8))
    key = pkcs12_kdf(b"", salt, 3, 1, 20)
    digest = hmac.new(key, auth_safe, hashlib.sha1).digest()
    mac = (0x30, [(0x30, [(0x30, [(0x06, bytes.fromhex("2b0e03021a")), (0x05, b"")]), (0x04, digest)]),
                  (0x04, salt), (0x02, b"\x01")])
    node[1] = node[1][:2] + [mac]
    return encode(node)


from cryptography.hazmat.primitives.serialization import NoEncryption, pkcs12  # noqa: E402

p12_cert = x509.load_der_x509_certificate(build("p12", T2020, T2049))
pfx = pkcs12.serialize_key_and_certificates(b"p12", KEY, p12_cert, None, NoEncryption())
(out / "empty-password-zero-length.p12").write_bytes(zero_length_mac(pfx))
(out / "no-mac.p12").write_bytes(without_mac(pfx))

# --- CRLs and requests ----------------------------------------------------------------
def crl(extensions=(), revoked=True):
    builder = (x509.CertificateRevocationListBuilder().issuer_name(name("Lenient Fixture CA"))
               .last_update(T2020).next_update(datetime.datetime(2020, 2, 1, tzinfo=UTC))
               .add_extension(x509.CRLNumber(7), critical=False))
    for ext, critical in extensions:
        builder = builder.add_extension(ext, critical=critical)
    if revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(0x99).revocation_date(T2020)
            .add_extension(x509.CRLReason(x509.ReasonFlags.key_compromise), critical=False).build())
    return builder.sign(KEY, None).public_bytes(serialization.Encoding.DER)


def request(extensions=True):
    builder = x509.CertificateSigningRequestBuilder().subject_name(name("request"))
    if extensions:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName("request.example")]), critical=False)
    return builder.sign(KEY, None).public_bytes(serialization.Encoding.DER)


crl_base = crl()
csr_base = request()
write("crl-base.crl", crl_base)
write("csr-base.csr", csr_base)

# tbsCertList: version, signature, issuer, thisUpdate, nextUpdate, revokedCertificates, [0].
def crl_version(value):
    def change(cert, fields):
        fields[0] = [0x02, bytes([value])]
    return change


def crl_v1_with_extensions(cert, fields):
    del fields[0]


def crl_signature_mismatch(cert, fields):
    # ecdsa-with-SHA256 inside, Ed25519 outside.
    fields[1] = [0x30, [(0x06, bytes.fromhex("2a8648ce3d040302"))]]


def crl_without_next_update(cert, fields):
    del fields[4]


def crl_next_before_this(cert, fields):
    fields[4] = [0x17, b"191231000000Z"]


def crl_generalized_2030(cert, fields):
    fields[3] = [0x18, b"20300101000000Z"]
    fields[4] = [0x18, b"20300201000000Z"]


def crl_utc_1965(cert, fields):
    fields[3] = [0x17, b"650301120000Z"]


def crl_utc_no_seconds(cert, fields):
    fields[3] = [0x17, b"2001011200Z"]


def crl_issuer_printable(cert, fields):
    issuer = list(fields[2][1])
    # O = certscope lenient fixtures -> a PrintableString with '@' and '*'.
    rdn = issuer[0]
    atv = rdn[1][0]
    issuer[0] = (0x31, [(0x30, [atv[1][0], (0x13, b"certscope@lenient*fixtures")])])
    fields[2] = [0x30, issuer]


def crl_duplicate_extension(cert, fields):
    extensions = list(fields[6][1][0][1])
    fields[6] = [0xa0, [(0x30, extensions + extensions)]]


def crl_revoked_empty(cert, fields):
    fields[5] = [0x30, []]


def crl_long_lengths(cert, fields):
    tbs_node = (cert[1][0][0], [tuple(f) for f in fields])
    body = encode(tbs_node, long_length=True) + encode(cert[1][1]) + encode(cert[1][2])
    return bytes([0x30, 0x84]) + len(body).to_bytes(4, "big") + body


for filename, change in [
    ("crl-v3.crl", crl_version(2)),
    ("crl-version-7.crl", crl_version(6)),
    ("crl-v1-with-extensions.crl", crl_v1_with_extensions),
    ("crl-signature-mismatch.crl", crl_signature_mismatch),
    ("crl-no-next-update.crl", crl_without_next_update),
    ("crl-next-before-this.crl", crl_next_before_this),
    ("crl-generalized-2030.crl", crl_generalized_2030),
    ("crl-utc-1965.crl", crl_utc_1965),
    ("crl-utc-no-seconds.crl", crl_utc_no_seconds),
    ("crl-issuer-printable.crl", crl_issuer_printable),
    ("crl-duplicate-extension.crl", crl_duplicate_extension),
    ("crl-revoked-empty.crl", crl_revoked_empty),
    ("crl-long-lengths.crl", crl_long_lengths),
]:
    write(filename, mutate(crl_base, change))


# certificationRequestInfo: version, subject, subjectPKInfo, [0] attributes.
def csr_version_1(cert, fields):
    fields[0] = [0x02, b"\x01"]


def csr_attribute_empty(cert, fields):
    # challengePassword with no values, in place of the extensionRequest.
    fields[3] = [0xa0, [(0x30, [(0x06, bytes.fromhex("2a864886f70d010907")), (0x31, [])])]]


def csr_duplicate_extension(cert, fields):
    attribute = fields[3][1][0]
    values = attribute[1][1]
    extensions = values[1][0]
    doubled = (0x30, list(extensions[1]) + list(extensions[1]))
    fields[3] = [0xa0, [(0x30, [attribute[1][0], (0x31, [doubled])])]]


def csr_integer_not_minimal(cert, fields):
    fields[0] = [0x02, b"\x00\x00"]


for filename, change in [
    ("csr-version-1.csr", csr_version_1),
    ("csr-attribute-empty.csr", csr_attribute_empty),
    ("csr-duplicate-extension.csr", csr_duplicate_extension),
    ("csr-version-not-minimal.csr", csr_integer_not_minimal),
    ("csr-long-lengths.csr", crl_long_lengths),
]:
    write(filename, mutate(csr_base, change))

# What OpenSSL reads from each (serial, validity, extended key usage, policies, algorithms).
lines = [subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.strip()]
for path in sorted(out.glob("*.der")):
    result = subprocess.run(
        ["openssl", "x509", "-inform", "DER", "-in", str(path), "-noout", "-serial", "-dates",
         "-ext", "extendedKeyUsage,certificatePolicies"],
        capture_output=True, text=True)
    lines.append(f"== {path.name} (exit {result.returncode})")
    lines.extend(line.rstrip() for line in result.stdout.splitlines())
    if result.returncode == 0:
        # The algorithms as `openssl x509 -text` names them: a name it knows, else the OID.
        text = subprocess.run(["openssl", "x509", "-inform", "DER", "-in", str(path), "-noout",
                               "-text"], capture_output=True, text=True).stdout
        for heading, key in [("Signature Algorithm: ", "signature_algorithm"),
                             ("Public Key Algorithm: ", "public_key_algorithm")]:
            found = next(line for line in text.splitlines() if line.strip().startswith(heading))
            lines.append(f"{key}={found.strip()[len(heading):]}")
for path in sorted(out.glob("*.p12")):
    result = subprocess.run(
        ["openssl", "pkcs12", "-in", str(path), "-passin", "pass:", "-info", "-nodes"],
        capture_output=True, text=True)
    lines.append(f"== {path.name} (exit {result.returncode})")
    lines.extend(line.rstrip() for line in result.stderr.splitlines() if line.startswith("MAC"))
    lines.extend(line.rstrip() for line in result.stdout.splitlines() if line.startswith("subject="))
for path in sorted(out.glob("*.crl")):
    result = subprocess.run(
        ["openssl", "crl", "-inform", "DER", "-in", str(path), "-noout", "-issuer",
         "-lastupdate", "-nextupdate"], capture_output=True, text=True)
    lines.append(f"== {path.name} (exit {result.returncode})")
    lines.extend(line.rstrip() for line in result.stdout.splitlines())
for path in sorted(out.glob("*.csr")):
    result = subprocess.run(
        ["openssl", "req", "-inform", "DER", "-in", str(path), "-noout", "-subject"],
        capture_output=True, text=True)
    lines.append(f"== {path.name} (exit {result.returncode})")
    lines.extend(line.rstrip() for line in result.stdout.splitlines())
(out / "oracle.txt").write_text("\n".join(lines) + "\n")
