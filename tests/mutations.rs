//! Every fixture under `tests/data/`, mutated thousands of times at the DER-element level
//! (lengths, tags, duplicated/removed/truncated elements, deeper nesting, also inside extension
//! values), goes through the full analysis: it must return, never panic, within a bounded time
//! per input, and its report must serialise to JSON that parses again. One mutant in four is
//! passed as PEM or hex text, so the text detectors see them too.
//!
//! `CERTSCOPE_MUTATIONS` overrides the number of mutants per seed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "common/mutate.rs"]
mod mutate;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use certscope::AnalyzeOptions;

/// Mutants spread over all seeds; each seed gets between 1 and 2,000 (`CERTSCOPE_MUTATIONS`
/// sets the number per seed for a longer run).
const TOTAL_MUTANTS: usize = 10_000;

/// Seeds larger than this are left to the fuzz targets: the generated worst cases of
/// `tests/data/limits` are thousands of certificates each.
const MAX_SEED_BYTES: usize = 64 * 1024;

fn fixture_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            fixture_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// (file, DER) for every DER object found in the fixtures.
fn seeds() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    fixture_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data"),
        &mut files,
    );
    let mut seen = std::collections::HashSet::new();
    files
        .into_iter()
        .filter(|path| !path.components().any(|c| c.as_os_str() == "limits"))
        .flat_map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            mutate::seeds(&bytes)
                .into_iter()
                .map(move |der| (path.clone(), der))
        })
        .filter(|(_, der)| der.len() <= MAX_SEED_BYTES && seen.insert(der.clone()))
        .collect()
}

fn pem(der: &[u8]) -> Vec<u8> {
    use base64ct::Encoding;
    let body = base64ct::Base64::encode_string(der);
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(64)
        .map(|chunk| std::str::from_utf8(chunk).unwrap())
        .collect();
    format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        lines.join("\n")
    )
    .into_bytes()
}

fn mutants_per_seed(seeds: usize) -> usize {
    std::env::var("CERTSCOPE_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| (TOTAL_MUTANTS / seeds.max(1)).clamp(1, 2_000))
}

#[test]
fn the_tree_reader_is_lossless_on_every_seed() {
    let seeds = seeds();
    assert!(
        seeds.len() >= 5,
        "expected the fuzz seeds and the doc fixture"
    );
    for (path, der) in &seeds {
        // Not DER on purpose: the lenient decoding fixtures with BER lengths (a certificate, a
        // CRL, a request), and legacy encrypted PEM keys, whose body is ciphertext.
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let encrypted_pem = std::fs::read(path)
            .is_ok_and(|bytes| bytes.windows(22).any(|w| w == b"Proc-Type: 4,ENCRYPTED"));
        if name.contains("long-lengths") || encrypted_pem {
            continue;
        }
        let tree = mutate::parse(der).unwrap_or_else(|| panic!("{} is not DER", path.display()));
        assert_eq!(&mutate::encode(&tree), der, "{}", path.display());
    }
}

#[test]
fn the_tree_reader_looks_inside_extension_values() {
    let der = include_bytes!("data/fuzz/leaf-p384.der");
    let tree = mutate::parse(der).unwrap();
    fn encapsulated(elements: &[mutate::Element]) -> usize {
        elements
            .iter()
            .map(|e| match &e.body {
                mutate::Body::Bytes(_) => 0,
                mutate::Body::Children(c) => encapsulated(c),
                mutate::Body::Encapsulated { children, .. } => 1 + encapsulated(children),
            })
            .sum()
    }
    // Ten extension values plus the public key's BIT STRING are not all DER, but most are.
    assert!(encapsulated(&tree) >= 8, "{}", encapsulated(&tree));
}

#[test]
fn mutation_is_deterministic() {
    let der = include_bytes!("data/fuzz/leaf-p384.der");
    let run = |seed| {
        let mut rng = mutate::Rng::new(seed);
        (0..50)
            .map(|_| mutate::mutate(der, &mut rng))
            .collect::<Vec<_>>()
    };
    assert_eq!(run(7), run(7));
    assert_ne!(run(7), run(8));
}

#[test]
fn every_fixture_mutation_returns_within_bounds() {
    let seeds = seeds();
    let per_seed = mutants_per_seed(seeds.len());
    let options = AnalyzeOptions::at_unix_seconds(1_800_000_000);
    let mut total = 0usize;
    let mut still_certificates = 0usize;
    let mut changed = 0usize;
    let mut slowest = (Duration::ZERO, String::new());
    for (number, (path, der)) in seeds.iter().enumerate() {
        let mut rng = mutate::Rng::new(0x6d75_7461_7465 ^ u64::try_from(number).unwrap());
        for round in 0..per_seed {
            let raw = mutate::mutate(der, &mut rng);
            // One mutant in four goes in as text, through the PEM and hex detectors.
            let mutant = match round % 8 {
                3 => pem(&raw),
                7 => certscope::cert::hex(&raw).into_bytes(),
                _ => raw.clone(),
            };
            let label = format!("{} mutant {round}", path.display());
            let start = Instant::now();
            let result = certscope::analyze(&mutant, &options);
            let elapsed = start.elapsed();
            if elapsed > slowest.0 {
                slowest = (elapsed, label.clone());
            }
            if let Ok(report) = result {
                let json = serde_json::to_string(&report).unwrap();
                let _: serde_json::Value = serde_json::from_str(&json).unwrap();
                if report.certificates().next().is_some() {
                    still_certificates += 1;
                }
            }
            if raw != *der {
                changed += 1;
            }
            total += 1;
        }
    }
    println!(
        "{total} mutants of {} seeds; {changed} differ from their seed; {still_certificates} \
         still decode as certificates; slowest {:?} ({})",
        seeds.len(),
        slowest.0,
        slowest.1
    );
    // The mutator changes almost every input, and many mutants stay certificates: the changes
    // reach inside, not only the outer SEQUENCE.
    assert!(changed * 10 >= total * 8, "{changed} of {total} changed");
    assert!(
        still_certificates * 10 >= total,
        "{still_certificates} of {total} decode"
    );
}
