//! Mutated fixtures through the wasm build: the instance must survive every one of them. A
//! panic in wasm aborts the instance (an `unreachable` trap), which fails the test and every
//! call after it; the last check analyses a valid certificate again to prove the instance is
//! still alive.
//!
//! The mutants come from the same deterministic DER-element mutator as the native mutation
//! test (`tests/mutations.rs`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "../../tests/common/mutate.rs"]
mod mutate;

use certscope_wasm::analyze;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const FIXTURES: &[&[u8]] = &[
    include_bytes!("../../tests/data/doc/leaf.pem"),
    include_bytes!("../../tests/data/fuzz/root-p256.der"),
    include_bytes!("../../tests/data/fuzz/intermediate-ed25519.der"),
    include_bytes!("../../tests/data/fuzz/leaf-p384.der"),
    include_bytes!("../../tests/data/fuzz/leaf-rsa.der"),
];

/// Mutants per seed: the wasm test build is unoptimised, so fewer than natively.
const MUTANTS_PER_SEED: usize = 300;

fn options() -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"at".into(), &"2030-01-01T00:00:00Z".into()).unwrap();
    o.into()
}

fn certificate_count(report: &JsValue) -> u32 {
    let objects = js_sys::Reflect::get(report, &"objects".into()).unwrap();
    objects.dyn_into::<js_sys::Array>().unwrap().length()
}

#[wasm_bindgen_test]
fn the_instance_survives_every_mutant() {
    let mut total = 0usize;
    let mut reports = 0usize;
    for (number, fixture) in FIXTURES.iter().enumerate() {
        let seeds = mutate::seeds(fixture);
        assert!(!seeds.is_empty(), "fixture {number} has no DER");
        for der in seeds {
            let mut rng = mutate::Rng::new(0x7761_736d ^ u64::try_from(number).unwrap());
            for round in 0..MUTANTS_PER_SEED {
                let mutant = mutate::mutate(&der, &mut rng);
                // Alternate bytes and text, as the page passes both.
                let input: JsValue = if round % 2 == 0 {
                    js_sys::Uint8Array::from(mutant.as_slice()).into()
                } else {
                    JsValue::from_str(&certscope::cert::hex(&mutant))
                };
                // An Err is a JavaScript Error with a message: fine. A panic would trap.
                if analyze(input, options()).is_ok() {
                    reports += 1;
                }
                total += 1;
            }
        }
    }
    assert!(total >= 1_500, "{total}");
    assert!(reports * 2 >= total, "{reports} of {total} gave a report");
    let leaf = include_str!("../../tests/data/doc/leaf.pem");
    let report = analyze(leaf.into(), options()).unwrap();
    assert_eq!(certificate_count(&report), 1);
}
