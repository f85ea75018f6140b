//! The worst cases of `tests/limits.rs`, timed: `cargo bench --bench limits`.
//!
//! The tests assert that each stays within its budget (signatures, candidates, name-constraint
//! comparisons, intermediates); this prints how long that takes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use certscope::chain::{verify, Profile, Purpose, VerifyOptions};
use certscope::time::UnixTime;
use certscope::{analyze, AnalyzeOptions, Cert};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::Path;

const AT: UnixTime = UnixTime(1_800_000_000);
const ROOT: &[u8] = include_bytes!("../tests/data/fuzz/root-p256.der");

fn fixture(name: &str) -> Cert {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/limits")
        .join(name);
    Cert::from_der(&std::fs::read(path).unwrap()).unwrap()
}

/// `count` distinct certificates with one subject (the last two signature bytes differ).
fn same_subject(count: u16) -> Vec<Vec<u8>> {
    (0..count)
        .map(|i| {
            let mut cert = ROOT.to_vec();
            let n = cert.len();
            cert[n - 2..].copy_from_slice(&i.to_be_bytes());
            cert
        })
        .collect()
}

fn options() -> VerifyOptions {
    let mut options = VerifyOptions::at(AT);
    options.purpose = Purpose::Any;
    // The generated CAs carry no key identifiers, which the Web PKI profile refuses first.
    options.profile = Profile::Rfc5280;
    options
}

fn limits(c: &mut Criterion) {
    let mut group = c.benchmark_group("limits");
    group.sample_size(10);

    let bag = same_subject(10_000);
    let input: Vec<u8> = bag.concat();
    group.bench_function("analyze/10000-certificates-one-subject", |b| {
        b.iter(|| analyze(black_box(&input), &AnalyzeOptions::at_unix_seconds(AT.0)).unwrap())
    });
    let certs: Vec<Cert> = bag.iter().map(|der| Cert::from_der(der).unwrap()).collect();
    let (target, rest) = certs.split_first().unwrap();
    let report = verify(target, rest, &[], &options());
    assert!(report.budget_exceeded.is_some() || !report.valid);
    group.bench_function("verify/target-among-9999-same-subject", |b| {
        b.iter(|| verify(black_box(target), rest, &[], &options()))
    });

    let (leaf, intermediate, root) = (
        fixture("nc-leaf.der"),
        fixture("nc-intermediate.der"),
        fixture("nc-root.der"),
    );
    group.bench_function("verify/1000-names-2000-name-constraints", |b| {
        b.iter(|| {
            verify(
                black_box(&leaf),
                std::slice::from_ref(&intermediate),
                std::slice::from_ref(&root),
                &options(),
            )
        })
    });

    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/limits");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("cross-") && n.contains("-by-"))
        .collect();
    names.sort();
    let mesh: Vec<Cert> = names.iter().map(|n| fixture(n)).collect();
    let (cross_leaf, cross_root) = (fixture("cross-leaf.der"), fixture("cross-root.der"));
    group.bench_function("verify/mesh-of-21-cross-signs", |b| {
        b.iter(|| {
            verify(
                black_box(&cross_leaf),
                &mesh,
                std::slice::from_ref(&cross_root),
                &options(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, limits);
criterion_main!(benches);
