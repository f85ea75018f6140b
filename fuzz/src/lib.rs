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

/// The input detector on raw bytes. Every object and problem it reports must point inside the
/// input.
pub fn input(data: &[u8]) {
    if let Ok(parsed) = certscope::parse_input(data, &InputOptions::default()) {
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
