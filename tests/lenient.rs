#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The lenient decoding path against OpenSSL: every certificate of `tests/data/lenient/` that
//! `openssl x509` reads (its answers in `oracle.txt`, with its version) decodes with the same
//! serial, validity, extended key usages and policies; every one it refuses decodes with a
//! finding that names the field and the byte offset. Made by `tests/data/lenient/gen.py`.

use std::path::{Path, PathBuf};

use certscope::report::{CertificateReport, ObjectReport};
use certscope::AnalyzeOptions;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/lenient")
}

/// What OpenSSL printed for one file.
#[derive(Debug, Default)]
struct Oracle {
    file: String,
    reads: bool,
    serial: String,
    not_before: String,
    not_after: String,
    /// Dotted OIDs printed under the extended key usage and policies headings.
    oids: Vec<String>,
    /// The signature and public key algorithms as `openssl x509 -text` names them: a name it
    /// knows (`ED25519`), else the dotted OID.
    signature_algorithm: String,
    public_key_algorithm: String,
}

fn oracle() -> Vec<Oracle> {
    let text = std::fs::read_to_string(data().join("oracle.txt")).unwrap();
    assert!(
        text.starts_with("OpenSSL 3"),
        "the oracle names its version"
    );
    let mut out: Vec<Oracle> = Vec::new();
    for line in text.lines().skip(1) {
        if let Some(rest) = line.strip_prefix("== ") {
            let (file, exit) = rest.split_once(" (exit ").unwrap();
            out.push(Oracle {
                file: file.to_owned(),
                reads: exit == "0)",
                ..Oracle::default()
            });
            continue;
        }
        let entry = out.last_mut().unwrap();
        if let Some(serial) = line.strip_prefix("serial=") {
            entry.serial = serial.to_lowercase();
        } else if let Some(time) = line.strip_prefix("notBefore=") {
            entry.not_before = readable(time);
        } else if let Some(time) = line.strip_prefix("notAfter=") {
            entry.not_after = readable(time);
        } else if let Some(name) = line.strip_prefix("signature_algorithm=") {
            entry.signature_algorithm = name.to_owned();
        } else if let Some(name) = line.strip_prefix("public_key_algorithm=") {
            entry.public_key_algorithm = name.to_owned();
        } else if line.starts_with("    ") {
            for item in line.trim().trim_start_matches("Policy: ").split(", ") {
                if item.starts_with("2.25.") {
                    entry.oids.push(item.to_owned());
                }
            }
        }
    }
    out
}

/// OpenSSL's time as RFC 3339, or its words for a time it cannot read.
fn readable(openssl: &str) -> String {
    if openssl == BAD_TIME {
        openssl.to_owned()
    } else {
        rfc3339(openssl)
    }
}

/// What OpenSSL prints for a time that is no date.
const BAD_TIME: &str = "Bad time value";

/// `Mar  1 12:00:00 1965 GMT` as `1965-03-01T12:00:00Z`.
fn rfc3339(openssl: &str) -> String {
    let parts: Vec<&str> = openssl.split_whitespace().collect();
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = months.iter().position(|m| *m == parts[0]).unwrap() + 1;
    let day: u32 = parts[1].parse().unwrap();
    // certscope reports whole seconds; a fraction OpenSSL shows is dropped.
    let clock = parts[2].split('.').next().unwrap();
    format!("{}-{month:02}-{day:02}T{clock}Z", parts[3])
}

fn report(file: &str) -> (CertificateReport, String) {
    let der = std::fs::read(data().join(file)).unwrap();
    let options = AnalyzeOptions::at_unix_seconds(1_800_000_000);
    let report = certscope::analyze(&der, &options).unwrap();
    assert!(report.problems.is_empty(), "{file}: {:?}", report.problems);
    let json = serde_json::to_string(&report).unwrap();
    let cert = report
        .objects
        .into_iter()
        .find_map(|object| match object {
            ObjectReport::Certificate(cert) => Some(*cert),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{file}: no certificate"));
    (cert, json)
}

#[test]
fn what_openssl_reads_decodes_the_same_and_what_it_refuses_has_a_finding() {
    let oracle = oracle();
    assert!(oracle.len() >= 10, "{oracle:?}");
    for expected in oracle.iter().filter(|o| o.file.ends_with(".der")) {
        let (cert, json) = report(&expected.file);
        // No stand-in OID ever reaches the report: every OID is its exact dotted text.
        assert!(
            !json.contains("\"2.25.0."),
            "{}: a stand-in leaked",
            expected.file
        );
        let encoding_findings: Vec<_> = cert
            .lints
            .iter()
            .filter(|f| {
                f.id.starts_with("e_der_")
                    || f.id.ends_with("_time_not_canonical")
                    || f.id == "e_version_unknown"
            })
            .collect();
        if !expected.reads {
            assert!(
                !encoding_findings.is_empty(),
                "{}: OpenSSL refuses it, certscope has no finding",
                expected.file
            );
            continue;
        }
        assert_eq!(cert.serial.hex, expected.serial, "{}", expected.file);
        if expected.not_before == BAD_TIME {
            // Unreadable to OpenSSL and to certscope: a finding, the rest of the certificate
            // read.
            assert!(
                cert.lints
                    .iter()
                    .any(|f| f.id == "e_time_invalid"
                        && f.field == "tbsCertificate.validity.notBefore"),
                "{}: {:?}",
                expected.file,
                cert.lints
            );
        } else {
            assert_eq!(
                cert.validity.not_before, expected.not_before,
                "{}",
                expected.file
            );
        }
        assert_eq!(
            cert.validity.not_after, expected.not_after,
            "{}",
            expected.file
        );
        for oid in &expected.oids {
            assert!(
                json.contains(&format!("\"{oid}\"")),
                "{}: {oid} missing",
                expected.file
            );
        }
        for finding in &encoding_findings {
            assert!(finding.message.contains("(at byte "), "{finding:?}");
        }
        // The algorithms: the same OID as OpenSSL, whatever the size of its arcs.
        let dotted = |openssl: &str| match openssl {
            "ED25519" => "1.3.101.112".to_owned(),
            other => other.to_owned(),
        };
        assert_eq!(
            cert.signature_algorithm.oid,
            dotted(&expected.signature_algorithm),
            "{}",
            expected.file
        );
        assert_eq!(
            cert.public_key.oid,
            dotted(&expected.public_key_algorithm),
            "{}",
            expected.file
        );
    }
}

#[test]
fn uuid_oids_keep_purposes_and_names() {
    let (cert, json) = report("uuid-oids.der");
    let server = cert.purposes.iter().find(|p| p.id == "sslserver").unwrap();
    assert!(server.leaf, "openssl x509 -purpose says SSL server: Yes");
    assert!(
        json.contains("2.25.987654321098765432109876543210"),
        "DN attribute type"
    );
    let custom = cert
        .extensions
        .iter()
        .find(|e| e.oid == "2.25.113059749145936325402354257176981405696")
        .unwrap();
    assert!(!custom.critical);
    // Legal encodings: no finding.
    assert!(
        cert.lints.iter().all(|f| !f.id.starts_with("e_der_")),
        "{:?}",
        cert.lints
    );
}

/// UUID OIDs as the signature algorithm (in `tbsCertificate.signature` and
/// `signatureAlgorithm`) and as the public key's algorithm: the certificate decodes (OpenSSL
/// reads it and prints both OIDs, `oracle.txt`), each OID keeps its exact dotted text, and the
/// report names the algorithms by their OIDs alone, which is how it says they are unknown: no
/// hash, no key size, no finding that a legal encoding is wrong.
#[test]
fn uuid_oids_as_algorithms_decode_as_unknown_algorithms() {
    let signature = "2.25.260276542659862290393113451425637105123";
    let key = "2.25.17767458734895423762304157234978234789";
    let oracle = oracle();
    let expected = oracle
        .iter()
        .find(|o| o.file == "uuid-algorithms.der")
        .unwrap();
    assert!(expected.reads);
    assert_eq!(expected.signature_algorithm, signature);
    assert_eq!(expected.public_key_algorithm, key);
    let (cert, json) = report("uuid-algorithms.der");
    assert_eq!(cert.signature_algorithm.oid, signature);
    assert_eq!(cert.signature_algorithm.name, signature);
    assert_eq!(cert.signature_algorithm.hash, None);
    assert_eq!(cert.public_key.oid, key);
    assert_eq!(cert.public_key.algorithm, key);
    assert_eq!((cert.public_key.bits, cert.public_key.curve), (None, None));
    assert_eq!(cert.serial.hex, expected.serial);
    assert_eq!(cert.subject.rfc4514, "CN=base,O=certscope lenient fixtures");
    assert!(!json.contains("\"2.25.0."), "a stand-in leaked");
    assert!(
        cert.lints
            .iter()
            .all(|f| !f.id.starts_with("e_der_") && f.id != "e_cert_sig_alg_not_match_tbs_sig_alg"),
        "{:?}",
        cert.lints
    );
}

#[test]
fn times_before_1970_are_exact() {
    let (cert, _) = report("utc-1969-expired.der");
    assert_eq!(cert.validity.not_before, "1950-01-01T00:00:00Z");
    assert_eq!(cert.validity.not_after, "1969-12-31T23:59:59Z");
    assert_eq!(cert.validity.valid_at_analysis_time, Some(false));
    assert!(cert.validity.days_until_expiry.unwrap() < -20_000);
    let (cert, _) = report("utc-1965.der");
    assert_eq!(cert.validity.not_before, "1965-03-01T12:00:00Z");
    assert_eq!(cert.validity.valid_at_analysis_time, Some(true));
}

#[test]
fn each_deviation_names_its_field() {
    let cases = [
        (
            "version-7.der",
            "e_version_unknown",
            "tbsCertificate.version",
        ),
        (
            "utc-no-seconds.der",
            "e_utc_time_not_canonical",
            "tbsCertificate.validity.notBefore",
        ),
        (
            "utc-offset.der",
            "e_utc_time_not_canonical",
            "tbsCertificate.validity.notAfter",
        ),
        (
            "serial-not-minimal.der",
            "e_der_integer_not_minimal",
            "tbsCertificate.serialNumber",
        ),
        (
            "critical-false.der",
            "e_der_default_value_encoded",
            "tbsCertificate.extensions[1].critical",
        ),
        (
            "boolean-01.der",
            "e_der_boolean_not_canonical",
            "tbsCertificate.extensions[0].critical",
        ),
        (
            "long-lengths.der",
            "e_der_length_not_minimal",
            "tbsCertificate",
        ),
    ];
    for (file, id, field) in cases {
        let (cert, _) = report(file);
        assert!(
            cert.lints.iter().any(|f| f.id == id && f.field == field),
            "{file}: no {id} on {field}: {:?}",
            cert.lints
        );
    }
    let (cert, _) = report("version-7.der");
    assert_eq!(cert.version, 3, "an unknown version is read as v3");
    let finding = cert
        .lints
        .iter()
        .find(|f| f.id == "e_version_unknown")
        .unwrap();
    assert!(finding.message.contains("is 7"), "{}", finding.message);
}

/// PKCS#12 files without a password: the MAC over a zero-length password (`MAC: sha1,
/// Iteration 1`, which `openssl pkcs12 -passin pass:` opens: `oracle.txt`) and no MAC at all
/// open without a password and with `--password ''`.
#[test]
fn pkcs12_without_a_password_opens_in_both_encodings() {
    let oracle = std::fs::read_to_string(data().join("oracle.txt")).unwrap();
    for file in ["empty-password-zero-length.p12", "no-mac.p12"] {
        assert!(
            oracle.contains(&format!("== {file} (exit 0)")),
            "{file}: OpenSSL opens it"
        );
        let der = std::fs::read(data().join(file)).unwrap();
        for password in [None, Some(certscope::Password::from(""))] {
            let options = certscope::InputOptions {
                password: password.clone(),
                ..Default::default()
            };
            let parsed = certscope::parse_input(&der, &options).unwrap();
            assert!(parsed.problems.is_empty(), "{file}: {:?}", parsed.problems);
            let cert = parsed.certificates().next().unwrap();
            assert_eq!(
                certscope::name::rfc4514(cert.x509().tbs_certificate().subject()),
                "CN=p12,O=certscope lenient fixtures"
            );
            assert_eq!(
                parsed.objects.len(),
                2,
                "{file}: the certificate and the key"
            );
        }
        // Any other password is wrong for the file with a MAC.
        if file.contains("zero-length") {
            let options = certscope::InputOptions {
                password: Some(certscope::Password::from("not it")),
                ..Default::default()
            };
            let parsed = certscope::parse_input(&der, &options).unwrap();
            assert_eq!(parsed.problems.len(), 1);
        }
    }
}

/// The report of the only object in a file of `tests/data/lenient/`.
fn object(file: &str) -> ObjectReport {
    let der = std::fs::read(data().join(file)).unwrap();
    let options = AnalyzeOptions::at_unix_seconds(1_800_000_000);
    let report = certscope::analyze(&der, &options).unwrap();
    assert!(report.problems.is_empty(), "{file}: {:?}", report.problems);
    assert_eq!(report.objects.len(), 1, "{file}");
    report.objects.into_iter().next().unwrap()
}

/// OpenSSL's `O = x, CN = y` as RFC 4514 (`CN=y,O=x`).
fn rfc4514(openssl: &str) -> String {
    let mut parts: Vec<String> = openssl.split(", ").map(|p| p.replace(" = ", "=")).collect();
    parts.reverse();
    parts.join(",")
}

/// `openssl crl` and `openssl req` on the CRLs and requests: what OpenSSL reads decodes with
/// the same issuer, update times and subject; what it refuses decodes with a finding.
#[test]
fn crls_and_requests_decode_as_openssl_reads_them() {
    let text = std::fs::read_to_string(data().join("oracle.txt")).unwrap();
    let mut seen = 0;
    for block in text.split("== ").skip(1) {
        let mut lines = block.lines();
        let (file, exit) = lines.next().unwrap().split_once(" (exit ").unwrap();
        if !(file.ends_with(".crl") || file.ends_with(".csr")) {
            continue;
        }
        seen += 1;
        let reads = exit == "0)";
        let field = |key: &str| {
            block
                .lines()
                .find_map(|line| line.strip_prefix(key))
                .map(str::to_owned)
        };
        match object(file) {
            ObjectReport::Crl(crl) => {
                if !reads {
                    assert!(!crl.lints.is_empty(), "{file}: refused, no finding");
                    continue;
                }
                assert_eq!(crl.issuer.rfc4514, rfc4514(&field("issuer=").unwrap()));
                assert_eq!(
                    crl.this_update,
                    rfc3339(&field("lastUpdate=").unwrap()),
                    "{file}"
                );
                match field("nextUpdate=").unwrap().as_str() {
                    "NONE" => assert_eq!(crl.next_update, None, "{file}"),
                    next => assert_eq!(crl.next_update, Some(rfc3339(next)), "{file}"),
                }
            }
            ObjectReport::Csr(csr) => {
                if !reads {
                    assert!(!csr.lints.is_empty(), "{file}: refused, no finding");
                    continue;
                }
                assert_eq!(csr.subject.rfc4514, rfc4514(&field("subject=").unwrap()));
            }
            other => panic!("{file}: {other:?}"),
        }
    }
    assert!(seen >= 20, "{seen} CRLs and requests in the oracle");
}

#[test]
fn crl_and_request_deviations_name_their_field() {
    let cases = [
        (
            "crl-utc-no-seconds.crl",
            "e_utc_time_not_canonical",
            "tbsCertList.thisUpdate",
        ),
        (
            "crl-long-lengths.crl",
            "e_der_length_not_minimal",
            "tbsCertList",
        ),
        (
            "crl-version-7.crl",
            "e_version_unknown",
            "tbsCertList.version",
        ),
        ("crl-version-7.crl", "e_crl_version_invalid", "version"),
        (
            "csr-version-1.csr",
            "e_version_unknown",
            "certificationRequestInfo.version",
        ),
        (
            "csr-version-not-minimal.csr",
            "e_der_integer_not_minimal",
            "certificationRequestInfo.version",
        ),
        (
            "csr-long-lengths.csr",
            "e_der_length_not_minimal",
            "certificationRequestInfo",
        ),
    ];
    for (file, id, field) in cases {
        let lints = match object(file) {
            ObjectReport::Crl(crl) => crl.lints,
            ObjectReport::Csr(csr) => csr.lints,
            other => panic!("{file}: {other:?}"),
        };
        assert!(
            lints.iter().any(|f| f.id == id && f.field == field),
            "{file}: no {id} on {field}: {lints:?}"
        );
    }
    let ObjectReport::Crl(crl) = object("crl-utc-1965.crl") else {
        panic!("not a CRL")
    };
    assert_eq!(crl.this_update, "1965-03-01T12:00:00Z");
    assert!(
        crl.lints.iter().all(|f| !f.id.starts_with("e_der_")),
        "a legal time before 1970 is no deviation: {:?}",
        crl.lints
    );
    for (file, kind) in [("crl-base.crl", "CRL"), ("csr-base.csr", "request")] {
        let lints = match object(file) {
            ObjectReport::Crl(crl) => crl.lints,
            ObjectReport::Csr(csr) => csr.lints,
            other => panic!("{file}: {other:?}"),
        };
        assert!(lints.is_empty(), "the well-formed {kind}: {lints:?}");
    }
}

/// What `openssl pkey` (or `openssl x509 -text`) says of each file of `keys/`: the key size
/// in bits, by file name.
fn key_oracle() -> Vec<(String, u32)> {
    let text = std::fs::read_to_string(data().join("keys/oracle.txt")).unwrap();
    assert!(
        text.starts_with("OpenSSL 3"),
        "the oracle names its version"
    );
    let mut out = Vec::new();
    let mut file = String::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("== ") {
            file = name.to_owned();
        } else if let Some((_, rest)) = line.split_once("-Key: (") {
            let bits = rest.split(' ').next().unwrap().parse().unwrap();
            out.push((file.clone(), bits));
        }
    }
    out
}

fn analyze_key(files: &[&str], password: Option<&str>) -> certscope::Report {
    let mut input = Vec::new();
    for file in files {
        input.extend(std::fs::read(data().join("keys").join(file)).unwrap());
    }
    let mut options = AnalyzeOptions::at_unix_seconds(1_800_000_000);
    options.input.password = password.map(certscope::Password::from);
    certscope::analyze(&input, &options).unwrap()
}

/// The key facts certscope reports for the first key of a report: algorithm, bits, curve.
fn key_facts(report: &certscope::Report) -> (String, Option<u32>, Option<String>) {
    report
        .objects
        .iter()
        .find_map(|object| match object {
            ObjectReport::PrivateKey(key) => {
                Some((key.algorithm.clone(), key.bits, key.curve.clone()))
            }
            ObjectReport::PublicKey(key) => Some((
                key.public_key.algorithm.clone(),
                key.public_key.bits,
                key.public_key.curve.clone(),
            )),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no key: {:?}", report.problems))
}

/// OpenSSL's legacy PEM encryption (`Proc-Type: 4,ENCRYPTED`, `DEK-Info`): DES-CBC,
/// DES-EDE3-CBC and AES-128/192/256-CBC, RSA, EC and DSA keys, read with the password, of the
/// size `openssl pkey` gives; without a password or with a wrong one, a problem that says so.
#[test]
fn legacy_encrypted_pem_keys_open_with_the_password() {
    use certscope::input::ProblemKind;
    let oracle = key_oracle();
    let files: Vec<&(String, u32)> = oracle
        .iter()
        .filter(|(f, _)| f.contains("legacy"))
        .collect();
    assert_eq!(files.len(), 7, "{files:?}");
    for (file, bits) in files {
        let report = analyze_key(&[file], Some("secret"));
        assert!(report.problems.is_empty(), "{file}: {:?}", report.problems);
        let (algorithm, ours, _) = key_facts(&report);
        assert_eq!(ours, Some(*bits), "{file}: {algorithm}");
        let expected = match file.split('-').next().unwrap() {
            "rsa" => "RSA",
            "ec" => "EC",
            _ => "DSA",
        };
        assert_eq!(algorithm, expected, "{file}");
        for (password, kind) in [
            (None, ProblemKind::PasswordRequired),
            (Some("not it"), ProblemKind::WrongPassword),
        ] {
            let report = analyze_key(&[file], password);
            assert!(report.objects.is_empty(), "{file}: {password:?}");
            assert_eq!(report.problems.len(), 1, "{file}");
            assert_eq!(
                report.problems[0].kind, kind,
                "{file}: {:?}",
                report.problems
            );
        }
    }
}

/// DSA keys: OpenSSL's `DSA PRIVATE KEY` (PEM and DER), PKCS#8 and the public key, with the
/// size of p as `openssl pkey` gives it; the private key matches its certificate.
#[test]
fn dsa_keys_decode_with_their_size_and_match_their_certificate() {
    let oracle = key_oracle();
    for file in [
        "dsa.pem",
        "dsa.der",
        "dsa.pkcs8.pem",
        "dsa.pub.pem",
        "dsa-cert.pem",
    ] {
        let bits = oracle.iter().find(|(f, _)| f == file).unwrap().1;
        let report = analyze_key(&[file], None);
        assert!(report.problems.is_empty(), "{file}: {:?}", report.problems);
        let ours = if file.ends_with("cert.pem") {
            let cert = report.certificates().next().unwrap();
            (cert.public_key.algorithm.clone(), cert.public_key.bits)
        } else {
            let (algorithm, bits, _) = key_facts(&report);
            (algorithm, bits)
        };
        assert_eq!(ours, ("DSA".to_owned(), Some(bits)), "{file}");
    }
    // A PKCS#8 DSA key holds only x: which certificate it belongs to would take g^x mod p, so
    // it is matched only when it carries its public key.
    let report = analyze_key(&["dsa-cert.pem", "dsa.pem"], None);
    let matches = report
        .objects
        .iter()
        .find_map(|object| match object {
            ObjectReport::PrivateKey(key) => Some(key.matches.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(matches, vec![0], "the key belongs to the certificate");
}

/// EC keys with explicit curve parameters (SEC1, PKCS#8, public key): named when the parameters
/// are P-256, P-384, P-521 or secp256k1's, sized as `openssl pkey` says either way.
#[test]
fn explicit_curve_parameters_are_named_and_sized() {
    let oracle = key_oracle();
    for (curve, name) in [
        ("p256", Some("P-256")),
        ("p384", Some("P-384")),
        ("p521", Some("P-521")),
        ("secp256k1", Some("secp256k1")),
        ("brainpoolp256r1", None),
    ] {
        for form in ["sec1", "pkcs8", "pub"] {
            let file = format!("ec-explicit-{curve}.{form}.pem");
            let bits = oracle.iter().find(|(f, _)| *f == file).unwrap().1;
            let report = analyze_key(&[&file], None);
            assert!(report.problems.is_empty(), "{file}: {:?}", report.problems);
            let (algorithm, ours, named) = key_facts(&report);
            assert_eq!(algorithm, "EC", "{file}");
            assert_eq!(ours, Some(bits), "{file}");
            assert_eq!(named.as_deref(), name, "{file}");
        }
    }
}

/// The differential corpus (`tests/data/lenient/corpus/`, made by its `gen.py`): certificates,
/// CRLs, requests, keys and PKCS#12 files mutated into the encodings issuers get wrong, with
/// what `openssl` and Python's `cryptography` read from each (their versions in the file).
/// Whatever either reads, certscope decodes with the same serial, names, validity, extension
/// OIDs and key facts; whatever both refuse, certscope reports: a finding on the object or a
/// problem.
#[test]
fn differential_corpus_what_openssl_or_cryptography_reads_certscope_reads_the_same() {
    use serde_json::Value;
    let text = std::fs::read_to_string(data().join("corpus/corpus.json")).unwrap();
    let corpus: Value = serde_json::from_str(&text).unwrap();
    let versions = &corpus["versions"];
    assert!(versions["openssl"]
        .as_str()
        .unwrap()
        .starts_with("OpenSSL 3"));
    assert!(versions["cryptography"].as_str().is_some());
    let entries = corpus["entries"].as_array().unwrap();
    assert!(entries.len() >= 300, "{} objects", entries.len());
    let mut failures: Vec<String> = Vec::new();
    let mut read_by_an_oracle = 0;
    for entry in entries {
        let name = entry["name"].as_str().unwrap();
        let kind = entry["kind"].as_str().unwrap();
        let der: Vec<u8> = (0..entry["der"].as_str().unwrap().len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&entry["der"].as_str().unwrap()[i..i + 2], 16).unwrap())
            .collect();
        let mut options = AnalyzeOptions::at_unix_seconds(1_800_000_000);
        if let Some(password) = entry["password"].as_str() {
            options.input.password = Some(certscope::Password::from(password));
        }
        let report = certscope::analyze(&der, &options).ok();
        let objects = report
            .as_ref()
            .map(|r| r.objects.as_slice())
            .unwrap_or_default();
        let problems = report.as_ref().map_or(1, |r| r.problems.len());
        let mut fail =
            |what: String| failures.push(format!("{name} {:?}: {what}", entry["mutations"]));
        let oracles: Vec<(&str, &Value)> = ["openssl", "cryptography"]
            .into_iter()
            .map(|oracle| (oracle, &entry[oracle]))
            .filter(|(_, answer)| answer["reads"] == true)
            .collect();
        if oracles.is_empty() {
            let findings = objects.iter().any(|object| match object {
                ObjectReport::Certificate(cert) => !cert.lints.is_empty(),
                ObjectReport::Crl(crl) => !crl.lints.is_empty(),
                ObjectReport::Csr(csr) => !csr.lints.is_empty(),
                ObjectReport::PrivateKey(key) => !key.lints.is_empty(),
                ObjectReport::PublicKey(key) => !key.lints.is_empty(),
                _ => false,
            });
            if problems == 0 && !findings {
                fail("both oracles refuse it; certscope reports nothing".into());
            }
            continue;
        }
        read_by_an_oracle += 1;
        let same = |fail: &mut dyn FnMut(String),
                    oracle: &str,
                    field: &str,
                    ours: Option<String>,
                    theirs: &Value| {
            let theirs = theirs.as_str().map(str::to_owned);
            if theirs.is_some() && theirs.as_deref() != Some(BAD_TIME) && ours != theirs {
                fail(format!("{field}: certscope {ours:?}, {oracle} {theirs:?}"));
            }
        };
        let key_same = |fail: &mut dyn FnMut(String),
                        oracle: &str,
                        bits: Option<u32>,
                        algorithm: &str,
                        answer: &Value| {
            let key = &answer["key"];
            if let Some(expected) = key["bits"].as_u64().or(answer["bits"].as_u64()) {
                if bits.map(u64::from) != Some(expected) {
                    fail(format!("key bits: certscope {bits:?}, {oracle} {expected}"));
                }
            }
            if let Some(expected) = key["algorithm"].as_str() {
                let ours = match algorithm {
                    "rsaEncryption" | "RSA" => "RSA",
                    "id-ecPublicKey" | "EC" => "EC",
                    "id-dsa" | "DSA" => "DSA",
                    "id-Ed25519" | "Ed25519" => "Ed25519",
                    other => other,
                };
                if ours != expected {
                    fail(format!(
                        "key algorithm: certscope {algorithm}, {oracle} {expected}"
                    ));
                }
            }
        };
        let oids = |list: &[certscope::report::Extension]| -> Value {
            Value::from(list.iter().map(|e| e.oid.clone()).collect::<Vec<_>>())
        };
        match kind {
            "certificate" => {
                let Some(cert) = objects.iter().find_map(|o| match o {
                    ObjectReport::Certificate(c) => Some(c),
                    _ => None,
                }) else {
                    fail(format!(
                        "read by {:?}; certscope drops it: {:?}",
                        oracles.iter().map(|o| o.0).collect::<Vec<_>>(),
                        report.map(|r| r.problems)
                    ));
                    continue;
                };
                for (oracle, answer) in &oracles {
                    // A time OpenSSL cannot read ("Bad time value") is unreadable to certscope
                    // too: shown as 1970-01-01 with a finding.
                    for field in ["not_before", "not_after"] {
                        if answer[field] == BAD_TIME
                            && !cert.lints.iter().any(|f| f.id == "e_time_invalid")
                        {
                            fail(format!(
                                "{field}: {oracle} cannot read it, certscope has no e_time_invalid"
                            ));
                        }
                    }
                    same(
                        &mut fail,
                        oracle,
                        "serial",
                        Some(cert.serial.hex.clone()),
                        &answer["serial"],
                    );
                    same(
                        &mut fail,
                        oracle,
                        "subject",
                        Some(cert.subject.rfc4514.clone()),
                        &answer["subject"],
                    );
                    same(
                        &mut fail,
                        oracle,
                        "issuer",
                        Some(cert.issuer.rfc4514.clone()),
                        &answer["issuer"],
                    );
                    same(
                        &mut fail,
                        oracle,
                        "notBefore",
                        Some(cert.validity.not_before.clone()),
                        &answer["not_before"],
                    );
                    same(
                        &mut fail,
                        oracle,
                        "notAfter",
                        Some(cert.validity.not_after.clone()),
                        &answer["not_after"],
                    );
                    if answer["extensions"].is_array()
                        && oids(&cert.extensions) != answer["extensions"]
                    {
                        fail(format!(
                            "extensions: certscope {}, {oracle} {}",
                            oids(&cert.extensions),
                            answer["extensions"]
                        ));
                    }
                    key_same(
                        &mut fail,
                        oracle,
                        cert.public_key.bits,
                        &cert.public_key.algorithm,
                        answer,
                    );
                }
            }
            "crl" => {
                let Some(crl) = objects.iter().find_map(|o| match o {
                    ObjectReport::Crl(c) => Some(c),
                    _ => None,
                }) else {
                    fail(format!(
                        "read by {:?}; certscope drops it: {:?}",
                        oracles.iter().map(|o| o.0).collect::<Vec<_>>(),
                        report.map(|r| r.problems)
                    ));
                    continue;
                };
                for (oracle, answer) in &oracles {
                    same(
                        &mut fail,
                        oracle,
                        "issuer",
                        Some(crl.issuer.rfc4514.clone()),
                        &answer["issuer"],
                    );
                    same(
                        &mut fail,
                        oracle,
                        "thisUpdate",
                        Some(crl.this_update.clone()),
                        &answer["this_update"],
                    );
                    if answer.get("next_update").is_some()
                        && crl.next_update.as_deref() != answer["next_update"].as_str()
                    {
                        fail(format!(
                            "nextUpdate: certscope {:?}, {oracle} {}",
                            crl.next_update, answer["next_update"]
                        ));
                    }
                    if let Some(revoked) = answer["revoked"].as_array() {
                        let ours: Vec<Value> = crl
                            .revoked
                            .iter()
                            .map(|r| Value::from(r.serial.hex.clone()))
                            .collect();
                        if &ours != revoked {
                            fail(format!("revoked: certscope {ours:?}, {oracle} {revoked:?}"));
                        }
                    }
                    if answer["extensions"].is_array()
                        && oids(&crl.extensions) != answer["extensions"]
                    {
                        fail(format!(
                            "extensions: certscope {}, {oracle} {}",
                            oids(&crl.extensions),
                            answer["extensions"]
                        ));
                    }
                }
            }
            "csr" => {
                let Some(csr) = objects.iter().find_map(|o| match o {
                    ObjectReport::Csr(c) => Some(c),
                    _ => None,
                }) else {
                    fail(format!(
                        "read by {:?}; certscope drops it: {:?}",
                        oracles.iter().map(|o| o.0).collect::<Vec<_>>(),
                        report.map(|r| r.problems)
                    ));
                    continue;
                };
                for (oracle, answer) in &oracles {
                    same(
                        &mut fail,
                        oracle,
                        "subject",
                        Some(csr.subject.rfc4514.clone()),
                        &answer["subject"],
                    );
                    if answer["extensions"].is_array()
                        && oids(&csr.requested_extensions) != answer["extensions"]
                    {
                        fail(format!(
                            "extensions: certscope {}, {oracle} {}",
                            oids(&csr.requested_extensions),
                            answer["extensions"]
                        ));
                    }
                    key_same(
                        &mut fail,
                        oracle,
                        csr.public_key.bits,
                        &csr.public_key.algorithm,
                        answer,
                    );
                }
            }
            "private_key" | "public_key" | "pkcs12" => {
                let key = objects.iter().find_map(|o| match o {
                    ObjectReport::PrivateKey(k) => Some((k.bits, k.algorithm.clone())),
                    ObjectReport::PublicKey(k) => {
                        Some((k.public_key.bits, k.public_key.algorithm.clone()))
                    }
                    _ => None,
                });
                let Some((bits, algorithm)) = key else {
                    fail(format!(
                        "read by {:?}; certscope drops it: {:?}",
                        oracles.iter().map(|o| o.0).collect::<Vec<_>>(),
                        report.map(|r| r.problems)
                    ));
                    continue;
                };
                for (oracle, answer) in &oracles {
                    key_same(&mut fail, oracle, bits, &algorithm, answer);
                    if kind == "pkcs12" {
                        let subject = objects.iter().find_map(|o| match o {
                            ObjectReport::Certificate(c) => Some(c.subject.rfc4514.clone()),
                            _ => None,
                        });
                        let theirs = answer["subject"].as_str().map(|s| s.trim().to_owned());
                        if theirs.is_some() && *oracle == "cryptography" && subject != theirs {
                            fail(format!(
                                "subject: certscope {subject:?}, {oracle} {theirs:?}"
                            ));
                        }
                    }
                }
            }
            other => panic!("{name}: kind {other}"),
        }
    }
    assert!(
        read_by_an_oracle >= 250,
        "{read_by_an_oracle} read by an oracle"
    );
    assert!(
        failures.is_empty(),
        "{} of {} objects:\n{}",
        failures.len(),
        entries.len(),
        failures.join("\n")
    );
}

/// Where `openssl` and Python's `cryptography` are installed in the versions the corpus was
/// recorded with, `corpus/gen.py --check` runs them again on every object and fails when an
/// answer differs from `corpus.json` (or when the generator no longer makes the committed
/// objects). Other versions, or no tools: the record is used as it is, and this says so.
#[test]
fn differential_corpus_the_record_is_what_the_tools_answer_where_installed() {
    use std::process::Command;
    let text = std::fs::read_to_string(data().join("corpus/corpus.json")).unwrap();
    let corpus: serde_json::Value = serde_json::from_str(&text).unwrap();
    let openssl = Command::new("openssl")
        .arg("version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
    let cryptography = Command::new("python3")
        .args(["-c", "import cryptography; print(cryptography.__version__)"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
    let (Some(openssl), Some(cryptography)) = (openssl, cryptography) else {
        eprintln!("openssl or Python cryptography is not installed: the recorded answers are used as they are");
        return;
    };
    let versions = &corpus["versions"];
    if versions["openssl"] != openssl.as_str() || versions["cryptography"] != cryptography.as_str()
    {
        eprintln!(
            "installed: {openssl}, cryptography {cryptography}; recorded: {}, cryptography {}: \
             not compared (rerun corpus/gen.py to update the record)",
            versions["openssl"], versions["cryptography"]
        );
        return;
    }
    let output = Command::new("python3")
        .arg(data().join("corpus/gen.py"))
        .arg("--check")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "corpus.json is not what the tools answer:\n{said}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(said.contains("same answer from openssl: "), "{said}");
}

/// An empty extendedKeyUsage (RFC 5280 4.2.1.12, `SIZE (1..MAX)`), which OpenSSL and Python's
/// cryptography both read without a word: every corpus certificate the generator gave one draws
/// `e_ext_eku_no_entries` on `extensions/extendedKeyUsage`, and no other certificate does.
#[test]
fn differential_corpus_an_empty_extended_key_usage_has_a_finding() {
    use serde_json::Value;
    let text = std::fs::read_to_string(data().join("corpus/corpus.json")).unwrap();
    let corpus: Value = serde_json::from_str(&text).unwrap();
    let (mut empty, mut others) = (0, 0);
    let mut failures = Vec::new();
    for entry in corpus["entries"].as_array().unwrap() {
        if entry["kind"] != "certificate" {
            continue;
        }
        let name = entry["name"].as_str().unwrap();
        let hex = entry["der"].as_str().unwrap();
        let der: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
        let mutations = entry["mutations"].as_array().unwrap();
        let emptied = mutations.iter().any(|m| m == "empty extendedKeyUsage");
        let options = AnalyzeOptions::at_unix_seconds(1_800_000_000);
        let Some(cert) = certscope::analyze(&der, &options).ok().and_then(|report| {
            report.objects.into_iter().find_map(|o| match o {
                ObjectReport::Certificate(c) => Some(c),
                _ => None,
            })
        }) else {
            assert!(!emptied, "{name}: not decoded");
            continue;
        };
        let hits: Vec<_> = cert
            .lints
            .iter()
            .filter(|f| f.id == "e_ext_eku_no_entries")
            .collect();
        if emptied {
            empty += 1;
            assert_eq!(entry["openssl"]["reads"], true, "{name}");
            // An extension repeated by another mutation may be the extendedKeyUsage itself;
            // then the duplicate is what is reported.
            let duplicated = cert.lints.iter().any(|f| {
                f.id == "e_ext_duplicate_extension" && f.field == "extensions/extendedKeyUsage"
            });
            if !duplicated
                && !hits
                    .iter()
                    .any(|f| f.field == "extensions/extendedKeyUsage")
            {
                failures.push(format!("{name} {mutations:?}: no e_ext_eku_no_entries"));
            }
        } else {
            others += 1;
            if !hits.is_empty() {
                failures.push(format!("{name} {mutations:?}: e_ext_eku_no_entries"));
            }
        }
    }
    assert!(
        empty >= 10 && others >= 100,
        "{empty} emptied, {others} others"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A PEM block whose label names something else (an EC `SubjectPublicKeyInfo` under
/// `RSA PUBLIC KEY`) is read as what it holds, as `openssl pkey` reads it (the size in
/// `keys/oracle.txt`), with a finding that names the label; a block that holds what its label
/// says has none. `certscope lint` and text `inspect` show the finding (tests in the CLI).
#[test]
fn a_key_under_a_pem_label_that_names_something_else_is_read_with_a_finding() {
    let oracle = key_oracle();
    let bits = |file: &str| oracle.iter().find(|(name, _)| name == file).unwrap().1;
    for (file, algorithm, mislabelled) in [
        ("ec-rsa-label.pub.pem", "EC", true),
        ("rsa-pkcs1.pub.pem", "RSA", false),
    ] {
        let report = analyze_key(&[file], None);
        assert!(report.problems.is_empty(), "{file}: {:?}", report.problems);
        let (ours, size, _) = key_facts(&report);
        assert_eq!(ours, algorithm, "{file}");
        assert_eq!(size, Some(bits(file)), "{file}");
        let ObjectReport::PublicKey(key) = &report.objects[0] else {
            panic!("{file}: {:?}", report.objects);
        };
        let labels: Vec<_> = key
            .lints
            .iter()
            .filter(|f| f.id == "e_pem_label_mismatch")
            .collect();
        if mislabelled {
            assert_eq!(labels.len(), 1, "{file}: {:?}", key.lints);
            assert_eq!(labels[0].field, "label");
            assert_eq!(
                labels[0].message,
                "the PEM label is RSA PUBLIC KEY, which stands for an RSA public key (PKCS#1), \
                 but the block holds a public key: read as what it holds (at byte 0)"
            );
        } else {
            assert!(key.lints.is_empty(), "{file}: {:?}", key.lints);
        }
    }
}
