#!/usr/bin/env python3
"""Lists every finding pkilint's certificate linters can report, as `pkilint.tsv` beside this
file: `pip install pkilint`, then `python3 src/lint/upstream/pkilint_enumerate.py`.

Each validator declares the findings it may report; this walks the validator containers of
pkilint's TLS BR linter (every certificate type), its S/MIME BR linter (every validation level
and generation) and its plain RFC 5280 linter, and prints each finding code once with its
severity and the linters that carry it. Read by `cargo xtask generate` for
docs/lints-comparison.md.
"""

import os
from importlib.metadata import version

from pkilint.cabf import serverauth, smime
from pkilint.cabf.serverauth import serverauth_constants
from pkilint.cabf.smime import smime_constants
from pkilint.pkix import certificate, extension, name

HERE = os.path.dirname(os.path.abspath(__file__))


def collect(container, linter, out):
    for finding in container.validations:
        entry = out.setdefault(finding.code, ({}, set()))
        entry[0][str(finding.severity)] = True
        entry[1].add(linter)


def main():
    out = {}
    for certificate_type in serverauth_constants.CertificateType:
        collect(
            certificate.create_pkix_certificate_validator_container(
                serverauth.create_decoding_validators(),
                serverauth.create_validators(certificate_type),
            ),
            "tls",
            out,
        )
    for level in smime_constants.ValidationLevel:
        for generation in smime_constants.Generation:
            collect(
                certificate.create_pkix_certificate_validator_container(
                    smime.create_decoding_validators(),
                    smime.create_subscriber_validators(level, generation),
                ),
                "smime",
                out,
            )
    collect(
        certificate.create_pkix_certificate_validator_container(
            certificate.create_decoding_validators(name.ATTRIBUTE_TYPE_MAPPINGS, extension.EXTENSION_MAPPINGS),
            [
                certificate.create_issuer_validator_container([]),
                certificate.create_validity_validator_container(),
                certificate.create_subject_validator_container([]),
                certificate.create_extensions_validator_container([]),
                certificate.create_spki_validator_container([]),
            ],
        ),
        "rfc5280",
        out,
    )
    order = ["FATAL", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG"]
    lines = [
        "# Every finding pkilint's certificate linters declare, one a line (tab-separated): code,",
        "# severities, linters (tls, smime, rfc5280). Written by pkilint_enumerate.py from pkilint "
        + version("pkilint")
        + ";",
        "# do not edit by hand. Read by `cargo xtask generate` for docs/lints-comparison.md.",
    ]
    for code in sorted(out):
        severities, linters = out[code]
        lines.append(
            "\t".join(
                [
                    code,
                    ",".join(s for s in order if s in severities),
                    ",".join(l for l in ("tls", "smime", "rfc5280") if l in linters),
                ]
            )
        )
    with open(os.path.join(HERE, "pkilint.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
