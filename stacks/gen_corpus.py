#!/usr/bin/env python3
"""The differential corpus: chains that vary one property at a time, for every TLS stack.

Writes a JSON document (gzipped) with one entry per chain:
  id, axis (which property varies), description, certs (DER, base64; the end entity first,
  then intermediates, the trust anchor last), leaf_key (PKCS#8 DER, base64), host (the name
  the certificate itself names: its first SAN dNSName or iPAddress, else its commonName, else
  `host.invalid`), plain_ca (true when every CA of the chain is an ordinary CA, so that the
  end entity alone decides the stacks' answers).

The choice of variations is fixed by the seed; keys and ECDSA signatures are fresh on every
run, so the committed corpus (tests/data/stacks/corpus.json.gz) is the reference, and this
script is how it was made: `python3 stacks/gen_corpus.py --seed 20 --out FILE` (with `--keep
CORPUS`, the chains already in CORPUS, same id and description, are kept as they are, so that
new variations, added at the end, leave the recorded answers of the others alone).
"""

import argparse
import base64
import datetime
import gzip
import ipaddress
import json
import random

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed25519, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

OID = x509.ObjectIdentifier
EKU = {
    "serverAuth": ExtendedKeyUsageOID.SERVER_AUTH,
    "clientAuth": ExtendedKeyUsageOID.CLIENT_AUTH,
    "codeSigning": ExtendedKeyUsageOID.CODE_SIGNING,
    "emailProtection": ExtendedKeyUsageOID.EMAIL_PROTECTION,
    "timeStamping": ExtendedKeyUsageOID.TIME_STAMPING,
    "OCSPSigning": ExtendedKeyUsageOID.OCSP_SIGNING,
    "anyExtendedKeyUsage": OID("2.5.29.37.0"),
    "msSGC": OID("1.3.6.1.4.1.311.10.3.3"),
    "nsSGC": OID("2.16.840.1.113730.4.1"),
    "unknown": OID("1.3.6.1.4.1.55555.1.1"),
}
NS_CERT_TYPE = OID("2.16.840.1.113730.1.1")
UNKNOWN_EXT = OID("1.3.6.1.4.1.55555.2.1")
CT_POISON = OID("1.3.6.1.4.1.11129.2.4.3")
NS_BITS = {"sslClient": 0, "sslServer": 1, "smime": 2, "objsign": 3, "sslCA": 5}

GOOD_FROM = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
GOOD_TO = datetime.datetime(2099, 1, 1, tzinfo=datetime.timezone.utc)
KU_FIELDS = [
    "digital_signature",
    "content_commitment",
    "key_encipherment",
    "data_encipherment",
    "key_agreement",
    "key_cert_sign",
    "crl_sign",
    "encipher_only",
    "decipher_only",
]


def der_len(n):
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(tag, content):
    return bytes([tag]) + der_len(len(content)) + content


def read_tlv(buf, off):
    """(tag, start of contents, end) of the element at off."""
    tag = buf[off]
    first = buf[off + 1]
    if first < 0x80:
        return tag, off + 2, off + 2 + first
    count = first & 0x7F
    length = int.from_bytes(buf[off + 2 : off + 2 + count], "big")
    start = off + 2 + count
    return tag, start, start + length


def children(buf, start, end):
    out = []
    off = start
    while off < end:
        tag, cstart, cend = read_tlv(buf, off)
        out.append((tag, off, cend))
        off = cend
    return out


def bit_string(bits):
    """A named-bit BIT STRING (DER: trailing zero bits dropped)."""
    value = 0
    top = max(bits) if bits else 0
    for bit in bits:
        value |= 1 << (7 - bit % 8) << (8 * (top // 8 - bit // 8))
    nbytes = top // 8 + 1 if bits else 0
    if not bits:
        return tlv(0x03, b"\x00")
    body = value.to_bytes(nbytes, "big")
    unused = 7 - top % 8
    return tlv(0x03, bytes([unused]) + body)


def oid_der(dotted):
    arcs = [int(a) for a in dotted.split(".")]
    body = b""
    for arc in [arcs[0] * 40 + arcs[1]] + arcs[2:]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        body += bytes(reversed(chunk))
    return tlv(0x06, body)


def alg_id(dotted):
    """An AlgorithmIdentifier with absent parameters."""
    return tlv(0x30, oid_der(dotted))


# Algorithms no stack knows: a UUID OID (RFC 4122's example UUID under 2.25, X.667) and a
# private-arc OID.
UUID_ALG = "2.25.329800735698586629295641978511506172918"
PRIVATE_KEY_ALG = "1.3.6.1.4.1.55555.3.1"
PRIVATE_SIG_ALG = "1.3.6.1.4.1.55555.4.1"


class Keys:
    def __init__(self):
        self.cache = {}

    def get(self, kind, slot="leaf"):
        """One key per type and per place in a chain (root, intermediates, leaf)."""
        if (kind, slot) not in self.cache:
            if kind.startswith("rsa"):
                key = rsa.generate_private_key(65537, int(kind[3:]))
            elif kind == "p256":
                key = ec.generate_private_key(ec.SECP256R1())
            elif kind == "p384":
                key = ec.generate_private_key(ec.SECP384R1())
            elif kind == "p521":
                key = ec.generate_private_key(ec.SECP521R1())
            elif kind == "ed25519":
                key = ed25519.Ed25519PrivateKey.generate()
            elif kind.startswith("dsa"):
                key = dsa.generate_private_key(int(kind[3:]))
            else:
                raise ValueError(kind)
            self.cache[(kind, slot)] = key
        return self.cache[(kind, slot)]


def sign_raw(key, data, sig):
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return key.sign(data)
    hash_alg = {
        "sha1": hashes.SHA1(),
        "sha256": hashes.SHA256(),
        "sha384": hashes.SHA384(),
        "sha512": hashes.SHA512(),
    }[sig.replace("pss-", "")]
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hash_alg))
    if isinstance(key, dsa.DSAPrivateKey):
        return key.sign(data, hash_alg)
    if sig.startswith("pss-"):
        return key.sign(
            data,
            padding.PSS(mgf=padding.MGF1(hash_alg), salt_length=hash_alg.digest_size),
            hash_alg,
        )
    return key.sign(data, padding.PKCS1v15(), hash_alg)


def build(
    subject,
    issuer_name,
    public_key,
    issuer_key,
    extensions,
    serial,
    sig="sha256",
    not_before=GOOD_FROM,
    not_after=GOOD_TO,
    version=3,
    spki_alg=None,
    sig_alg=None,
):
    """spki_alg and sig_alg (AlgorithmIdentifier DER) replace the subjectPublicKeyInfo's
    algorithm and the signature algorithm (both places, the signature itself still the
    issuer's ECDSA or RSA signature with SHA-256): algorithms no stack knows."""
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(public_key)
        .serial_number(serial)
        .not_valid_before(not_before)
        .not_valid_after(not_after)
    )
    for ext, critical in extensions:
        builder = builder.add_extension(ext, critical)
    if isinstance(issuer_key, ed25519.Ed25519PrivateKey):
        cert = builder.sign(issuer_key, None)
    elif sig.startswith("pss-"):
        hash_alg = {"pss-sha256": hashes.SHA256(), "pss-sha384": hashes.SHA384()}[sig]
        cert = builder.sign(
            issuer_key,
            hash_alg,
            rsa_padding=padding.PSS(
                mgf=padding.MGF1(hash_alg), salt_length=hash_alg.digest_size
            ),
        )
    else:
        hash_alg = {
            "sha1": hashes.SHA256(),  # SHA-1 is signed again below
            "sha256": hashes.SHA256(),
            "sha384": hashes.SHA384(),
            "sha512": hashes.SHA512(),
        }[sig]
        cert = builder.sign(issuer_key, hash_alg)
    der = cert.public_bytes(serialization.Encoding.DER)
    if version == 3 and sig != "sha1" and spki_alg is None and sig_alg is None:
        return der
    # Rewrite the TBSCertificate (cryptography writes neither version 1 or 2 nor SHA-1
    # signatures): the version, the extensions (dropped below version 3), the signature
    # algorithm; then sign again.
    _, cstart, cend = read_tlv(der, 0)
    parts = children(der, cstart, cend)
    _, tstart, tend = read_tlv(der, parts[0][1])
    fields = [der[o:e] for (t, o, e) in children(der, tstart, tend)]
    alg = der[parts[1][1] : parts[1][2]]
    if sig == "sha1":
        alg = SHA1_ALGS[type(issuer_key).__name__.startswith("_RSA") or isinstance(issuer_key, rsa.RSAPrivateKey)]
    if sig_alg is not None:
        alg = sig_alg
    fields[2] = alg
    if spki_alg is not None:
        at = 6 if fields[0][0] == 0xA0 else 5
        spki = fields[at]
        _, sstart, send = read_tlv(spki, 0)
        key_bits = children(spki, sstart, send)[1]
        fields[at] = tlv(0x30, spki_alg + spki[key_bits[1] : key_bits[2]])
    if version < 3:
        fields = [f for f in fields if f[0] not in (0xA0, 0xA3)]
    if version == 2:
        fields.insert(0, tlv(0xA0, tlv(0x02, b"\x01")))
    tbs = tlv(0x30, b"".join(fields))
    signature = sign_raw(issuer_key, tbs, "sha256" if sig_alg is not None else sig)
    return tlv(0x30, tbs + alg + tlv(0x03, b"\x00" + signature))


def name(cn, org=None):
    attrs = []
    if org:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    if cn is not None:
        attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


def ku(*names):
    values = {field: field in names for field in KU_FIELDS}
    return x509.KeyUsage(**values)


def raw(oid, value):
    return x509.UnrecognizedExtension(oid, value)


def eku_ext(*names):
    return x509.ExtendedKeyUsage([EKU[n] for n in names])


def san(*entries):
    out = []
    for entry in entries:
        kind, value = entry.split(":", 1)
        if kind == "dns":
            out.append(x509.DNSName(value))
        elif kind == "ip":
            out.append(x509.IPAddress(ipaddress.ip_address(value)))
        elif kind == "email":
            out.append(x509.RFC822Name(value))
        elif kind == "uri":
            out.append(x509.UniformResourceIdentifier(value))
    return x509.SubjectAlternativeName(out)


def policies(*oids):
    return x509.CertificatePolicies(
        [x509.PolicyInformation(OID(o), None) for o in oids]
    )


HOST = "leaf.example.test"
# AlgorithmIdentifier of ecdsa-with-SHA1 (False) and sha1WithRSAEncryption (True).
SHA1_ALGS = {
    False: bytes.fromhex("300906072a8648ce3d0401"),
    True: bytes.fromhex("300d06092a864886f70d0101050500"),
}


def leaf_default():
    """The baseline end entity: every variation changes one thing of it."""
    return {
        "key": "p256",
        "cn": HOST,
        "sig": "sha256",
        "version": 3,
        "not_before": GOOD_FROM,
        "not_after": GOOD_TO,
        "ext": {
            "bc": None,
            "ku": (ku("digital_signature", "key_encipherment"), True),
            "eku": (eku_ext("serverAuth", "clientAuth"), False),
            "san": (san("dns:" + HOST), False),
        },
        "extra": [],
        "spki_alg": None,
        "sig_alg": None,
    }


def ca_default():
    return {
        "bc": (x509.BasicConstraints(ca=True, path_length=None), True),
        "ku": (ku("key_cert_sign", "crl_sign", "digital_signature"), True),
        "eku": None,
        "nc": None,
        "extra": [],
        "version": 3,
        "not_before": GOOD_FROM,
        "not_after": GOOD_TO,
        "sig": "sha256",
    }


def variations():
    """(axis, description, leaf changes, chain shape, intermediate changes, root changes)."""
    out = []

    def add(axis, desc, leaf=None, shape="inter", inter=None, root=None, plain=None, host=None):
        out.append(
            {
                "host": host,
                "axis": axis,
                "description": desc,
                "leaf": leaf or {},
                "shape": shape,
                "inter": inter or {},
                "root": root or {},
                "plain": plain if plain is not None else not (inter or root),
            }
        )

    eku_sets = [
        ("absent", None),
        ("serverAuth", ["serverAuth"]),
        ("clientAuth", ["clientAuth"]),
        ("serverAuth, clientAuth", ["serverAuth", "clientAuth"]),
        ("anyExtendedKeyUsage", ["anyExtendedKeyUsage"]),
        ("anyExtendedKeyUsage, serverAuth", ["anyExtendedKeyUsage", "serverAuth"]),
        ("anyExtendedKeyUsage, clientAuth", ["anyExtendedKeyUsage", "clientAuth"]),
        ("codeSigning", ["codeSigning"]),
        ("emailProtection", ["emailProtection"]),
        ("timeStamping", ["timeStamping"]),
        ("OCSPSigning", ["OCSPSigning"]),
        ("Microsoft SGC", ["msSGC"]),
        ("Netscape SGC", ["nsSGC"]),
        ("Microsoft SGC, clientAuth", ["msSGC", "clientAuth"]),
        ("Netscape SGC, clientAuth", ["nsSGC", "clientAuth"]),
        ("unknown purpose only", ["unknown"]),
        ("unknown purpose, serverAuth", ["unknown", "serverAuth"]),
        ("codeSigning, clientAuth", ["codeSigning", "clientAuth"]),
        ("emailProtection, serverAuth", ["emailProtection", "serverAuth"]),
    ]
    for shape in ("inter", "root", "self"):
        for label, names in eku_sets:
            for critical in (False, True):
                if names is None and critical:
                    continue
                change = {"eku": (eku_ext(*names), critical) if names else None}
                add("eku", f"leaf EKU {label}{' (critical)' if critical else ''}", {"ext": change}, shape)
    add("eku", "leaf EKU empty SEQUENCE", {"ext": {"eku": (raw(OID("2.5.29.37"), b"\x30\x00"), False)}})
    add("eku", "leaf EKU empty SEQUENCE, critical", {"ext": {"eku": (raw(OID("2.5.29.37"), b"\x30\x00"), True)}})

    ku_sets = [
        ("absent", None),
        ("digitalSignature", ["digital_signature"]),
        ("keyEncipherment", ["key_encipherment"]),
        ("keyAgreement", ["key_agreement"]),
        ("digitalSignature, keyEncipherment", ["digital_signature", "key_encipherment"]),
        ("digitalSignature, keyAgreement", ["digital_signature", "key_agreement"]),
        ("keyEncipherment, keyAgreement", ["key_encipherment", "key_agreement"]),
        ("nonRepudiation", ["content_commitment"]),
        ("dataEncipherment", ["data_encipherment"]),
        ("keyCertSign", ["key_cert_sign"]),
        ("cRLSign", ["crl_sign"]),
        ("digitalSignature, keyCertSign", ["digital_signature", "key_cert_sign"]),
    ]
    for key in ("p256", "rsa2048", "ed25519"):
        for label, names in ku_sets:
            for critical in (True, False):
                if names is None and not critical:
                    continue
                if key == "ed25519" and not critical:
                    continue
                change = {"ku": (ku(*names), critical) if names else None}
                add("key_usage", f"{key} leaf, keyUsage {label}{'' if critical else ' (not critical)'}", {"key": key, "ext": change})
    for label, names in [("serverAuth", ["serverAuth"]), ("clientAuth", ["clientAuth"])]:
        for key in ("p256", "rsa2048"):
            for kus_label, kus in [("keyEncipherment", ["key_encipherment"]), ("keyAgreement", ["key_agreement"]), ("digitalSignature", ["digital_signature"])]:
                add("key_usage", f"{key} leaf, EKU {label}, keyUsage {kus_label}", {"key": key, "ext": {"eku": (eku_ext(*names), False), "ku": (ku(*kus), True)}})

    bc_sets = [
        ("cA FALSE, critical", (x509.BasicConstraints(ca=False, path_length=None), True)),
        ("cA FALSE, not critical", (x509.BasicConstraints(ca=False, path_length=None), False)),
        ("cA TRUE", (x509.BasicConstraints(ca=True, path_length=None), True)),
        ("cA TRUE, pathLen 0", (x509.BasicConstraints(ca=True, path_length=0), True)),
        ("cA TRUE, not critical", (x509.BasicConstraints(ca=True, path_length=None), False)),
    ]
    for shape in ("inter", "root"):
        for label, value in bc_sets:
            add("basic_constraints", f"leaf basicConstraints {label}", {"ext": {"bc": value}}, shape)
            add("basic_constraints", f"leaf basicConstraints {label}, keyUsage with keyCertSign", {"ext": {"bc": value, "ku": (ku("digital_signature", "key_cert_sign"), True)}}, shape)

    san_sets = [
        ("absent, commonName is the host", None, HOST),
        ("absent, commonName not a host name", None, "Device 42"),
        ("dNSName other than the commonName", (san("dns:other.example.test"), False), HOST),
        ("dNSName, no commonName", (san("dns:" + HOST), False), None),
        ("dNSName, no commonName, critical", (san("dns:" + HOST), True), None),
        ("wildcard dNSName", (san("dns:*.example.test"), False), "leaf"),
        ("iPAddress only", (san("ip:192.0.2.10"), False), "leaf"),
        ("iPAddress only, commonName is the address", (san("ip:192.0.2.10"), False), "192.0.2.10"),
        ("email only, commonName is the host", (san("email:device@example.test"), False), HOST),
        ("URI only (SPIFFE)", (san("uri:spiffe://example.test/device/42"), False), "device-42"),
        ("dNSName and URI", (san("dns:" + HOST, "uri:spiffe://example.test/device/42"), False), HOST),
        ("dNSName and iPAddress", (san("dns:" + HOST, "ip:192.0.2.10"), False), HOST),
    ]
    for label, value, cn in san_sets:
        for eku_label, eku_names in [("serverAuth, clientAuth", ["serverAuth", "clientAuth"]), ("clientAuth", ["clientAuth"]), ("absent", None)]:
            add("san", f"leaf SAN {label}; EKU {eku_label}", {"cn": cn, "ext": {"san": value, "eku": (eku_ext(*eku_names), False) if eku_names else None}})

    ns_sets = [
        ("sslServer", ["sslServer"]),
        ("sslClient", ["sslClient"]),
        ("sslServer, sslClient", ["sslServer", "sslClient"]),
        ("objsign", ["objsign"]),
        ("smime", ["smime"]),
        ("sslCA", ["sslCA"]),
    ]
    for label, bits in ns_sets:
      for shape in ("inter", "self"):
        for critical in (False, True):
            for eku_label, eku_value in [("with EKU serverAuth, clientAuth", (eku_ext("serverAuth", "clientAuth"), False)), ("without EKU", None)]:
                add("netscape_cert_type", f"leaf Netscape cert type {label}{' (critical)' if critical else ''}, {eku_label} ({shape})", {"ext": {"eku": eku_value}, "extra": [(raw(NS_CERT_TYPE, bit_string([NS_BITS[b] for b in bits])), critical)]}, shape)

    for label, oids, critical in [
        ("anyPolicy", ["2.5.29.32.0"], False),
        ("a domain-validated policy", ["2.23.140.1.2.1"], False),
        ("a private policy", ["1.3.6.1.4.1.55555.3.1"], False),
        ("a private policy, critical", ["1.3.6.1.4.1.55555.3.1"], True),
        ("anyPolicy, critical", ["2.5.29.32.0"], True),
    ]:
        add("policies", f"leaf certificatePolicies {label}", {"extra": [(policies(*oids), critical)]})
    add("policies", "intermediate requireExplicitPolicy 0, leaf without policies", inter={"extra": [(x509.PolicyConstraints(require_explicit_policy=0, inhibit_policy_mapping=None), True)]})
    add("policies", "intermediate requireExplicitPolicy 0, leaf with a private policy, intermediate anyPolicy", {"extra": [(policies("1.3.6.1.4.1.55555.3.1"), False)]}, inter={"extra": [(x509.PolicyConstraints(require_explicit_policy=0, inhibit_policy_mapping=None), True), (policies("2.5.29.32.0"), False)]})
    add("policies", "intermediate with a private policy, leaf with another", {"extra": [(policies("1.3.6.1.4.1.55555.3.2"), False)]}, inter={"extra": [(policies("1.3.6.1.4.1.55555.3.1"), False)]})
    add("policies", "intermediate inhibitAnyPolicy 0, leaf anyPolicy", {"extra": [(policies("2.5.29.32.0"), False)]}, inter={"extra": [(x509.InhibitAnyPolicy(0), True)]})

    def nc(permitted=None, excluded=None):
        return x509.NameConstraints(permitted_subtrees=permitted, excluded_subtrees=excluded)

    nc_sets = [
        ("permits example.test, leaf inside", nc([x509.DNSName("example.test")]), {}),
        ("permits other.test, leaf outside", nc([x509.DNSName("other.test")]), {}),
        ("excludes example.test, leaf inside", nc(None, [x509.DNSName("example.test")]), {}),
        ("excludes leaf.example.test exactly", nc(None, [x509.DNSName(HOST)]), {}),
        ("permits example.test, leaf commonName outside and no SAN", nc([x509.DNSName("example.test")]), {"cn": "leaf.other.test", "ext": {"san": None}}),
        ("permits example.test, leaf commonName inside and no SAN", nc([x509.DNSName("example.test")]), {"ext": {"san": None}}),
        ("permits 192.0.2.0/24, leaf iPAddress inside", nc([x509.IPAddress(ipaddress.ip_network("192.0.2.0/24"))]), {"ext": {"san": (san("ip:192.0.2.10"), False)}}),
        ("permits 198.51.100.0/24, leaf iPAddress outside", nc([x509.IPAddress(ipaddress.ip_network("198.51.100.0/24"))]), {"ext": {"san": (san("ip:192.0.2.10"), False)}}),
        ("permits example.test, leaf URI outside", nc([x509.DNSName("example.test")]), {"ext": {"san": (san("dns:" + HOST, "uri:spiffe://other.test/x"), False)}}),
        ("permits URI example.test, leaf URI inside", nc([x509.UniformResourceIdentifier("example.test")]), {"ext": {"san": (san("dns:" + HOST, "uri:spiffe://example.test/x"), False)}}),
        ("permits directoryName O=Allowed, leaf subject outside", nc([x509.DirectoryName(name(None, "Allowed"))]), {}),
    ]
    for label, value, leaf in nc_sets:
        for critical in (True, False):
            add("name_constraints", f"intermediate nameConstraints {label}{'' if critical else ' (not critical)'}", leaf, inter={"nc": (value, critical)})
    add("name_constraints", "root nameConstraints permits other.test, leaf outside", shape="inter", root={"nc": (nc([x509.DNSName("other.test")]), True)})

    for where in ("leaf", "inter", "root"):
        for critical in (True, False):
            change = {"extra": [(raw(UNKNOWN_EXT, b"\x05\x00"), critical)]}
            label = f"{where} with an unknown{' critical' if critical else ''} extension"
            if where == "leaf":
                add("unknown_critical", label, change)
                add("unknown_critical", label + ", self-signed leaf", change, shape="self")
            elif where == "inter":
                add("unknown_critical", label, inter=change)
            else:
                add("unknown_critical", label, root=change)
    add("unknown_critical", "leaf with the CT precertificate poison", {"extra": [(raw(CT_POISON, b"\x05\x00"), True)]})
    add("unknown_critical", "leaf with a critical subjectKeyIdentifier-like private OID, empty value", {"extra": [(raw(OID("1.3.6.1.4.1.55555.2.2"), b""), True)]})
    add("unknown_critical", "leaf with a critical authorityInfoAccess", {"extra": [(x509.AuthorityInformationAccess([x509.AccessDescription(x509.oid.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier("http://ocsp.example.test"))]), True)]})
    add("unknown_critical", "leaf with a critical subjectKeyIdentifier", {"extra": [("ski", True)]})

    for version in (1, 2):
        for shape in ("inter", "root", "self"):
            add("version", f"leaf version {version} ({shape})", {"version": version}, shape)
    add("version", "intermediate version 1", inter={"version": 1})
    add("version", "root version 1", root={"version": 1})

    past_from = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
    past_to = datetime.datetime(2001, 1, 1, tzinfo=datetime.timezone.utc)
    future_from = datetime.datetime(2090, 1, 1, tzinfo=datetime.timezone.utc)
    late_to = datetime.datetime(9999, 12, 31, 23, 59, 59, tzinfo=datetime.timezone.utc)
    for shape in ("inter", "self"):
        add("validity", f"leaf expired ({shape})", {"not_before": past_from, "not_after": past_to}, shape)
        add("validity", f"leaf not yet valid ({shape})", {"not_before": future_from, "not_after": GOOD_TO}, shape)
        add("validity", f"leaf valid until 9999 ({shape})", {"not_after": late_to}, shape)
    add("validity", "intermediate expired", inter={"not_before": past_from, "not_after": past_to})
    add("validity", "root expired", root={"not_before": past_from, "not_after": past_to})
    add("validity", "intermediate not yet valid", inter={"not_before": future_from, "not_after": GOOD_TO})

    for sig in ("sha1", "sha256", "sha384", "sha512", "pss-sha256", "pss-sha384"):
        add("signature", f"leaf signed with RSA {sig}", {"sig": sig}, inter={"key": "rsa2048"}, plain=True)
    for sig in ("sha1", "sha384", "sha512"):
        add("signature", f"leaf signed with ECDSA {sig}", {"sig": sig}, plain=True)
    add("signature", "leaf signed with Ed25519", inter={"key": "ed25519"}, plain=True)
    add("signature", "intermediate signed with RSA sha1", inter={"sig": "sha1"}, root={"key": "rsa2048"})
    add("signature", "self-signed leaf with RSA sha1", {"key": "rsa2048", "sig": "sha1"}, shape="self")

    for key in ("rsa1024", "rsa2048", "rsa3072", "rsa4096", "p256", "p384", "p521", "ed25519"):
        for eku_label, names in [("serverAuth, clientAuth", ["serverAuth", "clientAuth"]), ("clientAuth", ["clientAuth"])]:
            add("key_type", f"{key} leaf, EKU {eku_label}", {"key": key, "ext": {"eku": (eku_ext(*names), False)}})
    add("key_type", "rsa1024 intermediate", inter={"key": "rsa1024"})

    for label, names in [
        ("serverAuth", ["serverAuth"]),
        ("clientAuth", ["clientAuth"]),
        ("serverAuth, clientAuth", ["serverAuth", "clientAuth"]),
        ("anyExtendedKeyUsage", ["anyExtendedKeyUsage"]),
        ("codeSigning", ["codeSigning"]),
        ("Microsoft SGC", ["msSGC"]),
    ]:
        for leaf_label, leaf_eku in [("serverAuth, clientAuth", ["serverAuth", "clientAuth"]), ("absent", None)]:
            add("ca_eku", f"intermediate EKU {label}; leaf EKU {leaf_label}", {"ext": {"eku": (eku_ext(*leaf_eku), False) if leaf_eku else None}}, inter={"eku": (eku_ext(*names), False)})
    add("ca_eku", "root EKU serverAuth; leaf EKU serverAuth, clientAuth", root={"eku": (eku_ext("serverAuth"), False)})
    add("ca_eku", "root EKU clientAuth; leaf EKU serverAuth, clientAuth", root={"eku": (eku_ext("clientAuth"), False)})

    add("ca_path_len", "root pathLen 0 above an intermediate", root={"bc": (x509.BasicConstraints(ca=True, path_length=0), True)})
    add("ca_path_len", "intermediate pathLen 0", inter={"bc": (x509.BasicConstraints(ca=True, path_length=0), True)}, plain=False)
    add("ca_path_len", "root pathLen 1 above an intermediate", root={"bc": (x509.BasicConstraints(ca=True, path_length=1), True)})
    add("ca_path_len", "two intermediates under root pathLen 0", shape="inter2", root={"bc": (x509.BasicConstraints(ca=True, path_length=0), True)})
    add("ca_path_len", "two intermediates, the upper with pathLen 0", shape="inter2", inter={"bc": (x509.BasicConstraints(ca=True, path_length=0), True)})
    add("ca_path_len", "two intermediates", shape="inter2", plain=False)
    add("ca_basic", "intermediate cA FALSE", inter={"bc": (x509.BasicConstraints(ca=False, path_length=None), True)})
    add("ca_basic", "intermediate without basicConstraints", inter={"bc": None})
    add("ca_basic", "intermediate basicConstraints not critical", inter={"bc": (x509.BasicConstraints(ca=True, path_length=None), False)})
    add("ca_basic", "intermediate keyUsage without keyCertSign", inter={"ku": (ku("digital_signature", "crl_sign"), True)})
    add("ca_basic", "intermediate without keyUsage", inter={"ku": None})
    add("ca_basic", "root cA FALSE", root={"bc": (x509.BasicConstraints(ca=False, path_length=None), True)})
    add("ca_basic", "root without basicConstraints", root={"bc": None})
    add("ca_basic", "root keyUsage without keyCertSign", root={"ku": (ku("digital_signature", "crl_sign"), True)})

    for label, bc, eku_names, kus in [
        ("no basicConstraints, EKU serverAuth, clientAuth", None, ["serverAuth", "clientAuth"], ["digital_signature", "key_encipherment"]),
        ("no basicConstraints, EKU serverAuth", None, ["serverAuth"], ["digital_signature"]),
        ("no basicConstraints, EKU clientAuth", None, ["clientAuth"], ["digital_signature"]),
        ("no basicConstraints, no EKU", None, None, ["digital_signature"]),
        ("no basicConstraints, no EKU, no keyUsage", None, None, None),
        ("cA FALSE, EKU serverAuth, clientAuth", False, ["serverAuth", "clientAuth"], ["digital_signature"]),
        ("cA TRUE, EKU serverAuth, clientAuth", True, ["serverAuth", "clientAuth"], ["digital_signature", "key_cert_sign"]),
        ("cA TRUE, no EKU", True, None, ["digital_signature", "key_cert_sign"]),
        ("cA TRUE, EKU serverAuth, keyUsage without keyCertSign", True, ["serverAuth"], ["digital_signature"]),
        ("cA TRUE, no keyUsage, no EKU", True, None, None),
        ("no basicConstraints, keyUsage keyCertSign only", None, ["serverAuth", "clientAuth"], ["key_cert_sign"]),
        ("cA FALSE, EKU codeSigning", False, ["codeSigning"], ["digital_signature"]),
    ]:
        for key in ("p256", "rsa2048"):
            change = {
                "key": key,
                "ext": {
                    "bc": (x509.BasicConstraints(ca=bc, path_length=None), True) if bc is not None else None,
                    "eku": (eku_ext(*eku_names), False) if eku_names else None,
                    "ku": (ku(*kus), True) if kus else None,
                },
            }
            add("self_signed", f"self-signed {key} leaf, {label}", change, shape="self")

    # Added after the first 429 chains (so that their ids stay).
    # Extensions on the end entity the variations above do not cover.
    crl_dp = x509.CRLDistributionPoints([x509.DistributionPoint([x509.UniformResourceIdentifier("http://crl.example.test/ca.crl")], None, None, None)])
    leaf_extensions = [
        ("authorityKeyIdentifier", "aki"),
        ("cRLDistributionPoints", crl_dp),
        ("freshestCRL", x509.FreshestCRL(crl_dp)),
        ("issuerAltName", x509.IssuerAlternativeName([x509.DNSName("ca.example.test")])),
        ("OCSP No Check", x509.OCSPNoCheck()),
        ("TLS feature (status_request)", x509.TLSFeature([x509.TLSFeatureType.status_request])),
        ("subjectInfoAccess", raw(OID("1.3.6.1.5.5.7.1.11"), bytes.fromhex("301c301a06082b06010505073005860e687474703a2f2f612e746573742f"))),
        ("privateKeyUsagePeriod", raw(OID("2.5.29.16"), bytes.fromhex("3011800f32303230303130313030303030305a"))),
        ("policyConstraints", x509.PolicyConstraints(require_explicit_policy=None, inhibit_policy_mapping=0)),
        ("inhibitAnyPolicy", x509.InhibitAnyPolicy(0)),
        ("nameConstraints", nc([x509.DNSName("example.test")])),
        ("signedCertificateTimestampList", raw(OID("1.3.6.1.4.1.11129.2.4.2"), bytes.fromhex("04020000"))),
        ("Netscape comment", raw(OID("2.16.840.1.113730.1.13"), bytes.fromhex("160474657374"))),
        # countryOfCitizenship (RFC 3739) DE
        ("subjectDirectoryAttributes", raw(OID("2.5.29.9"), tlv(0x30, tlv(0x30, bytes.fromhex("06082b06010505070904") + tlv(0x31, tlv(0x13, b"DE")))))),
    ]
    for label, ext in leaf_extensions:
        for critical in (False, True):
            add("leaf_extensions", f"leaf {label}{' (critical)' if critical else ''}", {"extra": [(ext, critical)]})

    # DSA: an end entity with a DSA key, and one signed by a DSA intermediate.
    for eku_label, names in [("serverAuth, clientAuth", ["serverAuth", "clientAuth"]), ("clientAuth", ["clientAuth"])]:
        add("dsa", f"dsa2048 leaf, EKU {eku_label}", {"key": "dsa2048", "ext": {"eku": (eku_ext(*names), False), "ku": (ku("digital_signature"), True)}})
    add("dsa", "leaf signed with DSA sha256 by a dsa2048 intermediate", inter={"key": "dsa2048"}, plain=True)
    add("dsa", "self-signed dsa2048 leaf", {"key": "dsa2048", "ext": {"ku": (ku("digital_signature"), True)}}, shape="self")

    # Added after the first 461 chains (so that their ids stay).
    # Other name-constraint forms, on the intermediate and on the root: iPAddress (IPv4 and
    # IPv6, excluded), rfc822Name, URI (with a leading dot, excluded), a dNSName with a leading
    # dot, wildcards against permitted and excluded names, directoryName excluded.
    ip_net = lambda text: x509.IPAddress(ipaddress.ip_network(text))  # noqa: E731
    dns_ip = lambda ip: {"ext": {"san": (san("dns:" + HOST, "ip:" + ip), False)}}  # noqa: E731
    email_leaf = lambda mail: {"ext": {"san": (san("dns:" + HOST, "email:" + mail), False)}}  # noqa: E731
    uri_leaf = lambda uri: {"ext": {"san": (san("dns:" + HOST, "uri:" + uri), False)}}  # noqa: E731
    more_nc = [
        ("excludes 192.0.2.0/24, leaf iPAddress inside", nc(None, [ip_net("192.0.2.0/24")]), dns_ip("192.0.2.10")),
        ("excludes 198.51.100.0/24, leaf iPAddress outside", nc(None, [ip_net("198.51.100.0/24")]), dns_ip("192.0.2.10")),
        ("permits 192.0.2.0/24, leaf dNSName only", nc([ip_net("192.0.2.0/24")]), {}),
        ("permits 2001:db8::/32, leaf IPv6 inside", nc([ip_net("2001:db8::/32")]), {"ext": {"san": (san("ip:2001:db8::1"), False)}}),
        ("permits 2001:db8::/32, leaf IPv4 only", nc([ip_net("2001:db8::/32")]), {"ext": {"san": (san("ip:192.0.2.10"), False)}}),
        ("permits email example.test, leaf e-mail inside", nc([x509.RFC822Name("example.test")]), email_leaf("device@example.test")),
        ("permits email example.test, leaf e-mail outside", nc([x509.RFC822Name("example.test")]), email_leaf("device@other.test")),
        ("permits email .example.test, leaf e-mail in a subdomain", nc([x509.RFC822Name(".example.test")]), email_leaf("device@a.example.test")),
        ("excludes email example.test, leaf e-mail inside", nc(None, [x509.RFC822Name("example.test")]), email_leaf("device@example.test")),
        ("permits email example.test, leaf dNSName only", nc([x509.RFC822Name("example.test")]), {}),
        ("permits URI .example.test, leaf URI in a subdomain", nc([x509.UniformResourceIdentifier(".example.test")]), uri_leaf("https://a.example.test/x")),
        ("excludes URI example.test, leaf URI inside", nc(None, [x509.UniformResourceIdentifier("example.test")]), uri_leaf("spiffe://example.test/x")),
        ("excludes URI other.test, leaf URI outside", nc(None, [x509.UniformResourceIdentifier("other.test")]), uri_leaf("spiffe://example.test/x")),
        ("excludes other.test, leaf outside", nc(None, [x509.DNSName("other.test")]), {}),
        ("permits .example.test, leaf inside", nc([x509.DNSName(".example.test")]), {}),
        ("permits example.test, excludes leaf.example.test, leaf excluded", nc([x509.DNSName("example.test")], [x509.DNSName(HOST)]), {}),
        ("permits example.test, leaf wildcard *.example.test", nc([x509.DNSName("example.test")]), {"ext": {"san": (san("dns:*.example.test"), False)}}),
        ("excludes leaf.example.test, leaf wildcard *.example.test", nc(None, [x509.DNSName(HOST)]), {"ext": {"san": (san("dns:*.example.test"), False)}}),
        ("permits example.test and 192.0.2.0/24, leaf dNSName and iPAddress inside", nc([x509.DNSName("example.test"), ip_net("192.0.2.0/24")]), dns_ip("192.0.2.10")),
        ("permits example.test, leaf dNSName inside and iPAddress", nc([x509.DNSName("example.test")]), dns_ip("192.0.2.10")),
        ("excludes directoryName O=Other, leaf subject outside", nc(None, [x509.DirectoryName(name(None, "Other"))]), {}),
    ]
    for label, value, leaf in more_nc:
        add("name_constraints", f"intermediate nameConstraints {label}", leaf, inter={"nc": (value, True)})
    for label, value, leaf in [
        ("excludes example.test, leaf inside", nc(None, [x509.DNSName("example.test")]), {}),
        ("excludes 192.0.2.0/24, leaf iPAddress inside", nc(None, [ip_net("192.0.2.0/24")]), dns_ip("192.0.2.10")),
        ("permits email example.test, leaf e-mail outside", nc([x509.RFC822Name("example.test")]), email_leaf("device@other.test")),
        ("permits URI example.test, leaf URI outside", nc([x509.UniformResourceIdentifier("example.test")]), uri_leaf("spiffe://other.test/x")),
        ("permits example.test, leaf inside", nc([x509.DNSName("example.test")]), {}),
    ]:
        add("name_constraints", f"root nameConstraints {label}", leaf, root={"nc": (value, True)})

    # Host names asked of a server certificate (the host given, not the one it names):
    # wildcards where the stacks disagree, public suffixes, IDNA A- and U-labels, a trailing
    # dot, case, IP addresses against iPAddress and dNSName entries, the commonName.
    def san_host(label, names, host, cn=None):
        add("host", f"leaf SAN {label}, host {host}", {"cn": cn, "ext": {"san": (san(*names), False) if names else None}}, host=host)

    san_host("*.example.test", ["dns:*.example.test"], "a.b.example.test")
    san_host("*.example.test", ["dns:*.example.test"], "example.test")
    san_host("*.example.test", ["dns:*.example.test"], "WWW.Example.Test")
    san_host("f*.example.test", ["dns:f*.example.test"], "foo.example.test")
    san_host("*o.example.test", ["dns:*o.example.test"], "foo.example.test")
    san_host("f*o.example.test", ["dns:f*o.example.test"], "foo.example.test")
    san_host("*.*.example.test", ["dns:*.*.example.test"], "a.b.example.test")
    san_host("a.*.example.test", ["dns:a.*.example.test"], "a.b.example.test")
    san_host("*.test (a public suffix)", ["dns:*.test"], "example.test")
    san_host("*.co.uk (a public suffix)", ["dns:*.co.uk"], "example.co.uk")
    san_host("*", ["dns:*"], "example")
    san_host("xn--bcher-kva.example.test (IDNA A-label)", ["dns:xn--bcher-kva.example.test"], "xn--bcher-kva.example.test")
    san_host("xn--bcher-kva.example.test (IDNA A-label)", ["dns:xn--bcher-kva.example.test"], "b\u00fccher.example.test")
    san_host("*.example.test", ["dns:*.example.test"], "xn--bcher-kva.example.test")
    san_host("xn--*.example.test (wildcard in an A-label)", ["dns:xn--*.example.test"], "xn--bcher-kva.example.test")
    san_host("leaf.example.test", ["dns:" + HOST], "leaf.example.test.")
    san_host("LEAF.Example.TEST", ["dns:LEAF.Example.TEST"], HOST)
    san_host("other.example.test", ["dns:other.example.test"], HOST, cn=HOST)
    san_host("other.example.test, a.example.test", ["dns:other.example.test", "dns:a.example.test"], HOST)
    san_host("iPAddress 192.0.2.10", ["ip:192.0.2.10"], "192.0.2.11")
    san_host("iPAddress 192.0.2.10", ["ip:192.0.2.10"], "192.0.2.10")
    san_host("dNSName only", ["dns:" + HOST], "192.0.2.10")
    san_host("dNSName 192.0.2.10", ["dns:192.0.2.10"], "192.0.2.10")
    san_host("iPAddress 2001:db8::1", ["ip:2001:db8::1"], "2001:db8::1")
    san_host("iPAddress 2001:db8::1", ["ip:2001:db8::1"], "2001:db8::2")
    san_host("iPAddress 192.0.2.10", ["ip:192.0.2.10"], "leaf.example.test")
    san_host("absent, commonName the address", None, "192.0.2.10", cn="192.0.2.10")
    san_host("absent, commonName *.example.test", None, "www.example.test", cn="*.example.test")
    san_host("absent, commonName leaf.example.test", None, "other.example.test", cn=HOST)
    san_host("email only", ["email:leaf@example.test"], HOST, cn=HOST)

    # Added after the first 517 chains (so that their ids stay).
    # Algorithms no stack knows: the end entity's key algorithm (its P-256 key's bits under
    # another OID), the signature algorithm of its issuer (outer and inner AlgorithmIdentifier
    # alike), and a self-signed end entity with either.
    uuid, private_key, private_sig = alg_id(UUID_ALG), alg_id(PRIVATE_KEY_ALG), alg_id(PRIVATE_SIG_ALG)
    add("unknown_algorithm", f"leaf key algorithm {UUID_ALG} (a UUID OID)", {"spki_alg": uuid})
    add("unknown_algorithm", f"leaf key algorithm {PRIVATE_KEY_ALG} (a private OID)", {"spki_alg": private_key})
    add("unknown_algorithm", f"leaf signed with algorithm {UUID_ALG} (a UUID OID)", {"sig_alg": uuid})
    add("unknown_algorithm", f"leaf signed with algorithm {PRIVATE_SIG_ALG} (a private OID)", {"sig_alg": private_sig})
    add("unknown_algorithm", f"self-signed leaf, key algorithm {UUID_ALG} (a UUID OID)", {"spki_alg": uuid}, shape="self")
    add("unknown_algorithm", f"self-signed leaf, signed with algorithm {UUID_ALG} (a UUID OID)", {"sig_alg": uuid}, shape="self")
    add("unknown_algorithm", f"self-signed leaf, key and signature algorithms {UUID_ALG} (UUID OIDs)", {"spki_alg": uuid, "sig_alg": uuid}, shape="self")
    return out


def make_chain(index, spec, keys, rng):
    cid = f"c{index:03d}"
    leaf = leaf_default()
    for k, v in spec["leaf"].items():
        if k == "ext":
            leaf["ext"].update(v)
        else:
            leaf[k] = v
    inter = ca_default()
    inter["key"] = "p256"
    inter.update(spec["inter"])
    root = ca_default()
    root["key"] = "p256"
    root.update(spec["root"])
    serial = lambda: rng.getrandbits(63) | 1  # noqa: E731

    def ca_exts(ca, key, issuer_key):
        exts = []
        for field in ("bc", "ku", "eku", "nc"):
            if ca.get(field):
                exts.append(ca[field])
        exts.append((x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False))
        if issuer_key is not None:
            exts.append((x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), False))
        exts.extend(ca["extra"])
        return exts

    # Keys are shared between chains (one per type and place); subjects are unique per chain.
    root_key = keys.get(root["key"], "root")
    root_name = name(f"Stacks Root {cid}", "certscope stacks")
    root_der = build(root_name, root_name, root_key.public_key(), root_key, ca_exts(root, root_key, None), serial(), root["sig"], root["not_before"], root["not_after"], root["version"])
    cas = []
    issuer_name, issuer_key = root_name, root_key
    count = {"inter": 1, "inter2": 2}.get(spec["shape"], 0)
    for level in range(count):
        # the varied intermediate is the one under the root
        ispec = inter if level == 0 else dict(ca_default(), key="p256")
        ikey = keys.get(ispec["key"], f"inter{level}")
        iname = name(f"Stacks Intermediate {level + 1} {cid}", "certscope stacks")
        der = build(iname, issuer_name, ikey.public_key(), issuer_key, ca_exts(ispec, ikey, issuer_key), serial(), ispec["sig"], ispec["not_before"], ispec["not_after"], ispec["version"])
        cas.append(der)
        issuer_name, issuer_key = iname, ikey
    leaf_key = keys.get(leaf["key"])
    subject = name(leaf["cn"], f"certscope stacks {cid}")
    exts = []
    for field in ("bc", "ku", "eku", "san"):
        if leaf["ext"].get(field):
            exts.append(leaf["ext"][field])
    for ext, critical in leaf["extra"]:
        if ext == "ski":
            exts.append((x509.SubjectKeyIdentifier.from_public_key(leaf_key.public_key()), critical))
        elif ext == "aki":
            exts.append((x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical))
        else:
            exts.append((ext, critical))
    if spec["shape"] == "self":
        leaf_der = build(subject, subject, leaf_key.public_key(), leaf_key, exts, serial(), leaf["sig"], leaf["not_before"], leaf["not_after"], leaf["version"], leaf["spki_alg"], leaf["sig_alg"])
        certs = [leaf_der]
    else:
        leaf_der = build(subject, issuer_name, leaf_key.public_key(), issuer_key, exts, serial(), leaf["sig"], leaf["not_before"], leaf["not_after"], leaf["version"], leaf["spki_alg"], leaf["sig_alg"])
        certs = [leaf_der] + list(reversed(cas)) + [root_der]
    host = "host.invalid"
    san_value = leaf["ext"].get("san")
    names = []
    if san_value and leaf["version"] == 3:
        names = [g for g in san_value[0] if isinstance(g, (x509.DNSName, x509.IPAddress))]
    if names:
        first = names[0]
        host = str(first.value) if isinstance(first, x509.IPAddress) else first.value
        if host.startswith("*."):
            host = "www" + host[1:]
    elif leaf["cn"] and (" " not in leaf["cn"]) and "." in leaf["cn"]:
        host = leaf["cn"]
    if spec.get("host"):
        host = spec["host"]
    key_der = leaf_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return {
        "id": cid,
        "axis": spec["axis"],
        "description": spec["description"],
        "shape": spec["shape"],
        "plain_ca": spec["plain"],
        "host": host,
        "leaf_key_type": leaf["key"],
        "certs": [base64.b64encode(c).decode() for c in certs],
        "leaf_key": base64.b64encode(key_der).decode(),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--out", required=True)
    parser.add_argument("--keep", help="a corpus whose chains (same id and description) are kept as they are")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    keys = Keys()
    specs = variations()
    chains = [make_chain(i, spec, keys, rng) for i, spec in enumerate(specs)]
    if args.keep:
        old = {c["id"]: c for c in json.load(gzip.open(args.keep))["chains"]}
        kept = [old[c["id"]] if old.get(c["id"], {}).get("description") == c["description"] else c for c in chains]
        print(f"{sum(1 for a, b in zip(kept, chains) if a is not b)} chains kept from {args.keep}")
        chains = kept
    doc = {
        "generator": "stacks/gen_corpus.py",
        "seed": args.seed,
        "chains": chains,
    }
    data = json.dumps(doc, indent=1, sort_keys=True).encode()
    with gzip.GzipFile(args.out, "wb", mtime=0) as out:
        out.write(data)
    print(f"{len(chains)} chains written to {args.out}")


if __name__ == "__main__":
    main()
