//! What the fuzz targets share: the DER-aware mutator (the same code the native and wasm
//! mutation tests use) and the checks each target runs on one input.
//!
//! A new target is a file under `fuzz_targets/` calling one of these functions (or a new one
//! here) plus a `[[bin]]` entry in `Cargo.toml`; `run.sh`, `ci.sh` and `seed.py` pick it up
//! from `cargo fuzz list`.

#[path = "../../tests/common/mutate.rs"]
pub mod mutate;

use certscope::{AnalyzeOptions, InputOptions};

/// The analysis time every target uses: fixed, so a finding reproduces.
pub const ANALYSIS_TIME: u64 = 1_800_000_000;

/// The input detector and the quick look on raw bytes. Every object and problem the detector
/// reports must point inside the input.
pub fn input(data: &[u8]) {
    // The quick look on raw bytes: an error or a summary, never a panic.
    let _ = certscope::summarize(data);
    if let Ok(parsed) = certscope::parse_input(data, &InputOptions::default()) {
        for cert in parsed.certificates() {
            // The quick look of a certificate the parser found agrees with reading it again.
            if let Ok(again) = certscope::summarize(cert.der()) {
                assert!(
                    again == certscope::Summary::of(cert),
                    "the summary changes when the certificate is read again"
                );
            }
        }
        for found in &parsed.objects {
            assert!(
                found.origin.offset <= data.len(),
                "object offset past the input"
            );
        }
        for problem in &parsed.problems {
            assert!(
                problem.origin.offset <= data.len(),
                "problem offset past the input"
            );
            assert!(
                !problem.error.to_string().is_empty(),
                "a problem without words"
            );
        }
    }
}

/// The full analysis, then the report through `serde_json`: the JSON must parse again into
/// an equal report.
pub fn analyze(data: &[u8]) {
    let options = AnalyzeOptions::at_unix_seconds(ANALYSIS_TIME);
    if let Ok(report) = certscope::analyze(data, &options) {
        let json = match serde_json::to_string(&report) {
            Ok(json) => json,
            Err(error) => panic!("the report does not serialise: {error}"),
        };
        match serde_json::from_str::<certscope::Report>(&json) {
            Ok(back) => assert!(back == report, "the report changes through JSON"),
            Err(error) => panic!("the report's JSON does not parse: {error}"),
        }
    }
}

/// A structure-aware mutation for `fuzz_mutator!`: parses `data[..size]` as a DER tree, applies
/// element-level changes and writes the re-encoded result back. Falls back to libFuzzer's byte
/// mutations for input that is not DER, for output that would not fit, and one time in four
/// (so byte-level and structural changes combine).
pub fn mutate_in_place(
    data: &mut [u8],
    size: usize,
    max_size: usize,
    seed: u32,
    fallback: impl FnOnce(&mut [u8], usize, usize) -> usize,
) -> usize {
    let mut rng = mutate::Rng::new(u64::from(seed) | (u64::from(seed) << 32));
    let input = data.get(..size).unwrap_or_default();
    if rng.one_in(4) || mutate::parse(input).is_none_or(|tree| tree.is_empty()) {
        return fallback(data, size, max_size);
    }
    let mutant = mutate::mutate(input, &mut rng);
    match data.get_mut(..mutant.len()) {
        Some(target) if mutant.len() <= max_size => {
            target.copy_from_slice(&mutant);
            mutant.len()
        }
        _ => fallback(data, size, max_size),
    }
}

/// The certificates in `data`, as the input detector finds them: a bag for path building.
pub fn certificates(data: &[u8]) -> Vec<certscope::Cert> {
    certscope::parse_input(data, &InputOptions::default())
        .map(|parsed| parsed.certificates().cloned().collect())
        .unwrap_or_default()
}

/// Splits one fuzz input in two at the first NUL byte: a short text (a host name, an e-mail
/// address, a name to match) and the rest (certificates). Without a NUL, the text is empty.
pub fn text_and_rest(data: &[u8]) -> (String, &[u8]) {
    match data.iter().position(|&b| b == 0) {
        Some(at) => (
            String::from_utf8_lossy(data.get(..at).unwrap_or_default()).into_owned(),
            data.get(at + 1..).unwrap_or_default(),
        ),
        None => (String::new(), data),
    }
}

/// Path building and validation over a bag: the first certificate is the target, the last the
/// anchor, the rest untrusted. Also with a host name (the text before a NUL byte) for server
/// validation, so host matching and name constraints run on every path found.
pub fn chain(data: &[u8]) {
    use certscope::chain::{verify, ExpectedName, Purpose, VerifyOptions};
    let (host, rest) = text_and_rest(data);
    let mut bag = certificates(rest);
    let (Some(anchor), false) = (bag.pop(), bag.is_empty()) else {
        return;
    };
    let target = bag.remove(0);
    let mut options = VerifyOptions::at(certscope::time::UnixTime(ANALYSIS_TIME));
    options.purpose = Purpose::Any;
    let report = verify(&target, &bag, std::slice::from_ref(&anchor), &options);
    assert!(
        report.valid == report.error.is_none(),
        "valid and error disagree"
    );
    options.purpose = Purpose::ServerAuth;
    options.host = Some(match host.parse() {
        Ok(ip) => ExpectedName::Ip(ip),
        Err(_) => ExpectedName::Dns(host),
    });
    let report = verify(&target, &bag, &[anchor], &options);
    assert!(
        report.valid == report.error.is_none(),
        "valid and error disagree"
    );
}

/// Host-name, e-mail and IP matching of the text before a NUL byte against every certificate
/// after it.
pub fn host_name(data: &[u8]) {
    use certscope::chain::{names, ExpectedName};
    let (text, rest) = text_and_rest(data);
    let _ = names::to_ascii_host(&text);
    let _ = names::valid_dns_name(&text, true);
    let _ = names::valid_email(&text);
    let mut expected = vec![
        ExpectedName::Dns(text.clone()),
        ExpectedName::Email(text.clone()),
        ExpectedName::Uri(text.clone()),
    ];
    if let Ok(ip) = text.parse() {
        expected.push(ExpectedName::Ip(ip));
    }
    for cert in certificates(rest) {
        for name in &expected {
            let _ = names::matches_host(&cert, name, false);
            let _ = names::matches_host(&cert, name, true);
        }
    }
}

/// Name constraints: the nameConstraints of the first certificate against the names of every
/// other, with the comparison budget of the path builder.
pub fn name_constraints(data: &[u8]) {
    use certscope::chain::names;
    use x509_cert::ext::pkix::NameConstraints;
    let certs = certificates(data);
    let Some((ca, others)) = certs.split_first() else {
        return;
    };
    let Some(constraints) = certscope::ext::find::<NameConstraints>(ca).value().cloned() else {
        return;
    };
    let limit = certscope::chain::Budget::default().name_constraint_comparisons;
    for cert in others {
        if let Ok(subject_names) = names::subject_names(cert) {
            let comparisons = std::cell::Cell::new(0);
            let _ = names::check_constraints(&constraints, &subject_names, &comparisons, limit);
            assert!(
                comparisons.get() <= limit.saturating_add(1),
                "comparisons past the budget"
            );
        }
    }
}

/// The lenient decoding path (`certscope::lenient`) on one input read as a certificate, a CRL,
/// a request, a key and a PKCS#12 file: the repair walk and the decoders above it never panic,
/// every deviation points inside the input, and an object the lenient path reads is linted
/// without a panic; then the input parser, which reads keys and PKCS#12 files through it.
pub fn lenient(data: &[u8]) {
    use certscope::lenient::{repair, Shape};
    for shape in [
        Shape::Certificate,
        Shape::Crl,
        Shape::Csr,
        Shape::Key,
        Shape::Pkcs12,
    ] {
        if let Some(repaired) = repair(data, shape) {
            for deviation in &repaired.deviations {
                assert!(
                    deviation.offset < data.len(),
                    "a deviation's offset past the input"
                );
                assert!(!deviation.message.is_empty(), "a deviation without words");
            }
            let (start, length) = repaired.signed_range;
            assert!(
                start.saturating_add(length) <= data.len(),
                "the signed range past the input"
            );
        }
    }
    if let Ok(cert) = certscope::Cert::from_der(data) {
        let _ = certscope::lint(&cert, &certscope::LintOptions::default());
        for deviation in cert.deviations() {
            assert!(deviation.offset < data.len(), "a deviation past the input");
        }
    }
    if let Ok(crl) = certscope::input::Crl::from_der(data) {
        for finding in certscope::lint::lint_crl(&crl) {
            assert!(!finding.id.is_empty(), "a CRL finding without an id");
        }
    }
    if let Ok(csr) = certscope::input::Csr::from_der(data) {
        for finding in certscope::lint::lint_csr(&csr) {
            assert!(!finding.id.is_empty(), "a request finding without an id");
        }
    }
    // Keys and PKCS#12 files through the input parser, which falls back to the lenient walk
    // when the strict decoders refuse them (the empty password tried on a PKCS#12 file; key
    // derivation capped so that one input stays fast). A key's deviations point inside the
    // DER it was read from and become findings with words.
    let options = InputOptions {
        max_kdf_iterations: 20_000,
        ..InputOptions::default()
    };
    if let Ok(parsed) = certscope::parse_input(data, &options) {
        for found in &parsed.objects {
            let deviations = match &found.object {
                certscope::input::Object::PrivateKey(key) => key.deviations(),
                certscope::input::Object::PublicKey(key) => key.deviations(),
                _ => continue,
            };
            for deviation in deviations {
                assert!(
                    deviation.offset < data.len(),
                    "a key's deviation past the input"
                );
            }
            for finding in certscope::lint::lint_key(deviations) {
                assert!(
                    !finding.id.is_empty() && !finding.message.is_empty(),
                    "a key finding without an id or words"
                );
            }
        }
        for problem in &parsed.problems {
            assert!(
                !problem.error.to_string().is_empty(),
                "a problem without words"
            );
        }
    }
}
