#!/usr/bin/env python3
"""Generates the purpose corpus: certificates with random combinations of version,
basicConstraints, keyUsage, extendedKeyUsage, nsCertType, subject/authority key identifiers and
self-issuance, and the answers `openssl x509 -purpose` gives for each of them.

The certificates are encoded by hand (a small DER writer below) so that combinations the usual
tools refuse to produce -- a version 1 certificate carrying extensions, an empty keyUsage, a
negative pathLenConstraint, a duplicated extension, a signature algorithm that does not match
the key -- are in the corpus too. Keys are Ed25519 from fixed seeds and Ed25519 signatures are
deterministic, so the output is byte-for-byte reproducible.

Usage: python3 generate.py            # writes corpus.pem and expected.json beside this file
Needs: Python `cryptography`, and the `openssl` binary (3.0) for expected.json.
"""

import base64
import hashlib
import json
import os
import random
import re
import subprocess

from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives import serialization

SEED = 20261126
COUNT = 600
HERE = os.path.dirname(os.path.abspath(__file__))

# --- a minimal DER writer -------------------------------------------------------------------


def length(n):
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(tag, content):
    return bytes([tag]) + length(len(content)) + content


def seq(*parts):
    return tlv(0x30, b"".join(parts))


def set_of(*parts):
    return tlv(0x31, b"".join(parts))


def integer(value):
    n = max(1, (value.bit_length() + 8) // 8)
    return tlv(0x02, value.to_bytes(n, "big", signed=True))


def oid(dotted):
    arcs = [int(a) for a in dotted.split(".")]
    body = bytearray([40 * arcs[0] + arcs[1]])
    for arc in arcs[2:]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        body.extend(reversed(chunk))
    return tlv(0x06, bytes(body))


def boolean(value):
    return tlv(0x01, b"\xff" if value else b"\x00")


def octet_string(data):
    return tlv(0x04, data)


def utf8(text):
    return tlv(0x0C, text.encode())


def printable(text):
    return tlv(0x13, text.encode())


def utc_time(text):
    return tlv(0x17, text.encode())


def named_bits(bits):
    """A DER NamedBitList BIT STRING from a list of bit numbers (bit 0 = 0x80 of byte 0)."""
    if not bits:
        return tlv(0x03, b"\x00")
    top = max(bits)
    data = bytearray((top // 8) + 1)
    for bit in bits:
        data[bit // 8] |= 0x80 >> (bit % 8)
    unused = 7 - (top % 8)
    return tlv(0x03, bytes([unused]) + bytes(data))


def name(cn, string=utf8):
    return seq(set_of(seq(oid("2.5.4.3"), string(cn))))


def extension(ext_oid, critical, value):
    parts = [oid(ext_oid)]
    if critical:
        parts.append(boolean(True))
    parts.append(octet_string(value))
    return seq(*parts)


# --- the random certificate ------------------------------------------------------------------

EKUS = [
    ("1.3.6.1.5.5.7.3.1", 6),  # serverAuth
    ("1.3.6.1.5.5.7.3.2", 6),  # clientAuth
    ("1.3.6.1.5.5.7.3.4", 4),  # emailProtection
    ("1.3.6.1.5.5.7.3.3", 3),  # codeSigning
    ("1.3.6.1.5.5.7.3.9", 3),  # OCSPSigning
    ("1.3.6.1.5.5.7.3.8", 5),  # timeStamping
    ("2.5.29.37.0", 3),  # anyExtendedKeyUsage
    ("1.3.6.1.4.1.311.10.3.3", 2),  # Microsoft SGC
    ("2.16.840.1.113730.4.1", 2),  # Netscape SGC
    ("1.3.6.1.5.5.7.3.10", 1),  # dvcs
    ("1.3.6.1.4.1.99999.7", 2),  # unknown to OpenSSL
]

ED25519 = "1.3.101.112"
RSA_SHA256 = "1.2.840.113549.1.1.11"


def key(index):
    seed = hashlib.sha256(b"certscope purpose corpus key %d" % index).digest()
    return ed25519.Ed25519PrivateKey.from_private_bytes(seed)


def spki(private):
    return private.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def random_extensions(rng, subject_key_id, issuer_key_id):
    exts = []
    # basicConstraints
    choice = rng.choice(["absent", "absent", "leaf", "ca", "ca", "ca_pathlen", "leaf_pathlen",
                         "negative_pathlen", "empty"])
    if choice != "absent":
        body = b""
        if choice in ("ca", "ca_pathlen", "negative_pathlen"):
            body += boolean(True)
        if choice == "leaf":
            body += boolean(False) if rng.random() < 0.2 else b""
        if choice in ("ca_pathlen", "leaf_pathlen"):
            body += integer(rng.choice([0, 1, 3]))
        if choice == "negative_pathlen":
            if rng.random() < 0.7:
                choice = "ca"
            else:
                body += integer(-1)
        exts.append(("2.5.29.19", rng.random() < 0.7, seq(body)))
    # keyUsage
    if rng.random() < 0.7:
        if rng.random() < 0.05:
            bits = []
        else:
            bits = [b for b in range(9) if rng.random() < 0.3] or [rng.randrange(9)]
        exts.append(("2.5.29.15", rng.random() < 0.7, named_bits(bits)))
    # extendedKeyUsage
    if rng.random() < 0.7:
        if rng.random() < 0.15:
            chosen = ["1.3.6.1.5.5.7.3.8"]
            if rng.random() < 0.3:
                chosen.append(rng.choice([o for o, _ in EKUS]))
        else:
            count = rng.choice([1, 1, 1, 2, 2, 3])
            population = [o for o, _ in EKUS]
            weights = [w for _, w in EKUS]
            chosen = []
            while len(chosen) < count:
                pick = rng.choices(population, weights)[0]
                if pick not in chosen:
                    chosen.append(pick)
        value = seq(*[oid(o) for o in chosen])
        exts.append(("2.5.29.37", rng.random() < 0.5, value))
        if rng.random() < 0.03:
            exts.append(("2.5.29.37", False, value))
    # nsCertType
    if rng.random() < 0.25:
        bits = [b for b in range(8) if rng.random() < 0.3]
        exts.append(("2.16.840.1.113730.1.1", False, named_bits(bits)))
    # subjectKeyIdentifier / authorityKeyIdentifier
    if rng.random() < 0.6:
        exts.append(("2.5.29.14", False, octet_string(subject_key_id)))
    aki = rng.choice(["absent", "absent", "issuer", "issuer", "subject", "other"])
    if aki != "absent":
        keyid = {"issuer": issuer_key_id, "subject": subject_key_id, "other": b"\x01" * 20}[aki]
        exts.append(("2.5.29.35", False, seq(tlv(0x80, keyid))))
    rng.shuffle(exts)
    return exts


EDGES = [
    "issuer_case", "issuer_spacing", "issuer_string_type", "path_len_300", "empty_eku",
    "san_non_ascii", "key_usage_padding", "aki_issuer_serial_match", "aki_issuer_serial_other",
    "ns_empty", "duplicate_key_usage", "duplicate_san", "key_usage_three_bytes", "version_two",
]


def edge_extensions(edge, exts, serial, issuer):
    """Applies one edge case to the extension list; returns the new list."""
    if edge == "path_len_300":
        exts = [e for e in exts if e[0] != "2.5.29.19"]
        exts.append(("2.5.29.19", True, seq(boolean(True), integer(300))))
    elif edge == "empty_eku":
        exts = [e for e in exts if e[0] != "2.5.29.37"]
        exts.append(("2.5.29.37", False, seq()))
    elif edge == "san_non_ascii":
        exts.append(("2.5.29.17", False, seq(tlv(0x82, "h\u00f6st.example".encode()))))
    elif edge == "key_usage_padding":
        exts = [e for e in exts if e[0] != "2.5.29.15"]
        # digitalSignature and keyCertSign, with the five unused bits set to one
        exts.append(("2.5.29.15", True, tlv(0x03, bytes([5, 0x80 | 0x04 | 0x07]))))
    elif edge in ("aki_issuer_serial_match", "aki_issuer_serial_other"):
        exts = [e for e in exts if e[0] != "2.5.29.35"]
        number = serial if edge == "aki_issuer_serial_match" else serial + 1
        serial_der = integer(number)
        exts.append(("2.5.29.35", False, seq(
            tlv(0xA1, tlv(0xA4, issuer)), tlv(0x82, serial_der[2:]))))
    elif edge == "ns_empty":
        exts = [e for e in exts if e[0] != "2.16.840.1.113730.1.1"]
        exts.append(("2.16.840.1.113730.1.1", False, tlv(0x03, b"\x00")))
    elif edge == "duplicate_key_usage":
        exts.append(("2.5.29.15", False, named_bits([0])))
        exts.append(("2.5.29.15", False, named_bits([0])))
    elif edge == "duplicate_san":
        exts.append(("2.5.29.17", False, seq(tlv(0x82, b"a.example"))))
        exts.append(("2.5.29.17", False, seq(tlv(0x82, b"b.example"))))
    elif edge == "key_usage_three_bytes":
        exts = [e for e in exts if e[0] != "2.5.29.15"]
        exts.append(("2.5.29.15", False, tlv(0x03, bytes([7, 0x84, 0x00, 0x80]))))
    return exts


def certificate(rng, index, force=None):
    """One random certificate; `force` pins some choices (self_issued, edge, version_one,
    extensions) for the hand-picked cases."""
    force = force or {}
    subject_key = key(index)
    self_issued = force.get("self_issued", rng.random() < 0.5)
    issuer_key = subject_key if self_issued else key(1_000_000)
    subject_key_id = hashlib.sha1(spki(subject_key)).digest()
    issuer_key_id = hashlib.sha1(spki(issuer_key)).digest()
    edge = force.get("edge", rng.choice(EDGES) if rng.random() < 0.3 else None)
    text = "Purpose Corpus %d" % index
    subject = name(text)
    issuer = subject if self_issued else name("purpose corpus issuer")
    if self_issued and edge == "issuer_case":
        issuer = name(text.upper())
    elif self_issued and edge == "issuer_spacing":
        issuer = name("  " + text.replace(" ", "   ") + " ")
    elif self_issued and edge == "issuer_string_type":
        issuer = name(text, printable)
    version_one = force.get("version_one", rng.random() < 0.15)
    if "extensions" in force:
        exts = force["extensions"]
    else:
        exts = [] if version_one and rng.random() < 0.6 else random_extensions(
            rng, subject_key_id, issuer_key_id)
    if edge:
        exts = edge_extensions(edge, exts, 1000 + index, issuer)
    signature_oid = force.get("signature", RSA_SHA256 if rng.random() < 0.05 else ED25519)
    algorithm = seq(oid(signature_oid), tlv(0x05, b"")) if signature_oid == RSA_SHA256 \
        else seq(oid(signature_oid))
    parts = []
    if edge == "version_two":
        parts.append(tlv(0xA0, integer(1)))
    elif not version_one:
        parts.append(tlv(0xA0, integer(2)))
    parts += [
        integer(1000 + index),
        algorithm,
        issuer,
        seq(utc_time("260101000000Z"), utc_time("360101000000Z")),
        subject,
        spki(subject_key),
    ]
    if exts:
        parts.append(tlv(0xA3, seq(*[extension(o, c, v) for o, c, v in exts])))
    tbs = seq(*parts)
    signature = issuer_key.sign(tbs)
    return seq(tbs, algorithm, tlv(0x03, b"\x00" + signature))


# --- openssl's answers -----------------------------------------------------------------------

PURPOSES = {
    "SSL client": "sslclient",
    "SSL server": "sslserver",
    "Netscape SSL server": "nssslserver",
    "S/MIME signing": "smimesign",
    "S/MIME encryption": "smimeencrypt",
    "CRL signing": "crlsign",
    "Any Purpose": "any",
    "OCSP helper": "ocsphelper",
    "Time Stamp signing": "timestampsign",
}

LINE = re.compile(r"^(.+?)( CA)? : (Yes|No)(?: \(WARNING code=(-?\d+)\))?$")


def openssl_purposes(der):
    """Runs `openssl x509 -purpose`; returns {id: [leaf code, ca code]} or None."""
    run = subprocess.run(["openssl", "x509", "-inform", "DER", "-noout", "-purpose"],
                         input=der, capture_output=True)
    if run.returncode != 0:
        return None
    answers = {}
    for line in run.stdout.decode().splitlines():
        match = LINE.match(line)
        if not match or match.group(1) not in PURPOSES:
            continue
        code = int(match.group(4)) if match.group(4) else (1 if match.group(3) == "Yes" else 0)
        entry = answers.setdefault(PURPOSES[match.group(1)], [None, None])
        entry[1 if match.group(2) else 0] = code
    return answers


# Hand-picked cases for OpenSSL's version 1 root quirk (check_ca code 3), which depends on the
# self-signed heuristic and therefore on X509_NAME_cmp's canonical name comparison.
FIXED = [
    {"self_issued": True, "version_one": True, "extensions": [], "edge": None},
    {"self_issued": True, "version_one": True, "extensions": [], "edge": "issuer_case"},
    {"self_issued": True, "version_one": True, "extensions": [], "edge": "issuer_spacing"},
    {"self_issued": True, "version_one": True, "extensions": [], "edge": "issuer_string_type"},
    {"self_issued": True, "version_one": True, "extensions": [], "edge": None,
     "signature": RSA_SHA256},
    {"self_issued": False, "version_one": True, "extensions": [], "edge": None},
    {"self_issued": True, "version_one": True, "extensions": [], "edge": "aki_issuer_serial_match"},
    {"self_issued": True, "version_one": True, "extensions": [], "edge": "aki_issuer_serial_other"},
    {"self_issued": True, "version_one": True, "edge": None,
     "extensions": [("2.5.29.15", True, named_bits([0, 5]))]},
    {"self_issued": True, "version_one": True, "edge": None,
     "extensions": [("2.5.29.15", True, named_bits([0]))]},
    {"self_issued": True, "version_one": True, "edge": None,
     "extensions": [("2.16.840.1.113730.1.1", False, named_bits([0, 5]))]},
    {"self_issued": True, "version_one": False, "extensions": [], "edge": None},
    {"self_issued": True, "version_one": False, "extensions": [], "edge": "version_two"},
]


def main():
    rng = random.Random(SEED)
    pem = []
    expected = []
    plan = [None] * COUNT + FIXED
    for index, force in enumerate(plan):
        der = certificate(rng, index, force)
        body = base64.b64encode(der).decode()
        lines = [body[i:i + 64] for i in range(0, len(body), 64)]
        pem.append("-----BEGIN CERTIFICATE-----\n" + "\n".join(lines)
                   + "\n-----END CERTIFICATE-----\n")
        expected.append({
            "index": index,
            "sha256": hashlib.sha256(der).hexdigest(),
            "purposes": openssl_purposes(der),
        })
    with open(os.path.join(HERE, "corpus.pem"), "w") as f:
        f.write("".join(pem))
    version = subprocess.run(["openssl", "version"], capture_output=True).stdout.decode().strip()
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump({"openssl": version, "seed": SEED, "certificates": expected}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
