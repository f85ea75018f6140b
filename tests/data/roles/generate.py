#!/usr/bin/env python3
"""Generates the role fixtures: one small PKI (root, intermediates, cross-certificate) and one
end-entity certificate per role.

Deterministic: EC keys are derived from fixed scalars, ECDSA signatures use RFC 6979
deterministic nonces, Ed25519 is deterministic, the RSA key is read from rsa-key.pem (created
once and committed), and serials and dates are fixed. Rerunning produces identical files.

Usage: python3 generate.py   (writes *.pem beside this file; needs Python `cryptography`)
"""

import datetime
import hashlib
import ipaddress
import os

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

HERE = os.path.dirname(os.path.abspath(__file__))
NOT_BEFORE = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
NOT_AFTER = datetime.datetime(2027, 1, 1, tzinfo=datetime.timezone.utc)
CA_NOT_AFTER = datetime.datetime(2036, 1, 1, tzinfo=datetime.timezone.utc)


def ec_key(label):
    scalar = int.from_bytes(hashlib.sha256(b"certscope roles " + label.encode()).digest(), "big")
    return ec.derive_private_key(scalar % (2**255), ec.SECP256R1())


def rsa_key():
    path = os.path.join(HERE, "rsa-key.pem")
    if not os.path.exists(path):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        with open(path, "wb") as f:
            f.write(key.private_bytes(serialization.Encoding.PEM,
                                      serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()))
    with open(path, "rb") as f:
        return serialization.load_pem_private_key(f.read(), password=None)


def name(*pairs):
    return x509.Name([x509.NameAttribute(oid, value) for oid, value in pairs])


def key_usage(digital_signature=False, content_commitment=False, key_encipherment=False,
              key_agreement=False, key_cert_sign=False, crl_sign=False):
    return x509.KeyUsage(digital_signature, content_commitment, key_encipherment, False,
                         key_agreement, key_cert_sign, crl_sign, False, False)


def build(subject, key, issuer_name, issuer_key, serial, extensions, not_after=NOT_AFTER,
          issuer_public=None):
    builder = (x509.CertificateBuilder()
               .subject_name(subject)
               .issuer_name(issuer_name)
               .public_key(key.public_key())
               .serial_number(serial)
               .not_valid_before(NOT_BEFORE)
               .not_valid_after(not_after))
    builder = builder.add_extension(
        x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    authority = (issuer_public or issuer_key.public_key())
    builder = builder.add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(authority), critical=False)
    for extension, critical in extensions:
        builder = builder.add_extension(extension, critical=critical)
    if isinstance(issuer_key, ec.EllipticCurvePrivateKey):
        return builder.sign(issuer_key, hashes.SHA256(),
                            ecdsa_deterministic=True)
    return builder.sign(issuer_key, hashes.SHA256())


def write(filename, *certs):
    with open(os.path.join(HERE, filename), "wb") as f:
        for cert in certs:
            f.write(cert.public_bytes(serialization.Encoding.PEM))


def main():
    root_key = ec_key("root")
    root_name = name((NameOID.COMMON_NAME, "Example Root CA"), (NameOID.ORGANIZATION_NAME, "Example"))
    ca_ext = [(x509.BasicConstraints(ca=True, path_length=None), True),
              (key_usage(key_cert_sign=True, crl_sign=True), True)]
    root = build(root_name, root_key, root_name, root_key, 1, ca_ext, CA_NOT_AFTER)
    write("root.pem", root)

    # The same root key and subject, cross-signed by an older root.
    old_key = ec_key("old root")
    old_name = name((NameOID.COMMON_NAME, "Old Example Root"), (NameOID.ORGANIZATION_NAME, "Example"))
    cross = build(root_name, root_key, old_name, old_key, 2, ca_ext, CA_NOT_AFTER)
    write("cross-bundle.pem", root, cross)

    inter_key = ec_key("intermediate")
    inter_name = name((NameOID.COMMON_NAME, "Example TLS Issuing CA"), (NameOID.ORGANIZATION_NAME, "Example"))
    inter = build(inter_name, inter_key, root_name, root_key, 3, [
        (x509.BasicConstraints(ca=True, path_length=0), True),
        (key_usage(digital_signature=True, key_cert_sign=True, crl_sign=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False),
    ], CA_NOT_AFTER)
    write("intermediate-eku.pem", inter)

    nc_key = ec_key("name constrained")
    nc_name = name((NameOID.COMMON_NAME, "Example Devices CA"), (NameOID.ORGANIZATION_NAME, "Example"))
    nc = build(nc_name, nc_key, root_name, root_key, 4, [
        (x509.BasicConstraints(ca=True, path_length=None), True),
        (key_usage(key_cert_sign=True, crl_sign=True), True),
        (x509.NameConstraints(
            permitted_subtrees=[x509.DNSName("devices.example.com"),
                                x509.UniformResourceIdentifier("devices.example.com")],
            excluded_subtrees=[x509.IPAddress(ipaddress.ip_network("10.0.0.0/8"))]), True),
    ], CA_NOT_AFTER)
    write("intermediate-nc.pem", nc)

    def leaf(filename, label, subject, extensions, serial, key=None, issuer=(inter_name, inter_key)):
        key = key or ec_key(label)
        cert = build(subject, key, issuer[0], issuer[1], serial, extensions)
        write(filename, cert)
        return cert

    leaf_bc = (x509.BasicConstraints(ca=False, path_length=None), True)
    leaf("tls-server.pem", "server", name((NameOID.COMMON_NAME, "www.example.com")), [
        leaf_bc,
        (key_usage(digital_signature=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False),
        (x509.SubjectAlternativeName([x509.DNSName("www.example.com"), x509.DNSName("example.com"),
                                      x509.IPAddress(ipaddress.ip_address("192.0.2.10"))]), False),
    ], 10)
    leaf("device-client.pem", "device", name(
        (NameOID.ORGANIZATION_NAME, "Example Devices"),
        (NameOID.SERIAL_NUMBER, "SN-0042-AB"),
        (NameOID.COMMON_NAME, "sensor-0042")), [
        leaf_bc,
        (key_usage(digital_signature=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), False),
        (x509.SubjectAlternativeName([
            x509.UniformResourceIdentifier("spiffe://devices.example.com/sensor/0042")]), False),
    ], 11, issuer=(nc_name, nc_key))
    hardware = bytes.fromhex("3010") + bytes.fromhex("0608") + bytes.fromhex("2b06010401826e01") \
        + bytes.fromhex("0404") + b"HW42"
    upn_value = b"sensor@example.com"
    upn = bytes([0x0C, len(upn_value)]) + upn_value
    leaf("device-devid.pem", "devid", name((NameOID.COMMON_NAME, "Example Gateway")), [
        leaf_bc,
        (key_usage(digital_signature=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH,
                                ObjectIdentifier("1.3.6.1.4.1.311.20.2.2")]), False),
        (x509.SubjectAlternativeName([
            x509.OtherName(ObjectIdentifier("1.3.6.1.5.5.7.8.4"), hardware),
            x509.OtherName(ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"), upn)]), False),
    ], 12, issuer=(nc_name, nc_key))
    leaf("code-signing.pem", "code", name((NameOID.COMMON_NAME, "Example Code Signer"),
                                          (NameOID.ORGANIZATION_NAME, "Example")), [
        leaf_bc,
        (key_usage(digital_signature=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), False),
    ], 13)
    leaf("document-signing.pem", "document", name((NameOID.COMMON_NAME, "Example Contracts")), [
        leaf_bc,
        (key_usage(digital_signature=True, content_commitment=True), True),
        (x509.ExtendedKeyUsage([ObjectIdentifier("1.3.6.1.5.5.7.3.36")]), False),
    ], 25)
    leaf("smime.pem", "smime", name((NameOID.COMMON_NAME, "Alice Example")), [
        leaf_bc,
        (key_usage(digital_signature=True, key_encipherment=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), False),
        (x509.SubjectAlternativeName([x509.RFC822Name("alice@example.com")]), False),
    ], 14, key=rsa_key())
    leaf("ocsp.pem", "ocsp", name((NameOID.COMMON_NAME, "Example OCSP Responder")), [
        leaf_bc,
        (key_usage(digital_signature=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.OCSP_SIGNING]), False),
        (x509.OCSPNoCheck(), False),
    ], 15)
    leaf("tsa.pem", "tsa", name((NameOID.COMMON_NAME, "Example Time Stamping Authority")), [
        leaf_bc,
        (key_usage(digital_signature=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), True),
    ], 16)
    leaf("precert.pem", "server", name((NameOID.COMMON_NAME, "www.example.com")), [
        leaf_bc,
        (key_usage(digital_signature=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False),
        (x509.SubjectAlternativeName([x509.DNSName("www.example.com")]), False),
        (x509.PrecertPoison(), True),
    ], 17)
    self_key = ec_key("self-signed")
    self_name = name((NameOID.COMMON_NAME, "test.internal"))
    leaf("self-signed-leaf.pem", "self-signed", self_name, [
        leaf_bc,
        (key_usage(digital_signature=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]), False),
        (x509.SubjectAlternativeName([x509.DNSName("test.internal"), x509.DNSName("localhost")]), False),
    ], 18, key=self_key, issuer=(self_name, self_key))
    leaf("no-eku.pem", "no eku", name((NameOID.COMMON_NAME, "anything.example.com")), [
        (key_usage(digital_signature=True, key_encipherment=True), True),
        (x509.SubjectAlternativeName([x509.DNSName("anything.example.com")]), False),
    ], 19)
    leaf("public-tls-client-auth.pem", "public", name((NameOID.COMMON_NAME, "shop.example.com")), [
        leaf_bc,
        (key_usage(digital_signature=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]), False),
        (x509.SubjectAlternativeName([x509.DNSName("shop.example.com")]), False),
        (x509.CertificatePolicies([x509.PolicyInformation(ObjectIdentifier("2.23.140.1.2.1"), None)]), False),
    ], 20)
    leaf("rsa-key-encipherment-only.pem", "rsa", name((NameOID.COMMON_NAME, "legacy.example.com")), [
        leaf_bc,
        (key_usage(key_encipherment=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False),
        (x509.SubjectAlternativeName([x509.DNSName("legacy.example.com")]), False),
    ], 21, key=rsa_key())
    leaf("client-without-digital-signature.pem", "client no ds", name((NameOID.COMMON_NAME, "client-7")), [
        leaf_bc,
        (key_usage(key_encipherment=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), False),
    ], 22)
    leaf("cn-only-server.pem", "cn only", name((NameOID.COMMON_NAME, "old.example.com")), [
        leaf_bc,
        (key_usage(digital_signature=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False),
    ], 23)
    leaf("any-eku.pem", "any eku", name((NameOID.COMMON_NAME, "any.example.com")), [
        leaf_bc,
        (key_usage(digital_signature=True), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE]), False),
        (x509.SubjectAlternativeName([x509.DNSName("any.example.com")]), False),
    ], 24)


if __name__ == "__main__":
    main()
