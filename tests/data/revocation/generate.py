#!/usr/bin/env python3
"""Generates the revocation and policy cases of tests/revocation.rs with Python `cryptography`.

Run from this directory: `python3 generate.py` writes the certificates and CRLs (PEM) and
`cases.json`; `python3 generate.py --openssl` also runs every case through
`openssl verify -crl_check_all -extended_crl -use_deltas` (and `-policy`, `-explicit_policy`,
`-inhibit_map`, `-inhibit_any` for the policy cases) and writes its answers, with its version,
to `openssl.json`, which the tests compare against without running OpenSSL. Every run also
writes `cryptography.json`: what Python `cryptography` (its version recorded) says of each CRL
where it can express it, which corpus certificates' keys verify the CRL's signature
(`is_signature_valid`) and which serials it lists with what reason; `cryptography` has no path
validation with CRLs or policy inputs.

Every key is Ed25519, derived from the certificate's name, and Ed25519 signatures are
deterministic: a rerun reproduces every file byte for byte.

Each case names the RFC 5280 clause it exercises and the outcome the RFC requires; the expected
outcomes are written here from the RFC, not read from certscope. Certificates are valid from
2025-01-01 to 2035-01-01, CRLs are issued 2026-01-01 with nextUpdate 2027-01-01 unless stated,
and every case is validated at 2026-06-01T00:00:00Z.
"""
import datetime
import hashlib
import json
import os
import subprocess
import sys
import tempfile

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import NameOID

HERE = os.path.dirname(os.path.abspath(__file__))
UTC = datetime.timezone.utc
START = datetime.datetime(2025, 1, 1, tzinfo=UTC)
END = datetime.datetime(2035, 1, 1, tzinfo=UTC)
CRL_THIS = datetime.datetime(2026, 1, 1, tzinfo=UTC)
CRL_NEXT = datetime.datetime(2027, 1, 1, tzinfo=UTC)
AT = datetime.datetime(2026, 6, 1, tzinfo=UTC)
AT_TEXT = "2026-06-01T00:00:00Z"


def key(label):
    seed = hashlib.sha256(("certscope revocation corpus " + label).encode()).digest()
    return ed25519.Ed25519PrivateKey.from_private_bytes(seed)


def name(cn):
    return x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "certscope revocation corpus"),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ])


def serial_of(label):
    return int.from_bytes(hashlib.sha256(label.encode()).digest()[:8], "big") | 1


def cert(label, subject_cn, issuer_cn, issuer_key_label, ca, *, key_label=None, extra=(),
         key_usage=None, policies=None, not_before=START, not_after=END):
    """A certificate; `extra` is a list of (extension, critical). `cryptography` writes a
    validity time before 2050 as UTCTime, so 1950 to 1969 are UTCTime too (RFC 5280
    4.1.2.5.1: YY from 50 to 99 is 19YY)."""
    subject_key = key(key_label or label)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name(subject_cn))
        .issuer_name(name(issuer_cn))
        .public_key(subject_key.public_key())
        .serial_number(serial_of(label))
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(subject_key.public_key()), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(
                key(issuer_key_label).public_key()
            ),
            critical=False,
        )
    )
    if key_usage is None:
        key_usage = ["key_cert_sign", "crl_sign"] if ca else ["digital_signature"]
    flags = {f: (f in key_usage) for f in [
        "digital_signature", "content_commitment", "key_encipherment", "data_encipherment",
        "key_agreement", "key_cert_sign", "crl_sign"]}
    builder = builder.add_extension(
        x509.KeyUsage(**flags, encipher_only=False, decipher_only=False), critical=True
    )
    if not ca:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(f"{label}.example.com")]), critical=False
        )
    if policies is not None:
        builder = builder.add_extension(
            x509.CertificatePolicies([x509.PolicyInformation(x509.ObjectIdentifier(p), None)
                                      for p in policies]),
            critical=False,
        )
    for extension, critical in extra:
        builder = builder.add_extension(extension, critical=critical)
    return builder.sign(key(issuer_key_label), None)


def crl(issuer_cn, signer_key_label, number, revoked=(), *, idp=None, delta_base=None,
        this_update=CRL_THIS, next_update=CRL_NEXT, freshest=False):
    """A CRL; `revoked` is a list of (certificate, reason or None, certificate issuer or
    None)."""
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(name(issuer_cn))
        .last_update(this_update)
        .next_update(next_update)
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(
                key(signer_key_label).public_key()
            ),
            critical=False,
        )
    )
    if idp is not None:
        builder = builder.add_extension(idp, critical=True)
    if delta_base is not None:
        builder = builder.add_extension(x509.DeltaCRLIndicator(delta_base), critical=True)
    if freshest:
        # freshestCRL (RFC 5280 5.2.6): where the deltas are; OpenSSL uses a delta only for a
        # base that carries it.
        builder = builder.add_extension(
            x509.FreshestCRL([x509.DistributionPoint(
                full_name=[x509.UniformResourceIdentifier("http://crl.example.com/delta.crl")],
                relative_name=None, reasons=None, crl_issuer=None)]),
            critical=False,
        )
    for certificate, reason, entry_issuer in revoked:
        entry = (
            x509.RevokedCertificateBuilder()
            .serial_number(certificate.serial_number)
            .revocation_date(datetime.datetime(2025, 6, 1, tzinfo=UTC))
        )
        if reason is not None:
            entry = entry.add_extension(x509.CRLReason(reason), critical=False)
        if entry_issuer is not None:
            entry = entry.add_extension(
                x509.CertificateIssuer([x509.DirectoryName(name(entry_issuer))]), critical=True
            )
        builder = builder.add_revoked_certificate(entry.build())
    return builder.sign(key(signer_key_label), None)


def relative(cn):
    """A nameRelativeToCRLIssuer (RFC 5280 4.2.1.13): one RDN appended to the CRL issuer's
    name."""
    return x509.RelativeDistinguishedName([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def idp(*, uri=None, user=False, ca=False, attribute=False, reasons=None, indirect=False,
        relative_cn=None):
    return x509.IssuingDistributionPoint(
        full_name=[x509.UniformResourceIdentifier(uri)] if uri else None,
        relative_name=relative(relative_cn) if relative_cn else None,
        only_contains_user_certs=user,
        only_contains_ca_certs=ca,
        only_some_reasons=frozenset(reasons) if reasons else None,
        indirect_crl=indirect,
        only_contains_attribute_certs=attribute,
    )


def crldp(uri=None, crl_issuer_cn=None, relative_cn=None):
    return (
        x509.CRLDistributionPoints([
            x509.DistributionPoint(
                full_name=[x509.UniformResourceIdentifier(uri)] if uri else None,
                relative_name=relative(relative_cn) if relative_cn else None,
                reasons=None,
                crl_issuer=[x509.DirectoryName(name(crl_issuer_cn))] if crl_issuer_cn else None,
            )
        ]),
        False,
    )


def der_length(n):
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def der_oid(dotted):
    parts = [int(p) for p in dotted.split(".")]
    body = bytes([40 * parts[0] + parts[1]])
    for p in parts[2:]:
        chunk = [p & 0x7F]
        p >>= 7
        while p:
            chunk.append(0x80 | (p & 0x7F))
            p >>= 7
        body += bytes(reversed(chunk))
    return b"\x06" + der_length(len(body)) + body


def der_seq(body):
    return b"\x30" + der_length(len(body)) + body


def policy_mappings(pairs):
    """policyMappings (RFC 5280 4.2.1.5), which `cryptography` cannot build."""
    value = der_seq(b"".join(der_seq(der_oid(a) + der_oid(b)) for a, b in pairs))
    return (x509.UnrecognizedExtension(x509.ObjectIdentifier("2.5.29.33"), value), False)


WRITTEN = {}


def write(filename, obj):
    if filename in WRITTEN:
        return filename
    data = obj.public_bytes(serialization.Encoding.PEM)
    with open(os.path.join(HERE, filename), "wb") as f:
        f.write(data)
    WRITTEN[filename] = obj
    return filename


def main():
    openssl = "--openssl" in sys.argv
    CA, ICA = "Root CA", "Intermediate CA"
    root = cert("root", CA, CA, "root", True)
    inter = cert("intermediate", ICA, CA, "root", True)
    leaf = cert("leaf", "leaf", ICA, "intermediate", False)
    leaf_dp = cert("leaf-dp", "leaf with a distribution point", ICA, "intermediate", False,
                   extra=[crldp("http://crl.example.com/ica.crl")])
    # A delegated CRL signer: the intermediate's name, another key, issued by the root with
    # cRLSign only (RFC 5280 6.3.3 (f): a separate CRL-signing key of the same CA).
    crl_signer = cert("crl-signer", ICA, CA, "root", True, key_label="crl-signer",
                      key_usage=["crl_sign"])
    # An indirect CRL issuer, certified by the root for CRL signing only.
    authority = cert("crl-authority", "CRL Authority", CA, "root", True,
                     key_usage=["crl_sign"])
    leaf_indirect = cert("leaf-indirect", "leaf with an indirect CRL", ICA, "intermediate",
                         False, extra=[crldp(crl_issuer_cn="CRL Authority")])
    # A key-rollover certificate: the intermediate's new key certified by its old one
    # (self-issued), the CRL signed by the new key.
    rollover = cert("rollover", ICA, ICA, "intermediate", True, key_label="intermediate-new")
    # A delegated CRL signer of the root: the root's name, another key, self-issued, not a CA,
    # cRLSign only. Its CRL covers CA certificates only, so its own status comes from the
    # root's onlyContainsUserCerts CRL, signed by the root key.
    root_signer = cert("root-crl-signer", CA, CA, "root", False, key_label="root-crl-signer",
                       key_usage=["crl_sign"])
    # Policy chain: the intermediate asserts 1.2.3.4 and maps 1.2.3.4 to 1.2.3.5; the leaf
    # asserts 1.2.3.5. A second intermediate asserts only anyPolicy, with a non-critical
    # policyConstraints (requireExplicitPolicy 0).
    p_inter = cert("policy-intermediate", "Policy CA", CA, "root", True, policies=["1.2.3.4"],
                   extra=[policy_mappings([("1.2.3.4", "1.2.3.5")])])
    p_leaf = cert("policy-leaf", "policy leaf", "Policy CA", "policy-intermediate", False,
                  policies=["1.2.3.5"])
    any_inter = cert("any-intermediate", "AnyPolicy CA", CA, "root", True,
                     policies=["2.5.29.32.0"],
                     extra=[(x509.PolicyConstraints(require_explicit_policy=0,
                                                    inhibit_policy_mapping=None), False)])
    any_leaf = cert("any-leaf", "anyPolicy leaf", "AnyPolicy CA", "any-intermediate", False,
                    policies=["2.5.29.32.0"])
    # A distribution point named relative to the issuer (nameRelativeToCRLIssuer).
    leaf_dp_relative = cert("leaf-dp-relative", "leaf with a relative distribution point", ICA,
                            "intermediate", False, extra=[crldp(relative_cn="partition 1")])
    # Validity times in 1950 and 1969, UTCTime "50..." and "69..." (RFC 5280 4.1.2.5.1).
    y1950 = datetime.datetime(1950, 1, 1, tzinfo=UTC)
    inter_1950 = cert("intermediate-1950", "1950 CA", CA, "root", True, not_before=y1950)
    leaf_1950 = cert("leaf-1950", "leaf of the 1950 CA", "1950 CA", "intermediate-1950", False,
                     not_before=y1950)
    leaf_1969 = cert("leaf-1969", "leaf expired in 1969", ICA, "intermediate", False,
                     not_before=y1950,
                     not_after=datetime.datetime(1969, 12, 31, 23, 59, 59, tzinfo=UTC))

    for fn, c in [("root.pem", root), ("intermediate.pem", inter), ("leaf.pem", leaf),
                  ("leaf-dp.pem", leaf_dp), ("crl-signer.pem", crl_signer),
                  ("crl-authority.pem", authority), ("leaf-indirect.pem", leaf_indirect),
                  ("rollover.pem", rollover), ("root-crl-signer.pem", root_signer),
                  ("policy-intermediate.pem", p_inter),
                  ("policy-leaf.pem", p_leaf), ("any-intermediate.pem", any_inter),
                  ("any-leaf.pem", any_leaf), ("leaf-dp-relative.pem", leaf_dp_relative),
                  ("intermediate-1950.pem", inter_1950), ("leaf-1950.pem", leaf_1950),
                  ("leaf-1969.pem", leaf_1969)]:
            write(fn, c)

    R = x509.ReasonFlags
    root_crl = write("root.crl.pem", crl(CA, "root", 1))
    crls = {
        "empty": crl(ICA, "intermediate", 10, freshest=True),
        "revokes-leaf": crl(ICA, "intermediate", 11, [(leaf, R.key_compromise, None)]),
        "hold-leaf": crl(ICA, "intermediate", 12, [(leaf, R.certificate_hold, None)],
                         freshest=True),
        "other-key": crl(ICA, "crl-signer-stranger", 13, [(leaf, R.key_compromise, None)]),
        "expired": crl(ICA, "intermediate", 14, this_update=datetime.datetime(2025, 1, 1, tzinfo=UTC),
                       next_update=datetime.datetime(2026, 1, 1, tzinfo=UTC)),
        "only-ca": crl(ICA, "intermediate", 15, idp=idp(ca=True)),
        "only-user": crl(ICA, "intermediate", 16, idp=idp(user=True)),
        "some-reasons": crl(ICA, "intermediate", 17,
                            idp=idp(reasons=[R.key_compromise, R.ca_compromise])),
        "other-reasons": crl(ICA, "intermediate", 18,
                             idp=idp(reasons=[R.affiliation_changed, R.superseded,
                                              R.cessation_of_operation, R.certificate_hold,
                                              R.privilege_withdrawn, R.aa_compromise])),
        "dp-match": crl(ICA, "intermediate", 19, idp=idp(uri="http://crl.example.com/ica.crl")),
        "dp-other": crl(ICA, "intermediate", 20, idp=idp(uri="http://crl.example.com/other.crl")),
        "delta-revokes": crl(ICA, "intermediate", 21, [(leaf, R.key_compromise, None)],
                             delta_base=10),
        "delta-removes": crl(ICA, "intermediate", 22, [(leaf, R.remove_from_crl, None)],
                             delta_base=12),
        "delegated": crl(ICA, "crl-signer", 23, [(leaf, R.superseded, None)]),
        "delegated-empty": crl(ICA, "crl-signer", 24),
        "indirect": crl("CRL Authority", "crl-authority", 25,
                        [(leaf_indirect, R.key_compromise, ICA)], idp=idp(indirect=True)),
        "indirect-empty": crl("CRL Authority", "crl-authority", 26, idp=idp(indirect=True)),
        "not-indirect": crl("CRL Authority", "crl-authority", 27),
        "rollover": crl(ICA, "intermediate-new", 28, [(leaf, R.key_compromise, None)]),
        "root-revokes-intermediate": crl(CA, "root", 2, [(inter, R.ca_compromise, None)]),
        "root-only-user": crl(CA, "root", 3, idp=idp(user=True)),
        "root-revokes-signer": crl(CA, "root", 4, [(crl_signer, R.key_compromise, None)]),
        "root-delegated": crl(CA, "root-crl-signer", 5, idp=idp(ca=True)),
        "stranger": crl("Stranger CA", "stranger", 1, [(leaf, R.key_compromise, None)]),
        # A CRL of attribute certificates that lists the leaf's serial.
        "only-attribute": crl(ICA, "intermediate", 29, [(leaf, R.key_compromise, None)],
                              idp=idp(attribute=True)),
        "dp-relative": crl(ICA, "intermediate", 30, idp=idp(relative_cn="partition 1")),
        "dp-relative-other": crl(ICA, "intermediate", 31, idp=idp(relative_cn="partition 2")),
        # Indirect CRLs: an entry for another CA's certificate with the leaf's serial; an entry
        # inheriting the certificateIssuer of the entry before it; a first entry without
        # certificateIssuer, which stands for the CRL issuer's own certificate (RFC 5280 5.3.3).
        "indirect-other-issuer": crl("CRL Authority", "crl-authority", 32,
                                     [(leaf_indirect, R.key_compromise, "Stranger CA")],
                                     idp=idp(indirect=True)),
        "indirect-inherits": crl("CRL Authority", "crl-authority", 33,
                                 [(leaf, R.superseded, ICA),
                                  (leaf_indirect, R.key_compromise, None)],
                                 idp=idp(indirect=True)),
        "indirect-first-entry": crl("CRL Authority", "crl-authority", 34,
                                    [(leaf_indirect, R.key_compromise, None)],
                                    idp=idp(indirect=True)),
        # Deltas that may not be combined with the complete CRL supplied (RFC 5280 5.2.4): a
        # BaseCRLNumber above the complete CRL's number; a CRL number not above it.
        "delta-base-too-new": crl(ICA, "intermediate", 35, [(leaf, R.key_compromise, None)],
                                  delta_base=11),
        "complete-36": crl(ICA, "intermediate", 36, freshest=True),
        "delta-not-newer": crl(ICA, "intermediate", 36, [(leaf, R.key_compromise, None)],
                               delta_base=10),
        "crl-1950": crl("1950 CA", "intermediate-1950", 1),
        # A complete CRL without freshestCRL, and a delta of the same scope.
        "no-freshest": crl(ICA, "intermediate", 40),
        "delta-no-freshest": crl(ICA, "intermediate", 41, [(leaf, R.key_compromise, None)],
                                 delta_base=40),
    }
    crl_files = {k: write(f"{k}.crl.pem", v) for k, v in crls.items()}

    chain = ["intermediate.pem"]
    cases = []

    def case(cid, clause, description, target, untrusted, crl_names, valid, statuses=None,
             error=None, policy=None, include_root_crl=True):
        files = [crl_files[n] for n in crl_names]
        if include_root_crl:
            files = [root_crl] + files
        cases.append({
            "id": cid,
            "clause": clause,
            "description": description,
            "target": target,
            "untrusted": untrusted,
            "anchors": ["root.pem"],
            "crls": files,
            "time": AT_TEXT,
            "policy": policy,
            "expected": {"valid": valid, "error": error, "statuses": statuses},
        })

    case("good", "6.3.3", "each certificate's issuer supplied a CRL that does not list it",
         "leaf.pem", chain, ["empty"], True, ["good", "good"])
    case("revoked", "6.3.3 (i)", "the leaf is on its issuer's CRL (keyCompromise)",
         "leaf.pem", chain, ["revokes-leaf"], False, ["revoked", "good"], "revoked")
    case("hold", "5.3.1, 6.3.3 (i)", "certificateHold revokes until removed",
         "leaf.pem", chain, ["hold-leaf"], False, ["revoked", "good"], "revoked")
    case("no-crl-for-leaf", "6.3.3 (k)",
         "CRLs supplied but none from the leaf's issuer: undetermined, fail closed",
         "leaf.pem", chain, [], False, ["undetermined", "good"], "revocation_undetermined")
    case("no-crl-for-intermediate", "6.3.3 (k)",
         "the root's CRL is not supplied: the intermediate's status is undetermined",
         "leaf.pem", chain, ["empty"], False, ["good", "undetermined"],
         "revocation_undetermined", include_root_crl=False)
    case("intermediate-revoked", "6.3.3 (i)", "the root's CRL lists the intermediate",
         "leaf.pem", chain, ["empty", "root-revokes-intermediate"], False,
         ["good", "revoked"], "revoked", include_root_crl=False)
    case("bad-signature", "6.3.3 (g)",
         "the leaf's issuer's name but another key signed the CRL: set aside",
         "leaf.pem", chain, ["other-key"], False, ["undetermined", "good"],
         "revocation_undetermined")
    case("wrong-issuer", "6.3.3 (b)(1)",
         "a CRL of another CA listing the leaf's serial does not decide the leaf",
         "leaf.pem", chain, ["stranger"], False, ["undetermined", "good"],
         "revocation_undetermined")
    case("wrong-issuer-with-good", "6.3.3 (b)(1)",
         "another CA's CRL lists the serial; the issuer's own CRL does not",
         "leaf.pem", chain, ["stranger", "empty"], True, ["good", "good"])
    case("expired-crl", "6.3.3 (a)(2)", "the only CRL's nextUpdate has passed",
         "leaf.pem", chain, ["expired"], False, ["undetermined", "good"],
         "revocation_undetermined")
    case("idp-only-ca", "6.3.3 (b)(2)(iii)",
         "onlyContainsCACerts: does not cover the leaf", "leaf.pem", chain, ["only-ca"], False,
         ["undetermined", "good"], "revocation_undetermined")
    case("idp-only-user", "6.3.3 (b)(2)(ii)", "onlyContainsUserCerts covers the leaf",
         "leaf.pem", chain, ["only-user"], True, ["good", "good"])
    case("idp-only-user-for-ca", "6.3.3 (b)(2)(ii)",
         "the root's onlyContainsUserCerts CRL does not cover the intermediate",
         "leaf.pem", chain, ["empty", "root-only-user"], False, ["good", "undetermined"],
         "revocation_undetermined", include_root_crl=False)
    case("some-reasons", "6.3.3 (d), (k)",
         "onlySomeReasons keyCompromise and cACompromise: the other reasons stay undetermined",
         "leaf.pem", chain, ["some-reasons"], False, ["undetermined", "good"],
         "revocation_undetermined")
    case("all-reasons-in-two", "6.3.3 (d), (j)",
         "two CRLs whose onlySomeReasons together cover every reason",
         "leaf.pem", chain, ["some-reasons", "other-reasons"], True, ["good", "good"])
    case("dp-match", "6.3.3 (b)(2)(i)",
         "the IDP's distribution point is the one the leaf lists", "leaf-dp.pem", chain,
         ["dp-match"], True, ["good", "good"])
    case("dp-mismatch", "6.3.3 (b)(2)(i)",
         "the IDP names a distribution point the leaf does not list", "leaf-dp.pem", chain,
         ["dp-other"], False, ["undetermined", "good"], "revocation_undetermined")
    case("dp-missing-in-cert", "6.3.3 (b)(2)(i)",
         "the IDP names a distribution point; the leaf has no cRLDistributionPoints",
         "leaf.pem", chain, ["dp-match"], False, ["undetermined", "good"],
         "revocation_undetermined")
    case("delta-revokes", "5.2.4, 6.3.3 (c)",
         "the base CRL (number 10) does not list the leaf; its delta does",
         "leaf.pem", chain, ["empty", "delta-revokes"], False, ["revoked", "good"], "revoked")
    case("delta-without-base", "5.2.4",
         "a delta CRL alone is set aside (not an unknown critical extension)",
         "leaf.pem", chain, ["delta-revokes"], False, ["undetermined", "good"],
         "revocation_undetermined")
    case("delta-removes-hold", "5.3.1, 6.3.3 (c)",
         "the base holds the leaf; the delta removes it from the CRL",
         "leaf.pem", chain, ["hold-leaf", "delta-removes"], True, ["good", "good"])
    case("delegated-signer", "6.3.3 (f)",
         "a separate CRL-signing key of the same CA, certified by the root: its CRL revokes",
         "leaf.pem", chain + ["crl-signer.pem"], ["delegated"], False, ["revoked", "good"],
         "revoked")
    case("delegated-signer-good", "6.3.3 (f)",
         "a separate CRL-signing key of the same CA: its CRL decides the leaf",
         "leaf.pem", chain + ["crl-signer.pem"], ["delegated-empty"], True, ["good", "good"])
    case("delegated-signer-missing", "6.3.3 (f)",
         "the CRL-signing certificate is not supplied: the CRL cannot be checked",
         "leaf.pem", chain, ["delegated-empty"], False, ["undetermined", "good"],
         "revocation_undetermined")
    case("indirect", "5.2.5, 5.3.3, 6.3.3 (b)(1)",
         "the leaf's cRLIssuer publishes an indirect CRL whose certificateIssuer entry lists it",
         "leaf-indirect.pem", chain + ["crl-authority.pem"], ["indirect"], False,
         ["revoked", "good"], "revoked")
    case("indirect-good", "5.2.5, 6.3.3 (b)(1)",
         "the leaf's cRLIssuer publishes an indirect CRL that does not list it",
         "leaf-indirect.pem", chain + ["crl-authority.pem"], ["indirect-empty"], True,
         ["good", "good"])
    case("indirect-not-flagged", "5.2.5, 6.3.3 (b)(1)",
         "the cRLIssuer's CRL lacks indirectCRL: it does not cover the leaf",
         "leaf-indirect.pem", chain + ["crl-authority.pem"], ["not-indirect"], False,
         ["undetermined", "good"], "revocation_undetermined")
    case("delegated-signer-revoked", "6.3.3 (f)",
         "the delegated CRL signer's own certificate is revoked by the root: its CRL is set "
         "aside, the leaf is undetermined",
         "leaf.pem", chain + ["crl-signer.pem"], ["delegated-empty", "root-revokes-signer"],
         False, ["undetermined", "good"], "revocation_undetermined", include_root_crl=False)
    case("delegated-signer-status-unknown", "6.3.3 (f), (k)",
         "no CRL decides the delegated CRL signer's own status (nor the intermediate's): its "
         "CRL is set aside",
         "leaf.pem", chain + ["crl-signer.pem"], ["delegated-empty"], False,
         ["undetermined", "undetermined"], "revocation_undetermined", include_root_crl=False)
    case("delegated-signer-depth", "6.3.3 (f)",
         "the delegated signer's status comes only from a CRL of another delegated signer "
         "(the root's): one level of CRL signer paths is validated, the leaf is undetermined",
         "leaf.pem", chain + ["crl-signer.pem", "root-crl-signer.pem"],
         ["delegated-empty", "root-delegated", "root-only-user"], False,
         ["undetermined", "good"], "revocation_undetermined", include_root_crl=False)
    case("key-rollover", "6.3.3 (f)",
         "the CRL is signed by the CA's new key, certified by the old one (self-issued); the "
         "old key's onlyContainsCACerts CRL decides the rollover certificate",
         "leaf.pem", chain + ["rollover.pem"], ["rollover", "only-ca"], False,
         ["revoked", "good"], "revoked")
    case("key-rollover-circular", "6.3.3 (f), (k)",
         "the new key's CRL is the only one covering the rollover certificate that certifies "
         "it: the signer's status is undetermined, so the CRL is set aside",
         "leaf.pem", chain + ["rollover.pem"], ["rollover"], False,
         ["undetermined", "good"], "revocation_undetermined")
    case("idp-only-attribute", "6.3.3 (b)(2)(iv)",
         "onlyContainsAttributeCerts: a CRL of attribute certificates listing the leaf's serial "
         "does not decide the leaf's status", "leaf.pem", chain, ["only-attribute"], False,
         ["undetermined", "good"], "revocation_undetermined")
    case("idp-only-attribute-with-complete", "6.3.3 (b)(2)(iv)",
         "the attribute certificates' CRL listing the leaf's serial does not revoke it; the "
         "complete CRL decides", "leaf.pem", chain, ["only-attribute", "empty"], True,
         ["good", "good"])
    case("dp-relative-match", "4.2.1.13, 6.3.3 (b)(2)(i)",
         "nameRelativeToCRLIssuer in the leaf's distribution point and in the IDP: the same name "
         "once appended to the issuer", "leaf-dp-relative.pem", chain, ["dp-relative"], True,
         ["good", "good"])
    case("dp-relative-mismatch", "4.2.1.13, 6.3.3 (b)(2)(i)",
         "the IDP's relative name is another partition than the leaf's",
         "leaf-dp-relative.pem", chain, ["dp-relative-other"], False, ["undetermined", "good"],
         "revocation_undetermined")
    case("indirect-entry-other-issuer", "5.3.3, 6.3.3 (i)",
         "the indirect CRL lists the leaf's serial for another CA's certificate (its "
         "certificateIssuer): the leaf is not revoked",
         "leaf-indirect.pem", chain + ["crl-authority.pem"], ["indirect-other-issuer"], True,
         ["good", "good"])
    case("indirect-entry-inherits-issuer", "5.3.3, 6.3.3 (i)",
         "an entry without certificateIssuer takes the issuer of the entry before it: the "
         "intermediate's, so the leaf is revoked",
         "leaf-indirect.pem", chain + ["crl-authority.pem"], ["indirect-inherits"], False,
         ["revoked", "good"], "revoked")
    case("indirect-first-entry-crl-issuer", "5.3.3, 6.3.3 (i)",
         "the first entry has no certificateIssuer, so it stands for a certificate of the CRL "
         "issuer, not the leaf", "leaf-indirect.pem", chain + ["crl-authority.pem"],
         ["indirect-first-entry"], True, ["good", "good"])
    case("delta-base-too-new", "5.2.4, 6.3.3 (c)",
         "the delta's BaseCRLNumber (11) is above the complete CRL's number (10): the delta is "
         "set aside and the complete CRL decides", "leaf.pem", chain,
         ["empty", "delta-base-too-new"], True, ["good", "good"])
    case("delta-not-newer", "5.2.4, 6.3.3 (c)",
         "the delta's CRL number (36) is not above the complete CRL's (36): the delta is set "
         "aside and the complete CRL decides", "leaf.pem", chain,
         ["complete-36", "delta-not-newer"], True, ["good", "good"])
    case("delta-without-freshest", "5.2.4, 5.2.6, 6.3.3 (c)",
         "neither the complete CRL nor the leaf has freshestCRL; the delta of the same scope "
         "supplied with it is still combined with it, and revokes the leaf", "leaf.pem", chain,
         ["no-freshest", "delta-no-freshest"], False, ["revoked", "good"], "revoked")
    case("utc-1950-chain", "4.1.2.5.1, 6.1.3 (a)(2), 6.3.3",
         "an intermediate and a leaf valid from 1950 (UTCTime 500101000000Z), checked with "
         "CRLs", "leaf-1950.pem", ["intermediate-1950.pem"], ["crl-1950"], True,
         ["good", "good"])
    case("utc-1969-expired", "4.1.2.5.1, 6.1.3 (a)(2)",
         "a leaf whose notAfter is 1969-12-31T23:59:59Z (UTCTime 691231235959Z) is expired",
         "leaf-1969.pem", chain, [], False, error="expired", include_root_crl=False)

    policy_chain = ["policy-intermediate.pem"]
    pol = lambda **kw: dict({"policies": [], "explicit": False, "inhibit_mapping": False,
                             "inhibit_any": False}, **kw)
    case("policy-mapped", "6.1.4 (b), 6.1.5 (g)",
         "1.2.3.4 mapped to 1.2.3.5; the user set 1.2.3.4 with explicit policy",
         "policy-leaf.pem", policy_chain, [], True,
         policy=pol(policies=["1.2.3.4"], explicit=True), include_root_crl=False)
    case("policy-user-set-miss", "6.1.5 (g)(iii), 6.1.6",
         "the user set 1.2.3.9 with explicit policy: no valid policy in it",
         "policy-leaf.pem", policy_chain, [], False, error="policy",
         policy=pol(policies=["1.2.3.9"], explicit=True), include_root_crl=False)
    case("policy-user-set-miss-not-explicit", "6.1.6",
         "the user set 1.2.3.9 without explicit policy: valid, user-constrained set empty",
         "policy-leaf.pem", policy_chain, [], True,
         policy=pol(policies=["1.2.3.9"]), include_root_crl=False)
    case("policy-mapping-inhibited", "6.1.1 (e), 6.1.4 (b)(2)",
         "mapping inhibited: 1.2.3.4 is deleted, the leaf's 1.2.3.5 is not valid",
         "policy-leaf.pem", policy_chain, [], False, error="policy",
         policy=pol(explicit=True, inhibit_mapping=True), include_root_crl=False)
    case("any-policy", "6.1.3 (d)(2)", "anyPolicy throughout, explicit policy required",
         "any-leaf.pem", ["any-intermediate.pem"], [], True,
         policy=pol(explicit=True), include_root_crl=False)
    case("any-policy-inhibited", "6.1.1 (g), 6.1.3 (d)(2)",
         "initial-any-policy-inhibit: anyPolicy is not processed, the tree empties",
         "any-leaf.pem", ["any-intermediate.pem"], [], False, error="policy",
         policy=pol(explicit=True, inhibit_any=True), include_root_crl=False)
    case("policy-constraints-noncritical", "4.2.1.11, 6.1.4 (i)",
         "a non-critical policyConstraints (requireExplicitPolicy 0) is processed, not refused",
         "any-leaf.pem", ["any-intermediate.pem"], [], True, include_root_crl=False)

    with open(os.path.join(HERE, "cases.json"), "w") as f:
        json.dump({"generator": "tests/data/revocation/generate.py", "cases": cases}, f,
                  indent=1)
        f.write("\n")
    write_cryptography_answers()
    if openssl:
        run_openssl(cases)


def write_cryptography_answers():
    import cryptography
    certs = {fn: obj for fn, obj in WRITTEN.items() if isinstance(obj, x509.Certificate)}
    answers = {}
    for fn, obj in sorted(WRITTEN.items()):
        if not isinstance(obj, x509.CertificateRevocationList):
            continue
        signers = sorted(c for c, cert_obj in certs.items()
                         if obj.is_signature_valid(cert_obj.public_key()))
        entries = {}
        for certificate in certs.values():
            entry = obj.get_revoked_certificate_by_serial_number(certificate.serial_number)
            if entry is None:
                continue
            try:
                reason = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason
                reason = reason.value
            except x509.ExtensionNotFound:
                reason = None
            entries[format(certificate.serial_number, "x")] = reason
        answers[fn] = {"signers": signers, "entries": entries}
    with open(os.path.join(HERE, "cryptography.json"), "w") as f:
        json.dump({"version": f"cryptography {cryptography.__version__}", "answers": answers},
                  f, indent=1, sort_keys=True)
        f.write("\n")


# The cases where OpenSSL 3.0 and RFC 5280 differ: OpenSSL's user-constrained policy set is
# empty when no -policy is given; given `-policy anyPolicy` (the RFC's default initial set), it
# agrees. Both runs are recorded, the second as "ID+policy-anyPolicy".
ANY_POLICY_VARIANTS = ["any-policy", "policy-constraints-noncritical"]


def run_openssl(cases):
    version = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.strip()
    at = int(AT.timestamp())
    answers = {}
    variants = []
    for c in cases:
        if c["id"] in ANY_POLICY_VARIANTS:
            p = dict(c["policy"] or {"policies": [], "explicit": False, "inhibit_mapping": False,
                                     "inhibit_any": False})
            p["policies"] = ["2.5.29.32.0"]
            variants.append(dict(c, id=c["id"] + "+policy-anyPolicy", policy=p))
    for c in cases + variants:
        with tempfile.TemporaryDirectory() as tmp:
            untrusted = os.path.join(tmp, "untrusted.pem")
            with open(untrusted, "wb") as out:
                for fn in c["untrusted"]:
                    out.write(open(os.path.join(HERE, fn), "rb").read())
            args = ["openssl", "verify", "-attime", str(at), "-CAfile",
                    os.path.join(HERE, "root.pem"), "-untrusted", untrusted]
            if c["crls"]:
                crlfile = os.path.join(tmp, "crls.pem")
                with open(crlfile, "wb") as out:
                    for fn in c["crls"]:
                        out.write(open(os.path.join(HERE, fn), "rb").read())
                args += ["-crl_check_all", "-extended_crl", "-use_deltas", "-CRLfile", crlfile]
            p = c["policy"] or {}
            if p or c["id"].startswith("policy") or c["id"].startswith("any"):
                args += ["-policy_check"]
            for oid in p.get("policies", []):
                args += ["-policy", oid]
            if p.get("explicit"):
                args += ["-explicit_policy"]
            if p.get("inhibit_mapping"):
                args += ["-inhibit_map"]
            if p.get("inhibit_any"):
                args += ["-inhibit_any"]
            args.append(os.path.join(HERE, c["target"]))
            r = subprocess.run(args, capture_output=True, text=True)
            text = (r.stdout + r.stderr).replace(tmp, "TMP").replace(HERE + "/", "")
            error = next((line.split("error ", 1)[1] for line in text.splitlines()
                          if line.startswith("error ")), None)
            answers[c["id"]] = {
                "valid": r.returncode == 0,
                "error": error,
                "command": " ".join(a.replace(HERE + "/", "").replace(tmp, "TMP")
                                    for a in args[1:]),
            }
    with open(os.path.join(HERE, "openssl.json"), "w") as f:
        json.dump({"version": version, "answers": answers}, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
