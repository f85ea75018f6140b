#!/usr/bin/env python3
"""Runs every stack's driver over the corpus and writes the fixture.

Usage: run.py CORPUS.json.gz BUILD_DIR OUT.json.gz
Each driver reads the manifest (one case a line: ID SIDE HOST KEYTYPE DIR COUNT) on standard
input and answers one line a case (ID SIDE OK|FAIL DETAIL); `DRIVER --version` prints the
stack's version. Sides: `server` (TLS server, with the host name the certificate names),
`server_nohost` (TLS server, no host name checked), `client` (TLS client); for wolfSSL also
`server_sni` (TLS server, the host sent as SNI without asking wolfSSL to check it).
"""

import base64
import gzip
import json
import os
import subprocess
import sys

SIDES = ("server", "server_nohost", "client")
# Sides only some stacks answer: wolfSSL's `server_sni` gives the host only as the SNI name,
# without wolfSSL_check_domain_name (wolfSSL then checks no name: certscope shows such a host
# check as depending on the application).
EXTRA_SIDES = {"wolfssl": ("server_sni",)}


def drivers(build):
    return {
        "openssl": [os.path.join(build, "openssl-driver")],
        "go": [os.path.join(build, "go-driver")],
        "rustls": [os.path.join(build, "rustls-driver")],
        "java": ["java", "--add-exports", "java.base/sun.security.util=ALL-UNNAMED", "-cp", build, "JavaDriver"],
        "gnutls": [os.path.join(build, "gnutls-driver")],
        "nss": [os.path.join(build, "nss-driver")],
        "wolfssl": [os.path.join(build, "wolfssl-driver")],
        "mbedtls": [os.path.join(build, "mbedtls-driver")],
    }


def main():
    corpus_path, build, out_path = sys.argv[1:4]
    only = sys.argv[4].split(",") if len(sys.argv) > 4 else None
    corpus = json.load(gzip.open(corpus_path))
    work = os.path.join(build, "corpus")
    os.makedirs(work, exist_ok=True)
    lines = []
    extra = {side: [] for sides in EXTRA_SIDES.values() for side in sides}
    for chain in corpus["chains"]:
        d = os.path.join(work, chain["id"])
        os.makedirs(d, exist_ok=True)
        for i, cert in enumerate(chain["certs"]):
            with open(os.path.join(d, f"{i}.der"), "wb") as f:
                f.write(base64.b64decode(cert))
        with open(os.path.join(d, "key.der"), "wb") as f:
            f.write(base64.b64decode(chain["leaf_key"]))
        for side in SIDES:
            host = chain["host"] if side == "server" else "-"
            lines.append("\t".join([chain["id"], side, host, chain["leaf_key_type"], d, str(len(chain["certs"]))]))
        for side in extra:
            extra[side].append("\t".join([chain["id"], side, chain["host"], chain["leaf_key_type"], d, str(len(chain["certs"]))]))
    stacks = {}
    for name, cmd in drivers(build).items():
        if only and name not in only:
            continue
        version = subprocess.run(cmd + ["--version"], capture_output=True, text=True, check=True).stdout.strip()
        cases = lines + [l for side in EXTRA_SIDES.get(name, ()) for l in extra[side]]
        manifest = "\n".join(cases) + "\n"
        run = subprocess.run(cmd, input=manifest, capture_output=True, text=True)
        if run.returncode != 0:
            sys.stderr.write(run.stderr)
            raise SystemExit(f"{name} driver failed with {run.returncode}")
        answers = {}
        for line in run.stdout.splitlines():
            cid, side, verdict, detail = (line.split("\t") + [""])[:4]
            answers.setdefault(cid, {})[side] = [verdict == "OK", detail]
        missing = [l for l in cases if l.split("\t")[1] not in answers.get(l.split("\t")[0], {})]
        if missing:
            raise SystemExit(f"{name}: no answer for {len(missing)} cases, e.g. {missing[0]}")
        accepted = sum(1 for c in answers.values() for v in c.values() if v[0])
        print(f"{name}: {version}: {accepted} of {len(cases)} cases accepted", file=sys.stderr)
        stacks[name] = {"version": version, "answers": answers}
    doc = {
        "corpus": "tests/data/stacks/corpus.json.gz",
        "sides": list(SIDES),
        "stacks": stacks,
    }
    data = json.dumps(doc, indent=1, sort_keys=True).encode() + b"\n"
    with gzip.GzipFile(out_path, "wb", mtime=0) as out:
        out.write(data)


if __name__ == "__main__":
    main()
