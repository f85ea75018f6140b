#!/usr/bin/env python3
"""Runs pkilint (DigiCert's linter, `pip install pkilint`) on the lint fixtures and prints, as
JSON, the findings of WARNING severity and above for each fixture file, with pkilint's version:
`python3 tests/data/lints/pkilint_findings.py > tests/data/lints/pkilint-findings.json`.

TLS kinds (tls, subca, root) go through the CA/B Forum TLS BR linter with the certificate type
forced to match the kind, S/MIME through the S/MIME BR linter (validation level and generation from the policy OID,
mailbox-validated strict without one),
device and code signing certificates through the plain RFC 5280 linter (pkilint has no code
signing or device profile). The committed output, pkilint-findings.json, is what
tests/lint_vs_pkilint.rs and `cargo xtask generate` (docs/lints-vs-pkilint.md) compare with;
when pkilint is installed the test reruns this script and fails if the record is stale.
"""

import json
import os
import sys
from importlib.metadata import version

from pkilint import loader
from pkilint.cabf import serverauth, smime
from pkilint.cabf.serverauth import serverauth_constants
from pkilint.cabf.smime import smime_constants
from pkilint.pkix import certificate, name, extension

HERE = os.path.dirname(os.path.abspath(__file__))
SEVERE = {"FATAL", "ERROR", "WARNING"}

TLS_TYPES = {
    "tls": serverauth_constants.CertificateType.DV_FINAL_CERTIFICATE,
    "subca": serverauth_constants.CertificateType.EXTERNAL_UNCONSTRAINED_TLS_CA,
    "root": serverauth_constants.CertificateType.ROOT_CA,
}


CACHE = {}


def validator(kind, cert):
    if kind in TLS_TYPES:
        key = (kind, str(tls_type(kind, cert)))
    elif kind == "smime":
        key = (kind, str(smime_type(cert)))
    else:
        key = (kind, None)
    if key not in CACHE:
        CACHE[key] = make_validator(kind, cert)
    return CACHE[key]


def tls_type(kind, cert):
    certificate_type = TLS_TYPES[kind]
    if kind == "tls":
        # Follow the fixture's policy OID (OV, IV) and poison like pkilint's own detection.
        try:
            detected = serverauth.determine_certificate_type(cert)
            if "FINAL_CERTIFICATE" in str(detected) or "PRE_CERTIFICATE" in str(detected):
                certificate_type = detected
        except Exception:
            pass
    return certificate_type


def smime_type(cert):
    """The validation level and generation from the S/MIME policy OID; mailbox-validated strict
    when the certificate has none."""
    detected = smime.determine_validation_level_and_generation(cert)
    return detected or (smime_constants.ValidationLevel.MAILBOX, smime_constants.Generation.STRICT)


def make_validator(kind, cert):
    if kind in TLS_TYPES:
        certificate_type = tls_type(kind, cert)
        return certificate.create_pkix_certificate_validator_container(
            serverauth.create_decoding_validators(),
            serverauth.create_validators(certificate_type),
        )
    if kind == "smime":
        return certificate.create_pkix_certificate_validator_container(
            smime.create_decoding_validators(),
            smime.create_subscriber_validators(*smime_type(cert)),
        )
    return certificate.create_pkix_certificate_validator_container(
        certificate.create_decoding_validators(name.ATTRIBUTE_TYPE_MAPPINGS, extension.EXTENSION_MAPPINGS),
        [
            certificate.create_issuer_validator_container([]),
            certificate.create_validity_validator_container(),
            certificate.create_subject_validator_container([]),
            certificate.create_extensions_validator_container([]),
            certificate.create_spki_validator_container([]),
        ],
    )


def findings(path, kind):
    with open(path, "rb") as f:
        try:
            cert = loader.RFC5280CertificateDocumentLoader().load_pem_document(f.read().decode(), path)
        except Exception:
            return ["load_failure:FATAL"]
    try:
        results = validator(kind, cert).validate(cert.root)
    except Exception as e:
        return [f"exception:{type(e).__name__}:FATAL"]
    out = set()
    for result in results:
        for description in result.finding_descriptions:
            severity = str(description.finding.severity)
            if severity in SEVERE:
                out.add(f"{description.finding.code}:{severity}")
    return sorted(out)


def main():
    with open(os.path.join(HERE, "manifest.json")) as f:
        manifest = json.load(f)
    out = {}
    for entry in manifest["lints"]:
        for role, kind in (("positive", entry["kind"]), ("negative", entry["negative_kind"])):
            path = entry[role]
            if path not in out:
                out[path] = findings(os.path.join(HERE, path), kind)
    for kind, path in manifest["bases"].items():
        if path not in out:
            out[path] = findings(os.path.join(HERE, path), kind)
    json.dump({"pkilint": version("pkilint"), "findings": out}, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
