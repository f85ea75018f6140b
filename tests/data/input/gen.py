#!/usr/bin/env python3
"""Deterministic part of the input fixtures: keys, certificates, CSRs, CRLs, PKCS#7.

Run through gen.sh. Every output here is a pure function of the committed RSA key
(`rsa.key.pem`, made once by gen.sh) and the fixed values below: RSA PKCS#1 v1.5 and Ed25519
signatures are deterministic, the EC key comes from a fixed scalar and EC keys only sign
nothing here. `check.sh` regenerates into a scratch folder and diffs.
"""
import datetime
import sys
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

out = Path(sys.argv[1])
here = Path(__file__).resolve().parent

T0 = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
T1 = datetime.datetime(2035, 1, 1, tzinfo=datetime.timezone.utc)

rsa_key = serialization.load_pem_private_key((here / "rsa.key.pem").read_bytes(), None)
ec_key = ec.derive_private_key(0x1F2E3D4C5B6A798812345678ABCDEF0102030405060708090A0B0C0D0E0F1011, ec.SECP256R1())
ed_key = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "certscope fixtures"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def write(filename, data):
    (out / filename).write_bytes(data)


def pem(obj):
    return obj.public_bytes(serialization.Encoding.PEM)


def der(obj):
    return obj.public_bytes(serialization.Encoding.DER)


# CA (RSA, self-signed) and two leaves: one EC, one Ed25519, both signed by the CA.
ca = (x509.CertificateBuilder().subject_name(name("Fixture Root CA")).issuer_name(name("Fixture Root CA"))
      .public_key(rsa_key.public_key()).serial_number(1).not_valid_before(T0).not_valid_after(T1)
      .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
      .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
      .sign(rsa_key, hashes.SHA256()))
ec_leaf = (x509.CertificateBuilder().subject_name(name("ec.example.com")).issuer_name(ca.subject)
           .public_key(ec_key.public_key()).serial_number(0x1001).not_valid_before(T0).not_valid_after(T1)
           .add_extension(x509.SubjectAlternativeName([x509.DNSName("ec.example.com")]), critical=False)
           .sign(rsa_key, hashes.SHA256()))
ed_leaf = (x509.CertificateBuilder().subject_name(name("ed.example.com")).issuer_name(ca.subject)
           .public_key(ed_key.public_key()).serial_number(0x1002).not_valid_before(T0).not_valid_after(T1)
           .sign(rsa_key, hashes.SHA256()))
write("ca.pem", pem(ca))
write("ca.der", der(ca))
write("ec-leaf.pem", pem(ec_leaf))
write("ed-leaf.pem", pem(ed_leaf))
write("chain.pem", pem(ec_leaf) + pem(ca))

# CSRs: RSA with requested extensions, Ed25519 minimal.
csr_rsa = (x509.CertificateSigningRequestBuilder().subject_name(name("csr.example.com"))
           .add_extension(x509.SubjectAlternativeName([x509.DNSName("csr.example.com"),
                                                       x509.DNSName("www.csr.example.com")]), critical=False)
           .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
           .sign(rsa_key, hashes.SHA256()))
csr_ed = x509.CertificateSigningRequestBuilder().subject_name(name("ed-csr.example.com")).sign(ed_key, None)
write("csr-rsa.pem", pem(csr_rsa))
write("csr-rsa.der", der(csr_rsa))
write("csr-ed25519.pem", pem(csr_ed))

# CRL by the CA, two revoked serials, one with a reason.
crl = (x509.CertificateRevocationListBuilder().issuer_name(ca.subject)
       .last_update(T0).next_update(T0 + datetime.timedelta(days=7))
       .add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(0x1001)
                                .revocation_date(T0 + datetime.timedelta(days=1))
                                .add_extension(x509.CRLReason(x509.ReasonFlags.key_compromise), critical=False)
                                .build())
       .add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(0x2002)
                                .revocation_date(T0 + datetime.timedelta(days=2)).build())
       .add_extension(x509.CRLNumber(42), critical=False)
       .sign(rsa_key, hashes.SHA256()))
write("crl.pem", pem(crl))
write("crl.der", der(crl))

# Keys in every plain encoding.
P = serialization
write("ec.pkcs8.pem", ec_key.private_bytes(P.Encoding.PEM, P.PrivateFormat.PKCS8, P.NoEncryption()))
write("ec.sec1.pem", ec_key.private_bytes(P.Encoding.PEM, P.PrivateFormat.TraditionalOpenSSL, P.NoEncryption()))
write("ec.sec1.der", ec_key.private_bytes(P.Encoding.DER, P.PrivateFormat.TraditionalOpenSSL, P.NoEncryption()))
write("rsa.pkcs1.pem", rsa_key.private_bytes(P.Encoding.PEM, P.PrivateFormat.TraditionalOpenSSL, P.NoEncryption()))
write("rsa.pkcs8.der", rsa_key.private_bytes(P.Encoding.DER, P.PrivateFormat.PKCS8, P.NoEncryption()))
write("ed25519.pkcs8.pem", ed_key.private_bytes(P.Encoding.PEM, P.PrivateFormat.PKCS8, P.NoEncryption()))
write("ec.pub.pem", ec_key.public_key().public_bytes(P.Encoding.PEM, P.PublicFormat.SubjectPublicKeyInfo))

# PKCS#7 certs-only bundles.
write("bundle.p7b", pkcs7.serialize_certificates([ec_leaf, ed_leaf, ca], P.Encoding.DER))
write("bundle.p7b.pem", pkcs7.serialize_certificates([ec_leaf, ed_leaf, ca], P.Encoding.PEM))


# Rule-breaking certificates for the lenient parse. cryptography refuses to build them, so the
# TBS is re-encoded by hand from a valid one and re-signed with the CA key.
def der_len(n):
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(tag, content):
    return bytes([tag]) + der_len(len(content)) + content


def split(der):
    """Splits the contents of a constructed element into its child TLVs."""
    length = der[1]
    start = 2
    if length & 0x80:
        count = length & 0x7F
        length = int.from_bytes(der[2:2 + count], "big")
        start = 2 + count
    content, out, i = der[start:start + length], [], 0
    while i < len(content):
        l = content[i + 1]
        h = 2
        if l & 0x80:
            c = l & 0x7F
            l = int.from_bytes(content[i + 2:i + 2 + c], "big")
            h = 2 + c
        out.append(content[i:i + h + l])
        i += h + l
    return out


def resigned(cert, serial_content):
    from cryptography.hazmat.primitives.asymmetric import padding
    tbs = split(cert.tbs_certificate_bytes)
    tbs[1] = tlv(0x02, serial_content)  # [0] version, then serialNumber
    new_tbs = tlv(0x30, b"".join(tbs))
    signature = rsa_key.sign(new_tbs, padding.PKCS1v15(), hashes.SHA256())
    outer = split(der(cert))
    return tlv(0x30, new_tbs + outer[1] + tlv(0x03, b"\x00" + signature))


write("serial-25-bytes.der", resigned(ec_leaf, bytes(range(1, 26))))
write("serial-negative.der", resigned(ec_leaf, b"\xff\x01"))

# A subjectAltName whose value is not a GeneralNames: the certificate must still be shown.
bad_ext = (x509.CertificateBuilder().subject_name(name("bad-ext.example.com")).issuer_name(ca.subject)
           .public_key(ec_key.public_key()).serial_number(0x1003).not_valid_before(T0).not_valid_after(T1)
           .add_extension(x509.UnrecognizedExtension(x509.ObjectIdentifier("2.5.29.17"), b"\x04\x03\xff\x00\x01"),
                          critical=False)
           .sign(rsa_key, hashes.SHA256()))
write("bad-extension.pem", pem(bad_ext))
