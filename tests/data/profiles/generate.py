#!/usr/bin/env python3
"""The certificates of the private-PKI profile cases, made with the real `openssl`.

Usage: python3 tests/data/profiles/generate.py [--seed 19]

Writes, next to this file:
- self-signed-device.pem: `openssl req -x509` with OpenSSL's default configuration, as a
  device's pinned identity is usually made (OpenSSL 3 adds basicConstraints critical
  cA TRUE, subjectKeyIdentifier and authorityKeyIdentifier);
- fleet-root.pem, device-any-eku.pem: a private root (`openssl req -x509`) and a device
  certificate it issues (`openssl x509 -req`) with extendedKeyUsage clientAuth and
  anyExtendedKeyUsage;
- device-dv-policy.pem: the same device certificate asserting the CA/Browser Forum DV policy;
- corpus.json.gz: the cases in the format of stacks/ (stacks/gen_corpus.py), for stacks/run.py;
- openssl-verify.json: what `openssl verify` answers for each case, with its version.

Keys are P-256, derived from the seed (the same seed gives the same keys); ECDSA signatures
and validity dates are new on every run, so the committed files are the reference and the
stacks' answers (stacks.json.gz, see README.md) must be recorded again after a run.
"""

import argparse
import base64
import gzip
import hashlib
import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs).stdout


def key(seed, label, work):
    """A P-256 private key (PEM path) whose scalar is derived from the seed and the label."""
    digest = hashlib.sha256(f"certscope profiles {seed} {label}".encode()).digest()
    scalar = int.from_bytes(digest, "big") % (P256_ORDER - 1) + 1
    # SEC 1 ECPrivateKey without the public key: openssl computes it.
    der = bytes.fromhex("30310201010420") + scalar.to_bytes(32, "big") + bytes.fromhex(
        "a00a06082a8648ce3d030107"
    )
    raw = os.path.join(work, f"{label}.der")
    with open(raw, "wb") as f:
        f.write(der)
    pem = os.path.join(work, f"{label}.key")
    run("openssl", "pkey", "-inform", "DER", "-in", raw, "-out", pem)
    return pem


def der_of(pem_path):
    return subprocess.run(
        ["openssl", "x509", "-in", pem_path, "-outform", "DER"], check=True, capture_output=True
    ).stdout


def pkcs8_der(key_path):
    return subprocess.run(
        ["openssl", "pkey", "-in", key_path, "-outform", "DER"], check=True, capture_output=True
    ).stdout


def openssl_verify(purpose, cafile, target):
    """`openssl verify -purpose P -CAfile CA TARGET`: its exit status and output."""
    done = subprocess.run(
        ["openssl", "verify", "-purpose", purpose, "-CAfile", cafile, target],
        capture_output=True,
        text=True,
        cwd=HERE,
    )
    text = (done.stdout + done.stderr).strip()
    return {"ok": done.returncode == 0, "output": text}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        device_key = key(args.seed, "self-signed-device", work)
        # The command people run, with OpenSSL's default configuration (its v3_ca section).
        run(
            "openssl", "req", "-x509", "-new", "-key", device_key, "-sha256", "-days", "3650",
            "-subj", "/CN=device-0001.fleet.example", "-set_serial", "1",
            "-out", os.path.join(HERE, "self-signed-device.pem"),
        )
        root_key = key(args.seed, "fleet-root", work)
        run(
            "openssl", "req", "-x509", "-new", "-key", root_key, "-sha256", "-days", "7300",
            "-subj", "/O=Example Fleet/CN=Example Fleet Root CA", "-set_serial", "1",
            "-out", os.path.join(HERE, "fleet-root.pem"),
        )
        any_key = key(args.seed, "device-any-eku", work)
        csr = os.path.join(work, "device.csr")
        run(
            "openssl", "req", "-new", "-key", any_key, "-subj",
            "/O=Example Fleet/CN=device-0002/serialNumber=0002", "-out", csr,
        )
        extensions = os.path.join(work, "device.cnf")
        with open(extensions, "w") as f:
            f.write(
                "[device]\n"
                "basicConstraints = critical, CA:FALSE\n"
                "keyUsage = critical, digitalSignature\n"
                "extendedKeyUsage = clientAuth, anyExtendedKeyUsage\n"
                "subjectKeyIdentifier = hash\n"
                "authorityKeyIdentifier = keyid\n"
            )
        run(
            "openssl", "x509", "-req", "-in", csr, "-CA", os.path.join(HERE, "fleet-root.pem"),
            "-CAkey", root_key, "-set_serial", "2", "-sha256", "-days", "3650",
            "-extfile", extensions, "-extensions", "device",
            "-out", os.path.join(HERE, "device-any-eku.pem"),
        )
        # The same device, claiming the CA/Browser Forum's DV policy: a claim to be under the
        # Baseline Requirements, whatever the root.
        dv_key = key(args.seed, "device-dv-policy", work)
        dv_csr = os.path.join(work, "dv.csr")
        run(
            "openssl", "req", "-new", "-key", dv_key, "-subj",
            "/O=Example Fleet/CN=device-0003/serialNumber=0003", "-out", dv_csr,
        )
        with open(extensions, "a") as f:
            f.write(
                "[dv]\n"
                "basicConstraints = critical, CA:FALSE\n"
                "keyUsage = critical, digitalSignature\n"
                "extendedKeyUsage = clientAuth, anyExtendedKeyUsage\n"
                "certificatePolicies = 2.23.140.1.2.1\n"
                "subjectKeyIdentifier = hash\n"
                "authorityKeyIdentifier = keyid\n"
            )
        run(
            "openssl", "x509", "-req", "-in", dv_csr, "-CA", os.path.join(HERE, "fleet-root.pem"),
            "-CAkey", root_key, "-set_serial", "3", "-sha256", "-days", "3650",
            "-extfile", extensions, "-extensions", "dv",
            "-out", os.path.join(HERE, "device-dv-policy.pem"),
        )
        cases = [
            {
                "id": "self-signed-device",
                "description": "openssl req -x509 (basicConstraints critical cA TRUE), pinned "
                "as its own trust anchor",
                "chain": ["self-signed-device.pem"],
                "key": device_key,
            },
            {
                "id": "device-any-eku",
                "description": "device certificate with extendedKeyUsage clientAuth and "
                "anyExtendedKeyUsage under a private root",
                "chain": ["device-any-eku.pem", "fleet-root.pem"],
                "key": any_key,
            },
            {
                "id": "device-dv-policy",
                "description": "the same device certificate asserting the CA/Browser Forum DV "
                "policy 2.23.140.1.2.1",
                "chain": ["device-dv-policy.pem", "fleet-root.pem"],
                "key": dv_key,
            },
        ]
        chains = []
        verify = {}
        for case in cases:
            paths = [os.path.join(HERE, name) for name in case["chain"]]
            chains.append(
                {
                    "id": case["id"],
                    "axis": "profiles",
                    "description": case["description"],
                    "shape": "self" if len(paths) == 1 else "root",
                    "plain_ca": True,
                    "host": "host.invalid",
                    "leaf_key_type": "ec",
                    "certs": [base64.b64encode(der_of(p)).decode() for p in paths],
                    "leaf_key": base64.b64encode(pkcs8_der(case["key"])).decode(),
                }
            )
            verify[case["id"]] = {
                purpose: openssl_verify(purpose, case["chain"][-1], case["chain"][0])
                for purpose in ("sslclient", "sslserver")
            }
    doc = {"generator": "tests/data/profiles/generate.py", "seed": args.seed, "chains": chains}
    with gzip.GzipFile(os.path.join(HERE, "corpus.json.gz"), "wb", mtime=0) as out:
        out.write(json.dumps(doc, indent=1, sort_keys=True).encode())
    recorded = {
        "command": "openssl verify -purpose PURPOSE -CAfile ANCHOR TARGET",
        "version": run("openssl", "version").strip(),
        "answers": verify,
    }
    with open(os.path.join(HERE, "openssl-verify.json"), "w") as f:
        f.write(json.dumps(recorded, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
