#!/usr/bin/env python3
"""Prints what Python `cryptography` decodes from every certificate in a PEM file, in the
canonical shape `tests/report_oracle.rs` builds from certscope's report, as one JSON list.

Usage: oracle.py FILE.pem

Only what `cryptography` decodes itself is printed; an extension it does not know has the value
null (the Rust side then compares the OID and criticality only). When `cryptography` refuses the
extensions as a whole (a malformed one), "extensions" is the string "error".
"""
import base64
import hashlib
import ipaddress
import json
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtensionOID

CURVES = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}


def attributes(name):
    return [[a.oid.dotted_string, a.value if isinstance(a.value, str) else a.value.hex()]
            for rdn in name.rdns for a in rdn]


def der_text(value):
    # otherName values: a UTF8String (tag 0x0c) with a short length is shown as text.
    if len(value) >= 2 and value[0] == 0x0C and value[1] < 0x80:
        return value[2:].decode("utf-8")
    return None


def general_name(gn):
    if isinstance(gn, x509.DNSName):
        return "DNS:" + gn.value
    if isinstance(gn, x509.RFC822Name):
        return "email:" + gn.value
    if isinstance(gn, x509.UniformResourceIdentifier):
        return "URI:" + gn.value
    if isinstance(gn, x509.RegisteredID):
        return "RID:" + gn.value.dotted_string
    if isinstance(gn, x509.DirectoryName):
        return "DirName:" + ";".join(f"{o}={v}" for o, v in attributes(gn.value))
    if isinstance(gn, x509.IPAddress):
        value = gn.value
        if isinstance(value, (ipaddress.IPv4Network, ipaddress.IPv6Network)):
            return f"IP:{value.network_address}/{value.prefixlen}"
        return f"IP:{value}"
    if isinstance(gn, x509.OtherName):
        text = der_text(gn.value)
        return f"othername:{gn.type_id.dotted_string}" + (f":{text}" if text is not None else "")
    raise ValueError(f"unexpected general name {gn!r}")


def names(list_or_none):
    return None if list_or_none is None else [general_name(g) for g in list_or_none]


def key_usage(ku):
    out = []
    for attr, name in [("digital_signature", "digitalSignature"),
                       ("content_commitment", "nonRepudiation"),
                       ("key_encipherment", "keyEncipherment"),
                       ("data_encipherment", "dataEncipherment"),
                       ("key_agreement", "keyAgreement"),
                       ("key_cert_sign", "keyCertSign"),
                       ("crl_sign", "cRLSign")]:
        if getattr(ku, attr):
            out.append(name)
    if ku.key_agreement:
        if ku.encipher_only:
            out.append("encipherOnly")
        if ku.decipher_only:
            out.append("decipherOnly")
    return out


def qualifier(q):
    if isinstance(q, str):
        return "cps:" + q
    ref = q.notice_reference
    organization = ref.organization if ref else ""
    numbers = ",".join(str(n) for n in ref.notice_numbers) if ref else ""
    return f"notice:{organization}|{numbers}|{q.explicit_text or ''}"


def distribution_points(points):
    return [{
        "full_name": names(p.full_name),
        "relative_name": None if p.relative_name is None else
        [[a.oid.dotted_string, a.value] for a in p.relative_name],
        "reasons": None if p.reasons is None else sorted(r.value for r in p.reasons),
        "crl_issuer": names(p.crl_issuer),
    } for p in points]


def value(ext):
    v = ext.value
    oid = ext.oid
    if oid == ExtensionOID.BASIC_CONSTRAINTS:
        return {"ca": v.ca, "path_length": v.path_length}
    if oid == ExtensionOID.KEY_USAGE:
        return key_usage(v)
    if oid == ExtensionOID.EXTENDED_KEY_USAGE:
        return [o.dotted_string for o in v]
    if oid in (ExtensionOID.SUBJECT_ALTERNATIVE_NAME, ExtensionOID.ISSUER_ALTERNATIVE_NAME):
        return [general_name(g) for g in v]
    if oid == ExtensionOID.AUTHORITY_KEY_IDENTIFIER:
        return {"key_identifier": v.key_identifier.hex() if v.key_identifier else None,
                "issuer": names(v.authority_cert_issuer),
                "serial": None if v.authority_cert_serial_number is None
                else format(v.authority_cert_serial_number, "x")}
    if oid == ExtensionOID.SUBJECT_KEY_IDENTIFIER:
        return v.digest.hex()
    if oid in (ExtensionOID.AUTHORITY_INFORMATION_ACCESS, ExtensionOID.SUBJECT_INFORMATION_ACCESS):
        return [[d.access_method.dotted_string, general_name(d.access_location)] for d in v]
    if oid in (ExtensionOID.CRL_DISTRIBUTION_POINTS, ExtensionOID.FRESHEST_CRL):
        return distribution_points(v)
    if oid == ExtensionOID.CERTIFICATE_POLICIES:
        return [{"oid": p.policy_identifier.dotted_string,
                 "qualifiers": [qualifier(q) for q in (p.policy_qualifiers or [])]} for p in v]
    if oid == ExtensionOID.POLICY_CONSTRAINTS:
        return {"require": v.require_explicit_policy, "inhibit": v.inhibit_policy_mapping}
    if oid == ExtensionOID.INHIBIT_ANY_POLICY:
        return v.skip_certs
    if oid == ExtensionOID.NAME_CONSTRAINTS:
        return {"permitted": names(v.permitted_subtrees) or [],
                "excluded": names(v.excluded_subtrees) or []}
    if oid == ExtensionOID.TLS_FEATURE:
        return [f.value for f in v]
    if oid in (ExtensionOID.OCSP_NO_CHECK, ExtensionOID.PRECERT_POISON):
        return True
    if oid == ExtensionOID.PRECERT_SIGNED_CERTIFICATE_TIMESTAMPS:
        return [{"version": s.version.value,
                 "log_id": s.log_id.hex(),
                 "timestamp": s.timestamp.strftime("%Y-%m-%dT%H:%M:%S.")
                 + f"{s.timestamp.microsecond // 1000:03d}Z"} for s in v]
    return None


def utc(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def certificate(cert):
    key = cert.public_key()
    spki = key.public_bytes(serialization.Encoding.DER,
                            serialization.PublicFormat.SubjectPublicKeyInfo)
    bits = key.key_size if isinstance(key, (rsa.RSAPublicKey, ec.EllipticCurvePublicKey)) else None
    curve = CURVES.get(key.curve.name, key.curve.name) \
        if isinstance(key, ec.EllipticCurvePublicKey) else None
    hash_algorithm = cert.signature_hash_algorithm
    try:
        extensions = [{"oid": e.oid.dotted_string, "critical": e.critical, "value": value(e)}
                      for e in cert.extensions]
    except ValueError:
        extensions = "error"
    return {
        "version": cert.version.value + 1,
        "serial": format(cert.serial_number, "x"),
        "subject": attributes(cert.subject),
        "issuer": attributes(cert.issuer),
        "not_before": utc(cert.not_valid_before_utc),
        "not_after": utc(cert.not_valid_after_utc),
        "sha256": cert.fingerprint(hashes.SHA256()).hex(),
        "sha1": cert.fingerprint(hashes.SHA1()).hex(),
        "spki_sha256_base64": base64.b64encode(hashlib.sha256(spki).digest()).decode(),
        "bits": bits,
        "curve": curve,
        "signature_oid": cert.signature_algorithm_oid.dotted_string,
        "signature_hash": hash_algorithm.name if hash_algorithm else None,
        "extensions": extensions,
    }


def main():
    with open(sys.argv[1], "rb") as f:
        certs = x509.load_pem_x509_certificates(f.read())
    json.dump([certificate(c) for c in certs], sys.stdout, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
