//! Native benchmarks of chain building and validation: `cargo bench --bench chain`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "common/corpus.rs"]
mod corpus;

use certscope::chain::{verify, VerifyOptions};
use certscope::time::UnixTime;
use certscope::Cert;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// 2027-01-01T00:00:00Z: inside every corpus leaf's validity.
const AT: UnixTime = UnixTime(1_798_761_600);

fn parsed(der: &[u8]) -> Cert {
    Cert::from_der(der).unwrap()
}

/// Decode a leaf, its intermediate and root, build the path and verify both signatures, per
/// key type (every certificate of a chain uses the same key type).
fn chain_per_key_type(c: &mut Criterion) {
    let corpus = corpus::by_key_type();
    let options = VerifyOptions::at(AT);
    let mut group = c.benchmark_group("chain");
    group.throughput(Throughput::Elements(1));
    for key_type in &corpus {
        let (leaf, intermediate, root) =
            (&key_type.leaves[0], &key_type.intermediate, &key_type.root);
        let report = verify(
            &parsed(leaf),
            &[parsed(intermediate)],
            &[parsed(root)],
            &options,
        );
        assert!(report.valid, "{}: {:?}", key_type.key_type, report.error);
        group.bench_function(format!("decode-build-verify/{}", key_type.key_type), |b| {
            b.iter(|| {
                let report = verify(
                    &parsed(black_box(leaf)),
                    &[parsed(black_box(intermediate))],
                    &[parsed(black_box(root))],
                    &options,
                );
                black_box(report.valid)
            })
        });
    }
    group.finish();
}

/// Path building when the untrusted bag holds 1,000 certificates that issue nothing, plus the
/// one intermediate that matters, and the anchors are Debian's system roots plus the right root.
fn path_building_in_a_bag(c: &mut Criterion) {
    let corpus = corpus::by_key_type();
    let p256 = corpus.iter().find(|t| t.key_type == "p256").unwrap();
    let target = parsed(&p256.leaves[0]);
    let mut untrusted: Vec<Cert> = corpus
        .iter()
        .flat_map(|t| t.leaves.iter())
        .filter(|der| *der != &p256.leaves[0])
        .map(|der| parsed(der))
        .take(1000)
        .collect();
    untrusted.insert(untrusted.len() / 2, parsed(&p256.intermediate));
    let mut anchors: Vec<Cert> = corpus::system_roots().iter().map(|d| parsed(d)).collect();
    anchors.push(parsed(&p256.root));
    let options = VerifyOptions::at(AT);
    let report = verify(&target, &untrusted, &anchors, &options);
    assert!(report.valid, "{:?}", report.error);
    let mut group = c.benchmark_group("path-building");
    group.sample_size(20);
    group.bench_function(
        format!(
            "p256-leaf/{}-untrusted/{}-anchors",
            untrusted.len(),
            anchors.len()
        ),
        |b| b.iter(|| black_box(verify(&target, &untrusted, &anchors, &options).valid)),
    );
    group.finish();
}

criterion_group!(benches, chain_per_key_type, path_building_in_a_bag);
criterion_main!(benches);
