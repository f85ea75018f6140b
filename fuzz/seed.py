#!/usr/bin/env python3
"""Builds the seed corpora in fuzz/corpus/<target>/ (git-ignored).

Sources: every fixture under tests/data/ and the certificates of the x509-limbo suite
(tests/data/limbo/limbo.json.gz). Seeds are named by their SHA-256
so reruns are idempotent.

- der_mutate, lenient: DER only (the structure-aware mutator needs DER to start from); lenient
  also the objects of the lenient decoding corpus (tests/data/lenient/corpus/corpus.json).
- input, analyze and any other target: the fixture files as they are, the DER, and each DER as
  PEM, bare base64, hex and colon-separated hex, so every detector path starts covered.
- chain, host_name, name_constraints: whole x509-limbo cases as PEM bags, the expected peer
  name (or nothing) before a NUL byte; for chain the peer first and a trusted root last, for
  name_constraints the CAs first and the peer last.

Usage: fuzz/seed.py [--limbo-max N] [TARGET...]   (default: every target of `cargo fuzz list`,
falling back to the [[bin]] names in fuzz/Cargo.toml)
"""

import argparse
import base64
import gzip
import hashlib
import json
import pathlib
import re
import textwrap

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
LIMBO = ROOT / "tests" / "data" / "limbo" / "limbo.json.gz"
PEM_RE = re.compile(
    rb"-----BEGIN ([A-Z0-9 ]+)-----\s*(.*?)\s*-----END \1-----", re.DOTALL
)


def targets():
    text = (FUZZ / "Cargo.toml").read_text()
    return re.findall(r'\[\[bin\]\]\s*name = "([^"]+)"', text)


def pem_ders(data):
    out = []
    for match in PEM_RE.finditer(data):
        body = b"".join(
            line for line in match.group(2).splitlines() if b":" not in line
        )
        try:
            out.append(base64.b64decode(body, validate=False))
        except ValueError:
            pass
    return out


def fixture_seeds():
    """(raw files, DER objects) from tests/data/."""
    raw, ders = [], []
    for path in sorted((ROOT / "tests" / "data").rglob("*")):
        if not path.is_file() or path.suffix in {".py", ".sh", ".md", ".cnf", ".txt"}:
            continue
        data = path.read_bytes()
        raw.append(data)
        if data[:1] == b"\x30":
            ders.append(data)
        else:
            ders.extend(pem_ders(data))
    return raw, ders


def corpus_seeds():
    """The objects of the lenient decoding corpus (tests/data/lenient/corpus/corpus.json):
    certificates, CRLs, requests, keys and PKCS#12 files in the encodings issuers get wrong."""
    path = ROOT / "tests" / "data" / "lenient" / "corpus" / "corpus.json"
    if not path.exists():
        return []
    return [bytes.fromhex(entry["der"]) for entry in json.loads(path.read_text())["entries"]]


def limbo_seeds(limit):
    """Distinct certificates of the limbo suite, every namespace represented first."""
    if not LIMBO.exists():
        print(f"note: {LIMBO} not found; limbo seeds skipped")
        return []
    cases = json.load(gzip.open(LIMBO))["testcases"]
    by_namespace = {}
    for case in cases:
        pems = case["trusted_certs"] + case["untrusted_intermediates"] + case["crls"]
        pems.append(case["peer_certificate"])
        namespace = case["id"].split("::")[0]
        by_namespace.setdefault(namespace, []).extend(pems)
    seen, out = set(), []
    # Round-robin over namespaces so the big bettertls set does not crowd out the others.
    queues = [iter(v) for _, v in sorted(by_namespace.items())]
    while queues and len(out) < limit:
        alive = []
        for queue in queues:
            pem = next(queue, None)
            if pem is None:
                continue
            alive.append(queue)
            for der in pem_ders(pem.encode()):
                digest = hashlib.sha256(der).digest()
                if digest not in seen and len(out) < limit:
                    seen.add(digest)
                    out.append(der)
        queues = alive
    return out


def limbo_bags(limit):
    """(chain seed, name-constraint seed) per x509-limbo case, up to `limit` cases."""
    if not LIMBO.exists():
        return []
    out = []
    cases = json.load(gzip.open(LIMBO))["testcases"]
    step = max(1, len(cases) // max(1, limit))
    for case in cases[::step][:limit]:
        name = case.get("expected_peer_name") or {}
        prefix = (name.get("value") or "").encode() + b"\0"
        peer = case["peer_certificate"]
        cas = case["untrusted_intermediates"] + case["trusted_certs"]
        chain = prefix + "".join([peer] + cas).encode()
        names = prefix + "".join(cas + [peer]).encode()
        out.append((chain, names))
    return out


def text_forms(der):
    b64 = base64.b64encode(der).decode()
    pem = "-----BEGIN CERTIFICATE-----\n" + "\n".join(textwrap.wrap(b64, 64))
    pem += "\n-----END CERTIFICATE-----\n"
    return [
        pem.encode(),
        b64.encode(),
        der.hex().encode(),
        ":".join(f"{b:02X}" for b in der).encode(),
    ]


def write(directory, seeds):
    directory.mkdir(parents=True, exist_ok=True)
    for seed in seeds:
        (directory / hashlib.sha256(seed).hexdigest()[:32]).write_bytes(seed)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--limbo-max", type=int, default=2000)
    parser.add_argument("targets", nargs="*")
    args = parser.parse_args()
    raw, ders = fixture_seeds()
    limbo = limbo_seeds(args.limbo_max)
    for target in args.targets or targets():
        if target == "lenient":
            seeds = ders + corpus_seeds() + limbo
        elif target == "der_mutate":
            seeds = ders + limbo
        elif target in ("chain", "host_name", "name_constraints"):
            bags = limbo_bags(args.limbo_max)
            seeds = [chain if target != "name_constraints" else names for chain, names in bags]
        else:
            seeds = raw + ders + limbo
            for der in ders + limbo[:50]:
                seeds.extend(text_forms(der))
        write(FUZZ / "corpus" / target, seeds)
        count = len(list((FUZZ / "corpus" / target).iterdir()))
        print(f"corpus/{target}: {count} files")


if __name__ == "__main__":
    main()
