#!/usr/bin/env python3
"""Generates the lint fixtures: one certificate that triggers each lint and one that does not.

Run from anywhere: `python3 tests/data/lints/generate.py`. Output is deterministic: the keys
are committed under keys/ (created on the first run only), RSA PKCS#1 v1.5, ECDSA (RFC 6979
deterministic) and Ed25519 signatures are deterministic, serials derive from the fixture name.

Python `cryptography` builds most certificates. Encodings it refuses (a 21-octet or zero
serial, GeneralizedTime before 2050, duplicate extensions, unique identifiers, odd RSA
parameters) are made by rewriting the DER of the tbsCertificate and signing it again.

manifest.json lists, per lint id, the positive fixture (must trigger the lint), the negative
fixture (must not) and the rule set to force, if any.
"""

import datetime
import hashlib
import ipaddress
import json
import os

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

HERE = os.path.dirname(os.path.abspath(__file__))
KEYS = os.path.join(HERE, "keys")
UTC = datetime.timezone.utc


def day(y, m, d):
    return datetime.datetime(y, m, d, tzinfo=UTC)


# --- keys -------------------------------------------------------------------------------------

KEY_SPECS = {
    "root": lambda: rsa.generate_private_key(65537, 2048),
    "ca": lambda: rsa.generate_private_key(65537, 2048),
    "ca_ec": lambda: ec.generate_private_key(ec.SECP256R1()),
    "leaf_ec": lambda: ec.generate_private_key(ec.SECP256R1()),
    "leaf_rsa": lambda: rsa.generate_private_key(65537, 2048),
    "rsa1024": lambda: rsa.generate_private_key(65537, 1024),
    "rsa2052": lambda: rsa.generate_private_key(65537, 2052),
    "rsa3072": lambda: rsa.generate_private_key(65537, 3072),
    "rsa_e3": lambda: rsa.generate_private_key(3, 2048),
    "secp256k1": lambda: ec.generate_private_key(ec.SECP256K1()),
    "ed25519": lambda: ed25519.Ed25519PrivateKey.generate(),
}


def load_key(name):
    path = os.path.join(KEYS, name + ".pem")
    if not os.path.exists(path):
        os.makedirs(KEYS, exist_ok=True)
        key = KEY_SPECS[name]()
        with open(path, "wb") as f:
            f.write(
                key.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
    with open(path, "rb") as f:
        return serialization.load_pem_private_key(f.read(), None)


K = {name: load_key(name) for name in KEY_SPECS}

# --- DER helpers ------------------------------------------------------------------------------


def der_len(n):
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(tag, content):
    return bytes([tag]) + der_len(len(content)) + content


def split(data):
    """Splits concatenated DER TLVs into a list of whole TLVs."""
    out, i = [], 0
    while i < len(data):
        length = data[i + 1]
        start = i + 2
        if length & 0x80:
            count = length & 0x7F
            length = int.from_bytes(data[start : start + count], "big")
            start += count
        out.append(data[i : start + length])
        i = start + length
    return out


def content(t):
    """The content octets of one TLV."""
    length = t[1]
    start = 2
    if length & 0x80:
        start += length & 0x7F
    return t[start:]


def seq(items):
    return tlv(0x30, b"".join(items))


def oid_der(dotted):
    parts = [int(p) for p in dotted.split(".")]
    body = bytes([40 * parts[0] + parts[1]])
    for p in parts[2:]:
        chunk = [p & 0x7F]
        p >>= 7
        while p:
            chunk.insert(0, 0x80 | (p & 0x7F))
            p >>= 7
        body += bytes(chunk)
    return tlv(0x06, body)


def integer(value):
    body = value.to_bytes(max(1, (value.bit_length() + 8) // 8), "big")
    return tlv(0x02, body)


NULL = b"\x05\x00"


def resign(tbs, outer_alg, signer, hash_algorithm):
    if isinstance(signer, rsa.RSAPrivateKey):
        signature = signer.sign(tbs, padding.PKCS1v15(), hash_algorithm)
    elif isinstance(signer, ec.EllipticCurvePrivateKey):
        signature = signer.sign(tbs, ec.ECDSA(hash_algorithm, deterministic_signing=True))
    else:
        signature = signer.sign(tbs)
    return seq([tbs, outer_alg, tlv(0x03, b"\x00" + signature)])


class Tbs:
    """The tbsCertificate as a list of TLVs, with named positions."""

    def __init__(self, der):
        cert = split(der)[0]
        self.tbs, self.outer_alg, _ = split(content(cert))
        self.items = split(content(self.tbs))

    def index(self, name):
        offset = 1 if self.items[0][0] == 0xA0 else 0
        names = ["serial", "signature", "issuer", "validity", "subject", "spki"]
        return offset + names.index(name)

    def extensions(self):
        ext = [t for t in self.items if t[0] == 0xA3][0]
        return split(content(split(content(ext))[0]))

    def set_extensions(self, extensions):
        i = [n for n, t in enumerate(self.items) if t[0] == 0xA3][0]
        self.items[i] = tlv(0xA3, seq(extensions))


# --- certificate building ---------------------------------------------------------------------

ROOT_NAME = x509.Name(
    [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Certscope Test"),
        x509.NameAttribute(NameOID.COMMON_NAME, "Certscope Test Root"),
    ]
)
CA_NAME = x509.Name(
    [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Certscope Test"),
        x509.NameAttribute(NameOID.COMMON_NAME, "Certscope Test Issuing CA"),
    ]
)


def name(*pairs):
    attributes = []
    for pair in pairs:
        oid, value = pair[0], pair[1]
        kind = pair[2] if len(pair) > 2 else None
        attributes.append(x509.NameAttribute(oid, value, kind, _validate=False))
    return x509.Name(attributes)


def policies(*oids):
    return x509.CertificatePolicies([x509.PolicyInformation(ObjectIdentifier(o), None) for o in oids])


def aia(ca_issuers="http://ca.example.com/ca.crt", ocsp="http://ocsp.example.com"):
    descriptions = []
    if ocsp:
        descriptions.append(
            x509.AccessDescription(x509.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(ocsp))
        )
    if ca_issuers:
        descriptions.append(
            x509.AccessDescription(
                x509.AuthorityInformationAccessOID.CA_ISSUERS, x509.UniformResourceIdentifier(ca_issuers)
            )
        )
    return x509.AuthorityInformationAccess(descriptions)


def crldp(uri="http://crl.example.com/ca.crl"):
    return x509.CRLDistributionPoints(
        [x509.DistributionPoint([x509.UniformResourceIdentifier(uri)], None, None, None)]
    )


def key_usage(*bits):
    flags = dict(
        digital_signature=False,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    for bit in bits:
        flags[bit] = True
    return x509.KeyUsage(**flags)


def eku(*oids):
    return x509.ExtendedKeyUsage([ObjectIdentifier(o) if isinstance(o, str) else o for o in oids])


def raw(oid, value):
    return x509.UnrecognizedExtension(ObjectIdentifier(oid), value)


def sct_list():
    """A well-formed SignedCertificateTimestampList with two SCTs (RFC 6962 3.3)."""
    scts = b""
    for log in (b"\x01", b"\x02"):
        signature = seq([integer(int.from_bytes(b"\x11" * 32, "big")), integer(int.from_bytes(b"\x22" * 32, "big"))])
        body = (
            b"\x00"
            + hashlib.sha256(log).digest()
            + (1780272000000).to_bytes(8, "big")
            + b"\x00\x00"
            + b"\x04\x03"
            + len(signature).to_bytes(2, "big")
            + signature
        )
        scts += len(body).to_bytes(2, "big") + body
    listing = len(scts).to_bytes(2, "big") + scts
    return raw("1.3.6.1.4.1.11129.2.4.2", tlv(0x04, listing))


SERVER_AUTH = ExtendedKeyUsageOID.SERVER_AUTH
CLIENT_AUTH = ExtendedKeyUsageOID.CLIENT_AUTH
ANY_EKU = "2.5.29.37.0"
EMAIL = ExtendedKeyUsageOID.EMAIL_PROTECTION
CODE = ExtendedKeyUsageOID.CODE_SIGNING
POLICY_DV, POLICY_OV, POLICY_IV = "2.23.140.1.2.1", "2.23.140.1.2.2", "2.23.140.1.2.3"
PRIVATE_POLICY = "1.3.6.1.4.1.55555.1.1"


def ski(key):
    return x509.SubjectKeyIdentifier.from_public_key(key.public_key())


def aki(key):
    return x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key())


def base(kind):
    """The clean certificate of each kind: (fields, ordered extensions {name: (value, critical)})."""
    if kind == "tls":
        fields = dict(
            subject=name((NameOID.COUNTRY_NAME, "US")),
            issuer=CA_NAME,
            key=K["leaf_ec"],
            signer=K["ca"],
            not_before=day(2026, 6, 1),
            days=180,
        )
        exts = {
            "ku": (key_usage("digital_signature"), True),
            "eku": (eku(SERVER_AUTH), False),
            "bc": (x509.BasicConstraints(False, None), True),
            "ski": (ski(K["leaf_ec"]), False),
            "aki": (aki(K["ca"]), False),
            "aia": (aia(), False),
            "cp": (policies(POLICY_DV), False),
            "crldp": (crldp(), False),
            "san": (x509.SubjectAlternativeName([x509.DNSName("www.example.com"), x509.DNSName("example.com")]), False),
            "sct": (sct_list(), False),
        }
    elif kind == "subca":
        fields = dict(subject=CA_NAME, issuer=ROOT_NAME, key=K["ca"], signer=K["root"], not_before=day(2026, 1, 1), days=1826)
        exts = {
            "bc": (x509.BasicConstraints(True, 0), True),
            "ku": (key_usage("digital_signature", "key_cert_sign", "crl_sign"), True),
            "eku": (eku(SERVER_AUTH, CLIENT_AUTH), False),
            "ski": (ski(K["ca"]), False),
            "aki": (aki(K["root"]), False),
            "aia": (aia(ocsp=None), False),
            "cp": (policies(POLICY_DV), False),
            "crldp": (crldp("http://crl.example.com/root.crl"), False),
        }
    elif kind == "root":
        fields = dict(subject=ROOT_NAME, issuer=ROOT_NAME, key=K["root"], signer=K["root"], not_before=day(2026, 1, 1), days=7305)
        exts = {
            "bc": (x509.BasicConstraints(True, None), True),
            "ku": (key_usage("key_cert_sign", "crl_sign"), True),
            "ski": (ski(K["root"]), False),
        }
    elif kind == "smime":
        fields = dict(
            subject=name((NameOID.COMMON_NAME, "alice@example.com")),
            issuer=CA_NAME,
            key=K["leaf_rsa"],
            signer=K["ca"],
            not_before=day(2026, 6, 1),
            days=365,
        )
        exts = {
            "ku": (key_usage("digital_signature", "key_encipherment"), True),
            "eku": (eku(EMAIL), False),
            "ski": (ski(K["leaf_rsa"]), False),
            "aki": (aki(K["ca"]), False),
            "aia": (aia(ocsp=None), False),
            "cp": (policies("2.23.140.1.5.1.3"), False),
            "crldp": (crldp(), False),
            "san": (x509.SubjectAlternativeName([x509.RFC822Name("alice@example.com")]), False),
        }
    elif kind == "code":
        fields = dict(
            subject=name(
                (NameOID.COUNTRY_NAME, "US"),
                (NameOID.STATE_OR_PROVINCE_NAME, "California"),
                (NameOID.LOCALITY_NAME, "San Francisco"),
                (NameOID.ORGANIZATION_NAME, "Example Corp"),
                (NameOID.COMMON_NAME, "Example Corp"),
            ),
            issuer=CA_NAME,
            key=K["rsa3072"],
            signer=K["ca"],
            not_before=day(2026, 6, 1),
            days=365,
        )
        exts = {
            "ku": (key_usage("digital_signature"), True),
            "eku": (eku(CODE), False),
            "ski": (ski(K["rsa3072"]), False),
            "aki": (aki(K["ca"]), False),
            "aia": (aia(ocsp=None), False),
            "cp": (policies("2.23.140.1.4.1"), False),
            "crldp": (crldp(), False),
        }
    elif kind == "device":
        fields = dict(
            subject=name((NameOID.ORGANIZATION_NAME, "Example Devices"), (NameOID.COMMON_NAME, "device-0001")),
            issuer=CA_NAME,
            key=K["leaf_ec"],
            signer=K["ca"],
            not_before=day(2026, 6, 1),
            days=365,
        )
        exts = {
            "ku": (key_usage("digital_signature"), True),
            "eku": (eku(CLIENT_AUTH), False),
            "ski": (ski(K["leaf_ec"]), False),
            "aki": (aki(K["ca"]), False),
            "san": (
                x509.SubjectAlternativeName([x509.UniformResourceIdentifier("spiffe://example.com/device/0001")]),
                False,
            ),
        }
    else:
        raise ValueError(kind)
    return fields, exts


def build(fixture, kind="tls", set=None, drop=(), mutate=None, hash_algorithm=None, **fields_override):
    fields, exts = base(kind)
    fields.update(fields_override)
    for key in drop:
        del exts[key]
    for key, value in (set or {}).items():
        exts[key] = value if isinstance(value, tuple) else (value, exts.get(key, (None, False))[1])
    key = fields["key"]
    signer = fields["signer"]
    if hash_algorithm is None:
        hash_algorithm = None if isinstance(signer, ed25519.Ed25519PrivateKey) else hashes.SHA256()
    serial = fields.get("serial") or (int.from_bytes(hashlib.sha256(fixture.encode()).digest()[:16], "big") >> 1) | (1 << 120)
    not_after = fields.get("not_after") or fields["not_before"] + datetime.timedelta(days=fields["days"], seconds=-1)
    builder = (
        x509.CertificateBuilder()
        .subject_name(fields["subject"])
        .issuer_name(fields["issuer"])
        .public_key(key.public_key())
        .serial_number(serial)
        .not_valid_before(fields["not_before"])
        .not_valid_after(not_after)
    )
    for value, critical in exts.values():
        builder = builder.add_extension(value, critical)
    sha1 = isinstance(hash_algorithm, hashes.SHA1)
    cert = builder.sign(signer, hashes.SHA256() if sha1 else hash_algorithm)
    der = cert.public_bytes(serialization.Encoding.DER)
    if sha1:
        # cryptography no longer signs certificates with SHA-1: rewrite the algorithm and sign.
        inner = mutate

        def mutate(tbs):
            alg = seq([oid_der("1.2.840.113549.1.1.5"), NULL])
            tbs.items[tbs.index("signature")] = alg
            if inner:
                inner(tbs)
            return alg

    if mutate is None and isinstance(signer, ec.EllipticCurvePrivateKey):
        # The builder's ECDSA signatures are random; sign again deterministically (RFC 6979).
        def mutate(tbs):
            return None

    if mutate:
        tbs = Tbs(der)
        outer = mutate(tbs)
        outer_alg = outer if outer is not None else tbs.outer_alg
        der = resign(seq(tbs.items), outer_alg, signer, hash_algorithm or hashes.SHA256())
    return der


# --- mutations --------------------------------------------------------------------------------


def set_serial(raw_content):
    def mutate(tbs):
        tbs.items[tbs.index("serial")] = tlv(0x02, raw_content)

    return mutate


def version(value):
    def mutate(tbs):
        tbs.items[0] = tlv(0xA0, tlv(0x02, bytes([value])))

    return mutate


def add_unique_id(tbs):
    position = tbs.index("spki") + 1
    tbs.items.insert(position, tlv(0x82, b"\x00\xab\xcd"))


def tbs_signature_sha384(tbs):
    tbs.items[tbs.index("signature")] = seq([oid_der("1.2.840.113549.1.1.12"), NULL])


def drop_signature_null(tbs):
    alg = seq([oid_der("1.2.840.113549.1.1.11")])
    tbs.items[tbs.index("signature")] = alg
    return alg


def add_ecdsa_null(tbs):
    alg = seq([oid_der("1.2.840.10045.4.3.2"), NULL])
    tbs.items[tbs.index("signature")] = alg
    return alg


def spki_without_null(tbs):
    i = tbs.index("spki")
    algorithm, key = split(content(tbs.items[i]))
    tbs.items[i] = seq([seq([oid_der("1.2.840.113549.1.1.1")]), key])


def rsa_exponent(e):
    def mutate(tbs):
        n = K["leaf_rsa"].public_key().public_numbers().n
        key = seq([integer(n), integer(e)])
        tbs.items[tbs.index("spki")] = seq([seq([oid_der("1.2.840.113549.1.1.1"), NULL]), tlv(0x03, b"\x00" + key)])

    return mutate


def rsa_modulus_plus_one(tbs):
    n = K["leaf_rsa"].public_key().public_numbers().n + 1
    key = seq([integer(n), integer(65537)])
    tbs.items[tbs.index("spki")] = seq([seq([oid_der("1.2.840.113549.1.1.1"), NULL]), tlv(0x03, b"\x00" + key)])


def not_after_generalized(tbs):
    i = tbs.index("validity")
    not_before, not_after = split(content(tbs.items[i]))
    text = content(not_after).decode()
    tbs.items[i] = seq([not_before, tlv(0x18, ("20" + text).encode())])


def swap_validity(tbs):
    i = tbs.index("validity")
    not_before, not_after = split(content(tbs.items[i]))
    tbs.items[i] = seq([not_after, not_before])


def replace_in_subject(old, new):
    def mutate(tbs):
        i = tbs.index("subject")
        tbs.items[i] = tbs.items[i].replace(old, new)

    return mutate


def duplicate_ski(tbs):
    extensions = tbs.extensions()
    ski_ext = [e for e in extensions if oid_der("2.5.29.14") in e][0]
    tbs.set_extensions(extensions + [ski_ext])


# --- the lints --------------------------------------------------------------------------------

FIXTURES = []
FIXTURE_KINDS = {}


def lint(id, positive, negative=None, rule_set=None):
    """Registers a lint's fixtures. `positive`/`negative` are build() keyword dicts; a missing
    negative means the clean certificate of the positive's kind."""
    FIXTURES.append((id, positive, negative, rule_set))


def sig_with(hash_algorithm):
    return dict(hash_algorithm=hash_algorithm)


san = x509.SubjectAlternativeName
dns = x509.DNSName

# RFC 5280
lint("e_cert_extensions_version_not_3", dict(mutate=version(1)), dict(mutate=version(2)))
lint("e_cert_contains_unique_identifier", dict(mutate=add_unique_id))
lint("e_serial_number_not_positive", dict(mutate=set_serial(b"\x00")), dict(mutate=set_serial(b"\x01" * 9)))
lint("e_serial_number_longer_than_20_octets", dict(mutate=set_serial(b"\x7f" + b"\x5a" * 20)), dict(mutate=set_serial(b"\x7f" + b"\x5a" * 19)))
lint("e_cert_sig_alg_not_match_tbs_sig_alg", dict(mutate=tbs_signature_sha384))
lint("e_rsa_signature_parameter_not_null", dict(mutate=drop_signature_null))
lint("e_ecdsa_signature_parameters_present", dict(signer=K["ca_ec"], mutate=add_ecdsa_null), dict(signer=K["ca_ec"]))
lint("e_spki_rsa_encryption_parameter_not_null", dict(key=K["leaf_rsa"], mutate=spki_without_null, set={"ski": ski(K["leaf_rsa"]), "ku": key_usage("digital_signature", "key_encipherment")}), dict(key=K["leaf_rsa"], set={"ski": ski(K["leaf_rsa"])}))
lint("e_wrong_time_format_pre2050", dict(mutate=not_after_generalized), dict(kind="device", not_after=datetime.datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)))
lint("e_validity_time_not_positive", dict(mutate=swap_validity))
lint("e_ext_duplicate_extension", dict(mutate=duplicate_ski))
lint("e_ext_malformed", dict(set={"ku": raw("2.5.29.15", b"\x04\x00")}))
lint("e_subject_empty_without_san", dict(kind="device", subject=x509.Name([]), drop=["san"]), dict(kind="device", subject=x509.Name([]), set={"san": (san([x509.UniformResourceIdentifier("spiffe://example.com/device/0001")]), True)}))
lint("e_ext_san_not_critical_without_subject", dict(kind="device", subject=x509.Name([])), dict(kind="device", subject=x509.Name([]), set={"san": (san([x509.UniformResourceIdentifier("spiffe://example.com/device/0001")]), True)}))
lint("e_ext_san_no_entries", dict(set={"san": raw("2.5.29.17", b"\x30\x00")}))
lint("e_ext_eku_no_entries", dict(set={"eku": raw("2.5.29.37", b"\x30\x00")}))
lint("e_ext_san_empty_name", dict(set={"san": raw("2.5.29.17", b"\x30\x13\x82\x0fwww.example.com\x82\x00")}))
lint("e_ca_subject_field_empty", dict(kind="subca", subject=x509.Name([])), dict(kind="subca"))
lint("e_basic_constraints_not_critical", dict(kind="subca", set={"bc": (x509.BasicConstraints(True, 0), False)}), dict(kind="subca"))
lint("e_path_len_constraint_improperly_included", dict(kind="subca", set={"ku": key_usage("digital_signature", "crl_sign")}), dict(kind="subca"))
lint("e_ext_authority_key_identifier_missing", dict(drop=["aki"]), dict(kind="root"))
lint("e_ext_authority_key_identifier_no_key_identifier", dict(set={"aki": x509.AuthorityKeyIdentifier(None, [x509.DirectoryName(ROOT_NAME)], 1)}))
lint("e_ext_authority_key_identifier_critical", dict(set={"aki": (aki(K["ca"]), True)}))
lint("e_ext_subject_key_identifier_missing_ca", dict(kind="subca", drop=["ski"]), dict(kind="subca"))
lint("w_ext_subject_key_identifier_missing_sub_cert", dict(drop=["ski"]))
lint("e_ext_subject_key_identifier_critical", dict(set={"ski": (ski(K["leaf_ec"]), True)}))
lint("e_ca_key_usage_missing", dict(kind="subca", drop=["ku"]), dict(kind="subca"))
lint("e_ca_key_cert_sign_not_set", dict(kind="root", set={"ku": key_usage("digital_signature", "crl_sign")}), dict(kind="root"))
lint("w_ext_key_usage_not_critical", dict(set={"ku": (key_usage("digital_signature"), False)}))
lint("e_ext_key_usage_cert_sign_without_ca", dict(set={"ku": key_usage("digital_signature", "key_cert_sign")}))
lint("e_ext_key_usage_without_bits", dict(set={"ku": raw("2.5.29.15", b"\x03\x01\x00")}))
lint("e_key_usage_and_extended_key_usage_inconsistent", dict(set={"ku": key_usage("content_commitment")}), dict(set={"ku": key_usage("key_agreement")}))
lint("e_eku_time_stamping_not_critical", dict(kind="device", set={"eku": (eku(ExtendedKeyUsageOID.TIME_STAMPING), False)}), dict(kind="device", set={"eku": (eku(ExtendedKeyUsageOID.TIME_STAMPING), True)}))
lint("e_ec_key_usage_invalid", dict(set={"ku": key_usage("digital_signature", "key_encipherment")}))
lint("e_ed25519_key_usage_invalid", dict(kind="device", key=K["ed25519"], set={"ski": ski(K["ed25519"]), "ku": key_usage("digital_signature", "key_agreement")}), dict(kind="device", key=K["ed25519"], set={"ski": ski(K["ed25519"])}))
lint("e_rsa_key_usage_invalid", dict(key=K["leaf_rsa"], set={"ski": ski(K["leaf_rsa"]), "ku": key_usage("digital_signature", "key_agreement")}), dict(key=K["leaf_rsa"], set={"ski": ski(K["leaf_rsa"]), "ku": key_usage("digital_signature", "key_encipherment")}))
lint("e_ext_aia_marked_critical", dict(set={"aia": (aia(), True)}))
lint("w_ext_crl_distribution_marked_critical", dict(set={"crldp": (crldp(), True)}))
NC = x509.NameConstraints([x509.DNSName("example.com")], None)
lint("e_ext_name_constraints_not_critical", dict(kind="subca", set={"nc": (NC, False)}), dict(kind="subca", set={"nc": (NC, True)}))
PC = x509.PolicyConstraints(require_explicit_policy=0, inhibit_policy_mapping=None)
lint("e_ext_policy_constraint_not_critical", dict(kind="subca", set={"pc": (PC, False)}), dict(kind="subca", set={"pc": (PC, True)}))
lint("e_ext_cert_policy_duplicate", dict(set={"cp": raw("2.5.29.32", seq([seq([oid_der(POLICY_DV)]), seq([oid_der(POLICY_DV)])]))}))
lint("e_subject_attribute_value_empty", dict(kind="subca", subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "", _ASN1Type.UTF8String), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))), dict(kind="subca"))
lint("e_subject_directory_string_invalid", dict(kind="subca", subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "Certscope X Test", _ASN1Type.PrintableString), (NameOID.COMMON_NAME, "Certscope Test Issuing CA")), mutate=replace_in_subject(b"Certscope X Test", b"Certscope @ Test")), dict(kind="subca", subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "Certscope (Test)", _ASN1Type.PrintableString), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))))
lint("w_directory_string_legacy_type", dict(kind="subca", subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "Certscope Test", _ASN1Type.BMPString), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))), dict(kind="subca"))
lint("e_subject_country_name_invalid", dict(kind="subca", subject=name((NameOID.COUNTRY_NAME, "USA"), (NameOID.ORGANIZATION_NAME, "Certscope Test"), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))), dict(kind="subca"))
lint("e_subject_common_name_max_length", dict(kind="device", subject=name((NameOID.COMMON_NAME, "d" * 65))), dict(kind="device", subject=name((NameOID.COMMON_NAME, "d" * 64))))
lint("e_subject_organization_name_max_length", dict(kind="subca", subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "o" * 65), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))), dict(kind="subca", subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "o" * 64), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))))
lint("w_subject_email_address_deprecated", dict(kind="smime", subject=name((NameOID.COMMON_NAME, "Alice"), (NameOID.EMAIL_ADDRESS, "alice@example.com"))))
lint("e_ct_poison_not_critical", dict(drop=["sct"], set={"poison": (x509.PrecertPoison(), False)}), dict(drop=["sct"], set={"poison": (x509.PrecertPoison(), True)}))
lint("e_ct_poison_value_not_null", dict(drop=["sct"], set={"poison": (raw("1.3.6.1.4.1.11129.2.4.3", b"\x02\x01\x00"), True)}), dict(drop=["sct"], set={"poison": (x509.PrecertPoison(), True)}))
lint("w_name_display_control_characters", dict(kind="device", subject=name((NameOID.ORGANIZATION_NAME, "Example \u202egnp.exe Devices"), (NameOID.COMMON_NAME, "device-0001"))), dict(kind="device", subject=name((NameOID.ORGANIZATION_NAME, "Example Dévices 日本"), (NameOID.COMMON_NAME, "device-0001"))))
lint("e_rfc_dnsname_invalid_character", dict(kind="device", set={"san": san([x509.UniformResourceIdentifier("spiffe://example.com/device/0001"), dns("device 0001.example.com")])}), dict(kind="device", set={"san": san([x509.UniformResourceIdentifier("spiffe://example.com/device/0001"), dns("device_0001.example.com")])}))
lint("e_dnsname_empty_label", dict(set={"san": san([dns("www.example.com"), dns("www..example.com")])}))
lint("e_issuer_field_empty", dict(kind="device", issuer=x509.Name([])))
SIA = seq([seq([oid_der("1.3.6.1.5.5.7.48.5"), tlv(0x86, b"http://repository.example.com/")])])
lint("e_ext_subject_information_access_marked_critical", dict(set={"sia": (raw("1.3.6.1.5.5.7.1.11", SIA), True)}), dict(set={"sia": (raw("1.3.6.1.5.5.7.1.11", SIA), False)}))
FRESHEST = x509.FreshestCRL([x509.DistributionPoint([x509.UniformResourceIdentifier("http://crl.example.com/delta.crl")], None, None, None)])
lint("e_ext_freshest_crl_marked_critical", dict(set={"freshest": (FRESHEST, True)}), dict(set={"freshest": (FRESHEST, False)}))
lint("e_inhibit_any_policy_not_critical", dict(kind="subca", set={"inhibit": (x509.InhibitAnyPolicy(0), False)}), dict(kind="subca", set={"inhibit": (x509.InhibitAnyPolicy(0), True)}))
lint("e_ext_san_uri_not_absolute", dict(kind="device", set={"san": san([x509.UniformResourceIdentifier("device/0001")])}))
lint("e_rfc822_name_invalid_syntax", dict(kind="smime", set={"san": raw("2.5.29.17", seq([tlv(0x81, b"Alice <alice@example.com>")]))}))

# TLS BR
lint("e_sub_cert_eku_missing", dict(drop=["eku"]), rule_set="tls-br")
lint("e_sub_cert_eku_server_auth_client_auth_missing", dict(set={"eku": eku(CLIENT_AUTH)}), rule_set="tls-br")
lint("e_sub_cert_eku_any_extended_key_usage", dict(set={"eku": eku(SERVER_AUTH, ANY_EKU)}))
lint("e_sub_cert_eku_prohibited_values", dict(set={"eku": eku(SERVER_AUTH, EMAIL)}), dict(set={"eku": eku(SERVER_AUTH, CLIENT_AUTH)}))
lint("w_sub_cert_eku_extra_values", dict(set={"eku": eku(SERVER_AUTH, "1.3.6.1.5.5.7.3.17")}), dict(set={"eku": eku(SERVER_AUTH, CLIENT_AUTH)}))
lint("e_sub_cert_eku_critical", dict(set={"eku": (eku(SERVER_AUTH), True)}))
lint("e_sub_cert_basic_constraints_not_critical", dict(set={"bc": (x509.BasicConstraints(False, None), False)}))
lint("e_sub_cert_key_usage_cert_sign_bit_set", dict(set={"ku": key_usage("digital_signature", "key_cert_sign")}))
lint("e_sub_cert_key_usage_crl_sign_bit_set", dict(set={"ku": key_usage("digital_signature", "crl_sign")}))
lint("e_sub_cert_key_usage_digital_signature_missing", dict(set={"ku": key_usage("key_agreement")}))
lint("e_sub_cert_valid_time_longer_than_398_days", dict(days=399, not_before=day(2025, 6, 1)), dict(days=398, not_before=day(2025, 6, 1)))
lint("e_sub_cert_valid_time_longer_than_200_days", dict(days=201), dict(days=200))
lint("e_sub_cert_valid_time_longer_than_100_days", dict(days=101, not_before=day(2027, 4, 1)), dict(days=100, not_before=day(2027, 4, 1)))
lint("e_sub_cert_valid_time_longer_than_47_days", dict(days=48, not_before=day(2029, 4, 1)), dict(days=47, not_before=day(2029, 4, 1)))
lint("e_sub_cert_aia_missing", dict(drop=["aia"]))
lint("w_sub_cert_aia_does_not_contain_issuing_ca_url", dict(set={"aia": aia(ca_issuers=None)}))
lint("e_aia_url_not_http", dict(set={"aia": aia(ca_issuers="https://ca.example.com/ca.crt")}))
lint("e_crl_distribution_point_url_not_http", dict(set={"crldp": crldp("ldap://ldap.example.com/cn=ca")}))
lint("e_sub_cert_crl_distribution_points_marked_critical", dict(set={"crldp": (crldp(), True)}))
lint("e_sub_cert_certificate_policies_missing", dict(drop=["cp"]), rule_set="tls-br")
lint("e_sub_cert_cabf_policy_missing", dict(set={"cp": policies(PRIVATE_POLICY)}), dict(set={"cp": policies(POLICY_DV, PRIVATE_POLICY)}), rule_set="tls-br")
lint("e_cab_dv_conflicts_with_org", dict(subject=name((NameOID.ORGANIZATION_NAME, "Example Corp"), (NameOID.COMMON_NAME, "www.example.com"))))
OV_SUBJECT = name((NameOID.COUNTRY_NAME, "US"), (NameOID.STATE_OR_PROVINCE_NAME, "California"), (NameOID.LOCALITY_NAME, "San Francisco"), (NameOID.ORGANIZATION_NAME, "Example Corp"), (NameOID.COMMON_NAME, "www.example.com"))
lint("e_cab_ov_requires_org", dict(set={"cp": policies(POLICY_OV)}), dict(set={"cp": policies(POLICY_OV)}, subject=OV_SUBJECT))
lint("e_cert_policy_ov_requires_country", dict(set={"cp": policies(POLICY_OV)}, subject=name((NameOID.ORGANIZATION_NAME, "Example Corp"), (NameOID.COMMON_NAME, "www.example.com"))), dict(set={"cp": policies(POLICY_OV)}, subject=OV_SUBJECT))
lint("e_cab_iv_requires_personal_name", dict(set={"cp": policies(POLICY_IV)}), dict(set={"cp": policies(POLICY_IV)}, subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.GIVEN_NAME, "Alice"), (NameOID.SURNAME, "Example"), (NameOID.COMMON_NAME, "www.example.com"))))
lint("e_ext_san_missing", dict(drop=["san"]))
lint("e_sub_cert_san_disallowed_type", dict(set={"san": san([dns("www.example.com"), x509.RFC822Name("admin@example.com")])}))
lint("e_subject_common_name_not_exactly_from_san", dict(subject=name((NameOID.COMMON_NAME, "Example.com"))))
lint("e_san_dns_name_internal", dict(set={"san": san([dns("www.example.com"), dns("server.corp")])}), dict(set={"san": san([dns("www.example.com"), dns("corp.example.com")])}))
lint("e_ext_san_contains_reserved_ip", dict(set={"san": san([dns("www.example.com"), x509.IPAddress(ipaddress.ip_address("10.0.0.1"))])}), dict(set={"san": san([dns("www.example.com"), x509.IPAddress(ipaddress.ip_address("8.8.8.8"))])}))
lint("e_dnsname_wildcard_only_in_left_label", dict(set={"san": san([dns("www.example.com"), dns("www.*.example.com")])}), dict(set={"san": san([dns("www.example.com"), dns("*.example.com")])}))
lint("e_dnsname_left_label_wildcard_correct", dict(set={"san": san([dns("www.example.com"), dns("w*.example.com")])}), dict(set={"san": san([dns("www.example.com"), dns("*.example.com")])}))
lint("e_dnsname_bad_character_in_label", dict(set={"san": san([dns("www.example.com"), dns("-myhost.example.com")])}), dict(set={"san": san([dns("www.example.com"), dns("my-host.example.com")])}))
lint("e_dnsname_underscore_in_label", dict(set={"san": san([dns("www.example.com"), dns("my_host.example.com")])}), dict(set={"san": san([dns("www.example.com"), dns("my_host.example.com")])}, not_before=day(2017, 6, 1), days=365))
lint("e_dnsname_contains_prohibited_reserved_label", dict(set={"san": san([dns("www.example.com"), dns("ab--cd.example.com")])}), dict(set={"san": san([dns("www.example.com"), dns("xn--bcher-kva.example.com")])}))
lint("e_subject_common_name_reserved_ip", dict(subject=name((NameOID.COMMON_NAME, "10.0.0.1")), set={"san": san([dns("www.example.com"), x509.IPAddress(ipaddress.ip_address("10.0.0.1"))])}), dict(subject=name((NameOID.COMMON_NAME, "8.8.8.8")), set={"san": san([dns("www.example.com"), x509.IPAddress(ipaddress.ip_address("8.8.8.8"))])}))
lint("e_sub_cert_organizational_unit_name_present", dict(subject=name((NameOID.ORGANIZATIONAL_UNIT_NAME, "Web"), (NameOID.COMMON_NAME, "www.example.com"))), dict(subject=name((NameOID.ORGANIZATIONAL_UNIT_NAME, "Web"), (NameOID.COMMON_NAME, "www.example.com")), not_before=day(2022, 6, 1), days=365))
lint("e_sub_cert_crl_distribution_points_missing_without_ocsp", dict(drop=["crldp"], set={"aia": aia(ocsp=None)}), dict(drop=["crldp"]))
lint("e_dnsname_label_too_long", dict(set={"san": san([dns("www.example.com"), dns("a" * 64 + ".example.com")])}), dict(set={"san": san([dns("www.example.com"), dns("a" * 63 + ".example.com")])}))
RSA_LEAF = lambda k: dict(key=K[k], set={"ski": ski(K[k]), "ku": key_usage("digital_signature", "key_encipherment")})
lint("e_rsa_mod_less_than_2048_bits", RSA_LEAF("rsa1024"), RSA_LEAF("leaf_rsa"))
lint("e_rsa_mod_not_divisible_by_8", RSA_LEAF("rsa2052"), RSA_LEAF("leaf_rsa"))
lint("e_rsa_public_exponent_not_odd", dict(RSA_LEAF("leaf_rsa"), mutate=rsa_exponent(65536)), dict(RSA_LEAF("leaf_rsa"), mutate=rsa_exponent(65539)))
lint("e_rsa_public_exponent_too_small", dict(RSA_LEAF("leaf_rsa"), mutate=rsa_exponent(1)), dict(RSA_LEAF("leaf_rsa"), mutate=rsa_exponent(3)))
lint("w_rsa_mod_not_odd", dict(RSA_LEAF("leaf_rsa"), mutate=rsa_modulus_plus_one), dict(RSA_LEAF("leaf_rsa"), mutate=rsa_exponent(65537)))
lint("w_rsa_public_exponent_not_in_range", RSA_LEAF("rsa_e3"), RSA_LEAF("leaf_rsa"))
lint("e_ec_improper_curves", dict(key=K["secp256k1"], set={"ski": ski(K["secp256k1"])}))
lint("e_spki_algorithm_not_supported", dict(key=K["ed25519"], set={"ski": ski(K["ed25519"])}))
lint("e_signature_algorithm_not_supported", sig_with(hashes.SHA224()), sig_with(hashes.SHA384()))
lint("e_sub_cert_or_sub_ca_using_sha1", sig_with(hashes.SHA1()))
lint("w_serial_number_low_entropy", dict(serial=0x1234), dict(serial=0x0102030405060708))
lint("w_sub_cert_sct_list_missing", dict(drop=["sct"]), dict(drop=["sct"], set={"poison": (x509.PrecertPoison(), True)}))
lint("w_sub_ca_aia_missing", dict(kind="subca", drop=["aia"]), dict(kind="subca"))
lint("e_sub_ca_crl_distribution_points_missing", dict(kind="subca", drop=["crldp"]), dict(kind="subca"))
lint("e_sub_ca_certificate_policies_missing", dict(kind="subca", drop=["cp"]), dict(kind="subca"), rule_set="tls-br")
lint("e_sub_ca_eku_missing", dict(kind="subca", drop=["eku"]), dict(kind="subca"), rule_set="tls-br")
lint("e_ca_key_usage_not_critical", dict(kind="subca", set={"ku": (key_usage("digital_signature", "key_cert_sign", "crl_sign"), False)}), dict(kind="subca"))
lint("e_ca_crl_sign_not_set", dict(kind="subca", set={"ku": key_usage("digital_signature", "key_cert_sign")}), dict(kind="subca"))
lint("e_ca_country_name_missing", dict(kind="subca", subject=name((NameOID.ORGANIZATION_NAME, "Certscope Test"), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))), dict(kind="subca"))
lint("e_ca_organization_name_missing", dict(kind="subca", subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))), dict(kind="subca"))
CA_SUBJECT_OU = name((NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "Certscope Test"), (NameOID.ORGANIZATIONAL_UNIT_NAME, "PKI"), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))
lint("e_subject_country_not_iso", dict(kind="subca", subject=name((NameOID.COUNTRY_NAME, "UK"), (NameOID.ORGANIZATION_NAME, "Certscope Test"), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))), dict(kind="subca", subject=name((NameOID.COUNTRY_NAME, "GB"), (NameOID.ORGANIZATION_NAME, "Certscope Test"), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))))
lint("e_aia_unique_access_locations", dict(set={"aia": x509.AuthorityInformationAccess([x509.AccessDescription(x509.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier("http://ocsp.example.com")), x509.AccessDescription(x509.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier("http://OCSP.example.com"))])}), dict(set={"aia": x509.AuthorityInformationAccess([x509.AccessDescription(x509.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier("http://ocsp.example.com")), x509.AccessDescription(x509.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier("http://ocsp2.example.com"))])}))
NOTICE = x509.CertificatePolicies([x509.PolicyInformation(ObjectIdentifier(POLICY_DV), [x509.UserNotice(None, "Relying parties must read the CPS")])])
CPS_HTTPS = x509.CertificatePolicies([x509.PolicyInformation(ObjectIdentifier(POLICY_DV), ["https://cps.example.com/"])])
lint("e_sub_cert_policy_qualifier_not_cps_http", dict(set={"cp": NOTICE}), dict(set={"cp": CPS_HTTPS}))
lint("e_ca_multiple_reserved_policy_oids", dict(kind="subca", set={"cp": policies(POLICY_DV, POLICY_OV)}), dict(kind="subca", set={"cp": policies(POLICY_DV, POLICY_OV)}, not_before=day(2023, 6, 1)))
lint("e_ca_common_name_missing", dict(kind="subca", subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "Certscope Test"))), dict(kind="subca"))
lint("e_ca_organizational_unit_name_present", dict(kind="subca", subject=CA_SUBJECT_OU), dict(kind="subca", subject=CA_SUBJECT_OU, not_before=day(2023, 1, 1)))
lint("e_sub_ca_eku_prohibited_values", dict(kind="subca", set={"eku": eku(SERVER_AUTH, EMAIL)}), dict(kind="subca"))
lint("e_root_ca_extended_key_usage_present", dict(kind="root", set={"eku": (eku(SERVER_AUTH), False)}), dict(kind="root"), rule_set="tls-br")

# RFC 5280: extension syntax, policy qualifiers, X.520 upper bounds, keyUsage DER, SCT lists
USER_NOTICE = "1.3.6.1.5.5.7.2.2"


def notice_policies(text_tlv, policy=PRIVATE_POLICY):
    """certificatePolicies with one user notice whose explicitText is the given TLV."""
    return raw("2.5.29.32", seq([seq([oid_der(policy), seq([seq([oid_der(USER_NOTICE), seq([text_tlv])])])])]))


def subtree_nc(*fields):
    """nameConstraints permitting one dNSName subtree with the given extra fields."""
    return raw("2.5.29.30", seq([tlv(0xA0, seq([tlv(0x82, b"example.com")] + list(fields)))]))


def device_subject(*pairs):
    return name(*pairs, (NameOID.COMMON_NAME, "device-0001"))


PM = lambda issuer, subject: raw("2.5.29.33", seq([seq([oid_der(issuer), oid_der(subject)])]))
IAN = x509.IssuerAlternativeName([x509.UniformResourceIdentifier("http://ca.example.com/")])
lint("e_distribution_point_incomplete", dict(set={"crldp": raw("2.5.29.31", seq([seq([b"\x81\x02\x06\x40"])]))}))
lint("e_name_constraint_empty", dict(kind="subca", set={"nc": (raw("2.5.29.30", b"\x30\x00"), True)}), dict(kind="subca", set={"nc": (NC, True)}))
lint("e_name_constraint_minimum_non_zero", dict(kind="subca", set={"nc": (subtree_nc(tlv(0x80, b"\x01")), True)}), dict(kind="subca", set={"nc": (subtree_nc(), True)}))
lint("e_name_constraint_maximum_not_absent", dict(kind="subca", set={"nc": (subtree_nc(tlv(0x81, b"\x05")), True)}), dict(kind="subca", set={"nc": (subtree_nc(), True)}))
lint("e_ext_name_constraints_not_in_ca", dict(set={"nc": (NC, True)}))
lint("e_ext_policy_constraints_empty", dict(kind="subca", set={"pc": (raw("2.5.29.36", b"\x30\x00"), True)}), dict(kind="subca", set={"pc": (PC, True)}))
lint("e_ext_policy_map_any_policy", dict(kind="subca", set={"pm": (PM("2.5.29.32.0", POLICY_DV), True)}), dict(kind="subca", set={"pm": (PM(PRIVATE_POLICY, POLICY_DV), True)}))
lint("w_ext_policy_map_not_critical", dict(kind="subca", set={"pm": (PM(PRIVATE_POLICY, POLICY_DV), False)}), dict(kind="subca", set={"pm": (PM(PRIVATE_POLICY, POLICY_DV), True)}))
lint("e_ext_ian_no_entries", dict(set={"ian": raw("2.5.29.18", b"\x30\x00")}), dict(set={"ian": IAN}))
lint("e_ext_ian_empty_name", dict(set={"ian": raw("2.5.29.18", b"\x30\x02\x86\x00")}), dict(set={"ian": IAN}))
lint("w_ext_ian_critical", dict(set={"ian": (IAN, True)}), dict(set={"ian": (IAN, False)}))
ANY_POLICY_QUALIFIED = lambda qualifier: raw("2.5.29.32", seq([seq([oid_der("2.5.29.32.0"), seq([qualifier])])]))
lint("e_ext_cert_policy_disallowed_any_policy_qualifier", dict(kind="subca", set={"cp": ANY_POLICY_QUALIFIED(seq([oid_der("1.3.6.1.5.5.7.2.3"), tlv(0x16, b"urn:example")]))}), dict(kind="subca", set={"cp": ANY_POLICY_QUALIFIED(seq([oid_der("1.3.6.1.5.5.7.2.1"), tlv(0x16, b"http://cps.example.com/")]))}))
lint("w_ext_cert_policy_contains_noticeref", dict(kind="device", set={"cp": x509.CertificatePolicies([x509.PolicyInformation(ObjectIdentifier(PRIVATE_POLICY), [x509.UserNotice(x509.NoticeReference("Example Devices", [1]), "Read the CPS")])])}), dict(kind="device", set={"cp": x509.CertificatePolicies([x509.PolicyInformation(ObjectIdentifier(PRIVATE_POLICY), [x509.UserNotice(None, "Read the CPS")])])}))
lint("e_ext_cert_policy_explicit_text_ia5_string", dict(kind="device", set={"cp": notice_policies(tlv(0x16, b"Read the CPS"))}), dict(kind="device", set={"cp": notice_policies(tlv(0x0C, b"Read the CPS"))}))
lint("w_ext_cert_policy_explicit_text_not_utf8", dict(kind="device", set={"cp": notice_policies(tlv(0x1A, b"Read the CPS"))}), dict(kind="device", set={"cp": notice_policies(tlv(0x0C, b"Read the CPS"))}))
lint("e_ext_cert_policy_explicit_text_too_long", dict(kind="device", set={"cp": notice_policies(tlv(0x0C, b"r" * 201))}), dict(kind="device", set={"cp": notice_policies(tlv(0x0C, b"r" * 200))}))
lint("w_ext_cert_policy_explicit_text_includes_control", dict(kind="device", set={"cp": notice_policies(tlv(0x0C, b"Read\x07the CPS"))}), dict(kind="device", set={"cp": notice_policies(tlv(0x0C, b"Read the CPS"))}))
for lint_id, oid, limit in [
    ("e_subject_locality_name_max_length", NameOID.LOCALITY_NAME, 128),
    ("e_subject_state_name_max_length", NameOID.STATE_OR_PROVINCE_NAME, 128),
    ("e_subject_organizational_unit_name_max_length", NameOID.ORGANIZATIONAL_UNIT_NAME, 64),
    ("e_subject_postal_code_max_length", NameOID.POSTAL_CODE, 40),
    ("e_subject_street_address_max_length", NameOID.STREET_ADDRESS, 128),
    ("e_subject_dn_serial_number_max_length", NameOID.SERIAL_NUMBER, 64),
]:
    lint(lint_id, dict(kind="device", subject=device_subject((oid, "x" * (limit + 1)))), dict(kind="device", subject=device_subject((oid, "x" * limit))))
LONG_DOMAIN = "a" * 63 + "." + "b" * 63 + "." + "c" * 63 + "."
lint("e_subject_email_max_length", dict(kind="device", subject=device_subject((NameOID.EMAIL_ADDRESS, "alice@" + LONG_DOMAIN + "d" * 54 + ".com"))), dict(kind="device", subject=device_subject((NameOID.EMAIL_ADDRESS, "alice@" + LONG_DOMAIN + "d" * 53 + ".com"))))
SDA = raw("2.5.29.9", seq([seq([oid_der("1.3.6.1.5.5.7.9.1"), tlv(0x31, tlv(0x18, b"19700101000000Z"))])]))
lint("e_ext_subject_directory_attr_critical", dict(kind="device", set={"sda": (SDA, True)}), dict(kind="device", set={"sda": (SDA, False)}))
lint("e_superfluous_ku_encoding", dict(set={"ku": (raw("2.5.29.15", b"\x03\x03\x07\x80\x00"), True)}))
lint("e_incorrect_ku_encoding", dict(set={"ku": (raw("2.5.29.15", b"\x03\x02\x00\x80"), True)}))
lint("e_empty_sct_list", dict(set={"sct": raw("1.3.6.1.4.1.11129.2.4.2", tlv(0x04, b"\x00\x00"))}))
lint("e_precert_with_sct_list", dict(set={"poison": (x509.PrecertPoison(), True)}), dict(drop=["sct"], set={"poison": (x509.PrecertPoison(), True)}))
IAN_RAW = lambda *names: raw("2.5.29.18", seq(list(names)))
lint("e_ext_ian_space_dns_name", dict(set={"ian": IAN_RAW(tlv(0x82, b"ca .example.com"))}), dict(set={"ian": IAN_RAW(tlv(0x82, b"ca.example.com"))}))
lint("e_ext_ian_rfc822_format_invalid", dict(set={"ian": IAN_RAW(tlv(0x81, b"ca at example.com"))}), dict(set={"ian": IAN_RAW(tlv(0x81, b"ca@example.com"))}))
lint("e_ext_ian_uri_relative", dict(set={"ian": IAN_RAW(tlv(0x86, b"ca.example.com/issuer"))}), dict(set={"ian": IAN_RAW(tlv(0x86, b"http://ca.example.com/issuer"))}))
lint("e_ext_ian_uri_host_not_fqdn_or_ip", dict(set={"ian": IAN_RAW(tlv(0x86, b"http://ca..example.com/"))}), dict(set={"ian": IAN_RAW(tlv(0x86, b"http://ca.example.com:8080/issuer"))}))
lint("e_ext_san_uri_host_not_fqdn_or_ip", dict(kind="device", set={"san": san([x509.UniformResourceIdentifier("spiffe:///device/0001")])}), dict(kind="device", set={"san": san([x509.UniformResourceIdentifier("spiffe://example.com./device/0001")])}))
DNS_253 = "a" * 63 + "." + "b" * 63 + "." + "c" * 63 + "." + "d" * 61
lint("e_ext_san_dns_name_too_long", dict(kind="device", set={"san": san([dns(DNS_253 + "d")])}), dict(kind="device", set={"san": san([dns(DNS_253)])}))
lint("e_rfc_dnsname_hyphen_at_label_edge", dict(kind="device", set={"san": san([dns("device-0001-.example.com")])}), dict(kind="device", set={"san": san([dns("device-0001.example.com")])}))
lint("e_subject_given_name_max_length", dict(kind="device", subject=device_subject((NameOID.GIVEN_NAME, "x" * 32769))))
lint("e_subject_surname_max_length", dict(kind="device", subject=device_subject((NameOID.SURNAME, "x" * 32769))))
lint("e_subject_dn_serial_number_not_printable_string", dict(kind="device", subject=device_subject((NameOID.SERIAL_NUMBER, "SN-0001", _ASN1Type.UTF8String))), dict(kind="device", subject=device_subject((NameOID.SERIAL_NUMBER, "SN-0001"))))
lint("e_issuer_dn_country_not_printable_string", dict(issuer=name((NameOID.COUNTRY_NAME, "US", _ASN1Type.UTF8String), (NameOID.ORGANIZATION_NAME, "Certscope Test"), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))))
lint("w_eku_critical_improperly", dict(kind="device", set={"eku": (eku(CLIENT_AUTH, ANY_EKU), True)}), dict(kind="device", set={"eku": (eku(CLIENT_AUTH, ANY_EKU), False)}))
lint("w_ext_san_critical_with_subject_dn", dict(kind="device", set={"san": (san([x509.UniformResourceIdentifier("spiffe://example.com/device/0001")]), True)}))
SPIFFE = tlv(0x86, b"spiffe://example.com/device/0001")
lint("e_ext_san_ip_address_wrong_length", dict(kind="device", set={"san": raw("2.5.29.17", seq([SPIFFE, tlv(0x87, b"\x0a\x00\x00")]))}), dict(kind="device", set={"san": raw("2.5.29.17", seq([SPIFFE, tlv(0x87, b"\xc0\x00\x02\x01")]))}))
CA_KEY_ID = x509.AuthorityKeyIdentifier.from_issuer_public_key(K["ca"].public_key()).key_identifier
lint("e_ext_authority_key_identifier_issuer_serial_unpaired", dict(kind="device", set={"aki": raw("2.5.29.35", seq([tlv(0x80, CA_KEY_ID), tlv(0x82, b"\x30\x39")]))}), dict(kind="device", set={"aki": x509.AuthorityKeyIdentifier(CA_KEY_ID, [x509.DirectoryName(ROOT_NAME)], 12345)}))
lint("e_rfc822_name_domain_too_long", dict(kind="device", set={"san": raw("2.5.29.17", seq([SPIFFE, tlv(0x81, ("a@" + DNS_253 + "d").encode())]))}), dict(kind="device", set={"san": raw("2.5.29.17", seq([SPIFFE, tlv(0x81, ("a@" + DNS_253).encode())]))}))
lint("e_rdn_duplicate_attribute_type", dict(kind="device", subject=x509.Name([x509.RelativeDistinguishedName([x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Fleet"), x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Lab")]), x509.RelativeDistinguishedName([x509.NameAttribute(NameOID.COMMON_NAME, "device-0001")])])), dict(kind="device", subject=x509.Name([x509.RelativeDistinguishedName([x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Fleet"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example Devices")]), x509.RelativeDistinguishedName([x509.NameAttribute(NameOID.COMMON_NAME, "device-0001")])])))
lint("w_distribution_point_missing_ldap_or_uri", dict(kind="device", set={"crldp": crldp("ftp://crl.example.com/ca.crl")}), dict(kind="device", set={"crldp": crldp()}))
lint("w_ext_aia_access_location_missing", dict(kind="device", set={"aia": aia(ca_issuers="ftp://ca.example.com/ca.crt", ocsp=None)}), dict(kind="device", set={"aia": aia(ocsp=None)}))
lint("w_ext_policy_map_not_in_cert_policy", dict(kind="subca", set={"pm": (PM(PRIVATE_POLICY, POLICY_DV), True)}), dict(kind="subca", set={"cp": policies(POLICY_DV, PRIVATE_POLICY), "pm": (PM(PRIVATE_POLICY, POLICY_DV), True)}))
NC_RAW = lambda base: raw("2.5.29.30", seq([tlv(0xA0, seq([base]))]))
lint("w_name_constraint_on_edi_party_name", dict(kind="subca", set={"nc": (NC_RAW(tlv(0xA5, tlv(0xA1, tlv(0x0C, b"Example")))), True)}), dict(kind="subca", set={"nc": (NC, True)}))
lint("w_name_constraint_on_registered_id", dict(kind="subca", set={"nc": (NC_RAW(tlv(0x88, content(oid_der("1.3.6.1.4.1.55555.1")))), True)}), dict(kind="subca", set={"nc": (NC, True)}))
lint("e_ext_san_uri_host_too_long", dict(kind="device", set={"san": san([x509.UniformResourceIdentifier("spiffe://" + DNS_253 + "d/device/0001")])}), dict(kind="device", set={"san": san([x509.UniformResourceIdentifier("spiffe://" + DNS_253 + "/device/0001")])}))
lint("e_name_constraint_ip_address_wrong_length", dict(kind="subca", set={"nc": (NC_RAW(tlv(0x87, b"\x0a\x00\x00\x00\xff\x00\x00")), True)}), dict(kind="subca", set={"nc": (NC_RAW(tlv(0x87, b"\x0a\x00\x00\x00\xff\x00\x00\x00")), True)}))
lint("e_name_constraint_ip_address_mask_not_cidr", dict(kind="subca", set={"nc": (NC_RAW(tlv(0x87, b"\x0a\x00\x00\x00\xff\x00\xff\x00")), True)}), dict(kind="subca", set={"nc": (NC_RAW(tlv(0x87, b"\x0a\x00\x00\x00\xff\xff\x00\x00")), True)}))

# TLS BR: subject profiles, reverse zones, repeated attributes, Chrome's clientAuth rule
lint("e_cab_dv_subject_invalid_values", dict(subject=name((NameOID.LOCALITY_NAME, "Springfield"), (NameOID.COMMON_NAME, "www.example.com"))), dict(subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.COMMON_NAME, "www.example.com"))))
IV_SUBJECT = lambda *extra: name(*extra, (NameOID.GIVEN_NAME, "Alice"), (NameOID.SURNAME, "Example"), (NameOID.COMMON_NAME, "www.example.com"))
lint("e_cert_policy_iv_requires_country", dict(set={"cp": policies(POLICY_IV)}, subject=IV_SUBJECT((NameOID.LOCALITY_NAME, "Springfield"))), dict(set={"cp": policies(POLICY_IV)}, subject=IV_SUBJECT((NameOID.COUNTRY_NAME, "US"), (NameOID.LOCALITY_NAME, "Springfield"))))
lint("e_cert_policy_iv_requires_province_or_locality", dict(set={"cp": policies(POLICY_IV)}, subject=IV_SUBJECT((NameOID.COUNTRY_NAME, "US"))), dict(set={"cp": policies(POLICY_IV)}, subject=IV_SUBJECT((NameOID.COUNTRY_NAME, "US"), (NameOID.STATE_OR_PROVINCE_NAME, "Illinois"))))
OV_SUBJECT = lambda *extra: name((NameOID.COUNTRY_NAME, "US"), *extra, (NameOID.ORGANIZATION_NAME, "Example Corp"), (NameOID.COMMON_NAME, "www.example.com"))
lint("e_cert_policy_ov_requires_province_or_locality", dict(set={"cp": policies(POLICY_OV)}, subject=OV_SUBJECT()), dict(set={"cp": policies(POLICY_OV)}, subject=OV_SUBJECT((NameOID.LOCALITY_NAME, "Springfield"))))
lint("e_arpa_domain_not_allowed", dict(set={"san": san([dns("www.example.com"), dns("1.0.0.10.in-addr.arpa")])}), dict(set={"san": san([dns("www.example.com"), dns("in-addr.arpa.example.com")])}))
lint("e_duplicate_subject_attribs", dict(kind="subca", subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "Certscope Test"), (NameOID.ORGANIZATION_NAME, "Certscope Labs"), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))), dict(kind="subca", subject=name((NameOID.DOMAIN_COMPONENT, "com"), (NameOID.DOMAIN_COMPONENT, "example"), (NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "Certscope Test"), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))))
lint("e_client_auth_not_allowed", dict(set={"eku": eku(SERVER_AUTH, CLIENT_AUTH)}, not_before=day(2027, 4, 1), days=90), dict(set={"eku": eku(SERVER_AUTH, CLIENT_AUTH)}))
lint("e_invalid_subject_rdn_order", dict(subject=name((NameOID.COMMON_NAME, "www.example.com"), (NameOID.COUNTRY_NAME, "US"))), dict(subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.COMMON_NAME, "www.example.com"))))
lint("e_sub_cert_country_name_must_appear", dict(set={"cp": policies(POLICY_OV)}, subject=name((NameOID.LOCALITY_NAME, "Springfield"), (NameOID.ORGANIZATION_NAME, "Example Corp"), (NameOID.COMMON_NAME, "www.example.com"))), dict(set={"cp": policies(POLICY_OV)}, subject=OV_SUBJECT((NameOID.LOCALITY_NAME, "Springfield"))))
lint("e_sub_cert_locality_name_must_appear", dict(set={"cp": policies(POLICY_OV)}, subject=OV_SUBJECT()), dict(set={"cp": policies(POLICY_OV)}, subject=OV_SUBJECT((NameOID.STATE_OR_PROVINCE_NAME, "Illinois"))))
for lint_id, oid, value in [
    ("e_sub_cert_locality_name_must_not_appear", NameOID.LOCALITY_NAME, "Springfield"),
    ("e_sub_cert_province_must_not_appear", NameOID.STATE_OR_PROVINCE_NAME, "Illinois"),
    ("e_sub_cert_postal_code_must_not_appear", NameOID.POSTAL_CODE, "62701"),
    ("e_sub_cert_street_address_should_not_exist", NameOID.STREET_ADDRESS, "1 Main Street"),
]:
    located = [] if oid == NameOID.LOCALITY_NAME else [(NameOID.LOCALITY_NAME, "Springfield")]
    if oid == NameOID.STATE_OR_PROVINCE_NAME:
        located = []
    lint(lint_id, dict(subject=name((NameOID.COUNTRY_NAME, "US"), (oid, value), (NameOID.COMMON_NAME, "www.example.com"))), dict(set={"cp": policies(POLICY_OV)}, subject=OV_SUBJECT(*sorted(located + [(oid, value)], key=lambda p: [NameOID.STATE_OR_PROVINCE_NAME, NameOID.LOCALITY_NAME, NameOID.POSTAL_CODE, NameOID.STREET_ADDRESS].index(p[0])))))
lint("e_subject_contains_noninformational_value", dict(set={"cp": policies(POLICY_OV)}, subject=OV_SUBJECT((NameOID.STATE_OR_PROVINCE_NAME, "-"), (NameOID.LOCALITY_NAME, "Springfield"))), dict(set={"cp": policies(POLICY_OV)}, subject=OV_SUBJECT((NameOID.STATE_OR_PROVINCE_NAME, "Illinois"), (NameOID.LOCALITY_NAME, "Springfield"))))
lint("e_crlissuer_must_not_be_present_in_cdp", dict(set={"crldp": x509.CRLDistributionPoints([x509.DistributionPoint([x509.UniformResourceIdentifier("http://crl.example.com/ca.crl")], None, None, [x509.DirectoryName(CA_NAME)])])}))
lint("e_aia_must_contain_permitted_access_method", dict(set={"aia": x509.AuthorityInformationAccess(list(aia()) + [x509.AccessDescription(ObjectIdentifier("1.3.6.1.5.5.7.48.5"), x509.UniformResourceIdentifier("http://ca.example.com/repository/"))])}))
lint("e_sub_cert_excessively_backdated", dict(not_before=day(2026, 5, 29)), dict(not_before=day(2026, 5, 30) + datetime.timedelta(hours=1)))
lint("e_root_ca_aki_not_equal_ski", dict(kind="root", set={"aki": aki(K["ca"])}), dict(kind="root", set={"aki": aki(K["root"])}), rule_set="tls-br")
lint("e_ca_key_usage_prohibited_bits", dict(kind="subca", set={"ku": (key_usage("digital_signature", "key_cert_sign", "crl_sign", "key_encipherment"), True)}))
lint("e_sub_cert_any_policy_present", dict(set={"cp": policies(POLICY_DV, "2.5.29.32.0")}))
lint("e_sub_ca_any_policy_with_other_policies", dict(kind="subca", set={"cp": policies("2.5.29.32.0", POLICY_DV)}), dict(kind="subca", set={"cp": policies("2.5.29.32.0")}), rule_set="tls-br")
lint("e_subject_rdn_multiple_attributes", dict(kind="subca", subject=x509.Name([x509.RelativeDistinguishedName([x509.NameAttribute(NameOID.COUNTRY_NAME, "US")]), x509.RelativeDistinguishedName([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Certscope Test"), x509.NameAttribute(NameOID.COMMON_NAME, "Certscope Test Issuing CA")])])))
lint("w_sub_cert_key_usage_missing", dict(drop=["ku"]))
lint("e_root_ca_validity_out_of_range", dict(kind="root", days=9133), dict(kind="root", days=9132), rule_set="tls-br")
lint("w_crl_distribution_points_multiple", dict(set={"crldp": x509.CRLDistributionPoints([x509.DistributionPoint([x509.UniformResourceIdentifier("http://crl.example.com/ca.crl")], None, None, None), x509.DistributionPoint([x509.UniformResourceIdentifier("http://crl2.example.com/ca.crl")], None, None, None)])}))
lint("e_sub_cert_sct_list_critical", dict(set={"sct": (sct_list(), True)}))
lint("w_root_ca_contains_cert_policy", dict(kind="root", set={"cp": policies("2.5.29.32.0")}), rule_set="tls-br")
lint("w_root_ca_basic_constraints_path_len_constraint_field_present", dict(kind="root", set={"bc": (x509.BasicConstraints(True, 1), True)}), rule_set="tls-br")
lint("e_sub_ca_eku_critical", dict(kind="subca", set={"eku": (eku(SERVER_AUTH, CLIENT_AUTH), True)}))
lint("e_sub_cert_certificate_policies_critical", dict(set={"cp": (policies(POLICY_DV), True)}))
lint("e_sub_ca_certificate_policies_critical", dict(kind="subca", set={"cp": (policies(POLICY_DV), True)}))
lint("w_cabf_ecc_ku_keyagreement_present", dict(set={"ku": (key_usage("digital_signature", "key_agreement"), True)}))

# S/MIME BR
lint("e_smime_eku_email_protection_missing", dict(kind="smime", set={"eku": eku(CLIENT_AUTH)}), dict(kind="smime"), rule_set="smime-br")
MULTIPURPOSE = policies("2.23.140.1.5.1.2")
lint("e_smime_eku_prohibited_values", dict(kind="smime", set={"eku": eku(EMAIL, SERVER_AUTH), "cp": MULTIPURPOSE}), dict(kind="smime", set={"eku": eku(EMAIL, CLIENT_AUTH), "cp": MULTIPURPOSE}), rule_set="smime-br")
lint("e_smime_strict_eku_extra_values", dict(kind="smime", set={"eku": eku(EMAIL, CLIENT_AUTH)}), dict(kind="smime", set={"eku": eku(EMAIL, CLIENT_AUTH), "cp": policies("2.23.140.1.5.1.2")}))
lint("e_smime_san_mailbox_missing", dict(kind="smime", set={"san": san([x509.UniformResourceIdentifier("mailto:alice@example.com")])}), dict(kind="smime"))
lint("e_smime_subject_email_not_in_san", dict(kind="smime", subject=name((NameOID.COMMON_NAME, "alice@example.com"), (NameOID.EMAIL_ADDRESS, "bob@example.com"))), dict(kind="smime", subject=name((NameOID.COMMON_NAME, "alice@example.com"), (NameOID.EMAIL_ADDRESS, "alice@example.com"))))
lint("e_smime_policy_missing", dict(kind="smime", set={"cp": policies(PRIVATE_POLICY)}), dict(kind="smime"), rule_set="smime-br")
lint("e_smime_key_usage_missing", dict(kind="smime", drop=["ku"]), dict(kind="smime"))
lint("w_smime_key_usage_not_critical", dict(kind="smime", set={"ku": (key_usage("digital_signature", "key_encipherment"), False)}), dict(kind="smime"))
lint("e_smime_crl_distribution_points_missing", dict(kind="smime", drop=["crldp"]), dict(kind="smime"))
lint("e_smime_validity_longer_than_825_days", dict(kind="smime", days=826), dict(kind="smime", days=825))
lint("e_smime_rsa_mod_less_than_2048_bits", dict(kind="smime", key=K["rsa1024"], set={"ski": ski(K["rsa1024"])}), dict(kind="smime"))

# Code signing BR
lint("e_code_signing_eku_code_signing_missing", dict(kind="code", set={"eku": eku("1.3.6.1.5.5.7.3.17")}), dict(kind="code"), rule_set="code-signing-br")
lint("e_code_signing_eku_any_extended_key_usage", dict(kind="code", set={"eku": eku(CODE, ANY_EKU)}), dict(kind="code"))
lint("w_code_signing_eku_extra_values", dict(kind="code", set={"eku": eku(CODE, EMAIL)}), dict(kind="code", set={"eku": eku(CODE, "1.3.6.1.4.1.311.10.3.13")}))
lint("e_code_signing_key_usage_digital_signature_missing", dict(kind="code", set={"ku": key_usage("content_commitment")}), dict(kind="code"))
lint("e_code_signing_key_usage_not_critical", dict(kind="code", set={"ku": (key_usage("digital_signature"), False)}), dict(kind="code"))
lint("e_code_signing_rsa_mod_less_than_3072_bits", dict(kind="code", key=K["leaf_rsa"], set={"ski": ski(K["leaf_rsa"])}), dict(kind="code", key=K["leaf_rsa"], set={"ski": ski(K["leaf_rsa"])}, not_before=day(2021, 5, 1)))
lint("e_code_signing_validity_longer_than_39_months", dict(kind="code", days=1189), dict(kind="code", days=1188))
lint("e_code_signing_validity_longer_than_460_days", dict(kind="code", days=461), dict(kind="code", days=460))
lint("e_code_signing_policy_missing", dict(kind="code", set={"cp": policies(PRIVATE_POLICY)}), dict(kind="code", set={"cp": policies("2.23.140.1.3")}), rule_set="code-signing-br")
lint("e_code_signing_crl_distribution_points_missing", dict(kind="code", drop=["crldp"]), dict(kind="code"))
lint("e_code_signing_aia_ca_issuers_missing", dict(kind="code", set={"aia": aia(ca_issuers=None)}), dict(kind="code"))
CODE_SUBJECT = lambda *pairs: name(*pairs, (NameOID.COMMON_NAME, "Example Corp"))
lint("e_cs_requires_org", dict(kind="code", subject=CODE_SUBJECT((NameOID.COUNTRY_NAME, "US"), (NameOID.STATE_OR_PROVINCE_NAME, "California"), (NameOID.LOCALITY_NAME, "San Francisco"))), dict(kind="code", subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.STATE_OR_PROVINCE_NAME, "California"), (NameOID.LOCALITY_NAME, "San Francisco"), (NameOID.SURNAME, "Example"), (NameOID.GIVEN_NAME, "Alice"), (NameOID.COMMON_NAME, "Alice Example"))))
lint("e_cs_subject_country_name", dict(kind="code", subject=CODE_SUBJECT((NameOID.STATE_OR_PROVINCE_NAME, "California"), (NameOID.LOCALITY_NAME, "San Francisco"), (NameOID.ORGANIZATION_NAME, "Example Corp"))))
lint("e_cs_subject_locality_or_province_required", dict(kind="code", subject=CODE_SUBJECT((NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "Example Corp"))), dict(kind="code", subject=CODE_SUBJECT((NameOID.COUNTRY_NAME, "US"), (NameOID.STATE_OR_PROVINCE_NAME, "California"), (NameOID.ORGANIZATION_NAME, "Example Corp"))))
lint("e_cs_aia_ocsp_not_http", dict(kind="code", set={"aia": aia(ocsp="https://ocsp.example.com")}), dict(kind="code", set={"aia": aia()}))
lint("e_cs_ecdsa_prohibited_curve", dict(kind="code", key=K["secp256k1"], set={"ski": ski(K["secp256k1"])}), dict(kind="code", key=K["leaf_ec"], set={"ski": ski(K["leaf_ec"])}))
lint("e_cs_signature_algorithm_not_supported", dict(kind="code", hash_algorithm=hashes.SHA1()))

# Device identity
lint("e_device_eku_client_auth_missing", dict(kind="device", set={"eku": eku("1.3.6.1.5.5.7.3.17")}), dict(kind="device"), rule_set="device")
lint("e_device_key_usage_digital_signature_missing", dict(kind="device", set={"ku": key_usage("key_agreement")}), dict(kind="device"))
lint("n_device_key_usage_missing", dict(kind="device", drop=["ku"]), dict(kind="device"))
lint("w_device_san_dns_name_without_server_auth", dict(kind="device", set={"san": san([x509.UniformResourceIdentifier("spiffe://example.com/device/0001"), dns("device-0001.example.com")])}), dict(kind="device", set={"eku": eku(SERVER_AUTH, CLIENT_AUTH), "san": san([x509.UniformResourceIdentifier("spiffe://example.com/device/0001"), dns("device-0001.example.com")])}), rule_set="device")
lint("w_device_identifier_missing", dict(kind="device", drop=["san"]), dict(kind="device", drop=["san"], subject=name((NameOID.SERIAL_NUMBER, "SN-0001"), (NameOID.COMMON_NAME, "device-0001"))))
lint("w_device_validity_longer_than_825_days", dict(kind="device", days=3650), dict(kind="device", not_after=datetime.datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)))
lint("e_device_key_too_small", dict(kind="device", key=K["rsa1024"], set={"ski": ski(K["rsa1024"])}), dict(kind="device"))
lint("w_device_eku_any_extended_key_usage", dict(kind="device", set={"eku": eku(CLIENT_AUTH, ANY_EKU)}), dict(kind="device"))
lint("e_device_weak_signature_algorithm", dict(kind="device", hash_algorithm=hashes.SHA1()), dict(kind="device"))


# Issue 22, the rest of the zlint and pkilint rows: name constraints, key usage, subject
# attributes, the TLS subject profiles and the S/MIME BR profile rules.
X400_NC = NC_RAW(tlv(0xA3, seq([])))
lint("w_name_constraint_on_x400", dict(kind="subca", set={"nc": (X400_NC, True)}), dict(kind="subca", set={"nc": (NC, True)}))
lint("e_name_constraint_not_fqdn", dict(kind="subca", set={"nc": (NC_RAW(tlv(0x86, b"http://example.com/")), True)}), dict(kind="subca", set={"nc": (NC_RAW(tlv(0x86, b".example.com")), True)}))
lint("w_key_usage_encipher_and_decipher_only", dict(kind="device", set={"ku": (key_usage("digital_signature", "key_agreement", "encipher_only", "decipher_only"), True)}), dict(kind="device", set={"ku": (key_usage("digital_signature", "key_agreement", "encipher_only"), True)}))
lint("n_end_entity_ca_only_extension", dict(kind="device", set={"pc": (x509.PolicyConstraints(0, None), True)}))
lint("w_subject_dc_not_domain_label", dict(kind="device", subject=device_subject((NameOID.DOMAIN_COMPONENT, "example_com"))), dict(kind="device", subject=device_subject((NameOID.DOMAIN_COMPONENT, "com"), (NameOID.DOMAIN_COMPONENT, "example"))))
lint("w_subject_given_name_recommended_max_length", dict(kind="device", subject=device_subject((NameOID.GIVEN_NAME, "G" * 17))), dict(kind="device", subject=device_subject((NameOID.GIVEN_NAME, "G" * 16))))
lint("w_subject_surname_recommended_max_length", dict(kind="device", subject=device_subject((NameOID.SURNAME, "S" * 41))), dict(kind="device", subject=device_subject((NameOID.SURNAME, "S" * 40))))
SMIME_CAPABILITIES = lambda: raw("1.2.840.113549.1.9.15", seq([seq([oid_der("2.16.840.1.101.3.4.1.42")])]))
lint("w_smime_capabilities_critical", dict(kind="device", set={"caps": (SMIME_CAPABILITIES(), True)}), dict(kind="device", set={"caps": (SMIME_CAPABILITIES(), False)}))
lint("w_rsa_allowed_ku_no_encipherment_ca", dict(kind="subca", set={"ku": (key_usage("digital_signature", "key_cert_sign", "crl_sign", "key_encipherment"), True)}))


def rsa_modulus_with_factor_3(tbs):
    n = K["leaf_rsa"].public_key().public_numbers().n
    n -= n % 3
    if n % 2 == 0:
        n -= 3
    key = seq([integer(n), integer(65537)])
    tbs.items[tbs.index("spki")] = seq([seq([oid_der("1.2.840.113549.1.1.1"), NULL]), tlv(0x03, b"\x00" + key)])


OV_SUBJECT = [(NameOID.COUNTRY_NAME, "US"), (NameOID.STATE_OR_PROVINCE_NAME, "California"), (NameOID.LOCALITY_NAME, "San Francisco")]
lint("w_subject_common_name_included", dict(subject=name((NameOID.COMMON_NAME, "www.example.com"))))
lint("w_sub_cert_subject_attribute_not_recommended", dict(set={"cp": policies(POLICY_OV)}, subject=name(*OV_SUBJECT, (NameOID.POSTAL_CODE, "94103"), (NameOID.ORGANIZATION_NAME, "Example Corp"))), dict(set={"cp": policies(POLICY_OV)}, subject=name(*OV_SUBJECT, (NameOID.ORGANIZATION_NAME, "Example Corp"))))
lint("e_sub_cert_given_name_surname_contains_correct_policy", dict(set={"cp": policies(POLICY_OV)}, subject=name(*OV_SUBJECT, (NameOID.ORGANIZATION_NAME, "Example Corp"), (NameOID.SURNAME, "Example"), (NameOID.GIVEN_NAME, "Alice"))), dict(set={"cp": policies(POLICY_IV)}, subject=name(*OV_SUBJECT, (NameOID.SURNAME, "Example"), (NameOID.GIVEN_NAME, "Alice"))))
AKI_WITH_ISSUER = x509.AuthorityKeyIdentifier(aki(K["ca"]).key_identifier, [x509.DirectoryName(ROOT_NAME)], 4242)
lint("e_authority_key_identifier_has_issuer_cert", dict(set={"aki": AKI_WITH_ISSUER}))
lint("w_rsa_mod_factors_smaller_than_752", dict(key=K["leaf_rsa"], mutate=rsa_modulus_with_factor_3, set={"ski": ski(K["leaf_rsa"]), "ku": key_usage("digital_signature", "key_encipherment")}), dict(key=K["leaf_rsa"], set={"ski": ski(K["leaf_rsa"]), "ku": key_usage("digital_signature", "key_encipherment")}))
lint("e_ext_nc_intersects_reserved_ip", dict(kind="subca", set={"nc": (NC_RAW(tlv(0x87, bytes([10, 0, 0, 0, 255, 0, 0, 0]))), True)}), dict(kind="subca", set={"nc": (NC_RAW(tlv(0x87, bytes([8, 8, 8, 0, 255, 255, 255, 0]))), True)}))
lint("e_cs_subject_prohibited", dict(kind="code", subject=name((NameOID.DOMAIN_COMPONENT, "com"), (NameOID.COUNTRY_NAME, "US"), (NameOID.STATE_OR_PROVINCE_NAME, "California"), (NameOID.LOCALITY_NAME, "San Francisco"), (NameOID.ORGANIZATION_NAME, "Example Corp"), (NameOID.COMMON_NAME, "Example Corp"))))

MAILBOX_LEGACY, MAILBOX_MULTI = "2.23.140.1.5.1.1", "2.23.140.1.5.1.2"
ORG_STRICT, INDIVIDUAL_STRICT = "2.23.140.1.5.2.3", "2.23.140.1.5.4.3"
ALICE = (NameOID.COMMON_NAME, "alice@example.com")
ORG_SMIME_SUBJECT = [(NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "Example Corp")]
lint("e_mailbox_validated_enforce_subject_field_restrictions", dict(kind="smime", subject=name((NameOID.ORGANIZATION_NAME, "Example Corp"), ALICE)), dict(kind="smime", subject=name((NameOID.SERIAL_NUMBER, "A1234"), ALICE, (NameOID.EMAIL_ADDRESS, "alice@example.com"))))
lint("e_commonname_mailbox_validated", dict(kind="smime", subject=name((NameOID.COMMON_NAME, "Alice Example"))))
lint("e_org_validated_invalid_cn", dict(kind="smime", set={"cp": policies(ORG_STRICT)}, subject=name(*ORG_SMIME_SUBJECT, (NameOID.COMMON_NAME, "Sales Team"))), dict(kind="smime", set={"cp": policies(ORG_STRICT)}, subject=name(*ORG_SMIME_SUBJECT, (NameOID.COMMON_NAME, "Example Corp"))))
lint("e_invalid_individual_identity", dict(kind="smime", set={"cp": policies(INDIVIDUAL_STRICT)}, subject=name((NameOID.COUNTRY_NAME, "US"), ALICE)), dict(kind="smime", set={"cp": policies(INDIVIDUAL_STRICT)}, subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.GIVEN_NAME, "Alice"), (NameOID.SURNAME, "Example"), (NameOID.COMMON_NAME, "Alice Example"))))
lint("e_smime_pseudonym_with_personal_name", dict(kind="smime", set={"cp": policies(INDIVIDUAL_STRICT)}, subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.GIVEN_NAME, "Alice"), (NameOID.PSEUDONYM, "Ace"), (NameOID.COMMON_NAME, "Ace"))), dict(kind="smime", set={"cp": policies(INDIVIDUAL_STRICT)}, subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.PSEUDONYM, "Ace"), (NameOID.COMMON_NAME, "Ace"))))
lint("e_single_email_subject_if_present", dict(kind="smime", subject=name(ALICE, (NameOID.EMAIL_ADDRESS, "alice@example.com, bob@example.com"))), dict(kind="smime", subject=name(ALICE, (NameOID.EMAIL_ADDRESS, "alice@example.com"))))
lint("e_smime_strict_aia_shall_have_http_only", dict(kind="smime", set={"aia": aia(ocsp=None, ca_issuers="ldap://ldap.example.com/cn=CA")}))
lint("e_smime_legacy_aia_shall_have_one_http", dict(kind="smime", set={"cp": policies(MAILBOX_MULTI), "aia": aia(ocsp=None, ca_issuers="ldap://ldap.example.com/cn=CA")}), dict(kind="smime", set={"cp": policies(MAILBOX_MULTI)}))
lint("e_subscribers_crl_distribution_points_are_http", dict(kind="smime", set={"crldp": crldp("ldap://ldap.example.com/cn=CRL")}))
QC_STATEMENTS = lambda: raw("1.3.6.1.5.5.7.1.3", seq([seq([oid_der("0.4.0.1862.1.1")])]))
lint("e_smime_qc_statements_must_not_be_critical", dict(kind="smime", set={"qc": (QC_STATEMENTS(), True)}), dict(kind="smime", set={"qc": (QC_STATEMENTS(), False)}))
SDA = lambda: raw("2.5.29.9", seq([seq([oid_der("1.3.6.1.5.5.7.9.1"), tlv(0x31, tlv(0x18, b"19800101000000Z"))])]))
lint("e_strict_multipurpose_smime_ext_subject_directory_attr", dict(kind="smime", set={"sda": SDA()}), dict(kind="smime", set={"cp": policies("2.23.140.1.5.4.1"), "sda": SDA()}, subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.GIVEN_NAME, "Alice"), (NameOID.SURNAME, "Example"), (NameOID.COMMON_NAME, "Alice Example")), not_before=day(2025, 1, 1)))
ADOBE_TS = lambda: raw("1.2.840.113583.1.1.9.1", seq([integer(1), tlv(0x86, b"http://ts.example.com/")]))
lint("e_adobe_extensions_strict_presence", dict(kind="smime", set={"adobe": ADOBE_TS()}), dict(kind="smime", set={"cp": policies(MAILBOX_MULTI), "adobe": ADOBE_TS()}))
lint("e_adobe_extensions_legacy_multipurpose_criticality", dict(kind="smime", set={"cp": policies(MAILBOX_MULTI), "adobe": (ADOBE_TS(), True)}), dict(kind="smime", set={"cp": policies(MAILBOX_MULTI), "adobe": (ADOBE_TS(), False)}))
LEI = lambda: raw("1.3.6.1.4.1.52266.1", tlv(0x13, b"5493001KJTIIGC8Y1R12"))
lint("e_legal_entity_identifier", dict(kind="smime", set={"lei": LEI()}), dict(kind="smime", set={"cp": policies(ORG_STRICT), "lei": LEI()}, subject=name(*ORG_SMIME_SUBJECT, (NameOID.COMMON_NAME, "Example Corp"))))
lint("w_san_should_not_be_critical", dict(kind="smime", set={"san": (san([x509.RFC822Name("alice@example.com")]), True)}))
lint("e_smime_any_policy_present", dict(kind="smime", set={"cp": policies("2.23.140.1.5.1.3", "2.5.29.32.0")}))
NOTICE_POLICY = lambda reference: x509.CertificatePolicies([x509.PolicyInformation(ObjectIdentifier("2.23.140.1.5.1.3"), [x509.UserNotice(reference, "Mailbox validated")])])
lint("e_smime_user_notice_has_notice_ref", dict(kind="smime", set={"cp": NOTICE_POLICY(x509.NoticeReference("Example CA", [1]))}), dict(kind="smime", set={"cp": NOTICE_POLICY(None)}))
lint("e_legacy_generation_deprecated", dict(kind="smime", set={"cp": policies(MAILBOX_LEGACY)}), dict(kind="smime", set={"cp": policies(MAILBOX_LEGACY)}, not_before=day(2025, 1, 1)))
lint("e_invalid_spki_algoid", dict(kind="smime", mutate=spki_without_null))
lint("e_smime_signature_algorithm_encoding", dict(kind="smime", mutate=drop_signature_null))
lint("e_smime_authority_key_identifier_has_issuer", dict(kind="smime", set={"aki": AKI_WITH_ISSUER}))


def ec_point_off_curve(tbs):
    i = tbs.index("spki")
    algorithm, key = split(content(tbs.items[i]))
    body = bytearray(content(key))
    body[-1] ^= 1
    tbs.items[i] = seq([algorithm, tlv(0x03, bytes(body))])


SMTP_UTF8 = lambda text: x509.OtherName(ObjectIdentifier("1.3.6.1.5.5.7.8.9"), tlv(0x0C, text.encode()))
lint("e_international_dns_name_not_unicode", dict(set={"san": san([dns("xn--99999999999999.example.com")])}), dict(set={"san": san([dns("xn--bcher-kva.example.com")])}))
lint("e_smtp_utf8_mailbox_invalid", dict(kind="smime", set={"san": san([x509.RFC822Name("alice@example.com"), SMTP_UTF8("alice@example.com")])}), dict(kind="smime", set={"san": san([x509.RFC822Name("alice@example.com"), SMTP_UTF8("\u00e1lice@example.com")])}))
lint("e_ec_public_key_not_on_curve", dict(mutate=ec_point_off_curve))
lint("w_sub_cert_aia_contains_internal_names", dict(set={"aia": aia(ca_issuers="http://ca.corp/ca.crt")}))
lint("w_sub_ca_eku_not_recommended", dict(kind="subca", set={"eku": eku(SERVER_AUTH, CLIENT_AUTH, "1.3.6.1.5.5.7.3.17")}))
lint("w_ca_subject_attribute_not_recommended", dict(kind="subca", subject=name((NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "Certscope Test"), (NameOID.SERIAL_NUMBER, "1"), (NameOID.COMMON_NAME, "Certscope Test Issuing CA"))))
lint("w_name_constraint_dirname_excluded", dict(kind="subca", set={"nc": (x509.NameConstraints([x509.DNSName("example.com")], [x509.DirectoryName(name((NameOID.COUNTRY_NAME, "US")))]), True)}), dict(kind="subca", set={"nc": (NC, True)}))
ROOT_NAME_PRINTABLE = name((NameOID.COUNTRY_NAME, "US"), (NameOID.ORGANIZATION_NAME, "Certscope Test", _ASN1Type.PrintableString), (NameOID.COMMON_NAME, "Certscope Test Root", _ASN1Type.PrintableString))
lint("e_root_ca_issuer_not_byte_identical_to_subject", dict(kind="root", issuer=ROOT_NAME_PRINTABLE), rule_set="tls-br")
lint("w_first_policy_not_reserved", dict(set={"cp": policies(PRIVATE_POLICY, POLICY_DV)}))
RSA_LEAF = dict(key=K["leaf_rsa"])
lint("w_sub_cert_rsa_key_usage_digital_signature_missing", dict(**RSA_LEAF, set={"ski": ski(K["leaf_rsa"]), "ku": key_usage("key_encipherment")}), dict(**RSA_LEAF, set={"ski": ski(K["leaf_rsa"]), "ku": key_usage("digital_signature")}))
lint("w_sub_cert_rsa_digital_signature_and_key_encipherment", dict(**RSA_LEAF, set={"ski": ski(K["leaf_rsa"]), "ku": key_usage("digital_signature", "key_encipherment")}), dict(**RSA_LEAF, set={"ski": ski(K["leaf_rsa"]), "ku": key_usage("digital_signature")}))
lint("w_smime_aia_contains_internal_names", dict(kind="smime", set={"aia": aia(ocsp=None, ca_issuers="http://ca.internal/ca.crt")}))
ORG_ID = lambda value, country="US": name((NameOID.COUNTRY_NAME, country), (NameOID.ORGANIZATION_NAME, "Example Corp"), (NameOID.ORGANIZATION_IDENTIFIER, value), (NameOID.COMMON_NAME, "Example Corp"))
lint("e_subject_organization_identifier_invalid", dict(kind="smime", set={"cp": policies(ORG_STRICT)}, subject=ORG_ID("LEIXG-5493001KJTIIGC8Y1R13")), dict(kind="smime", set={"cp": policies(ORG_STRICT)}, subject=ORG_ID("LEIXG-5493001KJTIIGC8Y1R12")))
lint("e_registration_scheme_id_matches_subject_country", dict(kind="smime", set={"cp": policies(ORG_STRICT)}, subject=ORG_ID("NTRDE-HRB12345")), dict(kind="smime", set={"cp": policies(ORG_STRICT)}, subject=ORG_ID("NTRDE-HRB12345", "DE")))


lint("e_smime_san_prohibited_type", dict(kind="smime", set={"san": san([x509.RFC822Name("alice@example.com"), dns("mail.example.com")])}), dict(kind="smime", set={"san": san([x509.RFC822Name("alice@example.com"), x509.DirectoryName(name((NameOID.COMMON_NAME, "Alice")))])}))


lint("w_extension_not_in_profile", dict(set={"private": raw("1.3.6.1.4.1.55555.1.2", NULL)}))


# Scenarios of the rule-set selection (tests/lint_selection.rs), not tied to one lint.
SCENARIOS = {
    # A leaf asserting the DV policy with SHA-1, RSA-1024, a 24-octet serial, ten years, no
    # SAN, keyCertSign and anyExtendedKeyUsage alone (so its purpose alone says "other").
    "dv-claim-leaf": dict(
        key=K["rsa1024"],
        hash_algorithm=hashes.SHA1(),
        mutate=set_serial(b"\x7f" + b"\x5a" * 23),
        not_before=day(2025, 1, 1),
        days=3650,
        drop=["san", "sct"],
        set={"ku": key_usage("digital_signature", "key_cert_sign"), "eku": eku(ANY_EKU), "ski": ski(K["rsa1024"])},
    ),
    # The issuing CA of a private device fleet: clientAuth and serverAuth, no policies.
    "private-fleet-ca": dict(
        kind="subca",
        subject=name((NameOID.ORGANIZATION_NAME, "Example Devices"), (NameOID.COMMON_NAME, "Example Fleet Issuing CA")),
        drop=["cp", "crldp", "aia"],
        set={"eku": eku(CLIENT_AUTH, SERVER_AUTH)},
    ),
}


def pem(der):
    import base64

    body = base64.b64encode(der).decode()
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "-----BEGIN CERTIFICATE-----\n" + "\n".join(lines) + "\n-----END CERTIFICATE-----\n"


def main():
    out = os.path.join(HERE, "certs")
    os.makedirs(out, exist_ok=True)
    for stale in os.listdir(out):
        os.remove(os.path.join(out, stale))
    manifest = []
    bases = {}
    for id, positive, negative, rule_set in FIXTURES:
        positive = dict(positive)
        kind = positive.pop("kind", "tls")
        files = {}
        with open(os.path.join(out, id + ".pem"), "w") as f:
            f.write(pem(build(id, kind, **positive)))
        files["positive"] = "certs/" + id + ".pem"
        if negative is None:
            if kind not in bases:
                bases[kind] = "certs/base-" + kind + ".pem"
                with open(os.path.join(HERE, bases[kind]), "w") as f:
                    f.write(pem(build("base-" + kind, kind)))
            files["negative"] = bases[kind]
        else:
            negative = dict(negative)
            negative_kind = negative.pop("kind", kind)
            FIXTURE_KINDS[id + ".ok"] = negative_kind
            with open(os.path.join(out, id + ".ok.pem"), "w") as f:
                f.write(pem(build(id + ".ok", negative_kind, **negative)))
            files["negative"] = "certs/" + id + ".ok.pem"
        manifest.append(dict(id=id, rule_set=rule_set, kind=kind, negative_kind=FIXTURE_KINDS.get(id + ".ok", kind), **files))
    for scenario, fields in SCENARIOS.items():
        fields = dict(fields)
        kind = fields.pop("kind", "tls")
        with open(os.path.join(out, "scenario-" + scenario + ".pem"), "w") as f:
            f.write(pem(build("scenario-" + scenario, kind, **fields)))
    for kind in ("tls", "subca", "root", "smime", "code", "device"):
        if kind not in bases:
            bases[kind] = "certs/base-" + kind + ".pem"
            with open(os.path.join(HERE, bases[kind]), "w") as f:
                f.write(pem(build("base-" + kind, kind)))
    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        json.dump(dict(bases=bases, lints=manifest), f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(manifest)} lints, {len(os.listdir(out))} certificates")


if __name__ == "__main__":
    main()
