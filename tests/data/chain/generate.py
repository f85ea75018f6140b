#!/usr/bin/env python3
"""Generates the chain fixtures of tests/chain.rs with Python `cryptography`.

Run from this directory: `python3 generate.py`. Keys are generated once and kept in keys/ so
that rerunning reproduces the RSA PKCS#1 v1.5 and Ed25519 certificates byte for byte; ECDSA and
RSA-PSS signatures are randomised by nature and change on every run (the tests do not depend on
their bytes).

Every certificate is valid from 2025-01-01 to 2035-01-01 unless stated; tests validate at
2026-06-01T00:00:00Z.
"""
import datetime
import os

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

HERE = os.path.dirname(os.path.abspath(__file__))
START = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
END = datetime.datetime(2035, 1, 1, tzinfo=datetime.timezone.utc)


def key(name, kind):
    path = os.path.join(HERE, "keys", f"{name}.pem")
    if os.path.exists(path):
        with open(path, "rb") as f:
            return serialization.load_pem_private_key(f.read(), None)
    if kind.startswith("rsa"):
        k = rsa.generate_private_key(65537, int(kind[3:]))
    elif kind == "p256":
        k = ec.generate_private_key(ec.SECP256R1())
    elif kind == "p384":
        k = ec.generate_private_key(ec.SECP384R1())
    elif kind == "p521":
        k = ec.generate_private_key(ec.SECP521R1())
    elif kind == "ed25519":
        k = ed25519.Ed25519PrivateKey.generate()
    else:
        raise ValueError(kind)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(
            k.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    return k


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def cert(
    subject,
    subject_key,
    issuer,
    issuer_key,
    *,
    ca,
    serial,
    hash_=hashes.SHA256(),
    pss=False,
    san=None,
    eku=(ExtendedKeyUsageOID.SERVER_AUTH,),
    not_before=START,
    not_after=END,
    name_constraints=None,
    issuer_public=None,
):
    b = (
        x509.CertificateBuilder()
        .subject_name(name(subject))
        .issuer_name(name(issuer))
        .public_key(subject_key.public_key())
        .serial_number(serial)
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(subject_key.public_key()), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(
                (issuer_public or issuer_key.public_key())
            ),
            critical=False,
        )
    )
    if not ca:
        b = b.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(n) for n in (san or ["leaf.example.com"])]),
            critical=False,
        )
        if eku:
            b = b.add_extension(x509.ExtendedKeyUsage(list(eku)), critical=False)
        url = "http://ca.example.com/" + issuer.replace(" ", "-") + ".der"
        b = b.add_extension(
            x509.AuthorityInformationAccess(
                [x509.AccessDescription(AuthorityInformationAccessOID.CA_ISSUERS, x509.UniformResourceIdentifier(url))]
            ),
            critical=False,
        )
    if name_constraints:
        b = b.add_extension(
            x509.NameConstraints(
                permitted_subtrees=[x509.DNSName(n) for n in name_constraints], excluded_subtrees=None
            ),
            critical=True,
        )
    if isinstance(issuer_key, ed25519.Ed25519PrivateKey):
        return b.sign(issuer_key, None)
    if pss:
        return b.sign(
            issuer_key,
            hash_,
            rsa_padding=padding.PSS(padding.MGF1(hash_), hash_.digest_size),
        )
    return b.sign(issuer_key, hash_)


def write(file, *certs):
    with open(os.path.join(HERE, file), "wb") as f:
        for c in certs:
            f.write(c.public_bytes(serialization.Encoding.PEM))


def chain(prefix, kind, hash_=hashes.SHA256(), pss=False):
    root_key, inter_key, leaf_key = (key(f"{prefix}-{r}", kind) for r in ("root", "inter", "leaf"))
    ed = kind == "ed25519"
    h = None if ed else hash_
    root = cert(f"{prefix} root", root_key, f"{prefix} root", root_key, ca=True, serial=1, hash_=h, pss=pss)
    inter = cert(f"{prefix} intermediate", inter_key, f"{prefix} root", root_key, ca=True, serial=2, hash_=h, pss=pss)
    leaf = cert("leaf.example.com", leaf_key, f"{prefix} intermediate", inter_key, ca=False, serial=3, hash_=h, pss=pss)
    write(f"{prefix}-root.pem", root)
    write(f"{prefix}-chain.pem", leaf, inter)
    return root_key, inter_key, leaf_key, root, inter


def der_length(n):
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def der(tag, body):
    return bytes([tag]) + der_length(len(body)) + body


def resign_sha1(certificate, issuer_key):
    """The same certificate signed with sha1WithRSAEncryption, which `cryptography`'s builder
    refuses to produce: the algorithm identifier is swapped in the TBS (same length) and the
    TBS signed with RSA PKCS#1 v1.5 over SHA-1."""
    sha256_rsa = bytes.fromhex("300d06092a864886f70d01010b0500")
    sha1_rsa = bytes.fromhex("300d06092a864886f70d0101050500")
    tbs = certificate.tbs_certificate_bytes
    assert tbs.count(sha256_rsa) == 1
    tbs = tbs.replace(sha256_rsa, sha1_rsa)
    signature = issuer_key.sign(tbs, padding.PKCS1v15(), hashes.SHA1())
    return x509.load_der_x509_certificate(der(0x30, tbs + sha1_rsa + der(0x03, b"\x00" + signature)))


def main():
    chain("rsa2048", "rsa2048")
    chain("rsa4096", "rsa4096", hashes.SHA384())
    chain("p256", "p256")
    chain("p384", "p384", hashes.SHA384())
    chain("p521", "p521", hashes.SHA512())
    chain("ed25519", "ed25519")
    chain("pss", "rsa2048", hashes.SHA256(), pss=True)

    # Variations on one P-256 hierarchy.
    root_key, inter_key, _, _, inter = chain("base", "p256")
    leaf_key = key("base-other-leaf", "p256")
    expired = cert("leaf.example.com", leaf_key, "base intermediate", inter_key, ca=False, serial=10,
                   not_after=datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc))
    write("expired-chain.pem", expired, inter)
    wrong_eku = cert("leaf.example.com", leaf_key, "base intermediate", inter_key, ca=False, serial=11,
                     eku=(ExtendedKeyUsageOID.CLIENT_AUTH,))
    write("wrong-eku-chain.pem", wrong_eku, inter)
    # SHA-1: an RSA hierarchy whose leaf is signed with SHA-1.
    _, rsa_inter_key, rsa_leaf_key, _, rsa_inter = chain("rsa2048", "rsa2048")
    sha1_leaf = resign_sha1(
        cert("leaf.example.com", rsa_leaf_key, "rsa2048 intermediate", rsa_inter_key, ca=False, serial=40),
        rsa_inter_key,
    )
    write("sha1-chain.pem", sha1_leaf, rsa_inter)

    # A hostile bag: 300 decoys named like the base intermediate, each with its own key (so
    # every one is a candidate issuer whose signature must be checked). Decoy keys are not
    # kept; the bag changes on every run.
    decoys = []
    for i in range(300):
        decoy_key = ec.generate_private_key(ec.SECP256R1())
        decoys.append(cert("base intermediate", decoy_key, "base intermediate", decoy_key, ca=True, serial=1000 + i))
    write("decoys.pem", *decoys)

    # A CRL from the base intermediate revoking the base leaf (serial 3).
    crl = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(name("base intermediate"))
        .last_update(START)
        .next_update(END)
        .add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(3)
            .revocation_date(START)
            .add_extension(x509.CRLReason(x509.ReasonFlags.key_compromise), critical=False)
            .build()
        )
        .add_extension(x509.CRLNumber(1), critical=False)
        .sign(inter_key, hashes.SHA256())
    )
    with open(os.path.join(HERE, "base-intermediate.crl.pem"), "wb") as f:
        f.write(crl.public_bytes(serialization.Encoding.PEM))

    # Policies: an intermediate requiring an explicit policy (requireExplicitPolicy 0) and
    # asserting policy 1.2.3.4; one leaf under it asserts the policy, another asserts none.
    policy = x509.ObjectIdentifier("1.2.3.4")
    pol_key = key("policy-inter", "p256")
    pol_inter = (
        x509.CertificateBuilder()
        .subject_name(name("policy intermediate"))
        .issuer_name(name("base root"))
        .public_key(pol_key.public_key())
        .serial_number(30)
        .not_valid_before(START)
        .not_valid_after(END)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(pol_key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
        .add_extension(x509.CertificatePolicies([x509.PolicyInformation(policy, None)]), critical=False)
        .add_extension(x509.PolicyConstraints(require_explicit_policy=0, inhibit_policy_mapping=None), critical=True)
        .sign(root_key, hashes.SHA256())
    )

    def policy_leaf(serial, policies):
        b = (
            x509.CertificateBuilder()
            .subject_name(name("leaf.example.com"))
            .issuer_name(name("policy intermediate"))
            .public_key(leaf_key.public_key())
            .serial_number(serial)
            .not_valid_before(START)
            .not_valid_after(END)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(leaf_key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(pol_key.public_key()), critical=False)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("leaf.example.com")]), critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        )
        if policies:
            b = b.add_extension(x509.CertificatePolicies([x509.PolicyInformation(p, None) for p in policies]), critical=False)
        return b.sign(pol_key, hashes.SHA256())

    write("policy-ok-chain.pem", policy_leaf(31, [policy]), pol_inter)
    write("policy-missing-chain.pem", policy_leaf(32, []), pol_inter)

    # Name constraints: the constrained intermediate permits example.com only.
    nc_key = key("nc-inter", "p256")
    nc_inter = cert("nc intermediate", nc_key, "base root", root_key, ca=True, serial=13,
                    name_constraints=["example.com"])
    inside = cert("leaf.example.com", leaf_key, "nc intermediate", nc_key, ca=False, serial=14)
    outside = cert("evil.test", leaf_key, "nc intermediate", nc_key, ca=False, serial=15,
                   san=["evil.test"])
    write("nc-inside-chain.pem", inside, nc_inter)
    write("nc-outside-chain.pem", outside, nc_inter)

    # Cross-signing: "cross intermediate" is issued by root A and, with the same key and
    # subject, by root B. Trusting only B needs the cross-signed copy.
    a_key, b_key, x_key = key("cross-a", "p256"), key("cross-b", "p256"), key("cross-x", "p256")
    root_a = cert("cross root A", a_key, "cross root A", a_key, ca=True, serial=20)
    root_b = cert("cross root B", b_key, "cross root B", b_key, ca=True, serial=21)
    x_by_a = cert("cross intermediate", x_key, "cross root A", a_key, ca=True, serial=22)
    x_by_b = cert("cross intermediate", x_key, "cross root B", b_key, ca=True, serial=23)
    cross_leaf = cert("leaf.example.com", leaf_key, "cross intermediate", x_key, ca=False, serial=24)
    write("cross-root-a.pem", root_a)
    write("cross-root-b.pem", root_b)
    write("cross-chain.pem", cross_leaf, x_by_a, x_by_b)
    # The same chain served in the wrong order.
    write("cross-wrong-order.pem", cross_leaf, root_a, x_by_a)


if __name__ == "__main__":
    main()
