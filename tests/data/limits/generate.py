#!/usr/bin/env python3
"""Generates the worst cases for the quadratic traps of path building (tests/limits.rs).

- nc-root.der, nc-intermediate.der, nc-leaf.der: an intermediate with 1,000 permitted and
  1,000 excluded DNS subtrees over a leaf with 1,000 DNS subjectAltNames: 2,000,000
  name-against-subtree comparisons if nothing stops them.
- cross-*.der: twelve CAs in a row, each cross-signed by its neighbours (21 certificates), a
  root for the first and a leaf under the last: a mesh with many candidate paths.

Deterministic: Ed25519 keys from fixed bytes, fixed dates and serials.
Run: `python3 tests/data/limits/generate.py`.
"""

import datetime
import pathlib

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import NameOID

HERE = pathlib.Path(__file__).resolve().parent
NOT_BEFORE = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
NOT_AFTER = datetime.datetime(2035, 1, 1, tzinfo=datetime.timezone.utc)
SUBTREES = 1000
NAMES = 1000
CROSS_CAS = 12


def key(number):
    return ed25519.Ed25519PrivateKey.from_private_bytes(number.to_bytes(32, "big"))


def name(common_name):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def certificate(subject, issuer, public_key, signer, serial, extensions):
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(serial)
        .not_valid_before(NOT_BEFORE)
        .not_valid_after(NOT_AFTER)
    )
    for extension, critical in extensions:
        builder = builder.add_extension(extension, critical)
    return builder.sign(signer, None)


def write(stem, cert):
    (HERE / f"{stem}.der").write_bytes(cert.public_bytes(serialization.Encoding.DER))


CA = [(x509.BasicConstraints(ca=True, path_length=None), True)]
LEAF = [(x509.BasicConstraints(ca=False, path_length=None), True)]

# Name constraints times names.
root_key, ca_key, leaf_key = key(1), key(2), key(3)
write("nc-root", certificate(name("NC Root"), name("NC Root"), root_key.public_key(), root_key, 1, CA))
constraints = x509.NameConstraints(
    permitted_subtrees=[x509.DNSName(f"p{i}.example.com") for i in range(SUBTREES)],
    excluded_subtrees=[x509.DNSName(f"x{i}.example.net") for i in range(SUBTREES)],
)
write(
    "nc-intermediate",
    certificate(
        name("NC Intermediate"),
        name("NC Root"),
        ca_key.public_key(),
        root_key,
        2,
        CA + [(constraints, True)],
    ),
)
sans = x509.SubjectAlternativeName(
    # The last permitted subtree matches every name, after 999 that do not.
    [x509.DNSName(f"h{i}.p{SUBTREES - 1}.example.com") for i in range(NAMES)]
)
write(
    "nc-leaf",
    certificate(
        name(f"h0.p{SUBTREES - 1}.example.com"),
        name("NC Intermediate"),
        leaf_key.public_key(),
        ca_key,
        3,
        LEAF + [(sans, False)],
    ),
)

# Cross-signed mesh: CA i is certified by CA i-1 and by CA i+1.
keys = [key(100 + i) for i in range(CROSS_CAS)]
names = [name(f"Cross CA {i}") for i in range(CROSS_CAS)]
write("cross-root", certificate(names[0], names[0], keys[0].public_key(), keys[0], 1000, CA))
serial = 1001
for i in range(1, CROSS_CAS):
    for j in (i - 1, i + 1):
        if j >= CROSS_CAS:
            continue
        write(
            f"cross-{i:02}-by-{j:02}",
            certificate(names[i], names[j], keys[i].public_key(), keys[j], serial, CA),
        )
        serial += 1
write(
    "cross-leaf",
    certificate(
        name("cross.example.com"),
        names[-1],
        key(999).public_key(),
        keys[-1],
        serial,
        LEAF + [(x509.SubjectAlternativeName([x509.DNSName("cross.example.com")]), False)],
    ),
)
