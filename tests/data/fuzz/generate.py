#!/usr/bin/env python3
"""Generates the seed certificates for the mutation tests and the fuzz corpora.

Each certificate carries as many extension shapes as possible, so that element-level mutations
reach into extension values and not only the outer SEQUENCE. Output is deterministic: keys are
derived from fixed numbers, Ed25519 and RFC 6979 ECDSA signatures are deterministic, and every
date is fixed. Run from anywhere: `python3 tests/data/fuzz/generate.py`.
"""

import datetime
import ipaddress
import pathlib

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import (
    AuthorityInformationAccessOID,
    ExtendedKeyUsageOID,
    NameOID,
    ObjectIdentifier,
)

HERE = pathlib.Path(__file__).resolve().parent
NOT_BEFORE = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
NOT_AFTER_UTC = datetime.datetime(2035, 1, 1, tzinfo=datetime.timezone.utc)
# After 2049: encoded as GeneralizedTime.
NOT_AFTER_GENERALIZED = datetime.datetime(2051, 1, 1, tzinfo=datetime.timezone.utc)


def name(*pairs):
    return x509.Name([x509.NameAttribute(oid, value) for oid, value in pairs])


def der_length(n):
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def der_sequence(content):
    return b"\x30" + der_length(len(content)) + content


def der_oid(dotted):
    arcs = [int(a) for a in dotted.split(".")]
    body = bytearray([arcs[0] * 40 + arcs[1]])
    for arc in arcs[2:]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.insert(0, 0x80 | (arc & 0x7F))
            arc >>= 7
        body += bytes(chunk)
    return b"\x06" + der_length(len(body)) + bytes(body)


def write(stem, cert):
    (HERE / f"{stem}.der").write_bytes(cert.public_bytes(serialization.Encoding.DER))


root_key = ec.derive_private_key(0x5EED_0001, ec.SECP256R1())
ca_key = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
leaf_key = ec.derive_private_key(0x5EED_0003, ec.SECP384R1())
# A public RSA key needs no primes: an odd 2048-bit modulus is enough for a subject key.
rsa_public = rsa.RSAPublicNumbers(65537, (1 << 2047) + 0x1234567).public_key()

root_name = name(
    (NameOID.COUNTRY_NAME, "DE"),
    (NameOID.ORGANIZATION_NAME, "certscope fuzz seeds"),
    (NameOID.COMMON_NAME, "Seed Root"),
)
ca_name = name(
    (NameOID.ORGANIZATION_NAME, "certscope fuzz seeds"),
    (NameOID.ORGANIZATIONAL_UNIT_NAME, "Constrained"),
    (NameOID.COMMON_NAME, "Seed Intermediate"),
)

root = (
    x509.CertificateBuilder()
    .subject_name(root_name)
    .issuer_name(root_name)
    .public_key(root_key.public_key())
    .serial_number(0x01)
    .not_valid_before(NOT_BEFORE)
    .not_valid_after(NOT_AFTER_GENERALIZED)
    .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
    .add_extension(
        x509.KeyUsage(
            digital_signature=False,
            content_commitment=False,
            key_encipherment=False,
            data_encipherment=False,
            key_agreement=False,
            key_cert_sign=True,
            crl_sign=True,
            encipher_only=False,
            decipher_only=False,
        ),
        critical=True,
    )
    .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), False)
    .sign(root_key, hashes.SHA256(), ecdsa_deterministic=True)
)
write("root-p256", root)

ca = (
    x509.CertificateBuilder()
    .subject_name(ca_name)
    .issuer_name(root_name)
    .public_key(ca_key.public_key())
    .serial_number(0x7F00_0000_0000_0000_0002)
    .not_valid_before(NOT_BEFORE)
    .not_valid_after(NOT_AFTER_UTC)
    .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
    .add_extension(
        x509.NameConstraints(
            permitted_subtrees=[
                x509.DNSName("example.com"),
                x509.DNSName(".example.org"),
                x509.IPAddress(ipaddress.ip_network("10.0.0.0/8")),
                x509.IPAddress(ipaddress.ip_network("2001:db8::/32")),
                x509.RFC822Name("example.com"),
                x509.UniformResourceIdentifier(".example.com"),
                x509.DirectoryName(name((NameOID.ORGANIZATION_NAME, "certscope fuzz seeds"))),
            ],
            excluded_subtrees=[x509.DNSName("bad.example.com")],
        ),
        critical=True,
    )
    .add_extension(
        x509.PolicyConstraints(require_explicit_policy=0, inhibit_policy_mapping=1), True
    )
    .add_extension(x509.InhibitAnyPolicy(0), critical=True)
    .add_extension(
        x509.CertificatePolicies(
            [
                x509.PolicyInformation(ObjectIdentifier("2.23.140.1.2.1"), None),
                x509.PolicyInformation(
                    ObjectIdentifier("1.3.6.1.4.1.55555.1"),
                    [
                        "https://example.com/cps",
                        x509.UserNotice(
                            x509.NoticeReference("certscope", [1, 2]), "explicit text"
                        ),
                    ],
                ),
            ]
        ),
        critical=False,
    )
    .add_extension(
        # cryptography has no PolicyMappings builder: the value is encoded by hand.
        x509.UnrecognizedExtension(
            ObjectIdentifier("2.5.29.33"),
            der_sequence(
                der_sequence(
                    der_oid("1.3.6.1.4.1.55555.1") + der_oid("1.3.6.1.4.1.55555.2")
                )
            ),
        ),
        critical=True,
    )
    .add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), False
    )
    .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
    .sign(root_key, hashes.SHA384(), ecdsa_deterministic=True)
)
write("intermediate-ed25519", ca)

leaf = (
    x509.CertificateBuilder()
    .subject_name(
        name(
            (NameOID.COMMON_NAME, "www.example.com"),
            (NameOID.EMAIL_ADDRESS, "hostmaster@example.com"),
            (NameOID.SERIAL_NUMBER, "0042"),
        )
    )
    .issuer_name(ca_name)
    .public_key(leaf_key.public_key())
    .serial_number(0x00C0FFEE)
    .not_valid_before(NOT_BEFORE)
    .not_valid_after(NOT_AFTER_UTC)
    .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
    .add_extension(
        x509.KeyUsage(
            digital_signature=True,
            content_commitment=False,
            key_encipherment=False,
            data_encipherment=False,
            key_agreement=True,
            key_cert_sign=False,
            crl_sign=False,
            encipher_only=False,
            decipher_only=False,
        ),
        critical=True,
    )
    .add_extension(
        x509.ExtendedKeyUsage(
            [
                ExtendedKeyUsageOID.SERVER_AUTH,
                ExtendedKeyUsageOID.CLIENT_AUTH,
                ObjectIdentifier("1.3.6.1.4.1.55555.9"),
            ]
        ),
        critical=False,
    )
    .add_extension(
        x509.SubjectAlternativeName(
            [
                x509.DNSName("www.example.com"),
                x509.DNSName("*.api.example.com"),
                x509.IPAddress(ipaddress.ip_address("10.1.2.3")),
                x509.IPAddress(ipaddress.ip_address("2001:db8::1")),
                x509.RFC822Name("hostmaster@example.com"),
                x509.UniformResourceIdentifier("https://www.example.com/"),
                x509.DirectoryName(name((NameOID.COMMON_NAME, "alt"))),
                x509.RegisteredID(ObjectIdentifier("1.3.6.1.4.1.55555.7")),
                x509.OtherName(ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"), b"\x0c\x03upn"),
            ]
        ),
        critical=False,
    )
    .add_extension(
        x509.AuthorityInformationAccess(
            [
                x509.AccessDescription(
                    AuthorityInformationAccessOID.OCSP,
                    x509.UniformResourceIdentifier("http://ocsp.example.com"),
                ),
                x509.AccessDescription(
                    AuthorityInformationAccessOID.CA_ISSUERS,
                    x509.UniformResourceIdentifier("http://ca.example.com/ca.der"),
                ),
            ]
        ),
        critical=False,
    )
    .add_extension(
        x509.CRLDistributionPoints(
            [
                x509.DistributionPoint(
                    full_name=[x509.UniformResourceIdentifier("http://crl.example.com/ca.crl")],
                    relative_name=None,
                    reasons=frozenset({x509.ReasonFlags.key_compromise}),
                    crl_issuer=None,
                )
            ]
        ),
        critical=False,
    )
    .add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
    )
    .add_extension(x509.SubjectKeyIdentifier.from_public_key(leaf_key.public_key()), False)
    .add_extension(x509.TLSFeature([x509.TLSFeatureType.status_request]), critical=False)
    .add_extension(
        x509.UnrecognizedExtension(ObjectIdentifier("1.3.6.1.4.1.55555.99"), b"\x30\x03\x02\x01\x05"),
        critical=False,
    )
    .sign(ca_key, None)
)
write("leaf-p384", leaf)

rsa_leaf = (
    x509.CertificateBuilder()
    .subject_name(name((NameOID.COMMON_NAME, "rsa.example.com")))
    .issuer_name(ca_name)
    .public_key(rsa_public)
    .serial_number(0x01_0203)
    .not_valid_before(NOT_BEFORE)
    .not_valid_after(NOT_AFTER_GENERALIZED)
    .add_extension(
        x509.SubjectAlternativeName([x509.DNSName("rsa.example.com")]), critical=False
    )
    .sign(ca_key, None)
)
write("leaf-rsa", rsa_leaf)
