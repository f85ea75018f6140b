#!/usr/bin/env python3
"""Generates the DSA-signed chains of tests/dsa.rs with the `openssl` command line.

Run from this directory: `python3 generate.py` makes the keys' domain parameters, the keys,
the certificates and CRLs (PEM), then runs every case of `cases.json` through `openssl verify`
and writes its answers, with its version, to `openssl.json`; and it asks Python `cryptography`
whether each certificate and CRL was signed by its issuer (`cryptography.json`, with its
version). The tests read only the committed files. DSA signatures are randomised: a rerun
writes new keys and signatures, and the answers with them.

Chains (every signature DSA, RFC 3279 2.2.2 / RFC 5758 3.1):
- root (L/N 2048/256, dsa-with-SHA256, self-signed) -> intermediate (3072/256, signed with
  SHA-256) -> leaf (2048/224, signed with id-dsa-with-sha224, a digest shorter than q);
- legacy-root (1024/160, self-signed with id-dsa-with-sha1) -> legacy-leaf (1024/160, signed
  with SHA-256, the digest truncated to q's 160 bits);
- leaf-sha512: the leaf's key signed by the intermediate with SHA-512 under the OID NIST
  assigns (2.16.840.1.101.3.4.3.4), which no RFC profiles: OpenSSL 3.0 signs it but does not
  verify it, nor does `cryptography`, and certscope does not either (cannot verify);
- CRLs: the root's (empty), the intermediate's (empty, and one revoking the leaf).
"""
import datetime
import json
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run(*args, cwd):
    return subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def params(tmp, name, bits, qbits):
    run("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", f"dsa_paramgen_bits:{bits}",
        "-pkeyopt", f"dsa_paramgen_q_bits:{qbits}", "-out", f"{name}.params", cwd=tmp)
    run("genpkey", "-paramfile", f"{name}.params", "-out", f"{name}.key", cwd=tmp)


EXTENSIONS = """
[req]
distinguished_name = dn
[dn]
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = DNS:dsa-leaf.example.com
"""


def ca_config(tmp, name):
    d = os.path.join(tmp, f"ca-{name}")
    os.makedirs(d)
    open(os.path.join(d, "index.txt"), "w").close()
    with open(os.path.join(d, "crlnumber"), "w") as f:
        f.write("01\n")
    with open(os.path.join(d, "ca.cnf"), "w") as f:
        f.write(f"""[ca]
default_ca = this
[this]
dir = {d}
database = $dir/index.txt
crlnumber = $dir/crlnumber
default_md = sha256
default_crl_days = 3650
""")
    return os.path.join(d, "ca.cnf")


def main():
    tmp = tempfile.mkdtemp()
    try:
        with open(os.path.join(tmp, "ext.cnf"), "w") as f:
            f.write(EXTENSIONS)
        params(tmp, "root", 2048, 256)
        params(tmp, "intermediate", 3072, 256)
        params(tmp, "leaf", 2048, 224)
        params(tmp, "legacy-root", 1024, 160)
        params(tmp, "legacy-leaf", 1024, 160)

        def self_signed(name, cn, md):
            run("req", "-x509", "-new", "-key", f"{name}.key", "-subj", f"/O=certscope DSA/CN={cn}",
                f"-{md}", "-days", "3650", "-set_serial", "1", "-config", "ext.cnf",
                "-extensions", "ca", "-out", f"{name}.pem", cwd=tmp)

        def issued(name, cn, issuer, md, extensions, serial):
            run("req", "-new", "-key", f"{name}.key", "-subj", f"/O=certscope DSA/CN={cn}",
                "-config", "ext.cnf", "-out", f"{name}.csr", cwd=tmp)
            run("x509", "-req", "-in", f"{name}.csr", "-CA", f"{issuer}.pem", "-CAkey",
                f"{issuer}.key", f"-{md}", "-days", "3000", "-set_serial", str(serial),
                "-extfile", "ext.cnf", "-extensions", extensions, "-out", f"{name}.pem",
                cwd=tmp)

        self_signed("root", "DSA Root", "sha256")
        issued("intermediate", "DSA Intermediate", "root", "sha256", "ca", 2)
        issued("leaf", "dsa-leaf.example.com", "intermediate", "sha224", "leaf", 3)
        run("x509", "-req", "-in", "leaf.csr", "-CA", "intermediate.pem", "-CAkey",
            "intermediate.key", "-sha512", "-days", "3000", "-set_serial", "5", "-extfile",
            "ext.cnf", "-extensions", "leaf", "-out", "leaf-sha512.pem", cwd=tmp)
        self_signed("legacy-root", "DSA 1024 Root", "sha1")
        issued("legacy-leaf", "legacy-leaf.example.com", "legacy-root", "sha256", "leaf", 4)

        def gencrl(issuer, out):
            run("ca", "-gencrl", "-config", ca_config_of[issuer], "-keyfile", f"{issuer}.key",
                "-cert", f"{issuer}.pem", "-out", out, cwd=tmp)

        ca_config_of = {n: ca_config(tmp, n) for n in ["root", "intermediate"]}
        gencrl("root", "root.crl.pem")
        gencrl("intermediate", "intermediate.crl.pem")
        run("ca", "-config", ca_config_of["intermediate"], "-keyfile", "intermediate.key",
            "-cert", "intermediate.pem", "-revoke", "leaf.pem", "-crl_reason", "keyCompromise",
            cwd=tmp)
        gencrl("intermediate", "intermediate-revokes-leaf.crl.pem")

        for name in ["root.pem", "intermediate.pem", "leaf.pem", "leaf-sha512.pem",
                     "legacy-root.pem",
                     "legacy-leaf.pem", "root.crl.pem", "intermediate.crl.pem",
                     "intermediate-revokes-leaf.crl.pem"]:
            shutil.copy(os.path.join(tmp, name), os.path.join(HERE, name))
        # The leaf with one bit of its signature flipped (the last byte of the DER).
        der = subprocess.run(["openssl", "x509", "-in", os.path.join(HERE, "leaf.pem"),
                              "-outform", "DER"], check=True, capture_output=True).stdout
        tampered = der[:-1] + bytes([der[-1] ^ 1])
        pem = subprocess.run(["openssl", "x509", "-inform", "DER", "-outform", "PEM"],
                             input=tampered, check=True, capture_output=True).stdout
        with open(os.path.join(HERE, "leaf-tampered.pem"), "wb") as f:
            f.write(pem)
    finally:
        shutil.rmtree(tmp)

    not_before = subprocess.run(["openssl", "x509", "-in", os.path.join(HERE, "leaf.pem"),
                                 "-noout", "-startdate"], check=True, capture_output=True,
                                text=True).stdout.strip().split("=", 1)[1]
    start = datetime.datetime.strptime(not_before, "%b %d %H:%M:%S %Y %Z").replace(
        tzinfo=datetime.timezone.utc)
    at = start + datetime.timedelta(days=30)
    chain = ["intermediate.pem"]
    cases = [
        {"id": "chain", "target": "leaf.pem", "untrusted": chain, "anchors": ["root.pem"],
         "crls": [], "valid": True,
         "description": "2048/256 root, 3072/256 intermediate, 2048/224 leaf"},
        {"id": "chain-crls-good", "target": "leaf.pem", "untrusted": chain,
         "anchors": ["root.pem"], "crls": ["root.crl.pem", "intermediate.crl.pem"],
         "valid": True, "description": "CRLs signed with DSA decide every status: good"},
        {"id": "chain-crl-revoked", "target": "leaf.pem", "untrusted": chain,
         "anchors": ["root.pem"], "crls": ["root.crl.pem", "intermediate-revokes-leaf.crl.pem"],
         "valid": False, "description": "the intermediate's DSA-signed CRL revokes the leaf"},
        {"id": "tampered", "target": "leaf-tampered.pem", "untrusted": chain,
         "anchors": ["root.pem"], "crls": [], "valid": False,
         "description": "one bit of the leaf's signature flipped"},
        {"id": "legacy-1024", "target": "legacy-leaf.pem", "untrusted": [],
         "anchors": ["legacy-root.pem"], "crls": [], "valid": True,
         "description": "1024/160 keys, SHA-256 truncated to q's 160 bits"},
        {"id": "sha512-not-verified", "target": "leaf-sha512.pem", "untrusted": chain,
         "anchors": ["root.pem"], "crls": [], "valid": False,
         "description": "id-dsa-with-sha512: not verified (OpenSSL 3.0 does not either)"},
        {"id": "wrong-anchor", "target": "leaf.pem", "untrusted": chain,
         "anchors": ["legacy-root.pem"], "crls": [], "valid": False,
         "description": "the chain's root not supplied"},
    ]
    with open(os.path.join(HERE, "cases.json"), "w") as f:
        json.dump({"generator": "tests/data/dsa/generate.py",
                   "time": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "cases": cases}, f, indent=1)
        f.write("\n")
    run_openssl(cases, int(at.timestamp()))
    run_cryptography()


def run_openssl(cases, at):
    version = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.strip()
    answers = {}
    for c in cases:
        with tempfile.TemporaryDirectory() as tmp:
            args = ["openssl", "verify", "-attime", str(at), "-CAfile", c["anchors"][0]]
            if c["untrusted"]:
                args += ["-untrusted", c["untrusted"][0]]
            if c["crls"]:
                crlfile = os.path.join(tmp, "crls.pem")
                with open(crlfile, "wb") as out:
                    for fn in c["crls"]:
                        out.write(open(os.path.join(HERE, fn), "rb").read())
                args += ["-crl_check_all", "-CRLfile", crlfile]
            args.append(c["target"])
            r = subprocess.run(args, cwd=HERE, capture_output=True, text=True)
            text = (r.stdout + r.stderr).replace(tmp, "TMP")
            error = next((line.split("error ", 1)[1] for line in text.splitlines()
                          if line.startswith("error ")), None)
            answers[c["id"]] = {"valid": r.returncode == 0, "error": error,
                                "command": " ".join(a.replace(tmp, "TMP") for a in args[1:])}
    with open(os.path.join(HERE, "openssl.json"), "w") as f:
        json.dump({"version": version, "answers": answers}, f, indent=1, sort_keys=True)
        f.write("\n")


def run_cryptography():
    """Whether each certificate and CRL verifies under its issuer's key, per `cryptography`
    (`verify_directly_issued_by`, `is_signature_valid`), with the exception it raised: an
    `UnsupportedAlgorithm` or "Unsupported signature algorithm" is no verdict."""
    import cryptography
    from cryptography import x509

    def load(name):
        data = open(os.path.join(HERE, name), "rb").read()
        if name.endswith(".crl.pem"):
            return x509.load_pem_x509_crl(data)
        return x509.load_pem_x509_certificate(data)

    pairs = [("root.pem", "root.pem"), ("intermediate.pem", "root.pem"),
             ("leaf.pem", "intermediate.pem"), ("leaf-tampered.pem", "intermediate.pem"),
             ("leaf-sha512.pem", "intermediate.pem"),
             ("legacy-root.pem", "legacy-root.pem"),
             ("legacy-leaf.pem", "legacy-root.pem"), ("root.crl.pem", "root.pem"),
             ("intermediate.crl.pem", "intermediate.pem"),
             ("intermediate-revokes-leaf.crl.pem", "intermediate.pem"),
             ("intermediate.crl.pem", "root.pem")]
    answers = []
    for signed, signer in pairs:
        obj, issuer = load(signed), load(signer)
        error = None
        if isinstance(obj, x509.CertificateRevocationList):
            ok = obj.is_signature_valid(issuer.public_key())
        else:
            try:
                obj.verify_directly_issued_by(issuer)
                ok = True
            except Exception as e:
                ok = False
                error = f"{type(e).__name__}: {e}"
        answers.append({"signed": signed, "signer": signer, "verifies": ok, "error": error})
    with open(os.path.join(HERE, "cryptography.json"), "w") as f:
        json.dump({"version": f"cryptography {cryptography.__version__}",
                   "answers": answers}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
