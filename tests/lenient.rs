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
            entry.not_before = rfc3339(time);
        } else if let Some(time) = line.strip_prefix("notAfter=") {
            entry.not_after = rfc3339(time);
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
        assert_eq!(
            cert.validity.not_before, expected.not_before,
            "{}",
            expected.file
        );
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
