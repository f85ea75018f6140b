#!/usr/bin/env python3
"""The differential corpus: well-formed certificates, CRLs, requests, keys and PKCS#12 files,
mutated by a seeded generator into the encodings real issuers get wrong, with what OpenSSL and
Python's cryptography read from each.

`python3 gen.py` rewrites `corpus.json` in this folder; `python3 gen.py --check` rewrites
nothing and fails when the generator no longer makes the committed objects or when the
installed openssl and cryptography answer differently from what `corpus.json` records. Deterministic: the random generator is
seeded, every signature is Ed25519 (deterministic) with a fixed key, the subject keys are the
committed `rsa-2048.pem` and `dsa-2048.pem` and fixed EC and Ed25519 scalars, and the PKCS#12
files use fixed salts. Running it needs `openssl` and `cryptography` (pip install cryptography);
their versions are recorded in `corpus.json`, and `tests/lenient.rs` reads only that file.

Each entry: `name`, `kind` (certificate, crl, csr, private_key, public_key, pkcs12),
`mutations` (what was changed), `der` (hex), `password` (PKCS#12), and the answers of
`openssl` and `cryptography`: `reads`, and when it reads, the facts compared (serial as minimal
two's complement hex, names as RFC 4514, times as RFC 3339, extension OIDs, key algorithm and
size).
"""
import datetime
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import cryptography
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

HERE = Path(__file__).resolve().parent
UTC = datetime.timezone.utc
RNG = random.Random(20261205)

ISSUER_KEY = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
ED_KEY = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(33, 65)))
EC_KEY = ec.derive_private_key(0x1234567890ABCDEF1234567890ABCDEF, ec.SECP256R1())
EC384_KEY = ec.derive_private_key(0xFEDCBA0987654321FEDCBA0987654321, ec.SECP384R1())
RSA_KEY = serialization.load_pem_private_key((HERE / "../keys/rsa.pem").read_bytes(), None)
DSA_KEY = serialization.load_pem_private_key((HERE / "../keys/dsa.pkcs8.pem").read_bytes(), None)
SUBJECT_KEYS = {"ed25519": ED_KEY, "p256": EC_KEY, "p384": EC384_KEY, "rsa": RSA_KEY, "dsa": DSA_KEY}

T2020 = datetime.datetime(2020, 1, 1, tzinfo=UTC)
T2040 = datetime.datetime(2040, 6, 30, 12, 0, 0, tzinfo=UTC)
UUID_OID = "2.25.329800735698586629295641978511506172918"


# --- a DER tree: [tag, bytes] for primitives, [tag, [children]] for constructed ------------
def parse(data, offset=0):
    tag = data[offset]
    length = data[offset + 1]
    position = offset + 2
    if length & 0x80:
        count = length & 0x7F
        length = int.from_bytes(data[position:position + count], "big")
        position += count
    end = position + length
    if tag & 0x20:
        children, at = [], position
        while at < end:
            child, at = parse(data, at)
            children.append(child)
        return [tag, children], end
    return [tag, bytes(data[position:end])], end


def tree(der):
    return parse(der)[0]


def length_octets(length, form="short"):
    if form == "indefinite":
        return b"\x80"
    if form == "long":
        size = max(1, (length.bit_length() + 7) // 8) + 1
        return bytes([0x80 | size]) + length.to_bytes(size, "big")
    if length < 0x80:
        return bytes([length])
    size = (length.bit_length() + 7) // 8
    return bytes([0x80 | size]) + length.to_bytes(size, "big")


def encode(node):
    tag, value = node[0], node[1]
    form = node[2] if len(node) > 2 else "short"
    content = b"".join(encode(c) for c in value) if isinstance(value, list) else value
    if form == "indefinite" and tag & 0x20:
        return bytes([tag]) + b"\x80" + content + b"\x00\x00"
    return bytes([tag]) + length_octets(len(content), "long" if form == "indefinite" else form) + content


def walk(node, path=()):
    """Every (path, node) of the tree, depth first."""
    yield path, node
    if isinstance(node[1], list):
        for index, child in enumerate(node[1]):
            yield from walk(child, path + (index,))


def at(node, path):
    for index in path:
        node = node[1][index]
    return node


def integer_bytes(value):
    size = max(1, (value.bit_length() + 8) // 8)
    return value.to_bytes(size, "big", signed=True)


def minimal_hex(value):
    return integer_bytes(value).hex()


# --- base objects ----------------------------------------------------------------------------
def name(cn, org="certscope differential corpus"):
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "DE"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def certificate(key_name, serial=0x1234, ca=False):
    key = SUBJECT_KEYS[key_name]
    builder = (x509.CertificateBuilder().subject_name(name(f"{key_name}.example"))
               .issuer_name(name("Corpus CA")).public_key(key.public_key())
               .serial_number(serial).not_valid_before(T2020).not_valid_after(T2040)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(True, False, False, False, False, ca, ca, False, False),
                              critical=True)
               .add_extension(x509.SubjectAlternativeName([x509.DNSName(f"{key_name}.example")]),
                              critical=False)
               .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH,
                                                     ExtendedKeyUsageOID.CLIENT_AUTH]),
                              critical=False)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                              critical=False))
    return builder.sign(ISSUER_KEY, None).public_bytes(serialization.Encoding.DER)


def crl(entries=2):
    builder = (x509.CertificateRevocationListBuilder().issuer_name(name("Corpus CA"))
               .last_update(T2020).next_update(datetime.datetime(2020, 2, 1, tzinfo=UTC))
               .add_extension(x509.CRLNumber(42), critical=False))
    for index in range(entries):
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(0x1000 + index)
            .revocation_date(T2020)
            .add_extension(x509.CRLReason(x509.ReasonFlags.superseded), critical=False).build())
    return builder.sign(ISSUER_KEY, None).public_bytes(serialization.Encoding.DER)


def csr(key_name):
    key = SUBJECT_KEYS[key_name]
    builder = (x509.CertificateSigningRequestBuilder().subject_name(name(f"{key_name}.request"))
               .add_extension(x509.SubjectAlternativeName([x509.DNSName("request.example")]),
                              critical=False)
               .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True))
    # The request is signed by its own key: only Ed25519 is deterministic, so the others are
    # signed once with Ed25519's bytes swapped in below (the signature does not verify).
    signed = builder.sign(ED_KEY, None).public_bytes(serialization.Encoding.DER)
    if key_name == "ed25519":
        return signed
    node = tree(signed)
    spki = tree(key.public_key().public_bytes(serialization.Encoding.DER,
                                              serialization.PublicFormat.SubjectPublicKeyInfo))
    node[1][0][1][2] = spki
    return encode(node)


def private_keys():
    out = []
    for key_name, key in SUBJECT_KEYS.items():
        out.append((f"{key_name}-pkcs8", "private_key",
                    key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption())))
        out.append((f"{key_name}-spki", "public_key",
                    key.public_key().public_bytes(serialization.Encoding.DER,
                                                  serialization.PublicFormat.SubjectPublicKeyInfo)))
        if key_name in ("rsa", "p256", "p384", "dsa"):
            out.append((f"{key_name}-traditional", "private_key",
                        key.private_bytes(serialization.Encoding.DER,
                                          serialization.PrivateFormat.TraditionalOpenSSL,
                                          serialization.NoEncryption())))
    return out


def explicit_ec_keys():
    """EC keys with explicit curve parameters, as `openssl ec -param_enc explicit` writes them."""
    out = []
    for key_name in ("p256", "p384"):
        pem = SUBJECT_KEYS[key_name].private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption())
        for extra, kind, suffix in ([], "private_key", "sec1"), (["-pubout"], "public_key", "spki"):
            der = subprocess.run(["openssl", "ec", "-param_enc", "explicit", "-outform", "DER", *extra],
                                 input=pem, capture_output=True, check=True).stdout
            out.append((f"{key_name}-explicit-{suffix}", kind, der))
    return out


# --- mutations: each takes the tree and the random generator, returns a label or None --------
def tbs(node):
    return node[1][0]


def cert_fields(node):
    """tbsCertificate's fields, with the index of serialNumber (after an explicit version)."""
    fields = tbs(node)[1]
    return fields, (1 if fields[0][0] == 0xA0 else 0)


def m_long_length(node, rng):
    candidates = [n for _, n in walk(node)]
    target = rng.choice(candidates)
    if len(target) == 2:
        target.append("long")
    return "long-form length"


def m_indefinite(node, rng):
    candidates = [n for _, n in walk(node) if n[0] & 0x20 and len(n) == 2]
    if not candidates:
        return None
    rng.choice(candidates).append("indefinite")
    return "indefinite length"


def m_integer_pad(node, rng):
    candidates = [n for _, n in walk(node) if n[0] == 0x02]
    if not candidates:
        return None
    target = rng.choice(candidates)
    target[1] = (b"\xff" if target[1][:1] and target[1][0] & 0x80 else b"\x00") + target[1]
    return "INTEGER not minimal"


def m_boolean(node, rng):
    candidates = [n for _, n in walk(node) if n[0] == 0x01 and n[1] == b"\xff"]
    if not candidates:
        return None
    rng.choice(candidates)[1] = bytes([rng.choice([0x01, 0x7F, 0x80])])
    return "BOOLEAN TRUE not 0xff"


def m_critical_false(node, rng):
    extensions = [n for _, n in walk(node) if n[0] == 0x30 and isinstance(n[1], list)
                  and len(n[1]) == 2 and n[1][0][0] == 0x06 and n[1][1][0] == 0x04]
    if not extensions:
        return None
    target = rng.choice(extensions)
    target[1].insert(1, [0x01, b"\x00"])
    return "critical FALSE encoded"


def m_serial(value, label):
    def change(node, rng):
        fields, serial = cert_fields(node)
        fields[serial][1] = integer_bytes(value)
        return label
    return change


def m_cert_version(value):
    def change(node, rng):
        fields, serial = cert_fields(node)
        version = [0xA0, [[0x02, integer_bytes(value)]]]
        if serial:
            fields[0] = version
        else:
            fields.insert(0, version)
        return f"version INTEGER {value}"
    return change


def m_v1_with_extensions(node, rng):
    fields, serial = cert_fields(node)
    if serial:
        del fields[0]
    return "version omitted (v1) with extensions"


def m_v1_explicit(node, rng):
    fields, serial = cert_fields(node)
    fields[:] = [f for f in fields if f[0] != 0xA3]
    if serial:
        fields[0] = [0xA0, [[0x02, b"\x00"]]]
    return "v1 with version encoded, no extensions"


STRING_TAGS = {0x0C: "UTF8String", 0x13: "PrintableString", 0x16: "IA5String",
               0x14: "TeletexString", 0x1E: "BMPString", 0x1A: "VisibleString"}


def m_string_type(node, rng):
    values = [n for path, n in walk(node) if n[0] in (0x0C, 0x13) and len(path) >= 4]
    if not values:
        return None
    target = rng.choice(values)
    text = target[1].decode("latin-1")
    tag = rng.choice([0x0C, 0x13, 0x16, 0x14, 0x1E, 0x1A])
    target[0] = tag
    target[1] = text.encode("utf-16-be") if tag == 0x1E else text.encode("latin-1")
    return f"a name string as {STRING_TAGS[tag]}"


def m_printable_invalid(node, rng):
    values = [n for path, n in walk(node) if n[0] in (0x0C, 0x13) and len(path) >= 4]
    if not values:
        return None
    target = rng.choice(values)
    target[0] = 0x13
    target[1] = target[1] + rng.choice([b"@", b"*", b"_", b"&"])
    return "PrintableString with a character outside its alphabet"


def time_nodes(node):
    return [n for _, n in walk(node) if n[0] in (0x17, 0x18)]


def m_time(forms):
    def change(node, rng):
        times = time_nodes(node)
        if not times:
            return None
        target = rng.choice(times)
        tag, text, label = rng.choice(forms)
        target[0], target[1] = tag, text
        return label
    return change


ODD_TIMES = [
    (0x17, b"2001011200Z", "UTCTime without seconds"),
    (0x17, b"200101120000+0100", "UTCTime with an offset"),
    (0x17, b"200101120000-0130", "UTCTime with a negative offset"),
    (0x18, b"20200101120000.25Z", "GeneralizedTime with a fraction"),
    (0x18, b"20200101120000Z", "GeneralizedTime before 2050"),
    (0x17, b"650301120000Z", "UTCTime in 1965"),
    (0x17, b"500101000000Z", "UTCTime in 1950"),
    (0x18, b"19450508230100Z", "GeneralizedTime in 1945"),
    (0x17, b"491231235959Z", "UTCTime 2049-12-31"),
    (0x18, b"20500101000000Z", "GeneralizedTime 2050"),
    (0x17, b"200230120000Z", "UTCTime on 30 February"),
    (0x17, b"2001011200", "UTCTime without Z"),
]


def oid_bytes(dotted):
    arcs = [int(a) for a in dotted.split(".")]
    out = bytearray()
    first = arcs[0] * 40 + arcs[1]
    for arc in [first] + arcs[2:]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out.extend(reversed(chunk))
    return bytes(out)


EKU = oid_bytes("2.5.29.37")


def m_uuid_eku(node, rng):
    for _, n in walk(node):
        if n[0] == 0x30 and isinstance(n[1], list) and n[1] and n[1][0] == [0x06, EKU]:
            value = tree(n[1][-1][1])
            value[1].append([0x06, oid_bytes(UUID_OID)])
            n[1][-1][1] = encode(value)
            return "UUID OID in extendedKeyUsage"
    return None


def m_empty_eku(node, rng):
    for _, n in walk(node):
        if n[0] == 0x30 and isinstance(n[1], list) and n[1] and n[1][0] == [0x06, EKU]:
            n[1][-1][1] = b"\x30\x00"
            return "empty extendedKeyUsage"
    return None


def m_unused_bits(node, rng):
    candidates = [n for _, n in walk(node) if n[0] == 0x03 and n[1][:1] == b"\x00"]
    if not candidates:
        return None
    target = rng.choice(candidates)
    target[1] = bytes([rng.choice([1, 3, 7])]) + target[1][1:]
    return "BIT STRING with unused bits"


def m_duplicate_extension(node, rng):
    for _, n in walk(node):
        if n[0] == 0x30 and isinstance(n[1], list) and len(n[1]) >= 2 and all(
                isinstance(c[1], list) and c[1] and c[1][0][0] == 0x06 and c[1][-1][0] == 0x04
                for c in n[1]):
            n[1].append(clone(n[1][0]))
            return "an extension twice"
    return None


def m_crl_version(value):
    def change(node, rng):
        fields = tbs(node)[1]
        if fields[0][0] == 0x02:
            fields[0][1] = integer_bytes(value)
        else:
            fields.insert(0, [0x02, integer_bytes(value)])
        return f"CRL version INTEGER {value}"
    return change


def m_crl_no_version(node, rng):
    fields = tbs(node)[1]
    if fields[0][0] == 0x02:
        del fields[0]
    return "CRL version omitted (v1) with extensions"


def m_crl_no_next_update(node, rng):
    fields = tbs(node)[1]
    fields[:] = [f for i, f in enumerate(fields) if not (f[0] in (0x17, 0x18) and i == 4)]
    return "CRL without nextUpdate"


def m_crl_empty_revoked(node, rng):
    fields = tbs(node)[1]
    for f in fields:
        if f[0] == 0x30 and isinstance(f[1], list) and f[1] and isinstance(f[1][0][1], list) \
                and f[1][0][1][0][0] == 0x02:
            f[1] = []
            return "empty revokedCertificates"
    return None


def m_crl_negative_entry(node, rng):
    for _, n in walk(node):
        if n[0] == 0x30 and isinstance(n[1], list) and len(n[1]) >= 2 and n[1][0][0] == 0x02 \
                and n[1][1][0] in (0x17, 0x18):
            n[1][0][1] = rng.choice([b"\x00", b"\xfe\xdc", bytes(range(1, 23))])
            return "revoked serial zero, negative or 22 octets"
    return None


def m_signature_mismatch(node, rng):
    inner = tbs(node)[1]
    for f in inner:
        if f[0] == 0x30 and isinstance(f[1], list) and f[1] and f[1][0][0] == 0x06 \
                and len(f[1]) == 1:
            f[1] = [[0x06, bytes.fromhex("2a8648ce3d040302")]]
            return "inner signature algorithm differs"
    return None


def m_csr_version(value):
    def change(node, rng):
        tbs(node)[1][0][1] = integer_bytes(value)
        return f"request version INTEGER {value}"
    return change


def m_csr_empty_attribute(node, rng):
    attributes = tbs(node)[1][3]
    attributes[1].append([0x30, [[0x06, oid_bytes("1.2.840.113549.1.9.7")], [0x31, []]]])
    return "an attribute without values"


def m_key_version(node, rng):
    if node[1] and node[1][0][0] == 0x02:
        node[1][0][1] = bytes([rng.choice([2, 3, 7])])
        return "key version INTEGER changed"
    return None


def clone(node):
    return [node[0], [clone(c) for c in node[1]] if isinstance(node[1], list) else node[1]] + node[2:]


GENERIC = [m_long_length, m_indefinite, m_integer_pad, m_boolean]
CERTIFICATE = GENERIC + [
    m_critical_false, m_serial(0, "serial zero"), m_serial(-0x1234, "negative serial"),
    m_serial(-1, "serial -1"), m_serial(int.from_bytes(bytes(range(1, 22)), "big"),
                                        "serial of 21 octets"),
    m_cert_version(7), m_cert_version(0), m_cert_version(1), m_cert_version(3),
    m_v1_with_extensions, m_v1_explicit, m_string_type, m_printable_invalid,
    m_time(ODD_TIMES), m_uuid_eku, m_empty_eku, m_unused_bits, m_duplicate_extension,
    m_signature_mismatch,
]
CRL = GENERIC + [
    m_critical_false, m_crl_version(2), m_crl_version(0), m_crl_version(6), m_crl_no_version,
    m_crl_no_next_update, m_crl_empty_revoked, m_crl_negative_entry, m_string_type,
    m_printable_invalid, m_time(ODD_TIMES), m_duplicate_extension, m_signature_mismatch,
]
CSR = GENERIC + [
    m_csr_version(1), m_csr_version(3), m_csr_empty_attribute, m_string_type,
    m_printable_invalid, m_duplicate_extension, m_unused_bits, m_critical_false,
]
KEY = [m_long_length, m_indefinite, m_integer_pad, m_key_version, m_unused_bits]


def trailing(der, rng):
    return der + rng.choice([b"\x00", b"\x00\x00", b"\x05\x00", b"garbage"])


def mutate(der, mutations, rng, count):
    node = tree(der)
    labels = []
    for _ in range(count):
        mutation = rng.choice(mutations)
        label = mutation(node, rng)
        if label:
            labels.append(label)
    out = encode(node)
    if rng.random() < 0.08:
        out = trailing(out, rng)
        labels.append("trailing data")
    return out, labels


# --- the oracles -----------------------------------------------------------------------------
def rfc3339(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def key_facts(key):
    if isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)):
        return {"algorithm": "RSA", "bits": key.key_size}
    if isinstance(key, (ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey)):
        return {"algorithm": "EC", "bits": key.key_size, "curve": key.curve.name}
    if isinstance(key, (dsa.DSAPrivateKey, dsa.DSAPublicKey)):
        return {"algorithm": "DSA", "bits": key.key_size}
    if isinstance(key, (ed25519.Ed25519PrivateKey, ed25519.Ed25519PublicKey)):
        return {"algorithm": "Ed25519", "bits": 256}
    return {"algorithm": type(key).__name__}


def extension_oids(extensions):
    return [e.oid.dotted_string for e in extensions]


def with_extensions(answer, get):
    try:
        answer["extensions"] = extension_oids(get())
    except Exception as error:  # noqa: BLE001 - the oracle's refusal is the answer
        answer["extensions_error"] = type(error).__name__


def cryptography_answer(kind, der, password):
    import warnings
    warnings.simplefilter("ignore")
    try:
        if kind == "certificate":
            cert = x509.load_der_x509_certificate(der)
            answer = {"reads": True, "serial": minimal_hex(cert.serial_number),
                      "subject": cert.subject.rfc4514_string(),
                      "issuer": cert.issuer.rfc4514_string(),
                      "not_before": rfc3339(cert.not_valid_before_utc),
                      "not_after": rfc3339(cert.not_valid_after_utc)}
            with_extensions(answer, lambda: cert.extensions)
            try:
                answer["key"] = key_facts(cert.public_key())
            except Exception as error:  # noqa: BLE001
                answer["key_error"] = type(error).__name__
            return answer
        if kind == "crl":
            crl = x509.load_der_x509_crl(der)
            answer = {"reads": True, "issuer": crl.issuer.rfc4514_string(),
                      "this_update": rfc3339(crl.last_update_utc),
                      "next_update": rfc3339(crl.next_update_utc),
                      "revoked": [minimal_hex(r.serial_number) for r in crl]}
            with_extensions(answer, lambda: crl.extensions)
            return answer
        if kind == "csr":
            request = x509.load_der_x509_csr(der)
            answer = {"reads": True, "subject": request.subject.rfc4514_string()}
            with_extensions(answer, lambda: request.extensions)
            try:
                answer["key"] = key_facts(request.public_key())
            except Exception as error:  # noqa: BLE001
                answer["key_error"] = type(error).__name__
            return answer
        if kind == "private_key":
            return {"reads": True, "key": key_facts(serialization.load_der_private_key(der, None))}
        if kind == "public_key":
            return {"reads": True, "key": key_facts(serialization.load_der_public_key(der))}
        if kind == "pkcs12":
            loaded = pkcs12.load_pkcs12(der, password.encode() if password else None)
            answer = {"reads": True}
            if loaded.cert:
                answer["subject"] = loaded.cert.certificate.subject.rfc4514_string()
            if loaded.key:
                answer["key"] = key_facts(loaded.key)
            return answer
    except Exception as error:  # noqa: BLE001
        return {"reads": False, "error": f"{type(error).__name__}: {error}"[:200]}
    raise ValueError(kind)


OPENSSL_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def openssl_time(text):
    parts = text.split()
    if len(parts) != 5:
        return text
    month = OPENSSL_MONTHS.index(parts[0]) + 1
    clock = parts[2].split(".")[0]
    return f"{parts[3]}-{month:02}-{int(parts[1]):02}T{clock}Z"


def openssl_answer(kind, der, password):
    with tempfile.NamedTemporaryFile(suffix=".der") as file:
        file.write(der)
        file.flush()
        common = ["-inform", "DER", "-in", file.name, "-noout"]
        if kind == "certificate":
            command = ["x509", *common, "-serial", "-subject", "-issuer", "-dates",
                       "-nameopt", "RFC2253"]
        elif kind == "crl":
            command = ["crl", *common, "-issuer", "-lastupdate", "-nextupdate",
                       "-nameopt", "RFC2253"]
        elif kind == "csr":
            command = ["req", *common, "-subject", "-nameopt", "RFC2253"]
        elif kind == "private_key":
            command = ["pkey", *common, "-text"]
        elif kind == "public_key":
            command = ["pkey", "-pubin", *common, "-text"]
        else:
            command = ["pkcs12", "-in", file.name, "-passin", f"pass:{password or ''}",
                       "-nokeys", "-clcerts"]
        result = subprocess.run(["openssl", *command], capture_output=True, text=True,
                                errors="replace")
    if result.returncode != 0:
        lines = [line for line in result.stderr.strip().splitlines() if line]
        # "40875E05B57F0000:error:..." starts with a thread id: left out.
        first = lines[0].split(":", 1)[-1] if lines else ""
        return {"reads": False,
                "error": first.replace(file.name, "FILE")[:200] or f"exit {result.returncode}"}
    answer = {"reads": True}
    for line in result.stdout.splitlines():
        key, _, value = line.partition("=")
        if kind == "pkcs12" and line.startswith("subject="):
            answer["subject"] = value
        elif key == "serial":
            negative = value.startswith("-")
            number = int(value.lstrip("-") or "0", 16)
            answer["serial"] = minimal_hex(-number if negative else number)
        elif key in ("subject", "issuer") and kind != "pkcs12":
            answer[key] = value
        elif key in ("notBefore", "notAfter", "lastUpdate", "nextUpdate"):
            field = {"notBefore": "not_before", "notAfter": "not_after",
                     "lastUpdate": "this_update", "nextUpdate": "next_update"}[key]
            answer[field] = None if value == "NONE" else openssl_time(value)
        elif "Private-Key: (" in line or "Public-Key: (" in line:
            answer["bits"] = int(line.split("(")[1].split()[0])
    return answer


# --- the corpus --------------------------------------------------------------------------------
def build():
    """The corpus's objects, without the oracles' answers."""
    bases = []
    for key_name in SUBJECT_KEYS:
        bases.append((f"cert-{key_name}", "certificate", certificate(key_name), CERTIFICATE))
    bases.append(("cert-ca", "certificate", certificate("p256", serial=0x7F, ca=True), CERTIFICATE))
    bases.append(("crl", "crl", crl(), CRL))
    bases.append(("crl-one", "crl", crl(1), CRL))
    for key_name in ("ed25519", "p256", "rsa"):
        bases.append((f"csr-{key_name}", "csr", csr(key_name), CSR))
    for label, kind, der in private_keys() + explicit_ec_keys():
        bases.append((f"key-{label}", kind, der, KEY))

    entries = []

    def add(name, kind, der, mutations, password=None):
        entries.append({"name": name, "kind": kind, "mutations": mutations, "der": der.hex(),
                        **({"password": password} if password is not None else {})})

    for base_name, kind, der, _ in bases:
        add(base_name, kind, der, [])
    # Each base mutated with one, two or three changes until the corpus has its size.
    rounds = {"certificate": 26, "crl": 30, "csr": 14, "private_key": 5, "public_key": 5}
    for base_name, kind, der, mutations in bases:
        for index in range(rounds[kind]):
            mutant, labels = mutate(der, mutations, RNG, 1 + (index % 3 == 2) + (index % 7 == 6))
            if labels and mutant != der:
                add(f"{base_name}-{index}", kind, mutant, labels)

    # PKCS#12: encryptions old and new, no password, no MAC. cryptography draws the salts and
    # IVs at random, so the files of the committed corpus are kept when it is regenerated.
    previous = {}
    if (HERE / "corpus.json").exists():
        committed = json.loads((HERE / "corpus.json").read_text())
        previous = {e["name"]: bytes.fromhex(e["der"]) for e in committed["entries"]
                    if e["kind"] == "pkcs12" and not e["mutations"]}
    cert = x509.load_der_x509_certificate(certificate("p256"))
    for label, password, encryption in [
        ("p12-aes", "secret", serialization.BestAvailableEncryption(b"secret")),
        ("p12-none", None, serialization.NoEncryption()),
        ("p12-legacy-3des", "secret", serialization.PrivateFormat.PKCS12.encryption_builder()
         .kdf_rounds(2048).key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC)
         .hmac_hash(hashes.SHA1()).build(b"secret")),
        ("p12-pbes2-sha256", "secret", serialization.PrivateFormat.PKCS12.encryption_builder()
         .kdf_rounds(2048).key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
         .hmac_hash(hashes.SHA256()).build(b"secret")),
    ]:
        der = previous.get(label) or pkcs12.serialize_key_and_certificates(
            b"corpus", EC_KEY, cert, None, encryption)
        add(label, "pkcs12", der, [], password)
        node = tree(der)
        for index in range(4):
            mutated = clone(node)
            labels = []
            choice = index % 4
            if choice == 0:
                mutated[1][0][1] = b"\x03"
                mutated.append("long")
                labels.append("outer length in long form")
            elif choice == 1 and len(mutated[1]) == 3:
                mutated[1] = mutated[1][:2]
                labels.append("no MAC")
            elif choice == 2:
                mutated[2:] = ["indefinite"]
                labels.append("outer SEQUENCE of indefinite length")
            else:
                mutated[1][0][1] = b"\x00\x03"
                labels.append("version INTEGER not minimal")
            if labels:
                add(f"{label}-{index}", "pkcs12", encode(mutated), labels, password)

    return entries


def versions():
    return {
        "openssl": subprocess.run(["openssl", "version"], capture_output=True,
                                  text=True).stdout.strip(),
        "cryptography": cryptography.__version__,
        "python": sys.version.split()[0],
    }


def answers(entry):
    der = bytes.fromhex(entry["der"])
    password = entry.get("password")
    return {"openssl": openssl_answer(entry["kind"], der, password),
            "cryptography": cryptography_answer(entry["kind"], der, password)}


def main():
    entries = build()
    for entry in entries:
        entry.update(answers(entry))
    out = {"generator": "tests/data/lenient/corpus/gen.py", "seed": 20261205,
           "versions": versions(), "entries": entries}
    (HERE / "corpus.json").write_text(json.dumps(out, indent=1) + "\n")
    reads = sum(1 for e in entries if e["openssl"]["reads"] or e["cryptography"]["reads"])
    print(f"{len(entries)} objects, {reads} read by OpenSSL or cryptography")


def check():
    """`gen.py --check`: the committed corpus.json against the tools installed here. The
    generator must make the same objects, and openssl and cryptography must give the recorded
    answers for each. Prints the figures and every difference; exits 1 on any."""
    committed = json.loads((HERE / "corpus.json").read_text())
    failures = []
    recorded, here = committed["versions"], versions()
    for tool in ("openssl", "cryptography"):
        if recorded[tool] != here[tool]:
            print(f"note: {tool} here is {here[tool]!r}, the answers were recorded with "
                  f"{recorded[tool]!r}")
    fields = ("name", "kind", "mutations", "der", "password")
    fresh = [{k: e[k] for k in fields if k in e} for e in build()]
    old = [{k: e[k] for k in fields if k in e} for e in committed["entries"]]
    regenerated = sum(1 for a, b in zip(fresh, old) if a == b)
    if len(fresh) != len(old) or regenerated != len(old):
        failures.append(f"the generator makes {len(fresh)} objects, {regenerated} of them as "
                        f"committed ({len(old)})")
    same = {"openssl": 0, "cryptography": 0}
    for entry in committed["entries"]:
        for tool, answer in answers(entry).items():
            if answer == entry[tool]:
                same[tool] += 1
            else:
                failures.append(f"{entry['name']}: {tool} now answers {json.dumps(answer)}, "
                                f"recorded {json.dumps(entry[tool])}")
    total = len(committed["entries"])
    reads = sum(1 for e in committed["entries"]
                if e["openssl"]["reads"] or e["cryptography"]["reads"])
    print(f"{total} objects ({reads} read by OpenSSL or cryptography); regenerated as committed: "
          f"{regenerated}; same answer from openssl: {same['openssl']}, from cryptography: "
          f"{same['cryptography']}")
    for failure in failures:
        print(f"DIFFERS: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        sys.exit(check())
    if sys.argv[1:]:
        sys.exit("usage: gen.py [--check]")
    main()
