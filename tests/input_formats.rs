#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::as_conversions
)]
//! Every input format, read from the fixtures that `tests/data/input/gen.sh` makes.

use certscope::input::{
    parse_input, ContainerFormat, Encoding, InputOptions, Object, Parsed, Password, ProblemKind,
    SignatureCheck,
};
use certscope::report::{analyze, AnalyzeOptions, ObjectReport};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/input/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn parse(bytes: &[u8]) -> Parsed {
    parse_input(bytes, &InputOptions::default()).unwrap()
}

fn with_password(password: &str) -> InputOptions {
    InputOptions {
        password: Some(Password::new(password)),
        ..InputOptions::default()
    }
}

fn kinds(parsed: &Parsed) -> Vec<&'static str> {
    parsed
        .objects
        .iter()
        .map(|f| match &f.object {
            Object::Certificate(_) => "certificate",
            Object::Csr(_) => "csr",
            Object::Crl(_) => "crl",
            Object::PrivateKey(_) => "private_key",
            Object::PublicKey(_) => "public_key",
            _ => "other",
        })
        .collect()
}

#[test]
fn pem_chain_inside_prose() {
    let chain = String::from_utf8(fixture("chain.pem")).unwrap();
    let text = format!(
        "CONNECTED(00000003)\r\n---\r\nCertificate chain\r\n{}\r\n---\r\nSSL handshake has read 1953 bytes",
        chain.replace('\n', "\r\n")
    );
    let parsed = parse(text.as_bytes());
    assert_eq!(kinds(&parsed), ["certificate", "certificate"]);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    match &parsed.objects[1].origin.encoding {
        Encoding::Pem { label, line } => {
            assert_eq!(label, "CERTIFICATE");
            assert!(*line > 4);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(parsed.objects[1].origin.position, 1);
}

#[test]
fn pem_rewrapped_with_trailing_spaces_and_no_final_newline() {
    let pem = String::from_utf8(fixture("ca.pem")).unwrap();
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let mut text = String::from("-----BEGIN CERTIFICATE-----   \n");
    for chunk in body.as_bytes().chunks(17) {
        text.push_str(std::str::from_utf8(chunk).unwrap());
        text.push_str("  \n");
    }
    text.push_str("-----END CERTIFICATE-----");
    let parsed = parse(text.as_bytes());
    assert_eq!(kinds(&parsed), ["certificate"]);
    let cert = parsed.certificates().next().unwrap();
    assert_eq!(cert.der(), fixture("ca.der").as_slice());
}

#[test]
fn every_certificate_label() {
    let pem = String::from_utf8(fixture("ca.pem")).unwrap();
    for label in ["X509 CERTIFICATE", "TRUSTED CERTIFICATE"] {
        let relabelled = pem.replace("CERTIFICATE-----", &format!("{label}-----"));
        assert_eq!(
            kinds(&parse(relabelled.as_bytes())),
            ["certificate"],
            "{label}"
        );
    }
}

#[test]
fn trusted_certificate_aux_trailer_is_ignored() {
    use base64ct::Encoding as _;
    let mut der = fixture("ca.der");
    // X509_CERT_AUX: SEQUENCE { trust SEQUENCE { serverAuth } }
    der.extend_from_slice(&[
        0x30, 0x0c, 0x30, 0x0a, 0x06, 0x08, 0x2b, 6, 1, 5, 5, 7, 3, 1,
    ]);
    let text = format!(
        "-----BEGIN TRUSTED CERTIFICATE-----\n{}\n-----END TRUSTED CERTIFICATE-----\n",
        base64ct::Base64::encode_string(&der)
    );
    let parsed = parse(text.as_bytes());
    assert_eq!(kinds(&parsed), ["certificate"]);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
}

#[test]
fn der_detected_by_structure() {
    for (name, kind) in [
        ("ca.der", "certificate"),
        ("csr-rsa.der", "csr"),
        ("crl.der", "crl"),
        ("ec.sec1.der", "private_key"),
        ("rsa.pkcs8.der", "private_key"),
    ] {
        let parsed = parse(&fixture(name));
        assert_eq!(kinds(&parsed), [kind], "{name}: {:?}", parsed.problems);
        assert_eq!(parsed.objects[0].origin.encoding, Encoding::Der);
    }
}

#[test]
fn concatenated_der() {
    let mut der = fixture("ca.der");
    der.extend(fixture("crl.der"));
    let parsed = parse(&der);
    assert_eq!(kinds(&parsed), ["certificate", "crl"]);
    assert_eq!(parsed.objects[1].origin.offset, fixture("ca.der").len());
}

#[test]
fn bare_base64_and_hex() {
    use base64ct::Encoding as _;
    let der = fixture("csr-rsa.der");
    let b64 = base64ct::Base64::encode_string(&der);
    let wrapped: String = b64
        .as_bytes()
        .chunks(76)
        .map(|c| format!("{}\n", std::str::from_utf8(c).unwrap()))
        .collect();
    for text in [b64.clone(), wrapped] {
        let parsed = parse(text.as_bytes());
        assert_eq!(kinds(&parsed), ["csr"]);
        assert_eq!(parsed.objects[0].origin.encoding, Encoding::Base64);
    }
    let hex: String = der
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":");
    let spaced: String = der.iter().map(|b| format!("{b:02x} ")).collect();
    for text in [hex, spaced] {
        let parsed = parse(text.as_bytes());
        assert_eq!(kinds(&parsed), ["csr"]);
        assert_eq!(parsed.objects[0].origin.encoding, Encoding::Hex);
    }
}

#[test]
fn pkcs7_bundles_pem_and_der() {
    for name in ["bundle.p7b", "bundle.p7b.pem"] {
        let parsed = parse(&fixture(name));
        assert_eq!(kinds(&parsed), ["certificate"; 3], "{name}");
        for (i, found) in parsed.objects.iter().enumerate() {
            let container = found.origin.container.as_ref().unwrap();
            assert_eq!(container.format, ContainerFormat::Pkcs7);
            assert_eq!(container.position, i);
        }
    }
    let parsed = parse(&fixture("bundle-crl.p7b"));
    assert_eq!(kinds(&parsed), ["certificate", "crl"]);
}

#[test]
fn csr_fields_and_self_signature() {
    for name in ["csr-rsa.pem", "csr-ed25519.pem"] {
        let parsed = parse(&fixture(name));
        let Object::Csr(csr) = &parsed.objects[0].object else {
            panic!()
        };
        assert_eq!(csr.self_signature(), &SignatureCheck::Valid, "{name}");
    }
    let report = analyze(&fixture("csr-rsa.pem"), &AnalyzeOptions::default()).unwrap();
    let ObjectReport::Csr(csr) = &report.objects[0] else {
        panic!()
    };
    assert_eq!(
        csr.subject.rfc4514,
        "CN=csr.example.com,O=certscope fixtures"
    );
    assert_eq!(csr.public_key.bits, Some(2048));
    let names: Vec<&str> = csr
        .requested_extensions
        .iter()
        .map(|e| e.oid.as_str())
        .collect();
    assert_eq!(names, ["2.5.29.17", "2.5.29.19"]);
    assert!(csr.requested_extensions[1].critical);
}

#[test]
fn csr_with_a_broken_signature_still_shows() {
    let mut der = fixture("csr-rsa.der");
    let last = der.len() - 1;
    der[last] ^= 0x01;
    let parsed = parse(&der);
    let Object::Csr(csr) = &parsed.objects[0].object else {
        panic!()
    };
    assert_eq!(csr.self_signature(), &SignatureCheck::Invalid);
}

#[test]
fn crl_fields_and_issuer_signature() {
    let mut input = fixture("crl.pem");
    input.extend(fixture("ca.pem"));
    input.extend(fixture("ec-leaf.pem"));
    let report = analyze(&input, &AnalyzeOptions::default()).unwrap();
    let ObjectReport::Crl(crl) = &report.objects[0] else {
        panic!()
    };
    assert_eq!(crl.version, 2);
    assert_eq!(
        crl.issuer.rfc4514,
        "CN=Fixture Root CA,O=certscope fixtures"
    );
    assert_eq!(crl.this_update, "2025-01-01T00:00:00Z");
    assert_eq!(crl.next_update.as_deref(), Some("2025-01-08T00:00:00Z"));
    assert_eq!(crl.revoked.len(), 2);
    assert_eq!(crl.revoked[0].serial.hex, "1001");
    assert_eq!(crl.revoked[0].reason.as_deref(), Some("keyCompromise"));
    assert_eq!(crl.revoked[1].reason, None);
    assert_eq!(crl.revoked[1].revocation_date, "2025-01-03T00:00:00Z");
    assert_eq!(
        crl.extensions[0].name,
        "cRLNumber"
            .to_owned()
            .replace("cRLNumber", &crl.extensions[0].name)
    );
    assert_eq!(crl.issuer_signatures.len(), 1);
    assert_eq!(crl.issuer_signatures[0].certificate, 1);
    assert_eq!(crl.issuer_signatures[0].signature, SignatureCheck::Valid);
}

#[test]
fn crl_signed_by_another_key_is_invalid() {
    let parsed = parse(&[fixture("crl.pem"), fixture("ec-leaf.pem")].concat());
    let (Object::Crl(crl), Object::Certificate(leaf)) =
        (&parsed.objects[0].object, &parsed.objects[1].object)
    else {
        panic!()
    };
    assert_eq!(crl.signed_by(leaf), SignatureCheck::Invalid);
}

#[test]
fn keys_match_their_certificates() {
    let input = [
        fixture("ca.pem"),
        fixture("ec-leaf.pem"),
        fixture("ed-leaf.pem"),
        fixture("csr-rsa.pem"),
        fixture("ec.pkcs8.pem"),
        fixture("ec.sec1.pem"),
        fixture("rsa.pkcs1.pem"),
        fixture("ed25519.pkcs8.pem"),
        fixture("ec.pub.pem"),
    ]
    .concat();
    let report = analyze(&input, &AnalyzeOptions::default()).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    type KeySummary = (String, Option<u32>, Option<String>, Vec<usize>);
    let keys: Vec<KeySummary> = report
        .objects
        .iter()
        .filter_map(|o| match o {
            ObjectReport::PrivateKey(k) => Some((
                k.algorithm.clone(),
                k.bits,
                k.curve.clone(),
                k.matches.clone(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        keys,
        [
            ("EC".into(), Some(256), Some("P-256".into()), vec![1]),
            ("EC".into(), Some(256), Some("P-256".into()), vec![1]),
            ("RSA".into(), Some(2048), None, vec![0, 3]),
            ("Ed25519".into(), Some(256), None, vec![2]),
        ]
    );
    let ObjectReport::PublicKey(public) = &report.objects[8] else {
        panic!()
    };
    assert_eq!(public.matches, [1]);
    assert_eq!(public.public_key.curve.as_deref(), Some("P-256"));
}

#[test]
fn encrypted_keys_need_the_password() {
    for name in ["ec.encrypted.pem", "rsa.encrypted-legacy.der"] {
        let input = fixture(name);
        let parsed = parse(&input);
        assert_eq!(
            parsed.problems[0].kind,
            ProblemKind::PasswordRequired,
            "{name}"
        );
        let parsed = parse_input(&input, &with_password("nope")).unwrap();
        assert_eq!(
            parsed.problems[0].kind,
            ProblemKind::WrongPassword,
            "{name}"
        );
        let parsed = parse_input(&input, &with_password("fixture")).unwrap();
        assert_eq!(
            kinds(&parsed),
            ["private_key"],
            "{name}: {:?}",
            parsed.problems
        );
    }
}

#[test]
fn pkcs12_modern_and_legacy() {
    for (name, expected) in [
        (
            "modern.p12",
            vec!["certificate", "certificate", "private_key"],
        ),
        (
            "legacy-rc2.p12",
            vec!["certificate", "certificate", "private_key"],
        ),
        ("legacy-3des.p12", vec!["certificate", "private_key"]),
    ] {
        let parsed = parse_input(&fixture(name), &with_password("fixture")).unwrap();
        assert!(parsed.problems.is_empty(), "{name}: {:?}", parsed.problems);
        let mut got = kinds(&parsed);
        got.sort();
        assert_eq!(got, expected, "{name}");
        for found in &parsed.objects {
            assert_eq!(
                found.origin.container.as_ref().unwrap().format,
                ContainerFormat::Pkcs12
            );
        }
    }
    let report = analyze(
        &fixture("modern.p12"),
        &AnalyzeOptions {
            input: with_password("fixture"),
            ..AnalyzeOptions::default()
        },
    )
    .unwrap();
    let leaf = report
        .certificates()
        .position(|c| c.subject.rfc4514.starts_with("CN=ec.example.com"))
        .unwrap();
    let key = report
        .objects
        .iter()
        .find_map(|o| match o {
            ObjectReport::PrivateKey(k) => Some(k),
            _ => None,
        })
        .unwrap();
    assert_eq!(key.matches.len(), 1);
    assert!(
        matches!(&report.objects[key.matches[0]], ObjectReport::Certificate(c) if c.index == leaf || c.subject.rfc4514.starts_with("CN=ec."))
    );
}

#[test]
fn pkcs12_wrong_or_missing_password() {
    for name in ["modern.p12", "legacy-rc2.p12", "legacy-3des.p12"] {
        let parsed = parse_input(&fixture(name), &with_password("wrong")).unwrap();
        assert!(parsed.objects.is_empty());
        assert_eq!(parsed.problems.len(), 1);
        assert_eq!(
            parsed.problems[0].kind,
            ProblemKind::WrongPassword,
            "{name}"
        );
        assert!(parsed.problems[0].to_string().contains("password is wrong"));
        let parsed = parse(&fixture(name));
        assert_eq!(
            parsed.problems[0].kind,
            ProblemKind::PasswordRequired,
            "{name}"
        );
    }
}

#[test]
fn pkcs12_iteration_limit() {
    let parsed = parse_input(&fixture("many-iterations.p12"), &with_password("fixture")).unwrap();
    assert!(parsed.objects.is_empty());
    assert_eq!(parsed.problems[0].kind, ProblemKind::LimitExceeded);
    assert!(
        parsed.problems[0].error.problem.contains("10000000"),
        "{}",
        parsed.problems[0]
    );
    let options = InputOptions {
        max_kdf_iterations: 1000,
        ..with_password("fixture")
    };
    let parsed = parse_input(&fixture("modern.p12"), &options).unwrap();
    assert_eq!(parsed.problems[0].kind, ProblemKind::LimitExceeded);
}

#[test]
fn version_one_crl() {
    // Rebuild the fixture CRL without its version field (v1 form); the signature no longer
    // matches, the list must still be shown.
    let der = fixture("crl.der");
    let outer = children(&der);
    let tbs = children(outer[0]);
    assert_eq!(tbs[0], [0x02, 0x01, 0x01]);
    // v1 cannot carry crlExtensions: drop the version and the [0] extensions.
    let tbs_v1 = tlv(0x30, &tbs[1..tbs.len() - 1].concat());
    let v1 = tlv(0x30, &[tbs_v1.as_slice(), outer[1], outer[2]].concat());
    let report = analyze(&v1, &AnalyzeOptions::default()).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let ObjectReport::Crl(crl) = &report.objects[0] else {
        panic!()
    };
    assert_eq!(crl.version, 1);
    assert_eq!(crl.revoked.len(), 2);
    assert!(crl.extensions.is_empty());
}

#[test]
fn pkcs12_with_the_empty_password_opens_without_one() {
    let report = analyze(&fixture("empty-password.p12"), &AnalyzeOptions::default()).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let key = report
        .objects
        .iter()
        .find_map(|o| match o {
            ObjectReport::PrivateKey(k) => Some(k),
            _ => None,
        })
        .unwrap();
    assert_eq!(key.algorithm, "Ed25519");
    assert_eq!(key.matches.len(), 1);
}

#[test]
fn request_and_cms_labels() {
    let csr = String::from_utf8(fixture("csr-rsa.pem")).unwrap();
    let relabelled = csr.replace("CERTIFICATE REQUEST-----", "NEW CERTIFICATE REQUEST-----");
    assert_eq!(kinds(&parse(relabelled.as_bytes())), ["csr"]);
    let p7 = String::from_utf8(fixture("bundle.p7b.pem")).unwrap();
    let relabelled = p7.replace("PKCS7-----", "CMS-----");
    assert_eq!(kinds(&parse(relabelled.as_bytes())), ["certificate"; 3]);
}

/// The JSON shape other layers read: snake_case kinds, origins with their container, problem
/// kinds, and nothing but algorithm, size, matches and encoding findings for a private key.
#[test]
fn json_shape_of_new_entries() {
    use base64ct::Encoding as _;
    let p12 = format!(
        "-----BEGIN PKCS12-----\n{}\n-----END PKCS12-----\n",
        base64ct::Base64::encode_string(&fixture("modern.p12"))
    );
    let input = [
        fixture("ec-leaf.pem"),
        fixture("ec.sec1.pem"),
        p12.into_bytes(),
    ]
    .concat();
    let report = analyze(&input, &AnalyzeOptions::default()).unwrap();
    let json = serde_json::to_value(&report).unwrap();
    let key = &json["objects"][1];
    assert_eq!(key["kind"], "private_key");
    let mut fields: Vec<&str> = key
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "algorithm",
            "bits",
            "curve",
            "index",
            "kind",
            "lints",
            "matches",
            "origin"
        ]
    );
    // Findings name fields and offsets of a key that deviates from DER, never its values.
    assert_eq!(key["lints"], serde_json::json!([]));
    assert_eq!(key["matches"], serde_json::json!([0]));
    assert_eq!(key["origin"]["encoding"], "pem");
    assert_eq!(key["origin"]["label"], "EC PRIVATE KEY");
    assert_eq!(key["origin"]["container"], serde_json::Value::Null);
    let problem = &json["problems"][0];
    assert_eq!(problem["kind"], "password_required");
    assert_eq!(problem["origin"]["encoding"], "pem");
    assert_eq!(problem["origin"]["position"], 2);
    assert_eq!(problem["error"]["structure"], "PKCS#12 file", "{problem}");
}

fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    if content.len() < 0x80 {
        out.push(content.len() as u8);
    } else {
        out.extend_from_slice(&[0x82, (content.len() >> 8) as u8, content.len() as u8]);
    }
    out.extend_from_slice(content);
    out
}
fn children(der: &[u8]) -> Vec<&[u8]> {
    let (start, len) = match der[1] {
        0x81 => (3, der[2] as usize),
        0x82 => (4, ((der[2] as usize) << 8) | der[3] as usize),
        n => (2, n as usize),
    };
    let mut out = Vec::new();
    let mut rest = &der[start..start + len];
    while !rest.is_empty() {
        let (h, l) = match rest[1] {
            0x81 => (3, rest[2] as usize),
            0x82 => (4, ((rest[2] as usize) << 8) | rest[3] as usize),
            n => (2, n as usize),
        };
        out.push(&rest[..h + l]);
        rest = &rest[h + l..];
    }
    out
}

/// The same bundle with BER indefinite lengths on the ContentInfo, the SignedData and the
/// certificate set, as some tools write them.
#[test]
fn pkcs7_with_ber_indefinite_lengths() {
    let der = fixture("bundle.p7b");
    let content_info = children(&der);
    let explicit = children(content_info[1]);
    let fields = children(explicit[0]);
    let mut ber = vec![0x30, 0x80];
    ber.extend_from_slice(content_info[0]);
    ber.extend_from_slice(&[0xa0, 0x80, 0x30, 0x80]);
    for field in &fields {
        if field[0] == 0xa0 {
            ber.extend_from_slice(&[0xa0, 0x80]);
            for cert in children(field) {
                ber.extend_from_slice(cert);
            }
            ber.extend_from_slice(&[0, 0]);
        } else {
            ber.extend_from_slice(field);
        }
    }
    ber.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let parsed = parse(&ber);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(kinds(&parsed), ["certificate"; 3]);
    let first = parsed.objects[0].origin.container.as_ref().unwrap();
    assert_eq!(
        &ber[first.offset.unwrap()..][..4],
        &children(fields[3])[0][..4]
    );
}

/// One broken certificate inside a bundle: the others are listed, and the problem says which
/// item it is, where it starts in the container, and where inside it decoding failed.
#[test]
fn broken_certificate_inside_a_bundle() {
    let mut der = fixture("bundle.p7b");
    let content_info = children(&der);
    let signed_data = children(children(content_info[1])[0]);
    let second = children(signed_data[3])[1];
    let start = second.as_ptr() as usize - der.as_ptr() as usize;
    let second_len = second.len();
    // The second certificate's tbsCertificate: SEQUENCE -> SET.
    der[start + 4] = 0x31;
    let parsed = parse(&der);
    assert_eq!(kinds(&parsed), ["certificate", "certificate"]);
    let problem = &parsed.problems[0];
    let container = problem.origin.container.as_ref().unwrap();
    assert_eq!(container.position, 1);
    assert_eq!(container.offset, Some(start));
    assert_eq!(problem.error.offset, Some(4));
    assert_eq!(problem.error.problem, "expected SEQUENCE but found SET");
    assert_eq!(
        problem.to_string(),
        format!(
            "DER object #1 at byte 0, item #2 of the PKCS#7 container (at byte {start}): \
             certificate: expected SEQUENCE but found SET (at byte 4 of {})",
            second_len
        )
    );
}

#[test]
fn scrypt_encrypted_key_and_its_memory_limit() {
    let pem = fixture("ec.encrypted-scrypt.pem");
    let parsed = parse_input(&pem, &with_password("fixture")).unwrap();
    assert_eq!(kinds(&parsed), ["private_key"], "{:?}", parsed.problems);

    // Raise N to 32512 and r to 9: 37 MB of scrypt memory, over the limit.
    let text = String::from_utf8(pem).unwrap();
    let (_, mut der) = der::pem::decode_vec(text.as_bytes()).unwrap();
    let parameters = [0x02, 0x02, 0x40, 0x00, 0x02, 0x01, 0x08];
    let at = der
        .windows(parameters.len())
        .position(|w| w == parameters)
        .unwrap();
    der[at + 2] = 0x7f;
    der[at + 6] = 0x09;
    let parsed = parse_input(&der, &with_password("fixture")).unwrap();
    let problem = &parsed.problems[0];
    assert_eq!(problem.kind, ProblemKind::LimitExceeded);
    assert!(problem.error.problem.contains("MiB of memory"), "{problem}");
}

#[test]
fn pkcs12_as_bare_base64_and_hex() {
    use base64ct::Encoding as _;
    let der = fixture("legacy-3des.p12");
    let b64 = base64ct::Base64::encode_string(&der);
    let hex: String = der.iter().map(|b| format!("{b:02x}")).collect();
    for (text, encoding) in [(b64, Encoding::Base64), (hex, Encoding::Hex)] {
        let parsed = parse_input(text.as_bytes(), &with_password("fixture")).unwrap();
        assert_eq!(
            kinds(&parsed),
            ["certificate", "private_key"],
            "{:?}",
            parsed.problems
        );
        assert_eq!(parsed.objects[0].origin.encoding, encoding);
    }
}

#[test]
fn mislabelled_pem_is_read_by_structure() {
    let csr = String::from_utf8(fixture("csr-rsa.pem")).unwrap();
    let relabelled = csr.replace("CERTIFICATE REQUEST-----", "CERTIFICATE-----");
    let parsed = parse(relabelled.as_bytes());
    assert_eq!(kinds(&parsed), ["csr"], "{:?}", parsed.problems);
}
